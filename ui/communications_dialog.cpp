#include "communications_dialog.h"

namespace cockpit {

// Placeholder until communications land.
CommunicationsDialog::CommunicationsDialog(ReleaseService *, const QString &, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("communicationsDialog"));
    setWindowTitle(tr("Communications"));
}

}  // namespace cockpit
