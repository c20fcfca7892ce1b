#pragma once
// A checklist instantiated from Markdown task lists: phases > sections > items. A phase is one
// template file (pre-release.md); sections are its headings; items are its "- [ ]" lines.
#include "error.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace cockpit {

enum class ItemState { Open, Done, Failed, NotApplicable };

QString itemStateName(ItemState state);  // "open", "done", "failed", "na"
std::optional<ItemState> itemStateFromName(const QString &name);

struct ChecklistItem {
    QString key;  // stable id "<phase>.<n>", n 1-based within the phase: "pre-release.3"
    QString text;  // the item's Markdown text, without the checkbox and binding comment
    QString check;  // automated check binding from <!-- check: soak staging -->, or empty
    QString condition;  // condition from "(if security changes)" or <!-- if: ... -->, or empty
    int sourceLine = 0;  // 1-based line in the template

    // Run-time state (not part of the template).
    ItemState state = ItemState::Open;
    QString who;  // person id (git email or database login)
    QDateTime when;  // UTC
    QString note;
    QString naReason;  // required when state == NotApplicable
    QString evidence;  // result that ticked an automated item, or a link
    // The saved row's version (optimistic concurrency). A save naming a version (> 0) is refused
    // with Conflict when someone saved the item since; 0 saves whatever is there now.
    int rowVersion = 0;
};

// Whether an item's binding ("soak staging", "tag", "gate Unit Tests") is the check kind/target
// that produced a result. A binding without a target ("tag", "changelog") matches any target.
bool checkBindingMatches(const QString &binding, const QString &kind, const QString &target);

struct ChecklistSection {
    QString title;  // heading text; empty for items before the first heading
    int level = 0;  // heading level, 0 for the implicit section
    QList<ChecklistItem> items;
};

struct ChecklistPhase {
    QString name;  // file base name: "pre-release"
    QString title;  // first heading, or the name
    QString source;  // the template Markdown exactly as read
    QList<ChecklistSection> sections;

    [[nodiscard]] int itemCount() const;
    [[nodiscard]] int closedCount() const;  // done or N/A
};

struct Checklist {
    QList<ChecklistPhase> phases;

    [[nodiscard]] ChecklistItem *findItem(const QString &key);
    [[nodiscard]] const ChecklistItem *findItem(const QString &key) const;
    [[nodiscard]] int itemCount() const;
    [[nodiscard]] int closedCount() const;
    [[nodiscard]] int failedCount() const;
};

}  // namespace cockpit
