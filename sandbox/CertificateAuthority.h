#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>

#include <memory>

namespace ca::sandbox {

// What the sandbox knows about a certificate (an issued one, an uploaded one,
// or the subject of a CSR: then serial/notBefore/notAfter are empty).
struct CertificateInfo {
    QString subject;          // one-line RFC 2253 form, e.g. "CN=张三,O=济南示例科技有限公司,C=CN"
    QString organization;     // subject O (empty if none)
    QString commonName;       // subject CN (empty if none)
    QString uscc;             // first 18-char unified social credit code found in a subject field
    QString serial;           // upper-case hex, no separators
    QDateTime notBefore;      // UTC
    QDateTime notAfter;       // UTC
    QByteArray publicKeyDer;  // SubjectPublicKeyInfo DER
    QString keyType;          // "rsa", "ec" or "other"
    QByteArray pem;           // certificate PEM (empty for a CSR)
};

struct IssuedCertificate {
    QByteArray certificatePem; // the new end-entity certificate
    QByteArray chainPem;       // the issuing CA certificate(s), leaf NOT included
    CertificateInfo info;
};

// The sandbox's test CA: signs CSRs for renewal/change applications and checks
// certificates that applicants register as "existing". Loads DIR/ca.pem and
// DIR/ca.key (written by TlsSetup on first start) and trusts, in addition to
// itself, every certificate found in DIR/trusted/*.pem (PEM bundles allowed).
// OpenSSL 3, non-deprecated APIs only.
class CertificateAuthority
{
    Q_DECLARE_TR_FUNCTIONS(CertificateAuthority)
public:
    enum class Error {
        None,
        NotLoaded,      // no CA key/certificate
        BadCsr,         // not a PEM CSR
        BadSignature,   // CSR signature does not verify
        BadSubject,     // CSR subject empty
        KeyMismatch,    // renewal: CSR key differs from the certificate on record
        BadCertificate, // not a PEM certificate
        Untrusted,      // does not chain to a trusted CA
        Expired,        // chains but is expired / not yet valid
        Internal,       // OpenSSL failure while issuing
    };

    CertificateAuthority();
    ~CertificateAuthority();
    CertificateAuthority(const CertificateAuthority &) = delete;
    CertificateAuthority &operator=(const CertificateAuthority &) = delete;

    // DIR/ca.pem + DIR/ca.key + DIR/trusted/*.pem.
    bool load(const QString &dataDir, QString *errorText = nullptr);
    bool loadFiles(const QString &certPath, const QString &keyPath, const QString &trustedDir,
                   QString *errorText = nullptr);
    bool isLoaded() const;

    QByteArray caCertificatePem() const;

    // Parses a PEM CSR and verifies its self-signature.
    CertificateInfo inspectCsr(const QByteArray &csrPem, Error *error) const;

    // Verifies the CSR and issues an end-entity certificate valid for
    // `validityDays` from now (capped at the CA's own notAfter). When
    // `requiredPublicKeyFromCertPem` is not empty (renewal), the CSR's public
    // key must equal that certificate's public key.
    IssuedCertificate issue(const QByteArray &csrPem, const QByteArray &requiredPublicKeyFromCertPem,
                            int validityDays, Error *error) const;

    // A deliberately wrong certificate for client tests (CA_SANDBOX_CSR_REPLY):
    // the CSR's subject with a freshly generated key (otherKey), or the CSR's
    // key with O (and every field holding the USCC) replaced by `organization`.
    struct Tamper {
        bool otherKey = false;
        QString organization;
    };
    IssuedCertificate issueTampered(const QByteArray &csrPem, const Tamper &tamper, int validityDays, Error *error) const;

    // Checks that the first certificate in `pem` chains (with any further
    // certificates in `pem` as untrusted intermediates) to the sandbox CA or a
    // CA in DIR/trusted, and that it is currently valid.
    CertificateInfo verifyExisting(const QByteArray &pem, Error *error, QString *detail = nullptr) const;

    // Parses the first certificate of a PEM text, no trust decision.
    static CertificateInfo inspectCertificate(const QByteArray &pem, bool *ok);

    // Stable error word for the API error body and a translated sentence.
    static QString errorCode(Error error);
    static QString errorMessage(Error error);

private:
    IssuedCertificate issueWith(const QByteArray &csrPem, const QByteArray &requiredPublicKeyFromCertPem, int validityDays,
                                Error *error, const Tamper *tamper) const;
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace ca::sandbox
