// Light and dark palettes: the semantic colours keep WCAG contrast on both, and the widgets that
// bake colours (header badge, diff rows, soak chart) recolour when the application palette changes.
#include "diff_view.h"
#include "error_banner.h"
#include "release_header.h"
#include "soak_banners.h"
#include "soak_chart.h"
#include "state_style.h"

#include <QApplication>
#include <QLabel>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QStyle>
#include <QStyleFactory>
#include <QTextBlock>
#include <QToolButton>
#include <QValueAxis>
#include <QtTest>

#include <memory>

using namespace cockpit;

namespace {

QPalette lightPalette()
{
    const std::unique_ptr<QStyle> fusion(QStyleFactory::create(QStringLiteral("Fusion")));
    return fusion->standardPalette();
}

// What a dark desktop theme (Breeze Dark, Adwaita dark) hands to Qt.
QPalette darkPalette()
{
    QPalette p;
    const QColor text(0xee, 0xee, 0xee);
    for (const auto group : {QPalette::Active, QPalette::Inactive, QPalette::Disabled}) {
        p.setColor(group, QPalette::Window, QColor(0x2a, 0x2e, 0x32));
        p.setColor(group, QPalette::Base, QColor(0x1b, 0x1e, 0x20));
        p.setColor(group, QPalette::AlternateBase, QColor(0x23, 0x26, 0x29));
        p.setColor(group, QPalette::Button, QColor(0x31, 0x36, 0x3b));
        p.setColor(group, QPalette::WindowText, text);
        p.setColor(group, QPalette::Text, text);
        p.setColor(group, QPalette::ButtonText, text);
        p.setColor(group, QPalette::PlaceholderText, QColor(0xa0, 0xa4, 0xa8));
        p.setColor(group, QPalette::Mid, QColor(0x45, 0x4a, 0x4f));
    }
    return p;
}

// The background and text colours of a "QLabel { background: #x; color: #y; ...}" badge.
std::pair<QColor, QColor> badgeColours(const QLabel *label)
{
    const QString sheet = label->styleSheet();
    const auto bg = QRegularExpression(QStringLiteral("background: (#[0-9a-f]{6})")).match(sheet);
    const auto fg = QRegularExpression(QStringLiteral("[^-]color: (#[0-9a-f]{6})")).match(sheet);
    return {QColor(bg.captured(1)), QColor(fg.captured(1))};
}

QColor addedRowBackground(const DiffView &view)
{
    const QTextDocument *document = view.text()->document();
    for (QTextBlock b = document->begin(); b.isValid(); b = b.next())
        if (b.text().startsWith(QLatin1Char('+')))
            return b.blockFormat().background().color();
    return {};
}

QColor removedRowBackground(const DiffView &view)
{
    const QTextDocument *document = view.text()->document();
    for (QTextBlock b = document->begin(); b.isValid(); b = b.next())
        if (b.text().startsWith(QLatin1Char('-')))
            return b.blockFormat().background().color();
    return {};
}

}  // namespace

class TestPalette : public QObject {
    Q_OBJECT
private slots:
    void contrastFollowsWcag();
    void stateColoursReadOnBothPalettes_data();
    void stateColoursReadOnBothPalettes();
    void widgetsRecolourOnPaletteChange();
};

void TestPalette::contrastFollowsWcag()
{
    QCOMPARE(contrastRatio(Qt::white, Qt::black), 21.0);
    QCOMPARE(contrastRatio(Qt::white, Qt::white), 1.0);
    // Published pairs: #777777 on white is 4.48:1 (just fails AA), #767676 is 4.54:1.
    QVERIFY(qAbs(contrastRatio(QColor(0x77, 0x77, 0x77), Qt::white) - 4.48) < 0.01);
    QVERIFY(qAbs(contrastRatio(QColor(0x76, 0x76, 0x76), Qt::white) - 4.54) < 0.01);
    QVERIFY(!isDarkPalette(lightPalette()));
    QVERIFY(isDarkPalette(darkPalette()));
    QCOMPARE(badgeTextColor(QColor(0x10, 0x10, 0x60)), QColor(Qt::white));
    QCOMPARE(badgeTextColor(QColor(0xff, 0xd0, 0x80)), QColor(Qt::black));
}

void TestPalette::stateColoursReadOnBothPalettes_data()
{
    QTest::addColumn<QPalette>("palette");
    QTest::newRow("light") << lightPalette();
    QTest::newRow("dark") << darkPalette();
}

void TestPalette::stateColoursReadOnBothPalettes()
{
    QFETCH(QPalette, palette);
    QList<std::pair<QString, QColor>> colours {{QStringLiteral("failure"), failureColor(palette)},
        {QStringLiteral("reachable"), reachableColor(true, palette)},
        {QStringLiteral("done"), itemStateColor(ItemState::Done, palette)},
        {QStringLiteral("n/a"), itemStateColor(ItemState::NotApplicable, palette)}};
    for (int s = int(ReleaseState::Draft); s <= int(ReleaseState::Aborted); ++s)
        colours.append({releaseStateName(ReleaseState(s)), releaseStateColor(ReleaseState(s), palette)});
    for (const auto &[name, colour] : colours) {
        for (const auto role : {QPalette::Window, QPalette::Base, QPalette::AlternateBase}) {
            const double ratio = contrastRatio(colour, palette.color(role));
            QVERIFY2(ratio >= kMinimumTextContrast,
                qPrintable(
                    QStringLiteral("%1 %2 on role %3: %4").arg(name, colour.name()).arg(role).arg(ratio)));
        }
        const double badge = contrastRatio(colour, badgeTextColor(colour));
        QVERIFY2(
            badge >= kMinimumTextContrast, qPrintable(QStringLiteral("badge %1: %2").arg(name).arg(badge)));
    }
}

