#include "release_header.h"

#include "state_style.h"

#include <QEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QStackedLayout>

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
    m_row = new QHBoxLayout(page);
    m_row->setContentsMargins(12, 8, 12, 8);
    m_row->setSpacing(24);
    m_row->addWidget(buildIdentity());
    m_row->addStretch(1);
    m_row->addWidget(buildReadiness());
    m_stack->addWidget(m_hint);
    m_stack->addWidget(page);
    clearRelease(tr("No release selected"));
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
    layout->addSpacing(6);
    layout->addWidget(m_type);
    layout->addWidget(caption(box, QStringLiteral("·")));
    layout->addWidget(m_commit);
    layout->addWidget(m_target);
    return box;
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
    m_progress->setMinimumWidth(180);
    m_failed = namedLabel(box, QStringLiteral("headerFailed"), tr("Failed checklist items"));
    QFont bold = m_failed->font();
    bold.setBold(true);
    m_failed->setFont(bold);
    layout->addWidget(caption(box, tr("Checklist")));
    layout->addWidget(m_progress);
    layout->addWidget(m_failed);
    return box;
}

void ReleaseHeader::setRelease(const ReleaseRecord &release)
{
    m_stack->setCurrentIndex(1);
    m_version->setText(release.version);
    m_type->setText(release.type);
    m_releaseState = release.state;
    m_state->setText(releaseStateTitle(release.state));
    applyColours();
    if (release.commit.isEmpty()) {
        m_commit->setText(tr("no commit yet"));
        m_commit->setToolTip({});
    } else {
        m_commit->setText(release.commitPinned || release.branch.isEmpty()
                ? shortCommit(release.commit)
                : tr("%1 (follows %2)").arg(shortCommit(release.commit), release.branch));
        m_commit->setToolTip(release.commit);
    }
    m_target->setVisible(release.targetDate.isValid());
    m_target->setText(tr("· target %1").arg(release.targetDate.toString(Qt::ISODate)));
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
    if (!m_state || !m_failed)
        return;
    const QString badge = badgeStyleSheet(releaseStateColor(m_releaseState, palette()));
    if (m_state->styleSheet() != badge)
        m_state->setStyleSheet(badge);
    const QColor failed = failureColor(palette());
    if (m_failed->palette().color(QPalette::WindowText) != failed) {
        QPalette failedPalette;  // only WindowText is set: the other roles still follow the app
        failedPalette.setColor(QPalette::WindowText, failed);
        m_failed->setPalette(failedPalette);
    }
}

void ReleaseHeader::setTrailingWidget(QWidget *widget)
{
    m_row->addWidget(widget);
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
