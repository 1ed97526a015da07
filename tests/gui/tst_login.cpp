// LoginDialog against a real ca-sandbox: right password, wrong password,
// locked account, TLS failure (a CA bundle without the sandbox CA) and an
// unreachable port each give their own message; the password never stays in
// the widget nor reaches the settings file.

#include "SandboxProcess.h"

#include "core/platform/PlatformClient.h"
#include "core/store/LocalStore.h"
#include "ui/AppSettings.h"
#include "ui/ClientContext.h"
#include "ui/LoginDialog.h"
#include "ui/MessageSeam.h"

#include <QFile>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace ca;
using namespace ca::ui;

namespace {

struct Env {
    QTemporaryDir dir;
    std::unique_ptr<AppSettings> settings;
    LocalStore store;
    PlatformClient client;
    ScriptedMessageSeam seam;
    std::unique_ptr<ClientContext> context;

    explicit Env(const QString &server, const QString &bundle)
    {
        settings = std::make_unique<AppSettings>(dir.filePath(QStringLiteral("user.ini")), QString());
        settings->setValue(AppSettings::Key::ServerUrl, server);
        settings->setValue(AppSettings::Key::CaBundle, bundle);
        QVERIFY(store.open(dir.filePath(QStringLiteral("store.sqlite"))).ok());
        client.setRetryPolicy({1, std::chrono::milliseconds(10), std::chrono::milliseconds(10)});
        context = std::make_unique<ClientContext>(client, store, *settings);
        context->setMessageSeam(&seam);
    }
};

// Types the credentials, presses the login button and waits until the attempt has finished.
void attempt(LoginDialog &dialog, const QString &user, const QString &password)
{
    auto *username = dialog.findChild<QLineEdit *>(QStringLiteral("usernameEdit"));
    auto *passwordEdit = dialog.findChild<QLineEdit *>(QStringLiteral("passwordEdit"));
    auto *button = dialog.findChild<QPushButton *>(QStringLiteral("loginButton"));
    auto *progress = dialog.findChild<QProgressBar *>(QStringLiteral("loginProgress"));
    QVERIFY(username && passwordEdit && button && progress);
    username->setText(user);
    passwordEdit->setText(password);
    QVERIFY(button->isEnabled());
    QTest::mouseClick(button, Qt::LeftButton);
    // The password is handed over and wiped from the field at once.
    QCOMPARE(passwordEdit->text(), QString());
    QTRY_VERIFY_WITH_TIMEOUT(button->isEnabled() || dialog.result() == QDialog::Accepted, 60000);
}

} // namespace

class TestLogin : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void rightPassword();
    void wrongPassword();
    void lockedAccount();
    void untrustedCertificate();
    void unreachableServer();
    void noServer();

private:
    std::unique_ptr<test::SandboxProcess> m_sandbox;
};

void TestLogin::initTestCase()
{
    m_sandbox = std::make_unique<test::SandboxProcess>(QStringList{QStringLiteral("--workflow"), QStringLiteral("review-first")});
    QVERIFY2(m_sandbox->start(), qPrintable(m_sandbox->lastError()));
}

void TestLogin::rightPassword()
{
    Env env(m_sandbox->url().toString(), m_sandbox->caCertPath());
    LoginDialog dialog(*env.context);
    dialog.show();
    QSignalSpy loggedIn(env.context.get(), &ClientContext::loggedIn);
    const QString password = m_sandbox->password(QStringLiteral("supplier"));
    attempt(dialog, QStringLiteral("supplier"), password);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(loggedIn.count(), 1);
    QVERIFY(env.context->isLoggedIn());
    QCOMPARE(env.context->account().username, QStringLiteral("supplier"));
    QCOMPARE(env.context->account().role, Role::Supplier);
    QCOMPARE(env.context->account().organization.name, QStringLiteral("济南示例科技有限公司"));
    QVERIFY(env.context->platform().loaded);
    QCOMPARE(env.context->workflow(), Workflow::ReviewFirst);
    QVERIFY(!env.context->platform().prices.isEmpty());

    // The user name is remembered, the password is not written anywhere in the settings.
    env.settings->sync();
    QFile ini(env.settings->userIniPath());
    QVERIFY(ini.open(QIODevice::ReadOnly));
    const QByteArray text = ini.readAll();
    QVERIFY(text.contains("supplier"));
    QVERIFY(!text.contains(password.toUtf8()));

    // A second dialog prefills the user name and starts in the password field.
    LoginDialog again(*env.context);
    QCOMPARE(again.findChild<QLineEdit *>(QStringLiteral("usernameEdit"))->text(), QStringLiteral("supplier"));
}

