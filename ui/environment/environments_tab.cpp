#include "environments_tab.h"

#include "future_watch.h"
#include "readiness.h"
#include "session.h"
#include "state_style.h"
#include "tab_helpers.h"

#include <QEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QJsonDocument>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace cockpit {
namespace {

enum Column { NameColumn, RunningColumn, DeployedColumn, SinceColumn, StateColumn, ColumnCount };

QString syncTitle(const EnvironmentStatus &s)
{
    switch (s.sync) {
    case EnvironmentSync::InSync: return QObject::tr("in sync");
    case EnvironmentSync::Canary: return QObject::tr("canary %1%").arg(s.canaryPercent.value_or(0));
    case EnvironmentSync::Drift: return QObject::tr("DRIFT");
    case EnvironmentSync::Unreachable: return QObject::tr("unknown (no answer)");
    case EnvironmentSync::NotProbed: return QObject::tr("not probed");
    case EnvironmentSync::NeverDeployed: return QObject::tr("never deployed");
    }
    return {};
}

QColor syncColour(EnvironmentSync sync, const QPalette &palette)
{
    switch (sync) {
    case EnvironmentSync::InSync: return itemStateColor(ItemState::Done, palette);
    case EnvironmentSync::Canary: return palette.color(QPalette::Link);
    case EnvironmentSync::Drift: return failureColor(palette);
    case EnvironmentSync::Unreachable: return readableColor(QColor(0xc0, 0x78, 0x00), palette);
    default: return palette.color(QPalette::PlaceholderText);
    }
}

}  // namespace

EnvironmentsTab::EnvironmentsTab(QWidget *parent)
    : ReleaseTab(parent)
    , m_drift(new QLabel(this))
    , m_summary(new QLabel(this))
    , m_table(new QTreeWidget(this))
    , m_details(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("environmentsTab"));
    setAccessibleName(tr("Environments"));
    m_drift->setObjectName(QStringLiteral("driftBanner"));
    m_drift->setAccessibleName(tr("Drift"));
    m_drift->setWordWrap(true);
    m_drift->setTextFormat(Qt::PlainText);
    m_drift->setMargin(6);
    m_drift->setAutoFillBackground(true);
    m_drift->hide();
    m_summary->setObjectName(QStringLiteral("environmentsSummary"));
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setWordWrap(true);
    m_table->setObjectName(QStringLiteral("environmentsView"));
    m_table->setAccessibleName(tr("Environments"));
    m_table->setColumnCount(ColumnCount);
    m_table->setHeaderLabels({tr("Environment"), tr("Runs now"), tr("Cockpit deployed"), tr("Since"), tr("State")});
    m_table->setRootIsDecorated(false);
    m_table->setUniformRowHeights(true);
    m_table->setAlternatingRowColors(true);
    m_table->header()->setStretchLastSection(false);
    m_table->header()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    for (int c : {RunningColumn, DeployedColumn, SinceColumn, StateColumn})
        m_table->header()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    m_details->setObjectName(QStringLiteral("environmentDetails"));
    m_details->setAccessibleName(tr("Environment details and last probe"));
    m_details->setReadOnly(true);
    m_details->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_refresh = namedButton(this, "environmentsRefresh", tr("&Refresh"), tr("Probe every environment again"));
    m_deploy = namedButton(this, "environmentsDeploy", tr("&Mark Deployed…"),
        tr("Record the selected release as deployed to the selected environment"));
    m_probe = namedButton(this, "environmentsProbe", tr("&Probe"), tr("Run every check of the selected environment"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_summary, 1);
    for (QPushButton *b : {m_refresh, m_probe, m_deploy})
        buttons->addWidget(b);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_table);
    split->addWidget(m_details);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_drift);
    layout->addLayout(buttons);
    layout->addWidget(split, 1);
    setFocusProxy(m_table);
    connect(m_refresh, &QPushButton::clicked, this, &EnvironmentsTab::refresh);
    connect(m_deploy, &QPushButton::clicked, this, &EnvironmentsTab::markDeployed);
    connect(m_probe, &QPushButton::clicked, this, &EnvironmentsTab::probeSelected);
    connect(m_table, &QTreeWidget::currentItemChanged, this, [this] {
        loadGuard();
        loadDetails();
    });
    updateActions();
}

