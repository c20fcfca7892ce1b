// release_manifest.json, checksums.txt, checklist.md, signoffs and the audit excerpt of an evidence
// pack: fields as seed 000 section 8.2 names them, deterministic bytes, and round trips.
#include "evidence_manifest.h"
#include "evidence_records.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace cockpit;

namespace {

EvidenceManifest sampleManifest()
{
    EvidenceManifest m;
    m.version = QStringLiteral("3.7.0");
    m.releaseDate = QStringLiteral("2026-01-08");
    m.gitSha = QStringLiteral("abc123def456");
    m.gitTag = QStringLiteral("v3.7.0");
    m.migrationsApplied = {QStringLiteral("025_tenants_rls_fix"), QStringLiteral("025a_rls_hardening")};
    m.approvals = {{QStringLiteral("platform_lead"), QStringLiteral("lead@x")}};
    m.checksums = {{QStringLiteral("checklist.md"), QStringLiteral("sha256:") + QString(64, u'a')}};
    m.tools = {{QStringLiteral("Qt"), QStringLiteral("6.4.2")}};
    return m;
}

QList<AuditEntry> chain(int n)
{
    QList<AuditEntry> entries;
    QByteArray prev = genesisHash();
    for (int i = 1; i <= n; ++i) {
        AuditEntry e;
        e.seq = i;
        e.at = QDateTime(QDate(2026, 1, 8), QTime(9, i), Qt::UTC);
        e.actor = QStringLiteral("rm@x");
        e.action = QStringLiteral("item.tick");
        e.release = QStringLiteral("3.7.0");
        e.subject = QStringLiteral("pre.%1").arg(i);
        e.after = QJsonObject {
            {QStringLiteral("state"), QStringLiteral("done")}, {QStringLiteral("ratio"), 0.25}};
        e.prevHash = prev;
        e.hash = chainHash(prev, e);
        prev = e.hash;
        entries.append(e);
    }
    return entries;
}

}  // namespace

class TstEvidenceManifest : public QObject {
    Q_OBJECT
private slots:
    void manifestHasTheSeedFields()
    {
        const QJsonObject o = QJsonDocument::fromJson(evidenceManifestJson(sampleManifest())).object();
        for (const char *key : {"version", "release_date", "git_sha", "git_tag", "migrations_applied",
                 "approvals", "checksums", "tools"})
            QVERIFY2(o.contains(QLatin1String(key)), key);
        QCOMPARE(o.value(QStringLiteral("migrations_applied")).toArray().size(), 2);
        QCOMPARE(
            o.value(QStringLiteral("approvals")).toObject().value(QStringLiteral("platform_lead")).toString(),
            QStringLiteral("lead@x"));
        QVERIFY(o.value(QStringLiteral("checksums"))
                    .toObject()
                    .value(QStringLiteral("checklist.md"))
                    .toString()
                    .startsWith(QLatin1String("sha256:")));
    }

    void manifestAbsentTagIsNull()
    {
        EvidenceManifest m = sampleManifest();
        m.gitTag.clear();
        const QJsonObject o = QJsonDocument::fromJson(evidenceManifestJson(m)).object();
        QVERIFY(o.value(QStringLiteral("git_tag")).isNull());
    }

    void manifestRoundTripsAndIsStable()
    {
        const QByteArray json = evidenceManifestJson(sampleManifest());
        QCOMPARE(evidenceManifestJson(sampleManifest()), json);
        auto back = parseEvidenceManifest(json);
        QVERIFY(back);
        QCOMPARE(back->migrationsApplied, sampleManifest().migrationsApplied);
        QCOMPARE(back->approvals, sampleManifest().approvals);
        QCOMPARE(evidenceManifestJson(*back), json);
    }

    void manifestErrorsNameTheField()
    {
        auto bad = parseEvidenceManifest(R"({"version":"1.0.0","approvals":{"lead":3}})");
        QVERIFY(!bad);
        QVERIFY2(
            bad.error().message.contains(QLatin1String("approvals.lead")), qPrintable(bad.error().message));
        QVERIFY(!parseEvidenceManifest("[1,2]"));
    }

