#pragma once
// An evidence pack shown read-only in its own top-level window: the manifest's facts, the soak
// charts redrawn from the recordings, the checklist, the approvals and the audit excerpt, the
// members with their checksums; a red banner when a checksum does not match (never hidden).
#include "evidence_reader.h"

#include <QWidget>

class QTabWidget;
class QTableWidget;
class QTextBrowser;

namespace cockpit {

class ErrorBanner;
class SoakChart;

class EvidenceViewer : public QWidget {
    Q_OBJECT
public:
    explicit EvidenceViewer(OpenedEvidencePack pack, QWidget *parent = nullptr);

    [[nodiscard]] const OpenedEvidencePack &pack() const { return m_pack; }
    [[nodiscard]] QList<SoakChart *> charts() const { return m_charts; }
    [[nodiscard]] QTableWidget *approvalsTable() const { return m_approvals; }
    [[nodiscard]] QTableWidget *auditTable() const { return m_audit; }
    [[nodiscard]] QTableWidget *membersTable() const { return m_members; }
    [[nodiscard]] QTextBrowser *checklistView() const { return m_checklist; }
    [[nodiscard]] QTextBrowser *changelogView() const { return m_changelog; }
    [[nodiscard]] ErrorBanner *mismatchBanner() const { return m_banner; }
    [[nodiscard]] QTabWidget *tabs() const { return m_tabs; }

private:
    QWidget *buildSummary();
    QWidget *buildSoakPage();
    QWidget *buildChecklistPage();
    QWidget *buildApprovalsPage();
    QWidget *buildChangelogPage();
    QWidget *buildAuditPage();
    QWidget *buildMembersPage();
    void addEnvironmentCharts(QWidget *page, const QString &environment, const QByteArray &json);
    [[nodiscard]] QByteArray memberData(const QString &name) const;

    OpenedEvidencePack m_pack;
    ErrorBanner *m_banner = nullptr;
    QTabWidget *m_tabs = nullptr;
    QList<SoakChart *> m_charts;
    QTextBrowser *m_checklist = nullptr;
    QTextBrowser *m_changelog = nullptr;
    QTableWidget *m_approvals = nullptr;
    QTableWidget *m_audit = nullptr;
    QTableWidget *m_members = nullptr;
};

}  // namespace cockpit
