#pragma once
// What a workspace's files may not say even when each parses: checks across the policy, its
// templates and the releases made from them, each refusal naming file:line:col.
#include "checklist.h"
#include "policy.h"
#include "semver.h"

#include <optional>
#include <string>

namespace cockpit {

// 1 MB: the bundled presets are under 15 kB, and yaml-cpp needs about 60 bytes of memory per byte
// of input, so a policy file is read only below this (RELEASE_COCKPIT_POLICY_MAX_BYTES to change).
constexpr qint64 kDefaultPolicyMaxBytes = 1024 * 1024;

// BadInput when size is over limit, before anything is parsed.
Status checkPolicySize(qint64 size, qint64 limit, const QString &path);

// Where a second YAML document starts (its "---"), if yaml has one. Counts documents without
// building them, and stops at the second.
std::optional<SourceLocation> secondYamlDocument(const std::string &yaml, const QString &path);

// A template must start every item open (a "- [x]" would be done with no who, when or audit entry)
// and may bind items only to checks that exist: a gate of the policy, a probe or soak of one of its
// environments, the changelog or the tag. Otherwise the item could never be ticked.
Status validateTemplate(const Policy &policy, const ChecklistPhase &phase, const QString &path);

// evidence.include entries are workspace-relative paths that stay inside it (lexically: no
// absolute path, no "..").
Status validateEvidenceIncludes(const Policy &policy);

// A pre-release version's first identifier ("rc" of 1.2.3-rc.1, letters of "rc1") must be one of
// prerelease_labels when the policy lists any.
Status checkPrereleaseLabel(const Policy &policy, const SemVer &version);

}  // namespace cockpit
