#pragma once
// Keep a Changelog lint: what a careful reviewer of a CHANGELOG.md would flag, each finding with a
// rule id and file:line:col. Rules and severities are listed in docs/changelog.md.
#include "changelog.h"
#include "error.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace cockpit {

enum class Severity { Error, Warning, Info };
QString severityName(Severity s);  // "error", "warning", "info"

struct LintDiagnostic {
    QString ruleId;  // "heading-format", "version-order", ...
    Severity severity = Severity::Warning;
    QString message;
    SourceLocation where;
};

struct LintOptions {
    QStringList extraSections;  // section names the policy allows besides the standard six
    // Versions ("3.7.0") that have a release tag; empty skips the "version with no tag" rule.
    QStringList knownTags;
    QString path;  // for the diagnostics' locations; the changelog's own path when empty
};

// Diagnostics in line order. text is the source the changelog was parsed from.
QList<LintDiagnostic> lintChangelog(
    const Changelog &changelog, const QByteArray &text, const LintOptions &opts);

int countSeverity(const QList<LintDiagnostic> &diagnostics, Severity severity);
// "path:line:col: rule: message" (path omitted when empty), the CLI's human format.
QString formatDiagnostic(const LintDiagnostic &d, bool withPath = true);

}  // namespace cockpit
