#include "pkcs11/ModuleLibrary.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <dlfcn.h>

namespace ca::p11 {

bool ModuleLibrary::load(const QString &absolutePath, QString *error)
{
    if (QFileInfo(absolutePath).isRelative()) {
        *error = QStringLiteral("%1: not an absolute path; a module is loaded by its full path only").arg(absolutePath);
        return false;
    }
    dlerror();
    m_handle = ::dlopen(QFile::encodeName(absolutePath).constData(), RTLD_NOW | RTLD_LOCAL);
    if (!m_handle) {
        const char *why = dlerror();
        *error = QStringLiteral("dlopen(%1): %2").arg(absolutePath, why ? QString::fromLocal8Bit(why) : QStringLiteral("failed"));
        return false;
    }
    return true;
}

void *ModuleLibrary::resolve(const char *symbol) const
{
    return m_handle ? ::dlsym(m_handle, symbol) : nullptr;
}

QStringList ModuleLibrary::locate(const QString &file)
{
    if (QFileInfo(file).isAbsolute())
        return QFileInfo::exists(file) ? QStringList{file} : QStringList{};
    static const char *const dirs[] = {
        "/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib64", "/usr/lib", "/usr/local/lib", "/opt",
    };
    QStringList out;
    for (const char *d : dirs) {
        for (const QString &sub : {QString(), QStringLiteral("/pkcs11")}) {
            const QString path = QLatin1String(d) + sub + QLatin1Char('/') + file;
            if (QFileInfo(path).isFile())
                out.append(path);
        }
    }
    return out;
}

} // namespace ca::p11
