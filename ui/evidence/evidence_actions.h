#pragma once
// The evidence pack from the window: Release ▸ Export Evidence Pack… and File ▸ Open Evidence
// Pack… (a read-only view of a pack: charts, checklist, approvals).
#include <QString>

class QWidget;

namespace cockpit {

class Session;

// Asks where to save, writes the pack off the GUI thread and says where it went (or why not).
void exportEvidencePack(QWidget *parent, Session *session, const QString &version);
// Asks for a pack when path is empty, then shows it read-only in its own window.
void openEvidencePack(QWidget *parent, const QString &path = {});

// The dialog-free halves (tests call them): export to path with a progress dialog and a message
// when done, and open path in an EvidenceViewer once it has been read off the GUI thread.
void exportEvidencePackTo(
    QWidget *parent, Session *session, const QString &version, const QString &path);
void showEvidencePack(QWidget *parent, const QString &path);

}  // namespace cockpit
