#pragma once
// A forward-only JSON reader over bytes, for answers too large for QJsonDocument's DOM (a
// 66,000-sample query_range answer): one pass, no tree, keys compared in place. The first error
// is kept with its byte offset and the JSON path being read ("data.result[3].values[17]").
#include <QString>
#include <string>
#include <string_view>
#include <vector>

namespace cockpit {

class JsonCursor {
public:
    JsonCursor(const char *begin, const char *end);

    [[nodiscard]] bool failed() const { return m_failed; }
    [[nodiscard]] QString error() const { return m_error; }  // "path: message at offset N"
    [[nodiscard]] qsizetype offset() const { return m_pos - m_begin; }
    void fail(const QString &what);  // keeps the first failure only
    void failAt(const char *where, const QString &what);

    // Path bookkeeping for error messages: enter a key or an array, set the index, leave.
    void enterKey(std::string_view key) { m_path.push_back({std::string(key), -1}); }
    void enterArray() { m_path.push_back({std::string(), 0}); }
    void setIndex(qsizetype index) { m_path.back().index = index; }
    void leave() { m_path.pop_back(); }
    [[nodiscard]] QString path() const;

    [[nodiscard]] char peek();  // next non-space byte, '\0' at the end
    bool expect(char c);
    // Objects and arrays: call begin, then next() until it returns false (end or failure).
    bool beginObject() { return expect('{'); }
    bool nextMember(bool &first, std::string_view &key);
    bool beginArray() { return expect('['); }
    bool nextElement(bool &first);

    // A string's bytes, unescaped; the view lives until the next read.
    bool readString(std::string_view &out);
    bool readString(QString &out);
    bool readNumber(double &out);
    // A JSON number of seconds (Prometheus timestamps) as whole milliseconds.
    bool readTimestampMs(qint64 &out);
    // A Prometheus sample value: a string holding a float, "NaN", "+Inf" or "-Inf".
    bool readSampleValue(double &out);
    bool skipValue();
    [[nodiscard]] bool atEnd();  // only whitespace remains

private:
    struct PathElement {
        std::string key;
        qsizetype index;
    };
    void skipSpace();
    bool skipValue(int depth);
    bool unescape(const char *from, std::string_view &out);

    const char *m_begin;
    const char *m_pos;
    const char *m_end;
    bool m_failed = false;
    QString m_error;
    std::string m_scratch;
    std::vector<PathElement> m_path;
};

}  // namespace cockpit
