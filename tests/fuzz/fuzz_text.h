#pragma once
// Helpers shared by the fuzz targets (header-only: the replay build compiles fuzz_*.cpp alone).
#include <QByteArray>
#include <QList>
#include <QString>
#include <cstddef>
#include <cstdint>

namespace cockpit::fuzz {

// The input cut at NUL bytes into fields: one input drives several texts at once. Missing
// fields are empty, so every seed stays meaningful when the fuzzer drops a NUL.
inline QList<QByteArray> fields(const uint8_t *data, size_t size, qsizetype count)
{
    QList<QByteArray> out = QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)).split('\0');
    while (out.size() < count)
        out << QByteArray();
    return out;
}

// A YAML double-quoted scalar on one line holding exactly `text`, so that a generated policy puts
// each fuzzed value on a known line (for checking the line of what its readers report).
inline QByteArray yamlQuoted(const QString &text)
{
    QByteArray out = "\"";
    for (const char32_t c : text.toUcs4()) {
        if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\')
            out += char(c);
        else
            out += "\\U" + QByteArray::number(uint(c), 16).rightJustified(8, '0');
    }
    return out + '"';
}

}  // namespace cockpit::fuzz
