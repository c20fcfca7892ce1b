#pragma once
// The semantic colours of states (done, failed, release states) and local-time formatting shared
// by the delegates and the header. Each colour starts from a mid tone and is darkened on light
// palettes, lightened on dark ones, until it reads as text on the window, base and alternate base
// (WCAG contrast >= 4.5:1); badges put black or white text on it, whichever contrasts more. The
// overloads without a palette use the application's, so callers re-ask on a palette change.
#include "checklist.h"
#include "release.h"

#include <QColor>
#include <QDateTime>
#include <QPalette>
#include <QPixmap>

namespace cockpit {

QString itemStateTitle(ItemState state);  // "Done", "Not applicable"
QColor itemStateColor(ItemState state);  // done green, failed red, N/A grey; invalid for open
QColor itemStateColor(ItemState state, const QPalette &palette);
QColor releaseStateColor(ReleaseState state);
QColor releaseStateColor(ReleaseState state, const QPalette &palette);
QColor failureColor();  // red used for failed counts
QColor failureColor(const QPalette &palette);
QColor reachableColor(bool reachable);  // green or red status dots
QColor reachableColor(bool reachable, const QPalette &palette);

// The palette helpers behind them, for the widgets' own semantic colours.
inline constexpr double kMinimumTextContrast = 4.5;  // WCAG AA for normal text
[[nodiscard]] bool isDarkPalette(const QPalette &palette);
[[nodiscard]] double relativeLuminance(const QColor &color);  // WCAG 2.x, 0 (black) .. 1 (white)
[[nodiscard]] double contrastRatio(const QColor &a, const QColor &b);  // 1 .. 21
// `color` made darker (light palettes) or lighter (dark palettes) until it reads on the palette.
[[nodiscard]] QColor readableColor(const QColor &color, const QPalette &palette);
[[nodiscard]] QColor readableColor(const QColor &color);
// Black or white, whichever contrasts more with a badge's background.
[[nodiscard]] QColor badgeTextColor(const QColor &background);
// The style sheet of a rounded label badge in `background` with readable text.
[[nodiscard]] QString badgeStyleSheet(const QColor &background, int radius = 4);
// `tint` at `alpha` composited over `base`: the colour a translucent row background shows.
[[nodiscard]] QColor blendOver(const QColor &tint, int alpha, const QColor &base);

// A transparent pixmap of `logicalSize` square at the screens' device pixel ratio, so icons we
// draw stay sharp at 150% and 200% scaling; paint on it in logical coordinates.
[[nodiscard]] QPixmap sharpPixmap(int logicalSize);

// Stored times are UTC; people read them in local time. Empty for an invalid time.
QString formatLocalTime(const QDateTime &utc);
QString shortCommit(const QString &sha);  // first 7 characters

}  // namespace cockpit
