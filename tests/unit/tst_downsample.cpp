// Downsampling keeps what a chart must show: LTTB keeps the requested count, first and last,
// time order and a lone spike; min/max per column keeps every column's extremes.
#include "downsample.h"

#include <QtTest>
#include <algorithm>
#include <cmath>
#include <limits>

using namespace cockpit;

namespace {

QList<Sample> wave(int n, int spikeAt = -1)
{
    QList<Sample> samples;
    for (int i = 0; i < n; ++i)
        samples << Sample {1'700'000'000'000 + qint64(i) * 15'000, i == spikeAt ? 50.0 : std::sin(i / 40.0)};
    return samples;
}

bool ascending(const QList<Sample> &samples)
{
    return std::is_sorted(samples.cbegin(), samples.cend(),
        [](const Sample &a, const Sample &b) { return a.timeMs < b.timeMs; });
}

}  // namespace

class TestDownsample : public QObject {
    Q_OBJECT

private slots:
    void lttbKeepsCountEndsOrderAndSpike();
    void lttbLeavesSmallInputAlone();
    void lttbDropsNonFinite();
    void minMaxKeepsColumnExtremes();
};

void TestDownsample::lttbKeepsCountEndsOrderAndSpike()
{
    const QList<Sample> in = wave(11000, 7777);
    const QList<Sample> out = downsampleLttb(in, 1500);
    QCOMPARE(out.size(), 1500);
    QCOMPARE(out.first(), in.first());
    QCOMPARE(out.last(), in.last());
    QVERIFY(ascending(out));
    QVERIFY(std::any_of(out.cbegin(), out.cend(), [](const Sample &s) { return s.value == 50.0; }));
    for (const Sample &s : out)
        QVERIFY(std::binary_search(
            in.cbegin(), in.cend(), s, [](const Sample &a, const Sample &b) { return a.timeMs < b.timeMs; }));
}

void TestDownsample::lttbLeavesSmallInputAlone()
{
    const QList<Sample> in = wave(100);
    QCOMPARE(downsampleLttb(in, 1500), in);
    QCOMPARE(downsampleLttb(in, 2), in);
    QCOMPARE(downsampleLttb({}, 10), QList<Sample>());
    QCOMPARE(downsampleLttb(wave(101), 100).size(), 100);
}

void TestDownsample::lttbDropsNonFinite()
{
    QList<Sample> in = wave(1000);
    in[10].value = std::numeric_limits<double>::quiet_NaN();
    in[20].value = std::numeric_limits<double>::infinity();
    const QList<Sample> out = downsampleLttb(in, 100);
    QCOMPARE(out.size(), 100);
    QVERIFY(std::all_of(out.cbegin(), out.cend(), [](const Sample &s) { return std::isfinite(s.value); }));
    QCOMPARE(downsampleMinMax(in, 2000).size(), 998);
}

void TestDownsample::minMaxKeepsColumnExtremes()
{
    const QList<Sample> in = wave(11000, 4321);
    const QList<Sample> out = downsampleMinMax(in, 750);
    QVERIFY(out.size() <= 1500);
    QVERIFY(out.size() >= 750);
    QVERIFY(ascending(out));
    const auto [lo, hi] = std::minmax_element(
        in.cbegin(), in.cend(), [](const Sample &a, const Sample &b) { return a.value < b.value; });
    QVERIFY(out.contains(*lo));
    QVERIFY(out.contains(*hi));
    QCOMPARE(downsampleMinMax(wave(10), 750), wave(10));
}

QTEST_GUILESS_MAIN(TestDownsample)
#include "tst_downsample.moc"
