// Markdown task lists to checklist phases and back, over every checklist in the seeds.
#include "checklist_parser.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace cockpit;

namespace {

QByteArray readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return f.readAll();
}

QStringList seedFiles()
{
    const QDir dir(QStringLiteral(COCKPIT_SHARED_DIR "/seeds"));
    QStringList out;
    for (const QString &name : dir.entryList({QStringLiteral("*.txt")}, QDir::Files, QDir::Name))
        out << dir.filePath(name);
    return out;
}

bool isTaskLine(const QByteArray &line)
{
    return line.startsWith("- [ ] ") || line.startsWith("- [x] ");
}

struct Fragment {
    QString name;
    QByteArray text;
    int tasks = 0;
};

// The seeds' checklists: every ```markdown block, and every run of consecutive task lines with
// the heading lines (and blank lines between them) right above it.
QList<Fragment> seedFragments()
{
    QList<Fragment> out;
    for (const QString &path : seedFiles()) {
        const QList<QByteArray> lines = readFile(path).split('\n');
        const QString base = QFileInfo(path).baseName().left(3);
        for (qsizetype i = 0; i < lines.size(); ++i) {
            if (lines.at(i).trimmed() == "```markdown") {
                Fragment f {QStringLiteral("%1 markdown block line %2").arg(base).arg(i + 1), {}, 0};
                for (++i; i < lines.size() && !lines.at(i).startsWith("```"); ++i) {
                    f.text += lines.at(i) + '\n';
                    f.tasks += isTaskLine(lines.at(i)) ? 1 : 0;
                }
                if (f.tasks > 0)
                    out << f;
            }
        }
        for (qsizetype i = 0; i < lines.size(); ++i) {
            if (!isTaskLine(lines.at(i)) || (i > 0 && isTaskLine(lines.at(i - 1))))
                continue;
            qsizetype first = i;
            for (qsizetype k = i - 1; k >= 0; --k) {
                if (lines.at(k).startsWith('#'))
                    first = k;
                else if (!lines.at(k).trimmed().isEmpty())
                    break;
            }
            Fragment f {QStringLiteral("%1 run line %2").arg(base).arg(i + 1), {}, 0};
            for (qsizetype k = first; k < lines.size() && (k < i || isTaskLine(lines.at(k))); ++k) {
                f.text += lines.at(k) + '\n';
                f.tasks += isTaskLine(lines.at(k)) ? 1 : 0;
            }
            out << f;
        }
    }
    return out;
}

QList<ChecklistItem> allItems(const ChecklistPhase &phase)
{
    QList<ChecklistItem> out;
    for (const ChecklistSection &s : phase.sections)
        out += s.items;
    return out;
}

// Mixed states, with N/A reasons that need escaping inside an HTML comment.
void setMixedStates(ChecklistPhase &phase)
{
    int n = 0;
    for (ChecklistSection &s : phase.sections) {
        for (ChecklistItem &item : s.items) {
            switch (n++ % 5) {
            case 0:
                item.state = ItemState::Done;
                break;
            case 1:
                item.state = ItemState::Failed;
                break;
            case 2:
                item.state = ItemState::NotApplicable;
                item.naReason
                    = QStringLiteral("no schema -- changes > none; 100% sure, caf\u00e9 <!-- x -->");
                break;
            case 3:
                item.state = ItemState::NotApplicable;
                break;
            default:
                item.state = ItemState::Open;
            }
        }
    }
}

void compareItems(const ChecklistPhase &a, const ChecklistPhase &b)
{
    QCOMPARE(a.title, b.title);
    QCOMPARE(a.sections.size(), b.sections.size());
    for (qsizetype s = 0; s < a.sections.size(); ++s) {
        QCOMPARE(a.sections.at(s).title, b.sections.at(s).title);
        QCOMPARE(a.sections.at(s).items.size(), b.sections.at(s).items.size());
        for (qsizetype i = 0; i < a.sections.at(s).items.size(); ++i) {
            const ChecklistItem &x = a.sections.at(s).items.at(i);
            const ChecklistItem &y = b.sections.at(s).items.at(i);
            QCOMPARE(x.key, y.key);
            QCOMPARE(x.text, y.text);
            QCOMPARE(x.check, y.check);
            QCOMPARE(x.condition, y.condition);
            QCOMPARE(x.sourceLine, y.sourceLine);
            QCOMPARE(int(x.state), int(y.state));
            QCOMPARE(x.naReason, y.naReason);
        }
    }
}

}  // namespace

