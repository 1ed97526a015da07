#pragma once

#include <QString>

namespace ca::tool {

// Reads one line from the controlling terminal (/dev/tty) with echo turned
// off, after writing `prompt` there. Used for passwords and PINs, which never
// come from argv or the environment. False (and *error) without a terminal.
bool readSecretFromTerminal(const QString &prompt, QString *secret, QString *error);

// The first line of a file (without the line break), for --password-file.
bool readFirstLine(const QString &path, QString *line, QString *error);

} // namespace ca::tool
