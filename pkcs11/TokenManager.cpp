#include "pkcs11/TokenManager.h"

#include "pkcs11/CertificateParser.h"
#include "pkcs11/CsrBuilder.h"
#include "pkcs11/Log.h"
#include "pkcs11/Module.h"
#include "pkcs11/Ossl.h"
#include "pkcs11/Quirks.h"
#include "pkcs11/Session.h"

#include <openssl/core_names.h>
#include <openssl/objects.h>
#include <openssl/rand.h>

#include <QDate>

#include <optional>
#include <vector>

namespace ca::p11 {

namespace {

CK_BBOOL kTrue = CK_TRUE;
CK_BBOOL kFalse = CK_FALSE;

// DER of the OID prime256v1 (1.2.840.10045.3.1.7), the CKA_EC_PARAMS of P-256.
const unsigned char kP256Params[] = {0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07};

TokenInfo toTokenInfo(CK_SLOT_ID slot, const CK_TOKEN_INFO &ti, const CK_SLOT_INFO *si)
{
    TokenInfo t;
    t.slotId = slot;
    t.label = quirks::fixedString(ti.label, sizeof ti.label);
    t.serial = quirks::fixedString(ti.serialNumber, sizeof ti.serialNumber);
    t.manufacturer = quirks::fixedString(ti.manufacturerID, sizeof ti.manufacturerID);
    t.model = quirks::fixedString(ti.model, sizeof ti.model);
    if (si)
        t.slotDescription = quirks::fixedString(si->slotDescription, sizeof si->slotDescription);
    t.flags = ti.flags;
    t.pinState = PinStates::userFromFlags(ti.flags);
    t.soPinState = PinStates::soFromFlags(ti.flags);
    t.minPinLength = ti.ulMinPinLen;
    t.maxPinLength = ti.ulMaxPinLen;
    t.protectedAuthPath = ti.flags & CKF_PROTECTED_AUTHENTICATION_PATH;
    t.loginRequired = ti.flags & CKF_LOGIN_REQUIRED;
    t.initialized = ti.flags & CKF_TOKEN_INITIALIZED;
    t.writeProtected = ti.flags & CKF_WRITE_PROTECTED;
    return t;
}

bool matches(const TokenInfo &t, const TokenRef &ref)
{
    if (!ref.serial.isEmpty() && t.serial != ref.serial)
        return false;
    if (!ref.label.isEmpty() && t.label != ref.label)
        return false;
    if (!ref.any.isEmpty() && t.serial != ref.any && t.label != ref.any)
        return false;
    return true;
}

// Checks before a PIN is used; never calls the token.
Status checkPinUsable(const TokenInfo &t, const SecureBuffer &pin, bool so = false)
{
    const PinState state = so ? t.soPinState : t.pinState;
    if (state == PinState::Locked)
        return Error::make(ErrorKind::PinLocked, QStringLiteral("%1 PIN is locked (token flags)").arg(so ? QStringLiteral("SO") : QStringLiteral("user")));
    if (!so && state == PinState::Uninitialised)
        return Error::make(ErrorKind::NotLoggedIn, QStringLiteral("the user PIN is not initialised"));
    if (!t.protectedAuthPath && pin.isEmpty())
        return Error::make(ErrorKind::NotLoggedIn, QStringLiteral("no PIN given"));
    return {};
}

Status checkNewPinLength(const TokenInfo &t, const SecureBuffer &newPin)
{
    if (t.protectedAuthPath)
        return {};
    const auto len = CK_ULONG(newPin.size());
    // some modules report 0 or ~0 for "no limit"
    const bool minKnown = t.minPinLength > 0 && t.minPinLength != CK_UNAVAILABLE_INFORMATION;
    const bool maxKnown = t.maxPinLength > 0 && t.maxPinLength != CK_UNAVAILABLE_INFORMATION;
    if ((minKnown && len < t.minPinLength) || (maxKnown && len > t.maxPinLength) || len == 0)
        return Error::make(ErrorKind::PinLenRange, QStringLiteral("new PIN length %1 outside %2..%3")
                                                       .arg(len).arg(t.minPinLength).arg(t.maxPinLength));
    return {};
}

Status loginUser(Session &s, const TokenInfo &t, const SecureBuffer &pin)
{
    if (Status c = checkPinUsable(t, pin); !c)
        return c;
    return s.login(CKU_USER, pin, t.protectedAuthPath);
}

KeyType keyTypeFromCk(CK_ULONG kt)
{
    if (kt == CKK_RSA)
        return KeyType::Rsa;
    if (kt == CKK_EC)
        return KeyType::Ec;
    return KeyType::Unknown;
}

QString curveName(const QByteArray &ecParams, int *bits = nullptr)
{
    const auto *p = reinterpret_cast<const unsigned char *>(ecParams.constData());
    ossl::Asn1ObjectPtr oid(d2i_ASN1_OBJECT(nullptr, &p, ecParams.size()));
    if (!oid)
        return {};
    const int nid = OBJ_obj2nid(oid.get());
    if (nid == NID_undef)
        return {};
    if (bits) {
        EC_GROUP *g = EC_GROUP_new_by_curve_name(nid);
        *bits = g ? EC_GROUP_get_degree(g) : 0;
        EC_GROUP_free(g);
    }
    return QString::fromLatin1(OBJ_nid2sn(nid));
}

Result<ossl::PkeyPtr> rsaPublicKey(const QByteArray &modulus, const QByteArray &exponent)
{
    if (modulus.isEmpty() || exponent.isEmpty())
        return Error::make(ErrorKind::KeyNotFound, QStringLiteral("RSA key without modulus or exponent"));
    ossl::BnPtr n(BN_bin2bn(reinterpret_cast<const unsigned char *>(modulus.constData()), int(modulus.size()), nullptr));
    ossl::BnPtr e(BN_bin2bn(reinterpret_cast<const unsigned char *>(exponent.constData()), int(exponent.size()), nullptr));
    ossl::ParamBldPtr bld(OSSL_PARAM_BLD_new());
    OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_RSA_N, n.get());
    OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_RSA_E, e.get());
    ossl::ParamPtr params(OSSL_PARAM_BLD_to_param(bld.get()));
    ossl::PkeyCtxPtr ctx(EVP_PKEY_CTX_new_from_name(nullptr, "RSA", nullptr));
    EVP_PKEY *key = nullptr;
    if (!params || !ctx || EVP_PKEY_fromdata_init(ctx.get()) <= 0
        || EVP_PKEY_fromdata(ctx.get(), &key, EVP_PKEY_PUBLIC_KEY, params.get()) <= 0)
        return Error::make(ErrorKind::Generic, QStringLiteral("RSA public key: %1").arg(ossl::lastError()));
    return ossl::PkeyPtr(key);
}

