#pragma once

#include "pkcs11/SecureBuffer.h"

#include <QString>

#include <optional>

namespace ca::tool {

// Sets the console up for UTF-8 output (Windows: the console code page; POSIX:
// nothing). Called once at start by ca-tool's main(). One implementation per
// platform: TerminalPosix.cpp, TerminalWindows.cpp.
void prepareConsole();

// Reads one line from the controlling terminal (/dev/tty; the console,
// CONIN$, on Windows) with echo turned off, after writing `prompt` there, straight into a SecureBuffer. Used for
// passwords, PINs and codes, which never come from argv or the environment.
// nullopt without a terminal (the caller says what to give instead).
std::optional<p11::SecureBuffer> readTerminalLine(const QString &prompt);

// The same as text (for the platform password). False (and *error) without a terminal.
bool readSecretFromTerminal(const QString &prompt, QString *secret, QString *error);

// The first line of a file (without the line break), for --password-file.
bool readFirstLine(const QString &path, QString *line, QString *error);

} // namespace ca::tool
