#pragma once

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <QByteArray>
#include <QString>

#include <memory>

// Owning pointers for the OpenSSL objects caclient-pkcs11 uses, and a few
// conversions. Internal to the library.
namespace ca::p11::ossl {

template <auto Fn>
struct Deleter
{
    template <typename T>
    void operator()(T *p) const { Fn(p); }
};

using X509Ptr = std::unique_ptr<X509, Deleter<X509_free>>;
using X509ReqPtr = std::unique_ptr<X509_REQ, Deleter<X509_REQ_free>>;
using X509NamePtr = std::unique_ptr<X509_NAME, Deleter<X509_NAME_free>>;
using PkeyPtr = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY_free>>;
using PkeyCtxPtr = std::unique_ptr<EVP_PKEY_CTX, Deleter<EVP_PKEY_CTX_free>>;
using BioPtr = std::unique_ptr<BIO, Deleter<BIO_free_all>>;
using BnPtr = std::unique_ptr<BIGNUM, Deleter<BN_free>>;
using ParamBldPtr = std::unique_ptr<OSSL_PARAM_BLD, Deleter<OSSL_PARAM_BLD_free>>;
using ParamPtr = std::unique_ptr<OSSL_PARAM, Deleter<OSSL_PARAM_free>>;
using EcdsaSigPtr = std::unique_ptr<ECDSA_SIG, Deleter<ECDSA_SIG_free>>;
using Asn1ObjectPtr = std::unique_ptr<ASN1_OBJECT, Deleter<ASN1_OBJECT_free>>;
using Asn1OctetPtr = std::unique_ptr<ASN1_OCTET_STRING, Deleter<ASN1_OCTET_STRING_free>>;
using BitStringPtr = std::unique_ptr<ASN1_BIT_STRING, Deleter<ASN1_BIT_STRING_free>>;
using AlgorPtr = std::unique_ptr<X509_ALGOR, Deleter<X509_ALGOR_free>>;
using ExtensionPtr = std::unique_ptr<X509_EXTENSION, Deleter<X509_EXTENSION_free>>;

// The queued OpenSSL errors as one line (and the queue cleared).
QString lastError();

// DER <-> objects
X509Ptr certificateFromDerOrPem(const QByteArray &bytes);
QByteArray toDer(const X509 *cert);
QByteArray toDer(const X509_REQ *req);
QByteArray toPem(const X509_REQ *req);
QByteArray publicKeyDer(const EVP_PKEY *key);  // SubjectPublicKeyInfo

// RFC 2253 text with UTF-8 kept as it is (no \\UXXXX escapes).
QString nameToText(const X509_NAME *name);
// All values of one field (by NID) as UTF-8.
QStringList nameEntries(const X509_NAME *name, int nid);

} // namespace ca::p11::ossl
