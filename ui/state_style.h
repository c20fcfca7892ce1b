#pragma once
// The semantic colours of states (done, failed, release states) and local-time formatting shared
// by the delegates and the header. The colours are mid-tone so they read on light and dark
// palettes alike; everything else takes palette roles.
#include "checklist.h"
#include "release.h"

#include <QColor>
#include <QDateTime>

namespace cockpit {

QString itemStateTitle(ItemState state);  // "Done", "Not applicable"
QColor itemStateColor(ItemState state);  // done green, failed red, N/A grey; invalid for open
QColor releaseStateColor(ReleaseState state);
QColor failureColor();  // red used for failed counts
QColor reachableColor(bool reachable);  // green or red status dots

// Stored times are UTC; people read them in local time. Empty for an invalid time.
QString formatLocalTime(const QDateTime &utc);
QString shortCommit(const QString &sha);  // first 7 characters

}  // namespace cockpit