class TstChecklistParser : public QObject {
    Q_OBJECT
private slots:
    void changingAnItemOfACopyLeavesTheOriginal();
    void seedChecklists_data();
    void seedChecklists();
    void seedPreRelease();
    void wholeSeedDocuments_data();
    void wholeSeedDocuments();
    void conditions_data();
    void conditions();
    void bindings();
    void bindingMatches_data();
    void bindingMatches();
    void nestedAndOrdered();
    void preChecked();
    void itemsNeedText();
    void crlf();
    void bom();
    void fuzzFindings_data();
    void fuzzFindings();
    void errors_data();
    void errors();
};

void TstChecklistParser::seedChecklists_data()
{
    QTest::addColumn<QByteArray>("source");
    QTest::addColumn<int>("tasks");
    const QList<Fragment> fragments = seedFragments();
    QVERIFY(fragments.size() >= 15);  // 3 markdown blocks + the task runs of seeds 000-004
    for (const Fragment &f : fragments)
        QTest::newRow(qPrintable(f.name)) << f.text << f.tasks;
}

void TstChecklistParser::seedChecklists()
{
    QFETCH(QByteArray, source);
    QFETCH(int, tasks);
    const auto phase = parseChecklist(source, QStringLiteral("seed"), QStringLiteral("seed.md"));
    QVERIFY2(phase, qPrintable(phase ? QString() : phase.error().toString()));
    QCOMPARE(phase->itemCount(), tasks);
    QCOMPARE(exportChecklist(*phase), source);  // untouched: byte for byte
    const QList<ChecklistItem> items = allItems(*phase);
    for (int i = 0; i < items.size(); ++i) {
        QCOMPARE(items.at(i).key, QStringLiteral("seed.%1").arg(i + 1));
        QVERIFY(!items.at(i).text.isEmpty());
        QVERIFY(!items.at(i).text.startsWith(u'['));
        QCOMPARE(source.split('\n').at(items.at(i).sourceLine - 1).mid(6), items.at(i).text.toUtf8());
    }

    ChecklistPhase changed = *phase;
    setMixedStates(changed);
    const QByteArray exported = exportChecklist(changed);
    QVERIFY(exported != source);
    const auto reimported = parseChecklist(exported, QStringLiteral("seed"), QStringLiteral("seed.md"));
    QVERIFY(reimported);
    compareItems(changed, *reimported);
    QCOMPARE(exportChecklist(*reimported), exported);  // stable from the first export on
    // Back to all open: the template again.
    ChecklistPhase reopened = *reimported;
    for (ChecklistSection &s : reopened.sections) {
        for (ChecklistItem &i : s.items) {
            i.state = ItemState::Open;
            i.naReason.clear();
        }
    }
    QCOMPARE(exportChecklist(reopened), source);
}

