#include "pkcs11/CertificateParser.h"

#include "pkcs11/Ossl.h"

#include <openssl/objects.h>

#include <QRegularExpression>
#include <QTimeZone>

#include <cstring>
#include <ctime>

namespace ca::p11 {

namespace {

const char kUsccAlphabet[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const int kUsccWeights[17] = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

QDateTime toDateTime(const ASN1_TIME *t)
{
    struct tm tm {};
    if (!t || ASN1_TIME_to_tm(t, &tm) != 1)
        return {};
    const QDate d(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
    const QTime time(tm.tm_hour, tm.tm_min, tm.tm_sec);
    return QDateTime(d, time, QTimeZone::utc());
}

KeyType keyTypeOf(const EVP_PKEY *key)
{
    if (!key)
        return KeyType::Unknown;
    if (EVP_PKEY_is_a(key, "RSA"))
        return KeyType::Rsa;
    if (EVP_PKEY_is_a(key, "EC"))
        return KeyType::Ec;
    return KeyType::Unknown;
}

} // namespace

int CertificateParser::daysLeft(const QDateTime &notAfter, const QDateTime &now)
{
    const qint64 secs = now.secsTo(notAfter);
    // floor division: 1 second past expiry is day -1
    return int(secs >= 0 ? secs / 86400 : -((-secs + 86399) / 86400));
}

bool CertificateParser::usccChecksumOk(const QString &code)
{
    if (code.size() != 18)
        return false;
    int sum = 0;
    for (int i = 0; i < 17; ++i) {
        const char *p = std::strchr(kUsccAlphabet, code.at(i).toLatin1());
        if (!p || code.at(i).unicode() == 0)
            return false;
        sum += int(p - kUsccAlphabet) * kUsccWeights[i];
    }
    const int check = (31 - sum % 31) % 31;
    return code.at(17) == QLatin1Char(kUsccAlphabet[check]);
}

QString CertificateParser::findUscc(const QStringList &values)
{
    static const QRegularExpression re(
        QStringLiteral("(?<![0-9A-Z])([0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10})(?![0-9A-Z])"));
    QString shapeOnly;
    for (const QString &v : values) {
        auto it = re.globalMatch(v.toUpper());
        while (it.hasNext()) {
            const QString code = it.next().captured(1);
            if (usccChecksumOk(code))
                return code;
            if (shapeOnly.isEmpty())
                shapeOnly = code;
        }
    }
    return shapeOnly;
}

Result<CertificateInfo> CertificateParser::parse(const QByteArray &derOrPem, const QDateTime &now)
{
    ossl::X509Ptr cert = ossl::certificateFromDerOrPem(derOrPem);
    if (!cert)
        return Error::make(ErrorKind::CertificateInvalid, QStringLiteral("not an X.509 certificate: %1").arg(ossl::lastError()));

    CertificateInfo c;
    c.der = ossl::toDer(cert.get());
    const X509_NAME *subject = X509_get_subject_name(cert.get());
    const X509_NAME *issuer = X509_get_issuer_name(cert.get());
    c.subject = ossl::nameToText(subject);
    c.issuer = ossl::nameToText(issuer);
    c.commonName = ossl::nameEntries(subject, NID_commonName).value(0);
    c.organization = ossl::nameEntries(subject, NID_organizationName).value(0);
    c.issuerCommonName = ossl::nameEntries(issuer, NID_commonName).value(0);

    QStringList usccSources;
    usccSources += ossl::nameEntries(subject, NID_organizationalUnitName);
    usccSources += ossl::nameEntries(subject, NID_serialNumber);
    usccSources += ossl::nameEntries(subject, NID_organizationIdentifier);
    usccSources += ossl::nameEntries(subject, NID_commonName);
    usccSources += ossl::nameEntries(subject, NID_organizationName);
    c.uscc = findUscc(usccSources);

    if (const ASN1_INTEGER *serial = X509_get0_serialNumber(cert.get())) {
        ossl::BnPtr bn(ASN1_INTEGER_to_BN(serial, nullptr));
        if (bn) {
            char *hex = BN_bn2hex(bn.get());
            c.serialHex = QString::fromLatin1(hex);
            OPENSSL_free(hex);
        }
    }
    c.notBefore = toDateTime(X509_get0_notBefore(cert.get()));
    c.notAfter = toDateTime(X509_get0_notAfter(cert.get()));
    c.daysLeft = daysLeft(c.notAfter, now);

    const uint32_t ku = X509_get_key_usage(cert.get());
    if (ku != UINT32_MAX) {
        c.keyUsage = ku & 0xff;
        static const struct { unsigned bit; const char *name; } names[] = {
            {KuDigitalSignature, "digitalSignature"}, {KuNonRepudiation, "nonRepudiation"},
            {KuKeyEncipherment, "keyEncipherment"}, {KuDataEncipherment, "dataEncipherment"},
            {KuKeyAgreement, "keyAgreement"}, {KuKeyCertSign, "keyCertSign"}, {KuCrlSign, "cRLSign"},
        };
        for (const auto &n : names) {
            if (c.keyUsage & n.bit)
                c.keyUsageNames.append(QString::fromLatin1(n.name));
        }
    }
    const EVP_PKEY *key = X509_get0_pubkey(cert.get());
    c.keyType = keyTypeOf(key);
    c.keyBits = key ? EVP_PKEY_get_bits(key) : 0;
    c.isCa = X509_check_ca(cert.get()) != 0;
    return c;
}

} // namespace ca::p11
