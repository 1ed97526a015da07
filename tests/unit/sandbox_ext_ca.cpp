// Unit test of ca::sandbox::CertificateAuthority against CAs, keys and CSRs
// made by the openssl command line tool.
#include "sandbox/CertificateAuthority.h"
#include "sandbox_ext_support.h"

#include <QTemporaryDir>
#include <QTest>

using namespace ca::sandbox;
using namespace sandbox_ext_test;

class SandboxExtCaTest : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString path(const QString &name) const { return m_dir.filePath(name); }
    const QString m_subject = QStringLiteral("/C=CN/O=济南示例科技有限公司/OU=91370100MA3C5XXXXX/CN=张三");

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(makeCa(m_dir.path(), QStringLiteral("ca"), QStringLiteral("Sandbox Test CA")));
        QVERIFY(makeCa(m_dir.path(), QStringLiteral("foreign"), QStringLiteral("Foreign CA")));
        QVERIFY(makeKeyAndCsr(m_dir.path(), QStringLiteral("rsa"), QStringLiteral("rsa"), m_subject));
        QVERIFY(makeKeyAndCsr(m_dir.path(), QStringLiteral("ec"), QStringLiteral("ec"), m_subject));
        QVERIFY(makeKeyAndCsr(m_dir.path(), QStringLiteral("other"), QStringLiteral("ec"), m_subject));
    }

    void loadRefusesMismatchedKey()
    {
        CertificateAuthority ca;
        QString error;
        QVERIFY(!ca.loadFiles(path(QStringLiteral("ca.pem")), path(QStringLiteral("foreign.key")), QString(), &error));
        QVERIFY(error.contains(QLatin1String("does not match")));
        QVERIFY(!ca.isLoaded());
        QVERIFY(!ca.load(path(QStringLiteral("missing")), &error));
    }

    void issueRsaCopiesSubjectAndVerifies()
    {
        CertificateAuthority ca;
        QString error;
        QVERIFY2(ca.load(m_dir.path(), &error), qPrintable(error));
        CertificateAuthority::Error err;
        const IssuedCertificate issued = ca.issue(readAll(path(QStringLiteral("rsa.csr"))), {}, 365, &err);
        QCOMPARE(err, CertificateAuthority::Error::None);
        QVERIFY(issued.certificatePem.startsWith("-----BEGIN CERTIFICATE-----"));
        QCOMPARE(issued.chainPem, readAll(path(QStringLiteral("ca.pem"))).trimmed() + '\n');
        QCOMPARE(issued.info.organization, QStringLiteral("济南示例科技有限公司"));
        QCOMPARE(issued.info.commonName, QStringLiteral("张三"));
        QCOMPARE(issued.info.uscc, QStringLiteral("91370100MA3C5XXXXX"));
        QCOMPARE(issued.info.keyType, QStringLiteral("rsa"));
        QVERIFY(!issued.info.serial.isEmpty());
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QVERIFY(issued.info.notAfter > now.addDays(364));
        QVERIFY(issued.info.notAfter < now.addDays(366));

        // openssl itself must accept the chain and see our extensions.
        QFile out(path(QStringLiteral("rsa.crt")));
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(issued.certificatePem);
        out.close();
        bool ok = false;
        const QByteArray verify = runOpenssl({QStringLiteral("verify"), QStringLiteral("-CAfile"), QStringLiteral("ca.pem"),
                                              QStringLiteral("rsa.crt")}, m_dir.path(), &ok);
        QVERIFY2(ok, verify.constData());
        const QByteArray text = runOpenssl({QStringLiteral("x509"), QStringLiteral("-in"), QStringLiteral("rsa.crt"),
                                            QStringLiteral("-noout"), QStringLiteral("-text")}, m_dir.path(), &ok);
        QVERIFY(ok);
        QVERIFY2(text.contains("Digital Signature, Key Encipherment"), text.constData());
        QVERIFY(!text.contains("Key Agreement"));
        QVERIFY(text.contains("X509v3 Subject Key Identifier"));
        QVERIFY(text.contains("X509v3 Authority Key Identifier"));
        QVERIFY(text.contains("CA:FALSE"));
    }

    void issueEcUsesKeyAgreement()
    {
        CertificateAuthority ca;
        QVERIFY(ca.load(m_dir.path()));
        CertificateAuthority::Error err;
        const IssuedCertificate issued = ca.issue(readAll(path(QStringLiteral("ec.csr"))), {}, 730, &err);
        QCOMPARE(err, CertificateAuthority::Error::None);
        QCOMPARE(issued.info.keyType, QStringLiteral("ec"));
        QFile out(path(QStringLiteral("ec.crt")));
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(issued.certificatePem);
        out.close();
        bool ok = false;
        const QByteArray text = runOpenssl({QStringLiteral("x509"), QStringLiteral("-in"), QStringLiteral("ec.crt"),
                                            QStringLiteral("-noout"), QStringLiteral("-text")}, m_dir.path(), &ok);
        QVERIFY(ok);
        QVERIFY2(text.contains("Digital Signature, Key Agreement"), text.constData());
    }

    void tamperedCsrIsRefused()
    {
        CertificateAuthority ca;
        QVERIFY(ca.load(m_dir.path()));
        // Flip one byte of the signature inside the DER and re-wrap as PEM.
        QByteArray pem = readAll(path(QStringLiteral("ec.csr")));
        QByteArray b64 = pem;
        b64.replace("-----BEGIN CERTIFICATE REQUEST-----", "").replace("-----END CERTIFICATE REQUEST-----", "");
        QByteArray der = QByteArray::fromBase64(b64.simplified().replace(" ", ""));
        QVERIFY(der.size() > 100);
        der[der.size() - 3] = char(der[der.size() - 3] ^ 0x5a);
        const QByteArray bad = "-----BEGIN CERTIFICATE REQUEST-----\n" + der.toBase64() + "\n-----END CERTIFICATE REQUEST-----\n";
        CertificateAuthority::Error err;
        ca.issue(bad, {}, 365, &err);
        QCOMPARE(err, CertificateAuthority::Error::BadSignature);
        ca.issue("not a csr", {}, 365, &err);
        QCOMPARE(err, CertificateAuthority::Error::BadCsr);
        QCOMPARE(CertificateAuthority::errorCode(CertificateAuthority::Error::BadSignature), QStringLiteral("csr_signature_invalid"));
    }

    void renewalNeedsTheKeyOnRecord()
    {
        CertificateAuthority ca;
        QVERIFY(ca.load(m_dir.path()));
        CertificateAuthority::Error err;
        const IssuedCertificate first = ca.issue(readAll(path(QStringLiteral("ec.csr"))), {}, 365, &err);
        QCOMPARE(err, CertificateAuthority::Error::None);
        // A CSR made with another key is refused...
        ca.issue(readAll(path(QStringLiteral("other.csr"))), first.certificatePem, 365, &err);
        QCOMPARE(err, CertificateAuthority::Error::KeyMismatch);
        // ...a fresh CSR with the same key re-certifies it.
        QVERIFY(makeCsrForKey(m_dir.path(), QStringLiteral("ec"), QStringLiteral("ec-renew.csr"), m_subject));
        const IssuedCertificate renewed = ca.issue(readAll(path(QStringLiteral("ec-renew.csr"))), first.certificatePem, 365, &err);
        QCOMPARE(err, CertificateAuthority::Error::None);
        QCOMPARE(renewed.info.publicKeyDer, first.info.publicKeyDer);
        QVERIFY(renewed.info.serial != first.info.serial);
    }

    void existingCertificateTrust()
    {
        CertificateAuthority ca;
        QVERIFY(ca.load(m_dir.path()));
        CertificateAuthority::Error err;
        const IssuedCertificate ours = ca.issue(readAll(path(QStringLiteral("rsa.csr"))), {}, 365, &err);
        QCOMPARE(err, CertificateAuthority::Error::None);
        CertificateInfo info = ca.verifyExisting(ours.certificatePem, &err);
        QCOMPARE(err, CertificateAuthority::Error::None);
        QCOMPARE(info.serial, ours.info.serial);
        QCOMPARE(info.uscc, QStringLiteral("91370100MA3C5XXXXX"));

        // Signed by a CA the platform does not know.
        bool ok = false;
        runOpenssl({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"), QStringLiteral("rsa.csr"),
                    QStringLiteral("-CA"), QStringLiteral("foreign.pem"), QStringLiteral("-CAkey"), QStringLiteral("foreign.key"),
                    QStringLiteral("-CAcreateserial"), QStringLiteral("-days"), QStringLiteral("30"),
                    QStringLiteral("-out"), QStringLiteral("foreign-leaf.pem")}, m_dir.path(), &ok);
        QVERIFY(ok);
        const QByteArray foreignLeaf = readAll(path(QStringLiteral("foreign-leaf.pem")));
        QString detail;
        info = ca.verifyExisting(foreignLeaf, &err, &detail);
        QCOMPARE(err, CertificateAuthority::Error::Untrusted);
        QVERIFY(!detail.isEmpty());
        QCOMPARE(info.organization, QStringLiteral("济南示例科技有限公司"));

        // Once the foreign CA is configured in DIR/trusted, it is accepted.
        QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("trusted")));
        QVERIFY(QFile::copy(path(QStringLiteral("foreign.pem")), path(QStringLiteral("trusted/foreign.pem"))));
        CertificateAuthority ca2;
        QVERIFY(ca2.load(m_dir.path()));
        ca2.verifyExisting(foreignLeaf, &err);
        QCOMPARE(err, CertificateAuthority::Error::None);
        QVERIFY(QFile::remove(path(QStringLiteral("trusted/foreign.pem"))));

        ca.verifyExisting("garbage", &err);
        QCOMPARE(err, CertificateAuthority::Error::BadCertificate);
    }
};

QTEST_GUILESS_MAIN(SandboxExtCaTest)
#include "sandbox_ext_ca.moc"
