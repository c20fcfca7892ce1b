#pragma once
// The incident a rollback leaves, built from what is stored: the rollback (who asked, approved,
// why), its steps with their output, and the audit entries around it (deploy lock and its lift).
#include "audit_entry.h"
#include "policy.h"
#include "rollback.h"

#include <QList>

namespace cockpit {

// cause: the trigger that fired, else the reason given; severity: the trigger's in the policy;
// openedAt: requested; recoveredAt: finished when it succeeded; timeline oldest first.
Incident buildIncident(const RollbackRecord &record, const QList<AuditEntry> &audit, const Policy &policy);

}  // namespace cockpit
