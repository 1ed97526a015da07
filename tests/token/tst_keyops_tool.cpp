// `ca-tool token renew` and `ca-tool token pin-reset --server` as a user runs
// them (QProcess) against a real ca-sandbox over HTTPS and SoftHSM behind the
// shim. PINs, the password and the code go in through files only; the code
// file is a FIFO the test fills once the code is in the sandbox outbox.
#include "tst_keyops_support.h"

#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QtTest>

#include <sys/stat.h>

using namespace ca::test;
using namespace sandbox_ext_api;
using namespace keyops_test;

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QString err;
    QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
};

const QString kNewPin = QStringLiteral("654321");

} // namespace

class TestKeyopsTool : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void renewWritesTheCertificate();
    void renewRefusesAnUnpaidApplication();
    void secretsNeverOnArgv();
    void pinResetRightCode();
    void pinResetWrongCode();
    void pinResetExpiredCode();
    void renewRefusesANewKeyForARenewal();
    void pinResetWrongSoPin();
    void pinResetOnAPinPadKey();
    void pinResetRefusedOnSoFinalTry();

private:
    QStringList platform() const
    {
        return {QStringLiteral("--server"), m_w.sandbox->url().toString(), QStringLiteral("--ca-bundle"), m_w.sandbox->caCertPath(),
                QStringLiteral("--user"), QStringLiteral("supplier"), QStringLiteral("--password-file"), m_passwordFile};
    }
    QStringList token(const TokenSetup &t) const
    {
        return {QStringLiteral("--module"), QStringLiteral(CA_SHIM_PATH), QStringLiteral("--token"), t.serial};
    }
    Run tool(const QStringList &args)
    {
        QProcess p;
        p.setStandardInputFile(QProcess::nullDevice());
        p.start(QStringLiteral("setsid"), QStringList{QStringLiteral(CA_TOOL_BIN), QStringLiteral("token")} + args);
        return finish(p);
    }
    Run finish(QProcess &p)
    {
        Run r;
        // (the process may have ended already: waitForStarted() is false then)
        if (p.state() == QProcess::Starting && !p.waitForStarted(30000))
            return r;
        if (p.state() != QProcess::NotRunning && !p.waitForFinished(240000))
            return r;
        if (p.error() == QProcess::FailedToStart)
            return r;
        r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
        r.out = p.readAllStandardOutput();
        r.err = QString::fromUtf8(p.readAllStandardError());
        return r;
    }
    int outboxSize() { return int(m_w.http->get(QStringLiteral("/api/v1/dev/outbox")).json().value(QStringLiteral("items")).toArray().size()); }
    QString lastCode()
    {
        const QJsonArray items = m_w.http->get(QStringLiteral("/api/v1/dev/outbox")).json().value(QStringLiteral("items")).toArray();
        if (items.isEmpty())
            return {};
        return QRegularExpression(QStringLiteral("验证码：([0-9]{6})"))
            .match(items.last().toObject().value(QStringLiteral("text")).toString())
            .captured(1);
    }
    // A token whose SO PIN is the one the platform derives for its serial.
    TokenSetup resetToken(const QString &label);
    // Runs pin-reset --server; when the code is in the outbox, beforeCode() runs and
    // the code chosen by pickCode(code) is written into the FIFO the tool reads.
    Run pinReset(const TokenSetup &t, const std::function<QString(const QString &)> &pickCode,
                 const std::function<void()> &beforeCode = {});
    bool pinWorks(const TokenSetup &t, const QString &pin)
    {
        bool ok = false;
        m_w.hsm.listObjects(t.label, pin, QString(), &ok);
        return ok;
    }

    KeyopsWorld m_w;
    QString m_passwordFile, m_pinFile, m_newPinFile;
    int m_fifos = 0;
};

void TestKeyopsTool::initTestCase()
{
    QVERIFY(QFile::exists(QStringLiteral(CA_TOOL_BIN)));
    QString error;
    QVERIFY2(m_w.start(&error), qPrintable(error));
    m_passwordFile = m_w.hsm.writeFile(QStringLiteral("password.txt"), m_w.sandbox->password(QStringLiteral("supplier")).toUtf8() + "\n");
    m_pinFile = m_w.hsm.writeFile(QStringLiteral("pin.txt"), kPin.toUtf8() + "\n");
    m_newPinFile = m_w.hsm.writeFile(QStringLiteral("new-pin.txt"), kNewPin.toUtf8() + "\n");
}

