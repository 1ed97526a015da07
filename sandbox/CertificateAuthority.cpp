#include "sandbox/CertificateAuthority.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>

#include <openssl/asn1.h>
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509_vfy.h>
#include <openssl/x509v3.h>

#include <ctime>
#include <vector>

namespace ca::sandbox {

namespace {

struct BioFree { void operator()(BIO *p) const { BIO_free_all(p); } };
struct X509Free { void operator()(X509 *p) const { X509_free(p); } };
struct ReqFree { void operator()(X509_REQ *p) const { X509_REQ_free(p); } };
struct PkeyFree { void operator()(EVP_PKEY *p) const { EVP_PKEY_free(p); } };
struct StoreFree { void operator()(X509_STORE *p) const { X509_STORE_free(p); } };
struct StoreCtxFree { void operator()(X509_STORE_CTX *p) const { X509_STORE_CTX_free(p); } };
struct StackFree { void operator()(STACK_OF(X509) *p) const { sk_X509_pop_free(p, X509_free); } };
struct BnFree { void operator()(BIGNUM *p) const { BN_free(p); } };
struct ExtFree { void operator()(X509_EXTENSION *p) const { X509_EXTENSION_free(p); } };

using BioPtr = std::unique_ptr<BIO, BioFree>;
using X509Ptr = std::unique_ptr<X509, X509Free>;
using ReqPtr = std::unique_ptr<X509_REQ, ReqFree>;
using PkeyPtr = std::unique_ptr<EVP_PKEY, PkeyFree>;
using StorePtr = std::unique_ptr<X509_STORE, StoreFree>;
using StoreCtxPtr = std::unique_ptr<X509_STORE_CTX, StoreCtxFree>;
using StackPtr = std::unique_ptr<STACK_OF(X509), StackFree>;
using BnPtr = std::unique_ptr<BIGNUM, BnFree>;
using ExtPtr = std::unique_ptr<X509_EXTENSION, ExtFree>;

// Never prompt on a terminal for a key passphrase.
int noPassword(char *, int, int, void *) { return 0; }

BioPtr memBio(const QByteArray &data)
{
    return BioPtr(BIO_new_mem_buf(data.constData(), int(data.size())));
}

QByteArray bioText(BIO *bio)
{
    char *ptr = nullptr;
    const long len = BIO_get_mem_data(bio, &ptr);
    return QByteArray(ptr, int(len));
}

QByteArray certToPem(X509 *cert)
{
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio || PEM_write_bio_X509(bio.get(), cert) != 1)
        return {};
    return bioText(bio.get());
}

QDateTime fromAsn1Time(const ASN1_TIME *t)
{
    struct tm tm {};
    if (!t || ASN1_TIME_to_tm(t, &tm) != 1)
        return {};
    return QDateTime(QDate(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday),
                     QTime(tm.tm_hour, tm.tm_min, tm.tm_sec), Qt::UTC);
}

QString entryText(X509_NAME_ENTRY *entry)
{
    unsigned char *utf8 = nullptr;
    const int len = ASN1_STRING_to_UTF8(&utf8, X509_NAME_ENTRY_get_data(entry));
    if (len < 0)
        return {};
    const QString s = QString::fromUtf8(reinterpret_cast<const char *>(utf8), len);
    OPENSSL_free(utf8);
    return s;
}

QString nameField(const X509_NAME *name, int nid)
{
    const int idx = X509_NAME_get_index_by_NID(name, nid, -1);
    if (idx < 0)
        return {};
    return entryText(X509_NAME_get_entry(name, idx));
}

QString nameOneLine(const X509_NAME *name)
{
    BioPtr bio(BIO_new(BIO_s_mem()));
    // RFC 2253 order, but keep UTF-8 (no \XX escapes for Chinese characters).
    X509_NAME_print_ex(bio.get(), name, 0, (XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB));
    return QString::fromUtf8(bioText(bio.get()));
}

// A unified social credit code anywhere in a subject field (O, OU, CN,
// serialNumber, organizationIdentifier...), e.g. "91370100MA3C5XXXXX" or
// "NTRCN-91370100MA3C5XXXXX".
QString findUscc(const X509_NAME *name)
{
    static const QRegularExpression re(
        QStringLiteral("(?<![0-9A-Z])([0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10})(?![0-9A-Z])"));
    for (int i = 0; i < X509_NAME_entry_count(name); ++i) {
        const QString text = entryText(X509_NAME_get_entry(name, i)).toUpper();
        const auto m = re.match(text);
        if (m.hasMatch())
            return m.captured(1);
    }
    return {};
}

QByteArray publicKeyDer(EVP_PKEY *key)
{
    if (!key)
        return {};
    unsigned char *der = nullptr;
    const int len = i2d_PUBKEY(key, &der);
    if (len <= 0)
        return {};
    QByteArray out(reinterpret_cast<const char *>(der), len);
    OPENSSL_free(der);
    return out;
}

QString keyTypeOf(EVP_PKEY *key)
{
    switch (EVP_PKEY_get_base_id(key)) {
    case EVP_PKEY_RSA:
    case EVP_PKEY_RSA_PSS:
        return QStringLiteral("rsa");
    case EVP_PKEY_EC:
        return QStringLiteral("ec");
    default:
        return QStringLiteral("other");
    }
}

QString serialHex(const ASN1_INTEGER *serial)
{
    BnPtr bn(ASN1_INTEGER_to_BN(serial, nullptr));
    if (!bn)
        return {};
    char *hex = BN_bn2hex(bn.get());
    const QString s = QString::fromLatin1(hex);
    OPENSSL_free(hex);
    return s;
}

CertificateInfo infoOf(X509 *cert)
{
    CertificateInfo info;
    const X509_NAME *subject = X509_get_subject_name(cert);
    info.subject = nameOneLine(subject);
    info.organization = nameField(subject, NID_organizationName);
    info.commonName = nameField(subject, NID_commonName);
    info.uscc = findUscc(subject);
    info.serial = serialHex(X509_get0_serialNumber(cert));
    info.notBefore = fromAsn1Time(X509_get0_notBefore(cert));
    info.notAfter = fromAsn1Time(X509_get0_notAfter(cert));
    EVP_PKEY *key = X509_get0_pubkey(cert);
    info.publicKeyDer = publicKeyDer(key);
    info.keyType = key ? keyTypeOf(key) : QStringLiteral("other");
    info.pem = certToPem(cert);
    return info;
}

std::vector<X509Ptr> readCertificates(const QByteArray &pem)
{
    std::vector<X509Ptr> certs;
    BioPtr bio = memBio(pem);
    while (true) {
        X509 *c = PEM_read_bio_X509(bio.get(), nullptr, noPassword, nullptr);
        if (!c)
            break;
        certs.emplace_back(c);
    }
    ERR_clear_error(); // the loop always ends with a "no start line" error
    return certs;
}

bool addExtension(X509 *cert, X509V3_CTX *ctx, int nid, const char *value)
{
    ExtPtr ext(X509V3_EXT_nconf_nid(nullptr, ctx, nid, value));
    return ext && X509_add_ext(cert, ext.get(), -1) == 1;
}

const EVP_MD *digestFor(EVP_PKEY *signingKey)
{
    const int id = EVP_PKEY_get_base_id(signingKey);
    if (id == EVP_PKEY_ED25519 || id == EVP_PKEY_ED448)
        return nullptr; // pure signature schemes take no digest
    return EVP_sha256();
}

} // namespace

