#pragma once
// Shared by the keyops token tests: a private SoftHSM behind the fault shim
// and a ca-sandbox (review-first) that trusts the fixture CA, a key with a
// certificate that expires in 10 days registered as 已有CA, and renewal or
// change applications made approved and paid. Token contents are read with
// pkcs11-tool (SoftHsmFixture), never with the code under test.
#include "SandboxProcess.h"
#include "SoftHsmFixture.h"
#include "tests/api/sandbox_ext_support.h"

#include <QDir>
#include <QCryptographicHash>
#include <QFile>
#include <QProcess>
#include <QSslCertificate>

#include <memory>

namespace keyops_test {

using namespace sandbox_ext_api;

inline const QString kPin = QStringLiteral("123456");
inline const QString kSoPin = QStringLiteral("12345678");
inline const QString kKeyId = QStringLiteral("a1");

inline QByteArray pemOf(const QByteArray &der)
{
    return QSslCertificate(der, QSsl::Der).toPem();
}

// One key with its 10-day certificate, registered with the platform.
struct TokenSetup
{
    QString label;
    QString serial;       // token serial
    QByteArray certDer;   // the old certificate
    QString certSerial;   // its serial (hex, as the platform records it)
    QByteArray publicKey; // SPKI of key a1, read with pkcs11-tool
};

class KeyopsWorld
{
public:
    SoftHsmFixture hsm;
    std::unique_ptr<SandboxProcess> sandbox;
    std::unique_ptr<SandboxHttp> http;
    QString org, uscc;
    int tokens = 0;

    QStringList sandboxArgs(const QStringList &more = {}) const
    {
        return QStringList{QStringLiteral("--workflow"), QStringLiteral("review-first")} + more;
    }

    bool start(QString *error)
    {
        if (!hsm.isValid()) {
            *error = hsm.errorString();
            return false;
        }
        hsm.useShim();
        sandbox = std::make_unique<SandboxProcess>(sandboxArgs());
        // The sandbox trusts the fixture CA for 已有CA registration.
        QDir().mkpath(sandbox->dataDir() + QStringLiteral("/trusted"));
        QFile trusted(sandbox->dataDir() + QStringLiteral("/trusted/fixture.pem"));
        if (!trusted.open(QIODevice::WriteOnly) || trusted.write(pemOf(hsm.caCertificateDer())) <= 0) {
            *error = QStringLiteral("cannot write the trusted CA");
            return false;
        }
        trusted.close();
        if (!sandbox->start()) {
            *error = sandbox->lastError();
            return false;
        }
        http = std::make_unique<SandboxHttp>(*sandbox);
        if (!http->login(QStringLiteral("supplier"))) {
            *error = QStringLiteral("login failed");
            return false;
        }
        const QJsonObject o = http->get(QStringLiteral("/api/v1/organization")).json();
        org = o.value(QStringLiteral("name")).toString();
        uscc = o.value(QStringLiteral("uscc")).toString();
        return !org.isEmpty() && !uscc.isEmpty();
    }

    TokenSetup makeToken(const QString &label, const QString &keyType = QStringLiteral("rsa:2048"))
    {
        TokenSetup t;
        t.label = label + QString::number(++tokens);
        t.serial = hsm.initToken(t.label, kSoPin, kPin);
        if (t.serial.isEmpty() || !hsm.generateKeyPair(t.label, kPin, keyType, kKeyId, QStringLiteral("signing key"))) {
            qWarning("token: %s", qPrintable(hsm.errorString()));
            return {};
        }
        t.publicKey = hsm.publicKeyDer(t.label, kPin, kKeyId);
        const QList<QPair<QString, QString>> subject{{QStringLiteral("C"), QStringLiteral("CN")},
                                                     {QStringLiteral("O"), org},
                                                     {QStringLiteral("OU"), uscc},
                                                     {QStringLiteral("CN"), QStringLiteral("张三")}};
        t.certDer = hsm.issueCertificate(t.publicKey, subject, 10, 1000 + tokens);
        if (t.certDer.isEmpty() || !hsm.writeCertificate(t.label, kPin, t.certDer, kKeyId, QStringLiteral("old certificate"))) {
            qWarning("certificate: %s", qPrintable(hsm.errorString()));
            return {};
        }
        // 已有CA: the certificate is on record for the organisation.
        const QString existing = createApplication(*http, QStringLiteral("existing"));
        const auto r = http->post(QStringLiteral("/api/v1/applications/%1/certificate").arg(existing),
                                  QJsonObject{{QStringLiteral("certificate"), QString::fromLatin1(pemOf(t.certDer))},
                                              {QStringLiteral("token_serial"), t.serial}});
        if (r.status != 200) {
            qWarning("register: %d %s", r.status, r.body.constData());
            return {};
        }
        t.certSerial = r.json().value(QStringLiteral("serial")).toString();
        return t;
    }

