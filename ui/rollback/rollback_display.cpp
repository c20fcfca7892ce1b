#include "rollback_display.h"

#include "rollback_service.h"
#include "state_style.h"

#include <QApplication>
#include <QHash>
#include <QPainter>
#include <QPixmap>
#include <QStackedWidget>
#include <QTabWidget>
#include <QWidget>

namespace cockpit {

namespace {

// A round badge with a glyph: the same on every platform and theme (offscreen included), unlike
// theme icons that may be missing.
QIcon badgeIcon(const QString &glyph, const QColor &color)
{
    QIcon icon;
    for (int size : {16, 24, 32}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(Qt::NoPen);
        painter.setBrush(color);
        painter.drawRoundedRect(QRectF(0.5, 0.5, size - 1, size - 1), size / 4.0, size / 4.0);
        QFont font = QApplication::font();
        font.setBold(true);
        font.setPixelSize(qRound(size * 0.62));
        painter.setFont(font);
        painter.setPen(Qt::white);
        painter.drawText(QRect(0, 0, size, size), Qt::AlignCenter, glyph);
        painter.end();
        icon.addPixmap(pixmap);
    }
    return icon;
}

QString escaped(const QString &text)
{
    return text.toHtmlEscaped().replace(u' ', QStringLiteral("&nbsp;"));
}

QString argumentBoxes(const QStringList &argv)
{
    QStringList boxes;
    for (const QString &arg : argv)
        boxes << QStringLiteral("<span style=\"background-color:rgba(128,128,128,0.22); "
                                "white-space:nowrap;\">&nbsp;%1&nbsp;</span>")
                     .arg(arg.isEmpty() ? QStringLiteral("<i>(empty)</i>") : escaped(arg));
    return boxes.join(QLatin1Char(' '));
}

QString mono(const QString &html)
{
    return QStringLiteral("<span style=\"font-family:monospace;\">%1</span>").arg(html);
}

}  // namespace

QString formatSpan(std::chrono::seconds span)
{
    qint64 s = std::abs(span.count());
    const qint64 days = s / 86400, hours = (s % 86400) / 3600, minutes = (s % 3600) / 60, seconds = s % 60;
    if (days > 0)
        return hours > 0 ? QObject::tr("%1 d %2 h").arg(days).arg(hours) : QObject::tr("%1 d").arg(days);
    if (hours > 0)
        return minutes > 0 ? QObject::tr("%1 h %2 min").arg(hours).arg(minutes)
                           : QObject::tr("%1 h").arg(hours);
    if (minutes > 0)
        return minutes < 10 && seconds > 0 ? QObject::tr("%1 min %2 s").arg(minutes).arg(seconds)
                                           : QObject::tr("%1 min").arg(minutes);
    return QObject::tr("%1 s").arg(seconds);
}

bool RollbackWindow::expired(const QDateTime &now) const
{
    return known() && !canaryPercent && deployedAt.addSecs(length.count()) <= now;
}

QString RollbackWindow::text(const QDateTime &now) const
{
    if (!deployedAt.isValid())
        return QObject::tr("Not deployed");
    if (canaryPercent)
        return QObject::tr("Canary at %1%: a rollback sets it to 0% first").arg(*canaryPercent);
    if (length.count() <= 0)
        return QObject::tr("No rollback window in the policy");
    const qint64 left = now.secsTo(deployedAt.addSecs(length.count()));
    if (left > 0)
        return QObject::tr("Rollback window %1 left").arg(formatSpan(std::chrono::seconds(left)));
    return QObject::tr("Rollback window closed %1 ago").arg(formatSpan(std::chrono::seconds(-left)));
}

QString stepKindTitle(RollbackStepKind kind)
{
    switch (kind) {
    case RollbackStepKind::Run:
        return QObject::tr("Command");
    case RollbackStepKind::Shell:
        return QObject::tr("Shell");
    case RollbackStepKind::Http:
        return QObject::tr("HTTP call");
    case RollbackStepKind::Probe:
        return QObject::tr("Probe");
    case RollbackStepKind::Manual:
        return QObject::tr("Manual");
    }
    return {};
}

QIcon stepKindIcon(RollbackStepKind kind)
{
    const QColor slate(0x49, 0x50, 0x57);
    switch (kind) {
    case RollbackStepKind::Run:
        return badgeIcon(QStringLiteral("▸"), slate);
    case RollbackStepKind::Shell:
        return badgeIcon(QStringLiteral("$"), QColor(0xc0, 0x78, 0x00));
    case RollbackStepKind::Http:
        return badgeIcon(QStringLiteral("⇄"), QColor(0x1c, 0x7e, 0xd6));
    case RollbackStepKind::Probe:
        return badgeIcon(QStringLiteral("♥"), QColor(0x0c, 0x85, 0x99));
    case RollbackStepKind::Manual:
        return badgeIcon(QStringLiteral("✎"), QColor(0x70, 0x48, 0xe8));
    }
    return {};
}

QString stepStateTitle(RollbackStepState state)
{
    switch (state) {
    case RollbackStepState::Pending:
        return QObject::tr("Not run");
    case RollbackStepState::Running:
        return QObject::tr("Running");
    case RollbackStepState::Succeeded:
        return QObject::tr("Succeeded");
    case RollbackStepState::Failed:
        return QObject::tr("Failed");
    case RollbackStepState::TimedOut:
        return QObject::tr("Timed out");
    case RollbackStepState::Skipped:
        return QObject::tr("Skipped");
    case RollbackStepState::Interrupted:
        return QObject::tr("Interrupted");
    }
    return {};
}

QString stepStateGlyph(RollbackStepState state)
{
    switch (state) {
    case RollbackStepState::Pending:
        return QStringLiteral("○");
    case RollbackStepState::Running:
        return QStringLiteral("▶");
    case RollbackStepState::Succeeded:
        return QStringLiteral("✓");
    case RollbackStepState::Failed:
        return QStringLiteral("✗");
    case RollbackStepState::TimedOut:
        return QStringLiteral("◷");
    case RollbackStepState::Skipped:
        return QStringLiteral("↷");
    case RollbackStepState::Interrupted:
        return QStringLiteral("!");
    }
    return {};
}

QColor stepStateColor(RollbackStepState state)
{
    switch (state) {
    case RollbackStepState::Pending:
        return itemStateColor(ItemState::NotApplicable);
    case RollbackStepState::Running:
        return QColor(0x1c, 0x7e, 0xd6);
    case RollbackStepState::Succeeded:
        return itemStateColor(ItemState::Done);
    case RollbackStepState::Failed:
    case RollbackStepState::TimedOut:
        return failureColor();
    case RollbackStepState::Skipped:
        return QColor(0x49, 0x50, 0x57);
    case RollbackStepState::Interrupted:
        return QColor(0xc0, 0x78, 0x00);
    }
    return {};
}

QIcon stepStateIcon(RollbackStepState state)
{
    return badgeIcon(stepStateGlyph(state), stepStateColor(state));
}

QIcon waitingIcon()
{
    return badgeIcon(QStringLiteral("☐"), QColor(0x70, 0x48, 0xe8));
}

QString rollbackStateTitle(RollbackState state)
{
    switch (state) {
    case RollbackState::AwaitingApproval:
        return QObject::tr("Waiting for approval");
    case RollbackState::Running:
        return QObject::tr("Running");
    case RollbackState::Halted:
        return QObject::tr("Halted");
    case RollbackState::Succeeded:
        return QObject::tr("Succeeded");
    case RollbackState::Aborted:
        return QObject::tr("Aborted");
    }
    return {};
}

QString stepCallHtml(const PlannedRollbackStep &step)
{
    switch (step.kind) {
    case RollbackStepKind::Run:
        return mono(argumentBoxes(step.argv));
    case RollbackStepKind::Shell:
        return QObject::tr("through the shell: ") + mono(escaped(step.shellCommand));
    case RollbackStepKind::Http: {
        QString html
            = mono(QStringLiteral("<b>%1</b> %2").arg(escaped(step.httpMethod), escaped(step.httpUrl)));
        for (auto it = step.httpHeaders.cbegin(); it != step.httpHeaders.cend(); ++it)
            html += QStringLiteral("<br>") + mono(escaped(it.key() + QStringLiteral(": ") + it.value()));
        if (!step.httpBody.isEmpty())
            html += QStringLiteral("<br>")
                + mono(escaped(step.httpBody).replace(u'\n', QStringLiteral("<br>")));
        return html;
    }
    case RollbackStepKind::Probe:
        return QObject::tr("probe %1: health, readiness and version fingerprint")
            .arg(mono(escaped(step.probeEnvironment)));
    case RollbackStepKind::Manual:
        return QObject::tr("a person confirms: %1").arg(step.instruction.toHtmlEscaped());
    }
    return {};
}

QString stepCallText(const PlannedRollbackStep &step)
{
    switch (step.kind) {
    case RollbackStepKind::Run:
        return step.argv.join(QStringLiteral(" · "));
    case RollbackStepKind::Shell:
        return QObject::tr("shell: %1").arg(step.shellCommand);
    case RollbackStepKind::Http:
        return QStringLiteral("%1 %2").arg(step.httpMethod, step.httpUrl);
    case RollbackStepKind::Probe:
        return QObject::tr("probe %1").arg(step.probeEnvironment);
    case RollbackStepKind::Manual:
        return QObject::tr("a person confirms: %1").arg(step.instruction);
    }
    return {};
}

QString stepLimitsText(const PlannedRollbackStep &step)
{
    QStringList parts;
    if (step.kind != RollbackStepKind::Manual)
        parts << (step.timeout.count() > 0 ? QObject::tr("timeout %1").arg(formatSpan(step.timeout))
                                           : QObject::tr("default timeout"));
    if (!step.condition.isEmpty())
        parts << QObject::tr("only if: %1 (you are asked)").arg(step.condition);
    return parts.join(QStringLiteral(" · "));
}

QString stepDurationText(const RollbackStepRecord &step, const QDateTime &now)
{
    if (!step.startedAt.isValid())
        return {};
    const QDateTime end = step.finishedAt.isValid() ? step.finishedAt : now;
    return formatSpan(std::chrono::seconds(qMax<qint64>(0, step.startedAt.secsTo(end))));
}

// The red style marks the one destructive button of the window; the disabled look stays red-ish
// so it reads as "this is the button, not yet armed".
QString destructiveButtonStyle()
{
    return QStringLiteral("QPushButton { background: %1; color: white; font-weight: bold; border: none;"
                          " border-radius: 4px; padding: 5px 16px; }"
                          "QPushButton:disabled { background: %2; color: #fbeaea; }")
        .arg(failureColor().name(), failureColor().lighter(160).name());
}

bool raiseReleaseTab(QWidget *from, const QString &tabObjectName)
{
    if (!from)
        return false;
    QWidget *tab = from->window()->findChild<QWidget *>(tabObjectName);
    for (QWidget *w = tab ? tab->parentWidget() : nullptr; w; w = w->parentWidget()) {
        if (auto *tabs = qobject_cast<QTabWidget *>(w)) {
            tabs->setCurrentWidget(tab);
            return true;
        }
    }
    return false;
}

}  // namespace cockpit
