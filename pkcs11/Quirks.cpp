#include "pkcs11/Quirks.h"

#include "pkcs11/Cryptoki.h"

namespace ca::p11::quirks {

QString fixedString(const unsigned char *data, int size)
{
    int end = size;
    while (end > 0 && (data[end - 1] == ' ' || data[end - 1] == '\0'))
        --end;
    // a NUL inside the field ends it (NUL-terminated instead of padded)
    for (int i = 0; i < end; ++i) {
        if (data[i] == '\0') {
            end = i;
            break;
        }
    }
    return QString::fromUtf8(reinterpret_cast<const char *>(data), end);
}

bool ecPointIsBare(const QByteArray &ecPoint, int fieldBytes)
{
    return ecPoint.size() == 1 + 2 * fieldBytes && static_cast<unsigned char>(ecPoint.at(0)) == 0x04;
}

bool ecdsaSignatureIsDer(const QByteArray &signature, int fieldBytes)
{
    return signature.size() != 2 * fieldBytes && !signature.isEmpty()
        && static_cast<unsigned char>(signature.at(0)) == 0x30;
}

bool alreadyLoggedInIsSuccess(unsigned long rv)
{
    return rv == CKR_USER_ALREADY_LOGGED_IN;
}

bool alreadyInitialisedIsSuccess(unsigned long rv)
{
    return rv == CKR_CRYPTOKI_ALREADY_INITIALIZED;
}

bool slotEventsUnsupported(unsigned long rv)
{
    return rv == CKR_FUNCTION_NOT_SUPPORTED || rv == CKR_ARGUMENTS_BAD || rv == CKR_CRYPTOKI_NOT_INITIALIZED;
}

bool publicKeyNeedsLogin(bool foundWithoutLogin, bool loggedIn)
{
    return !foundWithoutLogin && loggedIn;
}

bool keepLibraryMapped(const ModuleInfo &)
{
    return true;
}

bool tokenLacksSerial(const QString &serial)
{
    return serial.trimmed().isEmpty();
}

} // namespace ca::p11::quirks
