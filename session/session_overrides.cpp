// Session: what a break-glass override leaves behind. Seed 001's emergency release bypasses the
// normal approvals, and a post-mortem is required: the first override of a release appends a
// "post-mortem" phase to its checklist with one open item naming who overrode what and why.
#include "checklist_parser.h"
#include "session.h"
#include "store.h"

namespace cockpit {

Status Session::requirePostMortem(Store *store, const QString &version, const QString &actor, const QString &reason)
{
    auto checklist = store->checklist(version).result();
    if (!checklist)
        return std::unexpected(checklist.error());
    for (const ChecklistPhase &phase : std::as_const(checklist->phases))
        if (phase.name == u"post-mortem")
            return {};  // one post-mortem covers every override of the release
    // The reason is a person's text: one line, no Markdown structure of its own.
    QString why = reason.simplified();
    why.replace(u'[', u'(').replace(u']', u')').replace(QLatin1String("<!--"), QLatin1String("<!-"));
    const QString markdown = QStringLiteral(
        "# Post-mortem\n\n"
        "The lifecycle was overridden (break-glass): a post-mortem is required.\n\n"
        "- [ ] Post-mortem written and linked for the override by %1 on %2: %3\n")
                                 .arg(actor, QDate::currentDate().toString(Qt::ISODate), why);
    auto phase = parseChecklist(markdown.toUtf8(), QStringLiteral("post-mortem"), QStringLiteral("override"));
    if (!phase)
        return std::unexpected(phase.error());
    auto appended = store->appendChecklistPhase(version, *phase, actor).result();
    if (!appended)
        return std::unexpected(appended.error());
    return {};
}

}  // namespace cockpit
