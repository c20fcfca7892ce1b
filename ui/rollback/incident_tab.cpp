#include "incident_tab.h"

#include "future_watch.h"
#include "session.h"
#include "rollback_display.h"
#include "rollback_reason_dialog.h"
#include "rollback_service.h"
#include "state_style.h"

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace cockpit {

namespace {

enum Page { EmptyPage, IncidentsPage };
enum ListColumn { OpenedColumn, CauseColumn, SeverityColumn, RecoveryColumn };

}  // namespace

IncidentTab::IncidentTab(QWidget *parent)
    : ReleaseTab(parent)
    , m_reloadTimer(new QTimer(this))
    , m_title(new QLabel(this))
    , m_pages(new QStackedWidget(this))
    , m_empty(new QLabel(this))
    , m_list(new QTreeWidget(this))
{
    setObjectName(QStringLiteral("incidentTab"));
    m_reloadTimer->setSingleShot(true);
    m_reloadTimer->setInterval(100);  // a running rollback changes often: reload once per burst
    connect(m_reloadTimer, &QTimer::timeout, this, &IncidentTab::reload);
    m_title->setObjectName(QStringLiteral("incidentTitle"));
    m_title->setWordWrap(true);
    QFont bold = m_title->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.15);
    m_title->setFont(bold);
    m_empty->setObjectName(QStringLiteral("incidentEmpty"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setForegroundRole(QPalette::PlaceholderText);
    m_list->setObjectName(QStringLiteral("incidentList"));
    m_list->setAccessibleName(tr("Incidents"));
    m_list->setHeaderLabels({tr("Opened"), tr("Cause"), tr("Severity"), tr("Time to recovery")});
    m_list->setRootIsDecorated(false);
    m_list->header()->setSectionResizeMode(CauseColumn, QHeaderView::Stretch);
    m_list->header()->setStretchLastSection(false);
    m_list->setMaximumHeight(110);
    auto *page = new QWidget(this);
    auto *pageLayout = new QVBoxLayout(page);
    pageLayout->setContentsMargins(0, 0, 0, 0);
    pageLayout->addWidget(m_list);
    pageLayout->addWidget(buildDetails(), 1);
    m_pages->insertWidget(EmptyPage, m_empty);
    m_pages->insertWidget(IncidentsPage, page);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(buildLockStrip());
    layout->addWidget(m_pages, 1);
    layout->addWidget(m_checklist);
    connect(m_list, &QTreeWidget::currentItemChanged, this,
        [this] { showIncident(m_list->indexOfTopLevelItem(m_list->currentItem())); });
    showRelease({});
}

IncidentTab::~IncidentTab()
{
    setSession(nullptr);
}

QWidget *IncidentTab::buildLockStrip()
{
    auto *box = new QWidget(this);
    auto *layout = new QHBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    m_lockText = new QLabel(box);
    m_lockText->setObjectName(QStringLiteral("incidentLock"));
    m_lockText->setAccessibleName(tr("Deploy lock"));
    m_lockText->setWordWrap(true);
    m_lockText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_lift = new QPushButton(tr("Lift Lock…"), box);
    m_lift->setObjectName(QStringLiteral("incidentLiftLock"));
    m_lift->setAccessibleName(tr("Lift the deploy lock, with a reason"));
    m_lift->setToolTip(tr("Allows deploying this release again; the reason is kept in the incident"));
    layout->addWidget(m_lockText, 1);
    layout->addWidget(m_lift);
    connect(m_lift, &QPushButton::clicked, this, &IncidentTab::askLift);
    return box;
}

QWidget *IncidentTab::buildDetails()
{
    auto *box = new QWidget(this);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    m_summary = new QLabel(box);
    m_summary->setObjectName(QStringLiteral("incidentSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_timeline = new QTreeWidget(box);
    m_timeline->setObjectName(QStringLiteral("incidentTimeline"));
    m_timeline->setAccessibleName(tr("Incident timeline"));
    m_timeline->setHeaderLabels({tr("When"), tr("What"), tr("Who")});
    m_timeline->header()->setStretchLastSection(false);
    m_timeline->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_timeline->header()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_timeline->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_timeline->setWordWrap(true);
    m_checklist = new QLabel(this);
    m_checklist->setObjectName(QStringLiteral("incidentChecklist"));
    m_checklist->setWordWrap(true);
    connect(m_checklist, &QLabel::linkActivated, this,
        [this] { raiseReleaseTab(this, QStringLiteral("checklistView")); });
    layout->addWidget(m_summary);
    layout->addWidget(m_timeline, 1);
    return box;
}

void IncidentTab::setSession(Session *session)
{
    for (const auto &c : std::as_const(m_connections))
        disconnect(c);
    m_connections.clear();
    m_session = session;
    m_rollbacks = session ? &session->rollbacks() : nullptr;
    ++m_generation;
    if (!session)
        return;
    auto mine = [this](const QString &version) {
        if (version == m_version)
            scheduleReload();
    };
    m_connections << connect(session->store(), &Store::releaseChanged, this, mine);
    m_connections << connect(session->store(), &Store::itemChanged, this, mine);
    m_connections << connect(m_rollbacks.data(), &RollbackService::rollbackChanged, this,
        [mine](const RollbackRecord &record) { mine(record.version); });
    m_connections << connect(m_rollbacks.data(), &RollbackService::finished, this,
        [mine](const RollbackRecord &record) { mine(record.version); });
}

void IncidentTab::showRelease(const ReleaseRecord &release)
{
    if (release.version != m_version) {
        m_incidents.clear();
        m_lock.reset();
        m_list->clear();
        m_timeline->clear();
    }
    m_version = release.version;
    m_title->setText(m_version.isEmpty() ? tr("No release selected.") : tr("Incidents of %1").arg(m_version));
    m_empty->setText(m_version.isEmpty() ? QString()
                                         : tr("No incidents for %1. A rollback records one here, with its "
                                              "cause and timeline.")
                                               .arg(m_version));
    m_pages->setCurrentIndex(EmptyPage);
    m_checklist->clear();
    showLock();
    reload();
}

void IncidentTab::scheduleReload()
{
    m_reloadTimer->start();
}

void IncidentTab::reload()
{
    if (!m_rollbacks || m_version.isEmpty())
        return;
    const quint64 generation = ++m_generation;
    const QString version = m_version;
    whenReady(this, m_rollbacks->incidents(version),
        [this, generation, version](const Result<QList<Incident>> &list) {
            if (generation != m_generation)
                return;
            if (!list)
                m_empty->setText(tr("Incidents could not be read: %1").arg(list.error().toString()));
            showIncidents(list ? *list : QList<Incident> {});
            whenReady(this, m_rollbacks->deployLock(version),
                [this, generation](const Result<std::optional<DeployLock>> &lock) {
                    if (generation != m_generation)
                        return;
                    m_lock = lock ? *lock : std::nullopt;
                    showLock();
                    whenReady(this, m_session->store()->checklist(m_version),
                        [this, generation](const Result<Checklist> &c) {
                            if (generation != m_generation)
                                return;
                            showChecklist(c ? *c : Checklist {});
                            emit loaded();
                        });
                });
        });
}

}  // namespace cockpit
