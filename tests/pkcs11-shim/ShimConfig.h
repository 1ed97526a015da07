// Configuration of the fault-injecting PKCS#11 shim (see README.md).
#pragma once

#include <p11-kit/pkcs11.h>

#include <string>
#include <vector>

namespace shim {

struct ShimFault
{
    std::string function;      // "C_CreateObject", or "*" for any function
    unsigned long call = 0;    // 1-based call number since the last (re)load; 0 = every call
    CK_RV rv = CKR_DEVICE_REMOVED;
    bool after = false;        // "when": "after": forward first, then answer rv
    bool remove = false;       // also make the token absent from then on
};

struct ShimSlow
{
    std::string function;      // function name or "*"
    unsigned long ms = 0;
};

struct ShimConfig
{
    std::string target = "/usr/lib/softhsm/libsofthsm2.so";
    unsigned long maxPinTries = 0;   // 0 = never lock (pass the target's PIN flags through)
    unsigned long countLowAfter = 1;
    std::vector<ShimFault> faults;
    std::vector<ShimSlow> slow;
    bool pinToBeChanged = false;     // CKF_USER_PIN_TO_BE_CHANGED in token info
    CK_FLAGS soPinFlags = 0;         // "so_pin_state": CKF_SO_PIN_COUNT_LOW / _FINAL_TRY / _LOCKED in token info
    bool hidePublicKeys = false;     // C_FindObjects never returns CKO_PUBLIC_KEY objects (keys that keep none)
    bool pinPad = false;
    std::string pinPadPin;
    std::string pinPadSoPin;
    std::string pinPadNewPin;
    bool hasPinPadSoPin = false;
    bool hasPinPadNewPin = false;
    std::string presenceFile;
    std::string presenceSerial;      // empty = every token is affected by presence
    std::string traceFile;

    // Parses the JSON text. Unknown keys are reported in warnings (not fatal).
    static bool parse(const std::string &text, ShimConfig &out, std::string &error,
                      std::vector<std::string> &warnings);
};

// "CKR_PIN_LOCKED" for CKR_PIN_LOCKED; "0x..." for values without a name.
std::string rvName(CK_RV rv);
// Accepts a CKR_ name; returns false when unknown.
bool rvFromName(const std::string &name, CK_RV &rv);
// True when name is a PKCS#11 2.40 function the shim wraps.
bool isKnownFunction(const std::string &name);

} // namespace shim