Result<ossl::PkeyPtr> ecPublicKey(const QByteArray &ecParams, const QByteArray &ecPoint)
{
    int bits = 0;
    const QString curve = curveName(ecParams, &bits);
    if (curve.isEmpty() || ecPoint.isEmpty())
        return Error::make(ErrorKind::KeyNotFound, QStringLiteral("EC key without named curve or point"));
    QByteArray point;
    if (quirks::ecPointIsBare(ecPoint, (bits + 7) / 8)) {
        point = ecPoint;
    } else {
        const auto *p = reinterpret_cast<const unsigned char *>(ecPoint.constData());
        ossl::Asn1OctetPtr os(d2i_ASN1_OCTET_STRING(nullptr, &p, ecPoint.size()));
        if (!os)
            return Error::make(ErrorKind::Generic, QStringLiteral("CKA_EC_POINT is neither DER nor a bare point"));
        point = QByteArray(reinterpret_cast<const char *>(ASN1_STRING_get0_data(os.get())), ASN1_STRING_length(os.get()));
    }
    const QByteArray curveUtf8 = curve.toLatin1();
    ossl::ParamBldPtr bld(OSSL_PARAM_BLD_new());
    OSSL_PARAM_BLD_push_utf8_string(bld.get(), OSSL_PKEY_PARAM_GROUP_NAME, curveUtf8.constData(), 0);
    OSSL_PARAM_BLD_push_octet_string(bld.get(), OSSL_PKEY_PARAM_PUB_KEY, point.constData(), std::size_t(point.size()));
    ossl::ParamPtr params(OSSL_PARAM_BLD_to_param(bld.get()));
    ossl::PkeyCtxPtr ctx(EVP_PKEY_CTX_new_from_name(nullptr, "EC", nullptr));
    EVP_PKEY *key = nullptr;
    if (!params || !ctx || EVP_PKEY_fromdata_init(ctx.get()) <= 0
        || EVP_PKEY_fromdata(ctx.get(), &key, EVP_PKEY_PUBLIC_KEY, params.get()) <= 0)
        return Error::make(ErrorKind::Generic, QStringLiteral("EC public key: %1").arg(ossl::lastError()));
    return ossl::PkeyPtr(key);
}

Result<std::vector<CK_OBJECT_HANDLE>> findByClass(Session &s, CK_OBJECT_CLASS cls, const QByteArray *id = nullptr)
{
    QByteArray idCopy = id ? *id : QByteArray();
    std::vector<CK_ATTRIBUTE> t{attr(CKA_CLASS, cls)};
    if (id)
        t.push_back(attr(CKA_ID, idCopy));
    return s.find(t);
}

// The public key held by a CKO_PUBLIC_KEY object (RSA or EC); nullptr for other key types.
Result<ossl::PkeyPtr> publicKeyOfObject(Session &s, CK_OBJECT_HANDLE h)
{
    auto kt = s.ulongAttribute(h, CKA_KEY_TYPE);
    if (!kt)
        return kt.error();
    if (kt.value() == CKK_RSA) {
        auto n = s.attribute(h, CKA_MODULUS);
        auto e = s.attribute(h, CKA_PUBLIC_EXPONENT);
        if (!n)
            return n.error();
        if (!e)
            return e.error();
        return rsaPublicKey(n.value(), e.value());
    }
    if (kt.value() == CKK_EC) {
        auto params = s.attribute(h, CKA_EC_PARAMS);
        auto point = s.attribute(h, CKA_EC_POINT);
        if (!params)
            return params.error();
        if (!point)
            return point.error();
        return ecPublicKey(params.value(), point.value());
    }
    return ossl::PkeyPtr();
}

