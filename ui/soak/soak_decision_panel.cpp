#include "soak_decision_panel.h"

#include "state_style.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace cockpit {
namespace {

SoakVerdict verdictOf(CheckStatus status)
{
    switch (status) {
    case CheckStatus::Pass:
        return SoakVerdict::Pass;
    case CheckStatus::Fail:
        return SoakVerdict::Fail;
    case CheckStatus::Inconclusive:
        return SoakVerdict::Inconclusive;
    case CheckStatus::Running:
        break;
    }
    return SoakVerdict::Running;
}

// Times on the evaluation's day read as "13:15"; others carry their date.
QString shortTime(const QDateTime &utc, const QDateTime &now)
{
    const QDateTime local = utc.toLocalTime();
    if (now.isValid() && local.date() == now.toLocalTime().date())
        return local.toString(QStringLiteral("HH:mm"));
    return formatLocalTime(utc);
}

QLabel *badge(SoakVerdict verdict, QWidget *parent)
{
    auto *label = new QLabel(soakVerdictTitle(verdict), parent);
    label->setObjectName(QStringLiteral("soakVerdictBadge"));
    // Black or white text, whichever reads on the palette's tone of the verdict colour.
    const QColor colour = soakVerdictColor(verdict);
    label->setStyleSheet(QStringLiteral("QLabel { background: %1; color: %2; border-radius: 3px;"
                                        " padding: 1px 6px; font-weight: bold; }")
                             .arg(colour.name(), badgeTextColor(colour).name()));
    return label;
}

QLabel *plain(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    return label;
}

QString earliestPassText(const CheckResult &check, const QDateTime &now)
{
    if (check.status == CheckStatus::Pass)
        return SoakDecisionPanel::tr("passed");
    if (check.status == CheckStatus::Fail || !check.earliestPass)
        return SoakDecisionPanel::tr("can no longer pass");
    return shortTime(*check.earliestPass, now);
}

}  // namespace

QString soakVerdictTitle(SoakVerdict verdict)
{
    switch (verdict) {
    case SoakVerdict::Pass:
        return SoakDecisionPanel::tr("PASS");
    case SoakVerdict::Fail:
        return SoakDecisionPanel::tr("FAIL");
    case SoakVerdict::Inconclusive:
        return SoakDecisionPanel::tr("INCONCLUSIVE");
    case SoakVerdict::Running:
        break;
    }
    return SoakDecisionPanel::tr("RUNNING");
}

QColor soakVerdictColor(SoakVerdict verdict)
{
    switch (verdict) {
    case SoakVerdict::Pass:
        return itemStateColor(ItemState::Done);
    case SoakVerdict::Fail:
        return failureColor();
    case SoakVerdict::Inconclusive:
        return readableColor(QColor(0xc2, 0x70, 0x0c));
    case SoakVerdict::Running:
        break;
    }
    return readableColor(QColor(0x1c, 0x7e, 0xd6));
}

SoakDecisionPanel::SoakDecisionPanel(QWidget *parent)
    : QFrame(parent)
    , m_verdict(new QLabel(this))
    , m_reason(plain({}, this))
    , m_timing(plain({}, this))
    , m_cardsLayout(new QVBoxLayout)
{
    setObjectName(QStringLiteral("soakDecisionPanel"));
    setAccessibleName(tr("Soak decision"));
    m_verdict->setObjectName(QStringLiteral("soakOverallVerdict"));
    m_verdict->setTextFormat(Qt::PlainText);
    m_verdict->setAlignment(Qt::AlignCenter);
    QFont big = m_verdict->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.4);
    m_verdict->setFont(big);
    m_reason->setObjectName(QStringLiteral("soakOverallReason"));
    m_timing->setObjectName(QStringLiteral("soakOverallTiming"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_verdict);
    layout->addWidget(m_reason);
    layout->addWidget(m_timing);
    m_cardsLayout->setSpacing(6);
    layout->addLayout(m_cardsLayout);
    layout->addStretch(1);
    clear();
}

void SoakDecisionPanel::clear()
{
    clearCards();
    m_verdict->clear();
    m_verdict->setStyleSheet({});
    m_reason->clear();
    m_timing->clear();
}

void SoakDecisionPanel::clearCards()
{
    for (QFrame *card : std::as_const(m_cards))
        delete card;
    m_cards.clear();
}

