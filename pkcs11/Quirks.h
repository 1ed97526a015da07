#pragma once

#include <QByteArray>
#include <QString>

namespace ca::p11 {
struct ModuleInfo;
}

// Vendor quirks, each a named predicate (or a named normalisation) used at the
// one place it matters, so that vendor differences are visible and testable.
namespace ca::p11::quirks {

// Some modules pad CK_TOKEN_INFO strings with NUL instead of blanks, some
// with both; every fixed-size PKCS#11 string goes through this.
QString fixedString(const unsigned char *data, int size);

// CKA_EC_POINT should be a DER OCTET STRING around the point; a few tokens
// (older Feitian / WatchData firmware, and some OpenSC drivers) return the
// bare uncompressed point 04||X||Y instead.
bool ecPointIsBare(const QByteArray &ecPoint, int fieldBytes);

// CKM_ECDSA must answer r||s; a few modules answer a DER ECDSA-Sig-Value.
bool ecdsaSignatureIsDer(const QByteArray &signature, int fieldBytes);

// CKR_USER_ALREADY_LOGGED_IN from C_Login means the session is usable (the
// application logged in elsewhere, or the module keeps logins across
// sessions as many USB key modules do).
bool alreadyLoggedInIsSuccess(unsigned long rv);

// C_Initialize answering CKR_CRYPTOKI_ALREADY_INITIALIZED: somebody else in
// the process initialised the module; use it, but do not finalise it.
bool alreadyInitialisedIsSuccess(unsigned long rv);

// Modules that do not implement C_WaitForSlotEvent (SoftHSM 2, many Chinese
// vendor modules) answer one of these; then slots are polled.
bool slotEventsUnsupported(unsigned long rv);

// Some tokens keep the public key object private (only visible after
// C_Login); then the public key is looked up again after logging in.
bool publicKeyNeedsLogin(bool foundWithoutLogin, bool loggedIn);

// Vendor modules that start threads crash when their library is unmapped
// after C_Finalize; the library stays mapped for the life of the process.
bool keepLibraryMapped(const ModuleInfo &info);

// Some tokens carry an empty serial number; they are then identified by
// label, manufacturer and model together.
bool tokenLacksSerial(const QString &serial);

} // namespace ca::p11::quirks
