#include "conventional_commit.h"

#include <QRegularExpression>

namespace cockpit {
namespace {

// type, optional (scope), optional "!", ": ", description. The spec allows any noun as a type.
const QRegularExpression &subjectPattern()
{
    static const QRegularExpression re(
        QStringLiteral(R"(^([A-Za-z][A-Za-z0-9_-]*)(?:\(([^()\r\n]*)\))?(!)?: +(\S.*)$)"));
    return re;
}

// A footer token starts a line: "Token: value" or "Token #value"; "BREAKING CHANGE" has a space.
const QRegularExpression &footerPattern()
{
    static const QRegularExpression re(
        QStringLiteral(R"(^(BREAKING[ -]CHANGE|[A-Za-z][A-Za-z0-9-]*)(?:: | #)(.*)$)"));
    return re;
}

QList<int> pullRequestsIn(const QString &subject)
{
    QList<int> out;
    static const QRegularExpression paren(QStringLiteral(R"(\(((?:#\d+(?:,\s*)?)+)\))"));
    for (auto it = paren.globalMatch(subject); it.hasNext();) {
        static const QRegularExpression number(QStringLiteral(R"(#(\d+))"));
        for (auto n = number.globalMatch(it.next().captured(1)); n.hasNext();)
            out << n.next().captured(1).toInt();
    }
    static const QRegularExpression merge(QStringLiteral(R"(^Merge pull request #(\d+))"));
    if (const auto m = merge.match(subject); m.hasMatch())
        out << m.captured(1).toInt();
    out.removeAll(0);
    return out;
}

// The text of a BREAKING CHANGE footer: its line and the lines after it up to the next footer.
QString breakingFooter(const QString &body)
{
    const QStringList lines = body.split(u'\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString line = lines.at(i).trimmed();
        const auto m = footerPattern().match(line);
        if (!m.hasMatch() || !m.captured(1).startsWith(QLatin1String("BREAKING")))
            continue;
        QStringList note {m.captured(2).trimmed()};
        for (qsizetype k = i + 1; k < lines.size(); ++k) {
            const QString next = lines.at(k).trimmed();
            if (footerPattern().match(next).hasMatch())
                break;
            note << next;
        }
        const QString text = note.join(u' ').simplified();
        return text.isEmpty() ? QStringLiteral("(breaking change)") : text;
    }
    return {};
}

}  // namespace

ConventionalCommit parseConventionalCommit(const QString &subject, const QString &body)
{
    ConventionalCommit c;
    const QString s = subject.trimmed();
    c.pullRequests = pullRequestsIn(s);
    if (const auto m = subjectPattern().match(s); m.hasMatch()) {
        c.conventional = true;
        c.type = m.captured(1).toLower();
        c.scope = m.captured(2).trimmed();
        c.breaking = m.capturedLength(3) > 0;
        c.description = m.captured(4).trimmed();
    } else {
        c.description = s;
    }
    const QString footer = breakingFooter(body);
    if (!footer.isEmpty()) {
        c.breaking = true;
        c.breakingNote = footer;
    } else if (c.breaking) {
        c.breakingNote = c.description;
    }
    return c;
}

QString changelogSectionFor(const ConventionalCommit &commit)
{
    if (commit.breaking)
        return QStringLiteral("Changed");
    if (commit.type == QLatin1String("security")
        || commit.scope.compare(QLatin1String("security"), Qt::CaseInsensitive) == 0)
        return QStringLiteral("Security");
    if (commit.type == QLatin1String("feat"))
        return QStringLiteral("Added");
    if (commit.type == QLatin1String("fix"))
        return QStringLiteral("Fixed");
    if (commit.type == QLatin1String("perf"))
        return QStringLiteral("Changed");
    if (commit.type == QLatin1String("revert") || commit.type == QLatin1String("remove"))
        return QStringLiteral("Removed");
    if (commit.type == QLatin1String("deprecate"))
        return QStringLiteral("Deprecated");
    if (!commit.conventional)
        return QStringLiteral("Changed");
    return {};
}

}  // namespace cockpit
