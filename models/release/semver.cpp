#include "semver.h"

#include <QLoggingCategory>

namespace cockpit {

Q_LOGGING_CATEGORY(lcSemVer, "cockpit.models.semver")

namespace {

bool isIdentChar(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || u == '-';
}

bool isDigits(const QString &s)
{
    for (QChar c : s) {
        if (c < u'0' || c > u'9')
            return false;
    }
    return !s.isEmpty();
}

// Numeric identifiers compare as numbers, but may exceed 64 bits in a pre-release: compare by
// length first (no leading zeros), then lexically.
int compareNumeric(const QString &a, const QString &b)
{
    if (a.size() != b.size())
        return a.size() < b.size() ? -1 : 1;
    const int c = a.compare(b);
    return c < 0 ? -1 : (c > 0 ? 1 : 0);
}

int compareIdentifier(const QString &a, const QString &b)
{
    const bool an = isDigits(a);
    const bool bn = isDigits(b);
    if (an && bn)
        return compareNumeric(a, b);
    if (an != bn)
        return an ? -1 : 1;  // numeric identifiers have lower precedence than alphanumeric ones
    const int c = a.compare(b);  // ASCII order: identifiers are ASCII only
    return c < 0 ? -1 : (c > 0 ? 1 : 0);
}

}  // namespace

// Recursive-descent over the semver.org BNF; m_offset shifts reported characters when the
// version sits inside a tag.
struct SemVerParser {
    const QString &text;
    qsizetype offset = 0;
    qsizetype pos = 0;

    std::unexpected<Error> error(const QString &what, qsizetype at) const
    {
        return fail(ErrorCode::BadInput,
            QStringLiteral("invalid version \"%1\": %2 at character %3")
                .arg(text, what)
                .arg(at + offset + 1));
    }

    QString describeHere() const
    {
        return pos < text.size() ? QStringLiteral("unexpected '%1'").arg(text.at(pos))
                                 : QStringLiteral("unexpected end");
    }

    Result<quint64> number(const char *name)
    {
        const qsizetype start = pos;
        while (pos < text.size() && text.at(pos) >= u'0' && text.at(pos) <= u'9')
            ++pos;
        if (pos == start)
            return error(
                describeHere() + QStringLiteral(", expected the %1 version number").arg(QLatin1String(name)),
                pos);
        if (pos - start > 1 && text.at(start) == u'0')
            return error(
                QStringLiteral("leading zero in the %1 version number").arg(QLatin1String(name)), start);
        bool ok = false;
        const quint64 value = text.mid(start, pos - start).toULongLong(&ok);
        if (!ok)
            return error(QStringLiteral("%1 version number too large").arg(QLatin1String(name)), start);
        return value;
    }

    Result<QStringList> identifiers(bool prerelease)
    {
        QStringList out;
        const char *what = prerelease ? "pre-release" : "build metadata";
        for (;;) {
            const qsizetype start = pos;
            while (pos < text.size() && isIdentChar(text.at(pos)))
                ++pos;
            if (pos == start)
                return error(
                    describeHere() + QStringLiteral(", expected a %1 identifier").arg(QLatin1String(what)),
                    pos);
            const QString ident = text.mid(start, pos - start);
            if (prerelease && ident.size() > 1 && ident.at(0) == u'0' && isDigits(ident))
                return error(QStringLiteral("leading zero in numeric pre-release identifier"), start);
            out.append(ident);
            if (pos < text.size() && text.at(pos) == u'.') {
                ++pos;
                continue;
            }
            return out;
        }
    }

    Status expect(QChar c, const char *context)
    {
        if (pos < text.size() && text.at(pos) == c) {
            ++pos;
            return {};
        }
        return error(
            describeHere() + QStringLiteral(", expected '%1' %2").arg(c).arg(QLatin1String(context)), pos);
    }

