#include "state_style.h"

#include <QGuiApplication>
#include <QObject>
#include <cmath>

namespace cockpit {
namespace {

double channel(double c)
{
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

// The worst contrast of `color` against the backgrounds text sits on.
double worstContrast(const QColor &color, const QPalette &palette)
{
    double worst = 21.0;
    for (const QPalette::ColorRole role : {QPalette::Window, QPalette::Base, QPalette::AlternateBase})
        worst = std::min(worst, contrastRatio(color, palette.color(QPalette::Active, role)));
    return worst;
}

}  // namespace

bool isDarkPalette(const QPalette &palette)
{
    return relativeLuminance(palette.color(QPalette::Window))
        < relativeLuminance(palette.color(QPalette::WindowText));
}

double relativeLuminance(const QColor &color)
{
    const QColor rgb = color.toRgb();
    return 0.2126 * channel(rgb.redF()) + 0.7152 * channel(rgb.greenF()) + 0.0722 * channel(rgb.blueF());
}

double contrastRatio(const QColor &a, const QColor &b)
{
    const double la = relativeLuminance(a);
    const double lb = relativeLuminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QColor readableColor(const QColor &color, const QPalette &palette)
{
    // HSL lightness keeps the hue; the walk ends at black or white, which read on any palette
    // whose backgrounds are all light or all dark.
    const bool dark = isDarkPalette(palette);
    QColor c = color.toHsl();
    for (int step = 0; step < 32 && worstContrast(c, palette) < kMinimumTextContrast; ++step) {
        const int l = std::clamp(c.lightness() + (dark ? 8 : -8), 0, 255);
        c.setHsl(c.hslHue(), c.hslSaturation(), l);
    }
    return QColor::fromRgb(c.toRgb().rgb());  // 8 bits a channel, as style sheets and names carry it
}

QColor readableColor(const QColor &color)
{
    return readableColor(color, QGuiApplication::palette());
}

QColor badgeTextColor(const QColor &background)
{
    return contrastRatio(background, Qt::white) >= contrastRatio(background, Qt::black) ? QColor(Qt::white)
                                                                                        : QColor(Qt::black);
}

QString badgeStyleSheet(const QColor &background, int radius)
{
    return QStringLiteral("QLabel { background: %1; color: %2; border-radius: %3px;"
                          " padding: 2px 8px; font-weight: bold; }")
        .arg(background.name(), badgeTextColor(background).name())
        .arg(radius);
}

QColor blendOver(const QColor &tint, int alpha, const QColor &base)
{
    const double a = alpha / 255.0;
    auto mix = [a](double t, double b) { return t * a + b * (1.0 - a); };
    return QColor::fromRgbF(float(mix(tint.redF(), base.redF())), float(mix(tint.greenF(), base.greenF())),
        float(mix(tint.blueF(), base.blueF())));
}

QPixmap sharpPixmap(int logicalSize)
{
    const qreal ratio = qApp ? qApp->devicePixelRatio() : 1.0;
    QPixmap pixmap(QSize(logicalSize, logicalSize) * ratio);
    pixmap.setDevicePixelRatio(ratio);
    pixmap.fill(Qt::transparent);
    return pixmap;
}

QString itemStateTitle(ItemState state)
{
    switch (state) {
    case ItemState::Open:
        return QObject::tr("Open");
    case ItemState::Done:
        return QObject::tr("Done");
    case ItemState::Failed:
        return QObject::tr("Failed");
    case ItemState::NotApplicable:
        return QObject::tr("Not applicable");
    }
    return {};
}

QColor itemStateColor(ItemState state, const QPalette &palette)
{
    switch (state) {
    case ItemState::Done:
        return readableColor(QColor(0x2f, 0x9e, 0x44), palette);
    case ItemState::Failed:
        return failureColor(palette);
    case ItemState::NotApplicable:
        return readableColor(QColor(0x86, 0x8e, 0x96), palette);
    case ItemState::Open:
        break;
    }
    return {};
}

QColor itemStateColor(ItemState state)
{
    return itemStateColor(state, QGuiApplication::palette());
}

QColor releaseStateColor(ReleaseState state, const QPalette &palette)
{
    QColor mid(0x86, 0x8e, 0x96);
    switch (state) {
    case ReleaseState::Draft:
        break;
    case ReleaseState::Frozen:
        mid = QColor(0x1c, 0x7e, 0xd6);
        break;
    case ReleaseState::Candidate:
        mid = QColor(0x70, 0x48, 0xe8);
        break;
    case ReleaseState::Approved:
        mid = QColor(0x0c, 0x85, 0x99);
        break;
    case ReleaseState::Deploying:
    case ReleaseState::Soaking:
        mid = QColor(0xe8, 0x59, 0x0c);
        break;
    case ReleaseState::Released:
        mid = QColor(0x2f, 0x9e, 0x44);
        break;
    case ReleaseState::RolledBack:
        return failureColor(palette);
    case ReleaseState::Aborted:
        mid = QColor(0x49, 0x50, 0x57);
        break;
    }
    return readableColor(mid, palette);
}

QColor releaseStateColor(ReleaseState state)
{
    return releaseStateColor(state, QGuiApplication::palette());
}

QColor failureColor(const QPalette &palette)
{
    return readableColor(QColor(0xe0, 0x31, 0x31), palette);
}

QColor failureColor()
{
    return failureColor(QGuiApplication::palette());
}

QColor reachableColor(bool reachable, const QPalette &palette)
{
    return reachable ? readableColor(QColor(0x2f, 0x9e, 0x44), palette) : failureColor(palette);
}

QColor reachableColor(bool reachable)
{
    return reachableColor(reachable, QGuiApplication::palette());
}

QString formatLocalTime(const QDateTime &utc)
{
    if (!utc.isValid())
        return {};
    return utc.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

QString shortCommit(const QString &sha)
{
    return sha.left(7);
}

}  // namespace cockpit
