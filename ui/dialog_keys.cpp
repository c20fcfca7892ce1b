#include "dialog_keys.h"

#include <QKeySequence>
#include <QPushButton>
#include <QShortcut>

namespace cockpit {

void submitOnCtrlEnter(QWidget *dialog, QPushButton *button)
{
    // A multi-line reason takes Enter as a new line, so the submit key needs Ctrl.
    for (const QKeySequence &key :
        {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)}) {
        auto *shortcut = new QShortcut(key, dialog);
        shortcut->setContext(Qt::WindowShortcut);
        QObject::connect(shortcut, &QShortcut::activated, button, [button] {
            if (button->isEnabled() && button->isVisible())
                button->click();
        });
    }
    const QString key = QKeySequence(Qt::CTRL | Qt::Key_Return).toString(QKeySequence::NativeText);
    button->setToolTip(button->toolTip().isEmpty() ? key : QStringLiteral("%1 (%2)").arg(button->toolTip(), key));
}

void closeOnEscapeOrCtrlW(QWidget *window)
{
    for (const QKeySequence &key : {QKeySequence(Qt::Key_Escape), QKeySequence(Qt::CTRL | Qt::Key_W)}) {
        auto *shortcut = new QShortcut(key, window);
        shortcut->setContext(Qt::WindowShortcut);
        QObject::connect(shortcut, &QShortcut::activated, window, &QWidget::close);
    }
}

}  // namespace cockpit
