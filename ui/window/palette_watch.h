#pragma once
// Re-applies colours a widget bakes into a style sheet or a chart when the desktop switches between
// light and dark. Qt 6.4 has no colour-scheme API: a theme change reaches widgets as a palette change.
#include <QWidget>
#include <functional>

namespace cockpit {

// Calls `apply` now and after every palette change of `widget` (its own or the application's).
// `apply` should compare before it sets a style sheet (setting one sends another change) and
// derive colours from the application's palette, not from the palette its own style sheet sets,
// or the two chase each other.
void followPalette(QWidget *widget, std::function<void()> apply);

}  // namespace cockpit
