#include "gates_tab.h"

#include "future_watch.h"
#include "session.h"
#include "state_style.h"
#include "tab_helpers.h"

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSplitter>
#include <QTextCursor>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace cockpit {
namespace {

enum Column { NameColumn, KindColumn, StatusColumn, LastRunColumn, CommitColumn, ColumnCount };
constexpr int kLiveLimit = 64 * 1024;  // what the live view keeps of a running gate's output

QString statusTitle(GateStatus status)
{
    switch (status) {
    case GateStatus::NotRun: return QObject::tr("not run");
    case GateStatus::Running: return QObject::tr("running…");
    case GateStatus::Pass: return QObject::tr("pass");
    case GateStatus::Fail: return QObject::tr("FAIL");
    case GateStatus::Skipped: return QObject::tr("skipped");
    case GateStatus::Waiting: return QObject::tr("waiting for a person");
    case GateStatus::Interrupted: return QObject::tr("interrupted");
    }
    return {};
}

QColor statusColour(GateStatus status, const QPalette &palette)
{
    switch (status) {
    case GateStatus::Pass: case GateStatus::Skipped:
        return itemStateColor(ItemState::Done, palette);
    case GateStatus::Fail: case GateStatus::Interrupted:
        return failureColor(palette);
    case GateStatus::Waiting: case GateStatus::Running:
        return readableColor(QColor(0xc0, 0x78, 0x00), palette);
    default:
        return palette.color(QPalette::Text);
    }
}

}  // namespace

GatesTab::GatesTab(QWidget *parent)
    : ReleaseTab(parent)
    , m_reloadTimer(new QTimer(this))
    , m_summary(new QLabel(this))
    , m_gates(new QTreeWidget(this))
    , m_output(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("gatesTab"));
    setAccessibleName(tr("Gates"));
    m_reloadTimer->setSingleShot(true);
    m_reloadTimer->setInterval(150);
    connect(m_reloadTimer, &QTimer::timeout, this, &GatesTab::reload);
    m_summary->setObjectName(QStringLiteral("gatesSummary"));
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setWordWrap(true);
    m_gates->setObjectName(QStringLiteral("gatesView"));
    m_gates->setAccessibleName(tr("Policy gates"));
    m_gates->setColumnCount(ColumnCount);
    m_gates->setHeaderLabels({tr("Gate"), tr("Kind"), tr("Status"), tr("Last run"), tr("Commit")});
    m_gates->setRootIsDecorated(false);
    m_gates->setUniformRowHeights(true);
    m_gates->setAlternatingRowColors(true);
    m_gates->header()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    m_gates->header()->setStretchLastSection(false);
    for (int c : {KindColumn, StatusColumn, LastRunColumn, CommitColumn})
        m_gates->header()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    m_output->setObjectName(QStringLiteral("gateOutput"));
    m_output->setAccessibleName(tr("Gate output"));
    m_output->setReadOnly(true);
    m_output->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_runAll = namedButton(this, "gatesRunAll", tr("Run &All"), tr("Run all gates"));
    m_runSelected = namedButton(this, "gatesRunSelected", tr("Run &Selected"), tr("Run the selected gate"));
    m_cancel = namedButton(this, "gatesCancel", tr("&Cancel"), tr("Cancel the running gate"));
    m_confirm = namedButton(this, "gatesConfirm", tr("C&onfirm…"), tr("Confirm the selected manual gate"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_summary, 1);
    for (QPushButton *b : {m_runAll, m_runSelected, m_confirm, m_cancel})
        buttons->addWidget(b);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_gates);
    split->addWidget(m_output);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(buttons);
    layout->addWidget(split, 1);
    setFocusProxy(m_gates);
    connect(m_runAll, &QPushButton::clicked, this, [this] { run({}, {}); });
    connect(m_runSelected, &QPushButton::clicked, this, [this] {
        if (const int row = selectedRow(); row >= 0)
            run(m_run.gates[row].name, {});
    });
    connect(m_confirm, &QPushButton::clicked, this, &GatesTab::confirmSelected);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        m_stop.request_stop();
        m_cancel->setEnabled(false);
        emit statusMessage(tr("Stopping the running gate…"));
    });
    connect(m_gates, &QTreeWidget::currentItemChanged, this, [this] {
        showSelectedOutput();
        updateActions();
    });
    updateActions();
}

GatesTab::~GatesTab()
{
    m_stop.request_stop();  // a run in flight stops its process group; the session waits for it
}

