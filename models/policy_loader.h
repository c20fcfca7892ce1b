#pragma once
// Loads and validates .release-cockpit/policy.yml (yaml-cpp). Every error names file:line:col
// and what was expected there.
#include "policy.h"

namespace cockpit {

Result<Policy> parsePolicy(const QByteArray &yaml, const QString &path);

}  // namespace cockpit
