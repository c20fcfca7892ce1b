#pragma once
// Errors are values: every fallible call returns Result<T>, and an Error says what went wrong in
// words a person can act on, and where (file:line:col, URL, SQL state) when there is a place.
#include <QString>
#include <expected>

namespace cockpit {

struct SourceLocation {
    QString file;  // file path, URL, or another name of the place
    int line = 0;  // 1-based; 0 when unknown
    int column = 0;  // 1-based; 0 when unknown

    [[nodiscard]] bool isValid() const { return !file.isEmpty(); }
    [[nodiscard]] QString toString() const;  // "file:line:col", "file:line" or "file"
};

enum class ErrorCode {
    Usage,  // the caller asked for something malformed (exit 64)
    BadInput,  // a file or value from the user is malformed (exit 65)
    NotFound,  // a named thing does not exist (exit 65)
    Unavailable,  // a service (database, repository, network) cannot be reached (exit 69)
    Conflict,  // someone else changed it first
    Refused,  // a rule forbids it (self-approval, locked release)
    Failed,  // a check or step failed (exit 1)
    Internal,  // a bug (exit 70)
};

struct Error {
    ErrorCode code = ErrorCode::Internal;
    QString message;
    SourceLocation location;

    [[nodiscard]] QString toString() const;  // "file:line:col: message" or just "message"
};

template <typename T>
using Result = std::expected<T, Error>;
using Status = std::expected<void, Error>;

inline std::unexpected<Error> fail(ErrorCode code, QString message, SourceLocation where = {})
{
    return std::unexpected(Error{code, std::move(message), std::move(where)});
}

// Process exit code for an error, as PRODUCT.md's command line contract defines them.
int exitCodeFor(ErrorCode code);

}  // namespace cockpit
