// release-cockpit: with no command it opens the window; with one it runs headless.
#include "cli/cli_context.h"
#include "gui_main.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>

using namespace cockpit;

namespace {

void addOptions(QCommandLineParser &p)
{
    p.setApplicationDescription(QStringLiteral(
        "Release Cockpit: take a release from \"all PRs merged\" to \"soak passed\" or \"rolled back\", with "
        "evidence.\n\n"
        "Commands (none, or a workspace directory, opens the window):\n"
        "  init --preset NAME                  write .release-cockpit/ into the workspace\n"
        "  demo [--dir DIR] [--no-open]        build the demo workspace and open it\n"
        "  policy check                        validate the policy and checklists\n"
        "  release new VERSION [--commit REF] [--type T] [--target-date D]\n"
        "  release status VERSION | release list | release deployed VERSION --env ENV\n"
        "  checklist show VERSION [--markdown]\n"
        "  checklist tick VERSION ITEM [--note T] [--na REASON | --fail | --reopen]\n"
        "  changelog lint | changelog coverage [--from REF] [--to REF] | changelog cut VERSION [--date D]\n"
        "  tag create VERSION [--commit REF] [-m MSG] | tag verify VERSION [--commit SHA] | tag promote RC\n"
        "  probe ENV                           health/ready/live, version fingerprint, headers\n"
        "  soak evaluate VERSION --env ENV [--from T] [--to T]\n"
        "  signoff VERSION --role ROLE [--reject --reason T]\n"
        "  rollback VERSION (--dry-run | --confirm VERSION) [--reason T] | rollback VERSION --approve\n"
        "  release unlock VERSION --reason T   lift the deploy lock a rollback left\n"
        "  evidence export VERSION --out FILE.zip | evidence show FILE.zip\n"
        "  notify VERSION [--template NAME] [--post]   render (and post) a communication\n"
        "  calendar [--from D] [--months N]    upcoming releases and code freezes\n"
        "  metrics [--from D] [--to D]         DORA metrics from the store and git\n"
        "  audit verify                        walk the audit log's hash chain\n\n"
        "Exit codes: 0 ok, 1 failed, 2 inconclusive, 64 usage, 65 bad input, 69 service unavailable, 70 "
        "internal."));
    p.addHelpOption();
    p.addVersionOption();
    p.addOptions({
        {QStringLiteral("workspace"),
            QStringLiteral("The workspace (default: the git repository around the current directory)."),
            QStringLiteral("DIR")},
        {QStringLiteral("db"), QStringLiteral("The database: a SQLite path or postgresql:// URL."),
            QStringLiteral("URL")},
        {QStringLiteral("prometheus"), QStringLiteral("Prometheus URL (overrides the policy)."),
            QStringLiteral("URL")},
        {QStringLiteral("json"), QStringLiteral("Machine output on stdout, one JSON document.")},
        {QStringLiteral("preset"), QStringLiteral("init: the preset to write."), QStringLiteral("NAME")},
        {QStringLiteral("dir"), QStringLiteral("demo: where to build the demo workspace."),
            QStringLiteral("DIR")},
        {QStringLiteral("no-open"), QStringLiteral("demo: build it, do not open the window.")},
        {QStringLiteral("commit"), QStringLiteral("release new: pin the release to this commit."),
            QStringLiteral("REF")},
        {QStringLiteral("type"), QStringLiteral("release new: the release type (default: inferred)."),
            QStringLiteral("TYPE")},
        {QStringLiteral("target-date"), QStringLiteral("release new: the target date."),
            QStringLiteral("YYYY-MM-DD")},
        {QStringLiteral("markdown"), QStringLiteral("checklist show: print the checklist as Markdown.")},
        {QStringLiteral("note"), QStringLiteral("checklist tick: a note for the item."),
            QStringLiteral("TEXT")},
        {QStringLiteral("na"), QStringLiteral("checklist tick: mark not applicable, with the reason."),
            QStringLiteral("REASON")},
        {QStringLiteral("fail"), QStringLiteral("checklist tick: mark the item failed.")},
        {QStringLiteral("reopen"), QStringLiteral("checklist tick: mark the item open again.")},
        {QStringLiteral("from"),
            QStringLiteral("changelog coverage: from this ref; soak evaluate: window start."),
            QStringLiteral("REF|TIME")},
        {QStringLiteral("to"),
            QStringLiteral("changelog coverage: up to this ref; soak evaluate: window end."),
            QStringLiteral("REF|TIME")},
        {QStringLiteral("date"), QStringLiteral("changelog cut: the release date (default: today)."),
            QStringLiteral("YYYY-MM-DD")},
        {{QStringLiteral("m"), QStringLiteral("message")},
            QStringLiteral("tag create: the tag message (default: from the policy's template)."),
            QStringLiteral("MSG")},
        {QStringLiteral("remote"), QStringLiteral("tag create|promote: push the tag to this remote."),
            QStringLiteral("NAME")},
        {QStringLiteral("env"), QStringLiteral("soak evaluate, release deployed: the environment."),
            QStringLiteral("ENV")},
        {QStringLiteral("role"), QStringLiteral("signoff: the role signed for."), QStringLiteral("ROLE")},
        {QStringLiteral("reject"), QStringLiteral("signoff: reject instead of approve (needs --reason).")},
        {QStringLiteral("reason"), QStringLiteral("signoff --reject: why."), QStringLiteral("TEXT")},
        {QStringLiteral("withdraw"), QStringLiteral("signoff: withdraw your sign-off for the role.")},
        {QStringLiteral("dry-run"), QStringLiteral("rollback: print the plan, run nothing.")},
        {QStringLiteral("confirm"), QStringLiteral("rollback: the version typed again, to run the steps."),
            QStringLiteral("VERSION")},
        {QStringLiteral("approve"),
            QStringLiteral("rollback: approve a pending rollback as the second person.")},
        {QStringLiteral("resume"), QStringLiteral("rollback: continue an interrupted or halted rollback.")},
        {QStringLiteral("skip"), QStringLiteral("rollback --resume: skip the halted step, with the reason."),
            QStringLiteral("REASON")},
        {QStringLiteral("out"), QStringLiteral("evidence export: the zip to write."), QStringLiteral("FILE")},
        {QStringLiteral("template"), QStringLiteral("notify: the notification's name in the policy."),
            QStringLiteral("NAME")},
        {QStringLiteral("post"), QStringLiteral("notify: post to the webhook kept in the keychain.")},
        {QStringLiteral("months"), QStringLiteral("calendar: how many months ahead (default 3)."),
            QStringLiteral("N")},
        {QStringLiteral("new-instance"),
            QStringLiteral("Window: open even when a cockpit runs (else it takes over).")},
        {QStringLiteral("screenshot"),
            QStringLiteral("Window: save a screenshot once the workspace is shown, then quit."),
            QStringLiteral("FILE")},
    });
    p.addPositionalArgument(QStringLiteral("command"), QStringLiteral("The command and its arguments."),
        QStringLiteral("[command...]"));
}

bool isCommandWord(const QString &word)
{
    static const QStringList commands {QStringLiteral("init"), QStringLiteral("demo"),
        QStringLiteral("policy"), QStringLiteral("release"), QStringLiteral("checklist"),
        QStringLiteral("audit"), QStringLiteral("changelog"), QStringLiteral("tag"), QStringLiteral("probe"),
        QStringLiteral("soak"), QStringLiteral("signoff"), QStringLiteral("rollback"),
        QStringLiteral("evidence"), QStringLiteral("notify"), QStringLiteral("calendar"),
        QStringLiteral("metrics")};
    return commands.contains(word);
}

int dispatch(cli::CliContext &ctx)
{
    const QString command = ctx.words().value(0);
    if (command == QLatin1String("init") && ctx.words().size() == 1)
        return cli::runInit(ctx);
    if (command == QLatin1String("demo") && ctx.words().size() == 1)
        return cli::runDemo(ctx, !ctx.isSet(QStringLiteral("no-open")));
    if (command == QLatin1String("policy") && ctx.words().value(1) == QLatin1String("check")
        && ctx.words().size() == 2)
        return cli::runPolicyCheck(ctx);
    if (command == QLatin1String("release"))
        return cli::runRelease(ctx);
    if (command == QLatin1String("checklist"))
        return cli::runChecklist(ctx);
    if (command == QLatin1String("audit"))
        return cli::runAudit(ctx);
    if (command == QLatin1String("changelog"))
        return cli::runChangelog(ctx);
    if (command == QLatin1String("tag"))
        return cli::runTag(ctx);
    if (command == QLatin1String("probe"))
        return cli::runProbe(ctx);
    if (command == QLatin1String("soak"))
        return cli::runSoak(ctx);
    if (command == QLatin1String("signoff"))
        return cli::runSignoff(ctx);
    if (command == QLatin1String("rollback"))
        return cli::runRollback(ctx);
    if (command == QLatin1String("evidence"))
        return cli::runEvidence(ctx);
    if (command == QLatin1String("notify"))
        return cli::runNotify(ctx);
    if (command == QLatin1String("calendar"))
        return cli::runCalendar(ctx);
    if (command == QLatin1String("metrics"))
        return cli::runMetrics(ctx);
    return ctx.usage(QStringLiteral("unknown command '%1'").arg(ctx.words().join(QLatin1Char(' '))));
}

}  // namespace

