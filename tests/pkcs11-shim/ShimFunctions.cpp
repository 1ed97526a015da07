// The C_* wrappers of the shim and the exported C_GetFunctionList.
//
// Every wrapper goes through a CallScope: it re-reads the configuration when
// the file changed, counts the call, marks sessions of an absent token dead,
// sleeps for a "slow" entry, answers a "before" fault without forwarding,
// turns the real answer into an "after" fault, and appends "C_Name CKR_NAME"
// to the trace file.
#include "Shim.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <thread>
#include <vector>

namespace shim {

namespace {

using Lock = std::lock_guard<std::mutex>;

class CallScope
{
public:
    explicit CallScope(const char *name) : m_name(name)
    {
        Shim &s = Shim::instance();
        unsigned long ms = 0;
        {
            Lock lock(s.mutex);
            s.refreshConfigLocked();
            const unsigned long count = ++s.callCounts[m_name];
            const unsigned long total = ++s.totalCalls;
            s.syncPresenceLocked();
            for (const ShimFault &f : s.config.faults) {
                const bool any = f.function == "*";
                if (!any && f.function != m_name)
                    continue;
                if (f.call != 0 && f.call != (any ? total : count))
                    continue;
                if (f.after && !m_hasAfter) {
                    m_after = f;
                    m_hasAfter = true;
                } else if (!f.after && !m_hasBefore) {
                    m_before = f;
                    m_hasBefore = true;
                }
            }
            for (const ShimSlow &sl : s.config.slow) {
                if (sl.function == "*" || sl.function == m_name)
                    ms = std::max(ms, sl.ms);
            }
            m_traceFile = s.config.traceFile;
            m_target = s.initialized ? s.target : nullptr;
        }
        if (ms > 0)
            std::this_thread::sleep_for(std::chrono::milliseconds(ms));
    }

    CallScope(const CallScope &) = delete;
    CallScope &operator=(const CallScope &) = delete;

    CK_FUNCTION_LIST_PTR target() const { return m_target; }

    // A "before" fault: answer its rv without forwarding (no side effect).
    bool injected(CK_RV &rv)
    {
        if (!m_hasBefore)
            return false;
        m_hasAfter = false;
        if (m_before.remove)
            removeToken();
        rv = m_before.rv;
        return true;
    }

    // True when the call must not be forwarded: a "before" fault or no C_Initialize yet.
    bool preempt(CK_RV &rv)
    {
        if (injected(rv))
            return true;
        if (!m_target) {
            m_hasAfter = false;
            rv = CKR_CRYPTOKI_NOT_INITIALIZED;
            return true;
        }
        return false;
    }

    // A session whose token was removed: CKR_DEVICE_REMOVED while the token is
    // absent, CKR_SESSION_HANDLE_INVALID once it is back (the session is gone).
    bool sessionGone(CK_SESSION_HANDLE session, CK_RV &rv)
    {
        Shim &s = Shim::instance();
        Lock lock(s.mutex);
        const auto it = s.sessions.find(session);
        if (it == s.sessions.end() || !it->second.dead)
            return false;
        m_hasAfter = false;
        rv = s.presentFor(it->second.serial) ? CKR_SESSION_HANDLE_INVALID : CKR_DEVICE_REMOVED;
        return true;
    }

    bool slotGone(CK_SLOT_ID slot, CK_RV &rv)
    {
        Shim &s = Shim::instance();
        Lock lock(s.mutex);
        if (s.slotPresentLocked(slot))
            return false;
        m_hasAfter = false;
        rv = CKR_TOKEN_NOT_PRESENT;
        return true;
    }

