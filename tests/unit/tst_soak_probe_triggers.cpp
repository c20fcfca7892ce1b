// Probe-fed rollback triggers (issue 15 item 3b): probe results kept as samples of the trigger's
// series (1: failed), judged with the trigger's `for`, surviving a recording's JSON round trip;
// what a fired trigger saw; which actions are rollbacks.
#include "soak_recording.h"

#include <QtTest>

using namespace cockpit;
using namespace std::chrono_literals;

class TestSoakProbeTriggers : public QObject {
    Q_OBJECT

    static inline const QDateTime kT0 = QDateTime::fromString(QStringLiteral("2026-03-01T10:00:00Z"), Qt::ISODate);

    static TriggerPolicy probeTrigger()
    {
        TriggerPolicy t;
        t.name = QStringLiteral("Failed health checks");
        t.probe = QStringLiteral("production");
        t.forDuration = 20s;
        t.action = QStringLiteral("Automatic rollback");
        t.automatic = true;
        return t;
    }

    // One probe every 10 s from kT0: 'x' failed, 'o' passed, ' ' no probe.
    static QueryOutcome probes(const QString &pattern)
    {
        QueryOutcome series;
        for (qsizetype i = 0; i < pattern.size(); ++i)
            if (pattern[i] != u' ')
                series = withProbeSample(series, kT0.addSecs(10 * i), pattern[i] == u'x', QStringLiteral("production"));
        return series;
    }

private slots:
    void judged_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<bool>("fired");
        QTest::addColumn<bool>("error");
        QTest::addRow("never probed: cannot be judged") << QString() << false << true;
        QTest::addRow("every probe passes") << QStringLiteral("oooooo") << false << false;
        QTest::addRow("failing shorter than for") << QStringLiteral("ooxxoo") << false << false;
        QTest::addRow("failing for its for") << QStringLiteral("ooxxxo") << true << false;
        QTest::addRow("a missing probe breaks the run") << QStringLiteral("oxx  xxo") << false << false;
    }
    void judged()
    {
        QFETCH(QString, pattern);
        QFETCH(bool, fired);
        QFETCH(bool, error);
        const TriggerInput input {probeTrigger(), probes(pattern), std::nullopt, 10s};
        const TriggerResult r = evaluateTrigger(input, kT0.addSecs(10 * qMax<qsizetype>(0, pattern.size() - 1)), kT0);
        QCOMPARE(r.kind, QStringLiteral("probe"));
        QCOMPARE(r.fired, fired);
        QCOMPARE(r.error, error);
        QCOMPARE(triggerSighting(input, r, QStringLiteral("health /health: expected 200, got 503")).isEmpty(), !fired);
    }

    void sampleAtTheSameTimeReplaces()
    {
        QueryOutcome s = withProbeSample({}, kT0, true, QStringLiteral("production"));
        s = withProbeSample(s, kT0.addSecs(-5), false, QStringLiteral("production"));
        s = withProbeSample(s, kT0, false, QStringLiteral("production"));
        QCOMPARE(s.series.size(), 1);
        QCOMPARE(s.series.first().labels.value(QStringLiteral("probe")), QStringLiteral("production"));
        QCOMPARE(s.series.first().samples.size(), 2);
        QCOMPARE(s.series.first().samples.at(0).timeMs, kT0.addSecs(-5).toMSecsSinceEpoch());
        QCOMPARE(s.series.first().samples.at(1).value, 0.0);
    }

    // A recording keeps the probe samples and the automatic flag: a replay fires where live did.
    void recordingRoundTrip()
    {
        SoakRecording rec;
        rec.environment = QStringLiteral("production");
        rec.version = QStringLiteral("1.2.0");
        rec.start = kT0;
        rec.duration = 60s;
        rec.recordedAt = kT0.addSecs(60);
        rec.triggers << RecordedTrigger {probeTrigger(), probes(QStringLiteral("oxxxxoo")), std::nullopt, 10s};
        const auto parsed = parseSoakRecording(QJsonDocument(soakRecordingToJson(rec)).toJson());
        QVERIFY2(parsed, parsed ? "" : qPrintable(parsed.error().toString()));
        QVERIFY(parsed->triggers.first().policy.automatic);
        const SoakEvaluation e = evaluateRecording(*parsed);
        QCOMPARE(e.verdict, SoakVerdict::Fail);
        QVERIFY(e.triggers.first().fired);
        QCOMPARE(e.triggers.first().since, kT0.addSecs(30));
    }

    void querySighting()
    {
        TriggerPolicy t;
        t.name = QStringLiteral("Error rate > 5%");
        t.query = QStringLiteral("errors");
        t.max = 5;
        t.forDuration = 20s;
        QueryOutcome series;
        series.resultType = QStringLiteral("matrix");
        Series one;
        for (int i = 0; i < 6; ++i)
            one.samples << Sample {kT0.addSecs(10 * i).toMSecsSinceEpoch(), i >= 2 ? 7.5 : 1.0};
        series.series << one;
        const TriggerInput input {t, series, std::nullopt, 10s};
        const TriggerResult r = evaluateTrigger(input, kT0.addSecs(50), kT0);
        QVERIFY(r.fired);
        const QString seen = triggerSighting(input, r);
        QVERIFY2(seen.startsWith(QStringLiteral("value 7.5 (max 5), held from 2026-03-01T10:00:20Z")), qPrintable(seen));
    }

    void rollbackActions_data()
    {
        QTest::addColumn<QString>("action");
        QTest::addColumn<bool>("rollback");
        QTest::addRow("Rollback") << QStringLiteral("Rollback") << true;
        QTest::addRow("Immediate rollback") << QStringLiteral("Immediate rollback") << true;
        QTest::addRow("AUTOMATIC ROLLBACK") << QStringLiteral("AUTOMATIC ROLLBACK") << true;
        QTest::addRow("roll back within 1h") << QStringLiteral("roll back within 1h") << true;
        QTest::addRow("page on-call") << QStringLiteral("Page on-call") << false;
        QTest::addRow("empty") << QString() << false;
    }
    void rollbackActions()
    {
        QFETCH(QString, action);
        QFETCH(bool, rollback);
        QCOMPARE(isRollbackAction(action), rollback);
    }
};

QTEST_GUILESS_MAIN(TestSoakProbeTriggers)
#include "tst_soak_probe_triggers.moc"
