#pragma once

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

// The state of the user PIN (or SO PIN), from the token flags, in the order of
// urgency: the first that applies wins.
enum class PinState {
    Ok,
    Uninitialised,  // no user PIN set yet (CKF_USER_PIN_INITIALIZED missing)
    Locked,         // CKF_USER_PIN_LOCKED
    FinalTry,       // CKF_USER_PIN_FINAL_TRY: the next wrong PIN locks the key
    CountLow,       // CKF_USER_PIN_COUNT_LOW: a wrong PIN was entered before
    MustChange,     // CKF_USER_PIN_TO_BE_CHANGED
};

class PinStates
{
    Q_DECLARE_TR_FUNCTIONS(PinStates)
public:
    static PinState userFromFlags(unsigned long flags);
    static PinState soFromFlags(unsigned long flags);
    // Stable JSON word: ok, uninitialised, locked, final_try, count_low, must_change.
    static QString code(PinState state);
    // A whole sentence to show before asking for the PIN, or an empty string
    // when there is nothing to warn about. FinalTry says that the next wrong
    // PIN locks the key.
    static QString warning(PinState state);
    static QString soWarning(PinState state);
    // True when a PIN may be asked for at all (not locked, not uninitialised).
    static bool canAskForPin(PinState state);
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
    QString subject;
    QList<QPair<QString, QString>> subjectFields;
    QList<QPair<QString, QString>> extensions;
};

} // namespace ca::p11

Q_DECLARE_METATYPE(ca::p11::TokenInfo)
Q_DECLARE_METATYPE(ca::p11::TokenContents)
