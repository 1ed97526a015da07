#pragma once

#include <QString>
#include <QStringList>

namespace ca::p11 {

// Loading a vendor's PKCS#11 library, per platform (ModuleLibraryPosix.cpp:
// dlopen; ModuleLibraryWindows.cpp: LoadLibraryExW). Only an absolute path is
// ever loaded: never a bare name looked up in the current folder or PATH,
// where anyone could plant a library of the same name. The library stays
// mapped for the life of the process (quirks::keepLibraryMapped): unloading a
// vendor module that left threads behind crashes later.
class ModuleLibrary
{
public:
    // False (and *error, which names the file and the OS's reason) when the
    // path is not absolute or the library cannot be loaded.
    bool load(const QString &absolutePath, QString *error);
    void *resolve(const char *symbol) const;

    // Where a module file name of the known-module table may be installed on
    // this computer: absolute paths of existing files, best first. An absolute
    // name is answered as itself when it exists. Windows: System32, then
    // SysWOW64 (listed, though a 64-bit program cannot load a 32-bit DLL: the
    // load then says so), then vendor folders under Program Files; POSIX: the
    // system library folders and their pkcs11/ subfolders.
    static QStringList locate(const QString &file);

private:
    void *m_handle = nullptr;
};

} // namespace ca::p11
