#include "rollback_run_dialog.h"

#include "rollback_display.h"
#include "rollback_service.h"
#include "state_style.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace cockpit {

namespace {

enum Column { StepColumn, StateColumn, DurationColumn };

QFrame *decisionFrame(QWidget *parent, const char *name, const QColor &accent)
{
    auto *frame = new QFrame(parent);
    frame->setObjectName(QLatin1String(name));
    frame->setFrameShape(QFrame::StyledPanel);
    frame->setStyleSheet(QStringLiteral("QFrame#%1 { border: 1px solid %2; border-left: 4px solid %2; }")
                             .arg(QLatin1String(name), accent.name()));
    frame->hide();
    return frame;
}

QLabel *wrapping(QWidget *parent, const char *name)
{
    auto *label = new QLabel(parent);
    label->setObjectName(QLatin1String(name));
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QPushButton *button(const QString &text, const char *name, const QString &accessible, QWidget *parent)
{
    auto *b = new QPushButton(text, parent);
    b->setObjectName(QLatin1String(name));
    b->setAccessibleName(accessible);
    b->setAutoDefault(false);
    return b;
}

}  // namespace

QString rollbackSummary(const RollbackRecord &record)
{
    QMap<RollbackStepState, int> counts;
    for (const RollbackStepRecord &step : record.steps)
        ++counts[step.state];
    QStringList parts;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        parts << QStringLiteral("%1 %2").arg(it.value()).arg(stepStateTitle(it.key()).toLower());
    QString took;
    if (record.requestedAt.isValid() && record.finishedAt.isValid())
        took = QObject::tr(" in %1").arg(
            formatSpan(std::chrono::seconds(record.requestedAt.secsTo(record.finishedAt))));
    return QObject::tr("%1%2: %3")
        .arg(rollbackStateTitle(record.state), took, parts.join(QStringLiteral(", ")));
}

RollbackRunDialog::RollbackRunDialog(
    RollbackService *rollbacks, const RollbackRecord &record, QWidget *parent)
    : QDialog(parent)
    , m_rollbacks(rollbacks)
    , m_ticker(new QTimer(this))
{
    setObjectName(QStringLiteral("rollbackRunDialog"));
    setWindowTitle(tr("Rollback of %1").arg(record.version));
    m_title = wrapping(this, "rollbackRunTitle");
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.25);
    big.setBold(true);
    m_title->setFont(big);
    m_status = wrapping(this, "rollbackRunStatus");
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(buildStepPane());
    splitter->addWidget(buildOutputPane());
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({430, 490});
    splitter->setChildrenCollapsible(false);
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(close, &QDialogButtonBox::rejected, this, &RollbackRunDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_status);
    layout->addWidget(m_call);  // full width: long arguments stay on one line
    layout->addWidget(splitter, 1);
    layout->addWidget(buildDecisionBoxes());
    layout->addWidget(close);
    m_ticker->setInterval(1000);  // the running step's duration
    connect(m_ticker, &QTimer::timeout, this, [this] {
        if (const int running = runningStep(); running >= 0)
            updateRow(running);
    });
    m_ticker->start();
    connectService();
    for (const RollbackStepRecord &step : record.steps)
        m_outputs.insert(step.index, step.output);
    takeRecord(record);
    resize(940, 640);
}

QWidget *RollbackRunDialog::buildStepPane()
{
    m_steps = new QTreeWidget(this);
    m_steps->setObjectName(QStringLiteral("rollbackRunSteps"));
    m_steps->setAccessibleName(tr("Rollback steps"));
    m_steps->setHeaderLabels({tr("Step"), tr("State"), tr("Took")});
    m_steps->setRootIsDecorated(false);
    m_steps->setUniformRowHeights(true);
    m_steps->header()->setStretchLastSection(false);
    m_steps->header()->setSectionResizeMode(StepColumn, QHeaderView::Stretch);
    m_steps->header()->setSectionResizeMode(StateColumn, QHeaderView::ResizeToContents);
    m_steps->header()->setSectionResizeMode(DurationColumn, QHeaderView::ResizeToContents);
    connect(m_steps, &QTreeWidget::itemClicked, this,
        [this] { m_followRunning = selectedStep() == runningStep(); });
    connect(m_steps, &QTreeWidget::currentItemChanged, this, &RollbackRunDialog::showSelectedOutput);
    return m_steps;
}

