#include "core/store/KeyFile.h"

#include <QFileDevice>

#include <windows.h>
#include <dpapi.h>
#include <io.h>

namespace ca::keyfile {

namespace {

// Bound into every blob: a DPAPI blob of another program cannot be passed off
// as our key (and ours is refused elsewhere).
const wchar_t kDescription[] = L"ca-client local store key";
const char kEntropy[] = "ca-client/store-key/v1";

DATA_BLOB blobOf(const QByteArray &bytes)
{
    DATA_BLOB b;
    b.cbData = DWORD(bytes.size());
    b.pbData = reinterpret_cast<BYTE *>(const_cast<char *>(bytes.constData()));
    return b;
}

QString lastErrorText(const char *step)
{
    return QStringLiteral("%1 failed (Windows error %2)").arg(QLatin1String(step)).arg(::GetLastError());
}

} // namespace

std::optional<QByteArray> protect(const QByteArray &key, QString *detail)
{
    DATA_BLOB in = blobOf(key);
    const QByteArray entropyBytes(kEntropy);
    DATA_BLOB entropy = blobOf(entropyBytes);
    DATA_BLOB out{};
    if (!::CryptProtectData(&in, kDescription, &entropy, nullptr, nullptr, CRYPTPROTECT_UI_FORBIDDEN, &out)) {
        if (detail)
            *detail = lastErrorText("CryptProtectData");
        return std::nullopt;
    }
    QByteArray blob(reinterpret_cast<const char *>(out.pbData), qsizetype(out.cbData));
    ::LocalFree(out.pbData);
    return blob;
}

std::optional<QByteArray> unprotect(const QByteArray &stored, QString *detail)
{
    DATA_BLOB in = blobOf(stored);
    const QByteArray entropyBytes(kEntropy);
    DATA_BLOB entropy = blobOf(entropyBytes);
    DATA_BLOB out{};
    if (!::CryptUnprotectData(&in, nullptr, &entropy, nullptr, nullptr, CRYPTPROTECT_UI_FORBIDDEN, &out)) {
        if (detail)
            *detail = lastErrorText("CryptUnprotectData");
        return std::nullopt;
    }
    QByteArray key(reinterpret_cast<const char *>(out.pbData), qsizetype(out.cbData));
    ::SecureZeroMemory(out.pbData, out.cbData);
    ::LocalFree(out.pbData);
    return key;
}

QString schemeName()
{
    return QStringLiteral("DPAPI (current user)");
}

void syncFile(QFileDevice &file)
{
    const int fd = file.handle();
    if (fd >= 0)
        ::FlushFileBuffers(reinterpret_cast<HANDLE>(::_get_osfhandle(fd)));
}

void syncDirectory(const QString &)
{
    // NTFS has no directory fsync; the rename is journalled by the file system.
}

} // namespace ca::keyfile
