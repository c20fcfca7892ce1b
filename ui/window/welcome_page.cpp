#include "welcome_page.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace cockpit {

WelcomePage::WelcomePage(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("welcomePage"));
    setAccessibleName(tr("No workspace open"));
    auto *title = new QLabel(tr("No workspace open"), this);
    QFont big = title->font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    big.setBold(true);
    title->setFont(big);
    title->setAlignment(Qt::AlignCenter);
    auto *text
        = new QLabel(tr("A workspace is a git repository with a release policy in .release-cockpit/.\n"
                        "Open one, or write a policy into a repository from one of the bundled presets."),
            this);
    text->setAlignment(Qt::AlignCenter);
    text->setWordWrap(true);
    text->setForegroundRole(QPalette::PlaceholderText);
    auto *open = new QPushButton(tr("&Open Workspace…"), this);
    open->setObjectName(QStringLiteral("welcomeOpen"));
    open->setAccessibleName(tr("Open workspace"));
    open->setDefault(true);
    auto *create = new QPushButton(tr("&New Workspace from Preset…"), this);
    create->setObjectName(QStringLiteral("welcomeNew"));
    create->setAccessibleName(tr("New workspace from preset"));
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(open);
    buttons->addWidget(create);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->addStretch(1);
    layout->addWidget(title);
    layout->addWidget(text);
    layout->addSpacing(12);
    layout->addLayout(buttons);
    layout->addStretch(2);
    connect(open, &QPushButton::clicked, this, &WelcomePage::openRequested);
    connect(create, &QPushButton::clicked, this, &WelcomePage::newWorkspaceRequested);
}

}  // namespace cockpit
