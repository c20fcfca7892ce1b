#include "shell_variables.h"

#include <QRegularExpression>
#include <QStringList>

namespace cockpit {

namespace {

// Where `needle` first occurs at or after `start` in the policy text (a placeholder is plain
// ASCII with no escapes, so it reads the same in a plain, quoted or block scalar).
SourceLocation locate(const QByteArray &source, const SourceLocation &start, const QString &needle)
{
    if (source.isEmpty() || start.line <= 0)
        return start;
    const QStringList lines = QString::fromUtf8(source).split(u'\n');
    for (qsizetype l = start.line - 1; l < lines.size(); ++l) {
        const qsizetype from = l == start.line - 1 ? qMax(0, start.column - 1) : 0;
        const qsizetype at = lines.at(l).indexOf(needle, from);
        if (at >= 0)
            return SourceLocation {start.file, int(l + 1), int(at + 1)};
    }
    return start;
}

}  // namespace

const QList<ShellVariable> &shellVariables()
{
    static const QList<ShellVariable> table {
        {QStringLiteral("version"), QStringLiteral("RELEASE_VERSION")},
        {QStringLiteral("tag"), QStringLiteral("RELEASE_TAG")},
        {QStringLiteral("commit"), QStringLiteral("RELEASE_COMMIT")},
        {QStringLiteral("env"), QStringLiteral("RELEASE_ENV")},
        {QStringLiteral("project"), QStringLiteral("RELEASE_PROJECT")},
        {QStringLiteral("component"), QStringLiteral("RELEASE_COMPONENT")},
        {QStringLiteral("rollback_tag"), QStringLiteral("RELEASE_ROLLBACK_TAG")},
        {QStringLiteral("rollback_version"), QStringLiteral("RELEASE_ROLLBACK_VERSION")},
        {QStringLiteral("rollback_sha"), QStringLiteral("RELEASE_ROLLBACK_SHA")},
        {QStringLiteral("reason"), QStringLiteral("RELEASE_REASON")},
        {QStringLiteral("trigger"), QStringLiteral("RELEASE_TRIGGER")},
    };
    return table;
}

QString shellVariableFor(const QString &placeholder)
{
    for (const ShellVariable &v : shellVariables()) {
        if (v.placeholder == placeholder)
            return v.variable;
    }
    return {};
}

QMap<QString, QString> shellEnvironment(const QMap<QString, QString> &placeholders)
{
    QMap<QString, QString> env;
    for (const ShellVariable &v : shellVariables()) {
        if (placeholders.contains(v.placeholder))
            env.insert(v.variable, placeholders.value(v.placeholder));
    }
    return env;
}

Status checkShellLine(
    const QString &line, const QString &what, const SourceLocation &start, const QByteArray &source)
{
    static const QRegularExpression token(QStringLiteral("\\{([a-z_][a-z0-9_]*)\\}"));
    for (auto it = token.globalMatch(line); it.hasNext();) {
        const auto m = it.next();
        if (m.capturedStart() > 0 && line.at(m.capturedStart() - 1) == u'$')
            continue;  // ${name}: the shell's own expansion
        const QString variable = shellVariableFor(m.captured(1));
        if (variable.isEmpty())
            continue;  // not a placeholder: the line means it literally
        return fail(ErrorCode::BadInput,
            QStringLiteral("%1: use \"$%2\" instead of %3; a shell line gets values only as environment "
                           "variables, never pasted into its text")
                .arg(what, variable, m.captured()),
            locate(source, start, m.captured()));
    }
    return {};
}

Status checkShellLines(const Policy &policy, const QByteArray &source)
{
    for (qsizetype i = 0; i < policy.gates.size(); ++i) {
        const QString path = QStringLiteral("gates[%1].shell").arg(i);
        const QString what = QStringLiteral("gate '%1' (shell)").arg(policy.gates.at(i).name);
        if (Status ok = checkShellLine(policy.gates.at(i).shell, what, policy.locationOf(path), source); !ok)
            return ok;
    }
    for (qsizetype i = 0; i < policy.rollbackSteps.size(); ++i) {
        const QString path = QStringLiteral("rollback.steps[%1].shell").arg(i);
        const QString what
            = QStringLiteral("rollback step '%1' (shell)").arg(policy.rollbackSteps.at(i).name);
        if (Status ok
            = checkShellLine(policy.rollbackSteps.at(i).shell, what, policy.locationOf(path), source);
            !ok)
            return ok;
    }
    return {};
}

}  // namespace cockpit
