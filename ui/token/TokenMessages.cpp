#include "ui/token/TokenMessages.h"

#include "pkcs11/Error.h"
#include "pkcs11/TokenTypes.h"

namespace ca::ui {

QString TokenMessages::forDialog(const p11::Error &error)
{
    switch (error.kind()) {
    case p11::ErrorKind::TokenAmbiguous:
        return tr("More than one USB key is inserted and the key of this step could not be told apart. Remove the "
                  "other keys and try again.");
    case p11::ErrorKind::TokenNotFound:
        return tr("The USB key was not found. Insert the key and try again.");
    case p11::ErrorKind::KeyNotFound:
        return tr("The USB key holds no key pair for this step. Insert the key that holds your certificate, or "
                  "contact the CA centre.");
    case p11::ErrorKind::InvalidInput:
        return tr("The USB key refused the request as incomplete. Try again; if it fails again, contact the CA centre "
                  "with the log file.");
    default:
        return error.userMessage();
    }
}

QString TokenMessages::newPinProblem(const p11::TokenInfo &token, const QString &newPin, const QString &repeat,
                                     NewPinField *field)
{
    const int minLen = int(token.minPinLength);
    const int maxLen = int(token.maxPinLength);
    *field = NewPinField::NewPin;
    if (newPin.isEmpty())
        return tr("Enter the new PIN.");
    if (minLen > 0 && newPin.size() < minLen)
        return tr("The new PIN is too short: this key needs at least %1 characters.").arg(minLen);
    if (maxLen > 0 && maxLen < 1000 && newPin.size() > maxLen)
        return tr("The new PIN is too long: this key takes at most %1 characters.").arg(maxLen);
    if (newPin != repeat) {
        *field = NewPinField::Repeat;
        return tr("The two new PINs differ. Type the new PIN again in both fields.");
    }
    return QString();
}

} // namespace ca::ui
