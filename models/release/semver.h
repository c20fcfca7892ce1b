#pragma once
// A SemVer 2.0 version (semver.org): strict parsing, precedence ordering, bumps, and the release
// type a bump implies. Tags are versions wrapped in the policy's tag format ("v{version}").
#include "error.h"

#include <QString>
#include <QStringList>
#include <compare>
#include <optional>

namespace cockpit {

class SemVer {
public:
    enum class Part { Major, Minor, Patch };

    SemVer() = default;
    SemVer(quint64 major, quint64 minor, quint64 patch, QStringList prerelease = {}, QStringList build = {});

    // Strict semver.org grammar; errors name what is wrong and the 1-based character.
    static Result<SemVer> parse(const QString &text);
    // The tag of a version under a tag format such as "v{version}" (the policy's tag_format).
    static Result<SemVer> parseTag(
        const QString &tag, const QString &tagFormat = QStringLiteral("v{version}"));
    static std::optional<Part> partFromName(const QString &name);  // "major", "minor", "patch"

    [[nodiscard]] quint64 major() const { return m_major; }
    [[nodiscard]] quint64 minor() const { return m_minor; }
    [[nodiscard]] quint64 patch() const { return m_patch; }
    [[nodiscard]] const QStringList &prerelease() const { return m_prerelease; }
    [[nodiscard]] const QStringList &build() const { return m_build; }
    [[nodiscard]] bool isPrerelease() const { return !m_prerelease.isEmpty(); }

    [[nodiscard]] QString toString() const;
    // Increments the part, zeroes the lower parts and drops pre-release and build metadata:
    // 3.7.0-rc1 bumped by patch is 3.7.1 (a plain increment, not npm's "release the RC").
    [[nodiscard]] SemVer bump(Part part) const;

    // Precedence per semver.org section 11: <0, 0, >0. Build metadata is ignored.
    [[nodiscard]] int compare(const SemVer &other) const;
    // Same version including build metadata (precedence equality ignores it).
    [[nodiscard]] bool isIdentical(const SemVer &other) const;

    friend bool operator==(const SemVer &a, const SemVer &b) { return a.compare(b) == 0; }
    friend std::weak_ordering operator<=>(const SemVer &a, const SemVer &b)
    {
        const int c = a.compare(b);
        return c < 0 ? std::weak_ordering::less
                     : (c > 0 ? std::weak_ordering::greater : std::weak_ordering::equivalent);
    }

private:
    friend struct SemVerParser;
    quint64 m_major = 0;
    quint64 m_minor = 0;
    quint64 m_patch = 0;
    QStringList m_prerelease;
    QStringList m_build;
};

// "major", "minor", "patch" from the bump previous -> next; "hotfix" on a hotfix branch. When the
// cores are equal (an RC promoted to GA) or next is lower, the shape of next decides: x.0.0 is
// major, x.y.0 minor, anything else patch.
QString inferReleaseType(const SemVer &previous, const SemVer &next, bool hotfixBranch);

// The tag for a version: tagFormat with "{version}" replaced ("v{version}" -> "v3.7.0").
QString tagName(const QString &tagFormat, const SemVer &version);

}  // namespace cockpit