void TstChecklistParser::seedPreRelease()
{
    const QList<Fragment> fragments = seedFragments();
    const Fragment &pre = fragments.first();
    QVERIFY(pre.name.startsWith(u"000 markdown"));
    const auto phase
        = parseChecklist(pre.text, QStringLiteral("pre-release"), QStringLiteral("pre-release.md"));
    QVERIFY(phase);
    QCOMPARE(phase->title, QStringLiteral("Pre-Release Checklist"));
    QStringList titles;
    for (const ChecklistSection &s : phase->sections)
        titles << s.title + QStringLiteral(":%1").arg(s.items.size());
    QCOMPARE(titles,
        (QStringList {"Code Readiness:4", "Testing:4", "Documentation:4", "Dependencies:3", "Approvals:3"}));
    const ChecklistItem *last = &phase->sections.last().items.last();
    QCOMPARE(last->key, QStringLiteral("pre-release.18"));
    QCOMPARE(last->text, QStringLiteral("Security Lead sign-off (if security changes)"));
    QCOMPARE(last->condition, QStringLiteral("security changes"));
    QCOMPARE(phase->sections.at(2).items.at(3).condition, QString());  // "Runbook updated if needed"

    const Fragment &post = fragments.at(2);
    const auto postPhase = parseChecklist(post.text, QStringLiteral("post-release"), QStringLiteral("p.md"));
    QVERIFY(postPhase);
    QCOMPARE(postPhase->title, QStringLiteral("Post-Release Checklist"));
    QCOMPARE(postPhase->sections.size(), 1);
    QCOMPARE(postPhase->sections.first().title, QString());  // implicit section
    QCOMPARE(postPhase->sections.first().items.at(3).condition, QStringLiteral("major"));
}

void TstChecklistParser::wholeSeedDocuments_data()
{
    // Task lines inside fenced code blocks (seed 000's ```markdown templates) are not items.
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("items");
    const QStringList files = seedFiles();
    QCOMPARE(files.size(), 5);
    const int expected[] = {5, 25, 5, 0, 8};
    for (int i = 0; i < files.size(); ++i)
        QTest::newRow(qPrintable(QFileInfo(files.at(i)).fileName())) << files.at(i) << expected[i];
}

void TstChecklistParser::wholeSeedDocuments()
{
    QFETCH(QString, path);
    QFETCH(int, items);
    const QByteArray source = readFile(path);
    const auto phase = parseChecklist(source, QStringLiteral("doc"), path);
    if (items == 0) {
        QVERIFY(!phase);
        QCOMPARE(phase.error().code, ErrorCode::BadInput);
        QCOMPARE(phase.error().location.toString(), path + QStringLiteral(":1:1"));
        return;
    }
    QVERIFY(phase);
    QCOMPARE(phase->itemCount(), items);
    QCOMPARE(exportChecklist(*phase), source);
}

void TstChecklistParser::conditions_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("condition");
    QTest::newRow("paren") << QByteArray("- [ ] Writes disabled (if schema changes)")
                           << "Writes disabled (if schema changes)"
                           << "schema changes";
    QTest::newRow("breaking") << QByteArray("- [ ] Migration guide written (if breaking)")
                              << "Migration guide written (if breaking)"
                              << "breaking";
    QTest::newRow("capital") << QByteArray("- [ ] Notify (If Major)") << "Notify (If Major)"
                             << "Major";
    QTest::newRow("comment") << QByteArray("- [ ] Security review <!-- if: changelog has Security -->")
                             << "Security review"
                             << "changelog has Security";
    QTest::newRow("comment wins") << QByteArray("- [ ] Review (if risky) <!-- if: major -->")
                                  << "Review (if risky)"
                                  << "major";
    QTest::newRow("none") << QByteArray("- [ ] Runbook updated if needed") << "Runbook updated if needed"
                          << "";
    QTest::newRow("other parens") << QByteArray("- [ ] OSRM version noted (or PARKED)")
                                  << "OSRM version noted (or PARKED)"
                                  << "";
}

void TstChecklistParser::conditions()
{
    QFETCH(QByteArray, line);
    QFETCH(QString, text);
    QFETCH(QString, condition);
    const auto phase = parseChecklist(line + '\n', QStringLiteral("p"), QStringLiteral("p.md"));
    QVERIFY(phase);
    QCOMPARE(phase->itemCount(), 1);
    QCOMPARE(phase->sections.first().items.first().text, text);
    QCOMPARE(phase->sections.first().items.first().condition, condition);
}

