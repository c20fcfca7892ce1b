#include "soak_banners.h"

#include "palette_watch.h"
#include "state_style.h"

#include <QApplication>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QHBoxLayout>
#include <QLabel>
#include <QLoggingCategory>
#include <QPushButton>
#include <QStyle>
#include <QSystemTrayIcon>
#include <QVBoxLayout>

Q_LOGGING_CATEGORY(lcSoakBanners, "cockpit.ui.soakbanners")

namespace cockpit {
namespace {

QFrame *bannerFrame(const QColor &colour, const QString &objectName, QWidget *parent)
{
    auto *frame = new QFrame(parent);
    frame->setObjectName(objectName);
    // Translucent fill and a solid border in the palette's tone of the colour (as ErrorBanner).
    followPalette(frame, [frame, colour, objectName] {
        const QColor tone = readableColor(colour);  // the app's palette: the frame's is the sheet's
        const QString sheet
            = QStringLiteral("QFrame#%1 { background: rgba(%2, %3, %4, 45); border: 1px solid %5;"
                             " border-radius: 4px; }")
                  .arg(objectName)
                  .arg(tone.red())
                  .arg(tone.green())
                  .arg(tone.blue())
                  .arg(tone.name());
        if (frame->styleSheet() != sheet)
            frame->setStyleSheet(sheet);
    });
    return frame;
}

QLabel *bannerIcon(QStyle::StandardPixmap pixmap, QWidget *parent)
{
    auto *icon = new QLabel(parent);
    const int size = parent->style()->pixelMetric(QStyle::PM_SmallIconSize) * 2;
    icon->setPixmap(parent->style()->standardIcon(pixmap).pixmap(size, size));
    return icon;
}

QLabel *bannerText(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

}  // namespace

SoakBanners::SoakBanners(QWidget *parent)
    : QWidget(parent)
    , m_stale(bannerFrame(QColor(0xc2, 0x70, 0x0c), QStringLiteral("soakStaleBanner"), this))
    , m_staleText(bannerText(m_stale))
    , m_triggerLayout(new QVBoxLayout)
{
    setObjectName(QStringLiteral("soakBanners"));
    m_stale->setAccessibleName(tr("Soak data is stale"));
    m_staleText->setObjectName(QStringLiteral("soakStaleText"));
    auto *staleLayout = new QHBoxLayout(m_stale);
    staleLayout->setContentsMargins(10, 6, 10, 6);
    staleLayout->addWidget(bannerIcon(QStyle::SP_MessageBoxWarning, m_stale), 0, Qt::AlignTop);
    staleLayout->addWidget(m_staleText, 1);
    m_stale->hide();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    m_triggerLayout->setContentsMargins(0, 0, 0, 0);
    m_triggerLayout->setSpacing(4);
    layout->addLayout(m_triggerLayout);
    layout->addWidget(m_stale);
}

void SoakBanners::showStale(const QString &reason, const QDateTime &since)
{
    const QString when = since.isValid() ? tr(" since %1").arg(formatLocalTime(since)) : QString();
    m_staleText->setText(tr("Prometheus is not answering%1: %2. The charts show the last data seen; the "
                            "verdict cannot become PASS until measurements succeed again.")
                             .arg(when, reason));
    m_stale->setAccessibleDescription(m_staleText->text());
    m_stale->show();
}

void SoakBanners::clearStale()
{
    m_stale->hide();
}

bool SoakBanners::staleShown() const
{
    return !m_stale->isHidden();
}

QString SoakBanners::staleText() const
{
    return m_staleText->text();
}

QFrame *SoakBanners::makeTriggerBanner(const QString &name)
{
    QFrame *frame = bannerFrame(failureColor(), QStringLiteral("soakTriggerBanner"), this);
    frame->setAccessibleName(tr("Rollback trigger fired: %1").arg(name));
    auto *text = bannerText(frame);
    text->setObjectName(QStringLiteral("soakTriggerText"));
    auto *rollback = new QPushButton(tr("Roll back…"), frame);
    rollback->setObjectName(QStringLiteral("soakTriggerRollback"));
    rollback->setAccessibleName(tr("Roll back because of %1").arg(name));
    auto *layout = new QHBoxLayout(frame);
    layout->setContentsMargins(10, 6, 10, 6);
    layout->addWidget(bannerIcon(QStyle::SP_MessageBoxCritical, frame), 0, Qt::AlignTop);
    layout->addWidget(text, 1);
    layout->addWidget(rollback, 0, Qt::AlignVCenter);
    connect(rollback, &QPushButton::clicked, this, [this, name] { emit rollbackRequested(name); });
    m_triggerLayout->addWidget(frame);
    return frame;
}

void SoakBanners::showTrigger(const TriggerResult &trigger, bool notify)
{
    QFrame *frame = m_triggers.value(trigger.name);
    if (!frame) {
        frame = makeTriggerBanner(trigger.name);
        m_triggers.insert(trigger.name, frame);
    }
    m_shown.insert(trigger.name, trigger);
    updateTriggerText(trigger.name);
    frame->show();
    if (notify && !m_notified.contains(trigger.name)) {
        m_notified.insert(trigger.name);
        m_lastRoute = notifyDesktop(tr("Rollback trigger fired"), triggerText(trigger.name));
    }
}

void SoakBanners::setRollbackUnavailable(const QString &name, const QString &reason)
{
    if (reason.isEmpty())
        m_noRollback.remove(name);
    else
        m_noRollback.insert(name, reason);
    if (m_triggers.contains(name))
        updateTriggerText(name);
}

bool SoakBanners::rollbackOffered(const QString &name) const
{
    const QFrame *frame = m_triggers.value(name);
    const auto *button = frame ? frame->findChild<QPushButton *>(QStringLiteral("soakTriggerRollback")) : nullptr;
    return button && !button->isHidden() && button->isEnabled();
}

void SoakBanners::updateTriggerText(const QString &name)
{
    QFrame *frame = m_triggers.value(name);
    const TriggerResult trigger = m_shown.value(name);
    const bool resolved = !trigger.active && trigger.resolvedAt;
    QString text = (resolved ? tr("Rollback trigger fired, now resolved: %1") : tr("Rollback trigger fired: %1"))
                       .arg(trigger.name);
    if (!trigger.severity.isEmpty())
        text += QStringLiteral(" (%1)").arg(trigger.severity);
    // When the condition began holding, when it had held for `for` (fired), and when it stopped.
    if (trigger.conditionSince)
        text += tr(", holding since %1").arg(formatLocalTime(*trigger.conditionSince));
    if (trigger.since)
        text += tr(", fired at %1").arg(formatLocalTime(*trigger.since));
    if (resolved)
        text += tr(", resolved at %1").arg(formatLocalTime(*trigger.resolvedAt));
    if (!trigger.action.isEmpty())
        text += QStringLiteral(". ") + trigger.action + QLatin1Char('.');
    // Said up front: a rollback that cannot happen is not offered.
    const QString noRollback = m_noRollback.value(name);
    if (!noRollback.isEmpty())
        text += QLatin1Char('\n') + tr("No rollback possible: %1").arg(noRollback);
    // The reason repeats the times above in UTC; it is shown only when they are not known.
    if (!trigger.reason.isEmpty() && !trigger.since)
        text += QLatin1Char('\n') + trigger.reason;
    frame->findChild<QLabel *>(QStringLiteral("soakTriggerText"))->setText(text);
    frame->setAccessibleDescription(text);
    auto *button = frame->findChild<QPushButton *>(QStringLiteral("soakTriggerRollback"));
    button->setVisible(noRollback.isEmpty());
}

void SoakBanners::notifyCheckFailed(const CheckResult &check, const QString &environment)
{
    const QString key = QStringLiteral("check:") + check.name;
    if (check.status != CheckStatus::Fail || m_notified.contains(key))
        return;
    m_notified.insert(key);
    m_lastRoute = notifyDesktop(tr("Soak check failed on %1").arg(environment),
        tr("%1: %2. The soak can no longer pass.").arg(check.name, check.reason));
}

void SoakBanners::retainTriggers(const QSet<QString> &names)
{
    for (auto it = m_triggers.begin(); it != m_triggers.end();) {
        if (names.contains(it.key())) {
            ++it;
            continue;
        }
        delete it.value();
        m_shown.remove(it.key());
        it = m_triggers.erase(it);
    }
}

void SoakBanners::clearAll()
{
    delete m_automatic;
    m_automatic = nullptr;
    clearStale();
    retainTriggers({});
    m_notified.clear();
    m_noRollback.clear();
}

void SoakBanners::showAutomaticRollback(const QString &verdict, const QString &detail)
{
    const bool needsPerson = verdict == u"halted" || verdict == u"failed";
    delete m_automatic;  // its colour follows the state: rebuilt rather than restyled
    m_automatic = bannerFrame(verdict == u"finished" ? QColor(0x2e, 0x7d, 0x32) : needsPerson ? failureColor()
                                                                                      : QColor(0xc2, 0x70, 0x0c),
        QStringLiteral("soakAutomaticRollbackBanner"), this);
    auto *text = bannerText(m_automatic);
    text->setObjectName(QStringLiteral("soakAutomaticRollbackText"));
    const QString title = verdict == u"started" ? tr("Automatic rollback started")
        : verdict == u"finished"                ? tr("Automatic rollback finished")
        : verdict == u"halted"                  ? tr("Automatic rollback HALTED: a person is needed")
                                                : tr("Automatic rollback could not start");
    text->setText(title + QLatin1Char('\n') + detail);
    m_automatic->setAccessibleName(title);
    m_automatic->setAccessibleDescription(detail);
    auto *layout = new QHBoxLayout(m_automatic);
    layout->setContentsMargins(10, 6, 10, 6);
    layout->addWidget(
        bannerIcon(needsPerson ? QStyle::SP_MessageBoxCritical : QStyle::SP_MessageBoxInformation, m_automatic), 0,
        Qt::AlignTop);
    layout->addWidget(text, 1);
    m_triggerLayout->insertWidget(0, m_automatic);
    if (verdict != u"finished")
        m_lastRoute = notifyDesktop(title, detail);
}

QString SoakBanners::automaticRollbackText() const
{
    return m_automatic ? m_automatic->findChild<QLabel *>(QStringLiteral("soakAutomaticRollbackText"))->text() : QString();
}

QString SoakBanners::triggerText(const QString &name) const
{
    const QFrame *frame = m_triggers.value(name);
    return frame ? frame->findChild<QLabel *>(QStringLiteral("soakTriggerText"))->text() : QString();
}

// The freedesktop notification service when the session has one; the call is asynchronous (the
// GUI thread never waits on the bus) and an error reply falls back to the tray.
NotificationRoute SoakBanners::notifyDesktop(const QString &title, const QString &body)
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected()) {
        notifyTray(title, body);
        return m_tray ? NotificationRoute::Tray : NotificationRoute::None;
    }
    QDBusMessage call = QDBusMessage::createMethodCall(QStringLiteral("org.freedesktop.Notifications"),
        QStringLiteral("/org/freedesktop/Notifications"), QStringLiteral("org.freedesktop.Notifications"),
        QStringLiteral("Notify"));
    const QVariantMap hints = {{QStringLiteral("urgency"), QVariant::fromValue(uchar(2))},
        {QStringLiteral("desktop-entry"), QStringLiteral("release-cockpit")}};
    call << QStringLiteral("Release Cockpit") << uint(0) << QStringLiteral("dialog-warning") << title << body
         << QStringList() << hints << int(0);  // 0: stays until the person closes it
    auto *watcher = new QDBusPendingCallWatcher(bus.asyncCall(call), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, watcher, title, body] {
        watcher->deleteLater();
        if (!watcher->isError())
            return;
        qCInfo(lcSoakBanners) << "no desktop notification service:" << watcher->error().message();
        notifyTray(title, body);
        m_lastRoute = m_tray ? NotificationRoute::Tray : NotificationRoute::None;
    });
    return NotificationRoute::DBus;
}

void SoakBanners::notifyTray(const QString &title, const QString &body)
{
    if (!QSystemTrayIcon::isSystemTrayAvailable())
        return;  // the banner is the notification
    if (!m_tray) {
        m_tray = new QSystemTrayIcon(QApplication::windowIcon(), this);
        m_tray->setToolTip(tr("Release Cockpit"));
    }
    m_tray->show();
    m_tray->showMessage(title, body, QSystemTrayIcon::Critical);
}

}  // namespace cockpit
