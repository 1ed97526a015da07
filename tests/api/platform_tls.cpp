// TLS refusal: a server certificate from another CA, for another host name,
// and an expired one. Each ends in a PlatformError of kind Tls naming the
// host and the reason; the client never talks to such a server.
#include "SandboxProcess.h"

#include "core/platform/PlatformClient.h"

#include <QCoreApplication>
#include <QDir>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <cstdio>

using namespace ca;
using namespace ca::test;

namespace {

struct Issuer {
    X509 *cert = nullptr;
    EVP_PKEY *key = nullptr;
};

bool addExt(X509 *x, X509 *issuer, int nid, const char *value)
{
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, issuer ? issuer : x, x, nullptr, nullptr, 0);
    X509_EXTENSION *ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value);
    if (!ext)
        return false;
    const bool ok = X509_add_ext(x, ext, -1) == 1;
    X509_EXTENSION_free(ext);
    return ok;
}

bool writePem(const QString &path, X509 *cert, EVP_PKEY *key)
{
    FILE *f = std::fopen(QFile::encodeName(path).constData(), "wb");
    if (!f)
        return false;
    const bool ok = cert ? PEM_write_X509(f, cert) == 1 : PEM_write_PrivateKey(f, key, nullptr, nullptr, 0, nullptr, nullptr) == 1;
    std::fclose(f);
    return ok;
}

// Makes a certificate (a CA when isCa) signed by issuer (self-signed when issuer.cert is null);
// validity from now + notBeforeDays to now + notAfterDays. Writes cert and key PEM files.
bool makeCertificate(const Issuer &issuer, const char *cn, const char *san, bool isCa, long notBeforeDays, long notAfterDays,
                     const QString &certPath, const QString &keyPath, Issuer *made = nullptr)
{
    EVP_PKEY *key = EVP_EC_gen("P-256");
    X509 *x = X509_new();
    bool ok = key && x;
    ok = ok && X509_set_version(x, 2) == 1;
    ok = ok && ASN1_INTEGER_set(X509_get_serialNumber(x), long(QRandomGenerator::global()->bounded(1, 1 << 30))) == 1;
    ok = ok && X509_gmtime_adj(X509_getm_notBefore(x), notBeforeDays * 86400) != nullptr;
    ok = ok && X509_gmtime_adj(X509_getm_notAfter(x), notAfterDays * 86400) != nullptr;
    ok = ok && X509_set_pubkey(x, key) == 1;
    X509_NAME *name = X509_get_subject_name(x);
    ok = ok && X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8, reinterpret_cast<const unsigned char *>(cn), -1, -1, 0) == 1;
    ok = ok && X509_set_issuer_name(x, issuer.cert ? X509_get_subject_name(issuer.cert) : name) == 1;
    if (isCa) {
        ok = ok && addExt(x, issuer.cert, NID_basic_constraints, "critical,CA:TRUE");
        ok = ok && addExt(x, issuer.cert, NID_key_usage, "critical,keyCertSign,cRLSign");
    } else {
        ok = ok && addExt(x, issuer.cert, NID_basic_constraints, "CA:FALSE");
        ok = ok && addExt(x, issuer.cert, NID_ext_key_usage, "serverAuth");
        ok = ok && addExt(x, issuer.cert, NID_key_usage, "critical,digitalSignature");
        ok = ok && addExt(x, issuer.cert, NID_subject_alt_name, san);
    }
    ok = ok && X509_sign(x, issuer.key ? issuer.key : key, EVP_sha256()) > 0;
    ok = ok && writePem(certPath, x, nullptr) && writePem(keyPath, nullptr, key);
    if (ok && made) {
        made->cert = x;
        made->key = key;
        return true;
    }
    X509_free(x);
    EVP_PKEY_free(key);
    return ok;
}

Issuer readIssuer(const QString &certPath, const QString &keyPath)
{
    Issuer i;
    if (FILE *f = std::fopen(QFile::encodeName(certPath).constData(), "rb")) {
        i.cert = PEM_read_X509(f, nullptr, nullptr, nullptr);
        std::fclose(f);
    }
    if (FILE *f = std::fopen(QFile::encodeName(keyPath).constData(), "rb")) {
        i.key = PEM_read_PrivateKey(f, nullptr, nullptr, nullptr);
        std::fclose(f);
    }
    return i;
}

} // namespace

class TestPlatformTls : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void trustedCertificateWorks();
    void refused_data();
    void refused();
    void cleanupTestCase();

private:
    PlatformError callWith(const QString &certPath, const QString &keyPath, QUrl *url);

    std::unique_ptr<SandboxProcess> m_sandbox;
    QTemporaryDir m_tmp;
    QString m_sandboxCa;
    Issuer m_ca;
};

