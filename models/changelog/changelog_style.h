#pragma once
// How a changelog writes its entries, read from the entries it has, so a drafted entry looks like
// its neighbours: capitalised or not, a final period or not, how it cites a pull request
// ("(#12)", "([#12](https://host/o/r/pull/12))", "[#12](...)") and whether code is in backticks.
#include "changelog.h"

#include <QString>

namespace cockpit {

struct EntryStyle {
    bool capitalise = true;
    bool finalPeriod = false;
    bool backticks = false;  // the file puts identifiers, flags and file names in `code`
    // The PR citation with {n} for the number ("(#{n})" by default).
    QString prCitation = QStringLiteral("(#{n})");
};

// The majority of the file's entries decides; a file with no entries gets the defaults.
EntryStyle detectEntryStyle(const Changelog &changelog);

// One entry's text (without "- ") for a change: its description in the file's style, citing the
// PR (pr > 0) or else the short SHA, which is what coverage recognises it by.
QString styleEntry(const EntryStyle &style, const QString &description, int pr, const QString &shortSha);

}  // namespace cockpit
