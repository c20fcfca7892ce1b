#pragma once
// Conventional Commits 1.0 (conventionalcommits.org): "type(scope)!: description", footers such
// as "BREAKING CHANGE: ...", and the pull request numbers GitHub writes into subjects.
#include <QList>
#include <QString>

namespace cockpit {

struct ConventionalCommit {
    bool conventional = false;  // the subject has the "type(scope): description" shape
    QString type;  // lower-case ("feat"); empty when not conventional
    QString scope;
    QString description;  // the subject's text after ": " (the whole subject when not conventional)
    bool breaking = false;  // "!" before the colon or a BREAKING CHANGE footer
    QString breakingNote;  // the footer's text, else the description when only "!" says so
    QList<int> pullRequests;  // "(#123)" in the subject, "Merge pull request #123"
};

ConventionalCommit parseConventionalCommit(const QString &subject, const QString &body);

// "feat" -> "Added", "fix" -> "Fixed", ... : the Keep a Changelog section a commit's entry goes to
// (a breaking change goes to Changed, a revert or removal to Removed). Empty for exempt-looking types.
QString changelogSectionFor(const ConventionalCommit &commit);

}  // namespace cockpit
