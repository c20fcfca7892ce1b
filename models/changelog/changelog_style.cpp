#include "changelog_style.h"

#include <QHash>
#include <QRegularExpression>

namespace cockpit {
namespace {

// "(#12)", "([#12](https://github.com/o/r/pull/12))" or "[#12](…)": the citation with {n} for the
// number, or empty when the entry cites no PR.
QString citationForm(const QString &text)
{
    static const QRegularExpression linked(
        QStringLiteral(R"((\(?)\[#(\d+)\]\((\S+?)/(pull|issues|merge_requests)/\2\)(\)?))"));
    if (const auto m = linked.match(text); m.hasMatch())
        return QStringLiteral("%1[#{n}](%2/%3/{n})%4")
            .arg(m.captured(1), m.captured(3), m.captured(4), m.captured(5));
    static const QRegularExpression plain(QStringLiteral(R"(\(#\d+\))"));
    if (plain.match(text).hasMatch())
        return QStringLiteral("(#{n})");
    return {};
}

// Words that read as code: --flags, call(), snake_case, a::path, file.ext.
QString withBackticks(const QString &text)
{
    static const QRegularExpression code(QStringLiteral(
        R"((?<![`\w])(--[a-z][\w-]*|\w+\(\)|[A-Za-z]\w*_\w+|\w+::\w+(?:::\w+)*|[\w-]+\.(?:md|ya?ml|json|toml|cpp|h|py|js|ts|go|rs|sh|sql|txt))(?![`\w]))"));
    QString out = text;
    out.replace(code, QStringLiteral("`\\1`"));
    return out;
}

}  // namespace

EntryStyle detectEntryStyle(const Changelog &changelog)
{
    EntryStyle style;
    int entries = 0, capitalised = 0, periods = 0, ticked = 0;
    QHash<QString, int> citations;
    for (const ChangelogRelease &release : changelog.releases) {
        for (const ChangelogSection &section : release.sections) {
            for (const ChangelogEntry &e : section.entries) {
                const QString text = e.text.trimmed();
                // Skip a "**Breaking:**" style prefix to see the sentence's own first letter.
                static const QRegularExpression prefix(QStringLiteral(R"(^(\*\*[^*]+\*\*\s*)+)"));
                const QString sentence = QString(text).remove(prefix);
                const auto first
                    = std::find_if(sentence.begin(), sentence.end(), [](QChar c) { return c.isLetter(); });
                if (first == sentence.end())
                    continue;
                ++entries;
                capitalised += first->isUpper();
                periods += text.endsWith(u'.');
                ticked += text.contains(u'`');
                if (const QString form = citationForm(text); !form.isEmpty())
                    ++citations[form];
            }
        }
    }
    if (entries == 0)
        return style;
    style.capitalise = capitalised * 2 >= entries;
    style.finalPeriod = periods * 2 > entries;
    style.backticks = ticked * 5 >= entries;  // one entry in five is enough to call it a habit
    int best = 0;
    for (auto it = citations.cbegin(); it != citations.cend(); ++it) {
        if (it.value() > best || (it.value() == best && it.key() < style.prCitation)) {
            best = it.value();
            style.prCitation = it.key();
        }
    }
    return style;
}

QString styleEntry(const EntryStyle &style, const QString &description, int pr, const QString &shortSha)
{
    QString text = description.trimmed();
    while (text.endsWith(u'.'))
        text.chop(1);
    if (style.backticks)
        text = withBackticks(text);
    if (!text.isEmpty() && text.front().isLetter())
        text.front() = style.capitalise ? text.front().toUpper() : text.front().toLower();
    const QString citation = pr > 0
        ? QString(style.prCitation).replace(QLatin1String("{n}"), QString::number(pr))
        : QStringLiteral("(%1)").arg(shortSha);
    // Files that end entries with a period put it after the citation: "Faster exports (#12)."
    return style.finalPeriod ? QStringLiteral("%1 %2.").arg(text, citation)
                             : QStringLiteral("%1 %2").arg(text, citation);
}

}  // namespace cockpit
