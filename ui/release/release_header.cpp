#include "release_header.h"

#include "state_style.h"

#include <QEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPainter>
#include <QResizeEvent>
#include <QProgressBar>
#include <QStackedLayout>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>
#include <functional>

namespace cockpit {
namespace {

QLabel *namedLabel(QWidget *parent, const QString &objectName, const QString &accessibleName)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setAccessibleName(accessibleName);
    label->setTextFormat(Qt::PlainText);
    return label;
}

// A one-line label that gives way first when the header is narrow: it elides its text and shows
// the whole of it in the tooltip.
class ElidedLabel : public QLabel {
public:
    using QLabel::QLabel;
    [[nodiscard]] QSize minimumSizeHint() const override { return {fontMetrics().averageCharWidth() * 6, QLabel::minimumSizeHint().height()}; }

protected:
    void paintEvent(QPaintEvent *) override
    {
        QPainter painter(this);
        const QRect area = contentsRect();
        const QString shown = fontMetrics().elidedText(text(), Qt::ElideRight, area.width());
        style()->drawItemText(&painter, area, int(Qt::AlignLeft | Qt::AlignVCenter), palette(), isEnabled(), shown, foregroundRole());
    }
};

QLabel *elidedLabel(QWidget *parent, const QString &objectName, const QString &accessibleName)
{
    auto *label = new ElidedLabel(parent);
    label->setObjectName(objectName);
    label->setAccessibleName(accessibleName);
    label->setTextFormat(Qt::PlainText);
    label->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    label->setProperty("cockpitElides", true);  // its tooltip holds the whole text
    return label;
}

void setTextColour(QWidget *widget, QPalette::ColorRole role, const QColor &colour)
{
    if (widget->palette().color(role) == colour)
        return;
    QPalette p;  // only this role is set: the others still follow the application
    p.setColor(role, colour);
    widget->setPalette(p);
}

QColor staleColour(const QPalette &palette)
{
    return readableColor(QColor(0xc0, 0x78, 0x00), palette);  // amber, as the Sign-offs tab marks stale
}

QString environmentSoak(const EnvironmentReadiness &e)
{
    if (e.soak == u"none")
        return QObject::tr("%1 not deployed").arg(e.name);
    return QStringLiteral("%1 %2").arg(e.name, e.soak);
}

QLabel *caption(QWidget *parent, const QString &text)
{
    auto *label = new QLabel(text, parent);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

}  // namespace

ReleaseHeader::ReleaseHeader(QWidget *parent)
    : QWidget(parent)
    , m_stack(new QStackedLayout(this))
    , m_hint(new QLabel(this))
{
    setObjectName(QStringLiteral("releaseHeader"));
    setAccessibleName(tr("Release header"));
    setBackgroundRole(QPalette::AlternateBase);
    setAutoFillBackground(true);
    m_hint->setObjectName(QStringLiteral("headerHint"));
    m_hint->setForegroundRole(QPalette::PlaceholderText);
    m_hint->setContentsMargins(12, 10, 12, 10);
    auto *page = new QWidget(this);
    auto *rows = new QVBoxLayout(page);
    rows->setContentsMargins(12, 8, 12, 8);
    rows->setSpacing(6);
    m_row = new QHBoxLayout;
    m_row->setSpacing(24);
    m_identity = buildIdentity();
    m_row->addWidget(m_identity);
    m_row->addStretch(1);
    rows->addLayout(m_row);
    m_readiness = buildReadiness();
    rows->addWidget(m_readiness);
    m_wrapRow = new QHBoxLayout;
    m_wrapRow->setContentsMargins(0, 0, 0, 0);
    m_wrapRow->addStretch(1);
    rows->addLayout(m_wrapRow);
    m_stack->addWidget(m_hint);
    m_stack->addWidget(page);
    clearRelease(tr("No release selected"));
    clearReadiness();
    applyColours();
}

QWidget *ReleaseHeader::buildIdentity()
{
    auto *box = new QWidget(this);
    auto *layout = new QHBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(10);
    m_version = namedLabel(box, QStringLiteral("headerVersion"), tr("Version"));
    QFont big = m_version->font();
    big.setPointSize(qRound(big.pointSizeF() * 1.5));
    big.setBold(true);
    m_version->setFont(big);
    m_state = namedLabel(box, QStringLiteral("headerState"), tr("Release state"));
    m_type = namedLabel(box, QStringLiteral("headerType"), tr("Release type"));
    m_commit = namedLabel(box, QStringLiteral("headerCommit"), tr("Commit"));
    m_commit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_commit->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_target = namedLabel(box, QStringLiteral("headerTarget"), tr("Target date"));
    layout->addWidget(m_version);
    layout->addWidget(m_state);
    m_next = namedLabel(box, QStringLiteral("headerNext"), tr("Next state"));
    layout->addWidget(m_next);
    layout->addSpacing(6);
    layout->addWidget(m_type);
    m_typeDot = caption(box, QStringLiteral("·"));
    layout->addWidget(m_typeDot);
    layout->addWidget(m_commit);
    layout->addWidget(m_target);
    return box;
}

void ReleaseHeader::setCanary(const QString &headline, const QString &toolTip)
{
    m_canary->setText(headline);
    m_canary->setToolTip(toolTip.isEmpty() ? headline : headline + QStringLiteral("\n") + toolTip);
    m_canary->setVisible(!headline.isEmpty());
}

QWidget *ReleaseHeader::buildReadiness()
{
    auto *box = new QWidget(this);
    auto *layout = new QHBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(8);
    m_progress = new QProgressBar(box);
    m_progress->setObjectName(QStringLiteral("checklistProgress"));
    m_progress->setAccessibleName(tr("Checklist progress"));
    m_progress->setFormat(QStringLiteral("%v/%m"));
    m_progress->setTextVisible(true);
    m_progress->setMinimumWidth(90);
    m_progress->setMaximumWidth(180);
    m_failed = namedLabel(box, QStringLiteral("headerFailed"), tr("Failed checklist items"));
    QFont bold = m_failed->font();
    bold.setBold(true);
    m_failed->setFont(bold);
    m_approvals = namedLabel(box, QStringLiteral("headerApprovals"), tr("Approvals"));
    m_gates = namedLabel(box, QStringLiteral("headerGates"), tr("Gates"));
    m_soak = elidedLabel(box, QStringLiteral("headerSoak"), tr("Soak verdicts"));
    m_earliest = elidedLabel(box, QStringLiteral("headerEarliest"), tr("Earliest time the release can move on"));
    m_canary = elidedLabel(box, QStringLiteral("headerCanary"), tr("Canary"));
    m_canary->setFont(bold);
    m_canary->hide();
    m_override = namedLabel(box, QStringLiteral("headerOverride"), tr("Break-glass overrides"));
    m_override->setFont(bold);
    m_override->hide();
    layout->addWidget(caption(box, tr("Checklist")));
    layout->addWidget(m_progress, 1);
    layout->addWidget(m_failed);
    layout->addSpacing(8);
    layout->addWidget(m_approvals);
    layout->addSpacing(8);
    layout->addWidget(m_gates);
    layout->addSpacing(8);
    layout->addWidget(m_soak, 2);
    layout->addWidget(m_earliest, 2);
    layout->addWidget(m_canary, 2);
    layout->addWidget(m_override);
    layout->addWidget(buildGo());
    return box;
}

QWidget *ReleaseHeader::buildGo()
{
    m_blockers = new QToolButton(this);
    m_blockers->setObjectName(QStringLiteral("headerBlockers"));
    m_blockers->setAccessibleName(tr("Why blocked?"));
    m_blockers->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_blockers->setAutoRaise(false);
    m_blockers->setFocusPolicy(Qt::StrongFocus);
    QFont bold = m_blockers->font();
    bold.setBold(true);
    m_blockers->setFont(bold);
    connect(m_blockers, &QToolButton::clicked, this, &ReleaseHeader::whyBlockedRequested);
    return m_blockers;
}

void ReleaseHeader::clearReadiness()
{
    for (QLabel *label : {m_next, m_approvals, m_gates, m_soak, m_earliest})
        label->clear();
    m_override->hide();
    m_blockers->setText(tr("Readiness…"));
    m_blockers->setToolTip(tr("Working out whether the release may move on"));
    m_blockers->setEnabled(false);
}

void ReleaseHeader::setReadiness(const Readiness &r)
{
    // A soaking release's badge follows its soak: the latest environment it went to says whether
    // the soak is still running, failed or passed (the state stays Soaking until the next move).
    if (r.state == ReleaseState::Soaking) {
        QString soak;
        for (const EnvironmentReadiness &e : r.environments)
            if (e.deployed)
                soak = e.soak;
        m_state->setText(soak == u"fail" ? tr("Soak failed") : soak == u"pass" ? tr("Soak passed") : tr("Soaking"));
        m_state->setToolTip(tr("State: %1; the soak of its latest environment: %2")
                .arg(releaseStateTitle(r.state), soak.isEmpty() ? tr("none yet") : soak));
    }
    m_next->setText(r.next ? tr("→ next: %1").arg(releaseStateTitle(*r.next)) : tr("final"));
    m_next->setToolTip(r.next ? tr("The release works towards %1").arg(releaseStateTitle(*r.next))
                              : tr("The release is in a final state"));
    setChecklistProgress(r.checklistClosed, r.checklistTotal, r.checklistFailed);
    if (!r.approvalsKnown) {
        m_approvals->setText(tr("Approvals ?"));
        m_approvals->setToolTip(tr("The approvals could not be evaluated: see Why blocked?"));
    } else {
        m_approvals->setText(r.approvalsStale > 0
                ? tr("Approvals %1/%2 (%3 stale)").arg(r.approvalsCounted).arg(r.approvalsRequired).arg(r.approvalsStale)
                : tr("Approvals %1/%2").arg(r.approvalsCounted).arg(r.approvalsRequired));
        m_approvals->setToolTip(tr("%1 of %2 required approvals count on this commit; %3 stale")
                .arg(r.approvalsCounted).arg(r.approvalsRequired).arg(r.approvalsStale));
    }
    m_gates->setText(r.gatesStale > 0 ? tr("Gates %1/%2 (%3 stale)").arg(r.gatesPassed).arg(r.gatesTotal).arg(r.gatesStale)
                                      : tr("Gates %1/%2").arg(r.gatesPassed).arg(r.gatesTotal));
    m_gates->setToolTip(tr("%1 of %2 policy gates passed on this commit; %3 ran on another commit")
            .arg(r.gatesPassed).arg(r.gatesTotal).arg(r.gatesStale));
    QStringList soaks;
    for (const EnvironmentReadiness &e : r.environments)
        soaks << environmentSoak(e);
    m_soak->setText(soaks.isEmpty() ? QString() : tr("Soak: %1").arg(soaks.join(QStringLiteral(", "))));
    m_soak->setToolTip(m_soak->text());  // whole, however narrow the label is
    m_soak->setAccessibleDescription(m_soak->text());

    const QDateTime earliest = r.earliestClear();
    QString when;
    QStringList whenFull;
    if (earliest.isValid()) {
        const QDateTime local = earliest.toLocalTime();
        const QString time = local.date() == QDate::currentDate() ? local.toString(QStringLiteral("HH:mm"))
                                                                   : formatLocalTime(earliest);
        for (const Blocker &b : r.blockers) {
            if (b.earliest != earliest)
                continue;
            when = b.target.startsWith(QLatin1String("soak:"))
                ? tr("%1 soak can pass at %2").arg(b.target.mid(5), time)
                : tr("can clear at %1").arg(time);
            whenFull << b.what;
            break;
        }
    }
    m_earliest->setText(when);
    m_earliest->setToolTip(when.isEmpty() ? QString() : QStringList(QStringList {when} + whenFull).join(QLatin1Char('\n')));
    m_earliest->setAccessibleDescription(when);

    m_ready = !r.blocked();
    m_blockers->setEnabled(true);
    if (m_ready) {
        m_blockers->setText(tr("Ready"));
        m_blockers->setToolTip(r.next ? tr("Nothing blocks the move to %1").arg(releaseStateTitle(*r.next))
                                      : tr("Nothing left to do"));
    } else {
        m_blockers->setText(r.blockers.size() == 1 ? tr("1 blocker") : tr("%1 blockers").arg(r.blockers.size()));
        QStringList lines;
        for (qsizetype i = 0; i < r.blockers.size() && i < 8; ++i)
            lines << r.blockers[i].what;
        if (r.blockers.size() > 8)
            lines << tr("… and %1 more (Why blocked?)").arg(r.blockers.size() - 8);
        m_blockers->setToolTip(lines.join(QLatin1Char('\n')));
    }
    m_blockers->setAccessibleDescription(m_blockers->text());
    setOverrides(r.overrides);
    m_staleApprovals = r.approvalsStale > 0;
    m_staleGates = r.gatesStale > 0;
    applyColours();
    fitFirstLine();  // the next state's text changed
}

// A badge while the release carries a break-glass override: who overrode what, when and why.
void ReleaseHeader::setOverrides(const QList<OverrideFact> &overrides)
{
    m_override->setVisible(!overrides.isEmpty());
    if (overrides.isEmpty())
        return;
    m_override->setText(overrides.size() == 1 ? tr("Overridden") : tr("Overridden ×%1").arg(overrides.size()));
    QStringList lines;
    for (const OverrideFact &o : overrides)
        lines << tr("%1: %2 by %3 past %n blocker(s): %4", nullptr, o.blockersOverridden)
                     .arg(formatLocalTime(o.at), o.move, o.actor, o.reason);
    m_override->setToolTip(lines.join(QLatin1Char('\n')));
    m_override->setAccessibleDescription(lines.join(QLatin1Char('\n')));
}

void ReleaseHeader::setRelease(const ReleaseRecord &release)
{
    m_stack->setCurrentIndex(1);
    m_version->setText(release.version);
    m_type->setText(release.type);
    m_releaseState = release.state;
    m_state->setText(releaseStateTitle(release.state));
    m_state->setToolTip({});
    applyColours();
    if (release.commit.isEmpty()) {
        m_commitFull = m_commitShort = tr("no commit yet");
        m_commit->setToolTip({});
    } else {
        // The window hands over the release as it stands (Session::currentRelease): unpinned,
        // the commit is the branch's head now. Which of the two it is, is always said.
        const bool follows = !release.commitPinned && !release.branch.isEmpty();
        m_commitShort = shortCommit(release.commit);
        m_commitFull = follows ? tr("%1 (follows %2)").arg(m_commitShort, release.branch)
                               : tr("%1 (pinned)").arg(m_commitShort);
        m_commit->setToolTip(follows ? tr("%1: the head of %2 now; a release candidate tag pins it")
                                           .arg(release.commit, release.branch)
                                     : tr("%1: pinned").arg(release.commit));
    }
    const auto overdue = overdueSince(release, QDate::currentDate());
    m_overdue = overdue.has_value();
    m_targetFull = m_targetShort = QString();
    if (release.targetDate.isValid()) {
        const QString day = overdue ? QLocale().toString(*overdue, QStringLiteral("d MMM")) : QString();
        m_targetFull = overdue ? tr("· target %1, overdue since %2").arg(release.targetDate.toString(Qt::ISODate), day)
                               : tr("· target %1").arg(release.targetDate.toString(Qt::ISODate));
        m_targetShort = overdue ? tr("· overdue since %1").arg(day)
                                : tr("· target %1").arg(QLocale().toString(release.targetDate, QStringLiteral("d MMM")));
    }
    m_target->setToolTip(m_targetFull.mid(2));
    applyColours();
    fitFirstLine();
}

void ReleaseHeader::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    if (event->size().width() != event->oldSize().width())
        fitFirstLine();
}

