// A soak check's `unit:` (issue 16 item 5) names the chart's value axis and follows its limit.
#include "soak_chart.h"

#include <QTest>
#include <QtCharts/QLineSeries>
#include <QtCharts/QValueAxis>

using namespace cockpit;

class TstSoakChartUnit : public QObject {
    Q_OBJECT

private slots:
    void valueAxisNamesTheUnit_data()
    {
        QTest::addColumn<QString>("unit");
        QTest::addColumn<QString>("axis");
        QTest::addColumn<QString>("limit");
        QTest::newRow("percent") << QStringLiteral("%") << QStringLiteral("Value (%)") << QStringLiteral("Limit ≤ 0.5%");
        QTest::newRow("milliseconds") << QStringLiteral("ms") << QStringLiteral("Value (ms)") << QStringLiteral("Limit ≤ 0.5 ms");
        QTest::newRow("none") << QString() << QString() << QStringLiteral("Limit ≤ 0.5");
    }

    void valueAxisNamesTheUnit()
    {
        QFETCH(QString, unit);
        QFETCH(QString, axis);
        QFETCH(QString, limit);
        SoakChart chart;
        chart.resize(600, 300);
        const QDateTime start = QDateTime::fromSecsSinceEpoch(1800000000, Qt::UTC);
        CheckResult check;
        check.name = QStringLiteral("HTTP 5xx rate");
        check.unit = unit;
        check.thresholdMax = 0.5;
        chart.setCheck(check, {{start.toMSecsSinceEpoch(), 0.1}, {start.addSecs(60).toMSecsSinceEpoch(), 0.2}}, start,
            start.addSecs(3600), start.addSecs(120));
        QCOMPARE(chart.valueAxis()->titleText(), axis);
        QCOMPARE(chart.limitSeries()->name(), limit);
    }
};

QTEST_MAIN(TstSoakChartUnit)
#include "tst_soak_chart_unit.moc"