void EnvironmentsTab::setSession(Session *session)
{
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    m_session = session;
    ++m_generation;
    m_rows.clear();
    m_table->clear();
    m_drift->hide();
    if (m_session)
        connect(m_session, &Session::changed, this, [this](const SessionEvent &event) {
            // A deploy anywhere, or readiness moving, changes what may be deployed where.
            if (event.kind == SessionEvent::Kind::ReleaseChanged || event.kind == SessionEvent::Kind::SoakRecorded
                || event.kind == SessionEvent::Kind::SignoffRecorded || event.kind == SessionEvent::Kind::GateRecorded)
                loadGuard();
        });
    updateActions();
}

void EnvironmentsTab::showRelease(const ReleaseRecord &release)
{
    const bool other = release.version != m_version;
    m_version = release.version;
    if (m_rows.isEmpty() && m_session && isVisible())
        refresh();
    else if (other)
        loadGuard();
    raiseTabForScreenshot(this, QStringLiteral("environments"));
}

void EnvironmentsTab::refresh()
{
    if (!m_session || m_busy)
        return;
    m_busy = true;
    m_summary->setText(tr("Probing every environment…"));
    updateActions();
    const quint64 generation = ++m_generation;
    whenReady(this, m_session->environmentStatus(), [this, generation](const Result<EnvironmentReport> &report) {
        m_busy = false;
        if (generation != m_generation)
            return;
        if (!report) {
            m_summary->setText(tr("Could not read the environments: %1").arg(report.error().toString()));
        } else {
            showRows(report->environments);
            for (const QString &warning : report->warnings)
                emit statusMessage(warning);
        }
        updateActions();
        emit environmentsLoaded();
    });
}

void EnvironmentsTab::showRows(const QList<EnvironmentStatus> &rows)
{
    const QString keep = selectedName();
    m_rows = rows;
    m_table->clear();
    QStringList drifting;
    for (int i = 0; i < m_rows.size(); ++i) {
        new QTreeWidgetItem(m_table);
        fillRow(i);
        if (m_rows[i].sync == EnvironmentSync::Drift)
            drifting << tr("%1 runs %2, the cockpit deployed %3").arg(m_rows[i].name, m_rows[i].running, m_rows[i].deployedVersion);
    }
    m_drift->setVisible(!drifting.isEmpty());
    if (!drifting.isEmpty()) {
        m_drift->setText(tr("Drift: %1. Someone deployed or rolled back outside the cockpit, or a rollout has not "
                            "finished; it is in the audit log.")
                             .arg(drifting.join(QStringLiteral("; "))));
        QPalette p = m_drift->palette();
        p.setColor(QPalette::Window, failureColor(palette()));
        p.setColor(QPalette::WindowText, Qt::white);
        m_drift->setPalette(p);
    }
    QDateTime probed;
    for (const EnvironmentStatus &s : m_rows)
        if (s.probedAt.isValid() && (!probed.isValid() || s.probedAt > probed))
            probed = s.probedAt;
    m_summary->setText(m_rows.isEmpty() ? tr("The policy names no environments.")
            : probed.isValid()          ? tr("What runs where, probed at %1").arg(formatLocalTime(probed))
                                        : tr("No environment has a version endpoint to probe (policy: version)"));
    if (!keep.isEmpty() && selectEnvironment(keep))
        return;
    if (m_table->topLevelItemCount() > 0)
        m_table->setCurrentItem(m_table->topLevelItem(0));
}

