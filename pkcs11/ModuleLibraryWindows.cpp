#include "pkcs11/ModuleLibrary.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>

#include <windows.h>

namespace ca::p11 {

namespace {

QString windowsError(DWORD code)
{
    wchar_t *text = nullptr;
    const DWORD n = ::FormatMessageW(FORMAT_MESSAGE_ALLOCATE_BUFFER | FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_IGNORE_INSERTS,
                                     nullptr, code, 0, reinterpret_cast<wchar_t *>(&text), 0, nullptr);
    QString s = n ? QString::fromWCharArray(text, int(n)).trimmed() : QString();
    if (text)
        ::LocalFree(text);
    return QStringLiteral("Windows error %1%2").arg(code).arg(s.isEmpty() ? QString() : QStringLiteral(": ") + s);
}

QString knownFolder(const wchar_t *variable)
{
    wchar_t buf[MAX_PATH] = {};
    const DWORD n = ::GetEnvironmentVariableW(variable, buf, MAX_PATH);
    return n > 0 && n < MAX_PATH ? QDir::fromNativeSeparators(QString::fromWCharArray(buf, int(n))) : QString();
}

QString systemFolder(bool wow64)
{
    wchar_t buf[MAX_PATH] = {};
    const UINT n = wow64 ? ::GetSystemWow64DirectoryW(buf, MAX_PATH) : ::GetSystemDirectoryW(buf, MAX_PATH);
    return n > 0 && n < MAX_PATH ? QDir::fromNativeSeparators(QString::fromWCharArray(buf, int(n))) : QString();
}

} // namespace

bool ModuleLibrary::load(const QString &absolutePath, QString *error)
{
    const QFileInfo fi(absolutePath);
    if (fi.isRelative()) {
        *error = QStringLiteral("%1: not an absolute path; a module is loaded by its full path only").arg(absolutePath);
        return false;
    }
    // The module's own folder (for the DLLs it brings) and System32: never the
    // current folder, the program's folder or PATH.
    const std::wstring native = QDir::toNativeSeparators(fi.absoluteFilePath()).toStdWString();
    const UINT oldMode = ::SetErrorMode(SEM_FAILCRITICALERRORS | SEM_NOOPENFILEERRORBOX);
    HMODULE h = ::LoadLibraryExW(native.c_str(), nullptr,
                                 LOAD_LIBRARY_SEARCH_DLL_LOAD_DIR | LOAD_LIBRARY_SEARCH_SYSTEM32);
    const DWORD code = h ? 0 : ::GetLastError();
    ::SetErrorMode(oldMode);
    if (!h) {
        *error = QStringLiteral("LoadLibraryExW(%1): %2").arg(QDir::toNativeSeparators(absolutePath), windowsError(code));
        return false;
    }
    m_handle = h;
    return true;
}

void *ModuleLibrary::resolve(const char *symbol) const
{
    return m_handle ? reinterpret_cast<void *>(::GetProcAddress(static_cast<HMODULE>(m_handle), symbol)) : nullptr;
}

QStringList ModuleLibrary::locate(const QString &file)
{
    const QFileInfo asGiven(file);
    if (asGiven.isAbsolute())
        return asGiven.isFile() ? QStringList{file} : QStringList{};
    QStringList out;
    auto addIfFile = [&](const QString &path) {
        if (QFileInfo(path).isFile() && !out.contains(path, Qt::CaseInsensitive))
            out.append(path);
    };
    for (const QString &dir : {systemFolder(false), systemFolder(true)}) {
        if (!dir.isEmpty())
            addIfFile(dir + QLatin1Char('/') + file);
    }
    // Vendor installers put the module in their own folder (for example
    // Program Files\WatchData\WatchDataV5\...): three levels deep is enough.
    for (const QString &root : {knownFolder(L"ProgramFiles"), knownFolder(L"ProgramFiles(x86)")}) {
        if (root.isEmpty() || !QFileInfo(root).isDir())
            continue;
        QDirIterator it(root, {file}, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            const int depth = QDir(root).relativeFilePath(path).count(QLatin1Char('/'));
            if (depth <= 3)
                addIfFile(path);
        }
    }
    return out;
}

} // namespace ca::p11
