// {release_notes} in seed 001's format, and Markdown turned into Slack's mrkdwn for the webhook.
#include "changelog.h"
#include "notification_render.h"
#include "tag_message.h"

#include <QJsonDocument>
#include <QRegularExpression>

namespace cockpit {

namespace {

// Keep a Changelog section names that carry a release-notes section of another name.
QStringList sourcesFor(const QString &notesSection)
{
    const QString n = notesSection.toLower();
    if (n == u"features")
        return {QStringLiteral("added"), QStringLiteral("features")};
    if (n == u"fixes")
        return {QStringLiteral("fixed"), QStringLiteral("fixes")};
    if (n == u"breaking changes")
        return {QStringLiteral("breaking changes"), QStringLiteral("removed")};
    if (n == u"deprecations")
        return {QStringLiteral("deprecated"), QStringLiteral("deprecations")};
    if (n == u"migration guide")
        return {QStringLiteral("migration notes"), QStringLiteral("migration guide"),
            QStringLiteral("migration")};
    if (n == u"changes")
        return {QStringLiteral("changed"), QStringLiteral("changes")};
    return {n};
}

QString entryMarkdown(const ChangelogEntry &entry)
{
    QString text = entry.text.trimmed();
    if (!entry.listItem)
        return text;
    text.replace(u'\n', QStringLiteral("\n  "));
    return QStringLiteral("- ") + text;
}

QString sectionMarkdown(const ChangelogSection &section)
{
    QStringList lines;
    for (const ChangelogEntry &e : section.entries)
        lines << entryMarkdown(e);
    return lines.join(u'\n');
}

// The changelog section body as a parsed release (its "### X" sections and entries).
std::optional<ChangelogRelease> parsedSection(const QString &body)
{
    auto log
        = parseChangelog(QStringLiteral("## [0.0.0]\n\n%1\n").arg(body).toUtf8(), QStringLiteral("section"));
    if (!log || log->releases.isEmpty())
        return std::nullopt;
    return log->releases.first();
}

}  // namespace

QString releaseNotesMarkdown(const Policy &policy, const NotificationFacts &facts)
{
    const QString body = facts.changelogSection.trimmed();
    if (policy.releaseNotesSections.isEmpty())
        return body;
    const auto release = parsedSection(body);
    QStringList out {QStringLiteral("# %1 v%2").arg(policy.project, facts.release.version).trimmed()};
    if (facts.release.targetDate.isValid())
        out << QStringLiteral("**Release Date:** %1").arg(facts.release.targetDate.toString(Qt::ISODate));
    QList<bool> used(release ? release->sections.size() : 0, false);
    for (const QString &name : policy.releaseNotesSections) {
        QString text;
        if (name.compare(QLatin1String("Highlights"), Qt::CaseInsensitive) == 0) {
            text = changelogHighlights(body, 3);
        } else if (release) {
            QStringList parts;
            const QStringList sources = sourcesFor(name);
            for (int i = 0; i < release->sections.size(); ++i) {
                if (!used[i] && sources.contains(plainSectionName(release->sections[i].name).toLower())) {
                    parts << sectionMarkdown(release->sections[i]);
                    used[i] = true;
                }
            }
            text = parts.join(u'\n');
        }
        out << QStringLiteral("## %1\n%2").arg(name, text.isEmpty() ? QStringLiteral("None") : text);
    }
    // What fits no section of the policy still reaches the reader, under its own name.
    for (int i = 0; release && i < release->sections.size(); ++i) {
        const ChangelogSection &s = release->sections[i];
        if (!used[i] && !s.entries.isEmpty()) {
            const QString name = plainSectionName(s.name);
            out << QStringLiteral("## %1\n%2")
                       .arg(name.isEmpty() ? QStringLiteral("Other Changes") : name, sectionMarkdown(s));
        }
    }
    return out.join(QStringLiteral("\n\n"));
}

QString slackEscape(const QString &text)
{
    QString out = text;
    out.replace(u'&', QStringLiteral("&amp;"))
        .replace(u'<', QStringLiteral("&lt;"))
        .replace(u'>', QStringLiteral("&gt;"));
    return out;
}

QString slackMrkdwn(const QString &markdown)
{
    static const QRegularExpression heading(QStringLiteral("^#{1,6}\\s+(.+?)\\s*#*$"));
    static const QRegularExpression bold(QStringLiteral("(\\*\\*|__)(\\S(?:.*?\\S)?)\\1"));
    static const QRegularExpression link(QStringLiteral("\\[([^\\]]+)\\]\\(([^)\\s]+)\\)"));
    QStringList lines;
    bool code = false;
    for (QString line : markdown.split(u'\n')) {
        if (line.trimmed().startsWith(QLatin1String("```")))
            code = !code;
        if (!code) {
            if (const auto m = heading.match(line); m.hasMatch())
                line = QStringLiteral("**%1**").arg(m.captured(1));
            line.replace(bold, QStringLiteral("*\\2*"));
            line.replace(link, QStringLiteral("<\\2|\\1>"));
        }
        lines << line;
    }
    return lines.join(u'\n');
}

namespace {

// Every &, < and > of the text is escaped first, so "<!channel>", "<@U123>" and "<url|label>"
// written by anyone (a reason, a changelog entry) arrive as text; only the links the Markdown
// conversion writes are Slack's own <url|label>.
QString escapedMrkdwn(const QString &markdown)
{
    return slackMrkdwn(slackEscape(markdown));
}

}  // namespace

QByteArray slackPayload(const RenderedNotification &message)
{
    const QString body = escapedMrkdwn(message.body);
    const QString text = message.subject.isEmpty()
        ? body
        : QStringLiteral("*%1*\n\n%2").arg(slackEscape(message.subject), body);
    return QJsonDocument(QJsonObject {{QStringLiteral("text"), text}}).toJson(QJsonDocument::Compact);
}

}  // namespace cockpit