    Result<SemVer> run()
    {
        if (text.isEmpty())
            return fail(ErrorCode::BadInput, QStringLiteral("empty version"));
        SemVer v;
        auto major = number("major");
        if (!major)
            return std::unexpected(major.error());
        if (auto s = expect(u'.', "after the major version"); !s)
            return std::unexpected(s.error());
        auto minor = number("minor");
        if (!minor)
            return std::unexpected(minor.error());
        if (auto s = expect(u'.', "after the minor version"); !s)
            return std::unexpected(s.error());
        auto patch = number("patch");
        if (!patch)
            return std::unexpected(patch.error());
        v.m_major = *major;
        v.m_minor = *minor;
        v.m_patch = *patch;
        if (pos < text.size() && text.at(pos) == u'-') {
            ++pos;
            auto pre = identifiers(true);
            if (!pre)
                return std::unexpected(pre.error());
            v.m_prerelease = *pre;
        }
        if (pos < text.size() && text.at(pos) == u'+') {
            ++pos;
            auto build = identifiers(false);
            if (!build)
                return std::unexpected(build.error());
            v.m_build = *build;
        }
        if (pos != text.size())
            return error(describeHere() + QStringLiteral(" after the version"), pos);
        return v;
    }
};

SemVer::SemVer(quint64 major, quint64 minor, quint64 patch, QStringList prerelease, QStringList build)
    : m_major(major)
    , m_minor(minor)
    , m_patch(patch)
    , m_prerelease(std::move(prerelease))
    , m_build(std::move(build))
{
}

Result<SemVer> SemVer::parse(const QString &text)
{
    return SemVerParser {text}.run();
}

Result<SemVer> SemVer::parseTag(const QString &tag, const QString &tagFormat)
{
    static const QString placeholder = QStringLiteral("{version}");
    const qsizetype at = tagFormat.indexOf(placeholder);
    if (at < 0)
        return fail(ErrorCode::Usage, QStringLiteral("tag format \"%1\" has no {version}").arg(tagFormat));
    const QString prefix = tagFormat.left(at);
    const QString suffix = tagFormat.mid(at + placeholder.size());
    if (tag.size() < prefix.size() + suffix.size() || !tag.startsWith(prefix) || !tag.endsWith(suffix)) {
        return fail(ErrorCode::BadInput,
            QStringLiteral("tag \"%1\" does not match the tag format \"%2\"").arg(tag, tagFormat));
    }
    const QString version = tag.mid(prefix.size(), tag.size() - prefix.size() - suffix.size());
    return SemVerParser {version, prefix.size()}.run();
}

std::optional<SemVer::Part> SemVer::partFromName(const QString &name)
{
    const QString n = name.trimmed().toLower();
    if (n == u"major")
        return Part::Major;
    if (n == u"minor")
        return Part::Minor;
    if (n == u"patch")
        return Part::Patch;
    return std::nullopt;
}

QString SemVer::toString() const
{
    QString out = QStringLiteral("%1.%2.%3").arg(m_major).arg(m_minor).arg(m_patch);
    if (!m_prerelease.isEmpty())
        out += u'-' + m_prerelease.join(u'.');
    if (!m_build.isEmpty())
        out += u'+' + m_build.join(u'.');
    return out;
}

SemVer SemVer::bump(Part part) const
{
    switch (part) {
    case Part::Major:
        return SemVer(m_major + 1, 0, 0);
    case Part::Minor:
        return SemVer(m_major, m_minor + 1, 0);
    case Part::Patch:
        return SemVer(m_major, m_minor, m_patch + 1);
    }
    return *this;
}

int SemVer::compare(const SemVer &other) const
{
    if (m_major != other.m_major)
        return m_major < other.m_major ? -1 : 1;
    if (m_minor != other.m_minor)
        return m_minor < other.m_minor ? -1 : 1;
    if (m_patch != other.m_patch)
        return m_patch < other.m_patch ? -1 : 1;
    // A pre-release version has lower precedence than the normal version.
    if (m_prerelease.isEmpty() || other.m_prerelease.isEmpty()) {
        if (m_prerelease.isEmpty() == other.m_prerelease.isEmpty())
            return 0;
        return m_prerelease.isEmpty() ? 1 : -1;
    }
    const qsizetype n = std::min(m_prerelease.size(), other.m_prerelease.size());
    for (qsizetype i = 0; i < n; ++i) {
        if (const int c = compareIdentifier(m_prerelease.at(i), other.m_prerelease.at(i)); c != 0)
            return c;
    }
    if (m_prerelease.size() == other.m_prerelease.size())
        return 0;
    return m_prerelease.size() < other.m_prerelease.size() ? -1 : 1;
}

bool SemVer::isIdentical(const SemVer &other) const
{
    return compare(other) == 0 && m_prerelease == other.m_prerelease && m_build == other.m_build;
}

QString inferReleaseType(const SemVer &previous, const SemVer &next, bool hotfixBranch)
{
    if (hotfixBranch)
        return QStringLiteral("hotfix");
    const SemVer prevCore(previous.major(), previous.minor(), previous.patch());
    const SemVer nextCore(next.major(), next.minor(), next.patch());
    if (nextCore > prevCore) {
        if (next.major() != previous.major())
            return QStringLiteral("major");
        if (next.minor() != previous.minor())
            return QStringLiteral("minor");
        return QStringLiteral("patch");
    }
    qCDebug(lcSemVer) << "no forward bump from" << previous.toString() << "to" << next.toString()
                      << "- inferring the type from the version's shape";
    if (next.minor() == 0 && next.patch() == 0)
        return QStringLiteral("major");
    if (next.patch() == 0)
        return QStringLiteral("minor");
    return QStringLiteral("patch");
}

QString tagName(const QString &tagFormat, const SemVer &version)
{
    QString out = tagFormat;
    return out.replace(QStringLiteral("{version}"), version.toString());
}

}  // namespace cockpit
