#pragma once

#include <QStringList>

class QTextStream;

namespace ca::tool {

// Exit codes shared by every subcommand (documented in the README).
enum ExitCode : int {
    ExitOk = 0,       // done / valid
    ExitRefused = 1,  // invalid input, or refused by the server or the token
    ExitUsage = 2,    // wrong words on the command line
    ExitNetwork = 3,  // network or TLS failure
    // ca-tool token pin-reset --server: the platform refused the verification code
    ExitCodeWrong = 4,     // wrong code (tries are left: run again with the right code)
    ExitCodeExpired = 5,   // the code expired: start a new reset
    ExitResetClosed = 6,   // out of tries (or used): start a new reset
};

// Every subcommand gets its own arguments (the subcommand name removed) and the
// two streams; options may stand before or after positional arguments.
struct Io {
    QTextStream &out;
    QTextStream &err;
};

int runValidate(const QStringList &args, Io io);
int runApplication(const QStringList &args, Io io);
int runToken(const QStringList &args, Io io);
int runConfig(const QStringList &args, Io io);

} // namespace ca::tool
