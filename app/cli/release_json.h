#pragma once
// JSON shapes of releases and checklists for --json output (PRODUCT.md's command line contract).
#include "checklist.h"
#include "release.h"

#include <QJsonObject>

namespace cockpit::cli {

QJsonObject checklistCountsJson(const Checklist &checklist);
QJsonObject itemJson(const ChecklistItem &item);
QJsonObject checklistJson(const Checklist &checklist);
// What still keeps the release from shipping, one sentence each.
QStringList releaseBlockers(const Checklist &checklist);

}  // namespace cockpit::cli
