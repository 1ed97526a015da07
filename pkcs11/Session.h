#pragma once

#include "pkcs11/Module.h"
#include "pkcs11/Result.h"
#include "pkcs11/SecureBuffer.h"

#include <QByteArray>
#include <QList>

#include <vector>

namespace ca::p11 {

// One PKCS#11 session (RAII): opened on a slot, optionally logged in; on
// destruction it logs out (when it logged in) and closes. Internal to
// caclient-pkcs11; every call goes through Module::call.
class Session
{
public:
    Session(const Module &module, CK_SLOT_ID slot);
    ~Session();
    Session(const Session &) = delete;
    Session &operator=(const Session &) = delete;

    Status open(bool readWrite);
    // userType CKU_USER or CKU_SO; with protectedPath (PIN pad) the PIN is
    // typed on the reader and `pin` is ignored.
    Status login(CK_USER_TYPE userType, const SecureBuffer &pin, bool protectedPath);
    Status logout();

    CK_SESSION_HANDLE handle() const { return m_handle; }
    const Module &module() const { return m_module; }
    bool isLoggedIn() const { return m_loggedIn; }

    Result<std::vector<CK_OBJECT_HANDLE>> find(std::vector<CK_ATTRIBUTE> templ);
    // One attribute's bytes (two calls: size, then value). A missing or
    // sensitive attribute gives an empty array, not an error.
    Result<QByteArray> attribute(CK_OBJECT_HANDLE object, CK_ATTRIBUTE_TYPE type);
    Result<CK_ULONG> ulongAttribute(CK_OBJECT_HANDLE object, CK_ATTRIBUTE_TYPE type);

private:
    const Module &m_module;
    CK_SLOT_ID m_slot;
    CK_SESSION_HANDLE m_handle = CK_INVALID_HANDLE;
    bool m_open = false;
    bool m_loggedIn = false;
};

// Attribute template helpers (the values must outlive the template).
inline CK_ATTRIBUTE attr(CK_ATTRIBUTE_TYPE type, void *value, CK_ULONG len)
{
    return CK_ATTRIBUTE{type, value, len};
}
template <typename T>
CK_ATTRIBUTE attr(CK_ATTRIBUTE_TYPE type, T &value)
{
    return CK_ATTRIBUTE{type, &value, sizeof(T)};
}
inline CK_ATTRIBUTE attr(CK_ATTRIBUTE_TYPE type, QByteArray &bytes)
{
    return CK_ATTRIBUTE{type, bytes.data(), CK_ULONG(bytes.size())};
}

} // namespace ca::p11
