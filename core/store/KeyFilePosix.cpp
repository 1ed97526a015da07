#include "core/store/KeyFile.h"

#include <QFile>

#include <fcntl.h>
#include <unistd.h>

namespace ca::keyfile {

std::optional<QByteArray> protect(const QByteArray &key, QString *)
{
    return key; // the file itself is owner-only (FieldSealer sets 0600)
}

std::optional<QByteArray> unprotect(const QByteArray &stored, QString *)
{
    return stored;
}

QString schemeName()
{
    return QStringLiteral("owner-only file");
}

void syncFile(QFileDevice &file)
{
    if (file.handle() >= 0)
        ::fsync(file.handle());
}

void syncDirectory(const QString &dirPath)
{
    const int fd = ::open(QFile::encodeName(dirPath).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

} // namespace ca::keyfile
