#pragma once
// One redactor for every string that leaves the process (stored, printed, logged, exported): it
// knows each secret the keychain handed out (or was given) in this process, in the forms it may
// be echoed in (as is, percent-encoded, base64 as in "Basic ...", JSON-escaped; for a URL its
// path, query and password), and writes "[redacted]" over each. Thread-safe, process-wide.
#include <QByteArray>
#include <QString>

namespace cockpit {

class Redactor {
public:
    static constexpr auto kMark = "[redacted]";

    // Remembers a secret for the rest of the process. Values under 4 characters are ignored
    // (they would redact ordinary words).
    static void add(const QString &secret);
    [[nodiscard]] static QString redact(const QString &text);
    [[nodiscard]] static QByteArray redact(const QByteArray &utf8);
    [[nodiscard]] static bool isEmpty();

    // Qt's messages (qDebug, qCWarning, ...) pass through redact() before the handler that was
    // installed before this one. Idempotent; the executable calls it once at start.
    static void installMessageFilter();

    static void clearForTests();
};

}  // namespace cockpit
