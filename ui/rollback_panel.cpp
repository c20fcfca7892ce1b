#include "rollback_panel.h"

namespace cockpit {

// Placeholder until the rollback UI lands: shows nothing.
RollbackPanel::RollbackPanel(QWidget *parent)
    : ReleaseTab(parent)
{
    setObjectName(QStringLiteral("rollbackPanel"));
    hide();
}

void RollbackPanel::setService(ReleaseService *) { }

void RollbackPanel::showRelease(const ReleaseRecord &) { }

void RollbackPanel::requestRollback(const QString &) { }

}  // namespace cockpit
