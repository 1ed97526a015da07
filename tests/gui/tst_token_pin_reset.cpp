// PIN reset (密码重置 / 解锁) end to end: SoftHSM through the shim (a PIN that
// locks after 3 wrong tries) whose SO PIN is the one the sandbox derives for
// the key's serial (`ca-sandbox admin so-pin SERIAL`), a real ca-sandbox and
// its outbox (the text message with the code). A locked key is shown as locked
// with the reset offered; the right code unlocks it with a new PIN; wrong codes
// say how many tries are left and the third closes the request; an expired
// code has its own sentence. A key whose SO PIN is not the platform's refuses
// the unlock: the user is told to call the CA centre with the request number
// and is not invited to try again. A PIN-pad key is reset without the pad.
// Every log line of the test goes to a file (a message handler); the SO PIN
// and the new PIN must appear neither there nor in the settings file nor in
// the SQLite store. PIN outcomes are checked with pkcs11-tool --login on
// SoftHSM itself, not through our own code.
#include "SandboxProcess.h"
#include "SoftHsmFixture.h"
#include "tst_token_commands.h"
#include "tst_token_support.h"

#include "core/platform/PlatformCall.h"
#include "core/platform/PlatformClient.h"
#include "core/store/LocalStore.h"
#include "pkcs11/TokenCommand.h"
#include "pkcs11/TokenService.h"
#include "ui/AppSettings.h"
#include "ui/ClientContext.h"
#include "ui/MessageSeam.h"
#include "ui/TokenPanel.h"
#include "ui/token/PinResetDialog.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QFile>
#include <QLabel>
#include <QLoggingCategory>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>
#include <mutex>

using namespace ca;
using namespace ca::ui;
using toktest::pin;
using toktest::runCommand;

namespace {
const QString kPin = QStringLiteral("123456");
const QString kLabel = QStringLiteral("重置令牌");

const QString kNewPin = QStringLiteral("86420975");

QString wrong(const QString &code)
{
    return QStringLiteral("%1").arg((code.toInt() + 7) % 1000000, 6, 10, QLatin1Char('0'));
}

// Every log line (any thread) also goes to a file, to be searched for secrets afterwards.
std::mutex g_logMutex;
QFile *g_logFile = nullptr;
QtMessageHandler g_previousHandler = nullptr;

void logToFile(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    {
        std::lock_guard<std::mutex> lock(g_logMutex);
        if (g_logFile) {
            g_logFile->write(qFormatLogMessage(type, context, message).toUtf8() + QByteArray(" [") +
                             QByteArray(context.category ? context.category : "") + "] " + message.toUtf8() + '\n');
            g_logFile->flush();
        }
    }
    if (g_previousHandler)
        g_previousHandler(type, context, message);
}

// Where `secret` appears in the bytes of `file` (as UTF-8 or UTF-16), or "".
QString findSecret(const QString &file, const QString &secret)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QByteArray bytes = f.readAll();
    const QByteArray utf16(reinterpret_cast<const char *>(secret.utf16()), secret.size() * 2);
    if (bytes.contains(secret.toUtf8()) || bytes.contains(utf16))
        return file;
    return {};
}
} // namespace

class TestTokenPinReset : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void lockedKeyIsResetWithTheRightCode();
    void wrongCodesCloseTheRequest();
    void expiredCode();
    void wrongSoPinSendsToTheCentre();
    void pinPadKeyIsResetFromTheComputer();
    void secretsAreWrittenNowhere();
    void cleanupTestCase();

