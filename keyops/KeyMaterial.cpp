#include "keyops/KeyMaterial.h"

#include "pkcs11/Ossl.h"

#include <openssl/pem.h>

namespace ca::keyops {

namespace {

p11::ossl::X509ReqPtr requestFrom(const QByteArray &bytes)
{
    if (bytes.contains("-----BEGIN")) {
        p11::ossl::BioPtr bio(BIO_new_mem_buf(bytes.constData(), int(bytes.size())));
        return p11::ossl::X509ReqPtr(bio ? PEM_read_bio_X509_REQ(bio.get(), nullptr, nullptr, nullptr) : nullptr);
    }
    const unsigned char *p = reinterpret_cast<const unsigned char *>(bytes.constData());
    return p11::ossl::X509ReqPtr(d2i_X509_REQ(nullptr, &p, long(bytes.size())));
}

} // namespace

QByteArray KeyMaterial::certificatePublicKey(const QByteArray &certificate)
{
    p11::ossl::X509Ptr cert = p11::ossl::certificateFromDerOrPem(certificate);
    if (!cert)
        return {};
    const EVP_PKEY *key = X509_get0_pubkey(cert.get());
    return key ? p11::ossl::publicKeyDer(key) : QByteArray();
}

QByteArray KeyMaterial::requestPublicKey(const QByteArray &request)
{
    p11::ossl::X509ReqPtr req = requestFrom(request);
    if (!req)
        return {};
    const EVP_PKEY *key = X509_REQ_get0_pubkey(req.get());
    return key ? p11::ossl::publicKeyDer(key) : QByteArray();
}

QString KeyMaterial::requestSubject(const QByteArray &request)
{
    p11::ossl::X509ReqPtr req = requestFrom(request);
    return req ? p11::ossl::nameToText(X509_REQ_get_subject_name(req.get())) : QString();
}

QList<QPair<QString, QString>> KeyMaterial::subjectFields(const QByteArray &certificate)
{
    QList<QPair<QString, QString>> fields;
    p11::ossl::X509Ptr cert = p11::ossl::certificateFromDerOrPem(certificate);
    if (!cert)
        return fields;
    const X509_NAME *name = X509_get_subject_name(cert.get());
    for (int i = 0; i < X509_NAME_entry_count(name); ++i) {
        const X509_NAME_ENTRY *e = X509_NAME_get_entry(name, i);
        char oid[128] = {};
        OBJ_obj2txt(oid, sizeof oid, X509_NAME_ENTRY_get_object(e), 0);  // short name when OpenSSL knows one
        unsigned char *utf8 = nullptr;
        const int len = ASN1_STRING_to_UTF8(&utf8, X509_NAME_ENTRY_get_data(e));
        if (len < 0)
            continue;
        fields.append({QString::fromLatin1(oid), QString::fromUtf8(reinterpret_cast<const char *>(utf8), len)});
        OPENSSL_free(utf8);
    }
    return fields;
}

QByteArray KeyMaterial::firstCertificateDer(const QByteArray &pem)
{
    if (!pem.contains("-----BEGIN CERTIFICATE-----"))
        return {};
    p11::ossl::X509Ptr cert = p11::ossl::certificateFromDerOrPem(pem);
    return cert ? p11::ossl::toDer(cert.get()) : QByteArray();
}

} // namespace ca::keyops
