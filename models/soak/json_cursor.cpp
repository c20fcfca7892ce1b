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

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

void appendUtf8(std::string &out, char32_t code)
{
    if (code < 0x80) {
        out += char(code);
    } else if (code < 0x800) {
        out += char(0xC0 | (code >> 6));
        out += char(0x80 | (code & 0x3F));
    } else if (code < 0x10000) {
        out += char(0xE0 | (code >> 12));
        out += char(0x80 | ((code >> 6) & 0x3F));
        out += char(0x80 | (code & 0x3F));
    } else {
        out += char(0xF0 | (code >> 18));
        out += char(0x80 | ((code >> 12) & 0x3F));
        out += char(0x80 | ((code >> 6) & 0x3F));
        out += char(0x80 | (code & 0x3F));
    }
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

bool JsonCursor::readString(std::string_view &out)
{
    if (!expect('"'))
        return false;
    const char *start = m_pos;
    while (m_pos < m_end) {
        const unsigned char c = static_cast<unsigned char>(*m_pos);
        if (c == '"') {
            out = std::string_view(start, std::size_t(m_pos - start));
            ++m_pos;
            return true;
        }
        if (c == '\\')
            return unescape(start, out);
        if (c < 0x20) {
            fail(QStringLiteral("control character in a string"));
            return false;
        }
        ++m_pos;
    }
    fail(QStringLiteral("unterminated string"));
    return false;
}

bool JsonCursor::unescape(const char *from, std::string_view &out)
{
    m_scratch.assign(from, std::size_t(m_pos - from));
    while (m_pos < m_end && *m_pos != '"') {
        const char c = *m_pos++;
        if (static_cast<unsigned char>(c) < 0x20) {
            failAt(m_pos - 1, QStringLiteral("control character in a string"));
            return false;
        }
        if (c != '\\') {
            m_scratch += c;
            continue;
        }
        if (m_pos >= m_end)
            break;
        const char e = *m_pos++;
        switch (e) {
        case '"':
            m_scratch += '"';
            break;
        case '\\':
            m_scratch += '\\';
            break;
        case '/':
            m_scratch += '/';
            break;
        case 'b':
            m_scratch += '\b';
            break;
        case 'f':
            m_scratch += '\f';
            break;
        case 'n':
            m_scratch += '\n';
            break;
        case 'r':
            m_scratch += '\r';
            break;
        case 't':
            m_scratch += '\t';
            break;
        case 'u': {
            char32_t code = 0;
            for (int i = 0; i < 4; ++i) {
                const int h = m_pos < m_end ? hexValue(*m_pos) : -1;
                if (h < 0) {
                    fail(QStringLiteral("expected 4 hex digits after \\u"));
                    return false;
                }
                code = code * 16 + char32_t(h);
                ++m_pos;
            }
            // A lone surrogate cannot be UTF-8: it becomes U+FFFD, as QString would make it.
            if (code >= 0xD800 && code <= 0xDBFF && m_end - m_pos >= 6 && m_pos[0] == '\\'
                && m_pos[1] == 'u') {
                char32_t low = 0;
                bool ok = true;
                for (int i = 2; i < 6; ++i) {
                    const int h = hexValue(m_pos[i]);
                    ok = ok && h >= 0;
                    low = low * 16 + char32_t(std::max(h, 0));
                }
                if (ok && low >= 0xDC00 && low <= 0xDFFF) {
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
                    m_pos += 6;
                }
            }
            appendUtf8(m_scratch, code >= 0xD800 && code <= 0xDFFF ? char32_t(0xFFFD) : code);
            break;
        }
        default:
            failAt(m_pos - 2, QStringLiteral("unknown escape '\\%1'").arg(QLatin1Char(e)));
            return false;
        }
    }
    if (m_pos >= m_end) {
        fail(QStringLiteral("unterminated string"));
        return false;
    }
    ++m_pos;
    out = m_scratch;
    return true;
}

bool JsonCursor::readString(QString &out)
{
    std::string_view view;
    if (!readString(view))
        return false;
    out = QString::fromUtf8(view.data(), qsizetype(view.size()));
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
