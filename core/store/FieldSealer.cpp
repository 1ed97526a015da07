#include "core/store/FieldSealer.h"
#include "core/store/KeyFile.h"

#include "core/Log.h"

#include <QDir>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryFile>

#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <cstring>
#include <memory>


namespace ca {

namespace {

constexpr char BlobVersion = 0x01;
constexpr int NonceSize = 12;
constexpr int TagSize = 16;

struct CtxFree {
    void operator()(EVP_CIPHER_CTX *c) const { EVP_CIPHER_CTX_free(c); }
};
using CtxPtr = std::unique_ptr<EVP_CIPHER_CTX, CtxFree>;

QString opensslError(const char *step)
{
    const unsigned long e = ERR_get_error();
    char buf[256] = {};
    if (e)
        ERR_error_string_n(e, buf, sizeof buf);
    ERR_clear_error();
    return QStringLiteral("%1: %2").arg(QLatin1String(step), e ? QString::fromLatin1(buf) : QStringLiteral("failed"));
}

} // namespace

FieldSealer::~FieldSealer()
{
    OPENSSL_cleanse(m_key, sizeof m_key);
}

StoreStatus FieldSealer::loadOrCreateKey(const QString &keyPath)
{
    const auto keyError = [&](const QString &detail) {
        return StoreError{StoreError::Code::Crypto,
                          tr("The protection key of the local draft store (%1) cannot be read or created. "
                             "Check that the folder is writable by you, then start the program again.")
                              .arg(QDir::toNativeSeparators(keyPath)),
                          detail};
    };

    for (int attempt = 0; attempt < 3; ++attempt) {
        QFile existing(keyPath);
        if (existing.exists()) {
            if (!existing.open(QIODevice::ReadOnly))
                return keyError(QStringLiteral("open key file: ") + existing.errorString());
            const QByteArray stored = existing.read(64 * 1024);
            existing.close();
            QString detail;
            std::optional<QByteArray> key = keyfile::unprotect(stored, &detail);
            if (!key || key->size() != KeySize) {
                // A damaged key file (or one of another user, or of a copy
                // brought from another computer) is a lost key: only the
                // sealed fields are lost; the store itself goes on. The old
                // file is kept aside for the helpdesk, never reused.
                if (key) {
                    detail = QStringLiteral("key file holds %1 bytes, expected %2").arg(key->size()).arg(KeySize);
                    key->fill('\0');
                }
                const QString aside = keyPath + QStringLiteral(".damaged-")
                    + QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMddHHmmss"));
                qCWarning(lcCore).noquote() << "store: the sealing key" << QDir::toNativeSeparators(keyPath)
                                            << "cannot be used (" << detail << "); it is moved to"
                                            << QDir::toNativeSeparators(aside)
                                            << "and a new key is made: protected draft fields sealed with the old key are lost";
                if (!QFile::rename(keyPath, aside) && !QFile::remove(keyPath))
                    return keyError(QStringLiteral("move the damaged key file aside: ") + detail);
                m_keyReplaced = true;
                continue;
            }
            std::memcpy(m_key, key->constData(), KeySize);
            key->fill('\0');
            m_hasKey = true;
            const auto perms = existing.permissions();
            const auto others = QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ReadOther
                | QFileDevice::WriteOther | QFileDevice::ExeGroup | QFileDevice::ExeOther;
            if (perms & others) {
                qCWarning(lcCore) << "store: key file was readable by others; restricting it to the owner";
                existing.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
            }
            return {};
        }

        // Create: write a complete key into an owner-only temporary file in the
        // same folder, flush it to disk, then rename it into place. rename()
        // refuses to replace an existing file, so if another process won the
        // race we read its key on the next loop.
        unsigned char fresh[KeySize];
        if (RAND_bytes(fresh, KeySize) != 1)
            return keyError(opensslError("RAND_bytes"));
        QTemporaryFile tmp(QFileInfo(keyPath).absolutePath() + QStringLiteral("/.ca-key-XXXXXX"));
        if (!tmp.open()) {
            OPENSSL_cleanse(fresh, sizeof fresh);
            return keyError(QStringLiteral("create temporary key file: ") + tmp.errorString());
        }
        tmp.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        QByteArray plainKey(reinterpret_cast<const char *>(fresh), KeySize);
        OPENSSL_cleanse(fresh, sizeof fresh);
        QString detail;
        const std::optional<QByteArray> stored = keyfile::protect(plainKey, &detail);
        plainKey.fill('\0');
        if (!stored)
            return keyError(QStringLiteral("protect the new key: ") + detail);
        const qint64 written = tmp.write(*stored);
        if (written != stored->size() || !tmp.flush()) {
            return keyError(QStringLiteral("write temporary key file: ") + tmp.errorString());
        }
        keyfile::syncFile(tmp);
        tmp.close();
        if (tmp.rename(keyPath)) {
            tmp.setAutoRemove(false);
            keyfile::syncDirectory(QFileInfo(keyPath).absolutePath());
            qCInfo(lcCore).noquote() << "store: created a new install key" << QDir::toNativeSeparators(keyPath)
                                     << "kept as" << keyfile::schemeName();
        }
        // else: someone else created it in between (or the rename failed):
        // the temporary file is removed and the next round reads keyPath.
    }
    return keyError(QStringLiteral("key file could not be created or read after three attempts"));
}

StoreResult<QByteArray> FieldSealer::seal(const QByteArray &plain, const QByteArray &aad) const
{
    const auto fail = [](const QString &detail) {
        return StoreError{StoreError::Code::Crypto,
                          tr("A confidential field of the draft could not be encrypted, so the draft was not saved. "
                             "Try again; if it keeps failing, restart the program."),
                          detail};
    };
    if (!m_hasKey)
        return fail(QStringLiteral("no key loaded"));

    QByteArray out(1 + NonceSize + plain.size() + TagSize, Qt::Uninitialized);
    auto *o = reinterpret_cast<unsigned char *>(out.data());
    o[0] = BlobVersion;
    unsigned char *nonce = o + 1;
    if (RAND_bytes(nonce, NonceSize) != 1)
        return fail(opensslError("RAND_bytes"));

    CtxPtr ctx(EVP_CIPHER_CTX_new());
    int len = 0;
    int total = 0;
    if (!ctx || EVP_EncryptInit_ex2(ctx.get(), EVP_aes_256_gcm(), m_key, nonce, nullptr) != 1)
        return fail(opensslError("EVP_EncryptInit_ex2"));
    if (!aad.isEmpty()
        && EVP_EncryptUpdate(ctx.get(), nullptr, &len, reinterpret_cast<const unsigned char *>(aad.constData()),
                             int(aad.size())) != 1)
        return fail(opensslError("EVP_EncryptUpdate(aad)"));
    unsigned char *ct = nonce + NonceSize;
    if (!plain.isEmpty()) {
        if (EVP_EncryptUpdate(ctx.get(), ct, &len, reinterpret_cast<const unsigned char *>(plain.constData()),
                              int(plain.size())) != 1)
            return fail(opensslError("EVP_EncryptUpdate"));
        total = len;
    }
    if (EVP_EncryptFinal_ex(ctx.get(), ct + total, &len) != 1)
        return fail(opensslError("EVP_EncryptFinal_ex"));
    total += len;
    if (EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_AEAD_GET_TAG, TagSize, ct + total) != 1)
        return fail(opensslError("EVP_CTRL_AEAD_GET_TAG"));
    out.resize(1 + NonceSize + total + TagSize);
    return out;
}