void TstChecklistParser::bindings()
{
    const QByteArray src = "## Testing\n"
                           "- [ ] Staging soak test PASS <!-- check: soak staging -->\n"
                           "- [ ] Gate <!-- check: gate unit --> <!-- if: major -->  \n"
                           "- [ ] Kept <!-- a note for humans -->\n";
    auto phase = parseChecklist(src, QStringLiteral("pre"), QStringLiteral("pre.md"));
    QVERIFY(phase);
    const QList<ChecklistItem> items = allItems(*phase);
    QCOMPARE(items.size(), 3);
    QCOMPARE(items.at(0).text, QStringLiteral("Staging soak test PASS"));
    QCOMPARE(items.at(0).check, QStringLiteral("soak staging"));
    QCOMPARE(items.at(1).text, QStringLiteral("Gate"));
    QCOMPARE(items.at(1).check, QStringLiteral("gate unit"));
    QCOMPARE(items.at(1).condition, QStringLiteral("major"));
    QCOMPARE(items.at(2).text, QStringLiteral("Kept <!-- a note for humans -->"));
    QCOMPARE(exportChecklist(*phase), src);

    phase->sections[0].items[0].state = ItemState::Failed;
    phase->sections[0].items[1].state = ItemState::NotApplicable;
    phase->sections[0].items[1].naReason = QStringLiteral("minor release");
    const QByteArray out = exportChecklist(*phase);
    QCOMPARE(out,
        QByteArray("## Testing\n"
                   "- [ ] Staging soak test PASS <!-- check: soak staging --> <!-- state: failed -->\n"
                   "- [x] Gate <!-- check: gate unit --> <!-- if: major --> <!-- state: na; reason: minor "
                   "release -->\n"
                   "- [ ] Kept <!-- a note for humans -->\n"));
    const auto again = parseChecklist(out, QStringLiteral("pre"), QStringLiteral("pre.md"));
    QVERIFY(again);
    compareItems(*phase, *again);
    QCOMPARE(allItems(*again).at(0).check, QStringLiteral("soak staging"));
}

void TstChecklistParser::nestedAndOrdered()
{
    const QByteArray src = "# Deploy\n\n"
                           "- [ ] Parent\n"
                           "  - [x] Child one\n"
                           "  - [ ] Child two\n"
                           "- [ ] Sibling\n\n"
                           "## Ordered\n\n"
                           "1. [ ] First\n"
                           "2. [X] Second\n\n"
                           "```markdown\n- [ ] in a fence\n```\n";
    const auto phase = parseChecklist(src, QStringLiteral("deploy"), QStringLiteral("d.md"));
    QVERIFY(phase);
    QCOMPARE(phase->title, QStringLiteral("Deploy"));
    QCOMPARE(phase->sections.size(), 2);
    QStringList texts;
    for (const ChecklistItem &i : allItems(*phase))
        texts << i.key + u'=' + i.text + u'/' + itemStateName(i.state);
    QCOMPARE(texts,
        (QStringList {"deploy.1=Parent/open", "deploy.2=Child one/done", "deploy.3=Child two/open",
            "deploy.4=Sibling/open", "deploy.5=First/open", "deploy.6=Second/done"}));
    QCOMPARE(allItems(*phase).at(5).sourceLine, 11);
    QCOMPARE(exportChecklist(*phase), src);
}

void TstChecklistParser::preChecked()
{
    const QByteArray src = "- [X] Upper\n- [x] lower\n- [ ] open\n";
    auto phase = parseChecklist(src, QStringLiteral("p"), QStringLiteral("p.md"));
    QVERIFY(phase);
    QCOMPARE(phase->closedCount(), 2);
    QCOMPARE(exportChecklist(*phase), src);
    phase->sections[0].items[0].state = ItemState::Open;
    phase->sections[0].items[2].state = ItemState::Done;
    QCOMPARE(exportChecklist(*phase), QByteArray("- [ ] Upper\n- [x] lower\n- [x] open\n"));
}