    // A renewal/change (or other kind) application naming t's certificate, approved and paid.
    QString approvedAndPaid(const QString &kind, const TokenSetup &t)
    {
        const QJsonObject ref{{QStringLiteral("serial"), t.certSerial}, {QStringLiteral("token_serial"), t.serial}};
        const QString id = createApplication(*http, kind, 1, QJsonObject{{QStringLiteral("certificate"), ref}});
        if (id.isEmpty() || !submitAndApprove(*sandbox, *http, id, kind))
            return {};
        const auto order = openOrder(*http, id, QStringLiteral("bank"), {});
        if (order.status != 201)
            return {};
        if (sandbox->runAdmin({QStringLiteral("pay"), order.json().value(QStringLiteral("order_no")).toString()}).exitCode != 0)
            return {};
        return id;
    }

    QString listing(const TokenSetup &t)
    {
        bool ok = false;
        const QString out = hsm.listObjects(t.label, kPin, QString(), &ok);
        return ok ? out : QString();
    }

    // Runs a program against a copy of the token directory (SOFTHSM2_CONF of `conf`).
    QByteArray runOnCopy(const QString &conf, const QStringList &args, bool *ok)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("SOFTHSM2_CONF"), conf);
        p.setProcessEnvironment(env);
        p.start(QStringLiteral("pkcs11-tool"), args);
        *ok = p.waitForStarted(30000) && p.waitForFinished(60000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
        return p.readAllStandardOutput();
    }

    // pkcs11-tool's view (SoftHSM directly): the DER of every certificate
    // object with the CKA_ID, read by id only. pkcs11-tool reads the first
    // match, so the objects are read one by one from a copy of the token
    // directory, deleting each one read there (the real token is untouched).
    QList<QByteArray> certificatesWithId(const TokenSetup &t, const QString &idHex)
    {
        QList<QByteArray> out;
        const qsizetype count = SoftHsmFixture::objectsWithId(listing(t), QStringLiteral("Certificate Object"), idHex).size();
        if (count == 0)
            return out;
        const QString scratch = hsm.dir() + QStringLiteral("/scratch-%1").arg(++m_scratch);
        QDir(scratch).removeRecursively();
        QDir().mkpath(scratch);
        bool ok = false;
        hsm.run(QStringLiteral("cp"), {QStringLiteral("-a"), hsm.tokenDir(), scratch + QStringLiteral("/tokens")}, &ok);
        const QString conf = hsm.writeFile(scratch + QStringLiteral("/softhsm2.conf"),
                                           "directories.tokendir = " + (scratch + QStringLiteral("/tokens")).toUtf8()
                                               + "\nobjectstore.backend = file\nlog.level = ERROR\n");
        if (!ok || conf.isEmpty())
            return {QByteArray()};
        const QStringList base{QStringLiteral("--module"), SoftHsmFixture::softHsmModule(), QStringLiteral("--token-label"), t.label};
        for (qsizetype i = 0; i < count; ++i) {
            const QString file = scratch + QStringLiteral("/read-%1.der").arg(i);
            runOnCopy(conf, base + QStringList{QStringLiteral("--read-object"), QStringLiteral("--type"), QStringLiteral("cert"),
                                               QStringLiteral("--id"), idHex, QStringLiteral("-o"), file},
                      &ok);
            QFile f(file);
            out.append(ok && f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray());
            runOnCopy(conf, base + QStringList{QStringLiteral("--login"), QStringLiteral("--pin"), kPin, QStringLiteral("--delete-object"),
                                               QStringLiteral("--type"), QStringLiteral("cert"), QStringLiteral("--id"), idHex},
                      &ok);
        }
        return out;
    }

