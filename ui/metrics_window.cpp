#include "metrics_window.h"

namespace cockpit {

// Placeholder until the metrics land.
MetricsWindow::MetricsWindow(ReleaseService *, QWidget *parent)
    : QWidget(parent, Qt::Window)
{
    setObjectName(QStringLiteral("metricsWindow"));
    setWindowTitle(tr("Release Metrics"));
}

}  // namespace cockpit
