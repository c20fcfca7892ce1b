#pragma once
// The command line as data: every command with its arguments, options, help and entry point.
// Dispatch, --help, the man page and shell completion all read this one table, so a command
// added here appears everywhere and a command missing here exists nowhere.
#include <QList>
#include <QString>
#include <QStringList>

namespace cockpit::cli {

class CliContext;

struct CliOption {
    QStringList names;  // {"m", "message"}: one-letter names are short options (-m)
    QString valueName;  // empty: a flag
    QString description;
    bool required = false;

    [[nodiscard]] QString longName() const { return names.last(); }
    [[nodiscard]] QString spelled() const;  // "--env ENV", "-m MSG", "--json"
};

struct CliCommand {
    QStringList path;  // {"soak", "evaluate"}
    QString arguments;  // the positionals as the usage line shows them: "VERSION ITEM", "[CHANNEL]"
    int minArgs = 0;
    int maxArgs = 0;
    QString summary;  // one line: top-level help, group help, man page, zsh completion
    QList<CliOption> options;  // the command's own; the global options come on top
    int (*run)(CliContext &) = nullptr;
    QString section;  // the man page's subsection
    QString optionUsage;  // when options exclude each other: "(--dry-run | --confirm VERSION)"

    [[nodiscard]] QString name() const { return path.join(QLatin1Char(' ')); }
    // "soak evaluate VERSION --env ENV [--from T] [--to T]"
    [[nodiscard]] QString synopsis() const;
    [[nodiscard]] const CliOption *option(const QString &name) const;
};

// --workspace, --db, --prometheus, --json: accepted by every command.
const QList<CliOption> &globalOptions();
// --new-instance, --screenshot: for the window (no command, or demo, which opens it).
const QList<CliOption> &windowOptions();
// Every command, in the order help and the man page list them.
const QList<CliCommand> &commandTable();

// The command whose path is words[0..n) for the largest n, or null.
const CliCommand *findCommand(const QStringList &words);
// The longest prefix of words that names a group of commands ({"release"}, {"notify", "webhook"}).
QStringList findGroup(const QStringList &words);
// The commands under a group path (every command for an empty path).
QList<const CliCommand *> commandsUnder(const QStringList &group);
// Whether an option spelled with this name (without dashes) anywhere in the table takes a value.
bool optionTakesValue(const QString &name);

}  // namespace cockpit::cli