// The public keys that may be the other half of the private key `priv`
// (CKA_ID `id`), best first: an RSA private key's own modulus and exponent
// (exact); else every public-key object and every certificate with the same
// CKA_ID (two key pairs may share one: the caller compares or tries them).
Result<std::vector<ossl::PkeyPtr>> pairCandidates(Session &s, CK_OBJECT_HANDLE priv, const QByteArray &id)
{
    std::vector<ossl::PkeyPtr> out;
    auto kt = s.ulongAttribute(priv, CKA_KEY_TYPE);
    if (kt && kt.value() == CKK_RSA) {
        auto n = s.attribute(priv, CKA_MODULUS);
        auto e = s.attribute(priv, CKA_PUBLIC_EXPONENT);
        if (n && e && !n->isEmpty() && !e->isEmpty()) {
            auto key = rsaPublicKey(n.value(), e.value());
            if (key) {
                out.push_back(std::move(key.value()));
                return out;
            }
        }
    }
    auto pubs = findByClass(s, CKO_PUBLIC_KEY, &id);
    if (!pubs)
        return pubs.error();
    for (CK_OBJECT_HANDLE h : pubs.value()) {
        auto key = publicKeyOfObject(s, h);
        if (!key)
            return key.error();
        if (key.value())
            out.push_back(std::move(key.value()));
    }
    auto certs = findByClass(s, CKO_CERTIFICATE, &id);
    if (!certs)
        return certs.error();
    for (CK_OBJECT_HANDLE h : certs.value()) {
        auto value = s.attribute(h, CKA_VALUE);
        if (!value)
            return value.error();
        if (ossl::X509Ptr cert = ossl::certificateFromDerOrPem(value.value())) {
            if (EVP_PKEY *k = X509_get_pubkey(cert.get()))
                out.push_back(ossl::PkeyPtr(k));
        }
    }
    return out;
}

// The SubjectPublicKeyInfo of the key pair of `priv` when the candidates agree on one; else empty.
QByteArray pairPublicKeyDer(const std::vector<ossl::PkeyPtr> &candidates)
{
    QByteArray der;
    for (const ossl::PkeyPtr &k : candidates) {
        const QByteArray d = ossl::publicKeyDer(k.get());
        if (der.isEmpty())
            der = d;
        else if (d != der)
            return {};
    }
    return der;
}

bool pairHasKey(const std::vector<ossl::PkeyPtr> &candidates, const EVP_PKEY *key)
{
    for (const ossl::PkeyPtr &k : candidates)
        if (EVP_PKEY_eq(k.get(), key) == 1)
            return true;
    return false;
}

Result<PrivateKeyInfo> keyInfo(Session &s, CK_OBJECT_HANDLE h)
{
    PrivateKeyInfo k;
    auto id = s.attribute(h, CKA_ID);
    if (!id)
        return id.error();
    k.id = id.value();
    auto label = s.attribute(h, CKA_LABEL);
    if (!label)
        return label.error();
    k.label = QString::fromUtf8(label.value());
    auto kt = s.ulongAttribute(h, CKA_KEY_TYPE);
    if (!kt)
        return kt.error();
    k.type = keyTypeFromCk(kt.value());
    if (k.type == KeyType::Rsa) {
        auto bits = s.ulongAttribute(h, CKA_MODULUS_BITS);
        if (bits && bits.value() != CK_UNAVAILABLE_INFORMATION && bits.value() > 0) {
            k.bits = int(bits.value());
        } else {
            auto n = s.attribute(h, CKA_MODULUS);
            if (n && !n->isEmpty()) {
                QByteArray m = n.value();
                while (!m.isEmpty() && m.at(0) == 0)
                    m.remove(0, 1);
                k.bits = int(m.size()) * 8;
            }
        }
    } else if (k.type == KeyType::Ec) {
        auto params = s.attribute(h, CKA_EC_PARAMS);
        if (params)
            k.curve = curveName(params.value(), &k.bits);
    }
    return k;
}

// The only place that destroys an object, and it destroys certificates only:
// a private (or any other) key can never be deleted through this library.
Status destroyCertificateObject(Session &s, CK_OBJECT_HANDLE h)
{
    auto cls = s.ulongAttribute(h, CKA_CLASS);
    if (!cls)
        return cls.error();
    if (cls.value() != CKO_CERTIFICATE) {
        qCCritical(lcP11) << "refusing to destroy an object of class" << cls.value() << "(only certificates are ever removed)";
        return Error::make(ErrorKind::Generic, QStringLiteral("refused to destroy a non-certificate object"));
    }
    return CA_P11(s.module(), C_DestroyObject, s.handle(), h);
}

