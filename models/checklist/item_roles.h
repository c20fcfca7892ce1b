#pragma once
// The custom item data roles of every Release Cockpit model. Models return raw values for these;
// display formatting lives in ui/ proxies and delegates.
#include <Qt>

namespace cockpit {

enum ItemRole {
    KindRole = Qt::UserRole + 1,  // ChecklistModel: NodeKind as int
    KeyRole,  // item key "pre-release.3", phase name, or section title
    StateRole,  // ItemState as int (items)
    WhoRole,  // QString
    WhenRole,  // QDateTime UTC
    NoteRole,  // QString
    NaReasonRole,  // QString
    EvidenceRole,  // QString
    CheckBindingRole,  // QString
    ConditionRole,  // QString
    ClosedCountRole,  // int, phases and sections: done + N/A items below
    TotalCountRole,  // int, phases and sections: items below
    FailedCountRole,  // int, phases and sections
    // ReleaseListModel
    VersionRole,
    ReleaseTypeRole,
    CommitRole,
    ReleaseStateRole,  // ReleaseState as int
    ManagerRole,
    CreatedAtRole,
    TargetDateRole,
    // AuditLogModel
    SeqRole,
    ActorRole,
    ActionRole,
    SubjectRole,
    BeforeRole,  // QJsonObject
    AfterRole,  // QJsonObject
    HashRole,
    // CommitCoverageModel (ui/commit_coverage_model.h)
    CommitShaRole,  // full SHA
    CoverageStateRole,  // CoverageState as int
    CommitTypeRole,  // Conventional Commits type ("feat"); empty when the subject has none
    CommitBreakingRole,  // bool
    CommitPrRole,  // int PR number; 0 when the subject cites none
    CoveredByRole,  // QString: the changelog entry that covers it
};

enum class NodeKind { Phase, Section, Item };

}  // namespace cockpit
