// ReleaseService against a real SQLite store: automated check outcomes tick only the items bound
// to them, only when they pass, and keep the outcome as evidence.
#include "checklist_parser.h"
#include "release_service.h"
#include "support/store_test_support.h"

#include <QTemporaryDir>
#include <QTest>

using namespace cockpit;
using cockpit::test::why;

class TstReleaseService : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

private slots:
    void checkOutcomeTicksBoundItemsOnlyOnPass();
};

void TstReleaseService::checkOutcomeTicksBoundItemsOnlyOnPass()
{
    Store store;
    auto opened = store.open(m_dir.filePath(QStringLiteral("cockpit.sqlite")));
    COCKPIT_AWAIT(opened);
    QVERIFY(opened.result().has_value());
    const QByteArray markdown
        = QByteArrayLiteral("# Release day\n\n"
                            "- [ ] Staging soak PASS <!-- check: soak staging -->\n"
                            "- [ ] Production soak PASS <!-- check: soak production -->\n"
                            "- [ ] Tag pushed <!-- check: tag -->\n"
                            "- [ ] Announce\n");
    auto phase = parseChecklist(markdown, QStringLiteral("release-day"), QStringLiteral("release-day.md"));
    QVERIFY(phase.has_value());
    ReleaseRecord record;
    record.version = QStringLiteral("1.2.0");
    record.type = QStringLiteral("minor");
    record.commit = QStringLiteral("0123456789abcdef0123456789abcdef01234567");
    auto created = store.createRelease(record, Checklist {{*phase}}, QStringLiteral("rm@example.com"));
    COCKPIT_AWAIT(created);
    QVERIFY(created.result().has_value());

    Workspace workspace;
    ReleaseService service(
        &store, workspace, Identity {QStringLiteral("ops@example.com"), QStringLiteral("Ops")});
    auto failed = service.applyCheckOutcome(
        record.version, {QStringLiteral("soak"), QStringLiteral("staging"), false, QStringLiteral("FAIL")});
    COCKPIT_AWAIT(failed);
    QVERIFY(failed.result().has_value());
    QVERIFY(failed.result()->isEmpty());

    auto passed = service.applyCheckOutcome(record.version,
        {QStringLiteral("soak"), QStringLiteral("staging"), true, QStringLiteral("soak staging PASS 8/8")});
    COCKPIT_AWAIT(passed);
    QVERIFY(passed.result().has_value());
    QCOMPARE(passed.result()->size(), 1);
    QCOMPARE(passed.result()->first().key, QStringLiteral("release-day.1"));

    auto checklist = store.checklist(record.version);
    COCKPIT_AWAIT(checklist);
    const Checklist listed = checklist.result().value();  // the pointer below points into this copy
    const ChecklistItem *staging = listed.findItem(QStringLiteral("release-day.1"));
    QCOMPARE(staging->state, ItemState::Done);
    QCOMPARE(staging->evidence, QStringLiteral("soak staging PASS 8/8"));
    QCOMPARE(staging->who, QStringLiteral("ops@example.com"));
    QCOMPARE(checklist.result()->findItem(QStringLiteral("release-day.2"))->state, ItemState::Open);
    QCOMPARE(checklist.result()->findItem(QStringLiteral("release-day.3"))->state, ItemState::Open);
    QCOMPARE(checklist.result()->findItem(QStringLiteral("release-day.4"))->state, ItemState::Open);

    auto tag = service.applyCheckOutcome(record.version,
        {QStringLiteral("tag"), QStringLiteral("v1.2.0"), true,
            QStringLiteral("v1.2.0 annotated on 0123456")});
    COCKPIT_AWAIT(tag);
    QCOMPARE(tag.result()->size(), 1);
    QCOMPARE(tag.result()->first().key, QStringLiteral("release-day.3"));
}

QTEST_GUILESS_MAIN(TstReleaseService)
#include "tst_release_service.moc"