bool ReleaseHeader::eventFilter(QObject *watched, QEvent *event)
{
    // The rollback panel grows and shrinks as its state arrives (countdown, notices, buttons).
    if (watched == m_trailing
        && (event->type() == QEvent::LayoutRequest || event->type() == QEvent::Show || event->type() == QEvent::Hide))
        QMetaObject::invokeMethod(this, &ReleaseHeader::fitFirstLine, Qt::QueuedConnection);
    return QWidget::eventFilter(watched, event);
}

bool ReleaseHeader::firstLineFits() const
{
    // Summed from the parts' own size hints: the layouts' cached sizes lag behind a hide().
    auto *identity = static_cast<QBoxLayout *>(m_identity->layout());
    int needed = 0;
    int shown = 0;
    for (int i = 0; i < identity->count(); ++i) {
        QLayoutItem *item = identity->itemAt(i);
        if (QWidget *w = item->widget()) {
            if (w->isHidden())
                continue;
            needed += w->sizeHint().width();
            ++shown;
        } else {
            needed += item->sizeHint().width();  // the spacing before the type
        }
    }
    needed += identity->spacing() * qMax(0, shown - 1);
    if (m_trailing && !m_trailing->isHidden() && m_row->indexOf(m_trailing) >= 0)
        needed += 2 * m_row->spacing() + m_trailing->minimumSizeHint().width();
    const int room = m_row->geometry().width() > 0 ? m_row->geometry().width() : width() - 24;
    return needed <= room;
}