    // The private key with the CKA_ID (the first one, pkcs11-tool --sign on
    // SoftHSM directly) signs data that openssl verifies with the public key
    // of certDer: the key pair behind the certificate is still on the token.
    bool signsFor(const TokenSetup &t, const QString &idHex, const QByteArray &certDer, bool ec = false)
    {
        // EC: SoftHSM signs a SHA-256 digest with CKM_ECDSA; openssl pkeyutl checks it against the digest.
        const QByteArray message = QByteArray("bid file digest ") + t.serial.toUtf8();
        const QString data = hsm.writeFile(QStringLiteral("to-sign.bin"), ec ? QCryptographicHash::hash(message, QCryptographicHash::Sha256) : message);
        const QString sig = hsm.dir() + QStringLiteral("/signature.bin");
        QFile::remove(sig);
        bool ok = false;
        hsm.run(QStringLiteral("pkcs11-tool"),
                {QStringLiteral("--module"), SoftHsmFixture::softHsmModule(), QStringLiteral("--token-label"), t.label, QStringLiteral("--login"),
                 QStringLiteral("--pin"), kPin, QStringLiteral("--sign"), QStringLiteral("--id"), idHex, QStringLiteral("--mechanism"),
                 ec ? QStringLiteral("ECDSA") : QStringLiteral("SHA256-RSA-PKCS"), QStringLiteral("--signature-format"),
                 QStringLiteral("openssl"), QStringLiteral("-i"), data, QStringLiteral("-o"), sig},
                &ok);
        if (!ok)
            return false;
        const QString cert = hsm.writeFile(QStringLiteral("signer.der"), certDer);
        const QByteArray pub = hsm.run(QStringLiteral("openssl"), {QStringLiteral("x509"), QStringLiteral("-inform"), QStringLiteral("DER"),
                                                                   QStringLiteral("-in"), cert, QStringLiteral("-pubkey"), QStringLiteral("-noout")},
                                       &ok);
        if (!ok)
            return false;
        const QString pubFile = hsm.writeFile(QStringLiteral("signer-pub.pem"), pub);
        if (ec) {
            const QByteArray verdict = hsm.run(QStringLiteral("openssl"), {QStringLiteral("pkeyutl"), QStringLiteral("-verify"), QStringLiteral("-pubin"),
                                                                           QStringLiteral("-inkey"), pubFile, QStringLiteral("-in"), data,
                                                                           QStringLiteral("-sigfile"), sig},
                                               &ok);
            return ok && verdict.contains("Signature Verified Successfully");
        }
        const QByteArray verdict = hsm.run(QStringLiteral("openssl"), {QStringLiteral("dgst"), QStringLiteral("-sha256"), QStringLiteral("-verify"),
                                                                       pubFile, QStringLiteral("-signature"), sig, data},
                                           &ok);
        return ok && verdict.contains("Verified OK");
    }

    // The SubjectPublicKeyInfo of a certificate, as the openssl tool reads it.
    QByteArray publicKeyOf(const QByteArray &certDer)
    {
        const QString file = hsm.writeFile(QStringLiteral("pubkey-of.der"), certDer);
        bool ok = false;
        const QByteArray pem = hsm.run(QStringLiteral("openssl"), {QStringLiteral("x509"), QStringLiteral("-inform"), QStringLiteral("DER"),
                                                                   QStringLiteral("-in"), file, QStringLiteral("-pubkey"), QStringLiteral("-noout")},
                                       &ok);
        QByteArray b64;
        for (const QByteArray &line : pem.split('\n'))
            if (!line.startsWith("-----"))
                b64 += line.trimmed();
        return ok ? QByteArray::fromBase64(b64) : QByteArray();
    }

    int issuedFor(const QString &appId) const
    {
        return sandbox->queryInt(QStringLiteral("SELECT COUNT(*) FROM certificates WHERE application_id = ?"), {appId});
    }

private:
    int m_scratch = 0;
};

} // namespace keyops_test
