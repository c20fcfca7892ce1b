#include "soak_tab.h"

#include <QLabel>
#include <QVBoxLayout>

namespace cockpit {

SoakTab::SoakTab(QWidget *parent)
    : ReleaseTab(parent)
    , m_placeholder(new QLabel(this))
{
    setObjectName(QStringLiteral("soakTab"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_placeholder);
}

void SoakTab::setService(ReleaseService *service)
{
    m_service = service;
}

void SoakTab::showRelease(const ReleaseRecord &release)
{
    m_placeholder->setText(release.version);
}

}  // namespace cockpit
