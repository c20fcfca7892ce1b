#pragma once
// Values reach `shell:` lines (rollback steps, gates) only as environment variables, never pasted
// into the line's text: quoting cannot be trusted against here-docs and the shell's own quoting.
// One table maps each placeholder to its variable ({reason} -> RELEASE_REASON); a shell line that
// still writes a known {placeholder} is refused at policy load, naming the variable to use.
#include "error.h"
#include "policy.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>

namespace cockpit {

struct ShellVariable {
    QString placeholder;  // "reason" (written {reason} in run:, http:, manual: steps)
    QString variable;  // "RELEASE_REASON" (written "$RELEASE_REASON" in shell: lines)
};

// The table, in documentation order (docs/rollback.md has the same one).
const QList<ShellVariable> &shellVariables();

// "RELEASE_REASON" for "reason"; empty for a name that is not in the table.
QString shellVariableFor(const QString &placeholder);

// The environment a step's process gets on top of the inherited one: RELEASE_* -> value for
// every placeholder of the plan that is in the table (an empty value is still set, as "").
QMap<QString, QString> shellEnvironment(const QMap<QString, QString> &placeholders);

// BadInput at the placeholder's own file:line:col when `line` writes a known {placeholder}
// (${name} is the shell's expansion and left alone). `start` is where the YAML scalar starts;
// `source` the policy text, used to find the placeholder's column (empty: `start` is used).
Status checkShellLine(
    const QString &line, const QString &what, const SourceLocation &start, const QByteArray &source);

// checkShellLine over every gate's and rollback step's shell: line of a parsed policy.
Status checkShellLines(const Policy &policy, const QByteArray &source);

}  // namespace cockpit
