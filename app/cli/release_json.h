#pragma once
// JSON shapes of releases and checklists for --json output (PRODUCT.md's command line contract).
#include "approval.h"
#include "checklist.h"
#include "release.h"

#include <QJsonArray>
#include <QJsonObject>

namespace cockpit::cli {

QJsonObject checklistCountsJson(const Checklist &checklist);
QJsonObject itemJson(const ChecklistItem &item);
QJsonObject checklistJson(const Checklist &checklist);
// What still keeps the release from shipping, one sentence each.
QStringList releaseBlockers(const Checklist &checklist);
// Each signer's latest decision per role: {"role","signer","decision","stale"} plus "status",
// "counted", "digest", "signed_at" and "reason" (PRODUCT.md's release status contract).
QJsonArray approvalsJson(const ApprovalState &state);

}  // namespace cockpit::cli
