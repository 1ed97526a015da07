#pragma once

#include <QCoreApplication>
#include <QString>

namespace ca::p11 {

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

} // namespace ca::p11