void TestKeyopsTool::cleanupTestCase()
{
    m_w.http.reset();
    if (m_w.sandbox)
        QCOMPARE(m_w.sandbox->stop(), 0);
}

void TestKeyopsTool::renewWritesTheCertificate()
{
    const TokenSetup t = m_w.makeToken(QStringLiteral("tool"));
    QVERIFY(!t.serial.isEmpty());
    const QString id = m_w.approvedAndPaid(QStringLiteral("renewal"), t);
    QVERIFY(!id.isEmpty());
    const Run r = tool(QStringList{QStringLiteral("renew"), QStringLiteral("--application"), id, QStringLiteral("--pin-file"), m_pinFile,
                                   QStringLiteral("--json")}
                       + token(t) + platform());
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    // progress per step on stderr
    QVERIFY2(r.err.contains(QLatin1String("Creating the certificate request on the key")), qPrintable(r.err));
    QVERIFY(r.err.contains(QLatin1String("Writing the new certificate to the key")));
    QVERIFY(r.err.contains(QLatin1String("Checking the new certificate on the key")));
    QVERIFY(!r.err.contains(kPin) && !QString::fromUtf8(r.out).contains(kPin));
    const QJsonObject o = r.json();
    QVERIFY(o.value(QStringLiteral("ok")).toBool());
    QCOMPARE(o.value(QStringLiteral("key_state")).toString(), QStringLiteral("new_certificate_installed"));
    const QJsonObject cert = o.value(QStringLiteral("certificate")).toObject();
    QVERIFY(cert.value(QStringLiteral("days_left")).toInt() >= 728);
    QCOMPARE(cert.value(QStringLiteral("id")).toString(), kKeyId);
    const QList<QByteArray> certs = m_w.certificatesWithId(t, kKeyId);
    QCOMPARE(certs.size(), 1);
    QVERIFY(certs.first() != t.certDer);
    QCOMPARE(QSslCertificate(certs.first(), QSsl::Der).serialNumber().replace(':', "").toUpper(),
             cert.value(QStringLiteral("serial")).toString().toLatin1().toUpper());
    QCOMPARE(m_w.hsm.publicKeyDer(t.label, kPin, kKeyId), t.publicKey);
    QCOMPARE(m_w.issuedFor(id), 1);
}

void TestKeyopsTool::renewRefusesAnUnpaidApplication()
{
    const TokenSetup t = m_w.makeToken(QStringLiteral("unpaid"));
    QVERIFY(!t.serial.isEmpty());
    const QString id = createApplication(*m_w.http, QStringLiteral("renewal"), 1,
                                         QJsonObject{{QStringLiteral("certificate"), QJsonObject{{QStringLiteral("serial"), t.certSerial}}}});
    QVERIFY(submitAndApprove(*m_w.sandbox, *m_w.http, id, QStringLiteral("renewal")));
    const QString before = m_w.listing(t);
    const Run r = tool(QStringList{QStringLiteral("renew"), QStringLiteral("--application"), id, QStringLiteral("--pin-file"), m_pinFile}
                       + token(t) + platform());
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QLatin1String("has not been settled")), qPrintable(r.err));
    QVERIFY(r.err.contains(id));
    QCOMPARE(m_w.listing(t), before);

    // no --application: usage
    QCOMPARE(tool(QStringList{QStringLiteral("renew")} + token(t) + platform()).exitCode, 2);
}

void TestKeyopsTool::secretsNeverOnArgv()
{
    for (const QString &opt : {QStringLiteral("--password"), QStringLiteral("--code"), QStringLiteral("--pin")}) {
        const Run r = tool({QStringLiteral("renew"), QStringLiteral("--application"), QStringLiteral("A1"), opt, QStringLiteral("x")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("command line")), qPrintable(r.err));
    }
}

