#include "TlsSetup.h"

#include <QDir>
#include <QFile>

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>

namespace ca::sandbox {

namespace {

struct Free {
    void operator()(EVP_PKEY *p) const { EVP_PKEY_free(p); }
    void operator()(X509 *p) const { X509_free(p); }
    void operator()(BIO *p) const { BIO_free(p); }
    void operator()(X509_EXTENSION *p) const { X509_EXTENSION_free(p); }
};
using KeyPtr = std::unique_ptr<EVP_PKEY, Free>;
using CertPtr = std::unique_ptr<X509, Free>;
using BioPtr = std::unique_ptr<BIO, Free>;

KeyPtr newKey()
{
    return KeyPtr(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
}

bool addExt(X509 *cert, X509 *issuer, int nid, const char *value)
{
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
    std::unique_ptr<X509_EXTENSION, Free> ext(X509V3_EXT_nconf_nid(nullptr, &ctx, nid, value));
    return ext && X509_add_ext(cert, ext.get(), -1) == 1;
}

CertPtr makeCert(EVP_PKEY *key, const char *cn, X509 *issuer, EVP_PKEY *issuerKey, long days, bool isCa)
{
    CertPtr cert(X509_new());
    if (!cert)
        return {};
    X509_set_version(cert.get(), X509_VERSION_3);
    unsigned char serial[16];
    RAND_bytes(serial, sizeof serial);
    serial[0] &= 0x7f;
    BIGNUM *bn = BN_bin2bn(serial, sizeof serial, nullptr);
    BN_to_ASN1_INTEGER(bn, X509_get_serialNumber(cert.get()));
    BN_free(bn);
    X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600);
    X509_gmtime_adj(X509_getm_notAfter(cert.get()), days * 24L * 3600L);
    X509_set_pubkey(cert.get(), key);
    X509_NAME *name = X509_get_subject_name(cert.get());
    X509_NAME_add_entry_by_txt(name, "C", MBSTRING_ASC, reinterpret_cast<const unsigned char *>("CN"), -1, -1, 0);
    X509_NAME_add_entry_by_txt(name, "O", MBSTRING_ASC, reinterpret_cast<const unsigned char *>("ca-sandbox"), -1, -1, 0);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char *>(cn), -1, -1, 0);
    X509 *iss = issuer ? issuer : cert.get();
    X509_set_issuer_name(cert.get(), X509_get_subject_name(iss));
    bool ok = true;
    if (isCa) {
        ok = ok && addExt(cert.get(), iss, NID_basic_constraints, "critical,CA:TRUE");
        ok = ok && addExt(cert.get(), iss, NID_key_usage, "critical,keyCertSign,cRLSign,digitalSignature");
        ok = ok && addExt(cert.get(), iss, NID_subject_key_identifier, "hash");
    } else {
        ok = ok && addExt(cert.get(), iss, NID_basic_constraints, "critical,CA:FALSE");
        ok = ok && addExt(cert.get(), iss, NID_key_usage, "critical,digitalSignature,keyEncipherment");
        ok = ok && addExt(cert.get(), iss, NID_ext_key_usage, "serverAuth");
        ok = ok && addExt(cert.get(), iss, NID_subject_alt_name, "DNS:localhost,IP:127.0.0.1,IP:::1");
        ok = ok && addExt(cert.get(), iss, NID_subject_key_identifier, "hash");
        ok = ok && addExt(cert.get(), iss, NID_authority_key_identifier, "keyid:always");
    }
    if (!ok || X509_sign(cert.get(), issuerKey ? issuerKey : key, EVP_sha256()) <= 0)
        return {};
    return cert;
}

bool writePem(const QString &path, const std::function<int(BIO *)> &write, bool secret)
{
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio || write(bio.get()) != 1)
        return false;
    char *data = nullptr;
    const long len = BIO_get_mem_data(bio.get(), &data);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    if (secret)
        f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return f.write(data, len) == len;
}

KeyPtr readKey(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QByteArray pem = f.readAll();
    BioPtr bio(BIO_new_mem_buf(pem.constData(), int(pem.size())));
    return KeyPtr(PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr));
}

CertPtr readCert(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QByteArray pem = f.readAll();
    BioPtr bio(BIO_new_mem_buf(pem.constData(), int(pem.size())));
    return CertPtr(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr));
}

} // namespace

QString TlsSetup::caCertPath(const QString &dataDir) { return QDir(dataDir).filePath(QStringLiteral("ca.pem")); }
QString TlsSetup::caKeyPath(const QString &dataDir) { return QDir(dataDir).filePath(QStringLiteral("ca.key")); }
QString TlsSetup::serverCertPath(const QString &dataDir) { return QDir(dataDir).filePath(QStringLiteral("server.pem")); }
QString TlsSetup::serverKeyPath(const QString &dataDir) { return QDir(dataDir).filePath(QStringLiteral("server.key")); }

bool TlsSetup::ensure(const QString &dataDir, QString *error)
{
    auto fail = [error](const QString &m) {
        if (error)
            *error = m;
        return false;
    };
    QDir().mkpath(dataDir);
    if (!QFile::exists(caCertPath(dataDir)) || !QFile::exists(caKeyPath(dataDir))) {
        KeyPtr key = newKey();
        if (!key)
            return fail(QStringLiteral("cannot create the CA key"));
        CertPtr cert = makeCert(key.get(), "ca-sandbox Test CA", nullptr, nullptr, 3650, true);
        if (!cert)
            return fail(QStringLiteral("cannot create the CA certificate"));
        if (!writePem(caKeyPath(dataDir), [&](BIO *b) { return PEM_write_bio_PrivateKey(b, key.get(), nullptr, nullptr, 0, nullptr, nullptr); }, true)
            || !writePem(caCertPath(dataDir), [&](BIO *b) { return PEM_write_bio_X509(b, cert.get()); }, false))
            return fail(QStringLiteral("cannot write the CA files in %1").arg(dataDir));
        QFile::remove(serverCertPath(dataDir)); // reissue under the new CA
    }
    if (!QFile::exists(serverCertPath(dataDir)) || !QFile::exists(serverKeyPath(dataDir))) {
        KeyPtr caKey = readKey(caKeyPath(dataDir));
        CertPtr caCert = readCert(caCertPath(dataDir));
        if (!caKey || !caCert)
            return fail(QStringLiteral("cannot read the CA files in %1").arg(dataDir));
        KeyPtr key = newKey();
        CertPtr cert = key ? makeCert(key.get(), "localhost", caCert.get(), caKey.get(), 825, false) : CertPtr();
        if (!cert)
            return fail(QStringLiteral("cannot create the server certificate"));
        if (!writePem(serverKeyPath(dataDir), [&](BIO *b) { return PEM_write_bio_PrivateKey(b, key.get(), nullptr, nullptr, 0, nullptr, nullptr); }, true)
            || !writePem(serverCertPath(dataDir), [&](BIO *b) { return PEM_write_bio_X509(b, cert.get()); }, false))
            return fail(QStringLiteral("cannot write the server certificate in %1").arg(dataDir));
    }
    return true;
}

} // namespace ca::sandbox
