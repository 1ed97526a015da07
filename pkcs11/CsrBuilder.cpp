#include "pkcs11/CsrBuilder.h"

#include "pkcs11/Log.h"
#include "pkcs11/Ossl.h"
#include "pkcs11/Quirks.h"

#include <openssl/ecdsa.h>
#include <openssl/objects.h>
#include <openssl/pem.h>
#include <openssl/sha.h>

namespace ca::p11 {

namespace {

Error invalid(const QString &detail)
{
    return Error::make(ErrorKind::InvalidInput, detail);
}

// r||s -> DER ECDSA-Sig-Value
QByteArray rawEcdsaToDer(const QByteArray &raw)
{
    const int half = int(raw.size() / 2);
    ossl::EcdsaSigPtr sig(ECDSA_SIG_new());
    BIGNUM *r = BN_bin2bn(reinterpret_cast<const unsigned char *>(raw.constData()), half, nullptr);
    BIGNUM *s = BN_bin2bn(reinterpret_cast<const unsigned char *>(raw.constData()) + half, half, nullptr);
    if (!sig || !r || !s || !ECDSA_SIG_set0(sig.get(), r, s)) {
        BN_free(r);
        BN_free(s);
        return {};
    }
    unsigned char *der = nullptr;
    const int len = i2d_ECDSA_SIG(sig.get(), &der);
    if (len <= 0)
        return {};
    QByteArray out(reinterpret_cast<const char *>(der), len);
    OPENSSL_free(der);
    return out;
}

} // namespace

Result<QList<QPair<QString, QString>>> CsrBuilder::parseSubject(const QString &subject)
{
    QList<QPair<QString, QString>> out;
    const QString s = subject.trimmed();
    if (!s.startsWith(QLatin1Char('/')))
        return invalid(QStringLiteral("a subject must look like /CN=name/O=organisation"));
    QString current;
    QStringList parts;
    for (int i = 1; i < s.size(); ++i) {
        const QChar c = s.at(i);
        if (c == QLatin1Char('\\') && i + 1 < s.size()) {
            current += s.at(++i);
        } else if (c == QLatin1Char('/')) {
            parts.append(current);
            current.clear();
        } else {
            current += c;
        }
    }
    parts.append(current);
    for (const QString &p : parts) {
        if (p.isEmpty())
            continue;
        const int eq = p.indexOf(QLatin1Char('='));
        if (eq <= 0)
            return invalid(QStringLiteral("subject part without '=': %1").arg(p));
        out.append({p.left(eq).trimmed(), p.mid(eq + 1)});
    }
    if (out.isEmpty())
        return invalid(QStringLiteral("empty subject"));
    return out;
}

QByteArray CsrBuilder::derToPem(const QByteArray &der)
{
    const auto *p = reinterpret_cast<const unsigned char *>(der.constData());
    ossl::X509ReqPtr req(d2i_X509_REQ(nullptr, &p, der.size()));
    return req ? ossl::toPem(req.get()) : QByteArray();
}

Result<QByteArray> CsrBuilder::build(EVP_PKEY *publicKey, const CsrRequest &request, const Signer &signer)
{
    if (!publicKey)
        return invalid(QStringLiteral("no public key"));
    const bool isRsa = EVP_PKEY_is_a(publicKey, "RSA");
    const bool isEc = EVP_PKEY_is_a(publicKey, "EC");
    if (!isRsa && !isEc)
        return Error::make(ErrorKind::FunctionNotSupported, QStringLiteral("only RSA and EC keys can sign a request"));

    QList<QPair<QString, QString>> fields = request.subjectFields;
    if (fields.isEmpty()) {
        auto parsed = parseSubject(request.subject);
        if (!parsed)
            return parsed.error();
        fields = parsed.value();
    }

    ossl::X509ReqPtr req(X509_REQ_new());
    X509_REQ_set_version(req.get(), X509_REQ_VERSION_1);
    X509_NAME *name = X509_REQ_get_subject_name(req.get());
    for (const auto &[field, value] : fields) {
        const QByteArray f = field.toUtf8();
        const QByteArray v = value.toUtf8();
        if (OBJ_txt2nid(f.constData()) == NID_undef)
            return invalid(QStringLiteral("unknown subject field %1").arg(field));
        if (!X509_NAME_add_entry_by_txt(name, f.constData(), MBSTRING_UTF8,
                                        reinterpret_cast<const unsigned char *>(v.constData()), int(v.size()), -1, 0))
            return invalid(QStringLiteral("subject field %1 rejected: %2").arg(field, ossl::lastError()));
    }
    if (!X509_REQ_set_pubkey(req.get(), publicKey))
        return invalid(QStringLiteral("X509_REQ_set_pubkey: %1").arg(ossl::lastError()));

    if (!request.extensions.isEmpty()) {
        STACK_OF(X509_EXTENSION) *exts = sk_X509_EXTENSION_new_null();
        X509V3_CTX ctx;
        X509V3_set_ctx(&ctx, nullptr, nullptr, req.get(), nullptr, 0);
        for (const auto &[extName, extValue] : request.extensions) {
            X509_EXTENSION *ext = X509V3_EXT_nconf(nullptr, &ctx, extName.toUtf8().constData(), extValue.toUtf8().constData());
            if (!ext) {
                sk_X509_EXTENSION_pop_free(exts, X509_EXTENSION_free);
                return invalid(QStringLiteral("extension %1=%2 rejected: %3").arg(extName, extValue, ossl::lastError()));
            }
            sk_X509_EXTENSION_push(exts, ext);
        }
        const int ok = X509_REQ_add_extensions(req.get(), exts);
        sk_X509_EXTENSION_pop_free(exts, X509_EXTENSION_free);
        if (!ok)
            return invalid(QStringLiteral("X509_REQ_add_extensions: %1").arg(ossl::lastError()));
    }

    // The to-be-signed encoding.
    unsigned char *tbsBuf = nullptr;
    const int tbsLen = i2d_re_X509_REQ_tbs(req.get(), &tbsBuf);
    if (tbsLen <= 0)
        return invalid(QStringLiteral("i2d_re_X509_REQ_tbs: %1").arg(ossl::lastError()));
    const QByteArray tbs(reinterpret_cast<const char *>(tbsBuf), tbsLen);
    OPENSSL_free(tbsBuf);

    QByteArray signature;
    if (isRsa) {
        auto sig = signer(tbs);
        if (!sig)
            return sig.error();
        signature = sig.value();
    } else {
        unsigned char digest[SHA256_DIGEST_LENGTH];
        unsigned int digestLen = 0;
        if (!EVP_Digest(tbs.constData(), std::size_t(tbs.size()), digest, &digestLen, EVP_sha256(), nullptr))
            return invalid(QStringLiteral("SHA-256: %1").arg(ossl::lastError()));
        auto sig = signer(QByteArray(reinterpret_cast<const char *>(digest), int(digestLen)));
        if (!sig)
            return sig.error();
        const int fieldBytes = (EVP_PKEY_get_bits(publicKey) + 7) / 8;
        signature = quirks::ecdsaSignatureIsDer(sig.value(), fieldBytes) ? sig.value() : rawEcdsaToDer(sig.value());
        if (signature.isEmpty())
            return Error::make(ErrorKind::VerifyFailed, QStringLiteral("the token returned a malformed ECDSA signature"));
    }

    ossl::AlgorPtr alg(X509_ALGOR_new());
    if (isRsa)
        X509_ALGOR_set0(alg.get(), OBJ_nid2obj(NID_sha256WithRSAEncryption), V_ASN1_NULL, nullptr);
    else
        X509_ALGOR_set0(alg.get(), OBJ_nid2obj(NID_ecdsa_with_SHA256), V_ASN1_UNDEF, nullptr);
    X509_REQ_set1_signature_algo(req.get(), alg.get());

    ASN1_BIT_STRING *bits = ASN1_BIT_STRING_new();
    ASN1_BIT_STRING_set(bits, reinterpret_cast<unsigned char *>(signature.data()), int(signature.size()));
    // a signature is a whole number of bytes: no unused bits
    bits->flags &= ~(ASN1_STRING_FLAG_BITS_LEFT | 0x07);
    bits->flags |= ASN1_STRING_FLAG_BITS_LEFT;
    X509_REQ_set0_signature(req.get(), bits);

    if (X509_REQ_verify(req.get(), publicKey) != 1) {
        const QString why = ossl::lastError();
        qCWarning(lcP11).noquote() << "the request signed by the token does not verify:" << why;
        return Error::make(ErrorKind::VerifyFailed, QStringLiteral("X509_REQ_verify failed: %1").arg(why));
    }
    const QByteArray der = ossl::toDer(req.get());
    if (der.isEmpty())
        return invalid(QStringLiteral("i2d_X509_REQ: %1").arg(ossl::lastError()));
    return der;
}

} // namespace ca::p11