TokenSetup TestKeyopsTool::resetToken(const QString &label)
{
    TokenSetup t;
    t.label = label + QString::number(++m_w.tokens);
    t.serial = m_w.hsm.initToken(t.label, kSoPin, kPin);
    if (t.serial.isEmpty())
        return {};
    const auto admin = m_w.sandbox->runAdmin({QStringLiteral("so-pin"), t.serial});
    const QString soPin = QString::fromLatin1(admin.out).trimmed();
    if (admin.exitCode != 0 || soPin.isEmpty())
        return {};
    bool ok = false;
    m_w.hsm.run(QStringLiteral("pkcs11-tool"),
                {QStringLiteral("--module"), SoftHsmFixture::softHsmModule(), QStringLiteral("--token-label"), t.label, QStringLiteral("--login"),
                 QStringLiteral("--login-type"), QStringLiteral("so"), QStringLiteral("--so-pin"), kSoPin, QStringLiteral("--change-pin"),
                 QStringLiteral("--new-pin"), soPin},
                &ok);
    return ok ? t : TokenSetup{};
}

Run TestKeyopsTool::pinReset(const TokenSetup &t, const std::function<QString(const QString &)> &pickCode,
                                             const std::function<void()> &beforeCode)
{
    const QString fifo = m_w.hsm.dir() + QStringLiteral("/code-%1").arg(++m_fifos);
    if (::mkfifo(QFile::encodeName(fifo).constData(), 0600) != 0)
        return {};
    const int outbox = outboxSize();
    QProcess p;
    p.setStandardInputFile(QProcess::nullDevice());
    p.start(QStringLiteral("setsid"), QStringList{QStringLiteral(CA_TOOL_BIN), QStringLiteral("token"), QStringLiteral("pin-reset"),
                                                  QStringLiteral("--code-file"), fifo, QStringLiteral("--new-pin-file"), m_newPinFile}
                                          + token(t) + platform());
    if (!QTest::qWaitFor([&] { return outboxSize() > outbox || p.state() == QProcess::NotRunning; }, 120000) || p.state() == QProcess::NotRunning)
        return finish(p);
    const QString code = lastCode();
    if (beforeCode)
        beforeCode();
    QFile f(fifo);  // blocks until the tool opens it for reading
    if (f.open(QIODevice::WriteOnly)) {
        f.write(pickCode(code).toLatin1() + "\n");
        f.close();
    }
    return finish(p);
}

void TestKeyopsTool::pinResetRightCode()
{
    const TokenSetup t = resetToken(QStringLiteral("reset-ok"));
    QVERIFY(!t.serial.isEmpty());
    const Run r = pinReset(t, [](const QString &code) { return code; });
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(QString::fromUtf8(r.out).contains(QLatin1String("reset")), r.out.constData());
    QVERIFY(r.err.contains(QLatin1String("verification code was sent")));
    QVERIFY(pinWorks(t, kNewPin));
    QVERIFY(!pinWorks(t, kPin));
    const QString soPin = QString::fromLatin1(m_w.sandbox->runAdmin({QStringLiteral("so-pin"), t.serial}).out).trimmed();
    QVERIFY(!r.err.contains(soPin) && !QString::fromUtf8(r.out).contains(soPin));
}

void TestKeyopsTool::pinResetWrongCode()
{
    const TokenSetup t = resetToken(QStringLiteral("reset-wrong"));
    QVERIFY(!t.serial.isEmpty());
    const Run r = pinReset(t, [](const QString &code) { return QStringLiteral("%1").arg((code.toInt() + 7) % 1000000, 6, 10, QLatin1Char('0')); });
    QCOMPARE(r.exitCode, 4);
    QVERIFY2(r.err.contains(QLatin1String("verification code is wrong")), qPrintable(r.err));
    QVERIFY(pinWorks(t, kPin));
    QVERIFY(!pinWorks(t, kNewPin));
}

void TestKeyopsTool::pinResetExpiredCode()
{
    const TokenSetup t = resetToken(QStringLiteral("reset-late"));
    QVERIFY(!t.serial.isEmpty());
    const QString port = QString::number(m_w.sandbox->url().port());
    const Run r = pinReset(t, [](const QString &code) { return code; }, [&] {
        // six minutes later on the server clock, same address
        m_w.sandbox->setExtraArgs(m_w.sandboxArgs({QStringLiteral("--clock-offset"), QStringLiteral("361"), QStringLiteral("--listen"),
                                                   QStringLiteral("127.0.0.1:") + port}));
        QVERIFY2(m_w.sandbox->restart(), qPrintable(m_w.sandbox->lastError()));
        QCOMPARE(QString::number(m_w.sandbox->url().port()), port);
        m_w.http->rebase(*m_w.sandbox);
    });
    QCOMPARE(r.exitCode, 5);
    QVERIFY2(r.err.contains(QLatin1String("has expired")), qPrintable(r.err));
    QVERIFY(pinWorks(t, kPin));
}

