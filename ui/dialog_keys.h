#pragma once
// Keys the dialogs and tool windows share: Ctrl+Enter submits a dialog whose text box keeps plain
// Enter for a new line; Escape and Ctrl+W close a tool window that has no Close button.
#include <QString>

class QPushButton;
class QWidget;

namespace cockpit {

// Ctrl+Return and Ctrl+Enter (keypad) click button when it is enabled; its tooltip names the key.
void submitOnCtrlEnter(QWidget *dialog, QPushButton *button);

// Escape and Ctrl+W close window, as they close a dialog.
void closeOnEscapeOrCtrlW(QWidget *window);

}  // namespace cockpit
