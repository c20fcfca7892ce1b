// The soak evidence: one CSV row per measurement (quoted, formula-safe) and an SVG chart per
// check that is well-formed XML, deterministic, and shows the axes, limit, breach and marks.
#include "evidence_soak.h"

#include <QFile>
#include <QTest>
#include <QXmlStreamReader>

using namespace cockpit;

namespace {

const QDateTime kStart(QDate(2026, 11, 20), QTime(9, 0), Qt::UTC);

CheckResult sampleCheck()
{
    CheckResult check;
    check.name = QStringLiteral("HTTP 5xx <rate>, \"p95\"");
    check.status = CheckStatus::Fail;
    check.thresholdMax = 0.5;
    check.measurements = {
        {kStart.addSecs(1800), 0.2, MeasurementStatus::Pass, QStringLiteral("0.2 <= 0.5"),
            QueryFailure::None},
        {kStart.addSecs(3600), 0.82, MeasurementStatus::Fail, QStringLiteral("0.82 > 0.5"),
            QueryFailure::None},
        {kStart.addSecs(5400), std::nullopt, MeasurementStatus::Error,
            QStringLiteral("=unreachable, refused"), QueryFailure::Unreachable},
        {kStart.addSecs(7200), std::nullopt, MeasurementStatus::NoData, QStringLiteral("no data"),
            QueryFailure::None},
    };
    return check;
}

QList<Sample> sampleSeries()
{
    QList<Sample> samples;
    for (int i = 0; i <= 120; ++i) {
        const double v = i >= 55 && i <= 65 ? 0.9 : 0.1 + 0.001 * i;
        samples.append({kStart.addSecs(i * 60).toMSecsSinceEpoch(), v});
    }
    return samples;
}

SoakChartSvgInput sampleInput()
{
    return {sampleCheck(), sampleSeries(), kStart, kStart.addSecs(7200), QStringLiteral("staging")};
}

}  // namespace

class TstEvidenceSoak : public QObject {
    Q_OBJECT
private slots:
    void csvHasOneRowPerMeasurement()
    {
        SoakEvaluation evaluation;
        evaluation.checks = {sampleCheck()};
        const QString csv = QString::fromUtf8(evidenceSoakCsv(evaluation));
        const QStringList lines = csv.split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 5);
        QCOMPARE(lines[0], QStringLiteral("time,check,value,status,detail"));
        QCOMPARE(lines[1],
            QStringLiteral("2026-11-20T09:30:00Z,\"HTTP 5xx <rate>, \"\"p95\"\"\",0.2,pass,0.2 <= 0.5"));
        QCOMPARE(lines[2].section(u',', -3), QStringLiteral("0.82,fail,0.82 > 0.5"));
        // A detail that a spreadsheet would run as a formula is defused; the value stays empty.
        QVERIFY2(
            lines[3].endsWith(QLatin1String(",,error,\"'=unreachable, refused\"")), qPrintable(lines[3]));
        QVERIFY(lines[4].endsWith(QLatin1String(",,no_data,no data")));
    }

    void svgIsWellFormedAndDeterministic()
    {
        const QByteArray svg = soakChartSvg(sampleInput());
        QCOMPARE(soakChartSvg(sampleInput()), svg);
        if (const QByteArray dump = qgetenv("EVIDENCE_SVG_DUMP"); !dump.isEmpty()) {  // to look at it
            QFile f(QString::fromLocal8Bit(dump));
            QVERIFY(f.open(QIODevice::WriteOnly) && f.write(svg) == svg.size());
        }
        QXmlStreamReader xml(svg);
        int elements = 0;
        while (!xml.atEnd()) {
            if (xml.readNext() == QXmlStreamReader::StartElement)
                ++elements;
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QVERIFY(elements > 20);
    }

    void svgShowsAxesLimitBreachAndMarks()
    {
        const QString svg = QString::fromUtf8(soakChartSvg(sampleInput()));
        QVERIFY(svg.contains(QLatin1String("HTTP 5xx &lt;rate&gt;, &quot;p95&quot; on staging: FAIL")));
        QVERIFY(svg.contains(QLatin1String(">09:00</text>")));  // time axis labels
        QVERIFY(svg.contains(QLatin1String(">11:00</text>")));
        QVERIFY(svg.contains(QLatin1String("time (UTC) from 2026-11-20 09:00")));
        QVERIFY(svg.contains(QLatin1String(">0.5</text>")) || svg.contains(QLatin1String(">max 0.5</text>")));
        // The legend draws one of each mark; the chart adds its own.
        QCOMPARE(svg.count(QLatin1String("class=\"limitlabel\"")), 1);
        QCOMPARE(svg.count(QLatin1String("class=\"limit\"")), 2);
        QCOMPARE(svg.count(QLatin1String("class=\"breach\"")), 2);  // one run of samples above 0.5
        QCOMPARE(svg.count(QLatin1String("class=\"pass\"")), 2);
        QCOMPARE(svg.count(QLatin1String("class=\"fail\"")), 2);
        QCOMPARE(svg.count(QLatin1String("class=\"error\"")), 2);
        QCOMPARE(svg.count(QLatin1String("class=\"nodata\"")), 2);
        QCOMPARE(svg.count(QLatin1String("<title>")), 4);  // one per measurement
        QVERIFY(svg.contains(QLatin1String(">beyond limit</text>")));
        QVERIFY(svg.contains(QLatin1String("<polyline class=\"series\"")));
    }

    void svgWithoutSamplesStillDraws()
    {
        SoakChartSvgInput input = sampleInput();
        input.samples.clear();
        input.check.thresholdMax.reset();
        input.check.measurements.clear();
        const QString svg = QString::fromUtf8(soakChartSvg(input));
        QVERIFY(!svg.contains(QLatin1String("polyline")));
        QVERIFY(!svg.contains(QLatin1String("class=\"limitlabel\"")));
        QVERIFY(!svg.contains(QLatin1String("<title>")));
        QVERIFY(svg.contains(QLatin1String("class=\"frame\"")));
    }

    void xmlEscaping()
    {
        QCOMPARE(xmlEscaped(QStringLiteral("a<&>\"'\x01")), QStringLiteral("a&lt;&amp;&gt;&quot;&apos; "));
    }
};

QTEST_APPLESS_MAIN(TstEvidenceSoak)
#include "tst_evidence_soak.moc"
