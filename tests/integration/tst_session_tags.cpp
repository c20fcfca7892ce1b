// The tag use cases in the session (session_tag_flow.cpp), the one path of the Changelog tab's
// tag dialogs and the `tag` commands: on a real git repository and SQLite store, a release tag
// with an uncovered commit is refused with the message the command line prints, a stop-the-line
// holds it too, a candidate pins its release, and a tag written on the release commit ticks the
// `check: tag` item.
#include "session.h"
#include "session_opener.h"
#include "store.h"
#include "support/cli_runner.h"
#include "support/scratch_repo.h"
#include "support/store_test_support.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <map>

using namespace cockpit;
using cockpit::test::why;

class TstSessionTags : public QObject {
    Q_OBJECT
    QTemporaryDir m_tmp;
    std::unique_ptr<ScratchRepo> m_repo;
    QString m_c2, m_c3;

    QString db(const QString &name) const { return m_tmp.filePath(name + QStringLiteral(".sqlite")); }
    std::map<QString, std::unique_ptr<SessionOpener>> m_openers;  // each keeps its store open

    std::unique_ptr<Session> open(const QString &name)
    {
        auto &kept = m_openers[name];
        if (!kept)
            kept = std::make_unique<SessionOpener>(db(name));
        SessionOpener &opener = *kept;
        auto setup = opener.load(m_repo->dir());
        while (!setup.isFinished())
            QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        if (!setup.result())
            return nullptr;
        return opener.open(std::move(*setup.result()));
    }
    static ReleaseRecord create(Session &session, const QString &version, const QString &commit = {})
    {
        auto created = session.createRelease({version, commit, {}, {}});
        while (!created.isFinished())
            QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        return created.result().value_or(ReleaseRecord {});
    }
    template <typename T> static T await(QFuture<T> future)
    {
        while (!future.isFinished())
            QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        return future.result();
    }

    // An event of that kind (and tag target) among those announced: a release's creation may be
    // announced late, so nothing is assumed about the order.
    static bool announced(const QSignalSpy &events, SessionEvent::Kind kind, const QString &target = {})
    {
        for (const QList<QVariant> &args : events) {
            const auto event = args.at(0).value<SessionEvent>();
            if (event.kind == kind
                && (target.isEmpty() || (event.check == CheckKind::Tag && event.target == target)))
                return true;
        }
        return false;
    }

private slots:
    void initTestCase();
    void releaseTagWithAnUncoveredCommitIsRefusedAsTheCliSaysIt();
    void candidatePinsItsRelease();
    void releaseTagOnTheReleaseCommitTicksTheTagItem();
};

void TstSessionTags::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    m_repo = std::make_unique<ScratchRepo>(m_tmp.filePath(QStringLiteral("ws")));
    m_repo->commit(QStringLiteral("feat: first"),
        {{QStringLiteral("CHANGELOG.md"), "# Changelog\n\n## [1.1.0] - 2024-01-01\n\n### Added\n- First\n"}});
    m_repo->annotatedTag(QStringLiteral("v1.1.0"), QStringLiteral("Release v1.1.0"));
    QVERIFY2(initWorkspaceFromPreset(m_repo->dir(), QStringLiteral("gated-ga")).has_value(), "init failed");
    // An item bound to the tag check, as a team would add it to its template.
    QFile pre(m_repo->dir() + QStringLiteral("/.release-cockpit/checklists/pre-release.md"));
    QVERIFY(pre.open(QIODevice::Append));
    pre.write("\n### Tag\n- [ ] Release tag on the release commit <!-- check: tag -->\n");
    pre.close();
    m_repo->git({QStringLiteral("add"), QStringLiteral(".release-cockpit")});
    m_c2 = m_repo->commit(QStringLiteral("feat: import pipeline (#41)"),
        {{QStringLiteral("CHANGELOG.md"),
            "# Changelog\n\n## [Unreleased]\n\n## [1.2.0] - 2024-03-01\n\n### Added\n- Import pipeline "
            "(#41)\n\n"
            "## [1.1.0] - 2024-01-01\n\n### Added\n- First\n"}});
    m_c3 = m_repo->commit(QStringLiteral("feat: export (#42)"));  // no entry: uncovered in 1.2.0
    QVERIFY2(m_repo->ok(), qPrintable(m_repo->error()));
}

