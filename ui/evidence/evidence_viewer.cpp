#include "evidence_viewer.h"

#include "state_style.h"

#include "error_banner.h"
#include "evidence_pack.h"
#include "evidence_records.h"
#include "soak_chart.h"
#include "soak_recording.h"

#include <QFileInfo>
#include <QGridLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QScrollArea>
#include <QTabWidget>
#include <QTableWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace cockpit {
namespace {

QTableWidget *makeTable(QWidget *parent, const QString &name, const QStringList &headers)
{
    auto *table = new QTableWidget(0, int(headers.size()), parent);
    table->setObjectName(name);
    table->setAccessibleName(name);
    table->setHorizontalHeaderLabels(headers);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->verticalHeader()->setVisible(false);
    table->horizontalHeader()->setStretchLastSection(true);
    table->setWordWrap(false);
    return table;
}

void addRow(QTableWidget *table, const QStringList &cells)
{
    const int row = table->rowCount();
    table->insertRow(row);
    for (int c = 0; c < cells.size(); ++c) {
        auto *item = new QTableWidgetItem(cells.at(c));
        item->setToolTip(cells.at(c));
        table->setItem(row, c, item);
    }
}

QString shortTime(const QString &rfc3339)
{
    const QDateTime at = QDateTime::fromString(rfc3339, Qt::ISODateWithMs);
    return at.isValid() ? at.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'")) : rfc3339;
}

QString orDash(const QString &text)
{
    return text.isEmpty() ? QStringLiteral("–") : text;
}

}  // namespace

EvidenceViewer::EvidenceViewer(OpenedEvidencePack pack, QWidget *parent)
    : QWidget(parent, Qt::Window)
    , m_pack(std::move(pack))
{
    setObjectName(QStringLiteral("evidenceViewer"));
    setAttribute(Qt::WA_DeleteOnClose);
    const QString version = m_pack.manifest ? m_pack.manifest->version : tr("unknown release");
    setWindowTitle(tr("Evidence: v%1 (%2)").arg(version, QFileInfo(m_pack.path).fileName()));
    auto *layout = new QVBoxLayout(this);
    m_banner = new ErrorBanner(this);
    m_banner->setObjectName(QStringLiteral("evidenceMismatchBanner"));
    if (!m_pack.intact()) {
        const QString title = m_pack.mismatchedMembers.isEmpty()
            ? tr("This pack cannot be fully verified")
            : tr("Checksum mismatch: %1 changed after the pack was written")
                  .arg(m_pack.mismatchedMembers.join(QStringLiteral(", ")));
        m_banner->showError(title, m_pack.problems.join(u'\n'), false);
    } else {
        m_banner->hide();
    }
    layout->addWidget(m_banner);
    layout->addWidget(buildSummary());
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("evidenceTabs"));
    m_tabs->addTab(buildSoakPage(), tr("Soak"));
    m_tabs->addTab(buildChecklistPage(), tr("Checklist"));
    m_tabs->addTab(buildApprovalsPage(), tr("Approvals"));
    m_tabs->addTab(buildChangelogPage(), tr("Changelog"));
    m_tabs->addTab(buildAuditPage(), tr("Audit"));
    m_tabs->addTab(buildMembersPage(), tr("Files"));
    layout->addWidget(m_tabs, 1);
    resize(1100, 800);
}

QByteArray EvidenceViewer::memberData(const QString &name) const
{
    const EvidenceMember *member = m_pack.member(name);
    return member ? member->data : QByteArray();
}

