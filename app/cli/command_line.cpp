#include "command_line.h"

#include "cli_context.h"
#include "cli_manual.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace cockpit::cli {
namespace {

const QString kProgram = u"release-cockpit"_s;

// The words that are not options, so the command can be found before its options are known.
// Which options take a value comes from the table, so `--db X release list` skips X.
QStringList wordsOf(const QStringList &args)
{
    QStringList words;
    for (qsizetype i = 1; i < args.size(); ++i) {
        const QString &a = args[i];
        if (a == u"--") {
            words += args.mid(i + 1);
            break;
        }
        if (a.size() < 2 || !a.startsWith(u'-')) {
            words << a;
            continue;
        }
        const bool isLong = a.startsWith(u"--");
        const QString name = a.mid(isLong ? 2 : 1);
        // --name=value and compacted -mMSG carry their value; the rest may take the next word.
        if (!name.contains(u'=') && (isLong || name.size() == 1) && optionTakesValue(name))
            ++i;
    }
    return words;
}

std::shared_ptr<QCommandLineParser> parserFor(const QList<CliOption> &options, bool root)
{
    auto parser = std::make_shared<QCommandLineParser>();
    parser->addOption({{u"h"_s, u"help"_s}, u"show this help"_s});
    if (root) {
        parser->addOption({{u"v"_s, u"version"_s}, u"print the version"_s});
        // The man page's commands and options, generated from the table at build time.
        QCommandLineOption man(u"man"_s, u"print the man page"_s);
        man.setFlags(QCommandLineOption::HiddenFromHelp);
        parser->addOption(man);
    }
    for (const CliOption &o : options)
        parser->addOption(QCommandLineOption(o.names, o.description, o.valueName));
    return parser;
}

QString dashed(const QString &name)
{
    return (name.size() == 1 ? u"-"_s : u"--"_s) + name;
}

Error usageError(const QString &who, const QString &problem, const QString &usage, const QString &helpFor)
{
    QString text = u"%1: %2\n"_s.arg(who, problem);
    if (!usage.isEmpty())
        text += u"Usage: %1\n"_s.arg(usage);
    text += u"Try '%1 --help'."_s.arg(helpFor);
    return {ErrorCode::Usage, text, {}};
}

// The parser's own complaint when it is not an unknown option: a missing value.
Error parseError(
    const QString &who, const QCommandLineParser &parser, const QString &usage, const QString &helpFor)
{
    const QStringList unknown = parser.unknownOptionNames();
    if (!unknown.isEmpty())
        return usageError(who, u"unknown option '%1'"_s.arg(dashed(unknown.first())), usage, helpFor);
    QString problem = parser.errorText();  // "Missing value after '--env'."
    if (problem.endsWith(u'.'))
        problem.chop(1);
    if (!problem.isEmpty())
        problem[0] = problem[0].toLower();
    return usageError(who, problem, usage, helpFor);
}

QString groupUsage(const QStringList &group)
{
    QStringList lines;
    for (const CliCommand *c : commandsUnder(group))
        lines << kProgram + u' ' + c->synopsis();
    return lines.join(u"\n       "_s);
}

Result<CommandLine> parseGroup(const QStringList &args, const QStringList &words, const QStringList &group)
{
    CommandLine line;
    line.group = group;
    line.parser = parserFor(globalOptions(), false);
    const bool parsed = line.parser->parse(args);
    const QString who = kProgram + u' ' + group.join(u' ');
    if (line.parser->isSet(u"help"_s)) {
        line.action = CommandLine::Action::Help;
        return line;
    }
    if (!parsed)
        return std::unexpected(parseError(who, *line.parser, groupUsage(group), who));
    const QString problem = words.size() == group.size() ? u"missing command (%1)"_s.arg([&] {
        QStringList next;
        for (const CliCommand *c : commandsUnder(group))
            if (!next.contains(c->path[group.size()]))
                next << c->path[group.size()];
        return next.join(u", "_s);
    }())
                                                         : u"unknown command '%1'"_s.arg(words[group.size()]);
    return std::unexpected(usageError(who, problem, groupUsage(group), who));
}

// The count of positionals and the required options, once the parser accepted the options.
std::optional<QString> missingOrExtra(
    const CliCommand &command, const QCommandLineParser &parser, const QStringList &words)
{
    const qsizetype given = words.size() - command.path.size();
    const QStringList names = command.arguments.split(u' ', Qt::SkipEmptyParts);
    if (given < command.minArgs)
        return u"missing argument %1"_s.arg(names.value(given).remove(u'[').remove(u']'));
    if (given > command.maxArgs)
        return u"unexpected argument '%1'"_s.arg(words[command.path.size() + command.maxArgs]);
    for (const CliOption &o : command.options)
        if (o.required && !parser.isSet(o.longName()))
            return u"missing %1"_s.arg(o.spelled());
    return std::nullopt;
}

Result<CommandLine> parseCommand(const QStringList &args, const CliCommand &command)
{
    CommandLine line;
    line.command = &command;
    line.parser = parserFor(globalOptions() + command.options, false);
    const bool parsed = line.parser->parse(args);
    const QString who = kProgram + u' ' + command.name();
    const QString usage = kProgram + u' ' + command.synopsis();
    if (line.parser->isSet(u"help"_s)) {
        line.action = CommandLine::Action::Help;
        return line;
    }
    if (!parsed)
        return std::unexpected(parseError(who, *line.parser, usage, who));
    line.words = line.parser->positionalArguments();
    if (auto problem = missingOrExtra(command, *line.parser, line.words))
        return std::unexpected(usageError(who, *problem, usage, who));
    return line;
}

Result<CommandLine> parseRoot(const QStringList &args, const QStringList &words)
{
    CommandLine line;
    line.parser = parserFor(globalOptions() + windowOptions(), true);
    const bool parsed = line.parser->parse(args);
    if (line.parser->isSet(u"help"_s))
        line.action = CommandLine::Action::Help;
    else if (line.parser->isSet(u"version"_s))
        line.action = CommandLine::Action::Version;
    else if (line.parser->isSet(u"man"_s))
        line.action = CommandLine::Action::Man;
    if (line.action != CommandLine::Action::Run)
        return line;
    if (!parsed)
        return std::unexpected(parseError(kProgram, *line.parser, {}, kProgram));
    // `release-cockpit DIR` opens the workspace DIR in the window (file managers, the desktop file).
    if (words.size() == 1 && QFileInfo(words[0]).isDir())
        line.openDir = words[0];
    else if (!words.isEmpty())
        return std::unexpected(
            usageError(kProgram, u"unknown command '%1'"_s.arg(words.join(u' ')), {}, kProgram));
    line.action = CommandLine::Action::Window;
    line.words = words;
    return line;
}

}  // namespace

