#pragma once

#include "core/store/StoreError.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace ca {

// Encryption at rest for the few draft fields that are confidential but must
// survive a restart (the invoice's bank account number): AES-256-GCM (OpenSSL
// EVP) under a random per-install key kept in a file next to the database:
// owner-only (0600) on POSIX, a DPAPI blob of the current user on Windows
// (core/store/KeyFile.h).
//
// What it protects against: the database file (or a copy of it in a backup, a
// support bundle, a shared folder) showing the number, and anything that reads
// the SQLite file alone. What it does not: someone who can read the user's
// files can read the key file too on POSIX (libsecret would be the next step);
// on Windows, DPAPI makes a copied key file useless elsewhere. A key file
// that cannot be used (damaged, another user's) is treated as lost: it is
// moved aside, a new key is made, and only the sealed fields are lost.
//
// Blob layout: 0x01 | 12-byte random nonce | ciphertext | 16-byte GCM tag.
// The additional authenticated data binds a blob to its row and column, so a
// sealed value cannot be moved to another draft unnoticed.
class FieldSealer
{
    Q_DECLARE_TR_FUNCTIONS(FieldSealer)
public:
    FieldSealer() = default;
    ~FieldSealer();
    FieldSealer(const FieldSealer &) = delete;
    FieldSealer &operator=(const FieldSealer &) = delete;

    // Reads the 32-byte key from keyPath, or creates it (random, owner-only,
    // atomically: two processes starting at once end up with one key).
    StoreStatus loadOrCreateKey(const QString &keyPath);
    bool hasKey() const { return m_hasKey; }
    // True when loadOrCreateKey() found an unusable key file and replaced it.
    bool keyReplaced() const { return m_keyReplaced; }

    StoreResult<QByteArray> seal(const QByteArray &plain, const QByteArray &aad) const;
    StoreResult<QByteArray> unseal(const QByteArray &blob, const QByteArray &aad) const;

    static constexpr int KeySize = 32;

private:
    unsigned char m_key[KeySize] = {};
    bool m_hasKey = false;
    bool m_keyReplaced = false;
};

} // namespace ca
