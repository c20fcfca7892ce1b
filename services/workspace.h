#pragma once
// A workspace: a git repository with .release-cockpit/policy.yml and Markdown checklist
// templates in .release-cockpit/checklists/.
#include "checklist.h"
#include "policy.h"

#include <QMap>

namespace cockpit {

struct Workspace {
    QString root;  // absolute path of the repository's work tree
    Policy policy;
    QMap<QString, ChecklistPhase> templates;  // by phase name

    // Unavailable: not a directory / not a git repository; BadInput: policy or checklist errors
    // with file:line:col.
    static Result<Workspace> load(const QString &dir);
    // Directory of the git repository around dir, or an error.
    static Result<QString> discover(const QString &dir);

    [[nodiscard]] QString policyPath() const;
    // The checklist a release of this type starts with (the type's checklists in order).
    [[nodiscard]] Result<Checklist> instantiate(const QString &releaseType) const;
};

}  // namespace cockpit
