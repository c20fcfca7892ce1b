// libFuzzer target: the annotated tag message (template, changelog section, tag, promoted-from,
// NUL-separated) renders without crashing and comes out cleaned up like `git tag -m`: one final
// newline, no trailing blanks, no leading or doubled blank lines, and rendering the result again
// changes nothing. Highlights are at most `limit` "- " lines; unknown placeholders are the
// template's own text.
#include "fuzz_text.h"
#include "tag_message.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using namespace cockpit;

namespace {

void checkCleanedUp(const QString &message)
{
    if (!message.endsWith(u'\n'))
        std::abort();
    const QStringList lines = message.chopped(1).split(u'\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString &l = lines.at(i);
        if (!l.isEmpty() && l.back().isSpace())
            std::abort();
        if (l.isEmpty() && lines.size() > 1 && (i == 0 || lines.at(i - 1).isEmpty() || i + 1 == lines.size()))
            std::abort();
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QList<QByteArray> f = fuzz::fields(data, size, 4);
    const QString tmpl = QString::fromUtf8(f.at(0));
    TagMessageFields fields;
    fields.changelog = changelogSectionBody(QString::fromUtf8(f.at(1)));
    fields.tag = QString::fromUtf8(f.at(2));
    fields.version = fields.tag.mid(1);
    fields.project = QStringLiteral("Fuzz {tag}");  // a value holding a placeholder stays as written
    fields.promotedFrom = QString::fromUtf8(f.at(3));
    const QString message = renderTagMessage(tmpl, fields);
    checkCleanedUp(message);
    bool placeholderLeft = false;
    for (const QString &p : tagMessagePlaceholders())
        placeholderLeft = placeholderLeft || message.contains(p);
    if (!placeholderLeft && message != u"\n" && renderTagMessage(message, {}) != message)
        std::abort();
    const QString highlights = changelogHighlights(fields.changelog, 3);
    if (!highlights.isEmpty()) {
        const QStringList lines = highlights.split(u'\n');
        if (lines.size() > 3)
            std::abort();
        for (const QString &l : lines)
            if (!l.startsWith(QLatin1String("- ")))
                std::abort();
    }
    for (const QString &u : unknownTagMessagePlaceholders(tmpl))
        if (!tmpl.contains(u) || tagMessagePlaceholders().contains(u))
            std::abort();
    return 0;
}