// The private keys on the token (logged-in session).
Result<QList<PrivateKeyInfo>> privateKeys(Session &s)
{
    QList<PrivateKeyInfo> out;
    auto privs = findByClass(s, CKO_PRIVATE_KEY);
    if (!privs)
        return privs.error();
    for (CK_OBJECT_HANDLE h : privs.value()) {
        auto k = keyInfo(s, h);
        if (!k)
            return k.error();
        auto candidates = pairCandidates(s, h, k->id);
        if (!candidates)
            return candidates.error();
        k->publicKeyDer = pairPublicKeyDer(candidates.value());
        out.append(k.value());
    }
    return out;
}

Result<PrivateKeyInfo> chooseKey(Session &s, const QByteArray &keyId)
{
    auto keys = privateKeys(s);
    if (!keys)
        return keys.error();
    if (keyId.isEmpty()) {
        if (keys->size() == 1)
            return keys->first();
        return Error::make(ErrorKind::KeyNotFound, keys->isEmpty()
                               ? QStringLiteral("the token holds no private key")
                               : QStringLiteral("the token holds %1 private keys; choose one by CKA_ID").arg(keys->size()));
    }
    for (const PrivateKeyInfo &k : keys.value()) {
        if (k.id == keyId)
            return k;
    }
    return Error::make(ErrorKind::KeyNotFound, QStringLiteral("no private key with CKA_ID %1").arg(QString::fromLatin1(keyId.toHex())));
}

QByteArray nameDer(const X509_NAME *name)
{
    unsigned char *buf = nullptr;
    const int len = i2d_X509_NAME(name, &buf);
    if (len <= 0)
        return {};
    QByteArray out(reinterpret_cast<const char *>(buf), len);
    OPENSSL_free(buf);
    return out;
}

QByteArray serialDer(const X509 *cert)
{
    unsigned char *buf = nullptr;
    const int len = i2d_ASN1_INTEGER(X509_get0_serialNumber(cert), &buf);
    if (len <= 0)
        return {};
    QByteArray out(reinterpret_cast<const char *>(buf), len);
    OPENSSL_free(buf);
    return out;
}

struct OpenToken
{
    TokenInfo token;
    std::unique_ptr<Session> session;
};

// Finds the token, opens a session on it and, with a user PIN (or a PIN pad),
// logs in. The session logs out and closes when OpenToken goes away.
Result<OpenToken> openToken(TokenManager &tm, const Module &m, const TokenRef &ref, bool readWrite,
                            const SecureBuffer *userPin)
{
    auto token = tm.findToken(ref);
    if (!token)
        return token.error();
    OpenToken o{token.value(), std::make_unique<Session>(m, token->slotId)};
    if (Status st = o.session->open(readWrite); !st)
        return st.error();
    if (userPin) {
        if (Status st = loginUser(*o.session, o.token, *userPin); !st)
            return st.error();
    }
    return o;
}

} // namespace

TokenManager::TokenManager(std::shared_ptr<Module> module)
    : m_module(std::move(module))
{
}

TokenManager::~TokenManager() = default;

Result<QList<TokenInfo>> TokenManager::listTokens(bool includeUninitialised)
{
    const Module &m = *m_module;
    CK_ULONG count = 0;
    if (Status s = CA_P11(m, C_GetSlotList, CK_TRUE, nullptr, &count); !s)
        return s.error();
    std::vector<CK_SLOT_ID> slotIds(count);
    if (count > 0) {
        if (Status s = CA_P11(m, C_GetSlotList, CK_TRUE, slotIds.data(), &count); !s)
            return s.error();
        slotIds.resize(count);
    }
    QList<TokenInfo> out;
    for (CK_SLOT_ID slot : slotIds) {
        CK_TOKEN_INFO ti{};
        const CK_RV rv = CA_P11_RAW(m, C_GetTokenInfo, slot, &ti);
        if (rv == CKR_TOKEN_NOT_PRESENT || rv == CKR_DEVICE_REMOVED || rv == CKR_TOKEN_NOT_RECOGNIZED || rv == CKR_SLOT_ID_INVALID)
            continue;  // removed between the two calls
        if (rv != CKR_OK)
            return Module::check("C_GetTokenInfo", rv).error();
        if (!(ti.flags & CKF_TOKEN_INITIALIZED) && !includeUninitialised)
            continue;
        CK_SLOT_INFO si{};
        const bool haveSlotInfo = CA_P11(m, C_GetSlotInfo, slot, &si).ok();
        out.append(toTokenInfo(slot, ti, haveSlotInfo ? &si : nullptr));
    }
    return out;
}