// Everything first, then the less important parts go one by one until the line fits; if even the
// version, state and short target do not fit beside the trailing widget, that widget takes a line
// of its own and the parts come back.
void ReleaseHeader::fitFirstLine()
{
    if (m_fitting || m_stack->currentIndex() != 1)
        return;
    m_fitting = true;
    const bool wasWrapped = m_trailing && m_wrapRow->indexOf(m_trailing) >= 0;
    for (bool wrapped : {false, true}) {
        if (m_trailing && wrapped != (m_wrapRow->indexOf(m_trailing) >= 0)) {
            (wrapped ? m_row : m_wrapRow)->removeWidget(m_trailing);
            (wrapped ? m_wrapRow : m_row)->addWidget(m_trailing);
        }
        m_type->show();
        m_typeDot->show();
        m_next->show();
        m_commit->show();
        m_commit->setText(m_commitFull);
        m_target->setVisible(!m_targetFull.isEmpty());
        m_target->setText(m_targetFull);
        const std::initializer_list<std::function<void()>> drops = {
            [this] { m_type->hide(); m_typeDot->hide(); },
            [this] { m_next->hide(); },
            [this] { m_commit->setText(m_commitShort); },
            [this] { m_target->setText(m_targetShort); },
            [this] { m_commit->hide(); },
        };
        bool fits = firstLineFits();
        for (auto drop = drops.begin(); !fits && drop != drops.end(); ++drop) {
            (*drop)();
            fits = firstLineFits();
        }
        if (fits || !m_trailing || m_trailing->isHidden())
            break;
    }
    if (wasWrapped != (m_trailing && m_wrapRow->indexOf(m_trailing) >= 0))
        updateGeometry();
    updateVersionToolTip();
    m_fitting = false;
}

