// release-cockpit: with no command it opens the window; with one it runs headless. The command
// line itself (the table of commands, their options and help) is the cockpit_cli library.
#include "cli_context.h"
#include "command_line.h"
#include "gui_main.h"
#include "redactor.h"

#include <QApplication>
#include <QDir>
#include <QLoggingCategory>

using namespace cockpit;

namespace {

// Only the window and `demo` (which opens it) need a QApplication and a display; --help and
// --version must work without one (man pages, packages).
bool wantsGui(const Result<cli::CommandLine> &line)
{
    if (!line)
        return false;
    if (line->action == cli::CommandLine::Action::Window)
        return true;
    return line->action == cli::CommandLine::Action::Run && line->command->name() == QLatin1String("demo")
        && !line->parser->isSet(QStringLiteral("no-open")) && !line->parser->isSet(QStringLiteral("json"));
}

int openWindow(const cli::CommandLine &line)
{
    if (!line.openDir.isEmpty())
        return runGui(*line.parser, QDir(line.openDir).absolutePath(), true, nullptr);
    const cli::CliContext ctx(*line.parser, line.words);
    return runGui(*line.parser, ctx.workspaceDir(), line.parser->isSet(QStringLiteral("workspace")), nullptr);
}

}  // namespace

int main(int argc, char *argv[])
{
    // Debug output is for developers who ask for it (QT_LOGGING_RULES); users see warnings only.
    QLoggingCategory::setFilterRules(QStringLiteral("cockpit.*.debug=false\ncockpit.*.info=false"));
    Redactor::installMessageFilter();  // no secret of this process reaches a log line
    QStringList args;
    for (int i = 0; i < argc; ++i)
        args << QString::fromLocal8Bit(argv[i]);
    const auto line = cli::parseCommandLine(args);
    std::unique_ptr<QCoreApplication> app = wantsGui(line) ? std::make_unique<QApplication>(argc, argv)
                                                           : std::make_unique<QCoreApplication>(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("ReleaseCockpit"));
    QCoreApplication::setApplicationName(QStringLiteral("release-cockpit"));
    QCoreApplication::setApplicationVersion(QStringLiteral(COCKPIT_VERSION));
    if (!line)
        return cli::reportUsage(line.error());
    if (const auto answered = cli::answerWithoutRunning(*line))
        return *answered;
    if (line->action == cli::CommandLine::Action::Window)
        return openWindow(*line);
    cli::CliContext ctx(*line->parser, line->words);
    const int code = line->command->run(ctx);
    if (code != 0 || ctx.guiWorkspace().isEmpty())
        return code;
    return runGui(*line->parser, ctx.guiWorkspace(), true, ctx.takeStore());
}