void TestPalette::widgetsRecolourOnPaletteChange()
{
    QApplication::setPalette(lightPalette());
    ReleaseHeader header;
    ReleaseRecord release;
    release.version = QStringLiteral("3.7.0");
    release.state = ReleaseState::Released;
    header.setRelease(release);
    header.setChecklistProgress(3, 10, 2);
    Readiness readiness;
    readiness.version = release.version;
    readiness.state = ReleaseState::Candidate;
    readiness.next = ReleaseState::Approved;
    readiness.approvalsRequired = 2;
    readiness.approvalsStale = 1;
    readiness.blockers = {Blocker {QStringLiteral("approval"), QStringLiteral("stale approval"), QStringLiteral("re-sign"), {}, QStringLiteral("signoffs")}};
    header.setReadiness(readiness);
    DiffView diff;
    DiffHunk hunk {QStringLiteral("@@ -1,2 +1,2 @@"),
        {{' ', 1, 1, QStringLiteral("# Changelog")}, {'-', 2, -1, QStringLiteral("old")},
            {'+', -1, 2, QStringLiteral("new")}}};
    diff.setDiff(FileDiff {{hunk}, false}, QStringLiteral("v3.6.0"), QStringLiteral("working tree"));
    SoakChart chart;
    ErrorBanner banner;
    SoakBanners soakBanners;
    auto *stale = soakBanners.findChild<QFrame *>(QStringLiteral("soakStaleBanner"));
    QVERIFY(stale);
    const QString lightStale = stale->styleSheet();
    header.show();
    diff.show();
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    auto *badge = header.findChild<QLabel *>(QStringLiteral("headerState"));
    QVERIFY(badge);

    const auto [lightBadge, lightBadgeText] = badgeColours(badge);
    const QColor lightAdded = addedRowBackground(diff);
    const QColor lightAxis = chart.valueAxis()->labelsBrush().color();
    QVERIFY(lightAdded.isValid());
    QVERIFY2(lightAdded.lightness() > 200, qPrintable(lightAdded.name()));
    QCOMPARE(lightAxis, lightPalette().color(QPalette::Text));
    QVERIFY(contrastRatio(lightBadge, lightBadgeText) >= kMinimumTextContrast);

    const QPalette dark = darkPalette();
    QApplication::setPalette(dark);
    // The badge: a dark palette's tone of "released", with text that reads on it.
    QTRY_COMPARE(badgeColours(badge).first, releaseStateColor(ReleaseState::Released, dark));
    const auto [darkBadge, darkBadgeText] = badgeColours(badge);
    QVERIFY(darkBadge != lightBadge);
    QVERIFY2(contrastRatio(darkBadge, darkBadgeText) >= kMinimumTextContrast, qPrintable(darkBadge.name()));
    QVERIFY(contrastRatio(darkBadge, dark.color(QPalette::AlternateBase)) >= kMinimumTextContrast);
    auto *failed = header.findChild<QLabel *>(QStringLiteral("headerFailed"));
    QCOMPARE(failed->palette().color(QPalette::WindowText), failureColor(dark));
    // The blocker count in the palette's red, stale approvals in an amber that reads on the header.
    auto *blockers = header.findChild<QToolButton *>(QStringLiteral("headerBlockers"));
    QVERIFY(blockers);
    QCOMPARE(blockers->text(), QStringLiteral("1 blocker"));
    QCOMPARE(blockers->palette().color(QPalette::ButtonText), failureColor(dark));
    const QColor amber = header.findChild<QLabel *>(QStringLiteral("headerApprovals"))->palette().color(QPalette::WindowText);
    QVERIFY2(contrastRatio(amber, dark.color(QPalette::AlternateBase)) >= kMinimumTextContrast, qPrintable(amber.name()));
    // Diff rows: dark tints on which the dark palette's text reads.
    for (const QColor &row : {addedRowBackground(diff), removedRowBackground(diff)}) {
        QVERIFY2(row.lightness() < 100, qPrintable(row.name()));
        QVERIFY2(
            contrastRatio(row, dark.color(QPalette::Text)) >= kMinimumTextContrast, qPrintable(row.name()));
    }
    QVERIFY(addedRowBackground(diff).green() > addedRowBackground(diff).red());
    QVERIFY(removedRowBackground(diff).red() > removedRowBackground(diff).green());
    // The chart: light axis labels on the dark base.
    const QColor darkAxis = chart.valueAxis()->labelsBrush().color();
    QCOMPARE(darkAxis, dark.color(QPalette::Text));
    QVERIFY(contrastRatio(darkAxis, chart.chart()->backgroundBrush().color()) >= kMinimumTextContrast);
    QCOMPARE(chart.chart()->backgroundBrush().color(), dark.color(QPalette::Base));
    // The error banner's border (a style sheet) takes the dark palette's red.
    QTRY_VERIFY2(banner.styleSheet().contains(failureColor(dark).name()), qPrintable(banner.styleSheet()));
    QTRY_VERIFY(stale->styleSheet() != lightStale);

    QApplication::setPalette(lightPalette());
    QTRY_COMPARE(badgeColours(badge).first, lightBadge);
    QCOMPARE(addedRowBackground(diff), lightAdded);
    QCOMPARE(chart.valueAxis()->labelsBrush().color(), lightAxis);
    QTRY_VERIFY2(
        banner.styleSheet().contains(failureColor(lightPalette()).name()), qPrintable(banner.styleSheet()));
    QTRY_COMPARE(stale->styleSheet(), lightStale);
}

QTEST_MAIN(TestPalette)
#include "tst_palette.moc"