void EnvironmentsTab::fillRow(int row)
{
    QTreeWidgetItem *item = m_table->topLevelItem(row);
    if (!item || row >= m_rows.size())
        return;
    const EnvironmentStatus &s = m_rows[row];
    item->setText(NameColumn, s.name);
    item->setText(RunningColumn, !s.running.isEmpty() ? s.running : !s.probeError.isEmpty() ? tr("?") : tr("–"));
    item->setText(DeployedColumn, s.deployedVersion.isEmpty() ? tr("–")
                                                              : tr("%1 (%2)").arg(s.deployedVersion, shortCommit(s.deployedCommit)));
    item->setText(SinceColumn, s.deployedAt.isValid() ? tr("%1 by %2").arg(formatLocalTime(s.deployedAt), s.deployedBy) : QString());
    item->setText(StateColumn, syncTitle(s));
    item->setForeground(StateColumn, syncColour(s.sync, palette()));
    item->setData(StateColumn, Qt::AccessibleTextRole, syncTitle(s));
    for (int c = 0; c < ColumnCount; ++c)
        item->setToolTip(c, s.summary());
}

bool EnvironmentsTab::selectEnvironment(const QString &name)
{
    for (int i = 0; i < m_table->topLevelItemCount(); ++i)
        if (m_table->topLevelItem(i)->text(NameColumn) == name) {
            m_table->setCurrentItem(m_table->topLevelItem(i));
            return true;
        }
    return false;
}

QString EnvironmentsTab::selectedName() const
{
    const QTreeWidgetItem *item = m_table->currentItem();
    return item ? item->text(NameColumn) : QString();
}

void EnvironmentsTab::loadGuard()
{
    m_guardKnown = false;
    m_blockers.clear();
    updateActions();
    const QString env = selectedName();
    if (!m_session || m_version.isEmpty() || env.isEmpty())
        return;
    const QString version = m_version;
    whenReady(this, m_session->deploymentBlockers(version, env), [this, version, env](const Result<QList<Blocker>> &blockers) {
        if (version != m_version || env != selectedName())
            return;
        m_guardKnown = true;
        if (!blockers)
            m_blockers << blockers.error().message;
        else
            for (const Blocker &b : *blockers)
                m_blockers << (b.clearsWhen.isEmpty() ? b.what : tr("%1 (clears: %2)").arg(b.what, b.clearsWhen));
        updateActions();
        emit guardLoaded();
    });
}

void EnvironmentsTab::loadDetails()
{
    const QString env = selectedName();
    m_details->clear();
    if (!m_session || env.isEmpty())
        return;
    QStringList lines;
    for (const EnvironmentStatus &s : std::as_const(m_rows))
        if (s.name == env) {
            lines << s.summary();
            if (!s.probeUrl.isEmpty())
                lines << tr("Version endpoint: %1, JSON pointer %2").arg(s.probeUrl, s.probePointer);
        }
    m_details->setPlainText(lines.join(QLatin1Char('\n')));
    whenReady(this, m_session->lastProbe(env), [this, env, lines](const Result<std::optional<ProbeReport>> &probe) {
        if (env != selectedName())
            return;
        QStringList text = lines;
        text << QString();
        if (!probe)
            text << tr("The stored probes cannot be read: %1").arg(probe.error().message);
        else if (!*probe)
            text << tr("No probe of %1 is stored yet: Probe runs every check of it.").arg(env);
        else {
            text << tr("Last probe, %1: %2").arg(formatLocalTime((*probe)->at), (*probe)->summary());
            for (const ProbeCheckResult &c : (*probe)->checks)
                text << QStringLiteral("  %1  %2 %3: %4").arg(c.ok ? QStringLiteral("ok  ") : QStringLiteral("FAIL"), c.kind, c.target, c.actual);
        }
        m_details->setPlainText(text.join(QLatin1Char('\n')));
    });
}