int main(int argc, char *argv[])
{
    // Debug output is for developers who ask for it (QT_LOGGING_RULES); users see warnings only.
    QLoggingCategory::setFilterRules(QStringLiteral("cockpit.*.debug=false\ncockpit.*.info=false"));
    QStringList args;
    for (int i = 0; i < argc; ++i)
        args << QString::fromLocal8Bit(argv[i]);
    QCommandLineParser parser;
    addOptions(parser);
    // Peek: only the window and `demo` (which opens it) need a QApplication and a display.
    parser.parse(args);
    const QStringList words = parser.positionalArguments();
    // --help and --version print and leave: they must work without a display (man pages, packages).
    const bool printsAndLeaves
        = parser.isSet(QStringLiteral("help")) || parser.isSet(QStringLiteral("version"));
    // `release-cockpit DIR` opens the workspace DIR in the window (file managers, the desktop file).
    const bool opensDir = words.size() == 1 && !isCommandWord(words[0]) && QFileInfo(words[0]).isDir();
    const bool wantsGui = ((words.isEmpty() || opensDir) && !printsAndLeaves)
        || (words.value(0) == QLatin1String("demo") && !parser.isSet(QStringLiteral("no-open"))
            && !parser.isSet(QStringLiteral("json")));
    std::unique_ptr<QCoreApplication> app = wantsGui ? std::make_unique<QApplication>(argc, argv)
                                                     : std::make_unique<QCoreApplication>(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("ReleaseCockpit"));
    QCoreApplication::setApplicationName(QStringLiteral("release-cockpit"));
    QCoreApplication::setApplicationVersion(QStringLiteral(COCKPIT_VERSION));
    if (!parser.parse(args)) {
        std::fprintf(
            stderr, "release-cockpit: %s\nTry 'release-cockpit --help'.\n", qPrintable(parser.errorText()));
        return cli::Usage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        std::fputs(qPrintable(parser.helpText()), stdout);
        return 0;
    }
    if (parser.isSet(QStringLiteral("version"))) {
        std::printf("release-cockpit %s\n", COCKPIT_VERSION);
        return 0;
    }
    if (opensDir)
        return runGui(parser, QDir(words[0]).absolutePath(), true, nullptr);
    cli::CliContext ctx(parser, words);
    if (words.isEmpty())
        return runGui(parser, ctx.workspaceDir(), parser.isSet(QStringLiteral("workspace")), nullptr);
    const int code = dispatch(ctx);
    if (code != 0 || ctx.guiWorkspace().isEmpty())
        return code;
    return runGui(parser, ctx.guiWorkspace(), true, ctx.takeStore());
}
