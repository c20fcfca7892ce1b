#include "about_dialog.h"

#include "library_versions.h"

#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace cockpit {

AboutDialog::AboutDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("aboutDialog"));
    setWindowTitle(tr("About Release Cockpit"));
    auto *layout = new QVBoxLayout(this);
    auto *title = new QLabel(tr("Release Cockpit %1").arg(QCoreApplication::applicationVersion()), this);
    QFont big = title->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    title->setFont(big);
    auto *blurb = new QLabel(tr("Takes a release from “all PRs merged” to “soak passed” or “rolled back”, "
                                "with evidence."),
        this);
    blurb->setWordWrap(true);
    layout->addWidget(title);
    layout->addWidget(blurb);
    layout->addSpacing(8);
    auto *form = new QFormLayout;
    for (const LibraryVersion &library : libraryVersions()) {
        auto *value = new QLabel(library.version, this);
        value->setObjectName(QStringLiteral("version_") + library.name);
        value->setAccessibleName(library.name);
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        form->addRow(library.name + QLatin1Char(':'), value);
    }
    layout->addLayout(form);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setObjectName(QStringLiteral("aboutClose"));
    buttons->button(QDialogButtonBox::Close)->setAccessibleName(tr("Close"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

}  // namespace cockpit
