#pragma once

#include "core/platform/PlatformClient.h"

#include <QString>

#include <memory>

class QTextStream;

namespace ca::tool {

// The platform options every ca-tool command that talks to the server shares
// (--server, --ca-bundle, --user, --password-file) and the sign-in they lead
// to: strict TLS (the bundle adds trust, never removes checks), the password
// from the file's first line or the terminal (never argv or the environment),
// and a 401 later in the command ends that request (no second prompt).
struct PlatformLogin
{
    QString server;
    QString caBundle;
    QString user;
    QString passwordFile;

    // Takes --server/--ca-bundle/--user/--password-file and their values;
    // true when `option` was one of them (*value consumed).
    bool takeOption(const QString &option, const QString &value);
    static bool isOption(const QString &option);

    // Connects and signs in. On failure the sentence is written to `err`, the
    // exit code (tools/Commands.h) set, and nullptr returned.
    std::unique_ptr<PlatformClient> connect(QTextStream &err, int *exitCode) const;
};

// Writes the platform's sentence (and the HTTP status and request id) to
// `err`; returns ExitNetwork for network/TLS failures, else ExitRefused.
int reportPlatformError(const PlatformError &error, QTextStream &err);

} // namespace ca::tool
