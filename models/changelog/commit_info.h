#pragma once
// One commit as the changelog and release logic see it, filled in by the git service (libgit2)
// and by tests; no git types leak past services/.
#include <QDateTime>
#include <QStringList>

namespace cockpit {

struct CommitInfo {
    QString sha;  // full 40-hex id
    QString subject;  // first line of the message
    QString body;  // the rest of the message after the blank line, trailers included
    QString authorName;
    QString authorEmail;
    QDateTime time;  // author time, UTC
    QStringList parents;  // full ids, first parent first

    [[nodiscard]] bool isMerge() const { return parents.size() > 1; }
};

}  // namespace cockpit