QWidget *RollbackRunDialog::buildOutputPane()
{
    auto *box = new QWidget(this);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    m_call = wrapping(box, "rollbackRunCall");
    m_output = new QPlainTextEdit(box);
    m_output->setObjectName(QStringLiteral("rollbackRunOutput"));
    m_output->setAccessibleName(tr("Step output"));
    m_output->setReadOnly(true);
    m_output->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_output->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_output->setMaximumBlockCount(20000);
    m_output->setPlaceholderText(tr("No output"));
    m_call->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));  // the boxed arguments' height
    layout->addWidget(m_output, 1);
    return box;
}

QWidget *RollbackRunDialog::buildDecisionBoxes()
{
    auto *box = new QWidget(this);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    m_manualBox = decisionFrame(box, "rollbackManualBox", QColor(0x70, 0x48, 0xe8));
    m_instruction = wrapping(m_manualBox, "rollbackManualInstruction");
    m_done = button(tr("Done"), "rollbackManualDone", tr("The manual step is done"), m_manualBox);
    m_notDone
        = button(tr("Not Done…"), "rollbackManualNotDone", tr("The manual step is not done"), m_manualBox);
    auto *manual = new QHBoxLayout(m_manualBox);
    manual->addWidget(m_instruction, 1);
    manual->addWidget(m_done);
    manual->addWidget(m_notDone);
    m_haltBox = decisionFrame(box, "rollbackHaltBox", failureColor());
    m_haltText = wrapping(m_haltBox, "rollbackHaltText");
    m_retry = button(tr("Retry"), "rollbackRetry", tr("Run the step again"), m_haltBox);
    m_skip = button(tr("Skip…"), "rollbackSkip", tr("Skip the step, with a reason"), m_haltBox);
    m_abort = button(tr("Abort…"), "rollbackAbort", tr("Abort the rollback, with a reason"), m_haltBox);
    m_continue = button(tr("Continue"), "rollbackContinue", tr("Run the remaining steps"), m_haltBox);
    auto *halt = new QHBoxLayout(m_haltBox);
    halt->addWidget(m_haltText, 1);
    for (QPushButton *b : {m_continue, m_retry, m_skip, m_abort})
        halt->addWidget(b);
    m_finishedBox = decisionFrame(box, "rollbackFinishedBox", itemStateColor(ItemState::Done));
    m_summary = wrapping(m_finishedBox, "rollbackSummary");
    m_openIncident
        = button(tr("Open Incident"), "rollbackOpenIncident", tr("Open the incident record"), m_finishedBox);
    auto *finished = new QHBoxLayout(m_finishedBox);
    finished->addWidget(m_summary, 1);
    finished->addWidget(m_openIncident);
    layout->addWidget(m_manualBox);
    layout->addWidget(m_haltBox);
    layout->addWidget(m_finishedBox);
    connect(m_done, &QPushButton::clicked, this, [this] { answerManual(true, {}); });
    connect(m_notDone, &QPushButton::clicked, this, &RollbackRunDialog::askNotDone);
    connect(m_retry, &QPushButton::clicked, this, [this] {
        m_haltWhy.clear();
        m_rollbacks->retry(m_record.id);
    });
    connect(m_continue, &QPushButton::clicked, this, [this] { m_rollbacks->run(m_record.id); });
    connect(m_skip, &QPushButton::clicked, this, &RollbackRunDialog::askSkip);
    connect(m_abort, &QPushButton::clicked, this, &RollbackRunDialog::askAbort);
    connect(m_openIncident, &QPushButton::clicked, this,
        [this] { emit openIncidentRequested(m_record.version); });
    return box;
}

