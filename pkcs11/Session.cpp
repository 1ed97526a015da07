#include "pkcs11/Session.h"

#include "pkcs11/Quirks.h"

namespace ca::p11 {

Session::Session(const Module &module, CK_SLOT_ID slot)
    : m_module(module)
    , m_slot(slot)
{
}

Session::~Session()
{
    if (m_loggedIn)
        logout();
    if (m_open)
        CA_P11(m_module, C_CloseSession, m_handle);
}

Status Session::open(bool readWrite)
{
    CK_FLAGS flags = CKF_SERIAL_SESSION | (readWrite ? CKF_RW_SESSION : 0);
    Status s = CA_P11(m_module, C_OpenSession, m_slot, flags, nullptr, nullptr, &m_handle);
    m_open = s.ok();
    return s;
}

Status Session::login(CK_USER_TYPE userType, const SecureBuffer &pin, bool protectedPath)
{
    CK_UTF8CHAR_PTR pinPtr = nullptr;
    CK_ULONG pinLen = 0;
    if (!protectedPath) {
        pinPtr = const_cast<CK_UTF8CHAR_PTR>(pin.data());
        pinLen = CK_ULONG(pin.size());
    }
    const CK_RV rv = CA_P11_RAW(m_module, C_Login, m_handle, userType, pinPtr, pinLen);
    if (rv == CKR_OK || quirks::alreadyLoggedInIsSuccess(rv)) {
        m_loggedIn = true;
        return {};
    }
    return Module::check("C_Login", rv);
}

Status Session::logout()
{
    m_loggedIn = false;
    return CA_P11(m_module, C_Logout, m_handle);
}

Result<std::vector<CK_OBJECT_HANDLE>> Session::find(std::vector<CK_ATTRIBUTE> templ)
{
    if (Status s = CA_P11(m_module, C_FindObjectsInit, m_handle, templ.data(), CK_ULONG(templ.size())); !s)
        return s.error();
    std::vector<CK_OBJECT_HANDLE> out;
    Status failed;
    for (;;) {
        CK_OBJECT_HANDLE batch[32];
        CK_ULONG n = 0;
        Status s = CA_P11(m_module, C_FindObjects, m_handle, batch, CK_ULONG(32), &n);
        if (!s) {
            failed = s;
            break;
        }
        out.insert(out.end(), batch, batch + n);
        if (n == 0)
            break;
    }
    Status fin = CA_P11(m_module, C_FindObjectsFinal, m_handle);
    if (!failed)
        return failed.error();
    if (!fin)
        return fin.error();
    return out;
}

Result<QByteArray> Session::attribute(CK_OBJECT_HANDLE object, CK_ATTRIBUTE_TYPE type)
{
    CK_ATTRIBUTE a{type, nullptr, 0};
    CK_RV rv = CA_P11_RAW(m_module, C_GetAttributeValue, m_handle, object, &a, CK_ULONG(1));
    if (rv == CKR_ATTRIBUTE_TYPE_INVALID || rv == CKR_ATTRIBUTE_SENSITIVE || a.ulValueLen == CK_UNAVAILABLE_INFORMATION)
        return QByteArray();
    if (rv != CKR_OK)
        return Module::check("C_GetAttributeValue", rv).error();
    QByteArray value(int(a.ulValueLen), Qt::Uninitialized);
    a.pValue = value.data();
    rv = CA_P11_RAW(m_module, C_GetAttributeValue, m_handle, object, &a, CK_ULONG(1));
    if (rv != CKR_OK)
        return Module::check("C_GetAttributeValue", rv).error();
    value.truncate(int(a.ulValueLen));
    return value;
}

Result<CK_ULONG> Session::ulongAttribute(CK_OBJECT_HANDLE object, CK_ATTRIBUTE_TYPE type)
{
    CK_ULONG v = 0;
    CK_ATTRIBUTE a{type, &v, sizeof v};
    const CK_RV rv = CA_P11_RAW(m_module, C_GetAttributeValue, m_handle, object, &a, CK_ULONG(1));
    if (rv == CKR_ATTRIBUTE_TYPE_INVALID || rv == CKR_ATTRIBUTE_SENSITIVE)
        return CK_ULONG(CK_UNAVAILABLE_INFORMATION);
    if (rv != CKR_OK)
        return Module::check("C_GetAttributeValue", rv).error();
    return v;
}

} // namespace ca::p11