void GatesTab::setSession(Session *session)
{
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    m_stop.request_stop();  // a run of the session going away stops rather than holds it up
    m_session = session;
    m_version.clear();
    ++m_generation;
    m_run = {};
    m_gates->clear();
    if (m_session) {
        connect(m_session, &Session::changed, this, [this](const SessionEvent &event) {
            if (event.version == m_version && !m_running
                && (event.kind == SessionEvent::Kind::GateRecorded || event.kind == SessionEvent::Kind::ReleaseChanged))
                scheduleReload();
        });
    }
    updateActions();
}

void GatesTab::showRelease(const ReleaseRecord &release)
{
    const bool other = release.version != m_version;
    m_version = release.version;
    if (other) {
        ++m_generation;
        m_run = {};
        m_live.clear();
        m_gates->clear();
        m_output->clear();
    }
    if (m_version.isEmpty()) {
        m_summary->setText(tr("No release selected"));
        updateActions();
        return;
    }
    if (!m_running)
        reload();  // a new commit makes results stale: the record changed, so look again
    raiseTabForScreenshot(this, QStringLiteral("gates"));
}

void GatesTab::scheduleReload()
{
    m_reloadTimer->start();
}

void GatesTab::reload()
{
    if (!m_session || m_version.isEmpty())
        return;
    const quint64 generation = ++m_generation;
    whenReady(this, m_session->gateStatus(m_version), [this, generation](const Result<GateRun> &result) {
        if (generation != m_generation)
            return;
        if (!result)
            m_summary->setText(tr("Could not read the gates: %1").arg(result.error().toString()));
        else
            showRun(*result);
        emit statusLoaded();
    });
}

void GatesTab::showRun(const GateRun &run)
{
    const QString keep = selectedRow() >= 0 ? m_run.gates[selectedRow()].name : QString();
    m_run = run;
    m_gates->clear();
    for (const GateResult &g : run.gates)
        fillRow(m_gates->indexOfTopLevelItem(new QTreeWidgetItem(m_gates)), g);
    int passed = 0;
    for (const GateResult &g : run.gates)
        passed += g.passedOn(run.commit) ? 1 : 0;
    m_summary->setText(run.gates.isEmpty()
            ? tr("The policy names no gates for this release.")
            : tr("%1 of %2 gates passed on %3: %4").arg(passed).arg(run.gates.size())
                  .arg(shortCommit(run.commit), gateVerdictName(run.verdict())));
    if (!keep.isEmpty() && selectGate(keep))
        return;
    if (m_gates->topLevelItemCount() > 0 && !m_gates->currentItem())
        m_gates->setCurrentItem(m_gates->topLevelItem(0));
    showSelectedOutput();
    updateActions();
}

void GatesTab::fillRow(int row, const GateResult &g)
{
    QTreeWidgetItem *item = m_gates->topLevelItem(row);
    if (!item)
        return;
    const bool stale = g.staleFor(m_run.commit) && g.status != GateStatus::Running;
    item->setText(NameColumn, g.name);
    item->setText(KindColumn, g.kind);
    item->setText(StatusColumn, stale ? tr("%1 (stale)").arg(statusTitle(g.status)) : statusTitle(g.status));
    item->setForeground(StatusColumn, stale ? palette().color(QPalette::PlaceholderText) : statusColour(g.status, palette()));
    item->setText(LastRunColumn, g.ranAt.isValid() ? tr("%1 by %2").arg(formatLocalTime(g.ranAt), g.ranBy) : QString());
    item->setText(CommitColumn, shortCommit(g.commit));
    QStringList tip {tr("%1 (%2): %3").arg(g.name, g.kind, item->text(StatusColumn))};
    if (stale)
        tip << tr("Ran on %1, the release is now on %2: run it again").arg(shortCommit(g.commit), shortCommit(m_run.commit));
    if (g.exitCode >= 0)
        tip << tr("Exit code %1 after %2 ms").arg(g.exitCode).arg(g.durationMs);
    if (!g.note.isEmpty())
        tip << g.note;
    for (int c = 0; c < ColumnCount; ++c)
        item->setToolTip(c, tip.join(QLatin1Char('\n')));
    item->setData(StatusColumn, Qt::AccessibleTextRole, item->text(StatusColumn));
}

void GatesTab::updateGate(const GateResult &result)
{
    for (qsizetype i = 0; i < m_run.gates.size(); ++i) {
        if (m_run.gates[i].name.compare(result.name, Qt::CaseInsensitive) == 0) {
            m_run.gates[i] = result;
            fillRow(int(i), result);
        }
    }
    if (result.status == GateStatus::Running && result.name != m_runningGate) {
        m_runningGate = result.name;
        selectGate(result.name);  // its live output shows below
    }
    showSelectedOutput();
}

