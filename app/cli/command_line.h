#pragma once
// Reads argv against the command table: which command, its own options (plus the global ones),
// its positionals; answers --help per command and group, and turns every mistake into a usage
// error (exit 64) that names the command and shows its usage line.
#include "command_table.h"
#include "error.h"

#include <QCommandLineParser>
#include <memory>

namespace cockpit::cli {

struct CommandLine {
    enum class Action { Run, Window, Help, Version, Man };
    Action action = Action::Run;
    const CliCommand *command = nullptr;  // null: the window (or the top-level help)
    QStringList group;  // --help on a group: the group's path
    QStringList words;  // the command's words and its positionals
    QString openDir;  // `release-cockpit DIR`: the window on that workspace
    std::shared_ptr<QCommandLineParser> parser;  // holds exactly the options this command accepts
};

// args[0] is the program. An Error (code Usage) carries the whole message for stderr.
Result<CommandLine> parseCommandLine(const QStringList &args);

// The text --help prints: for the whole program (no command, no group), a group, or a command.
QString helpText(const CommandLine &line);

// Prints what --help, --version and --man ask for and returns the exit code; nullopt when the
// line asks to run a command or open the window.
std::optional<int> answerWithoutRunning(const CommandLine &line);
// Prints a usage error from parseCommandLine and returns 64.
int reportUsage(const Error &error);

// Parses, prints help or a usage error, and runs a headless command in this process: what the
// executable does short of opening a window (tests call commands through it).
int runCommandLine(const QStringList &args);

}  // namespace cockpit::cli
