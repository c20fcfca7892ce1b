#include "rollback_plan_view.h"

#include "rollback_display.h"
#include "state_style.h"

#include <QFontDatabase>
#include <QFormLayout>
#include <QFrame>
#include <QGridLayout>
#include <QLabel>
#include <QScrollArea>
#include <QVBoxLayout>

namespace cockpit {

namespace {

QLabel *valueLabel(QWidget *parent, const char *name, const QString &accessible)
{
    auto *label = new QLabel(parent);
    label->setObjectName(QLatin1String(name));
    label->setAccessibleName(accessible);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setWordWrap(true);
    return label;
}

}  // namespace

QString rollbackTargetSourceText(const QString &source)
{
    if (source == u"last_known_good")
        return QObject::tr("last known good: the newest earlier release whose soak passed");
    if (source == u"previous_tag")
        return QObject::tr("the previous GA tag (no earlier release with a passed soak)");
    return source;
}

RollbackPlanView::RollbackPlanView(QWidget *parent)
    : QWidget(parent)
    , m_target(valueLabel(this, "rollbackPlanTarget", tr("Rollback target")))
    , m_found(valueLabel(this, "rollbackPlanFound", tr("How the target was found")))
    , m_environment(valueLabel(this, "rollbackPlanEnvironment", tr("Environment")))
    , m_cause(valueLabel(this, "rollbackPlanCause", tr("Cause")))
    , m_approval(valueLabel(this, "rollbackPlanApproval", tr("Approval")))
    , m_stepsBox(new QWidget(this))
    , m_steps(new QVBoxLayout(m_stepsBox))
{
    setObjectName(QStringLiteral("rollbackPlanView"));
    auto *form = new QFormLayout;
    form->setContentsMargins(0, 0, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("Goes back to:"), m_target);
    form->addRow(tr("Found as:"), m_found);
    form->addRow(tr("Environment:"), m_environment);
    form->addRow(tr("Cause:"), m_cause);
    form->addRow(tr("Approval:"), m_approval);
    m_steps->setContentsMargins(0, 0, 0, 0);
    m_steps->setSpacing(0);
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("rollbackPlanSteps"));
    scroll->setAccessibleName(tr("Rollback steps"));
    scroll->setWidgetResizable(true);
    scroll->setWidget(m_stepsBox);
    scroll->setBackgroundRole(QPalette::Base);
    m_stepsBox->setBackgroundRole(QPalette::Base);
    auto *stepsTitle = new QLabel(tr("Steps, in order (nothing runs until you confirm):"), this);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(form);
    layout->addWidget(stepsTitle);
    layout->addWidget(scroll, 1);
}

QString RollbackPlanView::targetText() const
{
    return m_target->text();
}

void RollbackPlanView::clear()
{
    for (QLabel *label : {m_target, m_found, m_environment, m_cause, m_approval})
        label->clear();
    while (QLayoutItem *item = m_steps->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    m_stepTexts.clear();
}

void RollbackPlanView::showPlan(const RollbackPlan &plan)
{
    clear();
    m_target->setText(tr("%1 → %2, tag <tt>%3</tt>, commit <tt>%4</tt>")
                          .arg(plan.version.toHtmlEscaped(), plan.targetVersion.toHtmlEscaped(),
                              plan.targetTag.toHtmlEscaped(), shortCommit(plan.targetCommit)));
    m_target->setToolTip(plan.targetCommit);
    m_found->setText(rollbackTargetSourceText(plan.targetSource).toHtmlEscaped());
    m_environment->setText(plan.environment.toHtmlEscaped());
    m_cause->setText(plan.trigger.isEmpty()
            ? tr("a person decided (the reason below is kept in the incident)")
            : tr("<b>%1</b> (soak trigger fired)").arg(plan.trigger.toHtmlEscaped()));
    m_approval->setText(plan.twoPerson ? tr("a second person approves before any step runs")
                                       : tr("your typed confirmation is enough (policy: one person)"));
    for (const PlannedRollbackStep &step : plan.steps) {
        QWidget *row = stepRow(step);
        m_steps->addWidget(row);
        row->show();  // at once: a layout shows rows added to a visible box only later
    }
    m_steps->addStretch(1);
}

QWidget *RollbackPlanView::stepRow(const PlannedRollbackStep &step)
{
    auto *row = new QFrame(m_stepsBox);
    row->setObjectName(QStringLiteral("rollbackPlanStep%1").arg(step.index));
    row->setFrameShape(QFrame::NoFrame);
    auto *grid = new QGridLayout(row);
    grid->setContentsMargins(8, 6, 8, 6);
    grid->setHorizontalSpacing(8);
    grid->setVerticalSpacing(2);
    auto *icon = new QLabel(row);
    icon->setPixmap(stepKindIcon(step.kind).pixmap(24, 24));
    icon->setToolTip(stepKindTitle(step.kind));
    icon->setAlignment(Qt::AlignTop);
    auto *title = new QLabel(tr("<b>%1. %2</b> &nbsp;<span style=\"color:gray;\">%3</span>")
                                 .arg(step.index + 1)
                                 .arg(step.name.toHtmlEscaped(), stepKindTitle(step.kind)),
        row);
    auto *call = new QLabel(stepCallHtml(step), row);
    call->setObjectName(QStringLiteral("rollbackPlanCall%1").arg(step.index));
    call->setTextInteractionFlags(Qt::TextSelectableByMouse);
    call->setWordWrap(true);
    const QString plain = stepCallText(step);
    call->setAccessibleName(tr("Step %1 call").arg(step.index + 1));
    call->setAccessibleDescription(plain);
    grid->addWidget(icon, 0, 0, 3, 1);
    grid->addWidget(title, 0, 1);
    grid->addWidget(call, 1, 1);
    const QString limits = stepLimitsText(step);
    if (!limits.isEmpty()) {
        auto *small = new QLabel(limits, row);
        small->setForegroundRole(QPalette::PlaceholderText);
        grid->addWidget(small, 2, 1);
    }
    grid->setColumnStretch(1, 1);
    if (step.index % 2 == 1) {
        row->setAutoFillBackground(true);
        row->setBackgroundRole(QPalette::AlternateBase);
    }
    m_stepTexts << tr("%1. %2 (%3): %4%5")
                       .arg(step.index + 1)
                       .arg(step.name, stepKindTitle(step.kind), plain,
                           limits.isEmpty() ? QString() : QStringLiteral(" — ") + limits);
    return row;
}

}  // namespace cockpit