struct CertificateAuthority::Private {
    X509Ptr caCert;
    PkeyPtr caKey;
    std::vector<X509Ptr> trusted; // DIR/trusted/*.pem
};

CertificateAuthority::CertificateAuthority() : d(std::make_unique<Private>()) {}
CertificateAuthority::~CertificateAuthority() = default;

bool CertificateAuthority::load(const QString &dataDir, QString *errorText)
{
    const QDir dir(dataDir);
    return loadFiles(dir.filePath(QStringLiteral("ca.pem")), dir.filePath(QStringLiteral("ca.key")),
                     dir.filePath(QStringLiteral("trusted")), errorText);
}

bool CertificateAuthority::loadFiles(const QString &certPath, const QString &keyPath,
                                     const QString &trustedDir, QString *errorText)
{
    auto fail = [errorText](const QString &text) {
        if (errorText)
            *errorText = text;
        return false;
    };
    QFile certFile(certPath);
    if (!certFile.open(QIODevice::ReadOnly))
        return fail(QStringLiteral("cannot read CA certificate %1: %2").arg(certPath, certFile.errorString()));
    auto certs = readCertificates(certFile.readAll());
    if (certs.empty())
        return fail(QStringLiteral("no PEM certificate in %1").arg(certPath));

    QFile keyFile(keyPath);
    if (!keyFile.open(QIODevice::ReadOnly))
        return fail(QStringLiteral("cannot read CA key %1: %2").arg(keyPath, keyFile.errorString()));
    const QByteArray keyPem = keyFile.readAll();
    BioPtr keyBio = memBio(keyPem);
    PkeyPtr key(PEM_read_bio_PrivateKey(keyBio.get(), nullptr, noPassword, nullptr));
    if (!key) {
        ERR_clear_error();
        return fail(QStringLiteral("no unencrypted PEM private key in %1").arg(keyPath));
    }
    if (X509_check_private_key(certs.front().get(), key.get()) != 1) {
        ERR_clear_error();
        return fail(QStringLiteral("CA key %1 does not match certificate %2").arg(keyPath, certPath));
    }

    d->caCert = std::move(certs.front());
    d->caKey = std::move(key);
    d->trusted.clear();
    const QDir tdir(trustedDir);
    if (tdir.exists()) {
        const QStringList files = tdir.entryList({QStringLiteral("*.pem"), QStringLiteral("*.crt")},
                                                 QDir::Files, QDir::Name);
        for (const QString &name : files) {
            QFile f(tdir.filePath(name));
            if (!f.open(QIODevice::ReadOnly))
                continue;
            for (auto &c : readCertificates(f.readAll()))
                d->trusted.push_back(std::move(c));
        }
    }
    return true;
}

