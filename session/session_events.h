#pragma once
// What the session tells the front ends as a use case lands: a typed event, never a sentence to
// parse. The window refreshes from it; the command line ignores what it does not print.
#include "checklist.h"

#include <QList>
#include <QMetaType>
#include <QString>

namespace cockpit {

// An automated check whose passing result ticks the checklist items bound to it.
enum class CheckKind { Changelog, Tag, Probe, Soak, Gate };

QString checkKindName(CheckKind kind);  // "changelog", "tag", ...: the binding's word

struct SessionEvent {
    enum class Kind {
        ItemChanged,  // a person set an item (items holds it)
        ItemsTicked,  // a check passed and ticked the items bound to it (may be empty)
        SoakRecorded,  // a finished soak was stored (environment, verdict)
        ReleaseChanged,  // the release record itself changed (state, commit)
        SignoffRecorded,  // a sign-off decision was stored
        GateRecorded,  // a gate result was stored (target: the gate, verdict: its status)
        FreezeChanged,  // stop-the-line started or lifted (verdict: "start" or "end")
        EnvironmentDrift,  // an environment runs something else than the cockpit deployed there
                           // (version: the release deployed; target: the environment; verdict: what runs)
        CanaryChanged,  // a canary moved (verdict: the trigger asking for a rollback, when one did)
        // An automatic rollback (issue 15) moved: target is the trigger, verdict "started",
        // "halted" (it waits for a person; traffic stays where it is), "finished" or "failed"
        // (it could not start: no plan, a rollback already open); detail says what and why.
        AutomaticRollback,
    };
    Kind kind = Kind::ItemChanged;
    QString version;
    CheckKind check = CheckKind::Changelog;  // ItemsTicked
    QString target;  // the check's environment, tag or gate; empty for the changelog
    QString verdict;  // SoakRecorded: "PASS", "FAIL", "INCONCLUSIVE"
    QList<ChecklistItem> items;
    QString detail;  // AutomaticRollback: one line a person can act on
    qint64 rollbackId = 0;  // AutomaticRollback, once the rollback is stored
};

}  // namespace cockpit

Q_DECLARE_METATYPE(cockpit::SessionEvent)
