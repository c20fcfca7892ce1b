#pragma once
// What the release tabs share: the screenshot script's way of opening the window on one tab, and
// their push buttons with an object name (tests find them) and an accessible name.
#include <QString>

class QPushButton;
class QWidget;

namespace cockpit {

// When COCKPIT_SCREENSHOT_TAB is `name`, makes tab the current page of the tab widget above it.
void raiseTabForScreenshot(QWidget *tab, const QString &name);
QPushButton *namedButton(QWidget *parent, const char *objectName, const QString &text, const QString &accessibleName);

}  // namespace cockpit