bool CertificateAuthority::isLoaded() const
{
    return d->caCert && d->caKey;
}

QByteArray CertificateAuthority::caCertificatePem() const
{
    return d->caCert ? certToPem(d->caCert.get()) : QByteArray();
}

CertificateInfo CertificateAuthority::inspectCsr(const QByteArray &csrPem, Error *error) const
{
    *error = Error::None;
    BioPtr bio = memBio(csrPem);
    ReqPtr req(PEM_read_bio_X509_REQ(bio.get(), nullptr, noPassword, nullptr));
    if (!req) {
        ERR_clear_error();
        *error = Error::BadCsr;
        return {};
    }
    EVP_PKEY *key = X509_REQ_get0_pubkey(req.get());
    if (!key) {
        ERR_clear_error();
        *error = Error::BadCsr;
        return {};
    }
    if (X509_REQ_verify(req.get(), key) != 1) {
        ERR_clear_error();
        *error = Error::BadSignature;
        return {};
    }
    CertificateInfo info;
    const X509_NAME *subject = X509_REQ_get_subject_name(req.get());
    info.subject = nameOneLine(subject);
    info.organization = nameField(subject, NID_organizationName);
    info.commonName = nameField(subject, NID_commonName);
    info.uscc = findUscc(subject);
    info.publicKeyDer = publicKeyDer(key);
    info.keyType = keyTypeOf(key);
    if (X509_NAME_entry_count(subject) == 0)
        *error = Error::BadSubject;
    return info;
}

IssuedCertificate CertificateAuthority::issueTampered(const QByteArray &csrPem, const Tamper &tamper, int validityDays, Error *error) const
{
    return issueWith(csrPem, QByteArray(), validityDays, error, &tamper);
}

IssuedCertificate CertificateAuthority::issue(const QByteArray &csrPem, const QByteArray &requiredPublicKeyFromCertPem,
                                              int validityDays, Error *error) const
{
    return issueWith(csrPem, requiredPublicKeyFromCertPem, validityDays, error, nullptr);
}

