// The sign-off digest: canonical text as documented (docs/signoffs.md), and sensitivity to each
// input: commit, changelog bytes, item state, N/A reason, item order.
#include "checklist_parser.h"
#include "signoff_digest.h"

#include <QCryptographicHash>
#include <QTest>

using namespace cockpit;

namespace {

Checklist sample()
{
    Checklist list;
    auto phase = parseChecklist(
        "# Pre\n\n- [ ] One\n- [ ] Two\n- [ ] Three\n", QStringLiteral("pre"), QStringLiteral("pre.md"));
    if (phase)
        list.phases << *phase;
    return list;
}

const QString kSha = QStringLiteral("0123456789ABCDEF0123456789abcdef01234567");
const QByteArray kSection = "\n### Fixed\n\n- a bug\n\n";

}  // namespace

class TestSignoffDigest : public QObject {
    Q_OBJECT

private slots:
    void canonicalTextIsAsDocumented()
    {
        Checklist list = sample();
        QCOMPARE(list.itemCount(), 3);
        list.findItem(QStringLiteral("pre.2"))->state = ItemState::NotApplicable;
        list.findItem(QStringLiteral("pre.2"))->naReason = QStringLiteral("n/a: \u00e9");
        list.findItem(QStringLiteral("pre.3"))->state = ItemState::Done;
        const QByteArray expected = "release-cockpit-signoff-v1\n"
                                    "commit 0123456789abcdef0123456789abcdef01234567\n"
                                    "changelog 21\n\n### Fixed\n\n- a bug\n\n\n"
                                    "checklist 3\n"
                                    "item pre.1 open 0\n\n"
                                    "item pre.2 na 7\nn/a: \xc3\xa9\n"
                                    "item pre.3 done 0\n\n";
        QCOMPARE(canonicalSignoffText(kSha, kSection, list), expected);
        QCOMPARE(signoffDigest(kSha, kSection, list),
            QString::fromLatin1(QCryptographicHash::hash(expected, QCryptographicHash::Sha256).toHex()));
    }

    void everyInputChangesIt()
    {
        const Checklist base = sample();
        const QString d = signoffDigest(kSha, kSection, base);
        QCOMPARE(d.size(), 64);
        QCOMPARE(signoffDigest(kSha.toLower(), kSection, base), d);  // SHA case is not content
        QVERIFY(
            signoffDigest(QStringLiteral("1123456789abcdef0123456789abcdef01234567"), kSection, base) != d);
        QVERIFY(signoffDigest(kSha, kSection + ' ', base) != d);  // exact bytes, whitespace too
        QVERIFY(signoffDigest(kSha, QByteArray(), base) != d);
        Checklist ticked = sample();
        ticked.findItem(QStringLiteral("pre.1"))->state = ItemState::Done;
        QVERIFY(signoffDigest(kSha, kSection, ticked) != d);
        Checklist na1 = sample(), na2 = sample();
        na1.findItem(QStringLiteral("pre.1"))->state = na2.findItem(QStringLiteral("pre.1"))->state
            = ItemState::NotApplicable;
        na1.findItem(QStringLiteral("pre.1"))->naReason = QStringLiteral("first");
        na2.findItem(QStringLiteral("pre.1"))->naReason = QStringLiteral("second");
        QVERIFY(signoffDigest(kSha, kSection, na1) != signoffDigest(kSha, kSection, na2));
        Checklist swapped = sample();
        for (ChecklistSection &section : swapped.phases[0].sections) {
            if (section.items.size() >= 2)
                section.items.swapItemsAt(0, 1);
        }
        QVERIFY(signoffDigest(kSha, kSection, swapped) != d);
    }

    void notesAndWhoDoNotChangeIt()
    {
        // A note or who ticked is not what is approved; the state is. (Fresh copies: findItem()
        // writes through shared data, so a copy of a checklist would change with it.)
        const Checklist base = sample();
        Checklist noted = sample();
        noted.findItem(QStringLiteral("pre.1"))->note = QStringLiteral("see ticket 12");
        noted.findItem(QStringLiteral("pre.1"))->who = QStringLiteral("someone@x");
        QCOMPARE(signoffDigest(kSha, kSection, noted), signoffDigest(kSha, kSection, base));
    }

    void reasonCannotForgeStructure()
    {
        // A reason that spells out another item must not collide with a real one.
        Checklist a = sample(), b = sample();
        a.findItem(QStringLiteral("pre.1"))->state = ItemState::NotApplicable;
        a.findItem(QStringLiteral("pre.1"))->naReason = QStringLiteral("x\nitem pre.9 done 0\n");
        b.findItem(QStringLiteral("pre.1"))->state = ItemState::NotApplicable;
        b.findItem(QStringLiteral("pre.1"))->naReason = QStringLiteral("x");
        QVERIFY(canonicalSignoffText(kSha, kSection, a) != canonicalSignoffText(kSha, kSection, b));
        QVERIFY(canonicalSignoffText(kSha, kSection, a).contains("na 20\n"));
    }
};

QTEST_APPLESS_MAIN(TestSignoffDigest)
#include "tst_signoff_digest.moc"
