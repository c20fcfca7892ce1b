#pragma once
// Markdown task lists (GitHub flavoured, parsed with cmark-gfm) to checklist phases and back.
// Export keeps the source bytes: an untouched template exports byte-identical to its source, and
// import > export > import gives the same phase.
#include "checklist.h"

namespace cockpit {

// name: the phase name ("pre-release"); path: for error locations.
Result<ChecklistPhase> parseChecklist(const QByteArray &markdown, const QString &name, const QString &path);

// Markdown of the phase with each item's state written into its checkbox line.
QByteArray exportChecklist(const ChecklistPhase &phase);

}  // namespace cockpit
