// Changelog lint, part two: sections, entries and link reference definitions.
#include "changelog_lint_rules.h"
#include "semver.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>

namespace cockpit::lint {
namespace {

// The standard section people usually mean by a name of their own ("Fixes" -> "Fixed").
QString suggestionFor(QString name)
{
    static const QRegularExpression shortcode(QStringLiteral(R"(^:[a-z_]+:\s*)"));
    name.remove(shortcode);
    name = name.toLower().remove(QChar(0x26A0)).remove(QChar(0xFE0F)).trimmed();
    static const QHash<QString, QString> map = {
        {QStringLiteral("changes"), QStringLiteral("Changed")},
        {QStringLiteral("change"), QStringLiteral("Changed")},
        {QStringLiteral("other changes"), QStringLiteral("Changed")},
        {QStringLiteral("major changes"), QStringLiteral("Changed")},
        {QStringLiteral("minor changes"), QStringLiteral("Changed")},
        {QStringLiteral("patch changes"), QStringLiteral("Changed or Fixed")},
        {QStringLiteral("fixes"), QStringLiteral("Fixed")},
        {QStringLiteral("fix"), QStringLiteral("Fixed")},
        {QStringLiteral("bug fixes"), QStringLiteral("Fixed")},
        {QStringLiteral("bug fix"), QStringLiteral("Fixed")},
        {QStringLiteral("bugfixes"), QStringLiteral("Fixed")},
        {QStringLiteral("additions"), QStringLiteral("Added")},
        {QStringLiteral("major additions"), QStringLiteral("Added")},
        {QStringLiteral("features"), QStringLiteral("Added")},
        {QStringLiteral("new features"), QStringLiteral("Added")},
        {QStringLiteral("enhancement"), QStringLiteral("Added or Changed")},
        {QStringLiteral("enhancements"), QStringLiteral("Added or Changed")},
        {QStringLiteral("deprecations"), QStringLiteral("Deprecated")},
        {QStringLiteral("removals"), QStringLiteral("Removed")},
        {QStringLiteral("breaking"), QStringLiteral("Changed or Removed")},
        {QStringLiteral("breaking change"), QStringLiteral("Changed or Removed")},
        {QStringLiteral("breaking changes"), QStringLiteral("Changed or Removed")},
        {QStringLiteral("backwards-incompatible changes"), QStringLiteral("Changed or Removed")},
        {QStringLiteral("backward-incompatible changes"), QStringLiteral("Changed or Removed")},
        {QStringLiteral("security fixes"), QStringLiteral("Security")},
    };
    return map.value(name);
}

void lintSection(Linter &l, const ChangelogRelease &r, const ChangelogSection &s, const QStringList &allowed,
    QHash<QString, int> &seen, QHash<QString, int> &unknown)
{
    const QString plain = plainSectionName(s.name);
    if (s.level == r.level && r.level == 2) {
        l.add(QStringLiteral("heading-level"), Severity::Error, s.line, 1,
            QStringLiteral("section '%1' is a level-%2 heading like a release, so it reads as one; "
                           "write '%3 %1'")
                .arg(plain)
                .arg(s.level)
                .arg(QString(r.level + 1, u'#')));
    } else if (s.level != r.level + 1 && s.level != r.level) {
        l.add(QStringLiteral("heading-level"), Severity::Warning, s.line, 1,
            QStringLiteral("section '%1' is a level-%2 heading under a level-%3 release; write '%4 %1'")
                .arg(plain)
                .arg(s.level)
                .arg(r.level)
                .arg(QString(r.level + 1, u'#')));
    }
    const auto known = std::find_if(allowed.begin(), allowed.end(),
        [&plain](const QString &a) { return a.compare(plain, Qt::CaseInsensitive) == 0; });
    if (known == allowed.end()) {
        // One finding per name: the first use says how many sections share it.
        int &count = unknown[plain.toLower()];
        if (count > 0) {
            const QString suggestion = suggestionFor(plain);
            l.add(QStringLiteral("section-unknown"), Severity::Warning, s.line, 1,
                QStringLiteral("'%1' is not a Keep a Changelog section (%2)%3%4")
                    .arg(plain, allowed.join(QStringLiteral(", ")),
                        suggestion.isEmpty() ? QString() : QStringLiteral("; use %1").arg(suggestion),
                        count > 1 ? QStringLiteral(" (%1 sections use this name)").arg(count) : QString()));
            count = -count;  // reported
        }
    } else if (*known != plain || s.name.trimmed() != plain) {
        l.add(QStringLiteral("section-format"), Severity::Warning, s.line, 1,
            QStringLiteral("write the section heading as '%1 %2'").arg(QString(s.level, u'#'), *known));
    }
    if (s.contentBlocks == 0) {
        l.add(QStringLiteral("section-empty"), Severity::Warning, s.line, 1,
            QStringLiteral("section '%1' of %2 is empty; leave the heading out until it has an entry")
                .arg(plain, r.version));
    }
    const QString key = plain.toLower();
    if (const auto it = seen.constFind(key); it != seen.cend()) {
        l.add(QStringLiteral("section-duplicate"), Severity::Warning, s.line, 1,
            QStringLiteral("second '%1' section in %2 (the first is at line %3)")
                .arg(plain, r.version)
                .arg(*it));
    } else {
        seen.insert(key, s.line);
    }
}

}  // namespace

void lintSections(Linter &l)
{
    const QStringList allowed = standardChangelogSections() + l.opts.extraSections;
    QHash<QString, int> unknown;  // lower-case name -> uses; negated once reported
    for (const ChangelogRelease &r : l.log.releases) {
        for (const ChangelogSection &s : r.sections) {
            const QString plain = plainSectionName(s.name);
            if (s.level != 0 && !allowed.contains(plain, Qt::CaseInsensitive))
                ++unknown[plain.toLower()];
        }
    }
    for (const ChangelogRelease &r : l.log.releases) {
        QHash<QString, int> seen;
        for (const ChangelogSection &s : r.sections) {
            if (s.level == 0) {
                const QString what = s.label.isEmpty()
                    ? QStringLiteral(
                        "entries of %1 are not under a section heading (### Added, ### Fixed, ...)")
                          .arg(r.version)
                    : QStringLiteral(
                        "'%1' is a paragraph, not a section heading; write '### %2' above these entries")
                          .arg(s.label,
                              suggestionFor(plainSectionName(s.label)).isEmpty()
                                  ? QStringLiteral("Added|Changed|Fixed|...")
                                  : suggestionFor(plainSectionName(s.label)));
                l.add(QStringLiteral("entry-outside-section"), Severity::Warning, s.line, 1, what);
                continue;
            }
            lintSection(l, r, s, allowed, seen, unknown);
        }
        if (r.contentBlocks == 0 && !r.isUnreleased()) {
            l.add(QStringLiteral("release-empty"), Severity::Warning, r.line, 1,
                QStringLiteral("release %1 has no entries").arg(r.version));
        }
    }
}

void lintEntries(Linter &l)
{
    for (const ChangelogRelease &r : l.log.releases) {
        QHash<QString, int> seen;
        for (const ChangelogSection &s : r.sections) {
            // Prose above a list is an introduction; only a section without list items is flagged.
            bool paragraphsFlagged = std::any_of(
                s.entries.begin(), s.entries.end(), [](const ChangelogEntry &e) { return e.listItem; });
            for (const ChangelogEntry &e : s.entries) {
                if (!e.listItem && !paragraphsFlagged && s.level != 0) {
                    paragraphsFlagged = true;
                    l.add(QStringLiteral("entry-format"), Severity::Info, e.line, 1,
                        QStringLiteral(
                            "entries of '%1' are paragraphs; Keep a Changelog lists them as '- ' items")
                            .arg(plainSectionName(s.name)));
                }
                const QString key = e.text.simplified().toLower();
                if (key.isEmpty() || !e.listItem)
                    continue;
                if (const auto it = seen.constFind(key); it != seen.cend()) {
                    l.add(QStringLiteral("entry-duplicate"), Severity::Warning, e.line, 1,
                        QStringLiteral("the same entry as line %1 of %2").arg(*it).arg(r.version));
                } else {
                    seen.insert(key, e.line);
                }
            }
        }
    }
}

namespace {

const QRegularExpression &comparePattern()
{
    static const QRegularExpression re(QStringLiteral(R"(/compare/(.+?)\.\.\.?([^/?#]+)$)"));
    return re;
}

bool namesVersion(const QString &ref, const QString &version)
{
    return ref == version || ref.endsWith(u'v' + version) || ref.endsWith(u'-' + version)
        || ref.endsWith(u'/' + version) || ref.endsWith(u'@' + version);
}

// The releases a compare link for r may start from: the next lower version in the file, and the
// release right below r.
QStringList compareBases(const Linter &l, qsizetype index)
{
    QStringList out;
    const ChangelogRelease &r = l.log.releases.at(index);
    if (index + 1 < l.log.releases.size())
        out << l.log.releases.at(index + 1).version;
    const auto mine = SemVer::parse(r.version);
    if (!mine && !r.isUnreleased())
        return out;
    // l.versions is ascending: the next lower version, then the next lower stable one.
    auto it = mine ? std::lower_bound(l.versions.begin(), l.versions.end(), *mine,
                  [](const auto &v, const SemVer &x) { return v.first < x; })
                   : l.versions.end();
    bool lower = false, stable = false;
    while (it != l.versions.begin() && !stable) {
        --it;
        if (!lower) {
            out << it->second;
            lower = true;
        }
        if (!it->first.isPrerelease()) {
            out << it->second;
            stable = true;
        }
    }
    return out;
}

void lintReleaseLink(Linter &l, qsizetype index, const LinkReference &link)
{
    const ChangelogRelease &r = l.log.releases.at(index);
    const auto m = comparePattern().match(link.url);
    if (!m.hasMatch()) {
        if (!r.isUnreleased() && !link.url.contains(r.version)) {
            l.add(QStringLiteral("link-mismatch"), Severity::Warning, link.line, 1,
                QStringLiteral("the link for [%1] does not mention %2").arg(link.label, r.version));
        }
        return;
    }
    const QString from = m.captured(1), to = m.captured(2);
    if (!r.isUnreleased() && !namesVersion(to, r.version)) {
        l.add(QStringLiteral("link-mismatch"), Severity::Warning, link.line, 1,
            QStringLiteral("[%1] compares up to '%2', not %3").arg(link.label, to, r.version));
        return;
    }
    const QStringList bases = compareBases(l, index);
    if (!bases.isEmpty() && std::none_of(bases.begin(), bases.end(), [&from](const QString &b) {
            return namesVersion(from, b);
        })) {
        l.add(QStringLiteral("link-mismatch"), Severity::Warning, link.line, 1,
            QStringLiteral("[%1] compares from '%2', but the release before it is %3")
                .arg(link.label, from, bases.last()));
    }
}

}  // namespace

void lintLinks(Linter &l)
{
    QHash<QString, LinkReference> labels;
    for (const LinkReference &link : l.log.links) {
        const QString key = link.label.toLower();
        if (const auto it = labels.constFind(key); it != labels.cend()) {
            if (it->url != link.url)
                l.add(QStringLiteral("link-duplicate"), Severity::Warning, link.line, 1,
                    QStringLiteral("[%1] is defined again with another URL (first at line %2, which wins)")
                        .arg(link.label)
                        .arg(it->line));
        } else {
            labels.insert(key, link);
        }
    }
    QList<qsizetype> missing;
    int linked = 0;
    QSet<QString> versions;
    for (qsizetype i = 0; i < l.log.releases.size(); ++i) {
        const ChangelogRelease &r = l.log.releases.at(i);
        if (!r.bracketed || r.inlineLink || versions.contains(r.version.toLower()))
            continue;  // a duplicate version is reported as such
        versions.insert(r.version.toLower());
        const QString label = (r.vPrefix ? QStringLiteral("v") : QString()) + r.version;
        if (const LinkReference *link = l.link(label)) {
            ++linked;
            lintReleaseLink(l, i, *link);
        } else {
            missing.append(i);
        }
    }
    // A file that never defines release links gets one finding, not one per release.
    if (linked == 0 && missing.size() > 1) {
        const ChangelogRelease &r = l.log.releases.at(missing.first());
        l.add(QStringLiteral("link-missing"), Severity::Warning, r.line, 1,
            QStringLiteral("no release heading has a link definition; add '[%1]: <compare URL>' and one per "
                           "release at the bottom, or drop the brackets")
                .arg(r.version));
        return;
    }
    for (const qsizetype i : std::as_const(missing)) {
        const ChangelogRelease &r = l.log.releases.at(i);
        l.add(QStringLiteral("link-missing"), Severity::Warning, r.line, 1,
            QStringLiteral("[%1] has no link definition ('[%1]: <compare URL>')")
                .arg((r.vPrefix ? QStringLiteral("v") : QString()) + r.version));
    }
    static const QRegularExpression versionLabel(
        QStringLiteral(R"(^(v?\d+\.\d+\S*|unreleased)$)"), QRegularExpression::CaseInsensitiveOption);
    QSet<QString> released;
    for (const ChangelogRelease &r : l.log.releases)
        released.insert(r.version.toLower());
    for (const LinkReference &link : l.log.links) {
        QString label = link.label.toLower();
        if (label.startsWith(u'v'))
            label.remove(0, 1);
        if (versionLabel.match(link.label).hasMatch() && !released.contains(label)) {
            l.add(QStringLiteral("link-unused"), Severity::Warning, link.line, 1,
                QStringLiteral("[%1] is defined but no release heading has that version").arg(link.label));
        }
    }
}

}  // namespace cockpit::lint