Result<TokenInfo> TokenManager::findToken(const TokenRef &ref)
{
    auto tokens = listTokens();
    if (!tokens)
        return tokens.error();
    QList<TokenInfo> hits;
    for (const TokenInfo &t : tokens.value()) {
        if (matches(t, ref))
            hits.append(t);
    }
    // "any" matches serials before labels
    if (hits.size() > 1 && !ref.any.isEmpty()) {
        QList<TokenInfo> bySerial;
        for (const TokenInfo &t : hits) {
            if (t.serial == ref.any)
                bySerial.append(t);
        }
        if (bySerial.size() == 1)
            hits = bySerial;
    }
    if (hits.isEmpty())
        return Error::make(ErrorKind::TokenNotFound, QStringLiteral("no token matches %1").arg(ref.describe()));
    if (hits.size() > 1)
        return Error::make(ErrorKind::TokenAmbiguous, QStringLiteral("%1 tokens match %2").arg(hits.size()).arg(ref.describe()));
    return hits.first();
}

Result<TokenContents> TokenManager::readContents(const TokenRef &ref, const SecureBuffer *pin, bool login)
{
    auto token = findToken(ref);
    if (!token)
        return token.error();
    TokenContents c;
    c.token = token.value();
    Session s(*m_module, c.token.slotId);
    if (Status st = s.open(false); !st)
        return st.error();
    if ((pin && !pin->isEmpty()) || (login && c.token.protectedAuthPath)) {
        static const SecureBuffer none;
        if (Status st = loginUser(s, c.token, pin ? *pin : none); !st)
            return st.error();
        c.loggedIn = true;
    }

    if (c.loggedIn) {
        auto keys = privateKeys(s);
        if (!keys)
            return keys.error();
        c.keys = keys.value();
    } else {
        auto pubs = findByClass(s, CKO_PUBLIC_KEY);
        if (!pubs)
            return pubs.error();
        for (CK_OBJECT_HANDLE h : pubs.value()) {
            auto k = keyInfo(s, h);
            if (!k)
                return k.error();
            if (auto pub = publicKeyOfObject(s, h); pub && pub.value())
                k->publicKeyDer = ossl::publicKeyDer(pub->get());
            c.keys.append(k.value());
        }
    }

    auto certs = findByClass(s, CKO_CERTIFICATE);
    if (!certs)
        return certs.error();
    for (CK_OBJECT_HANDLE h : certs.value()) {
        auto value = s.attribute(h, CKA_VALUE);
        if (!value)
            return value.error();
        auto parsed = CertificateParser::parse(value.value());
        if (!parsed) {
            qCWarning(lcP11) << "skipping a certificate object that OpenSSL cannot read";
            continue;
        }
        CertificateInfo ci = parsed.value();
        auto id = s.attribute(h, CKA_ID);
        if (!id)
            return id.error();
        ci.id = id.value();
        auto label = s.attribute(h, CKA_LABEL);
        if (!label)
            return label.error();
        ci.label = QString::fromUtf8(label.value());
        for (PrivateKeyInfo &k : c.keys) {
            if (!k.id.isEmpty() && k.id == ci.id) {
                ci.hasPrivateKey = true;
                k.hasCertificate = true;
            }
        }
        c.certificates.append(ci);
    }
    return c;
}

Status TokenManager::verifyPin(const TokenRef &ref, const SecureBuffer &pin)
{
    auto open = openToken(*this, *m_module, ref, false, &pin);
    if (!open)
        return open.error();
    return {};
}

Status TokenManager::changePin(const TokenRef &ref, const SecureBuffer &oldPin, const SecureBuffer &newPin)
{
    auto token = findToken(ref);
    if (!token)
        return token.error();
    if (Status st = checkNewPinLength(token.value(), newPin); !st)
        return st;
    Session s(*m_module, token->slotId);
    if (Status st = s.open(true); !st)
        return st;
    if (Status st = loginUser(s, token.value(), oldPin); !st)
        return st;
    if (token->protectedAuthPath)
        return CA_P11(*m_module, C_SetPIN, s.handle(), nullptr, CK_ULONG(0), nullptr, CK_ULONG(0));
    return CA_P11(*m_module, C_SetPIN, s.handle(), const_cast<CK_UTF8CHAR_PTR>(oldPin.data()), CK_ULONG(oldPin.size()),
                  const_cast<CK_UTF8CHAR_PTR>(newPin.data()), CK_ULONG(newPin.size()));
}

