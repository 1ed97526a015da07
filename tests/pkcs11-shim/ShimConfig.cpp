#include "ShimConfig.h"

#include "MiniJson.h"

#include <cmath>
#include <cstdio>
#include <set>

namespace shim {

namespace {

struct RvEntry
{
    CK_RV rv;
    const char *name;
};

#define SHIM_RV(x) {x, #x},
const RvEntry kRvNames[] = {
    SHIM_RV(CKR_OK)
    SHIM_RV(CKR_CANCEL)
    SHIM_RV(CKR_HOST_MEMORY)
    SHIM_RV(CKR_SLOT_ID_INVALID)
    SHIM_RV(CKR_GENERAL_ERROR)
    SHIM_RV(CKR_FUNCTION_FAILED)
    SHIM_RV(CKR_ARGUMENTS_BAD)
    SHIM_RV(CKR_NO_EVENT)
    SHIM_RV(CKR_NEED_TO_CREATE_THREADS)
    SHIM_RV(CKR_CANT_LOCK)
    SHIM_RV(CKR_ATTRIBUTE_READ_ONLY)
    SHIM_RV(CKR_ATTRIBUTE_SENSITIVE)
    SHIM_RV(CKR_ATTRIBUTE_TYPE_INVALID)
    SHIM_RV(CKR_ATTRIBUTE_VALUE_INVALID)
    SHIM_RV(CKR_ACTION_PROHIBITED)
    SHIM_RV(CKR_DATA_INVALID)
    SHIM_RV(CKR_DATA_LEN_RANGE)
    SHIM_RV(CKR_DEVICE_ERROR)
    SHIM_RV(CKR_DEVICE_MEMORY)
    SHIM_RV(CKR_DEVICE_REMOVED)
    SHIM_RV(CKR_ENCRYPTED_DATA_INVALID)
    SHIM_RV(CKR_ENCRYPTED_DATA_LEN_RANGE)
    SHIM_RV(CKR_FUNCTION_CANCELED)
    SHIM_RV(CKR_FUNCTION_NOT_PARALLEL)
    SHIM_RV(CKR_FUNCTION_NOT_SUPPORTED)
    SHIM_RV(CKR_KEY_HANDLE_INVALID)
    SHIM_RV(CKR_KEY_SIZE_RANGE)
    SHIM_RV(CKR_KEY_TYPE_INCONSISTENT)
    SHIM_RV(CKR_KEY_NOT_NEEDED)
    SHIM_RV(CKR_KEY_CHANGED)
    SHIM_RV(CKR_KEY_NEEDED)
    SHIM_RV(CKR_KEY_INDIGESTIBLE)
    SHIM_RV(CKR_KEY_FUNCTION_NOT_PERMITTED)
    SHIM_RV(CKR_KEY_NOT_WRAPPABLE)
    SHIM_RV(CKR_KEY_UNEXTRACTABLE)
    SHIM_RV(CKR_MECHANISM_INVALID)
    SHIM_RV(CKR_MECHANISM_PARAM_INVALID)
    SHIM_RV(CKR_OBJECT_HANDLE_INVALID)
    SHIM_RV(CKR_OPERATION_ACTIVE)
    SHIM_RV(CKR_OPERATION_NOT_INITIALIZED)
    SHIM_RV(CKR_PIN_INCORRECT)
    SHIM_RV(CKR_PIN_INVALID)
    SHIM_RV(CKR_PIN_LEN_RANGE)
    SHIM_RV(CKR_PIN_EXPIRED)
    SHIM_RV(CKR_PIN_LOCKED)
    SHIM_RV(CKR_SESSION_CLOSED)
    SHIM_RV(CKR_SESSION_COUNT)
    SHIM_RV(CKR_SESSION_HANDLE_INVALID)
    SHIM_RV(CKR_SESSION_PARALLEL_NOT_SUPPORTED)
    SHIM_RV(CKR_SESSION_READ_ONLY)
    SHIM_RV(CKR_SESSION_EXISTS)
    SHIM_RV(CKR_SESSION_READ_ONLY_EXISTS)
    SHIM_RV(CKR_SESSION_READ_WRITE_SO_EXISTS)
    SHIM_RV(CKR_SIGNATURE_INVALID)
    SHIM_RV(CKR_SIGNATURE_LEN_RANGE)
    SHIM_RV(CKR_TEMPLATE_INCOMPLETE)
    SHIM_RV(CKR_TEMPLATE_INCONSISTENT)
    SHIM_RV(CKR_TOKEN_NOT_PRESENT)
    SHIM_RV(CKR_TOKEN_NOT_RECOGNIZED)
    SHIM_RV(CKR_TOKEN_WRITE_PROTECTED)
    SHIM_RV(CKR_UNWRAPPING_KEY_SIZE_RANGE)
    SHIM_RV(CKR_UNWRAPPING_KEY_TYPE_INCONSISTENT)
    SHIM_RV(CKR_USER_ALREADY_LOGGED_IN)
    SHIM_RV(CKR_USER_NOT_LOGGED_IN)
    SHIM_RV(CKR_USER_PIN_NOT_INITIALIZED)
    SHIM_RV(CKR_USER_TYPE_INVALID)
    SHIM_RV(CKR_USER_ANOTHER_ALREADY_LOGGED_IN)
    SHIM_RV(CKR_USER_TOO_MANY_TYPES)
    SHIM_RV(CKR_WRAPPED_KEY_INVALID)
    SHIM_RV(CKR_WRAPPED_KEY_LEN_RANGE)
    SHIM_RV(CKR_WRAPPING_KEY_HANDLE_INVALID)
    SHIM_RV(CKR_WRAPPING_KEY_SIZE_RANGE)
    SHIM_RV(CKR_WRAPPING_KEY_TYPE_INCONSISTENT)
    SHIM_RV(CKR_RANDOM_SEED_NOT_SUPPORTED)
    SHIM_RV(CKR_RANDOM_NO_RNG)
    SHIM_RV(CKR_DOMAIN_PARAMS_INVALID)
    SHIM_RV(CKR_CURVE_NOT_SUPPORTED)
    SHIM_RV(CKR_BUFFER_TOO_SMALL)
    SHIM_RV(CKR_SAVED_STATE_INVALID)
    SHIM_RV(CKR_INFORMATION_SENSITIVE)
    SHIM_RV(CKR_STATE_UNSAVEABLE)
    SHIM_RV(CKR_CRYPTOKI_NOT_INITIALIZED)
    SHIM_RV(CKR_CRYPTOKI_ALREADY_INITIALIZED)
    SHIM_RV(CKR_MUTEX_BAD)
    SHIM_RV(CKR_MUTEX_NOT_LOCKED)
    SHIM_RV(CKR_NEW_PIN_MODE)
    SHIM_RV(CKR_NEXT_OTP)
    SHIM_RV(CKR_EXCEEDED_MAX_ITERATIONS)
    SHIM_RV(CKR_FIPS_SELF_TEST_FAILED)
    SHIM_RV(CKR_LIBRARY_LOAD_FAILED)
    SHIM_RV(CKR_PIN_TOO_WEAK)
    SHIM_RV(CKR_PUBLIC_KEY_INVALID)
    SHIM_RV(CKR_FUNCTION_REJECTED)
    SHIM_RV(CKR_VENDOR_DEFINED)
};
#undef SHIM_RV

const char *const kFunctions[] = {
    "C_Initialize", "C_Finalize", "C_GetInfo", "C_GetSlotList", "C_GetSlotInfo",
    "C_GetTokenInfo", "C_GetMechanismList", "C_GetMechanismInfo", "C_InitToken", "C_InitPIN",
    "C_SetPIN", "C_OpenSession", "C_CloseSession", "C_CloseAllSessions", "C_GetSessionInfo",
    "C_GetOperationState", "C_SetOperationState", "C_Login", "C_Logout", "C_CreateObject",
    "C_CopyObject", "C_DestroyObject", "C_GetObjectSize", "C_GetAttributeValue",
    "C_SetAttributeValue", "C_FindObjectsInit", "C_FindObjects", "C_FindObjectsFinal",
    "C_EncryptInit", "C_Encrypt", "C_EncryptUpdate", "C_EncryptFinal", "C_DecryptInit",
    "C_Decrypt", "C_DecryptUpdate", "C_DecryptFinal", "C_DigestInit", "C_Digest",
    "C_DigestUpdate", "C_DigestKey", "C_DigestFinal", "C_SignInit", "C_Sign", "C_SignUpdate",
    "C_SignFinal", "C_SignRecoverInit", "C_SignRecover", "C_VerifyInit", "C_Verify",
    "C_VerifyUpdate", "C_VerifyFinal", "C_VerifyRecoverInit", "C_VerifyRecover",
    "C_DigestEncryptUpdate", "C_DecryptDigestUpdate", "C_SignEncryptUpdate",
    "C_DecryptVerifyUpdate", "C_GenerateKey", "C_GenerateKeyPair", "C_WrapKey", "C_UnwrapKey",
    "C_DeriveKey", "C_SeedRandom", "C_GenerateRandom", "C_GetFunctionStatus",
    "C_CancelFunction", "C_WaitForSlotEvent",
};

bool readCount(const MiniJson &v, const char *key, unsigned long &out, std::string &error)
{
    if (!v.isNumber() || v.number() < 0 || std::floor(v.number()) != v.number()) {
        error = std::string("\"") + key + "\" must be a non-negative integer";
        return false;
    }
    out = static_cast<unsigned long>(v.number());
    return true;
}

bool readString(const MiniJson &v, const char *key, std::string &out, std::string &error)
{
    if (!v.isString()) {
        error = std::string("\"") + key + "\" must be a string";
        return false;
    }
    out = v.string();
    return true;
}

bool readBool(const MiniJson &v, const char *key, bool &out, std::string &error)
{
    if (!v.isBool()) {
        error = std::string("\"") + key + "\" must be true or false";
        return false;
    }
    out = v.boolValue();
    return true;
}

bool readFunction(const MiniJson &v, std::string &out, std::string &error)
{
    if (!readString(v, "function", out, error))
        return false;
    if (out != "*" && !isKnownFunction(out)) {
        error = "unknown PKCS#11 function \"" + out + "\"";
        return false;
    }
    return true;
}

// One entry of "faults" or "slow": an object with a "function" and the keys
// readKey handles (it returns false on a bad value and sets known = false for
// a key it does not know).
template<typename ReadKey>
bool parseEntry(const MiniJson &v, const std::string &list, std::string &function, std::string &error,
                std::vector<std::string> &warnings, ReadKey readKey)
{
    if (!v.isObject()) {
        error = "every entry of \"" + list + "\" must be an object";
        return false;
    }
    bool hasFunction = false;
    for (const auto &[key, value] : v.object()) {
        if (key == "function") {
            hasFunction = true;
            if (!readFunction(value, function, error))
                return false;
            continue;
        }
        bool known = true;
        if (!readKey(key, value, known))
            return false;
        if (!known)
            warnings.push_back("unknown key \"" + key + "\" in an entry of \"" + list + "\"");
    }
    if (!hasFunction) {
        error = "an entry of \"" + list + "\" needs \"function\"";
        return false;
    }
    return true;
}

bool parseFault(const MiniJson &v, ShimFault &f, std::string &error, std::vector<std::string> &warnings)
{
    return parseEntry(v, "faults", f.function, error, warnings, [&](const std::string &key, const MiniJson &value, bool &known) {
        if (key == "call")
            return readCount(value, "call", f.call, error);
        if (key == "rv") {
            if (value.isNumber()) {
                f.rv = static_cast<CK_RV>(value.number());
                return true;
            }
            if (value.isString() && rvFromName(value.string(), f.rv))
                return true;
            error = "\"rv\" must be a CKR_ name or a number";
            return false;
        }
        if (key == "when") {
            std::string when;
            if (!readString(value, "when", when, error))
                return false;
            if (when != "before" && when != "after") {
                error = "\"when\" must be \"before\" or \"after\"";
                return false;
            }
            f.after = when == "after";
            return true;
        }
        if (key == "remove")
            return readBool(value, "remove", f.remove, error);
        known = false;
        return true;
    });
}

bool parseSlow(const MiniJson &v, ShimSlow &s, std::string &error, std::vector<std::string> &warnings)
{
    return parseEntry(v, "slow", s.function, error, warnings, [&](const std::string &key, const MiniJson &value, bool &known) {
        if (key == "ms")
            return readCount(value, "ms", s.ms, error);
        known = false;
        return true;
    });
}

} // namespace

bool ShimConfig::parse(const std::string &text, ShimConfig &out, std::string &error,
                       std::vector<std::string> &warnings)
{
    MiniJson doc;
    if (!MiniJson::parse(text, doc, error))
        return false;
    if (!doc.isObject()) {
        error = "the configuration must be a JSON object";
        return false;
    }
    ShimConfig c;
    for (const auto &[key, value] : doc.object()) {
        bool ok = true;
        if (key == "target") {
            ok = readString(value, "target", c.target, error);
        } else if (key == "max_pin_tries") {
            ok = readCount(value, "max_pin_tries", c.maxPinTries, error);
        } else if (key == "count_low_after") {
            ok = readCount(value, "count_low_after", c.countLowAfter, error);
        } else if (key == "faults" || key == "slow") {
            if (!value.isArray()) {
                error = "\"" + key + "\" must be an array";
                return false;
            }
            for (const MiniJson &item : value.array()) {
                if (key == "faults") {
                    ShimFault f;
                    ok = parseFault(item, f, error, warnings);
                    c.faults.push_back(f);
                } else {
                    ShimSlow s;
                    ok = parseSlow(item, s, error, warnings);
                    c.slow.push_back(s);
                }
                if (!ok)
                    break;
            }
        } else if (key == "pin_to_be_changed") {
            ok = readBool(value, "pin_to_be_changed", c.pinToBeChanged, error);
        } else if (key == "so_pin_state") {
            std::string state;
            ok = readString(value, "so_pin_state", state, error);
            if (ok) {
                if (state == "ok")
                    c.soPinFlags = 0;
                else if (state == "count_low")
                    c.soPinFlags = CKF_SO_PIN_COUNT_LOW;
                else if (state == "final_try")
                    c.soPinFlags = CKF_SO_PIN_COUNT_LOW | CKF_SO_PIN_FINAL_TRY;
                else if (state == "locked")
                    c.soPinFlags = CKF_SO_PIN_LOCKED;
                else {
                    error = "\"so_pin_state\" must be ok, count_low, final_try or locked";
                    ok = false;
                }
            }
        } else if (key == "hide_public_keys") {
            ok = readBool(value, "hide_public_keys", c.hidePublicKeys, error);
        } else if (key == "pin_pad") {
            ok = readBool(value, "pin_pad", c.pinPad, error);
        } else if (key == "pin_pad_pin") {
            ok = readString(value, "pin_pad_pin", c.pinPadPin, error);
        } else if (key == "pin_pad_so_pin") {
            ok = readString(value, "pin_pad_so_pin", c.pinPadSoPin, error);
            c.hasPinPadSoPin = true;
        } else if (key == "pin_pad_new_pin") {
            ok = readString(value, "pin_pad_new_pin", c.pinPadNewPin, error);
            c.hasPinPadNewPin = true;
        } else if (key == "presence_file") {
            ok = readString(value, "presence_file", c.presenceFile, error);
        } else if (key == "presence_serial") {
            ok = readString(value, "presence_serial", c.presenceSerial, error);
        } else if (key == "trace_file") {
            ok = readString(value, "trace_file", c.traceFile, error);
        } else {
            warnings.push_back("unknown key \"" + key + "\"");
        }
        if (!ok)
            return false;
    }
    out = std::move(c);
    return true;
}

std::string rvName(CK_RV rv)
{
    for (const RvEntry &e : kRvNames) {
        if (e.rv == rv)
            return e.name;
    }
    char buf[32];
    std::snprintf(buf, sizeof buf, "0x%08lx", static_cast<unsigned long>(rv));
    return buf;
}

bool rvFromName(const std::string &name, CK_RV &rv)
{
    for (const RvEntry &e : kRvNames) {
        if (name == e.name) {
            rv = e.rv;
            return true;
        }
    }
    return false;
}

bool isKnownFunction(const std::string &name)
{
    for (const char *f : kFunctions) {
        if (name == f)
            return true;
    }
    return false;
}

} // namespace shim