IssuedCertificate CertificateAuthority::issueWith(const QByteArray &csrPem, const QByteArray &requiredPublicKeyFromCertPem,
                                                  int validityDays, Error *error, const Tamper *tamper) const
{
    if (!isLoaded()) {
        *error = Error::NotLoaded;
        return {};
    }
    const CertificateInfo csrInfo = inspectCsr(csrPem, error);
    if (*error != Error::None)
        return {};
    if (!requiredPublicKeyFromCertPem.isEmpty()) {
        bool ok = false;
        const CertificateInfo onRecord = inspectCertificate(requiredPublicKeyFromCertPem, &ok);
        if (!ok || onRecord.publicKeyDer != csrInfo.publicKeyDer) {
            *error = Error::KeyMismatch;
            return {};
        }
    }

    BioPtr bio = memBio(csrPem);
    ReqPtr req(PEM_read_bio_X509_REQ(bio.get(), nullptr, noPassword, nullptr));
    EVP_PKEY *subjectKey = req ? X509_REQ_get0_pubkey(req.get()) : nullptr;
    X509Ptr cert(X509_new());
    BnPtr serial(BN_new());
    *error = Error::Internal;
    if (!req || !subjectKey || !cert || !serial)
        return {};
    PkeyPtr otherKey;
    if (tamper && tamper->otherKey) {
        otherKey.reset(EVP_EC_gen("P-256"));
        if (!otherKey)
            return {};
        subjectKey = otherKey.get();
    }
    const X509_NAME *subject = X509_REQ_get_subject_name(req.get());
    std::unique_ptr<X509_NAME, decltype(&X509_NAME_free)> tamperedName(nullptr, X509_NAME_free);
    if (tamper && !tamper->organization.isEmpty()) {
        const QByteArray org = tamper->organization.toUtf8();
        tamperedName.reset(X509_NAME_new());
        if (!tamperedName)
            return {};
        for (int i = 0; i < X509_NAME_entry_count(subject); ++i) {
            const X509_NAME_ENTRY *e = X509_NAME_get_entry(subject, i);
            ASN1_OBJECT *obj = X509_NAME_ENTRY_get_object(e);
            const int nid = OBJ_obj2nid(obj);
            const bool replace = nid == NID_organizationName || nid == NID_organizationalUnitName || nid == NID_serialNumber;
            const ASN1_STRING *value = X509_NAME_ENTRY_get_data(e);
            const bool added = replace
                ? X509_NAME_add_entry_by_OBJ(tamperedName.get(), obj, MBSTRING_UTF8, reinterpret_cast<const unsigned char *>(org.constData()),
                                             int(org.size()), -1, 0)
                : X509_NAME_add_entry_by_OBJ(tamperedName.get(), obj, ASN1_STRING_type(value), ASN1_STRING_get0_data(value),
                                             ASN1_STRING_length(value), -1, 0);
            if (!added)
                return {};
        }
        subject = tamperedName.get();
    }
    // 127 random bits, positive, never zero-length.
    if (BN_rand(serial.get(), 127, BN_RAND_TOP_ONE, BN_RAND_BOTTOM_ANY) != 1)
        return {};
    if (X509_set_version(cert.get(), X509_VERSION_3) != 1
        || !BN_to_ASN1_INTEGER(serial.get(), X509_get_serialNumber(cert.get()))
        || X509_set_subject_name(cert.get(), subject) != 1
        || X509_set_issuer_name(cert.get(), X509_get_subject_name(d->caCert.get())) != 1
        || X509_set_pubkey(cert.get(), subjectKey) != 1
        || !X509_gmtime_adj(X509_getm_notBefore(cert.get()), -300)
        || !X509_time_adj_ex(X509_getm_notAfter(cert.get()), validityDays, 0, nullptr))
        return {};
    // Never outlive the issuing CA.
    if (ASN1_TIME_compare(X509_get0_notAfter(cert.get()), X509_get0_notAfter(d->caCert.get())) > 0) {
        if (X509_set1_notAfter(cert.get(), X509_get0_notAfter(d->caCert.get())) != 1)
            return {};
    }

    X509V3_CTX ctx;
    X509V3_set_ctx(&ctx, d->caCert.get(), cert.get(), nullptr, nullptr, 0);
    const char *keyUsage = csrInfo.keyType == QLatin1String("rsa")
        ? "critical,digitalSignature,keyEncipherment"
        : csrInfo.keyType == QLatin1String("ec") ? "critical,digitalSignature,keyAgreement"
                                                 : "critical,digitalSignature";
    if (!addExtension(cert.get(), &ctx, NID_basic_constraints, "critical,CA:FALSE")
        || !addExtension(cert.get(), &ctx, NID_key_usage, keyUsage)
        || !addExtension(cert.get(), &ctx, NID_ext_key_usage, "clientAuth,emailProtection")
        || !addExtension(cert.get(), &ctx, NID_subject_key_identifier, "hash")
        || !addExtension(cert.get(), &ctx, NID_authority_key_identifier, "keyid,issuer")) {
        ERR_clear_error();
        return {};
    }
    if (X509_sign(cert.get(), d->caKey.get(), digestFor(d->caKey.get())) <= 0) {
        ERR_clear_error();
        return {};
    }

    IssuedCertificate out;
    out.info = infoOf(cert.get());
    out.certificatePem = out.info.pem;
    out.chainPem = caCertificatePem();
    *error = out.certificatePem.isEmpty() ? Error::Internal : Error::None;
    return out;
}

