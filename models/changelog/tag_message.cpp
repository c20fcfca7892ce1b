#include "tag_message.h"

#include <QRegularExpression>

namespace cockpit {

QString defaultTagMessageTemplate()
{
    return QStringLiteral("Release {tag}\n\n{changelog}");
}

QStringList tagMessagePlaceholders()
{
    return {QStringLiteral("{tag}"), QStringLiteral("{version}"), QStringLiteral("{project}"),
        QStringLiteral("{changelog}"), QStringLiteral("{highlights}"), QStringLiteral("{promoted_from}")};
}

QStringList unknownTagMessagePlaceholders(const QString &tmpl)
{
    static const QRegularExpression token(QStringLiteral("\\{[A-Za-z_][A-Za-z0-9_]*\\}"));
    const QStringList known = tagMessagePlaceholders();
    QStringList unknown;
    for (auto it = token.globalMatch(tmpl); it.hasNext();) {
        const QString t = it.next().captured();
        if (!known.contains(t) && !unknown.contains(t))
            unknown << t;
    }
    return unknown;
}

QString changelogSectionBody(const QString &sectionText)
{
    QString text = sectionText;
    text.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    if (text.startsWith(QLatin1Char('#'))) {
        const qsizetype eol = text.indexOf(QLatin1Char('\n'));
        text = eol < 0 ? QString() : text.mid(eol + 1);
    }
    return text.trimmed();
}

QString changelogHighlights(const QString &changelogBody, int limit)
{
    // Breaking changes lead, every one of them (a reader must not miss one for the limit):
    // entries that say so ("**Breaking:**", "BREAKING CHANGE") and those under Removed or a
    // Breaking section. The others follow in file order up to the limit.
    static const QRegularExpression breakingSection(
        QStringLiteral(R"(^#{2,6}\s*\[?(removed|breaking( changes?)?)\]?\s*:?\s*$)"),
        QRegularExpression::CaseInsensitiveOption);
    QStringList breaking, others;
    bool inBreakingSection = false;
    for (const QString &line : changelogBody.split(QLatin1Char('\n'))) {
        if (line.startsWith(QLatin1Char('#'))) {
            inBreakingSection = breakingSection.match(line.trimmed()).hasMatch();
            continue;
        }
        if (!line.startsWith(QLatin1String("- ")) && !line.startsWith(QLatin1String("* ")))
            continue;
        const QString text = line.mid(2).trimmed();
        const bool saysBreaking = text.contains(QLatin1String("breaking"), Qt::CaseInsensitive);
        if (saysBreaking)
            breaking << QStringLiteral("- ") + text;
        else if (inBreakingSection)
            breaking << QStringLiteral("- **Breaking:** ") + text;
        else
            others << QStringLiteral("- ") + text;
    }
    QStringList out = breaking;
    for (const QString &line : std::as_const(others)) {
        if (out.size() >= limit)
            break;
        out << line;
    }
    return out.join(QLatin1Char('\n'));
}

QString renderTagMessage(const QString &tmpl, const TagMessageFields &fields)
{
    QString text = tmpl.isEmpty() ? defaultTagMessageTemplate() : tmpl;
    const QString body = fields.changelog.trimmed();
    const bool mentionsPromotion = text.contains(QLatin1String("{promoted_from}"));
    // One pass over the template, so a value that happens to contain "{tag}" stays as written.
    static const QRegularExpression token(
        QStringLiteral("\\{(tag|version|project|changelog|highlights|promoted_from)\\}"));
    QString filled;
    qsizetype last = 0;
    for (auto it = token.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        filled += QStringView(text).mid(last, m.capturedStart() - last);
        const QString name = m.captured(1);
        if (name == u"tag")
            filled += fields.tag;
        else if (name == u"version")
            filled += fields.version;
        else if (name == u"project")
            filled += fields.project;
        else if (name == u"changelog")
            filled += body;
        else if (name == u"highlights")
            filled += changelogHighlights(body);
        else
            filled += fields.promotedFrom;
        last = m.capturedEnd();
    }
    filled += QStringView(text).mid(last);
    if (!fields.promotedFrom.isEmpty() && !mentionsPromotion)
        filled += QStringLiteral("\n\nPromoted from %1.").arg(fields.promotedFrom);

    QStringList lines;
    for (const QString &line : filled.split(QLatin1Char('\n'))) {
        QString l = line;
        while (!l.isEmpty() && l.back().isSpace())
            l.chop(1);
        if (l.isEmpty() && (lines.isEmpty() || lines.last().isEmpty()))
            continue;  // leading blank lines and runs of them
        lines << l;
    }
    while (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

}  // namespace cockpit