Result<CommandLine> parseCommandLine(const QStringList &args)
{
    const QStringList words = wordsOf(args);
    const CliCommand *command = findCommand(words);
    const QStringList group = findGroup(words);
    if (group.size() > (command ? command->path.size() : 0))
        return parseGroup(args, words, group);
    if (command)
        return parseCommand(args, *command);
    return parseRoot(args, words);
}

std::optional<int> answerWithoutRunning(const CommandLine &line)
{
    switch (line.action) {
    case CommandLine::Action::Help:
        std::fputs(helpText(line).toUtf8().constData(), stdout);
        return Ok;
    case CommandLine::Action::Version:
        std::printf("%s %s\n", qPrintable(kProgram), qPrintable(QCoreApplication::applicationVersion()));
        return Ok;
    case CommandLine::Action::Man:
        std::fputs(manSections().toUtf8().constData(), stdout);
        return Ok;
    case CommandLine::Action::Window:
    case CommandLine::Action::Run:
        break;
    }
    return std::nullopt;
}

int reportUsage(const Error &error)
{
    std::fprintf(stderr, "%s\n", error.message.toUtf8().constData());
    return Usage;
}

int runCommandLine(const QStringList &args)
{
    auto line = parseCommandLine(args);
    if (!line)
        return reportUsage(line.error());
    if (const auto answered = answerWithoutRunning(*line))
        return *answered;
    if (line->action == CommandLine::Action::Window)
        return reportUsage({ErrorCode::Usage,
            u"%1: no command given (the window does not open in-process)"_s.arg(kProgram), {}});
    CliContext ctx(*line->parser, line->words);
    return line->command->run(ctx);
}

}  // namespace cockpit::cli
