#pragma once

#include "pkcs11/Result.h"
#include "pkcs11/SecureBuffer.h"
#include "pkcs11/TokenTypes.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <functional>
#include <memory>

namespace ca::p11 {

class Module;

// Synchronous token operations on one loaded Module. Every C_* call of the
// project is made from here (through Module's error path). Not thread-safe:
// exactly one thread uses a TokenManager; in the application that is
// TokenService's worker thread, in ca-tool the main thread.
//
// Tokens are always chosen by TokenRef (serial/label), never by slot number.
// PINs are passed as SecureBuffer; with a PIN pad (protectedAuthPath) they
// may be empty and are typed on the reader.
class TokenManager
{
public:
    // Returns true when the caller asked to stop; checked at the points where
    // stopping leaves the token unchanged.
    using CancelCheck = std::function<bool()>;

    explicit TokenManager(std::shared_ptr<Module> module);
    ~TokenManager();

    const Module &module() const { return *m_module; }
    std::shared_ptr<Module> modulePtr() const { return m_module; }

    // Tokens present now. Slots without a token are left out, and so are
    // tokens that are not initialised (SoftHSM always shows one such free
    // slot; a blank USB key cannot be used until its CA initialises it)
    // unless includeUninitialised.
    Result<QList<TokenInfo>> listTokens(bool includeUninitialised = false);
    Result<TokenInfo> findToken(const TokenRef &ref);

    // Certificates (always visible) and keys. With a PIN (or a PIN pad and
    // login = true) the private keys are listed; without, the key pairs are
    // listed from their public halves.
    Result<TokenContents> readContents(const TokenRef &ref, const SecureBuffer *pin = nullptr, bool login = false);

    Status verifyPin(const TokenRef &ref, const SecureBuffer &pin);
    Status changePin(const TokenRef &ref, const SecureBuffer &oldPin, const SecureBuffer &newPin);
    // SO login (the SO PIN comes from the platform's reset authorisation) and
    // C_InitPIN with the new user PIN.
    Status resetPin(const TokenRef &ref, const SecureBuffer &soPin, const SecureBuffer &newPin);

    // A key pair generated on the token: random CKA_ID, token, private,
    // sensitive, not extractable.
    Result<PrivateKeyInfo> generateKeyPair(const TokenRef &ref, const SecureBuffer &pin, KeySpec spec,
                                           const QString &label = QString());

    // A DER PKCS#10 request signed on the token (verified before it is returned).
    Result<QByteArray> createCsr(const TokenRef &ref, const SecureBuffer &pin, const CsrRequest &request,
                                 const CancelCheck &cancelled = {});

    // Writes a certificate (DER or PEM) next to its key: checks the key,
    // creates the new object, reads it back, and only then removes the old
    // certificate objects of that key. Never removes a key.
    Result<CertificateInfo> installCertificate(const TokenRef &ref, const SecureBuffer &pin,
                                               const QByteArray &certificate, const QString &label = QString(),
                                               const CancelCheck &cancelled = {});

private:
    std::shared_ptr<Module> m_module;
};

} // namespace ca::p11
