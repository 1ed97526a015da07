#pragma once

#include "pkcs11/PinStates.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace ca::p11 {

// How a token is chosen: by serial number (preferred) and/or label, never by
// slot number (slot numbers change between calls and between machines).
// An empty TokenRef means "the only token present".
struct TokenRef
{
    QString serial;
    QString label;
    QString any;  // matched against serial first, then label ("--token LABEL|SERIAL")

    bool isEmpty() const { return serial.isEmpty() && label.isEmpty() && any.isEmpty(); }
    static TokenRef fromLabelOrSerial(const QString &text) { return TokenRef{QString(), QString(), text}; }
    QString describe() const;  // for logs and messages
};

struct TokenInfo
{
    unsigned long slotId = 0;  // valid only until the next slot scan; never an identity
    QString label;
    QString serial;
    QString manufacturer;
    QString model;
    QString slotDescription;
    unsigned long flags = 0;   // CK_TOKEN_INFO flags, for the curious
    PinState pinState = PinState::Ok;
    PinState soPinState = PinState::Ok;
    unsigned long minPinLength = 0;
    unsigned long maxPinLength = 0;
    bool protectedAuthPath = false;  // PIN pad: the PIN is typed on the reader
    bool loginRequired = false;
    bool initialized = false;
    bool writeProtected = false;

    // serial, or label+manufacturer+model when the token has no serial
    QString identity() const;
    TokenRef ref() const { return TokenRef{serial, label, QString()}; }
    bool isValid() const { return !identity().isEmpty(); }
};

enum class KeyType { Unknown, Rsa, Ec };
QString keyTypeCode(KeyType type);  // "rsa", "ec", "unknown"

// Key types ca-tool and the UI may ask the token to generate.
enum class KeySpec { Rsa2048, EcP256 };

struct PrivateKeyInfo
{
    QByteArray id;      // CKA_ID
    QString label;      // CKA_LABEL
    KeyType type = KeyType::Unknown;
    int bits = 0;       // RSA modulus bits or EC field bits
    QString curve;      // "prime256v1" for EC keys
    bool hasCertificate = false;
    QByteArray publicKeyDer; // SubjectPublicKeyInfo of this key pair when the token tells it (logged-in read); else empty
};

enum KeyUsageBit : unsigned {
    KuDigitalSignature = 0x80, KuNonRepudiation = 0x40, KuKeyEncipherment = 0x20,
    KuDataEncipherment = 0x10, KuKeyAgreement = 0x08, KuKeyCertSign = 0x04, KuCrlSign = 0x02,
};

struct CertificateInfo
{
    QByteArray der;            // CKA_VALUE
    QByteArray id;             // CKA_ID
    QString label;             // CKA_LABEL
    QString subject;           // RFC 2253, UTF-8 (Chinese names as they are)
    QString commonName;        // subject CN
    QString organization;      // subject O
    QString uscc;              // unified social credit code found in the subject, if any
    QString issuer;            // RFC 2253, UTF-8
    QString issuerCommonName;
    QString serialHex;         // upper-case hex, no separators
    QDateTime notBefore;       // UTC
    QDateTime notAfter;        // UTC
    int daysLeft = 0;          // whole days from now until notAfter (negative when expired)
    unsigned keyUsage = 0;     // KeyUsageBit flags; 0 when the extension is absent
    QStringList keyUsageNames; // "digitalSignature", ...
    KeyType keyType = KeyType::Unknown;
    int keyBits = 0;
    bool hasPrivateKey = false; // a private key with the same CKA_ID is on the token
    bool isCa = false;          // a CA certificate (basicConstraints CA, or a v1 self-signed root)

    bool isExpired() const { return daysLeft < 0; }
};

struct TokenContents
{
    TokenInfo token;
    QList<CertificateInfo> certificates;
    QList<PrivateKeyInfo> keys;
    bool loggedIn = false;  // false: private objects were not visible
};

// What a certificate request should say. The subject is either a string
// "/CN=…/O=…" or a list of (field, UTF-8 value) pairs; extensions are
// (name, OpenSSL config value) pairs, e.g. ("keyUsage", "critical,digitalSignature").
struct CsrRequest
{
    QByteArray keyId;  // CKA_ID; empty: the only key pair on the token
    QByteArray publicKeyDer; // optional SubjectPublicKeyInfo the request must carry (picks the key pair when several share the CKA_ID)
    QString subject;
    QList<QPair<QString, QString>> subjectFields;
    QList<QPair<QString, QString>> extensions;
};

} // namespace ca::p11

Q_DECLARE_METATYPE(ca::p11::TokenInfo)
Q_DECLARE_METATYPE(ca::p11::TokenContents)
