#pragma once

#include "pkcs11/Result.h"
#include "pkcs11/TokenTypes.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

#include <functional>

typedef struct evp_pkey_st EVP_PKEY;

namespace ca::p11 {

// Builds a PKCS#10 request around a public key whose private half lives on a
// token. The to-be-signed part (i2d_re_X509_REQ_tbs) is handed to a signer:
//  - RSA: the signer gets the TBS bytes and returns the PKCS#1 v1.5
//    signature (C_Sign with CKM_SHA256_RSA_PKCS);
//  - EC: the signer gets the SHA-256 digest of the TBS and returns r||s
//    (C_Sign with raw CKM_ECDSA), which is turned into a DER ECDSA-Sig-Value.
// The request is verified with X509_REQ_verify before it is returned.
class CsrBuilder
{
public:
    using Signer = std::function<Result<QByteArray>(const QByteArray &input)>;

    // "/CN=张三/O=某某有限公司" -> {("CN","张三"), ("O","某某有限公司")}; "\/" is a literal slash.
    static Result<QList<QPair<QString, QString>>> parseSubject(const QString &subject);

    // Returns the DER request.
    static Result<QByteArray> build(EVP_PKEY *publicKey, const CsrRequest &request, const Signer &signer);

    static QByteArray derToPem(const QByteArray &der);
};

} // namespace ca::p11
