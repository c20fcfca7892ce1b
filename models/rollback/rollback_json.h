#pragma once
// Rollback records as JSON: the plan as the store keeps it (rollbacks.plan_json) and the record
// the command line prints with --json (docs/rollback.md shows the shape).
#include "rollback.h"

#include <QJsonObject>

namespace cockpit {

QJsonObject rollbackPlanToJson(const RollbackPlan &plan);
RollbackPlan rollbackPlanFromJson(const QJsonObject &object);
QJsonObject rollbackStepToJson(const RollbackStepRecord &step);
// The record with its plan, steps and state; timestamps as RFC 3339 UTC.
QJsonObject rollbackRecordToJson(const RollbackRecord &record);
QJsonObject deployLockToJson(const DeployLock &lock);
QJsonObject incidentToJson(const Incident &incident);

}  // namespace cockpit