CertificateInfo CertificateAuthority::verifyExisting(const QByteArray &pem, Error *error, QString *detail) const
{
    auto certs = readCertificates(pem);
    if (certs.empty()) {
        *error = Error::BadCertificate;
        return {};
    }
    StorePtr store(X509_STORE_new());
    StackPtr untrusted(sk_X509_new_null());
    StoreCtxPtr ctx(X509_STORE_CTX_new());
    if (!store || !untrusted || !ctx) {
        *error = Error::Internal;
        return {};
    }
    if (d->caCert)
        X509_STORE_add_cert(store.get(), d->caCert.get());
    for (const auto &c : d->trusted)
        X509_STORE_add_cert(store.get(), c.get());
    ERR_clear_error(); // duplicates are reported as errors and are harmless
    for (size_t i = 1; i < certs.size(); ++i) {
        X509_up_ref(certs[i].get());
        sk_X509_push(untrusted.get(), certs[i].get());
    }
    X509 *leaf = certs.front().get();
    if (X509_STORE_CTX_init(ctx.get(), store.get(), leaf, untrusted.get()) != 1) {
        *error = Error::Internal;
        return {};
    }
    const int ok = X509_verify_cert(ctx.get());
    if (ok != 1) {
        const int err = X509_STORE_CTX_get_error(ctx.get());
        if (detail)
            *detail = QString::fromLatin1(X509_verify_cert_error_string(err));
        *error = (err == X509_V_ERR_CERT_HAS_EXPIRED || err == X509_V_ERR_CERT_NOT_YET_VALID)
            ? Error::Expired : Error::Untrusted;
        ERR_clear_error();
        return infoOf(leaf);
    }
    *error = Error::None;
    return infoOf(leaf);
}

CertificateInfo CertificateAuthority::inspectCertificate(const QByteArray &pem, bool *ok)
{
    auto certs = readCertificates(pem);
    *ok = !certs.empty();
    return certs.empty() ? CertificateInfo() : infoOf(certs.front().get());
}

QString CertificateAuthority::errorCode(Error error)
{
    switch (error) {
    case Error::None: return QStringLiteral("ok");
    case Error::NotLoaded: return QStringLiteral("ca_unavailable");
    case Error::BadCsr: return QStringLiteral("csr_invalid");
    case Error::BadSignature: return QStringLiteral("csr_signature_invalid");
    case Error::BadSubject: return QStringLiteral("csr_subject_invalid");
    case Error::KeyMismatch: return QStringLiteral("key_mismatch");
    case Error::BadCertificate: return QStringLiteral("certificate_invalid");
    case Error::Untrusted: return QStringLiteral("certificate_untrusted");
    case Error::Expired: return QStringLiteral("certificate_expired");
    case Error::Internal: return QStringLiteral("internal_error");
    }
    return QStringLiteral("internal_error");
}

QString CertificateAuthority::errorMessage(Error error)
{
    switch (error) {
    case Error::None: return {};
    case Error::NotLoaded:
        return tr("The platform's certificate authority is not available. Try again later or call the CA service line.");
    case Error::BadCsr:
        return tr("The certificate request is not a PEM certificate signing request. Generate the request on the USB key again.");
    case Error::BadSignature:
        return tr("The signature of the certificate request does not verify. Generate the request on the USB key again.");
    case Error::BadSubject:
        return tr("The certificate request carries no subject. Generate the request on the USB key again.");
    case Error::KeyMismatch:
        return tr("The certificate request was not made with the key of the certificate on record. Renew with the USB key that holds the current certificate.");
    case Error::BadCertificate:
        return tr("The uploaded file is not a PEM certificate. Read the certificate from the USB key again.");
    case Error::Untrusted:
        return tr("The certificate was not issued by a certificate authority this platform trusts. Register a certificate from a trusted CA or apply for a new one.");
    case Error::Expired:
        return tr("The certificate is expired or not yet valid. Renew it or register a valid certificate.");
    case Error::Internal:
        return tr("The platform could not issue the certificate. Try again later or call the CA service line.");
    }
    return {};
}

} // namespace ca::sandbox