QWidget *EvidenceViewer::buildSummary()
{
    auto *box = new QWidget(this);
    box->setObjectName(QStringLiteral("evidenceSummary"));
    auto *grid = new QGridLayout(box);
    grid->setContentsMargins(4, 4, 4, 4);
    grid->setHorizontalSpacing(16);
    const EvidenceManifest m = m_pack.manifest.value_or(EvidenceManifest {});
    QStringList approvals;
    for (auto it = m.approvals.begin(); it != m.approvals.end(); ++it)
        approvals << QStringLiteral("%1: %2").arg(it.key(), it.value());
    QStringList tools;
    for (auto it = m.tools.begin(); it != m.tools.end(); ++it)
        tools << QStringLiteral("%1 %2").arg(it.key(), it.value());
    const QString verified = m_pack.intact()
        ? tr("✓ %1 of %2 files match checksums.txt")
              .arg(m_pack.verifiedMembers)
              .arg(m_pack.members.size() - 1)
        : tr("✗ does not verify (%n problem(s))", nullptr, int(m_pack.problems.size()));
    const QList<std::pair<QString, QString>> fields = {
        {tr("Release"),
            QStringLiteral("%1 %2").arg(
                m.version, m.project.isEmpty() ? QString() : QStringLiteral("(%1)").arg(m.project))},
        {tr("Type / state"), QStringLiteral("%1 / %2").arg(orDash(m.releaseType), orDash(m.state))},
        {tr("Release date"), orDash(m.releaseDate)},
        {tr("Commit"), orDash(m.gitSha.left(12))},
        {tr("Tag"), m.gitTag.isEmpty() ? tr("(not tagged)") : m.gitTag},
        {tr("Migrations"),
            m.migrationsApplied.isEmpty() ? tr("none") : m.migrationsApplied.join(QStringLiteral(", "))},
        {tr("Approvals"), approvals.isEmpty() ? tr("none counted") : approvals.join(QStringLiteral("; "))},
        {tr("Tools"), tools.join(QStringLiteral(", "))},
        {tr("Checksums"), verified},
    };
    for (int i = 0; i < fields.size(); ++i) {
        auto *key = new QLabel(QStringLiteral("<b>%1</b>").arg(fields.at(i).first.toHtmlEscaped()), box);
        auto *value = new QLabel(fields.at(i).second, box);
        value->setTextFormat(Qt::PlainText);
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        value->setObjectName(QStringLiteral("evidenceField%1").arg(i));
        if (i == 3)
            value->setToolTip(m.gitSha);
        grid->addWidget(key, i % 5, (i / 5) * 2);
        grid->addWidget(value, i % 5, (i / 5) * 2 + 1);
    }
    grid->setColumnStretch(1, 1);
    grid->setColumnStretch(3, 1);
    return box;
}

void EvidenceViewer::addEnvironmentCharts(QWidget *page, const QString &environment, const QByteArray &json)
{
    auto *layout = static_cast<QGridLayout *>(page->layout());
    int row = layout->rowCount();
    auto recording = parseSoakRecording(json);
    if (!recording) {
        layout->addWidget(
            new QLabel(
                tr("%1: the recording cannot be read (%2)").arg(environment, recording.error().message),
                page),
            row, 0, 1, 2);
        return;
    }
    const SoakEvaluation evaluation = evaluateRecording(*recording);
    auto *title = new QLabel(
        tr("<b>%1</b>: %2, %3 to %4 UTC")
            .arg(recording->environment.toHtmlEscaped(), soakVerdictName(evaluation.verdict).toUpper(),
                evaluation.start.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                evaluation.end.toUTC().toString(QStringLiteral("HH:mm"))),
        page);
    layout->addWidget(title, row++, 0, 1, 2);
    int column = 0;
    for (const CheckResult &check : evaluation.checks) {
        QList<Sample> samples;
        for (const RecordedCheck &recorded : recording->checks)
            if (recorded.policy.name == check.name && !recorded.series.series.isEmpty())
                samples = recorded.series.series.first().samples;
        auto *chart = new SoakChart(page);
        chart->setObjectName(QStringLiteral("evidenceChart_%1_%2").arg(environment, check.name));
        chart->setMinimumHeight(240);
        chart->setCheck(check, samples, evaluation.start, evaluation.end, evaluation.evaluatedAt);
        m_charts.append(chart);
        layout->addWidget(chart, row, column);
        column = (column + 1) % 2;
        row += column == 0 ? 1 : 0;
    }
}

QWidget *EvidenceViewer::buildSoakPage()
{
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("evidenceSoak"));
    scroll->setWidgetResizable(true);
    auto *page = new QWidget(scroll);
    auto *layout = new QGridLayout(page);
    for (const EvidenceMember &m : m_pack.members) {
        if (m.name.startsWith(QLatin1String("soak/")) && m.name.endsWith(QLatin1String(".json")))
            addEnvironmentCharts(page, m.name.mid(5).chopped(5), m.data);
    }
    if (m_charts.isEmpty())
        layout->addWidget(new QLabel(tr("This pack has no soak recording."), page), 0, 0);
    layout->setRowStretch(layout->rowCount(), 1);
    scroll->setWidget(page);
    return scroll;
}

QWidget *EvidenceViewer::buildChecklistPage()
{
    m_checklist = new QTextBrowser(this);
    m_checklist->setObjectName(QStringLiteral("evidenceChecklist"));
    m_checklist->setAccessibleName(tr("Checklist"));
    m_checklist->setOpenLinks(false);  // a pack is evidence, not a place to browse from
    const QByteArray md = memberData(QString::fromLatin1(kChecklistMember));
    m_checklist->setMarkdown(md.isEmpty() ? tr("This pack has no checklist.md.") : QString::fromUtf8(md));
    return m_checklist;
}

