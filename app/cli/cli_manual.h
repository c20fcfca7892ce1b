#pragma once
// Help and the man page, written from the command table: what `--help` prints for the program,
// a group or a command, and the COMMANDS and OPTIONS sections of release-cockpit(1).
#include <QString>

namespace cockpit::cli {

// roff for the man page's COMMANDS and OPTIONS sections; packaging/ splices it into the page.
QString manSections();

}  // namespace cockpit::cli
