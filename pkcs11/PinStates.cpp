#include "pkcs11/PinStates.h"

#include "pkcs11/Cryptoki.h"

namespace ca::p11 {

PinState PinStates::userFromFlags(unsigned long flags)
{
    if (!(flags & CKF_TOKEN_INITIALIZED) || !(flags & CKF_USER_PIN_INITIALIZED))
        return PinState::Uninitialised;
    if (flags & CKF_USER_PIN_LOCKED)
        return PinState::Locked;
    if (flags & CKF_USER_PIN_FINAL_TRY)
        return PinState::FinalTry;
    if (flags & CKF_USER_PIN_COUNT_LOW)
        return PinState::CountLow;
    if (flags & CKF_USER_PIN_TO_BE_CHANGED)
        return PinState::MustChange;
    return PinState::Ok;
}

PinState PinStates::soFromFlags(unsigned long flags)
{
    if (!(flags & CKF_TOKEN_INITIALIZED))
        return PinState::Uninitialised;
    if (flags & CKF_SO_PIN_LOCKED)
        return PinState::Locked;
    if (flags & CKF_SO_PIN_FINAL_TRY)
        return PinState::FinalTry;
    if (flags & CKF_SO_PIN_COUNT_LOW)
        return PinState::CountLow;
    if (flags & CKF_SO_PIN_TO_BE_CHANGED)
        return PinState::MustChange;
    return PinState::Ok;
}

QString PinStates::code(PinState state)
{
    switch (state) {
    case PinState::Ok: return QStringLiteral("ok");
    case PinState::Uninitialised: return QStringLiteral("uninitialised");
    case PinState::Locked: return QStringLiteral("locked");
    case PinState::FinalTry: return QStringLiteral("final_try");
    case PinState::CountLow: return QStringLiteral("count_low");
    case PinState::MustChange: return QStringLiteral("must_change");
    }
    return QStringLiteral("ok");
}

QString PinStates::warning(PinState state)
{
    switch (state) {
    case PinState::Ok:
        return QString();
    case PinState::Uninitialised:
        return tr("The USB key has no user PIN yet. Ask the certificate centre to initialise the key.");
    case PinState::Locked:
        return tr("The PIN of the USB key is locked after too many wrong tries. Apply for a PIN reset to unlock it.");
    case PinState::FinalTry:
        return tr("Only one try is left: the next wrong PIN locks the USB key. Enter the PIN with care.");
    case PinState::CountLow:
        return tr("A wrong PIN was entered before, so fewer tries are left. Enter the PIN with care.");
    case PinState::MustChange:
        return tr("The PIN of the USB key must be changed before the key can be used. Change the PIN first.");
    }
    return QString();
}

QString PinStates::soWarning(PinState state)
{
    switch (state) {
    case PinState::Ok:
    case PinState::MustChange:
        return QString();
    case PinState::Uninitialised:
        return tr("The USB key is not initialised, so it has no administrator PIN. Ask the certificate centre to initialise the key.");
    case PinState::Locked:
        return tr("The administrator PIN of the USB key is locked. The key cannot be reset; contact the certificate centre.");
    case PinState::FinalTry:
        return tr("Only one try is left: the next wrong administrator PIN locks the USB key for good. Enter it with care.");
    case PinState::CountLow:
        return tr("A wrong administrator PIN was entered before, so fewer tries are left. Enter it with care.");
    }
    return QString();
}

bool PinStates::canAskForPin(PinState state)
{
    return state != PinState::Locked && state != PinState::Uninitialised;
}

} // namespace ca::p11
