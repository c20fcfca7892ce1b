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
    // The default store of a workspace: a SQLite file in the XDG data dir named after its work
    // tree, so two workspaces never share release numbers.
    [[nodiscard]] QString defaultStoreUrl() const;
    static QString defaultStoreUrlFor(const QString &root);
    // The checklist a release of this type starts with (the type's checklists in order).
    [[nodiscard]] Result<Checklist> instantiate(const QString &releaseType) const;
};

}  // namespace cockpit

namespace cockpit {

// Names of the bundled presets, in menu order, with a one-line description each.
struct PresetInfo {
    QString name;
    QString description;
};
QList<PresetInfo> bundledPresets();

// Writes .release-cockpit/ (policy.yml and checklists/) from a bundled preset into dir, which
// must be a git repository; refuses to overwrite an existing policy.
// The preset's policy names the project: `project` is what it writes there (empty: the name of
// the repository's directory, never the preset's example project).
Status initWorkspaceFromPreset(const QString &dir, const QString &preset, const QString &project = {});

}  // namespace cockpit
