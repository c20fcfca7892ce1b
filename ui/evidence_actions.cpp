#include "evidence_actions.h"

#include <QMessageBox>

namespace cockpit {

// Placeholder until the evidence pack lands.
void exportEvidencePack(QWidget *parent, ReleaseService *, const QString &)
{
    QMessageBox::information(parent, QObject::tr("Evidence Pack"), QObject::tr("Not built yet."));
}

void openEvidencePack(QWidget *parent, const QString &)
{
    QMessageBox::information(parent, QObject::tr("Evidence Pack"), QObject::tr("Not built yet."));
}

}  // namespace cockpit
