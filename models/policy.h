#pragma once
// The workspace's release policy, .release-cockpit/policy.yml: who may do what, what each release
// type requires, where it is deployed and how it is soaked, gated and rolled back.
// Every key of PRODUCT.md's policy sketch is represented; later features add behaviour, not keys.
#include "error.h"

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <chrono>
#include <optional>

namespace cockpit {

struct ApprovalRequirement {
    QString role;
    int count = 1;
    QString condition;  // e.g. "changelog has Security"; empty = always
};

struct ReleaseTypePolicy {
    QString name;  // major, minor, patch, hotfix, ...
    QList<ApprovalRequirement> approvals;
    std::chrono::seconds rollbackWindow{0};
    QStringList checklists;  // template names under .release-cockpit/checklists/ without ".md"
    QString cadence;  // free text from the seed ("Bi-weekly")
};

struct EnvironmentPolicy {
    QString name;
    QString baseUrl;
    QStringList health;
    QString versionPath;
    QString versionPointer;
    QMap<QString, QString> headers;
    QString caFile;
};

struct SoakCheckPolicy {
    QString name;
    QString query;
    std::optional<double> max;
    std::optional<double> min;
    std::optional<std::chrono::seconds> baselineWindow;
    std::optional<double> baselineMaxRatio;
    std::chrono::seconds interval{0};
    std::optional<int> count;
    std::optional<std::chrono::seconds> duration;
    int failureLimit = 0;
    int consecutiveErrorLimit = 4;
    QString onNoData = QStringLiteral("inconclusive");  // or "fail"
};

struct TriggerPolicy {
    QString name;
    QString query;
    std::optional<double> max;
    std::optional<double> min;
    std::chrono::seconds forDuration{0};
    QString severity;
};

struct GatePolicy {
    QString name;
    QStringList run;  // argv
    QString probe;  // environment name
    QString soak;  // environment name
    QString check;  // named check
};

struct RollbackStepPolicy {
    QString name;
    QStringList run;  // argv, placeholders substituted per argument
    QString shell;  // explicit shell command (placeholders quoted)
    QString probe;
    QString manual;
    QString httpMethod;
    QString httpUrl;
    std::chrono::seconds timeout{0};
};

struct Policy {
    QString sourcePath;  // for error locations
    QString project;
    QString tagFormat = QStringLiteral("v{version}");
    QString changelogPath = QStringLiteral("CHANGELOG.md");
    QStringList changelogExtraSections;
    QStringList changelogExemptTypes;
    QMap<QString, QStringList> roles;  // role -> person ids
    bool singleOperator = false;
    QList<ReleaseTypePolicy> releaseTypes;
    QString hotfixBranchPattern;  // a branch matching this makes the release a hotfix
    QList<EnvironmentPolicy> environments;
    QString prometheusUrl;
    QString prometheusAuthSecret;
    std::chrono::seconds soakDuration{0};
    QList<SoakCheckPolicy> soakChecks;
    QList<TriggerPolicy> triggers;
    QList<GatePolicy> gates;
    QString rollbackTarget;
    QList<RollbackStepPolicy> rollbackSteps;

    [[nodiscard]] const ReleaseTypePolicy *releaseType(const QString &name) const;
    [[nodiscard]] QString tagFor(const QString &version) const;  // tag_format with {version}
};

}  // namespace cockpit
