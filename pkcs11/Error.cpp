#include "pkcs11/Error.h"

#include "pkcs11/CkrNames.h"
#include "pkcs11/Cryptoki.h"

namespace ca::p11 {

ErrorKind Error::kindForRv(unsigned long rv)
{
    switch (rv) {
    case CKR_OK:
        return ErrorKind::None;
    case CKR_PIN_INCORRECT:
        return ErrorKind::PinIncorrect;
    case CKR_PIN_LOCKED:
        return ErrorKind::PinLocked;
    case CKR_PIN_LEN_RANGE:
        return ErrorKind::PinLenRange;
    case CKR_PIN_INVALID:
    case CKR_PIN_TOO_WEAK:
        return ErrorKind::PinInvalid;
    case CKR_PIN_EXPIRED:
        return ErrorKind::PinExpired;
    case CKR_DEVICE_REMOVED:
    case CKR_TOKEN_NOT_PRESENT:
    case CKR_TOKEN_NOT_RECOGNIZED:
    case CKR_SESSION_CLOSED:
    case CKR_SESSION_HANDLE_INVALID:
    case CKR_SLOT_ID_INVALID:
        return ErrorKind::TokenRemoved;
    case CKR_USER_NOT_LOGGED_IN:
    case CKR_USER_PIN_NOT_INITIALIZED:
        return ErrorKind::NotLoggedIn;
    case CKR_FUNCTION_NOT_SUPPORTED:
    case CKR_MECHANISM_INVALID:
    case CKR_MECHANISM_PARAM_INVALID:
    case CKR_KEY_SIZE_RANGE:
    case CKR_CURVE_NOT_SUPPORTED:
    case CKR_DOMAIN_PARAMS_INVALID:
    case CKR_KEY_FUNCTION_NOT_PERMITTED:
        return ErrorKind::FunctionNotSupported;
    case CKR_DEVICE_ERROR:
    case CKR_DEVICE_MEMORY:
    case CKR_GENERAL_ERROR:
    case CKR_HOST_MEMORY:
    case CKR_FUNCTION_FAILED:
        return ErrorKind::DeviceError;
    case CKR_TOKEN_WRITE_PROTECTED:
    case CKR_SESSION_READ_ONLY:
        return ErrorKind::WriteProtected;
    case CKR_FUNCTION_CANCELED:
    case CKR_CANCEL:
        return ErrorKind::Cancelled;
    default:
        return ErrorKind::Generic;
    }
}

Error Error::fromRv(const char *function, unsigned long rv)
{
    Error e;
    e.m_kind = kindForRv(rv);
    e.m_function = QString::fromLatin1(function);
    e.m_ckrName = QString::fromLatin1(ca::p11::ckrName(rv));
    e.m_code = rv;
    return e;
}

Error Error::make(ErrorKind kind, const QString &detail)
{
    Error e;
    e.m_kind = kind;
    e.m_detail = detail;
    return e;
}

QString Error::userMessage() const
{
    switch (m_kind) {
    case ErrorKind::None:
        return QString();
    case ErrorKind::ModuleLoad:
        return tr("The USB key driver (PKCS#11 library) could not be loaded. Install the driver that came with your USB key, or choose its library in the settings.");
    case ErrorKind::NoModule:
        return tr("No USB key driver (PKCS#11 library) was found on this computer. Install the driver that came with your USB key, or choose its library in the settings.");
    case ErrorKind::PinIncorrect:
        return tr("The PIN is incorrect. Check the PIN of your USB key and enter it again; too many wrong PINs lock the key.");
    case ErrorKind::PinLocked:
        return tr("The PIN of the USB key is locked after too many wrong tries. Apply for a PIN reset to unlock it.");
    case ErrorKind::PinLenRange:
        return tr("The new PIN is too short or too long for this USB key. Choose a PIN whose length the key accepts.");
    case ErrorKind::PinInvalid:
        return tr("The USB key does not accept this PIN because of its characters or strength. Choose another PIN.");
    case ErrorKind::PinExpired:
        return tr("The PIN of the USB key has expired. Change the PIN before using the key.");
    case ErrorKind::PinMismatch:
        return tr("The two new PINs are not the same. Enter the new PIN twice exactly the same way.");
    case ErrorKind::TokenRemoved:
        return tr("The USB key was removed or is not responding. Insert the USB key again and repeat the step.");
    case ErrorKind::NotLoggedIn:
        return tr("The USB key needs the PIN for this step. Enter the PIN and repeat the step.");
    case ErrorKind::FunctionNotSupported:
        return tr("This USB key does not support the requested operation. Use a USB key issued for this platform or contact the certificate centre.");
    case ErrorKind::DeviceError:
        return tr("The USB key reported a device error. Remove and insert the key, then repeat the step; if it happens again, contact the certificate centre.");
    case ErrorKind::WriteProtected:
        return tr("The USB key is write-protected, so nothing can be stored on it. Use a key that is not write-protected or contact the certificate centre.");
    case ErrorKind::TokenNotFound:
        return tr("The USB key was not found. Insert the USB key, or check the label or serial number you gave.");
    case ErrorKind::TokenAmbiguous:
        return tr("More than one USB key is inserted. Remove the other keys or choose the key by its label or serial number.");
    case ErrorKind::KeyNotFound:
        return tr("The USB key holds no matching private key. Choose another key identifier or generate a key pair first.");
    case ErrorKind::CertificateInvalid:
        return tr("The file is not a valid X.509 certificate. Choose the certificate file you received from the certificate centre.");
    case ErrorKind::CertificateKeyMismatch:
        return tr("The certificate does not belong to any key on this USB key. Insert the USB key the certificate was issued for.");
    case ErrorKind::VerifyFailed:
        return tr("The USB key produced data that did not verify, so nothing was changed. Repeat the step; if it fails again, contact the certificate centre.");
    case ErrorKind::InvalidInput:
        return tr("The request to the USB key was incomplete or malformed. Check the values you entered and repeat the step.");
    case ErrorKind::Cancelled:
        return tr("The operation was cancelled before anything on the USB key was changed.");
    case ErrorKind::SoPinIncorrect:
        return tr("The platform's unlock authorisation does not fit this USB key, so nothing was changed. Do not try the PIN reset again: each try uses up one of the key's few administrator tries. Call the CA centre.");
    case ErrorKind::SoPinLocked:
        return tr("The administrator PIN of this USB key is locked or has only one try left, so the PIN cannot be reset here and nothing was changed. Call the CA centre.");
    case ErrorKind::PinPadRefused:
        return tr("This USB key's PIN pad did not accept the unlock sent from the computer, so nothing was changed. Call the CA centre to have the PIN reset.");
    case ErrorKind::EmptyKeyId:
        return tr("The key pair on the USB key has no identifier, so a certificate cannot be written next to it safely and nothing was changed. Contact the CA centre.");
    case ErrorKind::Generic:
        break;
    }
    return tr("The USB key reported an unexpected error. Repeat the step; if it fails again, contact the certificate centre with the log file.");
}

QString Error::logText() const
{
    QString s;
    if (!m_function.isEmpty())
        s = QStringLiteral("%1 failed: %2 (0x%3)").arg(m_function, m_ckrName, QString::number(m_code, 16));
    if (!m_detail.isEmpty())
        s = s.isEmpty() ? m_detail : s + QStringLiteral(": ") + m_detail;
    if (s.isEmpty())
        s = QStringLiteral("error kind %1").arg(int(m_kind));
    return s;
}

} // namespace ca::p11