void EnvironmentsTab::markDeployed()
{
    const QString env = selectedName();
    if (!m_session || m_version.isEmpty() || env.isEmpty() || m_busy)
        return;
    const auto answer = QMessageBox::question(this, tr("Mark Deployed"),
        tr("Record release %1 as deployed to %2 now? Its soak and rollback window start now; the cockpit first "
           "checks that %2 reports it.")
            .arg(m_version, env),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer != QMessageBox::Yes)
        return;
    m_busy = true;
    updateActions();
    Session::DeployRequest request {m_version, env, {}, false, {}};
    QPointer<EnvironmentsTab> self(this);
    request.progress = [self](const QString &line) {
        QMetaObject::invokeMethod(self.data(), [self, line] {
            if (self)
                emit self->statusMessage(line);
        }, Qt::QueuedConnection);
    };
    emit statusMessage(tr("Checking that %1 runs %2…").arg(env, m_version));
    const QString version = m_version;
    whenReady(this, m_session->recordDeployment(request), [this, version, env](const Result<Deployment> &deployed) {
        m_busy = false;
        updateActions();
        if (!deployed) {
            QMessageBox::warning(this, tr("Not Deployed"), deployed.error().message);
            emit deployFinished(false);
            return;
        }
        emit statusMessage(tr("Release %1 is live in %2 since %3").arg(version, env, formatLocalTime(deployed->deployedAt)));
        emit releaseTouched(version);
        refresh();
        emit deployFinished(true);
    });
}

void EnvironmentsTab::probeSelected()
{
    const QString env = selectedName();
    if (!m_session || env.isEmpty() || m_busy)
        return;
    m_busy = true;
    updateActions();
    emit statusMessage(tr("Probing %1…").arg(env));
    std::optional<ReleaseRecord> release;
    for (const EnvironmentStatus &s : std::as_const(m_rows))
        if (s.name == env && s.deployedVersion == m_version && !m_version.isEmpty()) {
            ReleaseRecord r;
            r.version = s.deployedVersion;
            r.commit = s.deployedCommit;
            release = r;
        }
    whenReady(this, m_session->probe(env, release), [this, env](const Result<ProbeOutcome> &outcome) {
        m_busy = false;
        updateActions();
        emit statusMessage(outcome ? outcome->report.summary() : tr("Probe of %1 failed: %2").arg(env, outcome.error().message));
        if (outcome && !outcome->ticked.isEmpty())
            emit releaseTouched(m_version);
        loadDetails();
    });
}

void EnvironmentsTab::updateActions()
{
    const bool selected = m_session && !selectedName().isEmpty();
    m_refresh->setEnabled(m_session && !m_busy);
    m_probe->setEnabled(selected && !m_busy);
    const bool mayDeploy = selected && !m_version.isEmpty() && !m_busy && m_guardKnown && m_blockers.isEmpty();
    m_deploy->setEnabled(mayDeploy);
    m_deploy->setToolTip(m_version.isEmpty() ? tr("Select a release first")
            : !m_guardKnown                 ? tr("Checking what holds the deploy…")
            : m_blockers.isEmpty()          ? tr("Record %1 as deployed to %2").arg(m_version, selectedName())
                                            : tr("Not now:\n• %1").arg(m_blockers.join(QStringLiteral("\n• "))));
}

void EnvironmentsTab::showEvent(QShowEvent *event)
{
    ReleaseTab::showEvent(event);
    if (m_rows.isEmpty() && m_session && !m_busy)
        refresh();
    // Once a person looked, the environments are watched: probed again every five minutes while
    // the window is open, so drift found later (a deploy by hand) raises the banner and its
    // env.drift audit entry without anyone pressing Refresh.
    if (!m_watch) {
        m_watch = new QTimer(this);
        m_watch->setObjectName(QStringLiteral("environmentsWatch"));
        m_watch->setInterval(std::chrono::minutes(5));
        connect(m_watch, &QTimer::timeout, this, &EnvironmentsTab::refresh);
        m_watch->start();
    }
}

void EnvironmentsTab::changeEvent(QEvent *event)
{
    ReleaseTab::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        for (int i = 0; i < m_rows.size(); ++i)
            fillRow(i);
}

}  // namespace cockpit
