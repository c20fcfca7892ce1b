#include "changelog_tab.h"

#include <QLabel>
#include <QVBoxLayout>

namespace cockpit {

ChangelogTab::ChangelogTab(QWidget *parent)
    : ReleaseTab(parent)
    , m_placeholder(new QLabel(this))
{
    setObjectName(QStringLiteral("changelogTab"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_placeholder);
}

void ChangelogTab::setService(ReleaseService *service)
{
    m_service = service;
}

void ChangelogTab::showRelease(const ReleaseRecord &release)
{
    m_placeholder->setText(release.version);
}

}  // namespace cockpit
