#pragma once

#include "pkcs11/Cryptoki.h"
#include "pkcs11/Log.h"
#include "pkcs11/ModuleLibrary.h"
#include "pkcs11/Result.h"

#include <QString>

#include <functional>
#include <memory>
#include <utility>

namespace ca::p11 {

struct ModuleInfo
{
    QString path;
    QString manufacturer;
    QString description;
    QString cryptokiVersion;  // "2.40"
    QString libraryVersion;   // "2.6"
};

// A loaded PKCS#11 library. One Module per library path in the process
// (Module::load hands out the same object while it is alive, so C_Initialize
// and C_Finalize are paired once). C_Finalize runs when the last reference
// goes away, and only when this Module's C_Initialize did the initialising.
//
// Every C_* call goes through call()/callRaw(): the one error path. A failing
// call becomes an Error {function, CKR name, code, user sentence} and is
// logged at warning level to lcP11 as "C_Login: CKR_PIN_INCORRECT". Use the
// CA_P11 / CA_P11_RAW macros so the function name is never typed twice.
class Module
{
public:
    ~Module();
    Module(const Module &) = delete;
    Module &operator=(const Module &) = delete;

    static Result<std::shared_ptr<Module>> load(const QString &path);

    const ModuleInfo &info() const { return m_info; }
    QString path() const { return m_info.path; }
    CK_FUNCTION_LIST *functions() const { return m_fl; }

    // Observer of every call (function name, return value), for tests and
    // tracing; called on the thread that makes the call. Process-wide.
    using CallObserver = std::function<void(const char *function, CK_RV rv)>;
    static void setCallObserver(CallObserver observer);

    // Runs a C_* entry and returns its CK_RV untouched (logged at debug only):
    // for calls whose non-OK answers are expected (CKR_NO_EVENT, ...).
    template <typename Fn, typename... Args>
    CK_RV callRaw(const char *name, Fn CK_FUNCTION_LIST::*member, Args &&...args) const
    {
        Fn fn = m_fl->*member;
        CK_RV rv = fn ? fn(std::forward<Args>(args)...) : CKR_FUNCTION_NOT_SUPPORTED;
        observe(name, rv);
        return rv;
    }

    // Runs a C_* entry; any answer but CKR_OK becomes an Error (and a warning).
    template <typename Fn, typename... Args>
    Status call(const char *name, Fn CK_FUNCTION_LIST::*member, Args &&...args) const
    {
        return check(name, callRaw(name, member, std::forward<Args>(args)...));
    }

    static Status check(const char *name, CK_RV rv);

private:
    explicit Module(const QString &path);
    Status initialise();
    void observe(const char *name, CK_RV rv) const;

    ModuleLibrary m_lib;
    CK_FUNCTION_LIST *m_fl = nullptr;
    bool m_initialisedByUs = false;
    ModuleInfo m_info;
};

} // namespace ca::p11

// CA_P11(module, C_Login, session, CKU_USER, pin, len) -> Status
#define CA_P11(module, fn, ...) (module).call(#fn, &CK_FUNCTION_LIST::fn __VA_OPT__(, ) __VA_ARGS__)
// CA_P11_RAW(module, C_WaitForSlotEvent, ...) -> CK_RV
#define CA_P11_RAW(module, fn, ...) (module).callRaw(#fn, &CK_FUNCTION_LIST::fn __VA_OPT__(, ) __VA_ARGS__)
