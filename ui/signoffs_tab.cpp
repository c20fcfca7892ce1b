#include "signoffs_tab.h"

#include <QLabel>
#include <QVBoxLayout>

namespace cockpit {

SignoffsTab::SignoffsTab(QWidget *parent)
    : ReleaseTab(parent)
    , m_placeholder(new QLabel(this))
{
    setObjectName(QStringLiteral("signoffsTab"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_placeholder);
}

void SignoffsTab::setService(ReleaseService *service)
{
    m_service = service;
}

void SignoffsTab::showRelease(const ReleaseRecord &release)
{
    m_placeholder->setText(release.version);
}

}  // namespace cockpit