void TestKeyopsTool::renewRefusesANewKeyForARenewal()
{
    const TokenSetup t = m_w.makeToken(QStringLiteral("tool-newkey"));
    QVERIFY(!t.serial.isEmpty());
    const QString id = m_w.approvedAndPaid(QStringLiteral("renewal"), t);
    QVERIFY(!id.isEmpty());
    const QString before = m_w.listing(t);
    const Run r = tool(QStringList{QStringLiteral("renew"), QStringLiteral("--application"), id, QStringLiteral("--new-key"),
                                   QStringLiteral("--pin-file"), m_pinFile}
                       + token(t) + platform());
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QLatin1String("only for a change application")), qPrintable(r.err));
    QCOMPARE(m_w.listing(t), before);  // no key pair was made
    QCOMPARE(m_w.issuedFor(id), 0);
}

// The platform's SO PIN does not fit the key (its SO PIN was never set to
// the platform's): its own sentence (do not retry, call the CA centre), the
// reset request id with the CKR, the PIN unchanged.
void TestKeyopsTool::pinResetWrongSoPin()
{
    TokenSetup t;
    t.label = QStringLiteral("reset-so") + QString::number(++m_w.tokens);
    t.serial = m_w.hsm.initToken(t.label, kSoPin, kPin);
    QVERIFY(!t.serial.isEmpty());
    const Run r = pinReset(t, [](const QString &code) { return code; });
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QLatin1String("unlock authorisation does not fit this USB key")), qPrintable(r.err));
    QVERIFY(r.err.contains(QLatin1String("Do not try the PIN reset again")));
    QVERIFY(!r.err.contains(QLatin1String("The PIN is incorrect")));
    QVERIFY2(QRegularExpression(QStringLiteral("CKR_PIN_INCORRECT.*PIN reset request \\S+")).match(r.err).hasMatch(), qPrintable(r.err));
    QVERIFY(pinWorks(t, kPin));
    QVERIFY(!pinWorks(t, kNewPin));
}

// A PIN-pad key: the SO PIN from the platform and the new PIN from the
// computer are sent to the module (the shim's pad would type a wrong SO PIN).
void TestKeyopsTool::pinResetOnAPinPadKey()
{
    const TokenSetup t = resetToken(QStringLiteral("reset-pad"));
    QVERIFY(!t.serial.isEmpty());
    QVERIFY(m_w.hsm.setTokenPresent(true));
    QVERIFY(m_w.hsm.writeShimConfig(QJsonObject{{QStringLiteral("pin_pad"), true},
                                                {QStringLiteral("pin_pad_pin"), kPin},
                                                {QStringLiteral("pin_pad_so_pin"), QStringLiteral("00000000")}}));
    const Run r = pinReset(t, [](const QString &code) { return code; });
    QVERIFY(m_w.hsm.writeShimConfig());
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(pinWorks(t, kNewPin));  // SoftHSM directly
    QVERIFY(!pinWorks(t, kPin));
}

// The key says its SO PIN is on its final try: no code is requested and
// nothing is tried (one mismatch would lock the key for good).
void TestKeyopsTool::pinResetRefusedOnSoFinalTry()
{
    const TokenSetup t = resetToken(QStringLiteral("reset-final"));
    QVERIFY(!t.serial.isEmpty());
    QVERIFY(m_w.hsm.setTokenPresent(true));
    QVERIFY(m_w.hsm.writeShimConfig(QJsonObject{{QStringLiteral("so_pin_state"), QStringLiteral("final_try")}}));
    const int outbox = outboxSize();
    const Run r = pinReset(t, [](const QString &code) { return code; });
    QVERIFY(m_w.hsm.writeShimConfig());
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QLatin1String("only one try left")) && r.err.contains(QLatin1String("Call the CA centre")), qPrintable(r.err));
    QCOMPARE(outboxSize(), outbox);  // no code was sent
    QVERIFY(pinWorks(t, kPin));
}

QTEST_GUILESS_MAIN(TestKeyopsTool)
#include "tst_keyops_tool.moc"
