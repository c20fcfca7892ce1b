#include "incident_tab.h"

#include <QLabel>
#include <QVBoxLayout>

namespace cockpit {

// Placeholder until the incident view lands.
IncidentTab::IncidentTab(QWidget *parent)
    : ReleaseTab(parent)
{
    setObjectName(QStringLiteral("incidentTab"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("No incidents."), this), 0, Qt::AlignCenter);
}

void IncidentTab::setService(ReleaseService *) { }

void IncidentTab::showRelease(const ReleaseRecord &) { }

}  // namespace cockpit