void SoakDecisionPanel::setEvaluation(const SoakEvaluation &evaluation)
{
    const QColor colour = soakVerdictColor(evaluation.verdict);
    m_verdict->setText(tr("Soak verdict: %1").arg(soakVerdictTitle(evaluation.verdict)));
    m_verdict->setStyleSheet(QStringLiteral("QLabel { background: %1; color: %2; border-radius: 4px;"
                                            " padding: 6px; }")
                                 .arg(colour.name(), badgeTextColor(colour).name()));
    m_reason->setText(evaluation.reason);
    QStringList timing;
    const QDateTime now = evaluation.evaluatedAt;
    if (evaluation.start.isValid())
        timing << tr("Window %1 – %2").arg(shortTime(evaluation.start, now), shortTime(evaluation.end, now));
    if (evaluation.verdict == SoakVerdict::Running || evaluation.verdict == SoakVerdict::Inconclusive) {
        if (evaluation.nextChange)
            timing << tr("can change at %1").arg(shortTime(*evaluation.nextChange, now));
        timing << (evaluation.earliestPass
                ? tr("earliest pass %1").arg(shortTime(*evaluation.earliestPass, now))
                : tr("can no longer pass"));
    }
    m_timing->setText(timing.join(QStringLiteral(" · ")));
    setAccessibleDescription(verdictText());
    // Rebuilt on each evaluation: five small cards, so no diffing is worth its code.
    setUpdatesEnabled(false);
    clearCards();
    for (const CheckResult &check : evaluation.checks) {
        QFrame *card = makeCard(check, now);
        m_cards.insert(check.name, card);
        m_cardsLayout->addWidget(card);
        card->show();
    }
    setUpdatesEnabled(true);
}

QFrame *SoakDecisionPanel::makeCard(const CheckResult &check, const QDateTime &now)
{
    auto *card = new QFrame(this);
    card->setObjectName(QStringLiteral("soakCheckCard"));
    card->setFrameShape(QFrame::StyledPanel);
    auto *title = plain(check.name, card);
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);
    auto *head = new QHBoxLayout;
    head->addWidget(title, 1);
    head->addWidget(badge(verdictOf(check.status), card), 0, Qt::AlignTop);
    auto *form = new QFormLayout;
    form->setContentsMargins(0, 0, 0, 0);
    form->setVerticalSpacing(1);
    // Measured: the measurements that got a value (or a judged "no data"); errors apart.
    const auto measured = std::count_if(check.measurements.cbegin(), check.measurements.cend(),
        [](const Measurement &m) { return m.status != MeasurementStatus::Pending && m.status != MeasurementStatus::Error; });
    const auto errors = std::count_if(check.measurements.cbegin(), check.measurements.cend(),
        [](const Measurement &m) { return m.status == MeasurementStatus::Error; });
    form->addRow(
        tr("Failures:"), plain(tr("%1 (fails above %2)").arg(check.failures).arg(check.failureLimit), card));
    form->addRow(tr("Errors in a row:"),
        plain(tr("%1 (limit %2)").arg(check.consecutiveErrors).arg(check.consecutiveErrorLimit), card));
    const QString errorsText = errors == 1 ? tr("1 error apart") : tr("%1 errors apart").arg(errors);
    form->addRow(tr("Measured:"),
        plain(errors > 0 ? tr("%1 of %2 (%3)").arg(measured).arg(check.scheduled).arg(errorsText)
                         : tr("%1 of %2").arg(measured).arg(check.scheduled),
            card));
    form->addRow(tr("Next measurement:"),
        plain(check.nextMeasurement ? shortTime(*check.nextMeasurement, now) : tr("none left"), card));
    form->addRow(tr("Earliest pass:"), plain(earliestPassText(check, now), card));
    auto *layout = new QVBoxLayout(card);
    layout->setContentsMargins(8, 6, 8, 6);
    layout->setSpacing(3);
    layout->addLayout(head);
    layout->addLayout(form);
    if (!check.reason.isEmpty())
        layout->addWidget(plain(check.reason, card));
    card->setAccessibleName(check.name);
    return card;
}

QString SoakDecisionPanel::verdictText() const
{
    QStringList parts = {m_verdict->text(), m_reason->text(), m_timing->text()};
    parts.removeAll(QString());
    return parts.join(QLatin1Char('\n'));
}

QString SoakDecisionPanel::checkText(const QString &checkName) const
{
    const QFrame *card = m_cards.value(checkName);
    if (!card)
        return {};
    QStringList texts;
    for (const QLabel *label : card->findChildren<QLabel *>())
        texts << label->text();
    return texts.join(QLatin1Char('\n'));
}

}  // namespace cockpit