void RollbackRunDialog::connectService()
{
    if (!m_rollbacks)
        return;
    connect(m_rollbacks, &RollbackService::rollbackChanged, this, [this](const RollbackRecord &record) {
        if (record.id == m_record.id)
            takeRecord(record);
    });
    connect(m_rollbacks, &RollbackService::finished, this, [this](const RollbackRecord &record) {
        if (record.id == m_record.id)
            takeRecord(record);
    });
    connect(
        m_rollbacks, &RollbackService::stepOutput, this, [this](qint64 id, int index, const QString &chunk) {
            if (id == m_record.id)
                appendOutput(index, chunk);
        });
    connect(m_rollbacks, &RollbackService::waitingForPerson, this,
        [this](qint64 id, int index, const QString &instruction) {
            if (id == m_record.id)
                onWaiting(index, instruction);
        });
    connect(m_rollbacks, &RollbackService::halted, this, [this](qint64 id, int index, const QString &why) {
        if (id == m_record.id)
            onHalted(index, why);
    });
    // A refused call changed nothing: say why where the person is looking.
    connect(m_rollbacks, &RollbackService::refused, this, [this](qint64 id, RollbackRefusal, const QString &why) {
        if (id != m_record.id)
            return;
        m_status->setText(tr("Not done: %1").arg(why));
        m_haltText->setText(m_status->text());  // the refusal is the news here
        updateActions();
    });
}

void RollbackRunDialog::takeRecord(const RollbackRecord &record)
{
    const bool firstFill = m_steps->topLevelItemCount() != record.steps.size();
    m_record = record;
    for (const RollbackStepRecord &step : record.steps) {
        // The stored output is the truth once a step is over; while it runs the live chunks are newer.
        if (step.state != RollbackStepState::Running && !step.output.isEmpty())
            m_outputs.insert(step.index, step.output);
        if (step.index == m_waitingIndex && step.state != RollbackStepState::Pending
            && step.state != RollbackStepState::Running)
            m_waitingIndex = -1;
    }
    if (record.state != RollbackState::Running)
        m_waitingIndex = -1;
    if (firstFill)
        fillSteps();
    for (int i = 0; i < m_steps->topLevelItemCount(); ++i)
        updateRow(i);
    if (const int running = runningStep(); running >= 0 && m_followRunning)
        selectStep(running);
    else if (firstFill)
        selectStep(interruptedStep() >= 0 ? interruptedStep() : 0);
    showSelectedOutput();
    updateStatus();
    updateActions();
}

void RollbackRunDialog::fillSteps()
{
    m_steps->clear();
    for (const RollbackStepRecord &step : std::as_const(m_record.steps)) {
        auto *item = new QTreeWidgetItem(m_steps);
        item->setData(StepColumn, Qt::UserRole, step.index);
    }
    const RollbackPlan &plan = m_record.plan;
    m_title->setText(tr("Rolling back %1 on %2 to %3 (%4)")
                         .arg(plan.version, plan.environment, plan.targetVersion, plan.targetTag));
}

void RollbackRunDialog::updateRow(int index)
{
    QTreeWidgetItem *item = m_steps->topLevelItem(index);
    if (!item || index >= m_record.steps.size())
        return;
    const RollbackStepRecord &step = m_record.steps[index];
    const PlannedRollbackStep *plan = planned(index);
    item->setIcon(StepColumn, plan ? stepKindIcon(plan->kind) : QIcon());
    item->setText(StepColumn, QStringLiteral("%1. %2").arg(index + 1).arg(step.name));
    // The icon carries the state's glyph and colour; the word says it again for every reader.
    QString state = stepStateTitle(step.state);
    QIcon icon = stepStateIcon(step.state);
    if (index == m_waitingIndex) {
        state = tr("Waiting for you");
        icon = waitingIcon();
    }
    if (step.exitCode && step.state != RollbackStepState::Succeeded)
        state += tr(" (exit %1)").arg(*step.exitCode);
    if (step.attempt > 1)
        state += tr(" · try %1").arg(step.attempt);
    item->setIcon(StateColumn, icon);
    item->setText(StateColumn, state);
    item->setForeground(StateColumn, stepStateColor(step.state));
    item->setText(DurationColumn, stepDurationText(step, QDateTime::currentDateTimeUtc()));
    QStringList tip {stepStateTitle(step.state)};
    if (!step.note.isEmpty())
        tip << step.note;
    if (!step.actor.isEmpty())
        tip << tr("by %1").arg(step.actor);
    item->setToolTip(StateColumn, tip.join(QStringLiteral(" · ")));
    QFont font = item->font(StepColumn);
    font.setBold(step.state == RollbackStepState::Running || step.state == RollbackStepState::Interrupted
        || index == m_waitingIndex);
    item->setFont(StepColumn, font);
}

}  // namespace cockpit
