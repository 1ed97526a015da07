// TokenService: commands run on the worker thread and finish asynchronously;
// cancel; the caller's event loop keeps running during a slow token call;
// hot-plug signals when the key is pulled out and plugged in again (the shim's
// presence file stands in for the USB port).
#include "SoftHsmFixture.h"

#include "pkcs11/CsrBuilder.h"
#include "pkcs11/Module.h"
#include "pkcs11/TokenService.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <atomic>

using namespace ca::p11;

namespace {
const QString kSo = QStringLiteral("87654321");
const QString kPin = QStringLiteral("123456");

SecureBuffer pin(const QString &text)
{
    QString copy = text;
    return SecureBuffer::takeString(copy);
}

// Starts the command and waits (in an event loop) for its result.
TokenResult runCommand(TokenCommand *cmd)
{
    TokenResult out;
    bool done = false;
    QObject::connect(cmd, &TokenCommand::finished, [&](const TokenResult &r) {
        out = r;
        done = true;
    });
    cmd->start();
    if (!QTest::qWaitFor([&] { return done; }, 60000))
        out.error = Error::make(ErrorKind::Generic, QStringLiteral("test: no answer within a minute"));
    return out;
}
}

class TestP11Service : public QObject
{
    Q_OBJECT

private:
    SoftHsmFixture m_hsm;
    QString m_label;
    QString m_serial;

