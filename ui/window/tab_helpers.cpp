#include "tab_helpers.h"

#include <QPushButton>
#include <QTabWidget>

namespace cockpit {

void raiseTabForScreenshot(QWidget *tab, const QString &name)
{
    if (qEnvironmentVariable("COCKPIT_SCREENSHOT_TAB") != name)
        return;
    for (QWidget *w = tab->parentWidget(); w; w = w->parentWidget()) {
        if (auto *tabs = qobject_cast<QTabWidget *>(w)) {
            tabs->setCurrentWidget(tab);
            return;
        }
    }
}

QPushButton *namedButton(QWidget *parent, const char *objectName, const QString &text, const QString &accessibleName)
{
    auto *b = new QPushButton(text, parent);
    b->setObjectName(QString::fromLatin1(objectName));
    b->setAccessibleName(accessibleName);
    return b;
}

}  // namespace cockpit