Status TokenManager::resetPin(const TokenRef &ref, const SecureBuffer &soPin, const SecureBuffer &newPin)
{
    auto token = findToken(ref);
    if (!token)
        return token.error();
    // A locked SO PIN cannot log in; on its final try a wrong authorisation
    // would lock the key for good: the CA centre must do it.
    if (token->soPinState == PinState::Locked || token->soPinState == PinState::FinalTry)
        return Error::make(ErrorKind::SoPinLocked, QStringLiteral("SO PIN state %1 (token flags): reset refused")
                                                       .arg(PinStates::code(token->soPinState)));
    // The SO PIN and the new PIN come from the platform and the user's
    // computer: they are passed even on a PIN-pad key (most modules accept a
    // PIN from the computer there); only when none was given is the pad used.
    const bool soOnPad = token->protectedAuthPath && soPin.isEmpty();
    const bool newOnPad = token->protectedAuthPath && newPin.isEmpty();
    if (!newOnPad) {
        TokenInfo lengthRules = token.value();
        lengthRules.protectedAuthPath = false;
        if (Status st = checkNewPinLength(lengthRules, newPin); !st)
            return st;
    }
    if (!soOnPad && soPin.isEmpty())
        return Error::make(ErrorKind::NotLoggedIn, QStringLiteral("no SO PIN given"));
    Session s(*m_module, token->slotId);
    if (Status st = s.open(true); !st)
        return st;
    if (Status st = s.login(CKU_SO, soPin, soOnPad); !st) {
        Error e = st.error();
        if (e.kind() == ErrorKind::PinIncorrect)
            return e.withKind(ErrorKind::SoPinIncorrect);
        if (e.kind() == ErrorKind::PinLocked)
            return e.withKind(ErrorKind::SoPinLocked);
        if (token->protectedAuthPath && !soOnPad && e.kind() != ErrorKind::TokenRemoved)
            return e.withKind(ErrorKind::PinPadRefused).withDetail(QStringLiteral("SO PIN sent from the computer to a PIN-pad key"));
        return e;
    }
    Status st = newOnPad ? CA_P11(*m_module, C_InitPIN, s.handle(), nullptr, CK_ULONG(0))
                         : CA_P11(*m_module, C_InitPIN, s.handle(), const_cast<CK_UTF8CHAR_PTR>(newPin.data()), CK_ULONG(newPin.size()));
    if (!st && token->protectedAuthPath && !newOnPad && st.error().kind() != ErrorKind::TokenRemoved
        && st.error().kind() != ErrorKind::PinLenRange && st.error().kind() != ErrorKind::PinInvalid) {
        Error e = st.error();
        return e.withKind(ErrorKind::PinPadRefused).withDetail(QStringLiteral("new PIN sent from the computer to a PIN-pad key"));
    }
    return st;
}

Result<PrivateKeyInfo> TokenManager::generateKeyPair(const TokenRef &ref, const SecureBuffer &pin, KeySpec spec,
                                                     const QString &label)
{
    auto open = openToken(*this, *m_module, ref, true, &pin);
    if (!open)
        return open.error();
    Session &s = *open->session;

    QByteArray id(20, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char *>(id.data()), int(id.size())) != 1)
        return Error::make(ErrorKind::Generic, QStringLiteral("RAND_bytes failed"));
    QByteArray labelBytes = (label.isEmpty()
                                 ? QStringLiteral("ca-client %1").arg(QDate::currentDate().toString(Qt::ISODate))
                                 : label).toUtf8();

    CK_OBJECT_CLASS pubClass = CKO_PUBLIC_KEY;
    CK_OBJECT_CLASS privClass = CKO_PRIVATE_KEY;
    CK_ULONG modulusBits = 2048;
    QByteArray exponent = QByteArray::fromHex("010001");
    QByteArray ecParams(reinterpret_cast<const char *>(kP256Params), int(sizeof kP256Params));
    CK_KEY_TYPE keyType = spec == KeySpec::Rsa2048 ? CKK_RSA : CKK_EC;

    std::vector<CK_ATTRIBUTE> pub{
        attr(CKA_CLASS, pubClass), attr(CKA_KEY_TYPE, keyType), attr(CKA_TOKEN, kTrue), attr(CKA_PRIVATE, kFalse),
        attr(CKA_VERIFY, kTrue), attr(CKA_ID, id), attr(CKA_LABEL, labelBytes),
    };
    std::vector<CK_ATTRIBUTE> priv{
        attr(CKA_CLASS, privClass), attr(CKA_KEY_TYPE, keyType), attr(CKA_TOKEN, kTrue), attr(CKA_PRIVATE, kTrue),
        attr(CKA_SENSITIVE, kTrue), attr(CKA_EXTRACTABLE, kFalse), attr(CKA_SIGN, kTrue),
        attr(CKA_ID, id), attr(CKA_LABEL, labelBytes),
    };
    CK_MECHANISM mech{};
    if (spec == KeySpec::Rsa2048) {
        mech.mechanism = CKM_RSA_PKCS_KEY_PAIR_GEN;
        pub.push_back(attr(CKA_MODULUS_BITS, modulusBits));
        pub.push_back(attr(CKA_PUBLIC_EXPONENT, exponent));
        pub.push_back(attr(CKA_ENCRYPT, kTrue));
        priv.push_back(attr(CKA_DECRYPT, kTrue));
    } else {
        mech.mechanism = CKM_EC_KEY_PAIR_GEN;
        pub.push_back(attr(CKA_EC_PARAMS, ecParams));
        priv.push_back(attr(CKA_DERIVE, kTrue));
    }
    CK_OBJECT_HANDLE hPub = CK_INVALID_HANDLE;
    CK_OBJECT_HANDLE hPriv = CK_INVALID_HANDLE;
    if (Status st = CA_P11(*m_module, C_GenerateKeyPair, s.handle(), &mech, pub.data(), CK_ULONG(pub.size()),
                           priv.data(), CK_ULONG(priv.size()), &hPub, &hPriv);
        !st)
        return st.error();
    auto info = keyInfo(s, hPriv);
    if (!info)
        return info.error();
    if (info->bits == 0)
        info->bits = spec == KeySpec::Rsa2048 ? 2048 : 256;
    qCInfo(lcP11).noquote() << "generated" << keyTypeCode(info->type) << info->bits << "bit key pair, CKA_ID"
                            << QString::fromLatin1(id.toHex());
    return info;
}

