#include "calendar_window.h"

namespace cockpit {

// Placeholder until the calendar lands.
CalendarWindow::CalendarWindow(ReleaseService *, QWidget *parent)
    : QWidget(parent, Qt::Window)
{
    setObjectName(QStringLiteral("calendarWindow"));
    setWindowTitle(tr("Release Calendar"));
}

}  // namespace cockpit
