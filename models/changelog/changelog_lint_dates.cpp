// Changelog lint: release dates (valid, not in the future, newest first) and tags (a tagged
// version should have a section). Shared state is the Linter of changelog_lint_rules.h.
#include "changelog_heading.h"
#include "changelog_lint_rules.h"

#include <algorithm>

namespace cockpit::lint {

namespace {

// Dates go newest first. Of two adjacent releases in the wrong order, the upper one is blamed
// (with the run of releases above it that are just as early) unless the lower one is the odd one
// out: later than the one above the upper too. otel's 0.17.0/0.16.0 dated 2020 instead of 2021
// are both blamed, not 0.15.0 below them.
void lintDateOrder(Linter &l, const QList<const ChangelogRelease *> &d)
{
    QList<const ChangelogRelease *> flagged;
    for (qsizetype i = 0; i + 1 < d.size(); ++i) {
        const ChangelogRelease *upper = d.at(i), *lower = d.at(i + 1);
        if (upper->date >= lower->date)
            continue;
        const bool blameLower = i > 0 && lower->date > d.at(i - 1)->date
            && !(i + 2 < d.size() && upper->date < d.at(i + 2)->date);
        if (blameLower) {
            if (!flagged.contains(lower)) {
                flagged.append(lower);
                l.add(QStringLiteral("date-order"), Severity::Error, lower->line,
                    l.columnOf(lower->line, lower->dateText),
                    QStringLiteral("%1 is dated %2, later than %3 above it (%4); releases go newest first")
                        .arg(lower->version, lower->date.toString(Qt::ISODate), upper->version,
                            upper->date.toString(Qt::ISODate)));
            }
            continue;
        }
        for (qsizetype k = i; k >= 0 && d.at(k)->date < lower->date; --k) {
            const ChangelogRelease *r = d.at(k);
            if (flagged.contains(r))
                continue;
            flagged.append(r);
            l.add(QStringLiteral("date-order"), Severity::Error, r->line, l.columnOf(r->line, r->dateText),
                QStringLiteral("%1 is dated %2, before %3 below it (%4); releases go newest first")
                    .arg(r->version, r->date.toString(Qt::ISODate), lower->version,
                        lower->date.toString(Qt::ISODate)));
        }
    }
}

}  // namespace

void lintDates(Linter &l)
{
    QList<const ChangelogRelease *> dates;  // releases with a valid date, in file order
    int released = 0, undated = 0;
    for (const ChangelogRelease &r : l.log.releases) {
        if (!r.isUnreleased()) {
            ++released;
            undated += r.dateText.isEmpty() ? 1 : 0;
        }
    }
    const bool allUndated = released >= 3 && undated == released;
    bool undatedReported = false;
    int dated = 0, nonIso = 0;
    for (const ChangelogRelease &r : l.log.releases) {
        if (!r.isUnreleased() && r.date.isValid()) {
            ++dated;
            nonIso += isIsoDate(r.dateText) ? 0 : 1;
        }
    }
    const bool allNonIso = dated >= 3 && nonIso == dated;
    bool nonIsoReported = false;
    for (const ChangelogRelease &r : l.log.releases) {
        if (r.isUnreleased() || r.dateText.compare(QLatin1String("unreleased"), Qt::CaseInsensitive) == 0)
            continue;
        const int column = l.columnOf(r.line, r.dateText);
        if (r.dateText.isEmpty()) {
            if (!undatedReported)
                l.add(QStringLiteral("date-missing"), Severity::Warning, r.line, 1,
                    allUndated ? QStringLiteral("no release has a date; write '## [X.Y.Z] - YYYY-MM-DD'")
                               : QStringLiteral("release %1 has no date").arg(r.version));
            undatedReported = allUndated;
        } else if (!r.date.isValid()) {
            l.add(QStringLiteral("date-invalid"), Severity::Error, r.line, column,
                QStringLiteral("'%1' is not a date; write YYYY-MM-DD").arg(r.dateText));
        } else if (!isIsoDate(r.dateText) && !nonIsoReported) {
            nonIsoReported = allNonIso;
            if (allNonIso)
                l.add(QStringLiteral("date-format"), Severity::Warning, r.line, column,
                    QStringLiteral("no date is ISO 8601 ('%1' here); write %2")
                        .arg(r.dateText, r.date.toString(Qt::ISODate)));
            else
                l.add(QStringLiteral("date-format"), Severity::Warning, r.line, column,
                    QStringLiteral("date '%1' is not ISO 8601; write %2")
                        .arg(r.dateText, r.date.toString(Qt::ISODate)));
        }
        if (!r.date.isValid())
            continue;
        dates.append(&r);
    }
    lintDateOrder(l, dates);
}

void lintTags(Linter &l)
{
    if (l.opts.knownTags.isEmpty())
        return;
    QStringList tagged;
    for (const QString &t : l.opts.knownTags)
        tagged << (t.startsWith(u'v') || t.startsWith(u'V') ? t.mid(1) : t);
    for (const ChangelogRelease &r : l.log.releases) {
        if (r.isUnreleased() || r.yanked || tagged.contains(r.version))
            continue;
        l.add(QStringLiteral("version-untagged"), Severity::Warning, r.line, 1,
            QStringLiteral("no release tag for %1 in the repository").arg(r.version));
    }
}


}  // namespace cockpit::lint
