#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

class QFileDevice;

namespace ca::keyfile {

// How the store's sealing key is kept on disk, per platform (one
// implementation each: KeyFilePosix.cpp, KeyFileWindows.cpp):
//   - POSIX: the key's bytes in a file only the owner can read (0600);
//   - Windows: a DPAPI blob (CryptProtectData, current user), so a copy of
//     the file is useless to another account or on another computer.
// protect() turns the key into what the file holds; unprotect() reverses it
// and answers nullopt (with *detail) for anything it cannot open: another
// user's blob, a damaged file. Neither logs or keeps the key.
std::optional<QByteArray> protect(const QByteArray &key, QString *detail);
std::optional<QByteArray> unprotect(const QByteArray &stored, QString *detail);

// A short name of the scheme for the log ("owner-only file", "DPAPI").
QString schemeName();

// Flushes a written file (and the folder that now names it) to the disk, where
// the platform can; best effort.
void syncFile(QFileDevice &file);
void syncDirectory(const QString &dirPath);

} // namespace ca::keyfile
