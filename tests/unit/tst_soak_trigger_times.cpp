// A fired trigger's times (issue 18): when its condition began holding, when it fired, and when
// it resolved, from condition points at 1 s (points further apart than maxGap break a run).
#include "soak_analysis.h"

#include <QtTest>

using namespace cockpit;

class TestSoakTriggerTimes : public QObject {
    Q_OBJECT

    static inline const QDateTime kT0 = QDateTime::fromString(QStringLiteral("2026-03-01T10:00:00Z"), Qt::ISODate);

    // "..###.." : one point a second from kT0, '#' holding, '.' not, ' ' no point (a gap).
    static QList<ConditionPoint> points(const QString &pattern)
    {
        QList<ConditionPoint> out;
        for (qsizetype i = 0; i < pattern.size(); ++i)
            if (pattern[i] != u' ')
                out << ConditionPoint {kT0.addSecs(i).toMSecsSinceEpoch(), pattern[i] == u'#'};
        return out;
    }

private slots:
    void times_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<int>("conditionSince");  // seconds after kT0, -1: none
        QTest::addColumn<int>("since");
        QTest::addColumn<int>("resolvedAt");
        QTest::addColumn<bool>("active");
        QTest::addRow("never long enough") << QStringLiteral("..###..") << -1 << -1 << -1 << false;
        QTest::addRow("fires after for, still holding") << QStringLiteral("..######") << 2 << 6 << -1 << true;
        QTest::addRow("fired, then resolved") << QStringLiteral("..#####...") << 2 << 6 << 7 << false;
        QTest::addRow("resolved by a gap in the data") << QStringLiteral("..#####    .") << 2 << 6 << 7 << false;
        QTest::addRow("holding again after resolving") << QStringLiteral("..#####..######") << 2 << 6 << -1 << true;
    }
    void times()
    {
        QFETCH(QString, pattern);
        QFETCH(int, conditionSince);
        QFETCH(int, since);
        QFETCH(int, resolvedAt);
        QFETCH(bool, active);
        TriggerPolicy trigger;
        trigger.name = QStringLiteral("errors");
        trigger.forDuration = std::chrono::seconds(4);
        const QDateTime now = kT0.addSecs(pattern.size() - 1);
        const TriggerResult r = evaluateCondition(trigger, points(pattern), 1500, now);
        const auto at = [](const std::optional<QDateTime> &t) { return t ? int(kT0.secsTo(*t)) : -1; };
        QCOMPARE(at(r.conditionSince), conditionSince);
        QCOMPARE(at(r.since), since);
        QCOMPARE(at(r.resolvedAt), resolvedAt);
        QCOMPARE(r.active, active);
        QCOMPARE(r.fired, since >= 0);
    }
};

QTEST_GUILESS_MAIN(TestSoakTriggerTimes)
#include "tst_soak_trigger_times.moc"
