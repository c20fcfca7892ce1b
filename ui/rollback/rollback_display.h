#pragma once
// How rollbacks read on screen, shared by the header's panel, the plan and run dialogs and the
// Incidents tab: durations and the rollback window in words, step kinds and states as an icon
// plus a word (colour is never the only signal), a step's resolved call with every argument
// visibly on its own, and the shared RollbackService behind the panel and the tab.
#include "rollback.h"

#include <QColor>
#include <QIcon>
#include <chrono>
#include <memory>
#include <optional>

class QWidget;

namespace cockpit {

class Session;
class RollbackService;


// "3 h 12 min", "12 min", "45 s" (the two largest units, for a person watching a clock).
QString formatSpan(std::chrono::seconds span);

// The rollback window of a deployment: "Rollback window 3 h 12 min left" or, once it has
// passed, "Rollback window closed 2 h ago". A zero window (none in the policy) reads so.
struct RollbackWindow {
    QDateTime deployedAt;  // UTC, the last deployment
    std::chrono::seconds length {0};
    QDateTime asOf;  // when it is judged (the panel's clock); invalid = now
    // A canary still running there (its share): the old version still serves, the window has not
    // begun; it begins when the canary reaches 100% (deployedAt is then that time).
    std::optional<int> canaryPercent;
    [[nodiscard]] bool known() const { return deployedAt.isValid() && length.count() > 0; }
    [[nodiscard]] bool expired(const QDateTime &now) const;
    [[nodiscard]] QString text(const QDateTime &now) const;
};

QString stepKindTitle(RollbackStepKind kind);  // "Command", "Shell", "HTTP call", "Probe", "Manual"
QIcon stepKindIcon(RollbackStepKind kind);
QString stepStateTitle(RollbackStepState state);  // "Succeeded", "Timed out", "Interrupted"
QString stepStateGlyph(RollbackStepState state);  // a symbol that reads without colour
QColor stepStateColor(RollbackStepState state);
QIcon stepStateIcon(RollbackStepState state);
QIcon waitingIcon();  // a step waiting for a person
QString rollbackStateTitle(RollbackState state);  // "Waiting for approval", "Halted", ...

// The step's resolved call as rich text: argv with each argument in its own box, the HTTP
// request, the probed environment or the manual instruction; then timeout and condition.
QString stepCallHtml(const PlannedRollbackStep &step);
// The same as plain text: arguments separated by " · " so each stays visible on its own.
QString stepCallText(const PlannedRollbackStep &step);
QString stepLimitsText(const PlannedRollbackStep &step);  // "timeout 60 s · only if: schema changed"
// How long the step ran (or has been running, against now); empty before it started.
QString stepDurationText(const RollbackStepRecord &step, const QDateTime &now);

// The style sheet of the one destructive button of a window (Rollback, Roll Back).
QString destructiveButtonStyle();

// Brings the window's tab with this object name to the front ("incidentTab", "checklistView").
bool raiseReleaseTab(QWidget *from, const QString &tabObjectName);

}  // namespace cockpit