// The release's CHANGELOG section as the pack froze it: what was shipped, in the team's words.
QWidget *EvidenceViewer::buildChangelogPage()
{
    m_changelog = new QTextBrowser(this);
    m_changelog->setObjectName(QStringLiteral("evidenceChangelog"));
    m_changelog->setAccessibleName(tr("Changelog section"));
    m_changelog->setOpenLinks(false);
    const QByteArray md = memberData(QString::fromLatin1(kChangelogMember));
    m_changelog->setMarkdown(md.isEmpty()
            ? tr("This pack has no %1: the changelog had no section for the release "
                 "when it was exported.")
                  .arg(QString::fromLatin1(kChangelogMember))
            : QString::fromUtf8(md));
    return m_changelog;
}

QWidget *EvidenceViewer::buildApprovalsPage()
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    const QJsonObject o = QJsonDocument::fromJson(memberData(QString::fromLatin1(kSignoffsMember))).object();
    QStringList blockers;
    for (const QJsonValue &b : o.value(QStringLiteral("blockers")).toArray())
        blockers << b.toString();
    auto *state = new QLabel(o.value(QStringLiteral("approved")).toBool()
            ? tr("Approved: every required role is satisfied.")
            : tr("Not approved. %1").arg(blockers.join(QStringLiteral("; "))),
        page);
    state->setObjectName(QStringLiteral("evidenceApprovalState"));
    state->setWordWrap(true);
    layout->addWidget(state);
    m_approvals = makeTable(page, QStringLiteral("evidenceApprovals"),
        {tr("When"), tr("Role"), tr("Signer"), tr("Decision"), tr("Status"), tr("Signed"), tr("Reason")});
    for (const QJsonValue &v : o.value(QStringLiteral("signoffs")).toArray()) {
        const QJsonObject s = v.toObject();
        addRow(m_approvals,
            {shortTime(s.value(QStringLiteral("signed_at")).toString()),
                s.value(QStringLiteral("role")).toString(), s.value(QStringLiteral("signer")).toString(),
                s.value(QStringLiteral("decision")).toString(), s.value(QStringLiteral("status")).toString(),
                s.value(QStringLiteral("signature")).toString().isEmpty() ? tr("no") : tr("SSH"),
                s.value(QStringLiteral("reason")).toString()});
    }
    m_approvals->resizeColumnsToContents();
    layout->addWidget(m_approvals, 1);
    return page;
}

QWidget *EvidenceViewer::buildAuditPage()
{
    m_audit = makeTable(this, QStringLiteral("evidenceAudit"),
        {tr("Seq"), tr("When"), tr("Actor"), tr("Action"), tr("Subject"), tr("Hash")});
    auto entries = parseAuditJsonLines(memberData(QString::fromLatin1(kAuditMember)));
    for (const AuditEntry &e : entries.value_or(QList<AuditEntry> {})) {
        addRow(m_audit,
            {QString::number(e.seq), e.at.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'")),
                e.actor, e.action, e.subject, QString::fromLatin1(e.hash.left(16))});
        m_audit->item(m_audit->rowCount() - 1, 5)->setToolTip(QString::fromLatin1(e.hash));
    }
    m_audit->resizeColumnsToContents();
    return m_audit;
}

QWidget *EvidenceViewer::buildMembersPage()
{
    m_members = makeTable(
        this, QStringLiteral("evidenceMembers"), {tr("File"), tr("Size"), tr("Checksum"), tr("SHA-256")});
    for (const EvidenceMember &m : m_pack.members) {
        const bool bad = m_pack.mismatchedMembers.contains(m.name);
        const QString status = m.name == QLatin1String(kChecksumsMember) ? tr("(the list)")
            : bad                                                        ? tr("MISMATCH")
            : m_pack.hasChecksums                                        ? tr("ok")
                                                                         : tr("not verified");
        addRow(m_members,
            {m.name, QLocale().formattedDataSize(m.data.size()), status,
                QString::fromLatin1(sha256Hex(m.data))});
        if (bad)
            m_members->item(m_members->rowCount() - 1, 2)->setForeground(readableColor(failureColor()));
    }
    m_members->resizeColumnsToContents();
    return m_members;
}

}  // namespace cockpit