    void checksumsFormatIsSha256sum()
    {
        const QByteArray a = sha256Hex("abc");
        QCOMPARE(a, QByteArray("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
        const QByteArray text
            = checksumsText({{QStringLiteral("a.txt"), a}, {QStringLiteral("dir/b c.txt"), a}});
        QCOMPARE(text, a + "  a.txt\n" + a + "  dir/b c.txt\n");
        auto parsed = parseChecksumsText(text + a.toUpper() + " *bin.dat\r\n");
        QVERIFY(parsed);
        QCOMPARE(parsed->size(), 3);
        QCOMPARE(parsed->at(1).member, QStringLiteral("dir/b c.txt"));
        QCOMPARE(parsed->at(2).sha256, a);
        auto bad = parseChecksumsText("nothex  a\n");
        QVERIFY(!bad);
        QCOMPARE(bad.error().location.line, 1);
    }

    void checklistMarkdownCarriesWhoWhenAndReasons()
    {
        Checklist list;
        ChecklistPhase phase;
        phase.name = QStringLiteral("pre-release");
        phase.title = QStringLiteral("Pre-Release");
        ChecklistSection section;
        section.title = QStringLiteral("Testing");
        ChecklistItem done;
        done.text = QStringLiteral("Unit tests pass");
        done.state = ItemState::Done;
        done.who = QStringLiteral("rm@x");
        done.when = QDateTime(QDate(2026, 1, 7), QTime(14, 5), Qt::UTC);
        done.evidence = QStringLiteral("CI run 812 green");
        ChecklistItem na;
        na.text = QStringLiteral("OSRM rebuilt");
        na.state = ItemState::NotApplicable;
        na.who = QStringLiteral("rm@x");
        na.naReason = QStringLiteral("OSRM unchanged");
        ChecklistItem failed;
        failed.text = QStringLiteral("Ops drills");
        failed.state = ItemState::Failed;
        failed.note = QStringLiteral("H2 timed out");
        ChecklistItem open;
        open.text = QStringLiteral("Announce");
        section.items = {done, na, failed, open};
        phase.sections = {section};
        list.phases = {phase};
        const QString md = QString::fromUtf8(evidenceChecklistMarkdown(list, QStringLiteral("3.7.0")));
        QVERIFY(md.startsWith(QLatin1String("# Checklist of release 3.7.0\n")));
        QVERIFY(md.contains(QLatin1String("2 of 4 items closed (done or N/A), 1 failed.")));
        QVERIFY(md.contains(QLatin1String("## Pre-Release\n")));
        QVERIFY(md.contains(QLatin1String("### Testing\n")));
        QVERIFY(
            md.contains(QLatin1String("- [x] Unit tests pass\n  - Done by rm@x at 2026-01-07 14:05 UTC\n")));
        QVERIFY(md.contains(QLatin1String("  - Evidence: CI run 812 green\n")));
        QVERIFY(md.contains(QLatin1String("- [x] ~~OSRM rebuilt~~ (N/A)\n")));
        QVERIFY(md.contains(QLatin1String("  - Marked N/A by rm@x\n  - N/A reason: OSRM unchanged\n")));
        QVERIFY(md.contains(QLatin1String("- [ ] **Failed:** Ops drills\n")));
        QVERIFY(md.contains(QLatin1String("  - Note: H2 timed out\n")));
        QVERIFY(md.contains(QLatin1String("- [ ] Announce\n")));
    }

    void signoffsCarryStatus()
    {
        Signoff counted {7, QStringLiteral("3.7.0"), QStringLiteral("lead"), QStringLiteral("lead@x"),
            SignoffDecision::Approve, {}, QStringLiteral("d1"), {},
            QDateTime(QDate(2026, 1, 7), QTime(9, 0), Qt::UTC)};
        Signoff old = counted;
        old.id = 3;
        ApprovalState state;
        RoleApproval role;
        role.requirement = {QStringLiteral("lead"), 1, {}};
        role.counted = 1;
        role.signoffs = {{counted, SignoffStatus::Counted}};
        state.roles = {role};
        const QJsonObject o = QJsonDocument::fromJson(
            evidenceSignoffsJson(QStringLiteral("3.7.0"), QStringLiteral("d1"), {old, counted}, state))
                                  .object();
        const QJsonArray events = o.value(QStringLiteral("signoffs")).toArray();
        QCOMPARE(events.size(), 2);
        QCOMPARE(
            events.at(0).toObject().value(QStringLiteral("status")).toString(), QStringLiteral("history"));
        QCOMPARE(
            events.at(1).toObject().value(QStringLiteral("status")).toString(), QStringLiteral("counted"));
        QVERIFY(o.value(QStringLiteral("approved")).toBool());
        QCOMPARE(countedApprovals(state).value(QStringLiteral("lead")), QStringLiteral("lead@x"));
        const QString md = QString::fromUtf8(
            evidenceSignoffsMarkdown(QStringLiteral("3.7.0"), QStringLiteral("d1"), {counted}, state));
        QVERIFY(md.contains(QLatin1String("| 2026-01-07 09:00 UTC | lead | lead@x | approve | counted |")));
    }

    void auditExcerptRoundTripsAndRechecks()
    {
        const QList<AuditEntry> entries = chain(4);
        const QList<AuditEntry> excerpt
            = {entries[0], entries[1], entries[3]};  // entry 3 is another release's
        const QByteArray text = auditJsonLines(excerpt);
        QCOMPARE(text.count('\n'), 3);
        auto back = parseAuditJsonLines(text);
        QVERIFY(back);
        QCOMPARE(back->size(), 3);
        QCOMPARE(back->at(2).hash, entries[3].hash);
        QCOMPARE(auditExcerptProblems(*back), QStringList());

        QByteArray tampered = text;
        tampered.replace("\"pre.2\"", "\"pre.9\"");
        auto edited = parseAuditJsonLines(tampered);
        QVERIFY(edited);
        QCOMPARE(
            auditExcerptProblems(*edited), QStringList {QStringLiteral("entry 2: hash mismatch (edited?)")});
        QVERIFY(!parseAuditJsonLines("{\"no\":1}\n"));
    }
};

QTEST_APPLESS_MAIN(TstEvidenceManifest)
#include "tst_evidence_manifest.moc"