StoreResult<QByteArray> FieldSealer::unseal(const QByteArray &blob, const QByteArray &aad) const
{
    const auto fail = [](const QString &detail) {
        return StoreError{StoreError::Code::Crypto,
                          tr("A confidential field of a saved draft (the bank account number) cannot be decrypted; "
                             "please enter it again."),
                          detail};
    };
    if (!m_hasKey)
        return fail(QStringLiteral("no key loaded"));
    if (blob.size() < 1 + NonceSize + TagSize || blob.at(0) != BlobVersion)
        return fail(QStringLiteral("sealed blob malformed (%1 bytes)").arg(blob.size()));

    const auto *b = reinterpret_cast<const unsigned char *>(blob.constData());
    const unsigned char *nonce = b + 1;
    const unsigned char *ct = nonce + NonceSize;
    const int ctLen = int(blob.size()) - 1 - NonceSize - TagSize;
    QByteArray tag(reinterpret_cast<const char *>(ct + ctLen), TagSize);

    QByteArray plain(ctLen, Qt::Uninitialized);
    CtxPtr ctx(EVP_CIPHER_CTX_new());
    int len = 0;
    int total = 0;
    if (!ctx || EVP_DecryptInit_ex2(ctx.get(), EVP_aes_256_gcm(), m_key, nonce, nullptr) != 1)
        return fail(opensslError("EVP_DecryptInit_ex2"));
    if (!aad.isEmpty()
        && EVP_DecryptUpdate(ctx.get(), nullptr, &len, reinterpret_cast<const unsigned char *>(aad.constData()),
                             int(aad.size())) != 1)
        return fail(opensslError("EVP_DecryptUpdate(aad)"));
    if (ctLen > 0) {
        if (EVP_DecryptUpdate(ctx.get(), reinterpret_cast<unsigned char *>(plain.data()), &len, ct, ctLen) != 1)
            return fail(opensslError("EVP_DecryptUpdate"));
        total = len;
    }
    if (EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_AEAD_SET_TAG, TagSize, tag.data()) != 1)
        return fail(opensslError("EVP_CTRL_AEAD_SET_TAG"));
    if (EVP_DecryptFinal_ex(ctx.get(), reinterpret_cast<unsigned char *>(plain.data()) + total, &len) != 1) {
        OPENSSL_cleanse(plain.data(), size_t(plain.size()));
        ERR_clear_error();
        return fail(QStringLiteral("GCM tag mismatch (wrong install key or tampered data)"));
    }
    total += len;
    plain.resize(total);
    return plain;
}

} // namespace ca