private:
    // pkcs11-tool --login with `pin` on SoftHSM itself: does the key accept it?
    bool softHsmAccepts(const QString &userPin)
    {
        bool ok = false;
        m_hsm.listObjects(kLabel, userPin, QString(), &ok);
        return ok;
    }
    // Sets SoftHSM's SO PIN (logged in as SO with the current one).
    bool setSoPin(const QString &current, const QString &next)
    {
        bool ok = false;
        m_hsm.run(QStringLiteral("pkcs11-tool"),
                  {QStringLiteral("--module"), SoftHsmFixture::softHsmModule(), QStringLiteral("--token-label"), kLabel,
                   QStringLiteral("--login"), QStringLiteral("--login-type"), QStringLiteral("so"), QStringLiteral("--so-pin"),
                   current, QStringLiteral("--change-pin"), QStringLiteral("--new-pin"), next},
                  &ok);
        return ok;
    }
    // Types the code and the new PIN, clicks 重置; waits for the answer.
    void resetWith(PinResetDialog *dialog, const QString &code, const QString &newPin)
    {
        QTest::keyClicks(in<QLineEdit>(dialog, "codeEdit"), code);
        QTest::keyClicks(in<QLineEdit>(dialog, "newPinEdit"), newPin);
        QTest::keyClicks(in<QLineEdit>(dialog, "repeatPinEdit"), newPin);
        QTest::mouseClick(in<QPushButton>(dialog, "resetButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isBusy(), 30000);
    }
    QString m_soPin;         // the platform's SO PIN for the key
    QString m_logPath;
    QStringList m_settingsFiles;
    QStringList m_storeFiles;

    void lockKey();
    QString lastCode();
    PinResetDialog *openDialog();
    template<typename T> T *in(QWidget *w, const char *name) const
    {
        T *c = w->findChild<T *>(QLatin1String(name));
        if (!c)
            qWarning() << "no child" << name;
        return c;
    }

    SoftHsmFixture m_hsm;
    QString m_serial;
    std::unique_ptr<test::SandboxProcess> m_sandbox;
    std::unique_ptr<test::SandboxHttp> m_http;
    QTemporaryDir m_dir;
    toktest::Client m_c;
    std::unique_ptr<TokenPanel> m_panel;
};

void TestTokenPinReset::initTestCase()
{
    QVERIFY2(m_hsm.isValid(), qPrintable(m_hsm.errorString()));
    m_sandbox = std::make_unique<test::SandboxProcess>();
    QVERIFY2(m_sandbox->start(), qPrintable(m_sandbox->lastError()));
    m_http = std::make_unique<test::SandboxHttp>(*m_sandbox);
    QVERIFY(m_http->login(QStringLiteral("supplier")));

    m_hsm.useShim();
    m_serial = m_hsm.initToken(kLabel, QStringLiteral("11111111"), kPin);
    QVERIFY2(!m_serial.isEmpty(), qPrintable(m_hsm.errorString()));
    // the key's SO PIN is the one the platform derives for its serial
    const auto admin = m_sandbox->runAdmin({QStringLiteral("so-pin"), m_serial});
    QCOMPARE(admin.exitCode, 0);
    const QString soPin = QString::fromLatin1(admin.out).trimmed();
    QCOMPARE(soPin.size(), 16);
    m_soPin = soPin;
    // every log line of the test into a file
    m_logPath = m_dir.filePath(QStringLiteral("test.log"));
    g_logFile = new QFile(m_logPath);
    QVERIFY(g_logFile->open(QIODevice::WriteOnly | QIODevice::Append));
    g_previousHandler = qInstallMessageHandler(logToFile);
    QLoggingCategory::setFilterRules(QStringLiteral("ca.*=true"));
    bool ok = false;
    m_hsm.run(QStringLiteral("pkcs11-tool"),
              {QStringLiteral("--module"), SoftHsmFixture::softHsmModule(), QStringLiteral("--token-label"), kLabel,
               QStringLiteral("--login"), QStringLiteral("--login-type"), QStringLiteral("so"), QStringLiteral("--so-pin"),
               QStringLiteral("11111111"), QStringLiteral("--change-pin"), QStringLiteral("--new-pin"), soPin},
              &ok);
    QVERIFY2(ok, qPrintable(m_hsm.errorString()));
    QVERIFY(m_hsm.setTokenPresent(true));
}

void TestTokenPinReset::init()
{
    static int n = 0;
    ++n;
    QJsonObject config;
    config.insert(QStringLiteral("max_pin_tries"), 3);
    QVERIFY(m_hsm.writeShimConfig(config));
    QVERIFY(m_c.open(*m_sandbox, m_dir.path(), n, QStringLiteral(CA_SHIM_PATH)));
    m_settingsFiles << toktest::Client::settingsPath(m_dir.path(), n);
    m_storeFiles << toktest::Client::storePath(m_dir.path(), n);
    m_panel = std::make_unique<TokenPanel>(*m_c.context);
    m_panel->show();
    QTRY_COMPARE_WITH_TIMEOUT(m_panel->tokens().size(), qsizetype(1), 30000);
}

void TestTokenPinReset::cleanup()
{
    m_panel.reset();
    m_c.close();
}

void TestTokenPinReset::lockKey()
{
    const p11::TokenRef ref{m_serial, QString(), QString()};
    for (int i = 0; i < 3; ++i)
        QVERIFY(!runCommand(m_c.service->verifyPin(ref, pin(QStringLiteral("000000")))).ok());
    QVERIFY(!runCommand(m_c.service->verifyPin(ref, pin(kPin))).ok());  // locked: even the right PIN is refused
    const int before = m_panel->scanCount();
    m_panel->rescan();
    QTRY_VERIFY_WITH_TIMEOUT(m_panel->scanCount() > before, 30000);
}

QString TestTokenPinReset::lastCode()
{
    const QJsonArray items =
        m_http->get(QStringLiteral("/api/v1/dev/outbox")).json().value(QStringLiteral("items")).toArray();
    if (items.isEmpty())
        return {};
    // the code follows 验证码; the key's serial in the same message may hold six digits in a row too
    return QRegularExpression(QStringLiteral("验证码[:：]\\s*([0-9]{6})"))
        .match(items.last().toObject().value(QStringLiteral("text")).toString())
        .captured(1);
}

PinResetDialog *TestTokenPinReset::openDialog()
{
    QTest::mouseClick(m_panel->findChild<QPushButton *>(QStringLiteral("resetPinButton")), Qt::LeftButton);
    auto *dialog = m_panel->findChild<PinResetDialog *>();
    if (!dialog)
        return nullptr;
    QTest::mouseClick(in<QPushButton>(dialog, "requestButton"), Qt::LeftButton);
    if (!QTest::qWaitFor([&] { return !dialog->requestId().isEmpty() || dialog->message().contains(QStringLiteral("not")); },
                         30000))
        return nullptr;
    return dialog;
}

void TestTokenPinReset::lockedKeyIsResetWithTheRightCode()
{
    lockKey();
    auto *state = m_panel->findChild<QLabel *>(QStringLiteral("pinStateValue"));
    QCOMPARE(state->property("pinState").toString(), QStringLiteral("locked"));
    QVERIFY(!m_panel->findChild<QPushButton *>(QStringLiteral("changePinButton"))->isEnabled());
    QVERIFY(m_panel->findChild<QPushButton *>(QStringLiteral("resetPinButton"))->isDefault());

    PinResetDialog *dialog = openDialog();
    QVERIFY(dialog);
    QVERIFY2(!dialog->requestId().isEmpty(), qPrintable(dialog->message()));
    QVERIFY2(dialog->message().startsWith(QStringLiteral("A verification code was sent to the registered mobile")),
             qPrintable(dialog->message()));
    QVERIFY(in<QLabel>(dialog, "pinStateLabel")->text().contains(QStringLiteral("locked")));
    const QString code = lastCode();
    QCOMPARE(code.size(), 6);
    QTest::keyClicks(in<QLineEdit>(dialog, "codeEdit"), code);
    QTest::keyClicks(in<QLineEdit>(dialog, "newPinEdit"), kNewPin);
    QTest::keyClicks(in<QLineEdit>(dialog, "repeatPinEdit"), kNewPin);
    QTest::mouseClick(in<QPushButton>(dialog, "resetButton"), Qt::LeftButton);
    // the PIN fields are cleared as soon as the PIN is taken
    QVERIFY(in<QLineEdit>(dialog, "newPinEdit")->text().isEmpty());
    QVERIFY(in<QLineEdit>(dialog, "repeatPinEdit")->text().isEmpty());
    QTRY_VERIFY2_WITH_TIMEOUT(dialog->succeeded(), qPrintable(dialog->message()), 30000);
    QCOMPARE(dialog->message(), QStringLiteral("The PIN was reset and the key is unlocked. Use the new PIN from now on."));
    QTRY_COMPARE_WITH_TIMEOUT(state->property("pinState").toString(), QStringLiteral("ok"), 30000);
    QVERIFY(m_panel->findChild<QPushButton *>(QStringLiteral("changePinButton"))->isEnabled());

    // SoftHSM itself: the new PIN logs in, the old one does not
    QVERIFY(softHsmAccepts(kNewPin));
    QVERIFY(!softHsmAccepts(kPin));
    const p11::TokenRef ref{m_serial, QString(), QString()};
    QVERIFY(runCommand(m_c.service->changePin(ref, pin(kNewPin), pin(kPin))).ok());
    QVERIFY(softHsmAccepts(kPin));
    QVERIFY(!dialog->message().contains(m_soPin));
    dialog->close();
}

void TestTokenPinReset::wrongCodesCloseTheRequest()
{
    PinResetDialog *dialog = openDialog();
    QVERIFY(dialog);
    QVERIFY2(!dialog->requestId().isEmpty(), qPrintable(dialog->message()));
    const QString code = lastCode();
    QCOMPARE(code.size(), 6);
    auto *codeEdit = in<QLineEdit>(dialog, "codeEdit");
    auto *newEdit = in<QLineEdit>(dialog, "newPinEdit");
    auto *repeatEdit = in<QLineEdit>(dialog, "repeatPinEdit");
    auto *reset = in<QPushButton>(dialog, "resetButton");
    for (int i = 1; i <= 3; ++i) {
        codeEdit->clear();
        newEdit->clear();
        repeatEdit->clear();
        QTest::keyClicks(codeEdit, wrong(code));
        QTest::keyClicks(newEdit, QStringLiteral("135790"));
        QTest::keyClicks(repeatEdit, QStringLiteral("135790"));
        QTest::mouseClick(reset, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isBusy(), 30000);
        if (i < 3) {
            QVERIFY2(dialog->message().contains(QStringLiteral("wrong")), qPrintable(dialog->message()));
            QVERIFY2(dialog->message().contains(QStringLiteral("(%1 tr").arg(3 - i)), qPrintable(dialog->message()));
            QVERIFY(!dialog->requestId().isEmpty());
        }
    }
    QCOMPARE(dialog->message(),
             QStringLiteral("This PIN reset request was closed after 3 wrong codes. Send a new code to start again."));
    QVERIFY(dialog->requestId().isEmpty());
    QVERIFY(!reset->isEnabled());
    QVERIFY(!codeEdit->isEnabled());
    QVERIFY(!dialog->succeeded());
    // the PIN is unchanged
    QVERIFY(softHsmAccepts(kPin));
    QVERIFY(!softHsmAccepts(QStringLiteral("135790")));
    dialog->close();
}

void TestTokenPinReset::expiredCode()
{
    PinResetDialog *dialog = openDialog();
    QVERIFY(dialog);
    QVERIFY2(!dialog->requestId().isEmpty(), qPrintable(dialog->message()));
    const QString code = lastCode();
    QCOMPARE(code.size(), 6);
    // five minutes and a second later (the sandbox's clock)
    m_sandbox->setExtraArgs({QStringLiteral("--clock-offset"), QStringLiteral("301")});
    QVERIFY2(m_sandbox->restart(), qPrintable(m_sandbox->lastError()));
    m_http->rebase(*m_sandbox);
    QVERIFY(m_http->login(QStringLiteral("supplier")));
    QVERIFY(m_c.connect(*m_sandbox));
    QTest::keyClicks(in<QLineEdit>(dialog, "codeEdit"), code);
    QTest::keyClicks(in<QLineEdit>(dialog, "newPinEdit"), QStringLiteral("135790"));
    QTest::keyClicks(in<QLineEdit>(dialog, "repeatPinEdit"), QStringLiteral("135790"));
    QTest::mouseClick(in<QPushButton>(dialog, "resetButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isBusy(), 30000);
    QCOMPARE(dialog->message(), QStringLiteral("The verification code has expired (codes are valid for 5 minutes). "
                                               "Send a new code and type the new one."));
    QVERIFY(dialog->requestId().isEmpty());
    QVERIFY(in<QPushButton>(dialog, "requestButton")->isEnabled());
    QVERIFY(softHsmAccepts(kPin));
    QVERIFY(!softHsmAccepts(QStringLiteral("135790")));
    dialog->close();
    // the sandbox's clock back to now for the tests after this one
    m_sandbox->setExtraArgs({});
    QVERIFY2(m_sandbox->restart(), qPrintable(m_sandbox->lastError()));
    m_http->rebase(*m_sandbox);
    QVERIFY(m_http->login(QStringLiteral("supplier")));
    QVERIFY(m_c.connect(*m_sandbox));
}

void TestTokenPinReset::wrongSoPinSendsToTheCentre()
{
    // the key's SO PIN is not the one the platform knows (e.g. the key was initialised elsewhere)
    QVERIFY(setSoPin(m_soPin, QStringLiteral("99999999")));
    cleanup();  // the key service reads the key again from the start (SoftHSM keeps the token in memory)
    init();
    PinResetDialog *dialog = openDialog();
    QVERIFY(dialog);
    QVERIFY2(!dialog->requestId().isEmpty(), qPrintable(dialog->message()));
    const QString requestId = dialog->requestId();
    resetWith(dialog, lastCode(), kNewPin);
    QVERIFY(!dialog->succeeded());
    const QString message = dialog->message();
    // its own sentence: the authorisation does not fit, nothing changed, do not retry, call the centre with the number
    QVERIFY2(message.contains(QStringLiteral("does not fit this USB key")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("nothing was changed")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("Do not try the reset again")), qPrintable(message));
    QVERIFY2(message.contains(requestId), qPrintable(message));
    // not the user-PIN sentence, and no invitation to send a new code
    QVERIFY2(!message.contains(QStringLiteral("The PIN is incorrect")), qPrintable(message));
    QVERIFY2(!message.contains(QStringLiteral("Send a new code")), qPrintable(message));
    QVERIFY(dialog->isStopped());
    auto *request = in<QPushButton>(dialog, "requestButton");
    QVERIFY(!request->isEnabled());
    QVERIFY2(request->toolTip().contains(QStringLiteral("CA centre")), qPrintable(request->toolTip()));
    QVERIFY(!in<QPushButton>(dialog, "resetButton")->isEnabled());
    // nothing changed on the key
    QVERIFY(softHsmAccepts(kPin));
    QVERIFY(!softHsmAccepts(kNewPin));
    dialog->close();
    QVERIFY(setSoPin(QStringLiteral("99999999"), m_soPin));
    cleanup();
    init();
}

void TestTokenPinReset::pinPadKeyIsResetFromTheComputer()
{
    QVERIFY(m_hsm.writeShimConfig(QJsonObject{{QStringLiteral("max_pin_tries"), 3},
                                              {QStringLiteral("pin_pad"), true},
                                              {QStringLiteral("pin_pad_pin"), kPin}}));
    const int before = m_panel->scanCount();
    m_panel->rescan();
    QTRY_VERIFY_WITH_TIMEOUT(m_panel->scanCount() > before, 30000);
    QVERIFY(m_panel->currentToken()->token.protectedAuthPath);
    PinResetDialog *dialog = openDialog();
    QVERIFY(dialog);
    QVERIFY2(!dialog->requestId().isEmpty(), qPrintable(dialog->message()));
    // what the pad will (not) ask is said before anything is done
    const QString state = in<QLabel>(dialog, "pinStateLabel")->text();
    QVERIFY2(state.contains(QStringLiteral("PIN pad")) && state.contains(QStringLiteral("nothing is typed on the reader")),
             qPrintable(state));
    resetWith(dialog, lastCode(), kNewPin);
    QVERIFY2(dialog->succeeded(), qPrintable(dialog->message()));
    QVERIFY(softHsmAccepts(kNewPin));
    QVERIFY(!softHsmAccepts(kPin));
    dialog->close();
    QVERIFY(m_hsm.writeShimConfig());
    QVERIFY(runCommand(m_c.service->changePin(p11::TokenRef{m_serial, QString(), QString()}, pin(kNewPin), pin(kPin))).ok());
    QVERIFY(softHsmAccepts(kPin));
}

void TestTokenPinReset::secretsAreWrittenNowhere()
{
    // (runs after the resets above: they had the SO PIN in memory and set kNewPin)
    cleanup();  // the store and the settings written out and closed
    QVERIFY(!m_storeFiles.isEmpty());
    // the log handler saw the client's work (so a secret logged would have been found) ...
    {
        std::lock_guard<std::mutex> lock(g_logMutex);
        g_logFile->flush();
    }
    QFile log(m_logPath);
    QVERIFY(log.open(QIODevice::ReadOnly));
    const QByteArray text = log.readAll();
    QVERIFY2(text.contains("pin-resets"), "the log file does not hold the client's requests: the scan would prove nothing");
    QVERIFY2(text.contains("C_InitPIN") || text.contains("token command"), "the log file does not hold the key's commands");
    // ... and a secret written there is found by the scan
    qInfo() << "canary" << QStringLiteral("Zq7-canary-Zq7");
    QCOMPARE(findSecret(m_logPath, QStringLiteral("Zq7-canary-Zq7")), m_logPath);
    // neither the SO PIN nor the new PIN in the log, the settings or the store (with its journal files)
    QStringList files{m_logPath};
    files << m_settingsFiles;
    for (const QString &store : std::as_const(m_storeFiles))
        files << store << store + QStringLiteral("-wal") << store + QStringLiteral("-journal") << store + QStringLiteral("-shm");
    for (const QString &secret : {m_soPin, kNewPin})
        for (const QString &file : std::as_const(files))
            QVERIFY2(findSecret(file, secret).isEmpty(), qPrintable(QStringLiteral("a PIN is in %1").arg(file)));
    init();  // cleanup() runs after this function
}

void TestTokenPinReset::cleanupTestCase()
{
    qInstallMessageHandler(g_previousHandler);
    std::lock_guard<std::mutex> lock(g_logMutex);
    delete g_logFile;
    g_logFile = nullptr;
}

QTEST_MAIN(TestTokenPinReset)
#include "tst_token_pin_reset.moc"