Result<QByteArray> TokenManager::createCsr(const TokenRef &ref, const SecureBuffer &pin, const CsrRequest &request,
                                           const CancelCheck &cancelled)
{
    auto open = openToken(*this, *m_module, ref, false, &pin);
    if (!open)
        return open.error();
    Session &s = *open->session;
    auto key = chooseKey(s, request.keyId);
    if (!key)
        return key.error();
    auto handles = findByClass(s, CKO_PRIVATE_KEY, &key->id);
    if (!handles)
        return handles.error();
    if (handles->empty())
        return Error::make(ErrorKind::KeyNotFound, QStringLiteral("private key vanished"));
    if (cancelled && cancelled())
        return Error::make(ErrorKind::Cancelled);

    const bool isRsa = key->type == KeyType::Rsa;
    const Module &m = *m_module;
    // Several key pairs may share the CKA_ID: every private key with it is
    // tried with its possible public halves (the one asked for, when given)
    // until a request verifies.
    std::optional<Error> lastError;
    for (CK_OBJECT_HANDLE handle : handles.value()) {
        auto candidates = pairCandidates(s, handle, key->id);
        if (!candidates)
            return candidates.error();
        for (const ossl::PkeyPtr &pub : candidates.value()) {
            if (!request.publicKeyDer.isEmpty() && ossl::publicKeyDer(pub.get()) != request.publicKeyDer)
                continue;
            CsrBuilder::Signer signer = [&](const QByteArray &input) -> Result<QByteArray> {
                CK_MECHANISM mech{isRsa ? CK_MECHANISM_TYPE(CKM_SHA256_RSA_PKCS) : CK_MECHANISM_TYPE(CKM_ECDSA), nullptr, 0};
                if (Status st = CA_P11(m, C_SignInit, s.handle(), &mech, handle); !st)
                    return st.error();
                QByteArray data = input;
                CK_ULONG sigLen = 0;
                if (Status st = CA_P11(m, C_Sign, s.handle(), reinterpret_cast<CK_BYTE_PTR>(data.data()), CK_ULONG(data.size()),
                                       nullptr, &sigLen);
                    !st)
                    return st.error();
                QByteArray sig(int(sigLen), Qt::Uninitialized);
                if (Status st = CA_P11(m, C_Sign, s.handle(), reinterpret_cast<CK_BYTE_PTR>(data.data()), CK_ULONG(data.size()),
                                       reinterpret_cast<CK_BYTE_PTR>(sig.data()), &sigLen);
                    !st)
                    return st.error();
                sig.truncate(int(sigLen));
                return sig;
            };
            auto csr = CsrBuilder::build(pub.get(), request, signer);
            if (csr || csr.error().kind() != ErrorKind::VerifyFailed)
                return csr;
            lastError = csr.error();
        }
    }
    if (lastError)
        return *lastError;
    return Error::make(ErrorKind::KeyNotFound, request.publicKeyDer.isEmpty()
                                                   ? QStringLiteral("no public key for CKA_ID %1").arg(QString::fromLatin1(key->id.toHex()))
                                                   : QStringLiteral("no key pair with CKA_ID %1 has the public key asked for").arg(QString::fromLatin1(key->id.toHex())));
}

