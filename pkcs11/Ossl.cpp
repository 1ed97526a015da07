#include "pkcs11/Ossl.h"

#include <openssl/err.h>
#include <openssl/pem.h>

#include <QStringList>

namespace ca::p11::ossl {

QString lastError()
{
    QStringList parts;
    unsigned long e;
    while ((e = ERR_get_error()) != 0) {
        char buf[256];
        ERR_error_string_n(e, buf, sizeof buf);
        parts.append(QString::fromLatin1(buf));
    }
    return parts.join(QStringLiteral("; "));
}

X509Ptr certificateFromDerOrPem(const QByteArray &bytes)
{
    const auto *p = reinterpret_cast<const unsigned char *>(bytes.constData());
    X509Ptr cert(d2i_X509(nullptr, &p, bytes.size()));
    if (cert && p == reinterpret_cast<const unsigned char *>(bytes.constData()) + bytes.size())
        return cert;
    cert.reset();
    ERR_clear_error();
    BioPtr bio(BIO_new_mem_buf(bytes.constData(), int(bytes.size())));
    cert.reset(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr));
    ERR_clear_error();
    return cert;
}

QByteArray toDer(const X509 *cert)
{
    unsigned char *buf = nullptr;
    const int len = i2d_X509(cert, &buf);
    if (len <= 0)
        return {};
    QByteArray out(reinterpret_cast<const char *>(buf), len);
    OPENSSL_free(buf);
    return out;
}

QByteArray toDer(const X509_REQ *req)
{
    unsigned char *buf = nullptr;
    const int len = i2d_X509_REQ(req, &buf);
    if (len <= 0)
        return {};
    QByteArray out(reinterpret_cast<const char *>(buf), len);
    OPENSSL_free(buf);
    return out;
}

QByteArray toPem(const X509_REQ *req)
{
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!PEM_write_bio_X509_REQ(bio.get(), req))
        return {};
    char *data = nullptr;
    const long len = BIO_get_mem_data(bio.get(), &data);
    return QByteArray(data, int(len));
}

QByteArray publicKeyDer(const EVP_PKEY *key)
{
    unsigned char *buf = nullptr;
    const int len = i2d_PUBKEY(key, &buf);
    if (len <= 0)
        return {};
    QByteArray out(reinterpret_cast<const char *>(buf), len);
    OPENSSL_free(buf);
    return out;
}

QString nameToText(const X509_NAME *name)
{
    BioPtr bio(BIO_new(BIO_s_mem()));
    X509_NAME_print_ex(bio.get(), name, 0, XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB);
    char *data = nullptr;
    const long len = BIO_get_mem_data(bio.get(), &data);
    return QString::fromUtf8(data, int(len));
}

QStringList nameEntries(const X509_NAME *name, int nid)
{
    QStringList out;
    int idx = -1;
    while ((idx = X509_NAME_get_index_by_NID(name, nid, idx)) >= 0) {
        const X509_NAME_ENTRY *e = X509_NAME_get_entry(name, idx);
        unsigned char *utf8 = nullptr;
        const int len = ASN1_STRING_to_UTF8(&utf8, X509_NAME_ENTRY_get_data(e));
        if (len >= 0) {
            out.append(QString::fromUtf8(reinterpret_cast<const char *>(utf8), len));
            OPENSSL_free(utf8);
        }
    }
    return out;
}

} // namespace ca::p11::ossl
