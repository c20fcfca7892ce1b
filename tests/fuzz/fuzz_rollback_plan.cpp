// libFuzzer target: placeholder substitution of rollback steps (template and value NUL-separated).
// Properties: shellQuote(v) (display only) is one word that a tiny POSIX sh reader unquotes back
// to v; a `shell:` line is refused exactly when it writes a known {placeholder} outside ${...}
// (values reach shell text only as RELEASE_* variables), the refusal carrying the location it was
// given; Url, Json and HeaderValue quoting give back the value or keep it on one line.
#include "fuzz_text.h"
#include "rollback_plan.h"
#include "shell_variables.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUrl>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>

using namespace cockpit;

namespace {

// What sh would make of a line, without expanding anything: "W:<word>" per word, "O:<c>" per
// operator, "X" per expansion ($, `), "U" when a quote is left open.
struct Shape {
    QStringList tokens;
    QStringList words;
};

Shape shellShape(const QString &line)
{
    Shape s;
    QString word;
    bool inWord = false;
    const auto endWord = [&] {
        if (inWord)
            s.tokens << QStringLiteral("W"), s.words << word;
        word.clear();
        inWord = false;
    };
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line.at(i);
        if (c == u' ' || c == u'\t') {
            endWord();
        } else if (c == u'\\') {
            inWord = true;
            if (++i < line.size() && line.at(i) != u'\n')
                word += line.at(i);
        } else if (c == u'\'') {
            inWord = true;
            const qsizetype close = line.indexOf(u'\'', i + 1);
            if (close < 0)
                return s.tokens << QStringLiteral("U"), s;
            word += line.mid(i + 1, close - i - 1);
            i = close;
        } else if (c == u'"') {
            inWord = true;
            for (++i; i < line.size() && line.at(i) != u'"'; ++i) {
                if (line.at(i) == u'$' || line.at(i) == u'`')
                    s.tokens << QStringLiteral("X");
                if (line.at(i) == u'\\' && i + 1 < line.size()
                    && QStringLiteral("$`\"\\\n").contains(line.at(i + 1)))
                    ++i;
                word += line.at(i);
            }
            if (i >= line.size())
                return s.tokens << QStringLiteral("U"), s;
        } else if (QStringLiteral(";&|<>()\n").contains(c) || (c == u'#' && !inWord)) {
            endWord();
            s.tokens << QStringLiteral("O:") + c;
        } else {
            if (c == u'$' || c == u'`')
                s.tokens << QStringLiteral("X");
            inWord = true;
            word += c;
        }
    }
    endWord();
    return s;
}

QMap<QString, QString> valuesWith(const QString &value)
{
    QMap<QString, QString> values;
    for (const char *name : {"version", "rollback_tag", "env", "reason", "commit", "component"})
        values.insert(QString::fromLatin1(name), value);
    return values;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QList<QByteArray> f = fuzz::fields(data, size, 2);
    const QString tmpl = QString::fromUtf8(f.at(0));
    // Without a NUL the value is a fixed one full of shell syntax.
    const bool hasValue = std::memchr(data, 0, size) != nullptr;
    const QString value = hasValue ? QString::fromUtf8(f.at(1)) : QStringLiteral("a b'c;$(id)`x`\"\\ \n|&");
    const Shape quoted = shellShape(shellQuote(value));
    if (quoted.tokens != QStringList {QStringLiteral("W")} || quoted.words != QStringList {value})
        std::abort();
    const SourceLocation where {QStringLiteral("fuzz.yml"), 7, 12};
    bool writesPlaceholder = false;
    for (const ShellVariable &v : shellVariables()) {
        const QString token = u'{' + v.placeholder + u'}';
        for (qsizetype at = tmpl.indexOf(token); at >= 0; at = tmpl.indexOf(token, at + 1))
            writesPlaceholder = writesPlaceholder || at == 0 || tmpl.at(at - 1) != u'$';
    }
    const Status shell = checkShellLine(tmpl, QStringLiteral("rollback step 'Deploy' (shell)"), where, {});
    if (shell.has_value() == writesPlaceholder)
        std::abort();
    if (!shell
        && (shell.error().location.toString() != where.toString()
            || !shell.error().message.contains(QLatin1String("'Deploy'"))))
        std::abort();
    const auto url = substitutePlaceholders(
        QStringLiteral("{reason}"), valuesWith(value), PlaceholderQuoting::Url, {}, where);
    if (!url || QUrl::fromPercentEncoding(url->toLatin1()) != value)
        std::abort();
    const auto json = substitutePlaceholders(
        QStringLiteral("[\"{reason}\"]"), valuesWith(value), PlaceholderQuoting::Json, {}, where);
    if (!json || QJsonDocument::fromJson(json->toUtf8()).array().at(0).toString() != value)
        std::abort();
    const auto header = substitutePlaceholders(
        QStringLiteral("x {reason}"), valuesWith(value), PlaceholderQuoting::HeaderValue, {}, where);
    if (!header || header->contains(u'\n') || header->contains(u'\r'))
        std::abort();
    return 0;
}
