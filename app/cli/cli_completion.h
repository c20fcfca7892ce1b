#pragma once
// Shell completion scripts generated from the command table (bash, zsh).
#include <QString>

namespace cockpit::cli {

// The script for shell ("bash" or "zsh"); empty for any other shell.
QString completionScript(const QString &shell);

}  // namespace cockpit::cli
