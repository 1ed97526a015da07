#pragma once

#include <QCoreApplication>
#include <QMetaType>
#include <QString>

namespace ca::p11 {

// What went wrong, as far as the user is concerned. Each kind has one whole
// translated sentence (Error::userMessage()); the technical detail (PKCS#11
// function and CKR name) goes to the log and to Error::logText().
enum class ErrorKind {
    None,
    ModuleLoad,            // the PKCS#11 library could not be loaded or initialised
    NoModule,              // discovery found no PKCS#11 library at all
    PinIncorrect,          // CKR_PIN_INCORRECT
    PinLocked,             // CKR_PIN_LOCKED
    PinLenRange,           // CKR_PIN_LEN_RANGE
    PinInvalid,            // CKR_PIN_INVALID / CKR_PIN_TOO_WEAK
    PinExpired,            // CKR_PIN_EXPIRED: must be changed first
    PinMismatch,           // the two new PINs typed differ (ca-tool / UI)
    TokenRemoved,          // CKR_DEVICE_REMOVED, CKR_TOKEN_NOT_PRESENT, closed sessions
    NotLoggedIn,           // CKR_USER_NOT_LOGGED_IN
    FunctionNotSupported,  // CKR_FUNCTION_NOT_SUPPORTED, CKR_MECHANISM_INVALID ...
    DeviceError,           // CKR_DEVICE_ERROR, CKR_DEVICE_MEMORY, CKR_GENERAL_ERROR ...
    WriteProtected,        // CKR_TOKEN_WRITE_PROTECTED / read-only session
    TokenNotFound,         // no token matches the label or serial
    TokenAmbiguous,        // more than one token, none chosen
    KeyNotFound,           // no private key with that CKA_ID / no key at all
    CertificateInvalid,    // the file is not an X.509 certificate
    CertificateKeyMismatch,// the certificate belongs to no key on this token
    VerifyFailed,          // a CSR signature or a read-back did not check out
    InvalidInput,          // a subject, key type or option the caller got wrong
    Cancelled,             // the command was cancelled before it changed anything
    SoPinIncorrect,        // CKR_PIN_INCORRECT at C_Login as CKU_SO: the platform's unlock authorisation does not fit the key
    SoPinLocked,           // the SO PIN is locked or on its final try: a PIN reset must not be tried
    PinPadRefused,         // a PIN-pad key refused a PIN sent from the computer (PIN reset)
    EmptyKeyId,            // the key pair has no CKA_ID: a certificate cannot be installed next to it safely
    Generic,               // anything else
};

class Error
{
    Q_DECLARE_TR_FUNCTIONS(Error)

public:
    Error() = default;

    // A failed PKCS#11 call: the kind follows from the return value.
    static Error fromRv(const char *function, unsigned long rv);
    // A failure outside PKCS#11 (or one the caller classified itself).
    static Error make(ErrorKind kind, const QString &detail = QString());

    static ErrorKind kindForRv(unsigned long rv);

    ErrorKind kind() const { return m_kind; }
    QString function() const { return m_function; }  // "C_Login", empty when none
    QString ckrName() const { return m_ckrName; }    // "CKR_PIN_INCORRECT", empty when none
    unsigned long code() const { return m_code; }
    QString detail() const { return m_detail; }      // technical, untranslated, no secrets

    // One whole translated sentence for the user, saying what happened and
    // what to do.
    QString userMessage() const;
    // "C_Login failed: CKR_PIN_INCORRECT (0xa0)" or the detail; for logs.
    QString logText() const;

    Error &withDetail(const QString &detail) { m_detail = detail; return *this; }
    // The same failure (function, CKR, detail) classified otherwise, e.g. a
    // CKR_PIN_INCORRECT at an SO login as SoPinIncorrect.
    Error &withKind(ErrorKind kind) { m_kind = kind; return *this; }

private:
    ErrorKind m_kind = ErrorKind::None;
    QString m_function;
    QString m_ckrName;
    unsigned long m_code = 0;
    QString m_detail;
};

} // namespace ca::p11

Q_DECLARE_METATYPE(ca::p11::Error)