void TstChecklistParser::itemsNeedText()
{
    // Export writes states onto the checkbox line; a box with no text of its own is not an item,
    // since a comment appended there would become its content (found by fuzzing).
    const QByteArray src = "- [ ] \n"
                           "- [x] \n"
                           "  - [ ] nested\n"
                           "- [ ] <!-- state: failed -->\n"
                           "continued\n"
                           "- [ ] <!-- check: soak staging -->\n"
                           "- [ ] real\n";
    auto phase = parseChecklist(src, QStringLiteral("p"), QStringLiteral("p.md"));
    QVERIFY(phase);
    QStringList texts;
    for (const ChecklistItem &i : allItems(*phase))
        texts << QStringLiteral("%1:%2").arg(i.sourceLine).arg(i.text);
    QCOMPARE(texts, (QStringList {"3:nested", "7:real"}));
    setMixedStates(*phase);
    const QByteArray out = exportChecklist(*phase);
    const auto again = parseChecklist(out, QStringLiteral("p"), QStringLiteral("p.md"));
    QVERIFY(again);
    compareItems(*phase, *again);
}

void TstChecklistParser::crlf()
{
    QByteArray src = seedFragments().first().text;
    src.replace("\n", "\r\n");
    auto phase = parseChecklist(src, QStringLiteral("pre-release"), QStringLiteral("p.md"));
    QVERIFY(phase);
    QCOMPARE(phase->itemCount(), 18);
    QCOMPARE(exportChecklist(*phase), src);
    QVERIFY(!allItems(*phase).first().text.endsWith(u'\r'));
    setMixedStates(*phase);
    const QByteArray out = exportChecklist(*phase);
    QCOMPARE(out.count('\n'), out.count("\r\n"));
    QCOMPARE(out.count('\r'), out.count("\r\n"));
    QVERIFY(out.contains("<!-- state: failed -->\r\n"));
    const auto again = parseChecklist(out, QStringLiteral("pre-release"), QStringLiteral("p.md"));
    QVERIFY(again);
    compareItems(*phase, *again);
}

void TstChecklistParser::bom()
{
    const QByteArray src = "\xEF\xBB\xBF# T\n- [ ] a\n";
    const auto phase = parseChecklist(src, QStringLiteral("p"), QStringLiteral("p.md"));
    QVERIFY(phase);
    QCOMPARE(phase->title, QStringLiteral("T"));
    QCOMPARE(exportChecklist(*phase), src);
}

void TstChecklistParser::fuzzFindings_data()
{
    // Inputs fuzz_checklist_parser found (also in tests/fuzz/corpus/checklist_parser/).
    QTest::addColumn<QByteArray>("src");
    // An N/A state comment right after the box, then a comment with text after its end: dropping
    // the state comment took the space after "[x]" with it, and "- [ ]<!--" is no task item.
    QTest::newRow("state comment first on the box line") << QByteArray::fromBase64(
        "eQotIFt4XSA8IS0tIHN0YXRlOiBuYTsgcmVhc29uOmFpZmFzb2FrIHMgLS0+PCEtLSBzZWNrOiBzb2Fr"
        "IHMgLS0+dGVzY2hlbWEgLS0+CiBb");
    QTest::newRow("failed comment first, tab after the box")
        << QByteArray("- [ ]\t<!-- state: failed --><!-- x -->y\n- [x] <!-- state: na -->z\n");
}

void TstChecklistParser::fuzzFindings()
{
    // What the fuzz target asserts, for each way of rotating the four states over the items.
    QFETCH(QByteArray, src);
    const auto phase = parseChecklist(src, QStringLiteral("p"), QStringLiteral("p.md"));
    QVERIFY(phase);
    for (int rotation = 0; rotation < 4; ++rotation) {
        ChecklistPhase changed = *phase;
        int n = rotation;
        for (ChecklistSection &s : changed.sections) {
            for (ChecklistItem &item : s.items) {
                item.state = static_cast<ItemState>(n++ % 4);
                item.naReason
                    = item.state == ItemState::NotApplicable ? QStringLiteral(" -- > <!-- % ") : QString();
            }
        }
        const QByteArray out = exportChecklist(changed);
        const auto again = parseChecklist(out, QStringLiteral("p"), QStringLiteral("p.md"));
        QVERIFY2(again, out.constData());
        compareItems(changed, *again);
        QCOMPARE(exportChecklist(*again), out);
    }
}

