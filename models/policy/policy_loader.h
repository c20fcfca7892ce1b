#pragma once
// Loads and validates .release-cockpit/policy.yml (yaml-cpp). Every error names file:line:col
// and what was expected there.
#include "policy.h"
#include "policy_inputs.h"

#include <QByteArray>

namespace cockpit {

// BadInput before parsing when yaml is over maxBytes; BadInput for a second YAML document.
Result<Policy> parsePolicy(const QByteArray &yaml, const QString &path, qint64 maxBytes = kDefaultPolicyMaxBytes);

// Every checklist a release type or the rollback names must be one of `available` (template
// names without ".md"); the error points at the reference in the policy. Kept apart from
// parsePolicy because listing the templates is I/O.
Status validateChecklistRefs(const Policy &policy, const QStringList &available);

}  // namespace cockpit
