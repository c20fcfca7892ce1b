#include "markdown_lines.h"

namespace cockpit {

qsizetype firstInvalidUtf8(QByteArrayView s)
{
    const auto *p = reinterpret_cast<const unsigned char *>(s.data());
    const qsizetype n = s.size();
    for (qsizetype i = 0; i < n;) {
        const unsigned char c = p[i];
        int len = 0;
        unsigned int min = 0;
        if (c < 0x80) {
            ++i;
            continue;
        } else if ((c & 0xE0) == 0xC0) {
            len = 2, min = 0x80;
        } else if ((c & 0xF0) == 0xE0) {
            len = 3, min = 0x800;
        } else if ((c & 0xF8) == 0xF0) {
            len = 4, min = 0x10000;
        } else {
            return i;
        }
        if (i + len > n)
            return i;
        unsigned int cp = c & (0xFF >> (len + 1));
        for (int k = 1; k < len; ++k) {
            if ((p[i + k] & 0xC0) != 0x80)
                return i;
            cp = (cp << 6) | (p[i + k] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return i;
        i += len;
    }
    return -1;
}

// Offset within the line of the checkbox's inner character ("[ ]" -> the space), or -1. Only
// container markers ('>', list markers, spaces) can precede a task item's box, so the first
// "[ ]"/"[x]" of its line is the box.
qsizetype boxOffset(QByteArrayView line)
{
    for (qsizetype i = 0; i + 2 < line.size(); ++i) {
        if (line[i] == '[' && line[i + 2] == ']'
            && (line[i + 1] == ' ' || line[i + 1] == 'x' || line[i + 1] == 'X'))
            return i + 1;
    }
    return -1;
}

QList<TrailingComment> trailingComments(QByteArrayView line, qsizetype from)
{
    QList<TrailingComment> out;
    qsizetype end = line.size();
    for (;;) {
        while (end > from && (line[end - 1] == ' ' || line[end - 1] == '\t'))
            --end;
        if (end - from < 7 || !line.first(end).endsWith("-->"))
            return out;
        const qsizetype begin = line.first(end - 3).lastIndexOf("<!--");
        if (begin < from)
            return out;
        out.append({begin, end, line.sliced(begin + 4, end - 3 - begin - 4).trimmed().toByteArray()});
        end = begin;
    }
}

}  // namespace cockpit