    // Applies an "after" fault and writes the trace line; returns what the caller sees.
    CK_RV done(CK_RV rv)
    {
        if (m_hasAfter) {
            if (m_after.remove)
                removeToken();
            rv = m_after.rv;
        }
        if (!m_traceFile.empty()) {
            const std::string line = m_name + ' ' + rvName(rv) + '\n';
            const int fd = ::open(m_traceFile.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
            if (fd >= 0) {
                if (::write(fd, line.data(), line.size()) != static_cast<ssize_t>(line.size()))
                    std::fprintf(stderr, "ca-pkcs11-shim: short write to %s\n", m_traceFile.c_str());
                ::close(fd);
            }
        }
        return rv;
    }

private:
    static void removeToken()
    {
        Shim &s = Shim::instance();
        Lock lock(s.mutex);
        s.removeTokenLocked();
    }

    std::string m_name;
    std::string m_traceFile;
    CK_FUNCTION_LIST_PTR m_target = nullptr;
    ShimFault m_before;
    ShimFault m_after;
    bool m_hasBefore = false;
    bool m_hasAfter = false;
};

// ---------------------------------------------------------------------------
// Plain forwarders

#define SHIM_PLAIN_FN(NAME, PARAMS, ARGS)                                       \
    CK_RV shim_##NAME PARAMS                                                    \
    {                                                                           \
        CallScope call(#NAME);                                                  \
        CK_RV rv = CKR_OK;                                                      \
        if (call.preempt(rv))                                                   \
            return call.done(rv);                                               \
        return call.done(call.target()->NAME ARGS);                             \
    }

#define SHIM_SLOT_FN(NAME, PARAMS, ARGS)                                        \
    CK_RV shim_##NAME PARAMS                                                    \
    {                                                                           \
        CallScope call(#NAME);                                                  \
        CK_RV rv = CKR_OK;                                                      \
        if (call.preempt(rv) || call.slotGone(slotID, rv))                      \
            return call.done(rv);                                               \
        return call.done(call.target()->NAME ARGS);                             \
    }

#define SHIM_SESSION_FN(NAME, PARAMS, ARGS)                                     \
    CK_RV shim_##NAME PARAMS                                                    \
    {                                                                           \
        CallScope call(#NAME);                                                  \
        CK_RV rv = CKR_OK;                                                      \
        if (call.preempt(rv) || call.sessionGone(hSession, rv))                 \
            return call.done(rv);                                               \
        return call.done(call.target()->NAME ARGS);                             \
    }

SHIM_PLAIN_FN(C_GetInfo, (CK_INFO_PTR pInfo), (pInfo))

SHIM_SLOT_FN(C_GetMechanismList,
             (CK_SLOT_ID slotID, CK_MECHANISM_TYPE_PTR pMechanismList, CK_ULONG_PTR pulCount),
             (slotID, pMechanismList, pulCount))
SHIM_SLOT_FN(C_GetMechanismInfo, (CK_SLOT_ID slotID, CK_MECHANISM_TYPE type, CK_MECHANISM_INFO_PTR pInfo),
             (slotID, type, pInfo))
SHIM_SLOT_FN(C_InitToken,
             (CK_SLOT_ID slotID, CK_UTF8CHAR_PTR pPin, CK_ULONG ulPinLen, CK_UTF8CHAR_PTR pLabel),
             (slotID, pPin, ulPinLen, pLabel))

SHIM_SESSION_FN(C_GetSessionInfo, (CK_SESSION_HANDLE hSession, CK_SESSION_INFO_PTR pInfo), (hSession, pInfo))
SHIM_SESSION_FN(C_GetOperationState,
                (CK_SESSION_HANDLE hSession, CK_BYTE_PTR pOperationState, CK_ULONG_PTR pulOperationStateLen),
                (hSession, pOperationState, pulOperationStateLen))
SHIM_SESSION_FN(C_SetOperationState,
                (CK_SESSION_HANDLE hSession, CK_BYTE_PTR pOperationState, CK_ULONG ulOperationStateLen,
                 CK_OBJECT_HANDLE hEncryptionKey, CK_OBJECT_HANDLE hAuthenticationKey),
                (hSession, pOperationState, ulOperationStateLen, hEncryptionKey, hAuthenticationKey))
SHIM_SESSION_FN(C_Logout, (CK_SESSION_HANDLE hSession), (hSession))
SHIM_SESSION_FN(C_CreateObject,
                (CK_SESSION_HANDLE hSession, CK_ATTRIBUTE_PTR pTemplate, CK_ULONG ulCount,
                 CK_OBJECT_HANDLE_PTR phObject),
                (hSession, pTemplate, ulCount, phObject))
SHIM_SESSION_FN(C_CopyObject,
                (CK_SESSION_HANDLE hSession, CK_OBJECT_HANDLE hObject, CK_ATTRIBUTE_PTR pTemplate,
                 CK_ULONG ulCount, CK_OBJECT_HANDLE_PTR phNewObject),
                (hSession, hObject, pTemplate, ulCount, phNewObject))
SHIM_SESSION_FN(C_DestroyObject, (CK_SESSION_HANDLE hSession, CK_OBJECT_HANDLE hObject), (hSession, hObject))
SHIM_SESSION_FN(C_GetObjectSize, (CK_SESSION_HANDLE hSession, CK_OBJECT_HANDLE hObject, CK_ULONG_PTR pulSize),
                (hSession, hObject, pulSize))
SHIM_SESSION_FN(C_GetAttributeValue,
                (CK_SESSION_HANDLE hSession, CK_OBJECT_HANDLE hObject, CK_ATTRIBUTE_PTR pTemplate,
                 CK_ULONG ulCount),
                (hSession, hObject, pTemplate, ulCount))
SHIM_SESSION_FN(C_SetAttributeValue,
                (CK_SESSION_HANDLE hSession, CK_OBJECT_HANDLE hObject, CK_ATTRIBUTE_PTR pTemplate,
                 CK_ULONG ulCount),
                (hSession, hObject, pTemplate, ulCount))
SHIM_SESSION_FN(C_FindObjectsInit, (CK_SESSION_HANDLE hSession, CK_ATTRIBUTE_PTR pTemplate, CK_ULONG ulCount),
                (hSession, pTemplate, ulCount))
// With "hide_public_keys" the public-key objects are left out of every
// search, as on keys that keep only the private key and the certificate.
CK_RV shim_C_FindObjects(CK_SESSION_HANDLE hSession, CK_OBJECT_HANDLE_PTR phObject, CK_ULONG ulMaxObjectCount,
                         CK_ULONG_PTR pulObjectCount)
{
    CallScope call("C_FindObjects");
    CK_RV rv = CKR_OK;
    if (call.preempt(rv) || call.sessionGone(hSession, rv))
        return call.done(rv);
    bool hide = false;
    {
        Shim &s = Shim::instance();
        Lock lock(s.mutex);
        hide = s.config.hidePublicKeys;
    }
    if (!hide || !phObject || !pulObjectCount)
        return call.done(call.target()->C_FindObjects(hSession, phObject, ulMaxObjectCount, pulObjectCount));
    CK_ULONG kept = 0;
    while (kept < ulMaxObjectCount) {
        CK_OBJECT_HANDLE h = CK_INVALID_HANDLE;
        CK_ULONG n = 0;
        rv = call.target()->C_FindObjects(hSession, &h, 1, &n);
        if (rv != CKR_OK)
            return call.done(rv);
        if (n == 0)
            break;
        CK_OBJECT_CLASS cls = CKO_DATA;
        CK_ATTRIBUTE a{CKA_CLASS, &cls, sizeof cls};
        if (call.target()->C_GetAttributeValue(hSession, h, &a, 1) == CKR_OK && cls == CKO_PUBLIC_KEY)
            continue;
        phObject[kept++] = h;
    }
    *pulObjectCount = kept;
    return call.done(CKR_OK);
}
SHIM_SESSION_FN(C_FindObjectsFinal, (CK_SESSION_HANDLE hSession), (hSession))

SHIM_SESSION_FN(C_EncryptInit, (CK_SESSION_HANDLE hSession, CK_MECHANISM_PTR pMechanism, CK_OBJECT_HANDLE hKey),
                (hSession, pMechanism, hKey))
SHIM_SESSION_FN(C_Encrypt,
                (CK_SESSION_HANDLE hSession, CK_BYTE_PTR pData, CK_ULONG ulDataLen, CK_BYTE_PTR pEncryptedData,
                 CK_ULONG_PTR pulEncryptedDataLen),
                (hSession, pData, ulDataLen, pEncryptedData, pulEncryptedDataLen))
SHIM_SESSION_FN(C_EncryptUpdate,
                (CK_SESSION_HANDLE hSession, CK_BYTE_PTR pPart, CK_ULONG ulPartLen, CK_BYTE_PTR pEncryptedPart,
                 CK_ULONG_PTR pulEncryptedPartLen),
                (hSession, pPart, ulPartLen, pEncryptedPart, pulEncryptedPartLen))
SHIM_SESSION_FN(C_EncryptFinal,
                (CK_SESSION_HANDLE hSession, CK_BYTE_PTR pLastEncryptedPart, CK_ULONG_PTR pulLastEncryptedPartLen),
                (hSession, pLastEncryptedPart, pulLastEncryptedPartLen))

SHIM_SESSION_FN(C_DecryptInit, (CK_SESSION_HANDLE hSession, CK_MECHANISM_PTR pMechanism, CK_OBJECT_HANDLE hKey),
                (hSession, pMechanism, hKey))
SHIM_SESSION_FN(C_Decrypt,
                (CK_SESSION_HANDLE hSession, CK_BYTE_PTR pEncryptedData, CK_ULONG ulEncryptedDataLen,
                 CK_BYTE_PTR pData, CK_ULONG_PTR pulDataLen),
                (hSession, pEncryptedData, ulEncryptedDataLen, pData, pulDataLen))
SHIM_SESSION_FN(C_DecryptUpdate,
                (CK_SESSION_HANDLE hSession, CK_BYTE_PTR pEncryptedPart, CK_ULONG ulEncryptedPartLen,
                 CK_BYTE_PTR pPart, CK_ULONG_PTR pulPartLen),
                (hSession, pEncryptedPart, ulEncryptedPartLen, pPart, pulPartLen))
SHIM_SESSION_FN(C_DecryptFinal, (CK_SESSION_HANDLE hSession, CK_BYTE_PTR pLastPart, CK_ULONG_PTR pulLastPartLen),
                (hSession, pLastPart, pulLastPartLen))

SHIM_SESSION_FN(C_DigestInit, (CK_SESSION_HANDLE hSession, CK_MECHANISM_PTR pMechanism), (hSession, pMechanism))
SHIM_SESSION_FN(C_Digest,
                (CK_SESSION_HANDLE hSession, CK_BYTE_PTR pData, CK_ULONG ulDataLen, CK_BYTE_PTR pDigest,
                 CK_ULONG_PTR pulDigestLen),
                (hSession, pData, ulDataLen, pDigest, pulDigestLen))
SHIM_SESSION_FN(C_DigestUpdate, (CK_SESSION_HANDLE hSession, CK_BYTE_PTR pPart, CK_ULONG ulPartLen),
                (hSession, pPart, ulPartLen))
SHIM_SESSION_FN(C_DigestKey, (CK_SESSION_HANDLE hSession, CK_OBJECT_HANDLE hKey), (hSession, hKey))
SHIM_SESSION_FN(C_DigestFinal, (CK_SESSION_HANDLE hSession, CK_BYTE_PTR pDigest, CK_ULONG_PTR pulDigestLen),
                (hSession, pDigest, pulDigestLen))

SHIM_SESSION_FN(C_SignInit, (CK_SESSION_HANDLE hSession, CK_MECHANISM_PTR pMechanism, CK_OBJECT_HANDLE hKey),
                (hSession, pMechanism, hKey))
SHIM_SESSION_FN(C_Sign,
                (CK_SESSION_HANDLE hSession, CK_BYTE_PTR pData, CK_ULONG ulDataLen, CK_BYTE_PTR pSignature,
                 CK_ULONG_PTR pulSignatureLen),
                (hSession, pData, ulDataLen, pSignature, pulSignatureLen))
SHIM_SESSION_FN(C_SignUpdate, (CK_SESSION_HANDLE hSession, CK_BYTE_PTR pPart, CK_ULONG ulPartLen),
                (hSession, pPart, ulPartLen))
SHIM_SESSION_FN(C_SignFinal, (CK_SESSION_HANDLE hSession, CK_BYTE_PTR pSignature, CK_ULONG_PTR pulSignatureLen),
                (hSession, pSignature, pulSignatureLen))
SHIM_SESSION_FN(C_SignRecoverInit,
                (CK_SESSION_HANDLE hSession, CK_MECHANISM_PTR pMechanism, CK_OBJECT_HANDLE hKey),
                (hSession, pMechanism, hKey))
SHIM_SESSION_FN(C_SignRecover,
                (CK_SESSION_HANDLE hSession, CK_BYTE_PTR pData, CK_ULONG ulDataLen, CK_BYTE_PTR pSignature,
                 CK_ULONG_PTR pulSignatureLen),
                (hSession, pData, ulDataLen, pSignature, pulSignatureLen))

SHIM_SESSION_FN(C_VerifyInit, (CK_SESSION_HANDLE hSession, CK_MECHANISM_PTR pMechanism, CK_OBJECT_HANDLE hKey),
                (hSession, pMechanism, hKey))
SHIM_SESSION_FN(C_Verify,
                (CK_SESSION_HANDLE hSession, CK_BYTE_PTR pData, CK_ULONG ulDataLen, CK_BYTE_PTR pSignature,
                 CK_ULONG ulSignatureLen),
                (hSession, pData, ulDataLen, pSignature, ulSignatureLen))
SHIM_SESSION_FN(C_VerifyUpdate, (CK_SESSION_HANDLE hSession, CK_BYTE_PTR pPart, CK_ULONG ulPartLen),
                (hSession, pPart, ulPartLen))
SHIM_SESSION_FN(C_VerifyFinal, (CK_SESSION_HANDLE hSession, CK_BYTE_PTR pSignature, CK_ULONG ulSignatureLen),
                (hSession, pSignature, ulSignatureLen))
SHIM_SESSION_FN(C_VerifyRecoverInit,
                (CK_SESSION_HANDLE hSession, CK_MECHANISM_PTR pMechanism, CK_OBJECT_HANDLE hKey),
                (hSession, pMechanism, hKey))
SHIM_SESSION_FN(C_VerifyRecover,
                (CK_SESSION_HANDLE hSession, CK_BYTE_PTR pSignature, CK_ULONG ulSignatureLen, CK_BYTE_PTR pData,
                 CK_ULONG_PTR pulDataLen),
                (hSession, pSignature, ulSignatureLen, pData, pulDataLen))

SHIM_SESSION_FN(C_DigestEncryptUpdate,
                (CK_SESSION_HANDLE hSession, CK_BYTE_PTR pPart, CK_ULONG ulPartLen, CK_BYTE_PTR pEncryptedPart,
                 CK_ULONG_PTR pulEncryptedPartLen),
                (hSession, pPart, ulPartLen, pEncryptedPart, pulEncryptedPartLen))
SHIM_SESSION_FN(C_DecryptDigestUpdate,
                (CK_SESSION_HANDLE hSession, CK_BYTE_PTR pEncryptedPart, CK_ULONG ulEncryptedPartLen,
                 CK_BYTE_PTR pPart, CK_ULONG_PTR pulPartLen),
                (hSession, pEncryptedPart, ulEncryptedPartLen, pPart, pulPartLen))
SHIM_SESSION_FN(C_SignEncryptUpdate,
                (CK_SESSION_HANDLE hSession, CK_BYTE_PTR pPart, CK_ULONG ulPartLen, CK_BYTE_PTR pEncryptedPart,
                 CK_ULONG_PTR pulEncryptedPartLen),
                (hSession, pPart, ulPartLen, pEncryptedPart, pulEncryptedPartLen))
SHIM_SESSION_FN(C_DecryptVerifyUpdate,
                (CK_SESSION_HANDLE hSession, CK_BYTE_PTR pEncryptedPart, CK_ULONG ulEncryptedPartLen,
                 CK_BYTE_PTR pPart, CK_ULONG_PTR pulPartLen),
                (hSession, pEncryptedPart, ulEncryptedPartLen, pPart, pulPartLen))

SHIM_SESSION_FN(C_GenerateKey,
                (CK_SESSION_HANDLE hSession, CK_MECHANISM_PTR pMechanism, CK_ATTRIBUTE_PTR pTemplate,
                 CK_ULONG ulCount, CK_OBJECT_HANDLE_PTR phKey),
                (hSession, pMechanism, pTemplate, ulCount, phKey))
SHIM_SESSION_FN(C_GenerateKeyPair,
                (CK_SESSION_HANDLE hSession, CK_MECHANISM_PTR pMechanism, CK_ATTRIBUTE_PTR pPublicKeyTemplate,
                 CK_ULONG ulPublicKeyAttributeCount, CK_ATTRIBUTE_PTR pPrivateKeyTemplate,
                 CK_ULONG ulPrivateKeyAttributeCount, CK_OBJECT_HANDLE_PTR phPublicKey,
                 CK_OBJECT_HANDLE_PTR phPrivateKey),
                (hSession, pMechanism, pPublicKeyTemplate, ulPublicKeyAttributeCount, pPrivateKeyTemplate,
                 ulPrivateKeyAttributeCount, phPublicKey, phPrivateKey))
SHIM_SESSION_FN(C_WrapKey,
                (CK_SESSION_HANDLE hSession, CK_MECHANISM_PTR pMechanism, CK_OBJECT_HANDLE hWrappingKey,
                 CK_OBJECT_HANDLE hKey, CK_BYTE_PTR pWrappedKey, CK_ULONG_PTR pulWrappedKeyLen),
                (hSession, pMechanism, hWrappingKey, hKey, pWrappedKey, pulWrappedKeyLen))
SHIM_SESSION_FN(C_UnwrapKey,
                (CK_SESSION_HANDLE hSession, CK_MECHANISM_PTR pMechanism, CK_OBJECT_HANDLE hUnwrappingKey,
                 CK_BYTE_PTR pWrappedKey, CK_ULONG ulWrappedKeyLen, CK_ATTRIBUTE_PTR pTemplate,
                 CK_ULONG ulAttributeCount, CK_OBJECT_HANDLE_PTR phKey),
                (hSession, pMechanism, hUnwrappingKey, pWrappedKey, ulWrappedKeyLen, pTemplate, ulAttributeCount,
                 phKey))
SHIM_SESSION_FN(C_DeriveKey,
                (CK_SESSION_HANDLE hSession, CK_MECHANISM_PTR pMechanism, CK_OBJECT_HANDLE hBaseKey,
                 CK_ATTRIBUTE_PTR pTemplate, CK_ULONG ulAttributeCount, CK_OBJECT_HANDLE_PTR phKey),
                (hSession, pMechanism, hBaseKey, pTemplate, ulAttributeCount, phKey))

SHIM_SESSION_FN(C_SeedRandom, (CK_SESSION_HANDLE hSession, CK_BYTE_PTR pSeed, CK_ULONG ulSeedLen),
                (hSession, pSeed, ulSeedLen))
SHIM_SESSION_FN(C_GenerateRandom, (CK_SESSION_HANDLE hSession, CK_BYTE_PTR RandomData, CK_ULONG ulRandomLen),
                (hSession, RandomData, ulRandomLen))
SHIM_SESSION_FN(C_GetFunctionStatus, (CK_SESSION_HANDLE hSession), (hSession))
SHIM_SESSION_FN(C_CancelFunction, (CK_SESSION_HANDLE hSession), (hSession))

#undef SHIM_PLAIN_FN
#undef SHIM_SLOT_FN
#undef SHIM_SESSION_FN

// ---------------------------------------------------------------------------
// Wrappers with behaviour of their own

CK_RV shim_C_Initialize(CK_VOID_PTR pInitArgs)
{
    CallScope call("C_Initialize");
    CK_RV rv = CKR_OK;
    if (call.injected(rv))
        return call.done(rv);
    Shim &s = Shim::instance();
    CK_FUNCTION_LIST_PTR target = nullptr;
    {
        Lock lock(s.mutex);
        std::string error;
        if (s.initialized || s.loadTargetLocked(error))
            target = s.target;
        else
            std::fprintf(stderr, "ca-pkcs11-shim: %s\n", error.c_str());
    }
    if (!target)
        return call.done(CKR_GENERAL_ERROR);
    rv = target->C_Initialize(pInitArgs);
    if (rv == CKR_OK || rv == CKR_CRYPTOKI_ALREADY_INITIALIZED) {
        Lock lock(s.mutex);
        if (!s.initialized)
            s.sessions.clear();
        s.initialized = true;
    }
    return call.done(rv);
}

CK_RV shim_C_Finalize(CK_VOID_PTR pReserved)
{
    CallScope call("C_Finalize");
    CK_RV rv = CKR_OK;
    if (call.preempt(rv))
        return call.done(rv);
    rv = call.target()->C_Finalize(pReserved);
    if (rv == CKR_OK) {
        Shim &s = Shim::instance();
        Lock lock(s.mutex);
        s.initialized = false;
        s.sessions.clear();
    }
    return call.done(rv);
}

CK_RV shim_C_GetSlotList(CK_BBOOL tokenPresent, CK_SLOT_ID_PTR pSlotList, CK_ULONG_PTR pulCount)
{
    CallScope call("C_GetSlotList");
    CK_RV rv = CKR_OK;
    if (call.preempt(rv))
        return call.done(rv);
    CK_FUNCTION_LIST_PTR target = call.target();
    if (!tokenPresent)
        return call.done(target->C_GetSlotList(CK_FALSE, pSlotList, pulCount));
    if (!pulCount)
        return call.done(CKR_ARGUMENTS_BAD);

    std::vector<CK_SLOT_ID> slots;
    for (int attempt = 0; attempt < 4; ++attempt) {
        CK_ULONG n = 0;
        rv = target->C_GetSlotList(CK_TRUE, nullptr, &n);
        if (rv != CKR_OK)
            return call.done(rv);
        slots.resize(n);
        rv = target->C_GetSlotList(CK_TRUE, slots.data(), &n);
        if (rv == CKR_OK) {
            slots.resize(n);
            break;
        }
        if (rv != CKR_BUFFER_TOO_SMALL)
            return call.done(rv);
    }
    if (rv != CKR_OK)
        return call.done(rv);
    {
        Shim &s = Shim::instance();
        Lock lock(s.mutex);
        std::erase_if(slots, [&s](CK_SLOT_ID slot) { return !s.slotPresentLocked(slot); });
    }
    const CK_ULONG n = slots.size();
    if (!pSlotList) {
        *pulCount = n;
        return call.done(CKR_OK);
    }
    if (*pulCount < n) {
        *pulCount = n;
        return call.done(CKR_BUFFER_TOO_SMALL);
    }
    std::copy(slots.begin(), slots.end(), pSlotList);
    *pulCount = n;
    return call.done(CKR_OK);
}

CK_RV shim_C_GetSlotInfo(CK_SLOT_ID slotID, CK_SLOT_INFO_PTR pInfo)
{
    CallScope call("C_GetSlotInfo");
    CK_RV rv = CKR_OK;
    if (call.preempt(rv))
        return call.done(rv);
    rv = call.target()->C_GetSlotInfo(slotID, pInfo);
    if (rv == CKR_OK) {
        Shim &s = Shim::instance();
        Lock lock(s.mutex);
        if (!s.slotPresentLocked(slotID))
            pInfo->flags &= ~CKF_TOKEN_PRESENT;
    }
    return call.done(rv);
}

CK_RV shim_C_GetTokenInfo(CK_SLOT_ID slotID, CK_TOKEN_INFO_PTR pInfo)
{
    CallScope call("C_GetTokenInfo");
    CK_RV rv = CKR_OK;
    if (call.preempt(rv) || call.slotGone(slotID, rv))
        return call.done(rv);
    rv = call.target()->C_GetTokenInfo(slotID, pInfo);
    if (rv == CKR_OK) {
        Shim &s = Shim::instance();
        Lock lock(s.mutex);
        std::string serial(reinterpret_cast<const char *>(pInfo->serialNumber), sizeof pInfo->serialNumber);
        serial.erase(serial.find_last_not_of(' ') + 1);
        s.applyPinFlagsLocked(serial, pInfo->flags);
    }
    return call.done(rv);
}

CK_RV shim_C_WaitForSlotEvent(CK_FLAGS, CK_SLOT_ID_PTR, CK_VOID_PTR)
{
    // Like SoftHSM: callers must poll C_GetSlotList.
    CallScope call("C_WaitForSlotEvent");
    CK_RV rv = CKR_OK;
    if (call.preempt(rv))
        return call.done(rv);
    return call.done(CKR_FUNCTION_NOT_SUPPORTED);
}

CK_RV shim_C_OpenSession(CK_SLOT_ID slotID, CK_FLAGS flags, CK_VOID_PTR pApplication, CK_NOTIFY Notify,
                         CK_SESSION_HANDLE_PTR phSession)
{
    CallScope call("C_OpenSession");
    CK_RV rv = CKR_OK;
    if (call.preempt(rv) || call.slotGone(slotID, rv))
        return call.done(rv);
    rv = call.target()->C_OpenSession(slotID, flags, pApplication, Notify, phSession);
    if (rv == CKR_OK && phSession) {
        Shim &s = Shim::instance();
        Lock lock(s.mutex);
        // A dead handle the target hands out again is a new, live session.
        s.sessions[*phSession] = Shim::Session{slotID, s.slotSerialLocked(slotID), false};
    }
    return call.done(rv);
}

CK_RV shim_C_CloseSession(CK_SESSION_HANDLE hSession)
{
    CallScope call("C_CloseSession");
    CK_RV rv = CKR_OK;
    if (call.preempt(rv))
        return call.done(rv);
    // A dead handle stays known as dead (it is not forwarded) until the target
    // hands the same number out again: closing it twice must not close a new
    // session of the target.
    if (call.sessionGone(hSession, rv))
        return call.done(rv);
    rv = call.target()->C_CloseSession(hSession);
    if (rv == CKR_OK || rv == CKR_SESSION_HANDLE_INVALID) {
        Shim &s = Shim::instance();
        Lock lock(s.mutex);
        s.sessions.erase(hSession);
    }
    return call.done(rv);
}

CK_RV shim_C_CloseAllSessions(CK_SLOT_ID slotID)
{
    CallScope call("C_CloseAllSessions");
    CK_RV rv = CKR_OK;
    if (call.preempt(rv))
        return call.done(rv);
    rv = call.target()->C_CloseAllSessions(slotID);
    if (rv == CKR_OK) {
        Shim &s = Shim::instance();
        Lock lock(s.mutex);
        std::erase_if(s.sessions, [slotID](const auto &entry) { return entry.second.slot == slotID; });
    }
    return call.done(rv);
}

bool isUserPin(CK_USER_TYPE userType)
{
    return userType == CKU_USER || userType == CKU_CONTEXT_SPECIFIC;
}

CK_RV shim_C_Login(CK_SESSION_HANDLE hSession, CK_USER_TYPE userType, CK_UTF8CHAR_PTR pPin, CK_ULONG ulPinLen)
{
    CallScope call("C_Login");
    CK_RV rv = CKR_OK;
    if (call.preempt(rv) || call.sessionGone(hSession, rv))
        return call.done(rv);
    Shim &s = Shim::instance();
    const bool userPin = isUserPin(userType);
    std::string padPin;
    bool usePad = false;
    bool counting = false;
    bool locked = false;
    std::string serial;
    {
        Lock lock(s.mutex);
        if (s.config.pinPad && !pPin) {
            if (userPin) {
                padPin = s.config.pinPadPin;
                usePad = true;
            } else if (userType == CKU_SO && s.config.hasPinPadSoPin) {
                padPin = s.config.pinPadSoPin;
                usePad = true;
            }
        }
        counting = userPin && s.config.maxPinTries > 0;
        if (counting) {
            serial = s.sessionSerialLocked(hSession);
            locked = s.wrongTriesLocked(serial) >= s.config.maxPinTries;
        }
    }
    if (locked)
        return call.done(CKR_PIN_LOCKED);
    rv = call.target()->C_Login(hSession, userType,
                                usePad ? reinterpret_cast<CK_UTF8CHAR_PTR>(padPin.data()) : pPin,
                                usePad ? padPin.size() : ulPinLen);
    if (counting && (rv == CKR_PIN_INCORRECT || rv == CKR_OK)) {
        Lock lock(s.mutex);
        s.setWrongTriesLocked(serial, rv == CKR_OK ? 0 : s.wrongTriesLocked(serial) + 1);
    }
    return call.done(rv);
}

CK_RV shim_C_InitPIN(CK_SESSION_HANDLE hSession, CK_UTF8CHAR_PTR pPin, CK_ULONG ulPinLen)
{
    CallScope call("C_InitPIN");
    CK_RV rv = CKR_OK;
    if (call.preempt(rv) || call.sessionGone(hSession, rv))
        return call.done(rv);
    Shim &s = Shim::instance();
    std::string padPin;
    bool usePad = false;
    {
        Lock lock(s.mutex);
        if (s.config.pinPad && !pPin && s.config.hasPinPadNewPin) {
            padPin = s.config.pinPadNewPin;
            usePad = true;
        }
    }
    rv = call.target()->C_InitPIN(hSession, usePad ? reinterpret_cast<CK_UTF8CHAR_PTR>(padPin.data()) : pPin,
                                  usePad ? padPin.size() : ulPinLen);
    if (rv == CKR_OK) {
        // A PIN reset by the SO unlocks the user PIN.
        Lock lock(s.mutex);
        s.setWrongTriesLocked(s.sessionSerialLocked(hSession), 0);
    }
    return call.done(rv);
}

CK_RV shim_C_SetPIN(CK_SESSION_HANDLE hSession, CK_UTF8CHAR_PTR pOldPin, CK_ULONG ulOldLen, CK_UTF8CHAR_PTR pNewPin,
                    CK_ULONG ulNewLen)
{
    CallScope call("C_SetPIN");
    CK_RV rv = CKR_OK;
    if (call.preempt(rv) || call.sessionGone(hSession, rv))
        return call.done(rv);
    Shim &s = Shim::instance();
    std::string oldPad;
    std::string newPad;
    bool usePad = false;
    bool counting = false;
    bool locked = false;
    std::string serial;
    {
        Lock lock(s.mutex);
        CK_SESSION_INFO info {};
        const bool so = s.target->C_GetSessionInfo(hSession, &info) == CKR_OK && info.state == CKS_RW_SO_FUNCTIONS;
        if (s.config.pinPad && !pOldPin && !pNewPin && s.config.hasPinPadNewPin
            && (!so || s.config.hasPinPadSoPin)) {
            oldPad = so ? s.config.pinPadSoPin : s.config.pinPadPin;
            newPad = s.config.pinPadNewPin;
            usePad = true;
        }
        counting = !so && s.config.maxPinTries > 0;
        if (counting) {
            serial = s.sessionSerialLocked(hSession);
            locked = s.wrongTriesLocked(serial) >= s.config.maxPinTries;
        }
    }
    if (locked)
        return call.done(CKR_PIN_LOCKED);
    if (usePad) {
        rv = call.target()->C_SetPIN(hSession, reinterpret_cast<CK_UTF8CHAR_PTR>(oldPad.data()), oldPad.size(),
                                     reinterpret_cast<CK_UTF8CHAR_PTR>(newPad.data()), newPad.size());
    } else {
        rv = call.target()->C_SetPIN(hSession, pOldPin, ulOldLen, pNewPin, ulNewLen);
    }
    if (counting && (rv == CKR_PIN_INCORRECT || rv == CKR_OK)) {
        Lock lock(s.mutex);
        s.setWrongTriesLocked(serial, rv == CKR_OK ? 0 : s.wrongTriesLocked(serial) + 1);
    }
    return call.done(rv);
}

CK_FUNCTION_LIST makeFunctionList();

CK_FUNCTION_LIST g_functionList = makeFunctionList();

// The list points here, not at the exported symbol: another library in the
// process (libp11-kit, a vendor module) may export a C_GetFunctionList of its
// own, and the address of ours could then resolve to theirs.
CK_RV shim_C_GetFunctionList(CK_FUNCTION_LIST_PTR_PTR ppFunctionList)
{
    if (!ppFunctionList)
        return CKR_ARGUMENTS_BAD;
    *ppFunctionList = &g_functionList;
    return CKR_OK;
}

} // namespace

} // namespace shim

extern "C" __attribute__((visibility("default"))) CK_RV C_GetFunctionList(CK_FUNCTION_LIST_PTR_PTR ppFunctionList)
{
    return shim::shim_C_GetFunctionList(ppFunctionList);
}

namespace shim {
namespace {

CK_FUNCTION_LIST makeFunctionList()
{
    CK_FUNCTION_LIST f {};
    f.version.major = 2;
    f.version.minor = 40;
    f.C_Initialize = shim_C_Initialize;
    f.C_Finalize = shim_C_Finalize;
    f.C_GetInfo = shim_C_GetInfo;
    f.C_GetFunctionList = shim_C_GetFunctionList;
    f.C_GetSlotList = shim_C_GetSlotList;
    f.C_GetSlotInfo = shim_C_GetSlotInfo;
    f.C_GetTokenInfo = shim_C_GetTokenInfo;
    f.C_GetMechanismList = shim_C_GetMechanismList;
    f.C_GetMechanismInfo = shim_C_GetMechanismInfo;
    f.C_InitToken = shim_C_InitToken;
    f.C_InitPIN = shim_C_InitPIN;
    f.C_SetPIN = shim_C_SetPIN;
    f.C_OpenSession = shim_C_OpenSession;
    f.C_CloseSession = shim_C_CloseSession;
    f.C_CloseAllSessions = shim_C_CloseAllSessions;
    f.C_GetSessionInfo = shim_C_GetSessionInfo;
    f.C_GetOperationState = shim_C_GetOperationState;
    f.C_SetOperationState = shim_C_SetOperationState;
    f.C_Login = shim_C_Login;
    f.C_Logout = shim_C_Logout;
    f.C_CreateObject = shim_C_CreateObject;
    f.C_CopyObject = shim_C_CopyObject;
    f.C_DestroyObject = shim_C_DestroyObject;
    f.C_GetObjectSize = shim_C_GetObjectSize;
    f.C_GetAttributeValue = shim_C_GetAttributeValue;
    f.C_SetAttributeValue = shim_C_SetAttributeValue;
    f.C_FindObjectsInit = shim_C_FindObjectsInit;
    f.C_FindObjects = shim_C_FindObjects;
    f.C_FindObjectsFinal = shim_C_FindObjectsFinal;
    f.C_EncryptInit = shim_C_EncryptInit;
    f.C_Encrypt = shim_C_Encrypt;
    f.C_EncryptUpdate = shim_C_EncryptUpdate;
    f.C_EncryptFinal = shim_C_EncryptFinal;
    f.C_DecryptInit = shim_C_DecryptInit;
    f.C_Decrypt = shim_C_Decrypt;
    f.C_DecryptUpdate = shim_C_DecryptUpdate;
    f.C_DecryptFinal = shim_C_DecryptFinal;
    f.C_DigestInit = shim_C_DigestInit;
    f.C_Digest = shim_C_Digest;
    f.C_DigestUpdate = shim_C_DigestUpdate;
    f.C_DigestKey = shim_C_DigestKey;
    f.C_DigestFinal = shim_C_DigestFinal;
    f.C_SignInit = shim_C_SignInit;
    f.C_Sign = shim_C_Sign;
    f.C_SignUpdate = shim_C_SignUpdate;
    f.C_SignFinal = shim_C_SignFinal;
    f.C_SignRecoverInit = shim_C_SignRecoverInit;
    f.C_SignRecover = shim_C_SignRecover;
    f.C_VerifyInit = shim_C_VerifyInit;
    f.C_Verify = shim_C_Verify;
    f.C_VerifyUpdate = shim_C_VerifyUpdate;
    f.C_VerifyFinal = shim_C_VerifyFinal;
    f.C_VerifyRecoverInit = shim_C_VerifyRecoverInit;
    f.C_VerifyRecover = shim_C_VerifyRecover;
    f.C_DigestEncryptUpdate = shim_C_DigestEncryptUpdate;
    f.C_DecryptDigestUpdate = shim_C_DecryptDigestUpdate;
    f.C_SignEncryptUpdate = shim_C_SignEncryptUpdate;
    f.C_DecryptVerifyUpdate = shim_C_DecryptVerifyUpdate;
    f.C_GenerateKey = shim_C_GenerateKey;
    f.C_GenerateKeyPair = shim_C_GenerateKeyPair;
    f.C_WrapKey = shim_C_WrapKey;
    f.C_UnwrapKey = shim_C_UnwrapKey;
    f.C_DeriveKey = shim_C_DeriveKey;
    f.C_SeedRandom = shim_C_SeedRandom;
    f.C_GenerateRandom = shim_C_GenerateRandom;
    f.C_GetFunctionStatus = shim_C_GetFunctionStatus;
    f.C_CancelFunction = shim_C_CancelFunction;
    f.C_WaitForSlotEvent = shim_C_WaitForSlotEvent;
    return f;
}

} // namespace
} // namespace shim