Result<CertificateInfo> TokenManager::installCertificate(const TokenRef &ref, const SecureBuffer &pin,
                                                         const QByteArray &certificate, const QString &label,
                                                         const CancelCheck &cancelled)
{
    auto parsed = CertificateParser::parse(certificate);
    if (!parsed)
        return parsed.error();
    ossl::X509Ptr cert = ossl::certificateFromDerOrPem(certificate);
    QByteArray der = parsed->der;
    EVP_PKEY *certKey = X509_get0_pubkey(cert.get());
    if (!certKey)
        return Error::make(ErrorKind::CertificateInvalid, QStringLiteral("the certificate has no readable public key"));

    auto open = openToken(*this, *m_module, ref, true, &pin);
    if (!open)
        return open.error();
    Session &s = *open->session;

    // 1. Which key pair does the certificate belong to? (logged in: the
    //    private key itself, compared by its public half)
    auto privs = findByClass(s, CKO_PRIVATE_KEY);
    if (!privs)
        return privs.error();
    QByteArray id;
    bool found = false;
    for (CK_OBJECT_HANDLE h : privs.value()) {
        auto kid = s.attribute(h, CKA_ID);
        if (!kid)
            return kid.error();
        auto candidates = pairCandidates(s, h, kid.value());
        if (!candidates)
            return candidates.error();
        if (pairHasKey(candidates.value(), certKey)) {
            id = kid.value();
            found = true;
            break;
        }
    }
    if (!found)
        return Error::make(ErrorKind::CertificateKeyMismatch, QStringLiteral("the certificate's public key matches no key pair on the token"));
    // An empty CKA_ID would match every certificate without one (CA certificates too).
    if (id.isEmpty())
        return Error::make(ErrorKind::EmptyKeyId, QStringLiteral("the matching private key has an empty CKA_ID"));

    // 2. The certificates that are there now for that key pair: under its
    //    CKA_ID, end-entity, with the same public key. Another key pair's
    //    certificate sharing the CKA_ID (a vendor's signing and encryption
    //    pair) and CA certificates are never touched.
    auto existing = findByClass(s, CKO_CERTIFICATE, &id);
    if (!existing)
        return existing.error();
    std::vector<CK_OBJECT_HANDLE> old;
    CK_OBJECT_HANDLE alreadyThere = CK_INVALID_HANDLE;
    for (CK_OBJECT_HANDLE h : existing.value()) {
        auto value = s.attribute(h, CKA_VALUE);
        if (!value)
            return value.error();
        if (value.value() == der) {
            if (alreadyThere == CK_INVALID_HANDLE)
                alreadyThere = h;
            else
                old.push_back(h);  // an identical second copy
            continue;
        }
        ossl::X509Ptr other = ossl::certificateFromDerOrPem(value.value());
        if (!other) {
            qCInfo(lcP11) << "keeping an unreadable certificate object under the same CKA_ID";
            continue;
        }
        if (X509_check_ca(other.get()) != 0) {
            qCInfo(lcP11) << "keeping a CA certificate under the same CKA_ID";
            continue;
        }
        const EVP_PKEY *otherKey = X509_get0_pubkey(other.get());
        if (!otherKey || EVP_PKEY_eq(otherKey, certKey) != 1) {
            qCInfo(lcP11) << "keeping the certificate of another key pair under the same CKA_ID";
            continue;
        }
        old.push_back(h);
    }
    if (cancelled && cancelled())
        return Error::make(ErrorKind::Cancelled);

    CertificateInfo result = parsed.value();
    result.id = id;
    result.hasPrivateKey = true;
    result.label = label.isEmpty() ? (parsed->commonName.isEmpty() ? QStringLiteral("certificate") : parsed->commonName) : label;

    // 3. Create the new object (unless an earlier, interrupted run already did) and read it back.
    CK_OBJECT_HANDLE created = alreadyThere;
    if (created == CK_INVALID_HANDLE) {
        CK_OBJECT_CLASS cls = CKO_CERTIFICATE;
        CK_CERTIFICATE_TYPE ctype = CKC_X_509;
        QByteArray labelBytes = result.label.toUtf8();
        QByteArray subject = nameDer(X509_get_subject_name(cert.get()));
        QByteArray issuer = nameDer(X509_get_issuer_name(cert.get()));
        QByteArray serial = serialDer(cert.get());
        QByteArray idCopy = id;
        QByteArray value = der;
        std::vector<CK_ATTRIBUTE> t{
            attr(CKA_CLASS, cls), attr(CKA_CERTIFICATE_TYPE, ctype), attr(CKA_TOKEN, kTrue), attr(CKA_PRIVATE, kFalse),
            attr(CKA_LABEL, labelBytes), attr(CKA_ID, idCopy), attr(CKA_SUBJECT, subject), attr(CKA_ISSUER, issuer),
            attr(CKA_SERIAL_NUMBER, serial), attr(CKA_VALUE, value),
        };
        if (Status st = CA_P11(*m_module, C_CreateObject, s.handle(), t.data(), CK_ULONG(t.size()), &created); !st)
            return st.error();
        auto back = s.attribute(created, CKA_VALUE);
        if (!back)
            return back.error();  // the new object may exist; the old ones are untouched
        if (back.value() != der) {
            qCWarning(lcP11) << "the certificate read back differs from the one written; removing the new object";
            destroyCertificateObject(s, created);
            return Error::make(ErrorKind::VerifyFailed, QStringLiteral("certificate read-back mismatch"));
        }
        qCInfo(lcP11).noquote() << "certificate written for CKA_ID" << QString::fromLatin1(id.toHex()) << "serial" << parsed->serialHex;
    } else {
        qCInfo(lcP11) << "the certificate is already on the token; only older ones are removed";
    }

    // 4. Only now remove the older certificates of that key.
    for (CK_OBJECT_HANDLE h : old) {
        if (h == created)
            continue;
        if (Status st = destroyCertificateObject(s, h); !st)
            return st.error();  // new and (some) old present: still usable, and a retry finishes the job
    }
    return result;
}

} // namespace ca::p11
