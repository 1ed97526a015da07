// Token layer against a real SoftHSM2 (private SOFTHSM2_CONF per process):
// reading, PIN change and reset, key generation, CSR signed on the token and
// certificate install, on RSA and EC keys. Tokens and reference data come
// from softhsm2-util / pkcs11-tool / openssl (separate processes).
#include "SoftHsmFixture.h"

#include "pkcs11/CertificateParser.h"
#include "pkcs11/CsrBuilder.h"
#include "pkcs11/Module.h"
#include "pkcs11/TokenManager.h"

#include <openssl/evp.h>
#include <openssl/x509.h>

#include <QTest>

using namespace ca::p11;

namespace {
const QString kSo = QStringLiteral("87654321");
const QString kPin = QStringLiteral("123456");

SecureBuffer pin(const QString &text)
{
    QString copy = text;
    return SecureBuffer::takeString(copy);
}
}

class TestP11Token : public QObject
{
    Q_OBJECT

private:
    SoftHsmFixture m_hsm;
    int m_counter = 0;

    // A fresh token (and a module loaded after it exists).
    QString newToken(const QString &prefix, QString *serial = nullptr)
    {
        const QString label = QStringLiteral("%1-%2").arg(prefix).arg(++m_counter);
        const QString s = m_hsm.initToken(label, kSo, kPin);
        if (serial)
            *serial = s;
        return s.isEmpty() ? QString() : label;
    }
    std::unique_ptr<TokenManager> manager()
    {
        auto m = Module::load(SoftHsmFixture::softHsmModule());
        if (!m)
            return nullptr;
        return std::make_unique<TokenManager>(std::move(m).value());
    }
    QString openssl(const QStringList &args, bool *ok = nullptr)
    {
        return QString::fromUtf8(m_hsm.run(QStringLiteral("openssl"), args, ok));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_hsm.isValid(), qPrintable(m_hsm.errorString()));
        QCOMPARE(qgetenv("SOFTHSM2_CONF"), m_hsm.confPath().toLocal8Bit());
    }

    void tokenInfoAndChoosing()
    {
        QString serial;
        const QString label = newToken(QStringLiteral("读取"), &serial);
        QVERIFY2(!label.isEmpty(), qPrintable(m_hsm.errorString()));
        QString serial2;
        const QString label2 = newToken(QStringLiteral("second"), &serial2);
        QVERIFY(!label2.isEmpty());
        auto tm = manager();
        QVERIFY(tm);
        QCOMPARE(tm->module().info().manufacturer, QStringLiteral("SoftHSM"));

        auto tokens = tm->listTokens();
        QVERIFY(tokens);
        auto t = tm->findToken(TokenRef{serial, {}, {}});
        QVERIFY2(t, qPrintable(t ? QString() : t.error().logText()));
        QCOMPARE(t->label, label);
        QCOMPARE(t->serial, serial);
        QCOMPARE(t->manufacturer, QStringLiteral("SoftHSM project"));
        QCOMPARE(t->model, QStringLiteral("SoftHSM v2"));
        QCOMPARE(t->pinState, PinState::Ok);
        QCOMPARE(t->soPinState, PinState::Ok);
        QCOMPARE(t->minPinLength, 4ul);
        QCOMPARE(t->maxPinLength, 255ul);
        QVERIFY(!t->protectedAuthPath);
        QVERIFY(t->initialized);
        QCOMPARE(t->identity(), serial);

        // by label (Chinese), and by "label or serial"
        auto byLabel = tm->findToken(TokenRef{{}, label, {}});
        QVERIFY(byLabel);
        QCOMPARE(byLabel->serial, serial);
        QCOMPARE(tm->findToken(TokenRef::fromLabelOrSerial(serial))->label, label);
        QCOMPARE(tm->findToken(TokenRef::fromLabelOrSerial(label2))->serial, serial2);

        auto none = tm->findToken(TokenRef::fromLabelOrSerial(QStringLiteral("no-such-token")));
        QVERIFY(!none);
        QCOMPARE(none.error().kind(), ErrorKind::TokenNotFound);
        auto ambiguous = tm->findToken(TokenRef{});
        QVERIFY(!ambiguous);
        QCOMPARE(ambiguous.error().kind(), ErrorKind::TokenAmbiguous);
        QVERIFY(!ambiguous.error().userMessage().isEmpty());
    }

    void readCertificatesAndKeys_data()
    {
        QTest::addColumn<QString>("keyType");
        QTest::addColumn<QString>("typeCode");
        QTest::addColumn<int>("bits");
        QTest::newRow("rsa") << QStringLiteral("rsa:2048") << QStringLiteral("rsa") << 2048;
        QTest::newRow("ec") << QStringLiteral("EC:prime256v1") << QStringLiteral("ec") << 256;
    }
    void readCertificatesAndKeys()
    {
        QFETCH(QString, keyType);
        QFETCH(QString, typeCode);
        QFETCH(int, bits);
        const QString label = newToken(QStringLiteral("certs"));
        QVERIFY(!label.isEmpty());
        QVERIFY2(m_hsm.generateKeyPair(label, kPin, keyType, QStringLiteral("c0ffee"), QStringLiteral("签名密钥")),
                 qPrintable(m_hsm.errorString()));
        const QByteArray spki = m_hsm.publicKeyDer(label, kPin, QStringLiteral("c0ffee"));
        QVERIFY2(!spki.isEmpty(), qPrintable(m_hsm.errorString()));
        const QByteArray cert = m_hsm.issueCertificate(spki, SoftHsmFixture::chineseSubject(), 30, 4242);
        QVERIFY(!cert.isEmpty());
        QVERIFY2(m_hsm.writeCertificate(label, kPin, cert, QStringLiteral("c0ffee"), QStringLiteral("证书")),
                 qPrintable(m_hsm.errorString()));

        auto tm = manager();
        QVERIFY(tm);
        const SecureBuffer p = pin(kPin);
        auto c = tm->readContents(TokenRef{{}, label, {}}, &p);
        QVERIFY2(c, qPrintable(c ? QString() : c.error().logText()));
        QVERIFY(c->loggedIn);
        QCOMPARE(c->keys.size(), 1);
        QCOMPARE(c->keys[0].id, QByteArray::fromHex("c0ffee"));
        QCOMPARE(c->keys[0].label, QStringLiteral("签名密钥"));
        QCOMPARE(keyTypeCode(c->keys[0].type), typeCode);
        QCOMPARE(c->keys[0].bits, bits);
        QVERIFY(c->keys[0].hasCertificate);

        QCOMPARE(c->certificates.size(), 1);
        const CertificateInfo &ci = c->certificates[0];
        QCOMPARE(ci.id, QByteArray::fromHex("c0ffee"));
        QCOMPARE(ci.label, QStringLiteral("证书"));
        QCOMPARE(ci.organization, SoftHsmFixture::organisation());
        QCOMPARE(ci.commonName, QStringLiteral("张三"));
        QCOMPARE(ci.uscc, SoftHsmFixture::uscc());
        QVERIFY2(ci.subject.contains(QStringLiteral("O=北京某某科技有限公司")), qPrintable(ci.subject));
        QVERIFY2(ci.subject.contains(QStringLiteral("CN=张三")), qPrintable(ci.subject));
        QCOMPARE(ci.issuerCommonName, QStringLiteral("ca-client Test CA"));
        QVERIFY(ci.issuer.contains(QStringLiteral("O=测试证书中心")));
        QCOMPARE(ci.serialHex, QStringLiteral("1092"));  // 4242
        QVERIFY2(ci.daysLeft == 29 || ci.daysLeft == 30, qPrintable(QString::number(ci.daysLeft)));
        QVERIFY(!ci.isExpired());
        QCOMPARE(ci.keyUsage, unsigned(KuDigitalSignature | KuNonRepudiation));
        QCOMPARE(ci.keyUsageNames, (QStringList{QStringLiteral("digitalSignature"), QStringLiteral("nonRepudiation")}));
        QCOMPARE(keyTypeCode(ci.keyType), typeCode);
        QVERIFY(ci.hasPrivateKey);
        QCOMPARE(ci.der, cert);
        QCOMPARE(ci.notAfter.date(), QDateTime::currentDateTimeUtc().addDays(30).date());

        // Without a PIN: the certificate, and the key pair from its public half.
        auto pub = tm->readContents(TokenRef{{}, label, {}});
        QVERIFY(pub);
        QVERIFY(!pub->loggedIn);
        QCOMPARE(pub->certificates.size(), 1);
        QCOMPARE(pub->keys.size(), 1);
        QCOMPARE(pub->keys[0].id, QByteArray::fromHex("c0ffee"));
    }

    void expiredCertificateHasNegativeDays()
    {
        const QString label = newToken(QStringLiteral("expired"));
        QVERIFY(m_hsm.generateKeyPair(label, kPin, QStringLiteral("EC:prime256v1"), QStringLiteral("01"), QStringLiteral("k")));
        const QByteArray cert = m_hsm.issueCertificate(m_hsm.publicKeyDer(label, kPin, QStringLiteral("01")),
                                                       SoftHsmFixture::chineseSubject(), 0);
        auto parsed = CertificateParser::parse(cert, QDateTime::currentDateTimeUtc().addDays(3));
        QVERIFY(parsed);
        QVERIFY(parsed->daysLeft < 0);
        QVERIFY(parsed->isExpired());
    }

    void pinChange()
    {
        const QString label = newToken(QStringLiteral("pin"));
        auto tm = manager();
        const TokenRef ref{{}, label, {}};
        QVERIFY(tm->verifyPin(ref, pin(kPin)));

        Status wrong = tm->verifyPin(ref, pin(QStringLiteral("000000")));
        QVERIFY(!wrong);
        QCOMPARE(wrong.error().kind(), ErrorKind::PinIncorrect);
        QCOMPARE(wrong.error().function(), QStringLiteral("C_Login"));
        QCOMPARE(wrong.error().ckrName(), QStringLiteral("CKR_PIN_INCORRECT"));

        // a new PIN the token cannot take is refused before the token is asked
        Status tooShort = tm->changePin(ref, pin(kPin), pin(QStringLiteral("12")));
        QVERIFY(!tooShort);
        QCOMPARE(tooShort.error().kind(), ErrorKind::PinLenRange);
        QVERIFY(tm->verifyPin(ref, pin(kPin)));

        // a wrong old PIN changes nothing
        Status badOld = tm->changePin(ref, pin(QStringLiteral("999999")), pin(QStringLiteral("24681357")));
        QVERIFY(!badOld);
        QCOMPARE(badOld.error().kind(), ErrorKind::PinIncorrect);
        QVERIFY(tm->verifyPin(ref, pin(kPin)));

        Status changed = tm->changePin(ref, pin(kPin), pin(QStringLiteral("24681357")));
        QVERIFY2(changed, qPrintable(changed ? QString() : changed.error().logText()));
        Status old = tm->verifyPin(ref, pin(kPin));
        QVERIFY(!old);
        QCOMPARE(old.error().kind(), ErrorKind::PinIncorrect);
        QVERIFY(tm->verifyPin(ref, pin(QStringLiteral("24681357"))));

        // and an independent witness: pkcs11-tool logs in with the new PIN only
        tm.reset();
        bool ok = false;
        m_hsm.listObjects(label, QStringLiteral("24681357"), QString(), &ok);
        QVERIFY2(ok, qPrintable(m_hsm.errorString()));
        m_hsm.listObjects(label, kPin, QString(), &ok);
        QVERIFY(!ok);
    }

    void pinReset()
    {
        const QString label = newToken(QStringLiteral("reset"));
        auto tm = manager();
        const TokenRef ref{{}, label, {}};
        Status badSo = tm->resetPin(ref, pin(QStringLiteral("11111111")), pin(QStringLiteral("13572468")));
        QVERIFY(!badSo);
        // A wrong SO PIN has its own kind and sentence, not the user PIN's.
        QCOMPARE(badSo.error().kind(), ErrorKind::SoPinIncorrect);
        QCOMPARE(badSo.error().function(), QStringLiteral("C_Login"));
        QCOMPARE(badSo.error().ckrName(), QStringLiteral("CKR_PIN_INCORRECT"));
        QVERIFY(badSo.error().userMessage().contains(QLatin1String("do")) && badSo.error().userMessage().contains(QLatin1String("CA centre")));
        QVERIFY(badSo.error().userMessage() != Error::make(ErrorKind::PinIncorrect).userMessage());
        QVERIFY(tm->verifyPin(ref, pin(kPin)));

        Status reset = tm->resetPin(ref, pin(kSo), pin(QStringLiteral("13572468")));
        QVERIFY2(reset, qPrintable(reset ? QString() : reset.error().logText()));
        QCOMPARE(tm->verifyPin(ref, pin(kPin)).error().kind(), ErrorKind::PinIncorrect);
        QVERIFY(tm->verifyPin(ref, pin(QStringLiteral("13572468"))));
    }

    void keyGenerationAndCsr_data()
    {
        QTest::addColumn<int>("spec");
        QTest::addColumn<QString>("typeCode");
        QTest::addColumn<int>("bits");
        QTest::newRow("rsa2048") << int(KeySpec::Rsa2048) << QStringLiteral("rsa") << 2048;
        QTest::newRow("ec256") << int(KeySpec::EcP256) << QStringLiteral("ec") << 256;
    }
    void keyGenerationAndCsr()
    {
        QFETCH(int, spec);
        QFETCH(QString, typeCode);
        QFETCH(int, bits);
        const QString label = newToken(QStringLiteral("csr"));
        auto tm = manager();
        const TokenRef ref{{}, label, {}};
        auto key = tm->generateKeyPair(ref, pin(kPin), KeySpec(spec), QStringLiteral("新密钥"));
        QVERIFY2(key, qPrintable(key ? QString() : key.error().logText()));
        QCOMPARE(keyTypeCode(key->type), typeCode);
        QCOMPARE(key->bits, bits);
        QCOMPARE(key->id.size(), 20);
        QCOMPARE(key->label, QStringLiteral("新密钥"));

        CsrRequest req;
        req.subject = QStringLiteral("/C=CN/O=%1/OU=%2/CN=张三").arg(SoftHsmFixture::organisation(), SoftHsmFixture::uscc());
        req.extensions = {{QStringLiteral("keyUsage"), QStringLiteral("critical,digitalSignature,nonRepudiation")}};
        auto csr = tm->createCsr(ref, pin(kPin), req);
        QVERIFY2(csr, qPrintable(csr ? QString() : csr.error().logText()));
        const QString idHex = QString::fromLatin1(key->id.toHex());
        tm.reset();

        // The private key: sensitive and never extractable (pkcs11-tool's view).
        const QString listing = m_hsm.listObjects(label, kPin);
        const auto privs = SoftHsmFixture::objectsWithId(listing, QStringLiteral("Private Key Object"), idHex);
        QCOMPARE(privs.size(), 1);
        QVERIFY2(privs[0].join(QLatin1Char('\n')).contains(QStringLiteral("sensitive, always sensitive, never extractable")),
                 qPrintable(privs[0].join(QLatin1Char('\n'))));

        // openssl verifies the request and finds the token's public key in it.
        const QString csrPath = m_hsm.writeFile(QStringLiteral("req-%1.pem").arg(m_counter), CsrBuilder::derToPem(csr.value()));
        bool ok = false;
        openssl({QStringLiteral("req"), QStringLiteral("-verify"), QStringLiteral("-noout"), QStringLiteral("-in"), csrPath}, &ok);
        QVERIFY2(ok, qPrintable(m_hsm.errorString()));
        const QString reqPub = openssl({QStringLiteral("req"), QStringLiteral("-pubkey"), QStringLiteral("-noout"), QStringLiteral("-in"), csrPath}, &ok);
        QVERIFY(ok);
        const QString pubDer = m_hsm.writeFile(QStringLiteral("tokpub-%1.der").arg(m_counter), m_hsm.publicKeyDer(label, kPin, idHex));
        const QString tokenPub = openssl({QStringLiteral("pkey"), QStringLiteral("-pubin"), QStringLiteral("-inform"), QStringLiteral("DER"), QStringLiteral("-in"), pubDer}, &ok);
        QVERIFY2(ok, qPrintable(m_hsm.errorString()));
        QVERIFY(tokenPub.contains(QStringLiteral("BEGIN PUBLIC KEY")));
        QCOMPARE(reqPub, tokenPub);
        const QString subject = openssl({QStringLiteral("req"), QStringLiteral("-noout"), QStringLiteral("-subject"), QStringLiteral("-nameopt"), QStringLiteral("utf8,sep_comma_plus,sname"), QStringLiteral("-in"), csrPath}, &ok);
        QVERIFY2(subject.contains(QStringLiteral("O=北京某某科技有限公司")), qPrintable(subject));
        QVERIFY2(subject.contains(QStringLiteral("CN=张三")), qPrintable(subject));
        const QString text = openssl({QStringLiteral("req"), QStringLiteral("-noout"), QStringLiteral("-text"), QStringLiteral("-in"), csrPath}, &ok);
        QVERIFY2(text.contains(QStringLiteral("Digital Signature, Non Repudiation")), qPrintable(text));
        QVERIFY(text.contains(typeCode == QStringLiteral("rsa") ? QStringLiteral("sha256WithRSAEncryption") : QStringLiteral("ecdsa-with-SHA256")));
    }

    void csrChoosesKeyById()
    {
        const QString label = newToken(QStringLiteral("twokeys"));
        QVERIFY(m_hsm.generateKeyPair(label, kPin, QStringLiteral("rsa:2048"), QStringLiteral("aa01"), QStringLiteral("rsa")));
        QVERIFY(m_hsm.generateKeyPair(label, kPin, QStringLiteral("EC:prime256v1"), QStringLiteral("bb02"), QStringLiteral("ec")));
        auto tm = manager();
        const TokenRef ref{{}, label, {}};
        CsrRequest req;
        req.subjectFields = {{QStringLiteral("CN"), QStringLiteral("李四")}, {QStringLiteral("O"), QStringLiteral("上海某某有限公司")}};
        auto ambiguous = tm->createCsr(ref, pin(kPin), req);
        QVERIFY(!ambiguous);
        QCOMPARE(ambiguous.error().kind(), ErrorKind::KeyNotFound);

        req.keyId = QByteArray::fromHex("bb02");
        auto csr = tm->createCsr(ref, pin(kPin), req);
        QVERIFY(csr);
        const auto *p = reinterpret_cast<const unsigned char *>(csr->constData());
        X509_REQ *r = d2i_X509_REQ(nullptr, &p, csr->size());
        QVERIFY(r);
        QVERIFY(EVP_PKEY_is_a(X509_REQ_get0_pubkey(r), "EC"));
        QCOMPARE(X509_REQ_verify(r, X509_REQ_get0_pubkey(r)), 1);
        X509_REQ_free(r);

        req.keyId = QByteArray::fromHex("cc03");
        QCOMPARE(tm->createCsr(ref, pin(kPin), req).error().kind(), ErrorKind::KeyNotFound);
        // a subject that is not "/F=V/..." is refused before the token signs anything
        CsrRequest bad;
        bad.subject = QStringLiteral("CN=x");
        bad.keyId = QByteArray::fromHex("aa01");
        QCOMPARE(tm->createCsr(ref, pin(kPin), bad).error().kind(), ErrorKind::InvalidInput);
    }

    void installCertificate_data()
    {
        QTest::addColumn<QString>("keyType");
        QTest::newRow("rsa") << QStringLiteral("rsa:2048");
        QTest::newRow("ec") << QStringLiteral("EC:prime256v1");
    }
    void installCertificate()
    {
        QFETCH(QString, keyType);
        const QString label = newToken(QStringLiteral("install"));
        const QString idHex = QStringLiteral("5a5a01");
        QVERIFY(m_hsm.generateKeyPair(label, kPin, keyType, idHex, QStringLiteral("key")));
        QVERIFY(m_hsm.generateKeyPair(label, kPin, keyType, QStringLiteral("77"), QStringLiteral("other key")));
        const QByteArray spki = m_hsm.publicKeyDer(label, kPin, idHex);
        const QByteArray oldCert = m_hsm.issueCertificate(spki, SoftHsmFixture::chineseSubject(), 5, 5001);
        const QByteArray newCert = m_hsm.issueCertificate(spki, SoftHsmFixture::chineseSubject(), 730, 5002);
        const QByteArray otherCert = m_hsm.issueCertificate(m_hsm.publicKeyDer(label, kPin, QStringLiteral("77")),
                                                            SoftHsmFixture::chineseSubject(QStringLiteral("王五")), 100, 5003);
        QVERIFY(m_hsm.writeCertificate(label, kPin, oldCert, idHex, QStringLiteral("old")));
        QVERIFY(m_hsm.writeCertificate(label, kPin, otherCert, QStringLiteral("77"), QStringLiteral("other")));

        auto tm = manager();
        const TokenRef ref{{}, label, {}};
        // PEM input works as well as DER
        const QString newPath = m_hsm.writeFile(QStringLiteral("new-%1.der").arg(m_counter), newCert);
        bool ok = false;
        const QByteArray pem = m_hsm.run(QStringLiteral("openssl"), {QStringLiteral("x509"), QStringLiteral("-inform"), QStringLiteral("DER"), QStringLiteral("-in"), newPath}, &ok);
        QVERIFY(ok);
        auto installed = tm->installCertificate(ref, pin(kPin), pem, QStringLiteral("新证书"));
        QVERIFY2(installed, qPrintable(installed ? QString() : installed.error().logText()));
        QCOMPARE(installed->id, QByteArray::fromHex(idHex.toLatin1()));
        QCOMPARE(installed->serialHex, QStringLiteral("138A"));

        const SecureBuffer p = pin(kPin);
        auto c = tm->readContents(ref, &p);
        QVERIFY(c);
        QCOMPARE(c->keys.size(), 2);  // no key was touched
        int forKey = 0;
        for (const CertificateInfo &ci : c->certificates) {
            if (ci.id == QByteArray::fromHex(idHex.toLatin1())) {
                ++forKey;
                QCOMPARE(ci.der, newCert);
                QCOMPARE(ci.label, QStringLiteral("新证书"));
            }
        }
        QCOMPARE(forKey, 1);
        QCOMPARE(c->certificates.size(), 2);  // the other key's certificate stays

        // the same certificate again: nothing changes
        QVERIFY(tm->installCertificate(ref, pin(kPin), newCert));
        QCOMPARE(tm->readContents(ref, &p)->certificates.size(), 2);

        // a certificate for a key that is not on the token is refused
        EVP_PKEY *stranger = EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256");
        unsigned char *spkiBuf = nullptr;
        const int spkiLen = i2d_PUBKEY(stranger, &spkiBuf);
        const QByteArray strangerCert = m_hsm.issueCertificate(QByteArray(reinterpret_cast<char *>(spkiBuf), spkiLen),
                                                               SoftHsmFixture::chineseSubject(), 10);
        OPENSSL_free(spkiBuf);
        EVP_PKEY_free(stranger);
        auto mismatch = tm->installCertificate(ref, pin(kPin), strangerCert);
        QVERIFY(!mismatch);
        QCOMPARE(mismatch.error().kind(), ErrorKind::CertificateKeyMismatch);
        auto garbage = tm->installCertificate(ref, pin(kPin), QByteArray("not a certificate"));
        QCOMPARE(garbage.error().kind(), ErrorKind::CertificateInvalid);
        QCOMPARE(tm->readContents(ref, &p)->certificates.size(), 2);
        tm.reset();

        // OpenSC's pkcs11-tool lists the new certificate under the key's ID.
        const QString listing = m_hsm.listObjects(label, kPin);
        const auto certs = SoftHsmFixture::objectsWithId(listing, QStringLiteral("Certificate Object"), idHex);
        QCOMPARE(certs.size(), 1);
        QVERIFY2(certs[0].join(QLatin1Char('\n')).contains(QStringLiteral("新证书")), qPrintable(listing));
        QCOMPARE(SoftHsmFixture::objectsWithId(listing, QStringLiteral("Private Key Object"), idHex).size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestP11Token)
#include "tst_p11_token.moc"
