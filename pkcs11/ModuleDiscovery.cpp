#include "pkcs11/ModuleDiscovery.h"

#include "pkcs11/Log.h"
#include "pkcs11/Module.h"
#include "pkcs11/ModuleLibrary.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <vector>

namespace ca::p11 {

namespace {

QJsonObject moduleTable()
{
    QFile f(QStringLiteral(":/ca/pkcs11/pkcs11-modules.json"));
    if (!f.open(QIODevice::ReadOnly)) {
        qCWarning(lcP11) << "the known-module table is missing from the resources";
        return {};
    }
    return QJsonDocument::fromJson(f.readAll()).object();
}


bool hasTokenPresent(Module &m)
{
    CK_ULONG count = 0;
    if (!CA_P11(m, C_GetSlotList, CK_TRUE, nullptr, &count))
        return false;
    return count > 0;
}

} // namespace

QString ModuleDiscovery::currentOs()
{
#if defined(Q_OS_WIN)
    return QStringLiteral("windows");
#elif defined(Q_OS_MACOS)
    return QStringLiteral("macos");
#else
    return QStringLiteral("linux");
#endif
}

QList<KnownModule> ModuleDiscovery::knownModules(const QString &os)
{
    QList<KnownModule> out;
    const QJsonArray list = moduleTable().value(os).toArray();
    for (const QJsonValue &v : list) {
        const QJsonObject o = v.toObject();
        KnownModule k;
        k.file = o.value(QLatin1String("file")).toString();
        k.vendor = o.value(QLatin1String("vendor")).toString();
        k.verified = o.value(QLatin1String("verified")).toBool();
        k.note = o.value(QLatin1String("note")).toString();
        if (!k.file.isEmpty())
            out.append(k);
    }
    return out;
}

QStringList ModuleDiscovery::softHsmPaths()
{
    QStringList out;
    const QJsonArray list = moduleTable().value(QLatin1String("softhsm")).toArray();
    for (const QJsonValue &v : list)
        out.append(v.toString());
    return out;
}

QStringList ModuleDiscovery::candidates(const QString &configuredPath)
{
    QStringList out;
    QStringList seen;  // canonical paths: a library reachable under two names is tried once
    auto add = [&](const QString &file) {
        const QFileInfo fi(file);
        const QString key = fi.exists() ? fi.canonicalFilePath() : file;
        if (seen.contains(key))
            return;
        seen.append(key);
        out.append(file);
    };
    // Only absolute paths of files that exist: a bare name is looked up in
    // the places its vendor installs it (ModuleLibrary::locate), never left to
    // the system loader's search order.
    if (!configuredPath.isEmpty()) {
        const QStringList found = ModuleLibrary::locate(configuredPath);
        if (found.isEmpty())
            add(configuredPath); // tried, and its load error names it
        for (const QString &f : found)
            add(f);
    }
    for (const KnownModule &k : knownModules()) {
        for (const QString &f : ModuleLibrary::locate(k.file))
            add(f);
    }
    for (const QString &s : softHsmPaths()) {
        if (QFileInfo::exists(s))
            add(s);
    }
    return out;
}

Result<std::shared_ptr<Module>> ModuleDiscovery::discover(const QString &configuredPath)
{
    const QStringList list = candidates(configuredPath);
    if (list.isEmpty())
        return Error::make(ErrorKind::NoModule, QStringLiteral("no PKCS#11 module candidates"));

    std::shared_ptr<Module> firstLoaded;
    Error firstError = Error::make(ErrorKind::NoModule, QStringLiteral("no candidate could be loaded"));
    bool haveError = false;
    for (const QString &path : list) {
        auto loaded = Module::load(path);
        if (!loaded) {
            if (!haveError) {
                firstError = loaded.error();
                haveError = true;
            }
            qCDebug(lcP11).noquote() << "discovery: skipping" << path << "-" << loaded.error().logText();
            continue;
        }
        std::shared_ptr<Module> m = std::move(loaded).value();
        if (hasTokenPresent(*m)) {
            qCDebug(lcP11).noquote() << "discovery: using" << path << "(a token is present)";
            return m;
        }
        if (!firstLoaded)
            firstLoaded = std::move(m);
        // otherwise the module is released here (C_Finalize)
    }
    if (firstLoaded) {
        qCInfo(lcP11).noquote() << "discovery: no token present anywhere; using" << firstLoaded->path();
        return firstLoaded;
    }
    return firstError;
}

} // namespace ca::p11