void TestLogin::wrongPassword()
{
    Env env(m_sandbox->url().toString(), m_sandbox->caCertPath());
    LoginDialog dialog(*env.context);
    dialog.show();
    attempt(dialog, QStringLiteral("purchaser"), QStringLiteral("not-the-password"));
    QVERIFY(dialog.result() != QDialog::Accepted);
    QVERIFY(!env.context->isLoggedIn());
    QVERIFY2(dialog.message().contains(QStringLiteral("user name or password is wrong")), qPrintable(dialog.message()));
    QVERIFY(dialog.isVisible());
}

void TestLogin::lockedAccount()
{
    Env env(m_sandbox->url().toString(), m_sandbox->caCertPath());
    LoginDialog dialog(*env.context);
    dialog.show();
    // Five wrong passwords lock the account (sandbox: Accounts::kMaxFailures).
    QString message;
    for (int i = 0; i < 5; ++i) {
        attempt(dialog, QStringLiteral("agent"), QStringLiteral("wrong-%1").arg(i));
        message = dialog.message();
    }
    QVERIFY2(message.contains(QStringLiteral("locked")), qPrintable(message));
    // Now even the right password meets the lock, with the same kind of message.
    attempt(dialog, QStringLiteral("agent"), m_sandbox->password(QStringLiteral("agent")));
    QVERIFY(dialog.result() != QDialog::Accepted);
    QVERIFY2(dialog.message().contains(QStringLiteral("locked")), qPrintable(dialog.message()));
    QVERIFY(!dialog.message().contains(QStringLiteral("password is wrong")));
}

void TestLogin::untrustedCertificate()
{
    // A bundle that is a valid PEM file but does not hold the sandbox CA.
    QTemporaryDir dir;
    const QString otherCa = dir.filePath(QStringLiteral("other-ca.pem"));
    {
        test::SandboxProcess other;
        QVERIFY2(other.start(), qPrintable(other.lastError()));
        QVERIFY(QFile::copy(other.caCertPath(), otherCa));
    }
    Env env(m_sandbox->url().toString(), otherCa);
    LoginDialog dialog(*env.context);
    dialog.show();
    attempt(dialog, QStringLiteral("supplier"), m_sandbox->password(QStringLiteral("supplier")));
    QVERIFY(dialog.result() != QDialog::Accepted);
    const QString message = dialog.message();
    QVERIFY2(message.contains(QStringLiteral("could not be verified")), qPrintable(message));
    QVERIFY2(message.contains(m_sandbox->url().host()), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("CA bundle")), qPrintable(message));
}

void TestLogin::unreachableServer()
{
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
    const quint16 port = probe.serverPort();
    probe.close();
    Env env(QStringLiteral("https://127.0.0.1:%1").arg(port), m_sandbox->caCertPath());
    LoginDialog dialog(*env.context);
    dialog.show();
    attempt(dialog, QStringLiteral("supplier"), QStringLiteral("whatever"));
    QVERIFY(dialog.result() != QDialog::Accepted);
    QVERIFY2(dialog.message().contains(QStringLiteral("cannot be reached")), qPrintable(dialog.message()));
    QVERIFY(dialog.message().contains(QStringLiteral("127.0.0.1")));
}

void TestLogin::noServer()
{
    Env env{QString(), QString()};
    LoginDialog dialog(*env.context);
    dialog.show();
    auto *button = dialog.findChild<QPushButton *>(QStringLiteral("loginButton"));
    dialog.findChild<QLineEdit *>(QStringLiteral("usernameEdit"))->setText(QStringLiteral("supplier"));
    dialog.findChild<QLineEdit *>(QStringLiteral("passwordEdit"))->setText(QStringLiteral("x"));
    // Log in and Cancel look alike (both with the style's button icon, or both without).
    auto *cancel = dialog.findChild<QPushButton *>(QStringLiteral("cancelButton"));
    QVERIFY(cancel);
    QCOMPARE(button->icon().isNull(), cancel->icon().isNull());
    QTest::mouseClick(button, Qt::LeftButton);
    QVERIFY2(dialog.message().contains(QStringLiteral("Settings")), qPrintable(dialog.message()));
    QVERIFY(dialog.result() != QDialog::Accepted);
}

QTEST_MAIN(TestLogin)
#include "tst_login.moc"
