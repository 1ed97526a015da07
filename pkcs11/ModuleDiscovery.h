#pragma once

#include "pkcs11/Result.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

namespace ca::p11 {

class Module;

struct KnownModule
{
    QString file;     // absolute path, or a bare file name for the system search path
    QString vendor;
    bool verified = false;
    QString note;
};

// Finds the PKCS#11 library to use: the configured path first, then the known
// module names for this OS (resources/pkcs11-modules.json, compiled in), then
// SoftHSM. The first candidate that loads and shows a token wins; when none
// shows a token, the first one that loads is used (so hot-plug can find the
// key later).
class ModuleDiscovery
{
public:
    // "windows", "linux" or "macos"
    static QString currentOs();
    static QList<KnownModule> knownModules(const QString &os = currentOs());
    static QStringList softHsmPaths();
    // The ordered candidate list (absolute paths that do not exist are left out).
    static QStringList candidates(const QString &configuredPath);
    static Result<std::shared_ptr<Module>> discover(const QString &configuredPath);
};

} // namespace ca::p11