void TstChecklistParser::errors_data()
{
    QTest::addColumn<QByteArray>("source");
    QTest::addColumn<QString>("where");
    QTest::addColumn<QString>("fragment");
    QTest::newRow("bad byte") << QByteArray("# T\n- [ ] ok\n- [ ] \xc3\xa9t\xff\n") << "x.md:3:9"
                              << "UTF-8";
    QTest::newRow("truncated") << QByteArray("- [ ] a\xe2\x82") << "x.md:1:8"
                               << "UTF-8";
    QTest::newRow("overlong") << QByteArray("# \xc0\xaf\n- [ ] a\n") << "x.md:1:3"
                              << "UTF-8";
    QTest::newRow("surrogate") << QByteArray("- [ ] a\r\n\xed\xa0\x80") << "x.md:2:1"
                               << "UTF-8";
    QTest::newRow("no items") << QByteArray("# Title\n\nJust text\n- a list\n") << "x.md:1:1"
                              << "no task list items";
    QTest::newRow("only fenced") << QByteArray("```\n- [ ] code\n```\n") << "x.md:1:1"
                                 << "no task list items";
    QTest::newRow("empty") << QByteArray() << "x.md:1:1"
                           << "no task list items";
}

void TstChecklistParser::errors()
{
    QFETCH(QByteArray, source);
    QFETCH(QString, where);
    QFETCH(QString, fragment);
    const auto phase = parseChecklist(source, QStringLiteral("x"), QStringLiteral("x.md"));
    QVERIFY(!phase);
    QCOMPARE(phase.error().code, ErrorCode::BadInput);
    QCOMPARE(phase.error().location.toString(), where);
    QVERIFY2(phase.error().message.contains(fragment), qPrintable(phase.error().message));
}

void TstChecklistParser::bindingMatches_data()
{
    QTest::addColumn<QString>("binding");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("target");
    QTest::addColumn<bool>("matches");
    QTest::newRow("same env") << "soak staging"
                              << "soak"
                              << "staging" << true;
    QTest::newRow("other env") << "soak staging"
                               << "soak"
                               << "production" << false;
    QTest::newRow("other kind") << "probe staging"
                                << "soak"
                                << "staging" << false;
    QTest::newRow("no target binds any") << "tag"
                                         << "tag"
                                         << "3.7.0" << true;
    QTest::newRow("gate name with spaces") << "gate  Unit Tests"
                                           << "gate"
                                           << "unit tests" << true;
    QTest::newRow("prefix is not a match") << "gate Unit Tests"
                                           << "gate"
                                           << "Unit" << false;
    QTest::newRow("empty binding") << ""
                                   << "changelog"
                                   << "" << false;
}

void TstChecklistParser::bindingMatches()
{
    QFETCH(QString, binding);
    QFETCH(QString, kind);
    QFETCH(QString, target);
    QFETCH(bool, matches);
    QCOMPARE(checkBindingMatches(binding, kind, target), matches);
}

// The store hands out copies of the checklists it keeps; a copy changed through findItem (a
// what-if of a tick) must not change the kept one (a const_cast lookup once did).
void TstChecklistParser::changingAnItemOfACopyLeavesTheOriginal()
{
    auto phase = parseChecklist("# Pre\n\n- [ ] One\n- [ ] Two\n", QStringLiteral("pre-release"), QStringLiteral("pre.md"));
    QVERIFY(phase.has_value());
    Checklist kept;
    kept.phases << *phase;
    Checklist copy = kept;
    ChecklistItem *item = copy.findItem(QStringLiteral("pre-release.2"));
    QVERIFY(item);
    item->state = ItemState::Done;
    QCOMPARE(copy.findItem(QStringLiteral("pre-release.2"))->state, ItemState::Done);
    QCOMPARE(std::as_const(kept).findItem(QStringLiteral("pre-release.2"))->state, ItemState::Open);
    QVERIFY(!copy.findItem(QStringLiteral("post-release.1")));
}

QTEST_GUILESS_MAIN(TstChecklistParser)
#include "tst_checklist_parser.moc"
