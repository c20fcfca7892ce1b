#include "error.h"

namespace cockpit {

QString SourceLocation::toString() const
{
    if (line <= 0)
        return file;
    if (column <= 0)
        return QStringLiteral("%1:%2").arg(file).arg(line);
    return QStringLiteral("%1:%2:%3").arg(file).arg(line).arg(column);
}

QString Error::toString() const
{
    return location.isValid() ? location.toString() + QStringLiteral(": ") + message : message;
}

int exitCodeFor(ErrorCode code)
{
    switch (code) {
    case ErrorCode::Usage: return 64;
    case ErrorCode::BadInput:
    case ErrorCode::NotFound: return 65;
    case ErrorCode::Unavailable: return 69;
    case ErrorCode::Conflict:
    case ErrorCode::Refused:
    case ErrorCode::Failed: return 1;
    case ErrorCode::Internal: return 70;
    }
    return 70;
}

}  // namespace cockpit
