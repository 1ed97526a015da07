// PIN reset (密码重置 / 解锁) end to end: SoftHSM through the shim (a PIN that
// locks after 3 wrong tries) whose SO PIN is the one the sandbox derives for
// the key's serial (`ca-sandbox admin so-pin SERIAL`), a real ca-sandbox and
// its outbox (the text message with the code). A locked key is shown as locked
// with the reset offered; the right code unlocks it with a new PIN; wrong codes
// say how many tries are left and the third closes the request; an expired
// code has its own sentence.
#include "SandboxProcess.h"
#include "SoftHsmFixture.h"
#include "tst_token_commands.h"

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
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace ca;
using namespace ca::ui;
using toktest::pin;
using toktest::runCommand;

namespace {
const QString kPin = QStringLiteral("123456");
const QString kLabel = QStringLiteral("重置令牌");

QString wrong(const QString &code)
{
    return QStringLiteral("%1").arg((code.toInt() + 7) % 1000000, 6, 10, QLatin1Char('0'));
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

private:
    void lockKey();
    void connectClient();
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
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<LocalStore> m_store;
    std::unique_ptr<PlatformClient> m_client;
    std::unique_ptr<ClientContext> m_context;
    std::unique_ptr<p11::TokenService> m_service;
    ScriptedMessageSeam m_seam;
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
    bool ok = false;
    m_hsm.run(QStringLiteral("pkcs11-tool"),
              {QStringLiteral("--module"), SoftHsmFixture::softHsmModule(), QStringLiteral("--token-label"), kLabel,
               QStringLiteral("--login"), QStringLiteral("--login-type"), QStringLiteral("so"), QStringLiteral("--so-pin"),
               QStringLiteral("11111111"), QStringLiteral("--change-pin"), QStringLiteral("--new-pin"), soPin},
              &ok);
    QVERIFY2(ok, qPrintable(m_hsm.errorString()));
    QVERIFY(m_hsm.setTokenPresent(true));
}

void TestTokenPinReset::connectClient()
{
    m_settings->setValue(AppSettings::Key::ServerUrl, m_sandbox->url().toString());
    m_settings->setValue(AppSettings::Key::CaBundle, m_sandbox->caCertPath());
    QString error;
    QVERIFY2(m_context->applyConnectionSettings(&error), qPrintable(error));
    PlatformCall *login = m_client->login(QStringLiteral("supplier"), m_sandbox->password(QStringLiteral("supplier")));
    QVERIFY(login->waitForFinished(30000));
    QVERIFY(login->ok());
    delete login;
}

void TestTokenPinReset::init()
{
    static int n = 0;
    ++n;
    QJsonObject config;
    config.insert(QStringLiteral("max_pin_tries"), 3);
    QVERIFY(m_hsm.writeShimConfig(config));
    m_settings = std::make_unique<AppSettings>(m_dir.filePath(QStringLiteral("user%1.ini").arg(n)), QString());
    m_store = std::make_unique<LocalStore>();
    QVERIFY(m_store->open(m_dir.filePath(QStringLiteral("store%1.sqlite").arg(n))).ok());
    m_client = std::make_unique<PlatformClient>();
    m_context = std::make_unique<ClientContext>(*m_client, *m_store, *m_settings);
    m_seam = ScriptedMessageSeam();
    m_context->setMessageSeam(&m_seam);
    connectClient();
    m_service = std::make_unique<p11::TokenService>();
    m_service->setModulePath(QStringLiteral(CA_SHIM_PATH));
    m_context->setTokenService(m_service.get());
    m_panel = std::make_unique<TokenPanel>(*m_context);
    m_panel->show();
    QTRY_COMPARE_WITH_TIMEOUT(m_panel->tokens().size(), qsizetype(1), 30000);
}

void TestTokenPinReset::cleanup()
{
    m_panel.reset();
    m_context.reset();
    m_service.reset();
    m_client.reset();
    m_store.reset();
    m_settings.reset();
}

void TestTokenPinReset::lockKey()
{
    const p11::TokenRef ref{m_serial, QString(), QString()};
    for (int i = 0; i < 3; ++i)
        QVERIFY(!runCommand(m_service->verifyPin(ref, pin(QStringLiteral("000000")))).ok());
    QVERIFY(!runCommand(m_service->verifyPin(ref, pin(kPin))).ok());  // locked: even the right PIN is refused
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
    QTest::keyClicks(in<QLineEdit>(dialog, "newPinEdit"), QStringLiteral("246810"));
    QTest::keyClicks(in<QLineEdit>(dialog, "repeatPinEdit"), QStringLiteral("246810"));
    QTest::mouseClick(in<QPushButton>(dialog, "resetButton"), Qt::LeftButton);
    QTRY_VERIFY2_WITH_TIMEOUT(dialog->succeeded(), qPrintable(dialog->message()), 30000);
    QCOMPARE(dialog->message(), QStringLiteral("The PIN was reset and the key is unlocked. Use the new PIN from now on."));
    QTRY_COMPARE_WITH_TIMEOUT(state->property("pinState").toString(), QStringLiteral("ok"), 30000);
    QVERIFY(m_panel->findChild<QPushButton *>(QStringLiteral("changePinButton"))->isEnabled());

    const p11::TokenRef ref{m_serial, QString(), QString()};
    QVERIFY(!runCommand(m_service->verifyPin(ref, pin(kPin))).ok());
    QVERIFY(runCommand(m_service->verifyPin(ref, pin(QStringLiteral("246810")))).ok());
    QVERIFY(runCommand(m_service->changePin(ref, pin(QStringLiteral("246810")), pin(kPin))).ok());
    // the SO PIN is still the platform's (reset again works) and never shown
    QVERIFY(!dialog->message().contains(QString::fromLatin1(m_sandbox->runAdmin({QStringLiteral("so-pin"), m_serial}).out).trimmed()));
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
    QVERIFY(runCommand(m_service->verifyPin(p11::TokenRef{m_serial, QString(), QString()}, pin(kPin))).ok());
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
    connectClient();
    QTest::keyClicks(in<QLineEdit>(dialog, "codeEdit"), code);
    QTest::keyClicks(in<QLineEdit>(dialog, "newPinEdit"), QStringLiteral("135790"));
    QTest::keyClicks(in<QLineEdit>(dialog, "repeatPinEdit"), QStringLiteral("135790"));
    QTest::mouseClick(in<QPushButton>(dialog, "resetButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isBusy(), 30000);
    QCOMPARE(dialog->message(), QStringLiteral("The verification code has expired (codes are valid for 5 minutes). "
                                               "Send a new code and type the new one."));
    QVERIFY(dialog->requestId().isEmpty());
    QVERIFY(in<QPushButton>(dialog, "requestButton")->isEnabled());
    QVERIFY(runCommand(m_service->verifyPin(p11::TokenRef{m_serial, QString(), QString()}, pin(kPin))).ok());
    dialog->close();
}

QTEST_MAIN(TestTokenPinReset)
#include "tst_token_pin_reset.moc"
