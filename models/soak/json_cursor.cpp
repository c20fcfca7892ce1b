#include "json_cursor.h"

#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>

namespace cockpit {

namespace {

constexpr int kMaxDepth = 128;  // deeper nesting is refused rather than recursed into

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

}  // namespace

JsonCursor::JsonCursor(const char *begin, const char *end)
    : m_begin(begin)
    , m_pos(begin)
    , m_end(end)
{
}

void JsonCursor::fail(const QString &what)
{
    failAt(m_pos, what);
}

void JsonCursor::failAt(const char *where, const QString &what)
{
    if (m_failed)
        return;
    m_failed = true;
    const QString where_ = path();
    m_error = QStringLiteral("%1: %2 at offset %3")
                  .arg(where_.isEmpty() ? QStringLiteral("(top level)") : where_, what)
                  .arg(where - m_begin);
}

QString JsonCursor::path() const
{
    QString text;
    for (const PathElement &element : m_path) {
        if (element.index >= 0)
            text += QStringLiteral("[%1]").arg(element.index);
        else
            text += (text.isEmpty() ? QString() : QStringLiteral(".")) + QString::fromUtf8(element.key);
    }
    return text;
}

void JsonCursor::skipSpace()
{
    while (m_pos < m_end && (*m_pos == ' ' || *m_pos == '\n' || *m_pos == '\r' || *m_pos == '\t'))
        ++m_pos;
}

char JsonCursor::peek()
{
    skipSpace();
    return m_pos < m_end ? *m_pos : '\0';
}

bool JsonCursor::expect(char c)
{
    if (m_failed)
        return false;
    if (peek() == c) {
        ++m_pos;
        return true;
    }
    fail(m_pos < m_end ? QStringLiteral("expected '%1'").arg(QLatin1Char(c))
                       : QStringLiteral("expected '%1', the answer ends").arg(QLatin1Char(c)));
    return false;
}

bool JsonCursor::nextMember(bool &first, std::string_view &key)
{
    if (m_failed)
        return false;
    const char c = peek();
    if (c == '}') {
        ++m_pos;
        return false;
    }
    if (!first) {
        if (c != ',') {
            fail(QStringLiteral("expected ',' or '}'"));
            return false;
        }
        ++m_pos;
    }
    first = false;
    return readString(key) && expect(':');
}

bool JsonCursor::nextElement(bool &first)
{
    if (m_failed)
        return false;
    const char c = peek();
    if (c == ']') {
        ++m_pos;
        return false;
    }
    if (!first) {
        if (c != ',') {
            fail(QStringLiteral("expected ',' or ']'"));
            return false;
        }
        ++m_pos;
    }
    first = false;
    return true;
}

bool JsonCursor::readNumber(double &out)
{
    if (m_failed)
        return false;
    skipSpace();
    // Validate the JSON grammar first: from_chars alone would accept "inf", "1." or "01".
    const char *p = m_pos;
    if (p < m_end && *p == '-')
        ++p;
    const char *digits = p;
    while (p < m_end && isDigit(*p))
        ++p;
    bool ok = p > digits && !(*digits == '0' && p - digits > 1);
    if (ok && p < m_end && *p == '.') {
        const char *frac = ++p;
        while (p < m_end && isDigit(*p))
            ++p;
        ok = p > frac;
    }
    if (ok && p < m_end && (*p == 'e' || *p == 'E')) {
        ++p;
        if (p < m_end && (*p == '+' || *p == '-'))
            ++p;
        const char *exp = p;
        while (p < m_end && isDigit(*p))
            ++p;
        ok = p > exp;
    }
    if (!ok || std::from_chars(m_pos, p, out).ptr != p) {
        fail(QStringLiteral("expected a number"));
        return false;
    }
    m_pos = p;
    return true;
}

bool JsonCursor::readTimestampMs(qint64 &out)
{
    if (m_failed)
        return false;
    skipSpace();
    // Fast path for what Prometheus writes: seconds with up to millisecond decimals.
    const char *p = m_pos;
    qint64 whole = 0;
    int digits = 0;
    while (p < m_end && isDigit(*p) && digits < 15) {
        whole = whole * 10 + (*p++ - '0');
        ++digits;
    }
    qint64 millis = 0;
    bool simple = digits > 0 && !(digits > 1 && *m_pos == '0');
    if (simple && p < m_end && *p == '.') {
        ++p;
        int fraction = 0;
        for (; p < m_end && isDigit(*p); ++p, ++fraction)
            if (fraction < 3)
                millis = millis * 10 + (*p - '0');
        simple = fraction > 0;
        for (; fraction < 3; ++fraction)
            millis *= 10;
    }
    if (simple && (p >= m_end || (!isDigit(*p) && *p != 'e' && *p != 'E'))) {
        out = whole * 1000 + millis;
        m_pos = p;
        return true;
    }
    double seconds = 0;
    if (!readNumber(seconds))
        return false;
    if (!(std::abs(seconds) < 9.0e12)) {
        fail(QStringLiteral("timestamp out of range"));
        return false;
    }
    out = std::llround(seconds * 1000.0);
    return true;
}

bool JsonCursor::readSampleValue(double &out)
{
    std::string_view text;
    if (!readString(text))
        return false;
    const char *first = text.data();
    const char *last = first + text.size();
    if (text == "+Inf") {
        out = std::numeric_limits<double>::infinity();
        return true;
    }
    const auto [ptr, ec] = std::from_chars(first, last, out);
    if (text.empty() || ec != std::errc() || ptr != last) {
        failAt(
            m_pos - 1, QStringLiteral("expected a sample value (a number, NaN, +Inf or -Inf) in a string"));
        return false;
    }
    return true;
}

bool JsonCursor::skipValue()
{
    return skipValue(0);
}

bool JsonCursor::skipValue(int depth)
{
    if (m_failed)
        return false;
    if (depth > kMaxDepth) {
        fail(QStringLiteral("nested deeper than %1 levels").arg(kMaxDepth));
        return false;
    }
    const char c = peek();
    bool first = true;
    std::string_view ignored;
    switch (c) {
    case '{':
        ++m_pos;
        while (nextMember(first, ignored))
            if (!skipValue(depth + 1))
                return false;
        return !m_failed;
    case '[':
        ++m_pos;
        while (nextElement(first))
            if (!skipValue(depth + 1))
                return false;
        return !m_failed;
    case '"':
        return readString(ignored);
    case 't':
    case 'f':
    case 'n': {
        const std::string_view word = c == 't' ? "true" : c == 'f' ? "false" : "null";
        if (std::size_t(m_end - m_pos) >= word.size() && std::memcmp(m_pos, word.data(), word.size()) == 0) {
            m_pos += word.size();
            return true;
        }
        fail(QStringLiteral("expected a value"));
        return false;
    }
    default: {
        double number = 0;
        if (c == '-' || isDigit(c))
            return readNumber(number);
        fail(m_pos < m_end ? QStringLiteral("expected a value")
                           : QStringLiteral("expected a value, the answer ends"));
        return false;
    }
    }
}

bool JsonCursor::atEnd()
{
    skipSpace();
    return m_pos == m_end;
}

}  // namespace cockpit
