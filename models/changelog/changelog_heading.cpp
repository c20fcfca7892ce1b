#include "changelog_heading.h"

#include <QRegularExpression>

namespace cockpit {
namespace {

// The version token of an unbracketed heading, with a spaced pre-release word ("2.0 Beta 2").
const QRegularExpression &tokenPattern()
{
    static const QRegularExpression re(QStringLiteral(R"(^(\S+)(\s+(?:alpha|beta|rc|preview)\s*\d*\b)?)"),
        QRegularExpression::CaseInsensitiveOption);
    return re;
}

bool isSeparator(QChar c)
{
    return c == u'-' || c == QChar(0x2013) || c == QChar(0x2014);
}

}  // namespace

bool isIsoDate(const QString &text)
{
    static const QRegularExpression re(QStringLiteral(R"(^\d{4}-\d{2}-\d{2}$)"));
    return re.match(text).hasMatch() && QDate::fromString(text, Qt::ISODate).isValid();
}

QDate parseChangelogDate(const QString &text)
{
    if (isIsoDate(text))
        return QDate::fromString(text, Qt::ISODate);
    for (const char *format : {"yyyy/MM/dd", "yyyy.MM.dd", "MMMM d, yyyy", "MMM d, yyyy", "d MMMM yyyy"}) {
        const QDate d = QDate::fromString(text, QLatin1String(format));
        if (d.isValid())
            return d;
    }
    return {};
}

std::optional<ReleaseHeading> parseReleaseHeading(const QString &text)
{
    ReleaseHeading h;
    QString s = text.trimmed();
    static const QRegularExpression yanked(
        QStringLiteral(R"(\s*\[YANKED\]$)"), QRegularExpression::CaseInsensitiveOption);
    if (const auto m = yanked.match(s); m.hasMatch()) {
        h.yanked = true;
        s.truncate(m.capturedStart());
    }
    QString token, rest;
    if (s.startsWith(u'[')) {
        const qsizetype close = s.indexOf(u']');
        if (close < 0)
            return std::nullopt;
        h.bracketed = true;
        token = s.mid(1, close - 1).trimmed();
        rest = s.mid(close + 1);
        if (rest.startsWith(u'(')) {
            const qsizetype end = rest.indexOf(u')');
            if (end < 0)
                return std::nullopt;
            h.inlineLink = true;
            h.linkUrl = rest.mid(1, end - 1).trimmed();
            rest = rest.mid(end + 1);
        }
    } else {
        const auto m = tokenPattern().match(s);
        token = m.captured(0);
        rest = s.mid(m.capturedLength());
    }
    if (token.compare(QLatin1String("unreleased"), Qt::CaseInsensitive) == 0) {
        h.version = QStringLiteral("Unreleased");
    } else {
        if (token.size() > 1 && (token[0] == u'v' || token[0] == u'V') && token[1].isDigit()) {
            h.vPrefix = true;
            token.remove(0, 1);
        }
        static const QRegularExpression version(QStringLiteral(R"(^\d+(\.\d+)+)"));
        if (!version.match(token).hasMatch())
            return std::nullopt;
        h.version = token;
    }
    rest = rest.trimmed();
    if (!rest.isEmpty() && isSeparator(rest[0])) {
        h.separator = rest.left(1);
        rest = rest.mid(1).trimmed();
    }
    if (rest.startsWith(u'(') && rest.endsWith(u')')) {
        if (h.separator.isEmpty())
            h.separator = QStringLiteral("(");
        rest = rest.mid(1, rest.size() - 2).trimmed();
    }
    h.dateText = rest;
    h.date = parseChangelogDate(rest);
    return h;
}

}  // namespace cockpit