// Release 1.2.0 follows main, whose head has a commit the 1.2.0 section does not cover.
void TstSessionTags::releaseTagWithAnUncoveredCommitIsRefusedAsTheCliSaysIt()
{
    std::unique_ptr<Session> session = open(QStringLiteral("refused"));
    QVERIFY(session);
    QCOMPARE(create(*session, QStringLiteral("1.2.0")).version, QStringLiteral("1.2.0"));
    TagRequest request;
    request.action = TagAction::Create;
    request.version = QStringLiteral("1.2.0");
    const auto proposal = await(session->proposeTag(request));
    QVERIFY2(proposal.has_value(), why(proposal).constData());
    QCOMPARE(proposal->plan.commit, m_c3);  // the branch head now
    QVERIFY(proposal->held());
    QCOMPARE(proposal->blockers.size(), 1);
    QCOMPARE(proposal->blockers.first(),
        QStringLiteral(
            "1 commit(s) since v1.1.0 have no entry in CHANGELOG.md's 1.2.0 section: %1 feat: export (#42)")
            .arg(m_c3.left(7)));
    const Error refusal = proposal->refusal();
    QCOMPARE(refusal.code, ErrorCode::Refused);
    QCOMPARE(refusal.message,
        QStringLiteral("not creating v1.2.0 on %1: %2").arg(m_c3.left(12), proposal->blockers.first()));
    // Finishing a held proposal writes nothing.
    const auto finished = await(session->finishTag(*proposal));
    QVERIFY(!finished.has_value());
    QCOMPARE(finished.error().message, refusal.message);
    QVERIFY(
        m_repo->git({QStringLiteral("tag"), QStringLiteral("--list"), QStringLiteral("v1.2.0")}).isEmpty());

    // The command line says the same, word for word, and writes nothing either.
    const QStringList common {
        QStringLiteral("--workspace"), m_repo->dir(), QStringLiteral("--db"), db(QStringLiteral("cli"))};
    const QString xdg = m_tmp.filePath(QStringLiteral("xdg"));
    const CliRun made = runCockpit(
        QStringList {QStringLiteral("release"), QStringLiteral("new"), QStringLiteral("1.2.0")} + common,
        xdg);
    QVERIFY2(made.exitCode == 0, qPrintable(made.err));
    const CliRun run = runCockpit(
        QStringList {QStringLiteral("tag"), QStringLiteral("create"), QStringLiteral("1.2.0")} + common, xdg);
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(refusal.message), qPrintable(run.err));

    // The lifecycle holds it too: a stop-the-line is named beside the changelog's reason.
    QVERIFY(await(session->startStopTheLine(QStringLiteral("incident 42"))).has_value());
    const auto stopped = await(session->proposeTag(request));
    QVERIFY2(stopped.has_value(), why(stopped).constData());
    QCOMPARE(stopped->blockers.size(), 2);
    QVERIFY2(stopped->blockers.last().contains(QLatin1String("stop-the-line since")),
        qPrintable(stopped->blockers.last()));
    QVERIFY(stopped->blockers.last().contains(QLatin1String("incident 42")));
    QVERIFY(await(session->endStopTheLine(QStringLiteral("resolved"))).has_value());
}

// A release candidate is never held: the next -rcN on the release's commit, which it pins.
void TstSessionTags::candidatePinsItsRelease()
{
    std::unique_ptr<Session> session = open(QStringLiteral("refused"));
    QVERIFY(session);
    TagRequest request;
    request.action = TagAction::Candidate;
    request.version = QStringLiteral("1.2.0");
    const auto proposal = await(session->proposeTag(request));
    QVERIFY2(proposal.has_value(), why(proposal).constData());
    QCOMPARE(proposal->plan.tagName, QStringLiteral("v1.2.0-rc1"));
    QVERIFY(!proposal->held());
    // The message quotes the GA version's section.
    QVERIFY2(proposal->plan.message.contains(QLatin1String("Import pipeline (#41)")),
        qPrintable(proposal->plan.message));
    QSignalSpy events(session.get(), &Session::changed);
    const auto done = await(session->finishTag(*proposal));
    QVERIFY2(done.has_value(), why(done).constData());
    QCOMPARE(done->tag.targetSha, m_c3);
    QVERIFY(done->ticked.isEmpty());  // no release 1.2.0-rc1 to tick
    QVERIFY2(done->pinned.has_value(), qPrintable(done->pinWarning));
    QVERIFY(done->pinned->commitPinned);
    QCOMPARE(done->pinned->commit, m_c3);
    QTRY_VERIFY(announced(events, SessionEvent::Kind::ReleaseChanged));
}

void TstSessionTags::releaseTagOnTheReleaseCommitTicksTheTagItem()
{
    std::unique_ptr<Session> session = open(QStringLiteral("ticked"));
    QVERIFY(session);
    QCOMPARE(create(*session, QStringLiteral("1.2.0"), m_c2).commit, m_c2);
    TagRequest request;
    request.action = TagAction::Create;
    request.version = QStringLiteral("1.2.0");
    const auto proposal = await(session->proposeTag(request));
    QVERIFY2(proposal.has_value(), why(proposal).constData());
    QCOMPARE(proposal->plan.commit, m_c2);  // the pinned release commit
    QVERIFY2(!proposal->held(), qPrintable(proposal->blockers.join(u'\n')));
    QCOMPARE(proposal->commitSubject, QStringLiteral("feat: import pipeline (#41)"));
    QSignalSpy events(session.get(), &Session::changed);
    const auto done = await(session->finishTag(*proposal));
    QVERIFY2(done.has_value(), why(done).constData());
    QCOMPARE(done->tag.targetSha, m_c2);
    QVERIFY(done->tag.annotated);
    QVERIFY2(done->tickWarning.isEmpty(), qPrintable(done->tickWarning));
    QCOMPARE(done->ticked.size(), 1);
    QCOMPARE(done->ticked.first().text, QStringLiteral("Release tag on the release commit"));
    QCOMPARE(m_repo->git({QStringLiteral("rev-parse"), QStringLiteral("v1.2.0^{commit}")}), m_c2);
    // Stored as done with the tag as evidence, and announced.
    auto checklist = session->store()->checklist(QStringLiteral("1.2.0")).result();
    QVERIFY(checklist.has_value());
    const ChecklistItem *item = std::as_const(*checklist).findItem(done->ticked.first().key);
    QVERIFY(item);
    QCOMPARE(item->state, ItemState::Done);
    QVERIFY2(
        item->evidence.startsWith(QLatin1String("v1.2.0 annotated at ") + m_c2), qPrintable(item->evidence));
    QTRY_VERIFY(announced(events, SessionEvent::Kind::ItemsTicked, QStringLiteral("v1.2.0")));

    // Verifying it afterwards passes on the release commit; the item is already ticked.
    const auto check = await(session->checkTag(QStringLiteral("1.2.0")));
    QVERIFY2(check.has_value(), why(check).constData());
    QVERIFY(check->verification.ok());
    QCOMPARE(check->verification.expectedTarget, m_c2);
    QVERIFY(check->ticked.isEmpty());
}

QTEST_GUILESS_MAIN(TstSessionTags)
#include "tst_session_tags.moc"