void TestPlatformTls::initTestCase()
{
    m_sandbox = std::make_unique<SandboxProcess>();
    QVERIFY2(m_sandbox->start(), qPrintable(m_sandbox->lastError()));
    m_sandboxCa = m_sandbox->caCertPath();
    m_ca = readIssuer(m_sandboxCa, QDir(m_sandbox->dataDir()).filePath(QStringLiteral("ca.key")));
    QVERIFY(m_ca.cert && m_ca.key);
    QCOMPARE(m_sandbox->stop(), 0);
}

void TestPlatformTls::cleanupTestCase()
{
    X509_free(m_ca.cert);
    EVP_PKEY_free(m_ca.key);
}

PlatformError TestPlatformTls::callWith(const QString &certPath, const QString &keyPath, QUrl *url)
{
    m_sandbox->setExtraArgs({QStringLiteral("--tls-cert"), certPath, QStringLiteral("--tls-key"), keyPath});
    if (!m_sandbox->start()) {
        PlatformError e;
        e.detail = m_sandbox->lastError();
        e.kind = PlatformError::Kind::None;
        e.httpStatus = -1;
        return e;
    }
    *url = m_sandbox->url();
    PlatformClient client;
    client.setBaseUrl(*url);
    client.setCaBundle(m_sandboxCa); // trust only what a real user would: the platform's CA
    std::unique_ptr<PlatformCall> call(client.platformInfo());
    call->waitForFinished(60000);
    PlatformError e = call->error();
    if (call->attempts() != 1)
        e.detail += QStringLiteral(" [retried]");
    m_sandbox->stop();
    return e;
}

void TestPlatformTls::trustedCertificateWorks()
{
    // The control: a certificate from the trusted CA for the right name is accepted.
    const QString cert = m_tmp.filePath(QStringLiteral("good.pem"));
    const QString key = m_tmp.filePath(QStringLiteral("good.key"));
    QVERIFY(makeCertificate(m_ca, "127.0.0.1", "IP:127.0.0.1,DNS:localhost", false, -1, 30, cert, key));
    QUrl url;
    const PlatformError e = callWith(cert, key, &url);
    QVERIFY2(e.httpStatus != -1, qPrintable(e.detail));
    QVERIFY2(!e.isError(), qPrintable(e.userMessage + QLatin1Char(' ') + e.detail));
}

void TestPlatformTls::refused_data()
{
    QTest::addColumn<QString>("which");
    QTest::addColumn<QString>("reason"); // a word of the user sentence
    QTest::addColumn<int>("sslError");
    QTest::newRow("another CA") << "other-ca" << "trusted authority" << int(QSslError::UnableToGetLocalIssuerCertificate);
    QTest::newRow("wrong host") << "wrong-host" << "different host name" << int(QSslError::HostNameMismatch);
    QTest::newRow("expired") << "expired" << "expired" << int(QSslError::CertificateExpired);
}

void TestPlatformTls::refused()
{
    QFETCH(QString, which);
    QFETCH(QString, reason);
    QFETCH(int, sslError);
    const QString cert = m_tmp.filePath(which + QStringLiteral(".pem"));
    const QString key = m_tmp.filePath(which + QStringLiteral(".key"));
    if (which == QLatin1String("other-ca")) {
        Issuer other;
        QVERIFY(makeCertificate(Issuer{}, "Other Test CA", nullptr, true, -1, 365, m_tmp.filePath(QStringLiteral("other-ca.crt")),
                                m_tmp.filePath(QStringLiteral("other-ca.cakey")), &other));
        QVERIFY(makeCertificate(other, "127.0.0.1", "IP:127.0.0.1,DNS:localhost", false, -1, 30, cert, key));
        X509_free(other.cert);
        EVP_PKEY_free(other.key);
    } else if (which == QLatin1String("wrong-host")) {
        QVERIFY(makeCertificate(m_ca, "example.invalid", "DNS:example.invalid", false, -1, 30, cert, key));
    } else {
        QVERIFY(makeCertificate(m_ca, "127.0.0.1", "IP:127.0.0.1,DNS:localhost", false, -30, -1, cert, key));
    }
    QUrl url;
    const PlatformError e = callWith(cert, key, &url);
    QVERIFY2(e.httpStatus != -1, qPrintable(e.detail));
    QCOMPARE(e.kind, PlatformError::Kind::Tls);
    QVERIFY2(e.userMessage.contains(url.host()), qPrintable(e.userMessage));
    QVERIFY2(e.userMessage.contains(reason), qPrintable(e.userMessage));
    bool seen = false;
    for (const QSslError &s : e.sslErrors)
        seen |= int(s.error()) == sslError;
    QVERIFY2(seen, qPrintable(e.detail));
    QVERIFY2(!e.detail.contains(QStringLiteral("[retried]")), "a TLS refusal is never retried");
}

QTEST_GUILESS_MAIN(TestPlatformTls)
#include "platform_tls.moc"
