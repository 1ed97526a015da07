// Issue 6 item 7 for the key windows of issue 7: the token panel with a key,
// PIN change, PIN reset (before and after the code was sent), 已有CA
// registration and the renewal dialog (explanation and a failed step with its
// Retry page) are shown against a real sandbox and SoftHSM (through the fault
// shim) and audited in zh_CN and English (tst_accessibility_audit.h: nameless
// controls, clashing Alt mnemonics).

#include "SoftHsmFixture.h"
#include "tst_accessibility_audit.h"
#include "tst_token_support.h"

#include "i18n/Translations.h"
#include "ui/TokenPanel.h"
#include "ui/token/PinChangeDialog.h"
#include "ui/token/PinResetDialog.h"
#include "ui/token/RegisterCaDialog.h"
#include "ui/token/RenewalDialog.h"

#include <QJsonArray>
#include <QLineEdit>
#include <QPushButton>
#include <QtTest>

using namespace ca;
using namespace ca::ui;

namespace {
const QString kLabel = QStringLiteral("无障碍测试锁");
const QString kSo = QStringLiteral("87654321");
const QString kPin = QStringLiteral("12345678");
} // namespace

class TestAccessibilityTokens : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void keyWindows_data();
    void keyWindows();

private:
    QTemporaryDir m_tmp;
    SoftHsmFixture m_hsm;
    std::unique_ptr<test::SandboxProcess> m_sandbox;
    std::unique_ptr<test::SandboxHttp> m_http;
    QString m_serial;
    int m_n = 0;
};

void TestAccessibilityTokens::initTestCase()
{
    QVERIFY2(m_hsm.isValid(), qPrintable(m_hsm.errorString()));
    m_sandbox = std::make_unique<test::SandboxProcess>(QStringList{QStringLiteral("--workflow"), QStringLiteral("review-first")});
    QVERIFY2(toktest::startTrustingFixture(*m_sandbox, m_hsm), qPrintable(m_sandbox->lastError()));
    m_http = std::make_unique<test::SandboxHttp>(*m_sandbox);
    QVERIFY(m_http->login(QStringLiteral("supplier")));
    m_hsm.useShim();
    QVERIFY(m_hsm.writeShimConfig(QJsonObject{{QStringLiteral("max_pin_tries"), 3}}));
    QVERIFY(m_hsm.setTokenPresent(true));
    m_serial = m_hsm.initToken(kLabel, kSo, kPin);
    QVERIFY(!m_serial.isEmpty());
    QVERIFY2(m_hsm.generateKeyPair(kLabel, kPin, QStringLiteral("rsa:2048"), QStringLiteral("a1"), QStringLiteral("签名密钥")),
             qPrintable(m_hsm.errorString()));
    const QByteArray cert = m_hsm.issueCertificate(m_hsm.publicKeyDer(kLabel, kPin, QStringLiteral("a1")), toktest::supplierSubject(), 20);
    QVERIFY(!cert.isEmpty());
    QVERIFY(m_hsm.writeCertificate(kLabel, kPin, cert, QStringLiteral("a1"), QStringLiteral("证书")));
    QVERIFY(toktest::putOnRecord(*m_http, cert, m_serial));
}

void TestAccessibilityTokens::keyWindows_data()
{
    QTest::addColumn<QString>("lang");
    QTest::newRow("zh_CN") << QStringLiteral("zh_CN");
    QTest::newRow("en") << QStringLiteral("en");
}

void TestAccessibilityTokens::keyWindows()
{
    QFETCH(QString, lang);
    ca::i18n::install(*QCoreApplication::instance(), lang);
    toktest::Client c;
    QVERIFY(c.open(*m_sandbox, m_tmp.path(), ++m_n, QStringLiteral(CA_SHIM_PATH)));
    QStringList problems;
    {
        TokenPanel panel(*c.context);
        panel.resize(960, 600);
        panel.show();
        QTRY_COMPARE_WITH_TIMEOUT(panel.tokens().size(), 1, 30000);
        a11y::settle();
        problems << a11y::audit(&panel, QStringLiteral("key panel"));

        PinChangeDialog *change = panel.openPinChange();
        QVERIFY(change);
        a11y::settle();
        problems << a11y::audit(change, QStringLiteral("PIN change"));
        change->close();

        PinResetDialog *reset = panel.openPinReset();
        QVERIFY(reset);
        a11y::settle();
        problems << a11y::audit(reset, QStringLiteral("PIN reset"));
        auto *request = reset->findChild<QPushButton *>(QStringLiteral("requestButton"));
        QVERIFY(request);
        request->click();
        QTRY_VERIFY_WITH_TIMEOUT(!reset->requestId().isEmpty(), 30000);
        a11y::settle();
        problems << a11y::audit(reset, QStringLiteral("PIN reset, code sent"));
        reset->close();

        RegisterCaDialog *registration = panel.openRegisterExisting();
        QVERIFY(registration);
        QTest::qWait(1000); // the key is read, the applications listed
        a11y::settle();
        problems << a11y::audit(registration, QStringLiteral("已有CA registration"));
        registration->close();

        QVERIFY(!panel.tokens().constFirst().certificates.isEmpty());
        const QString certSerial = panel.tokens().constFirst().certificates.constFirst().serialHex;
        const QString id = toktest::approvedRenewal(*m_sandbox, *m_http, m_serial, certSerial);
        QVERIFY(!id.isEmpty());
        RenewalDialog *renewal = panel.openRenewal(id, m_serial);
        QVERIFY(renewal);
        QTRY_VERIFY_WITH_TIMEOUT(renewal->phase() != RenewalDialog::Phase::Preparing, 30000);
        a11y::settle();
        problems << a11y::audit(renewal, QStringLiteral("renewal, explanation"));
        // A failed step: the key is pulled out while the certificate is written.
        QVERIFY(m_hsm.writeShimConfig(QJsonObject{
            {QStringLiteral("max_pin_tries"), 3},
            {QStringLiteral("faults"), QJsonArray{QJsonObject{{QStringLiteral("function"), QStringLiteral("C_CreateObject")},
                                                              {QStringLiteral("remove"), true}}}}}));
        auto *pin = renewal->findChild<QLineEdit *>(QStringLiteral("pinEdit"));
        QVERIFY(pin);
        QTest::keyClicks(pin, kPin);
        auto *start = renewal->findChild<QPushButton *>(QStringLiteral("startButton"));
        QVERIFY(start);
        start->click();
        QTRY_VERIFY_WITH_TIMEOUT(renewal->phase() == RenewalDialog::Phase::Failed && !renewal->isCheckingKey(), 60000);
        a11y::settle();
        problems << a11y::audit(renewal, QStringLiteral("renewal, failed step"));
        QVERIFY(m_hsm.writeShimConfig(QJsonObject{{QStringLiteral("max_pin_tries"), 3}}));
        QVERIFY(m_hsm.setTokenPresent(true));
        renewal->close();
    }
    c.close();
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

QTEST_MAIN(TestAccessibilityTokens)
#include "tst_accessibility_tokens.moc"
