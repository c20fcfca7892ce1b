#include "state_style.h"

#include <QObject>

namespace cockpit {

QString itemStateTitle(ItemState state)
{
    switch (state) {
    case ItemState::Open:
        return QObject::tr("Open");
    case ItemState::Done:
        return QObject::tr("Done");
    case ItemState::Failed:
        return QObject::tr("Failed");
    case ItemState::NotApplicable:
        return QObject::tr("Not applicable");
    }
    return {};
}

QColor itemStateColor(ItemState state)
{
    switch (state) {
    case ItemState::Done:
        return QColor(0x2f, 0x9e, 0x44);
    case ItemState::Failed:
        return failureColor();
    case ItemState::NotApplicable:
        return QColor(0x86, 0x8e, 0x96);
    case ItemState::Open:
        break;
    }
    return {};
}

QColor releaseStateColor(ReleaseState state)
{
    switch (state) {
    case ReleaseState::Draft:
        return QColor(0x86, 0x8e, 0x96);
    case ReleaseState::Frozen:
        return QColor(0x1c, 0x7e, 0xd6);
    case ReleaseState::Candidate:
        return QColor(0x70, 0x48, 0xe8);
    case ReleaseState::Approved:
        return QColor(0x0c, 0x85, 0x99);
    case ReleaseState::Deploying:
    case ReleaseState::Soaking:
        return QColor(0xe8, 0x59, 0x0c);
    case ReleaseState::Released:
        return QColor(0x2f, 0x9e, 0x44);
    case ReleaseState::RolledBack:
        return failureColor();
    case ReleaseState::Aborted:
        return QColor(0x49, 0x50, 0x57);
    }
    return QColor(0x86, 0x8e, 0x96);
}

QColor failureColor()
{
    return QColor(0xe0, 0x31, 0x31);
}

QColor reachableColor(bool reachable)
{
    return reachable ? QColor(0x2f, 0x9e, 0x44) : failureColor();
}

QString formatLocalTime(const QDateTime &utc)
{
    if (!utc.isValid())
        return {};
    return utc.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

QString shortCommit(const QString &sha)
{
    return sha.left(7);
}

}  // namespace cockpit