void GatesTab::run(const QString &only, const QStringList &confirm)
{
    if (!m_session || m_version.isEmpty() || m_running)
        return;
    m_running = true;
    m_stop = std::stop_source();
    m_live.clear();
    updateActions();
    const QPointer<GatesTab> self(this);
    const quint64 generation = m_generation;
    GateRunOptions options;
    options.only = only;
    options.confirm = confirm;
    options.stop = m_stop.get_token();
    options.progress = [self, generation](const GateResult &result) {
        QMetaObject::invokeMethod(self.data(), [self, generation, result] {
            if (self && generation == self->m_generation)
                self->updateGate(result);
        }, Qt::QueuedConnection);
    };
    options.output = [self](const QString &gate, const QByteArray &chunk) {
        QMetaObject::invokeMethod(self.data(), [self, gate, text = QString::fromUtf8(chunk)] {
            if (!self)
                return;
            QString &live = self->m_live[gate];
            live += text;
            if (live.size() > kLiveLimit)
                live = live.right(kLiveLimit);
            self->showSelectedOutput();
        }, Qt::QueuedConnection);
    };
    const QString version = m_version;
    emit statusMessage(only.isEmpty() ? tr("Running the gates of %1…").arg(version) : tr("Running gate %1…").arg(only));
    whenReady(this, m_session->runGates(version, std::move(options)), [this, version, generation](const Result<GateRun> &result) {
        m_running = false;
        m_runningGate.clear();
        updateActions();
        if (!result) {
            m_summary->setText(tr("Gates not run: %1").arg(result.error().message));
            emit statusMessage(m_summary->text());
            emit runFinished(false);
            return;
        }
        if (generation == m_generation && version == m_version)
            reload();
        const GateVerdict verdict = result->verdict();
        emit statusMessage(tr("Gates of %1: %2").arg(version, gateVerdictName(verdict)));
        if (!result->ticked.isEmpty())
            emit releaseTouched(version);
        emit runFinished(verdict != GateVerdict::Fail);
    });
}

void GatesTab::confirmSelected()
{
    const int row = selectedRow();
    if (row < 0 || !m_session)
        return;
    const GateResult &g = m_run.gates[row];
    const auto answer = QMessageBox::question(this, tr("Confirm %1").arg(g.name),
        tr("Confirm the manual gate \"%1\" of %2 as %3 on commit %4?\nThe confirmation is recorded with your identity.")
            .arg(g.name, m_version, m_session->identity().id, shortCommit(m_run.commit)));
    if (answer == QMessageBox::Yes)
        run(g.name, {g.name});
}

void GatesTab::showSelectedOutput()
{
    const int row = selectedRow();
    if (row < 0) {
        m_output->clear();
        return;
    }
    const GateResult &g = m_run.gates[row];
    QString text = m_live.contains(g.name) ? m_live.value(g.name) : g.outputTail;
    if (!m_live.contains(g.name) && !g.note.isEmpty())
        text = text.isEmpty() ? g.note : g.note + QStringLiteral("\n\n") + text;
    if (m_output->toPlainText() != text) {
        m_output->setPlainText(text);
        m_output->moveCursor(QTextCursor::End);  // the newest lines, as a terminal shows them
    }
    m_output->setPlaceholderText(g.status == GateStatus::NotRun ? tr("%1 has not run on this commit.").arg(g.name)
                                                                 : tr("%1 printed nothing.").arg(g.name));
}

bool GatesTab::selectGate(const QString &name)
{
    for (int i = 0; i < m_gates->topLevelItemCount(); ++i) {
        if (m_gates->topLevelItem(i)->text(NameColumn).compare(name, Qt::CaseInsensitive) == 0) {
            m_gates->setCurrentItem(m_gates->topLevelItem(i));
            m_gates->scrollToItem(m_gates->topLevelItem(i));
            return true;
        }
    }
    return false;
}

int GatesTab::selectedRow() const
{
    const int row = m_gates->currentItem() ? m_gates->indexOfTopLevelItem(m_gates->currentItem()) : -1;
    return row >= 0 && row < m_run.gates.size() ? row : -1;
}

void GatesTab::updateActions()
{
    const bool ready = m_session && !m_version.isEmpty() && !m_running;
    const int row = selectedRow();
    m_runAll->setEnabled(ready && !m_run.gates.isEmpty());
    m_runSelected->setEnabled(ready && row >= 0);
    m_confirm->setEnabled(ready && row >= 0 && m_run.gates[row].kind == u"manual");
    m_confirm->setToolTip(m_confirm->isEnabled() ? tr("Confirm as %1").arg(m_session->identity().id)
                                                 : tr("Select a manual gate to confirm it"));
    m_cancel->setEnabled(m_running);
}

void GatesTab::changeEvent(QEvent *event)
{
    ReleaseTab::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange) {
        for (qsizetype i = 0; i < m_run.gates.size(); ++i)
            fillRow(int(i), m_run.gates[i]);
    }
}

}  // namespace cockpit
