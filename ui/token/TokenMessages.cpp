#include "ui/token/TokenMessages.h"

#include "pkcs11/Error.h"

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

} // namespace ca::ui
