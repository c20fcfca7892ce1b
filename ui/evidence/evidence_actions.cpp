#include "evidence_actions.h"

#include "evidence_pack.h"
#include "evidence_reader.h"
#include "evidence_viewer.h"
#include "future_watch.h"
#include "session.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QPointer>
#include <QProgressDialog>
#include <QPushButton>
#include <QSettings>
#include <QtConcurrent>

namespace cockpit {
namespace {

const char *kLastDirKey = "evidence/lastDirectory";

// Non-blocking: the window keeps running (and tests keep going) while it is shown.
QMessageBox *notify(QWidget *parent, QMessageBox::Icon icon, const QString &text, const QString &detail = {})
{
    auto *box = new QMessageBox(icon, QObject::tr("Evidence Pack"), text, QMessageBox::Close, parent);
    box->setObjectName(QStringLiteral("evidenceMessage"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setInformativeText(detail);
    box->open();
    return box;
}

}  // namespace

void exportEvidencePack(QWidget *parent, Session *session, const QString &version)
{
    if (!session || version.isEmpty()) {
        notify(parent, QMessageBox::Information, QObject::tr("Open a release first."));
        return;
    }
    QSettings settings;
    const QString dir = settings.value(QLatin1String(kLastDirKey), QDir::homePath()).toString();
    const QString suggested = QDir(dir).filePath(QStringLiteral("evidence-%1.zip").arg(version));
    const QString path = QFileDialog::getSaveFileName(
        parent, QObject::tr("Export Evidence Pack"), suggested, QObject::tr("Zip archives (*.zip)"));
    if (path.isEmpty())
        return;
    settings.setValue(QLatin1String(kLastDirKey), QFileInfo(path).absolutePath());
    exportEvidencePackTo(parent, session, version, path);
}

void exportEvidencePackTo(
    QWidget *parent, Session *session, const QString &version, const QString &path)
{
    auto *progress = new QProgressDialog(
        QObject::tr("Collecting the evidence of %1…").arg(version), QString(), 0, 6, parent);
    progress->setObjectName(QStringLiteral("evidenceProgress"));
    progress->setWindowTitle(QObject::tr("Export Evidence Pack"));
    progress->setWindowModality(Qt::WindowModal);
    progress->setMinimumDuration(300);
    progress->setAttribute(Qt::WA_DeleteOnClose);
    QPointer<QProgressDialog> guard(progress);
    const EvidenceProgress report = [guard](int step, int steps, const QString &what) {
        QMetaObject::invokeMethod(
            guard.data(),
            [guard, step, steps, what] {
                if (!guard)
                    return;
                guard->setMaximum(steps);
                guard->setValue(step);
                guard->setLabelText(what);
            },
            Qt::QueuedConnection);
    };
    auto future = session->exportEvidence(version, path, report);
    QPointer<QWidget> owner(parent);
    whenReady(progress, future, [progress, owner, path, version](const Result<EvidencePack> &pack) {
        progress->close();
        if (!pack) {
            notify(owner, QMessageBox::Warning,
                QObject::tr("The evidence pack of %1 was not written.").arg(version),
                pack.error().toString());
            return;
        }
        QString detail = QObject::tr("%n file(s) in %1.", nullptr, int(pack->members.size()))
                             .arg(QDir::toNativeSeparators(path));
        if (!pack->notes.isEmpty())
            detail += u'\n' + pack->notes.join(u'\n');
        QMessageBox *box = notify(owner, QMessageBox::Information,
            QObject::tr("Evidence pack of %1 written.").arg(version), detail);
        QPushButton *open = box->addButton(QObject::tr("Open"), QMessageBox::AcceptRole);
        QObject::connect(open, &QPushButton::clicked, box, [owner, path] { showEvidencePack(owner, path); });
    });
}

void openEvidencePack(QWidget *parent, const QString &path)
{
    QString chosen = path;
    if (chosen.isEmpty()) {
        QSettings settings;
        chosen = QFileDialog::getOpenFileName(parent, QObject::tr("Open Evidence Pack"),
            settings.value(QLatin1String(kLastDirKey), QDir::homePath()).toString(),
            QObject::tr("Zip archives (*.zip)"));
        if (chosen.isEmpty())
            return;
        settings.setValue(QLatin1String(kLastDirKey), QFileInfo(chosen).absolutePath());
    }
    showEvidencePack(parent, chosen);
}

void showEvidencePack(QWidget *parent, const QString &path)
{
    QPointer<QWidget> owner(parent);
    auto future = QtConcurrent::run([path] { return readEvidencePack(path); });
    QObject *context = parent ? static_cast<QObject *>(parent) : qApp;
    whenReady(context, future, [owner, path](const Result<OpenedEvidencePack> &pack) {
        if (!pack) {
            notify(owner, QMessageBox::Warning,
                QObject::tr("%1 cannot be opened.").arg(QFileInfo(path).fileName()), pack.error().toString());
            return;
        }
        // Its own top-level window (no parent): it outlives the main window's modality and layout.
        auto *viewer = new EvidenceViewer(*pack);
        viewer->show();
        viewer->raise();
    });
}

}  // namespace cockpit