    void writeConfig(const QJsonObject &o = QJsonObject()) { QVERIFY(m_hsm.writeShimConfig(o)); }
    void plugIn(bool present) { QVERIFY(m_hsm.setTokenPresent(present)); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_hsm.isValid(), qPrintable(m_hsm.errorString()));
        m_hsm.useShim();
        m_label = QStringLiteral("服务令牌");
        m_serial = m_hsm.initToken(m_label, kSo, kPin);
        QVERIFY2(!m_serial.isEmpty(), qPrintable(m_hsm.errorString()));
        QVERIFY(m_hsm.generateKeyPair(m_label, kPin, QStringLiteral("rsa:2048"), QStringLiteral("11"), QStringLiteral("k")));
    }

    void commandsRunOnTheWorker()
    {
        TokenService service;
        service.setModulePath(QStringLiteral(CA_SHIM_PATH));

        // every C_* call happens on the worker thread, never on this one
        std::atomic<int> callsHere{0};
        std::atomic<int> callsElsewhere{0};
        QThread *self = QThread::currentThread();
        Module::setCallObserver([&](const char *, CK_RV) {
            (QThread::currentThread() == self ? callsHere : callsElsewhere)++;
        });

        TokenResult list = runCommand(service.listTokens());
        QVERIFY2(list.ok(), qPrintable(list.ok() ? QString() : list.error->logText()));
        QCOMPARE(list.kind, TokenResult::Kind::ListTokens);
        QCOMPARE(list.modulePath, QStringLiteral(CA_SHIM_PATH));
        QCOMPARE(list.tokens.size(), 1);
        QCOMPARE(list.tokens[0].serial, m_serial);
        QCOMPARE(list.tokens[0].label, m_label);

        const TokenRef ref{m_serial, {}, {}};
        TokenResult read = runCommand(service.readToken(ref, pin(kPin)));
        QVERIFY(read.ok());
        QVERIFY(read.contents.loggedIn);
        QCOMPARE(read.contents.keys.size(), 1);

        TokenResult wrong = runCommand(service.verifyPin(ref, pin(QStringLiteral("000000"))));
        QVERIFY(!wrong.ok());
        QCOMPARE(wrong.error->kind(), ErrorKind::PinIncorrect);

        CsrRequest req;
        req.subject = QStringLiteral("/CN=张三/O=%1").arg(SoftHsmFixture::organisation());
        TokenResult csr = runCommand(service.createCsr(ref, pin(kPin), req));
        QVERIFY2(csr.ok(), qPrintable(csr.ok() ? QString() : csr.error->logText()));
        QVERIFY(CsrBuilder::derToPem(csr.csrDer).startsWith("-----BEGIN CERTIFICATE REQUEST-----"));

        TokenResult key = runCommand(service.generateKey(ref, pin(kPin), KeySpec::EcP256));
        QVERIFY(key.ok());
        QCOMPARE(key.key.bits, 256);

        const QByteArray spki = m_hsm.publicKeyDer(m_label, kPin, QString::fromLatin1(key.key.id.toHex()));
        const QByteArray cert = m_hsm.issueCertificate(spki, SoftHsmFixture::chineseSubject(), 365);
        TokenResult installed = runCommand(service.installCertificate(ref, pin(kPin), cert, QStringLiteral("新证书")));
        QVERIFY2(installed.ok(), qPrintable(installed.ok() ? QString() : installed.error->logText()));
        QCOMPARE(installed.certificate.id, key.key.id);
        QCOMPARE(installed.certificate.uscc, SoftHsmFixture::uscc());

        TokenResult missing = runCommand(service.readToken(TokenRef::fromLabelOrSerial(QStringLiteral("nope"))));
        QCOMPARE(missing.error->kind(), ErrorKind::TokenNotFound);

        Module::setCallObserver({});
        QCOMPARE(callsHere.load(), 0);
        QVERIFY(callsElsewhere.load() > 20);
    }

    void cancelBeforeStartTouchesNothing()
    {
        TokenService service;
        service.setModulePath(QStringLiteral(CA_SHIM_PATH));
        std::atomic<int> calls{0};
        Module::setCallObserver([&](const char *, CK_RV) { ++calls; });
        TokenCommand *cmd = service.changePin(TokenRef{m_serial, {}, {}}, pin(kPin), pin(QStringLiteral("99999999")));
        TokenResult r;
        bool done = false;
        connect(cmd, &TokenCommand::finished, this, [&](const TokenResult &res) { r = res; done = true; });
        cmd->cancel();
        QVERIFY(!done);  // answers come asynchronously, like every answer
        QTRY_VERIFY(done);
        QVERIFY(r.cancelled());
        Module::setCallObserver({});
        QCOMPARE(calls.load(), 0);

        // queued behind a slow command and cancelled while waiting
        writeConfig({{QStringLiteral("slow"), QJsonArray{QJsonObject{{QStringLiteral("function"), QStringLiteral("C_Login")}, {QStringLiteral("ms"), 500}}}}});
        TokenCommand *slow = service.verifyPin(TokenRef{m_serial, {}, {}}, pin(kPin));
        TokenCommand *queued = service.changePin(TokenRef{m_serial, {}, {}}, pin(kPin), pin(QStringLiteral("99999999")));
        bool slowDone = false, queuedDone = false;
        TokenResult queuedResult;
        connect(slow, &TokenCommand::finished, this, [&](const TokenResult &) { slowDone = true; });
        connect(queued, &TokenCommand::finished, this, [&](const TokenResult &res) { queuedResult = res; queuedDone = true; });
        slow->start();
        queued->start();
        queued->cancel();
        QTRY_VERIFY_WITH_TIMEOUT(slowDone && queuedDone, 30000);
        QVERIFY(queuedResult.cancelled());
        writeConfig({});
        // the PIN was not changed
        QVERIFY(runCommand(service.verifyPin(TokenRef{m_serial, {}, {}}, pin(kPin))).ok());
    }

    void callerKeepsRunningDuringSlowCalls()
    {
        writeConfig({{QStringLiteral("slow"), QJsonArray{QJsonObject{{QStringLiteral("function"), QStringLiteral("C_Sign")}, {QStringLiteral("ms"), 1500}}}}});
        TokenService service;
        service.setModulePath(QStringLiteral(CA_SHIM_PATH));
        int ticks = 0;
        QTimer timer;
        connect(&timer, &QTimer::timeout, this, [&] { ++ticks; });
        timer.start(50);
        CsrRequest req;
        req.subject = QStringLiteral("/CN=慢/O=%1").arg(SoftHsmFixture::organisation());
        req.keyId = QByteArray::fromHex("11");
        int ticksWhenDone = -1;
        TokenCommand *cmd = service.createCsr(TokenRef{m_serial, {}, {}}, pin(kPin), req);
        connect(cmd, &TokenCommand::finished, this, [&](const TokenResult &r) {
            QVERIFY(r.ok());
            ticksWhenDone = ticks;
        });
        cmd->start();
        QTRY_VERIFY_WITH_TIMEOUT(ticksWhenDone >= 0, 60000);
        // this thread's event loop ran while the token was signing
        QVERIFY2(ticksWhenDone > 0, qPrintable(QString::number(ticksWhenDone)));
        writeConfig({});
    }

    void hotPlug()
    {
        TokenService service;
        service.setModulePath(QStringLiteral(CA_SHIM_PATH));
        QSignalSpy inserted(&service, &TokenService::tokenInserted);
        QSignalSpy removed(&service, &TokenService::tokenRemoved);
        service.startWatching(200);
        QVERIFY(inserted.wait(10000));  // the first scan reports what is there
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(inserted.at(0).at(0).value<TokenInfo>().serial, m_serial);
        QCOMPARE(service.knownTokens().size(), 1);

        plugIn(false);
        QVERIFY(removed.wait(10000));
        QCOMPARE(removed.size(), 1);
        const TokenInfo gone = removed.at(0).at(0).value<TokenInfo>();
        QCOMPARE(gone.serial, m_serial);
        QCOMPARE(gone.label, m_label);
        QVERIFY(service.knownTokens().isEmpty());

        // work asked for while the key is out fails with "removed / not found", not a hang
        TokenResult r = runCommand(service.readToken(TokenRef{m_serial, {}, {}}));
        QVERIFY(!r.ok());
        QCOMPARE(r.error->kind(), ErrorKind::TokenNotFound);

        plugIn(true);
        QVERIFY(inserted.wait(10000));
        QCOMPARE(inserted.size(), 2);
        QCOMPARE(inserted.at(1).at(0).value<TokenInfo>().serial, m_serial);
        QCOMPARE(removed.size(), 1);
        QVERIFY(runCommand(service.readToken(TokenRef{m_serial, {}, {}})).ok());
    }

    void moduleThatDoesNotLoad()
    {
        TokenService service;
        service.setModulePath(m_hsm.dir() + QStringLiteral("/no-such-module.so"));
        // a configured path that fails falls back to discovery; a bad path
        // alone never leaves a command unanswered
        TokenResult r = runCommand(service.listTokens());
        QVERIFY(r.ok() || r.error->kind() == ErrorKind::ModuleLoad || r.error->kind() == ErrorKind::NoModule);
    }
};

QTEST_GUILESS_MAIN(TestP11Service)
#include "tst_p11_service.moc"
