// JsonCursor's strings: reading a JSON string in place, and unescaping one that has escapes
// (\uXXXX pairs joined into one code point, lone surrogates refused).
#include "json_cursor.h"

#include <cstring>

namespace cockpit {

namespace {

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


}  // namespace cockpit