QSize ReleaseHeader::minimumSizeHint() const
{
    const QSize full = QWidget::minimumSizeHint();
    if (m_stack->currentIndex() != 1)
        return full;
    const int spacing = m_identity->layout()->spacing();
    int identity = m_version->sizeHint().width() + spacing + m_state->sizeHint().width();
    if (!m_targetShort.isEmpty())
        identity += spacing + m_target->fontMetrics().horizontalAdvance(m_targetShort) + 2 * m_target->margin();
    const int trailing = m_trailing && !m_trailing->isHidden() ? m_trailing->minimumSizeHint().width() : 0;
    const int margins = 24;  // the page's left and right margins
    return {qMin(full.width(), std::max({identity, trailing, m_readiness->minimumSizeHint().width()}) + margins), full.height()};
}

void ReleaseHeader::updateVersionToolTip()
{
    QStringList parts {m_version->text(), m_state->text()};
    if (!m_next->text().isEmpty())
        parts << m_next->text();
    parts << m_type->text() << m_commitFull;
    if (!m_targetFull.isEmpty())
        parts << m_targetFull.mid(2);
    m_version->setToolTip(parts.join(QStringLiteral(" · ")));
}

void ReleaseHeader::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange)
        applyColours();
}

// Colours follow the palette (light or dark desktop); a style sheet is only set when it changes,
// because setting one re-polishes the label and can send another palette change.
void ReleaseHeader::applyColours()
{
    if (!m_state || !m_failed || !m_blockers)
        return;
    const QString badge = badgeStyleSheet(releaseStateColor(m_releaseState, palette()));
    if (m_state->styleSheet() != badge)
        m_state->setStyleSheet(badge);
    const QColor failed = failureColor(palette());
    if (m_override->palette().color(QPalette::WindowText) != failed) {
        QPalette overridePalette = m_override->palette();
        overridePalette.setColor(QPalette::WindowText, failed);
        m_override->setPalette(overridePalette);
    }
    if (m_failed->palette().color(QPalette::WindowText) != failed) {
        QPalette failedPalette;  // only WindowText is set: the other roles still follow the app
        failedPalette.setColor(QPalette::WindowText, failed);
        m_failed->setPalette(failedPalette);
    }
    const QPalette &p = palette();
    setTextColour(m_blockers, QPalette::ButtonText, m_ready ? itemStateColor(ItemState::Done, p) : failed);
    const QColor text = p.color(QPalette::WindowText);
    setTextColour(m_approvals, QPalette::WindowText, m_staleApprovals ? staleColour(p) : text);
    setTextColour(m_gates, QPalette::WindowText, m_staleGates ? staleColour(p) : text);
    setTextColour(m_target, QPalette::WindowText, m_overdue ? failed : text);
}

void ReleaseHeader::setTrailingWidget(QWidget *widget)
{
    m_trailing = widget;
    m_row->addWidget(widget);
    widget->installEventFilter(this);
}

void ReleaseHeader::clearRelease(const QString &hint)
{
    m_hint->setText(hint);
    m_stack->setCurrentIndex(0);
}

void ReleaseHeader::setChecklistProgress(int closed, int total, int failed)
{
    m_progress->setRange(0, qMax(total, 1));
    m_progress->setValue(closed);
    m_progress->setFormat(total > 0 ? QStringLiteral("%1/%2").arg(closed).arg(total) : tr("no items"));
    m_progress->setToolTip(tr("%1 of %2 checklist items done or not applicable").arg(closed).arg(total));
    m_failed->setVisible(failed > 0);
    m_failed->setText(tr("%n failed", nullptr, failed));
}

}  // namespace cockpit
