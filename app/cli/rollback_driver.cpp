#include "rollback_driver.h"

#include "rollback_plan.h"

#include <QEventLoop>
#include <QRegularExpression>
#include <cstdio>
#include <string>

namespace cockpit::cli {

namespace {

// One line from stdin, without its end; nullopt at end of input.
std::optional<QString> readLine()
{
    std::string line;
    int c = 0;
    bool any = false;
    while ((c = std::fgetc(stdin)) != EOF) {
        any = true;
        if (c == '\n')
            break;
        line.push_back(char(c));
    }
    if (!any)
        return std::nullopt;
    return QString::fromUtf8(line.data(), qsizetype(line.size())).trimmed();
}

struct Answer {
    enum Kind { Done, Skip, Eof } kind = Eof;
    QString text;
};

Answer ask(CliContext &ctx)
{
    for (;;) {
        ctx.err(QStringLiteral("  answer 'done [NOTE]' or 'skip REASON':"));
        const auto line = readLine();
        if (!line)
            return {Answer::Eof, {}};
        const QString word = line->section(u' ', 0, 0).toLower();
        const QString rest = line->section(u' ', 1).trimmed();
        if (word == u"done")
            return {Answer::Done, rest};
        if (word == u"skip" && !rest.isEmpty())
            return {Answer::Skip, rest};
        ctx.err(
            word == u"skip" ? QStringLiteral("  a skip needs a reason") : QStringLiteral("  not understood"));
    }
}

}  // namespace

QString displayArgv(const QStringList &argv)
{
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z0-9_./:=@%+,-]+$"));
    QStringList words;
    for (const QString &a : argv)
        words << (plain.match(a).hasMatch() ? a : shellQuote(a));
    return words.join(u' ');
}

QString rollbackStepLine(const RollbackRecord &record, int index)
{
    const RollbackStepRecord &s = record.steps.at(index);
    QString line = QStringLiteral("[%1/%2] %3: %4")
                       .arg(index + 1)
                       .arg(record.steps.size())
                       .arg(s.name, rollbackStepStateName(s.state).replace(u'_', u' '));
    if (s.state == RollbackStepState::Running)
        line += QStringLiteral(" (attempt %1)").arg(s.attempt);
    else if (!s.note.isEmpty())
        line += QStringLiteral(" (%1)").arg(s.note);
    return line;
}

RollbackDriveResult driveRollback(CliContext &ctx, RollbackService &service, const QString &version,
    qint64 rollbackId, const std::function<void()> &start)
{
    QEventLoop loop;
    RollbackDriveResult result {Failed, rollbackId};
    bool held = false;
    bool done = false;
    QList<RollbackStepState> shown;
    const auto stop = [&](int code) {
        result.exitCode = code;
        done = true;
        loop.quit();
    };
    QObject::connect(&service, &RollbackService::stepOutput, &loop,
        [](qint64, int, const QString &chunk) { std::fputs(chunk.toUtf8().constData(), stderr); });
    QObject::connect(&service, &RollbackService::rollbackChanged, &loop, [&](const RollbackRecord &r) {
        shown.resize(r.steps.size(), RollbackStepState::Pending);
        for (int i = 0; i < r.steps.size(); ++i) {
            if (r.steps.at(i).state != shown.at(i))
                ctx.err(rollbackStepLine(r, i));
            shown[i] = r.steps.at(i).state;
        }
    });
    QObject::connect(&service, &RollbackService::waitingForPerson, &loop,
        [&](qint64 id, int index, const QString &instruction) {
            ctx.err(QStringLiteral("[%1] waiting for you: %2").arg(index + 1).arg(instruction));
            const Answer answer = ask(ctx);
            if (answer.kind == Answer::Done) {
                service.confirmManual(id, true, answer.text);
            } else if (answer.kind == Answer::Skip) {
                service.skip(id, answer.text);
            } else {
                held = true;
                service.hold(id, QStringLiteral("no answer on standard input for step %1").arg(index + 1));
            }
        });
    QObject::connect(&service, &RollbackService::halted, &loop, [&](qint64, int index, const QString &why) {
        ctx.err(QStringLiteral("Halted at step %1: %2").arg(index + 1).arg(why));
        ctx.err(QStringLiteral("Resume with: release-cockpit rollback %1 --resume (retries it), or "
                               "release-cockpit rollback %1 --resume --skip REASON")
                    .arg(version));
        stop(held ? Inconclusive : Failed);
    });
    QObject::connect(&service, &RollbackService::finished, &loop, [&](const RollbackRecord &r) {
        ctx.err(r.state == RollbackState::Succeeded
                ? QStringLiteral(
                    "Rolled back %1 to %2; deploys of %1 are locked until lifted (release unlock).")
                      .arg(r.version, r.plan.targetVersion)
                : QStringLiteral("Rollback %1: %2").arg(rollbackStateName(r.state), r.note));
        stop(r.state == RollbackState::Succeeded ? Ok : Failed);
    });
    QObject::connect(&service, &RollbackService::refused, &loop,
        [&](qint64, RollbackRefusal refusal, const QString &why) {
            ctx.err(QStringLiteral("release-cockpit: %1").arg(why));
            // Waiting for a second person is not a failure yet: exit 2, as an inconclusive check.
            stop(refusal == RollbackRefusal::AwaitingApproval ? Inconclusive : Failed);
    });
    start();
    if (!done)  // a refusal can come before the loop turns; quit() before exec() would be lost
        loop.exec();
    return result;
}

}  // namespace cockpit::cli
