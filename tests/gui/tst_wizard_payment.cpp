// The wizard's payment page on a pay-first sandbox with a short WeChat order
// lifetime (CA_SANDBOX_WECHAT_TTL): the QR code drawn by QrCodeWidget decodes
// (zbarimg --raw, Debian's zbar-tools) to the order's pay URL, the countdown
// is visible, and after expiry one click makes a new order with a new code,
// which the cashier's confirm form then settles; PaymentDialog (MainWindow's
// Pay on review-first platforms) pays an approved application standalone.

#include "tst_wizard_support.h"

#include "ui/wizard/PaymentDialog.h"
#include "ui/wizard/QrCodeWidget.h"

#include <QLabel>
#include <QProcess>
#include <QStandardPaths>

using namespace ca;
using namespace ca::ui;
using namespace wiztest;

class TestWizardPayment : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void wechatQrDecodesAndExpires();
    void paymentDialogAfterApproval();

private:
    QString decode(QWidget *qr);
    QString createComplete(test::SandboxProcess &sandbox, const QString &kind);

    std::unique_ptr<test::SandboxProcess> m_sandbox;
    std::unique_ptr<test::SandboxProcess> m_reviewFirst;
    QTemporaryDir m_dir;
    Session m_s;
    int m_n = 0;
};

void TestWizardPayment::initTestCase()
{
    if (QStandardPaths::findExecutable(QStringLiteral("zbarimg")).isEmpty())
        QFAIL("zbarimg (Debian package zbar-tools) is needed to decode the QR code");
    qputenv("CA_SANDBOX_WECHAT_TTL", "6");
    m_sandbox = std::make_unique<test::SandboxProcess>(QStringList{QStringLiteral("--workflow"), QStringLiteral("pay-first")});
    QVERIFY2(m_sandbox->start(), qPrintable(m_sandbox->lastError()));
    m_reviewFirst = std::make_unique<test::SandboxProcess>(QStringList{QStringLiteral("--workflow"), QStringLiteral("review-first")});
    QVERIFY2(m_reviewFirst->start(), qPrintable(m_reviewFirst->lastError()));
}

void TestWizardPayment::cleanup()
{
    m_s.close();
}

QString TestWizardPayment::decode(QWidget *qr)
{
    const QString png = m_dir.filePath(QStringLiteral("qr-%1.png").arg(++m_n));
    if (!qr->grab().save(png))
        return QStringLiteral("<grab failed>");
    QProcess zbar;
    zbar.start(QStringLiteral("zbarimg"), {QStringLiteral("--raw"), QStringLiteral("-q"), png});
    if (!zbar.waitForFinished(30000))
        return QStringLiteral("<zbarimg hung>");
    return QString::fromUtf8(zbar.readAllStandardOutput()).trimmed();
}

QString TestWizardPayment::createComplete(test::SandboxProcess &sandbox, const QString &kind)
{
    test::SandboxHttp http(sandbox);
    if (!http.login(QStringLiteral("supplier")))
        return {};
    const auto r = http.post(QStringLiteral("/api/v1/applications"), test::sampleApplication(kind));
    const QString id = r.json().value(QStringLiteral("id")).toString();
    for (AttachmentCategory c : ApplicationValidator::requiredAttachments(*enumFromWord<ApplicationKind>(kind)))
        http.upload(QStringLiteral("/api/v1/applications/%1/attachments").arg(id), enumWord(c), QStringLiteral("scan.pdf"),
                    test::tinyPdf(), {{"Idempotency-Key", LocalStore::newId().toLatin1()}});
    return id;
}

void TestWizardPayment::wechatQrDecodesAndExpires()
{
    QVERIFY(m_s.open(*m_sandbox, m_dir.path(), QStringLiteral("a")));
    QCOMPARE(m_s.context->platform().wechatOrderTtlSeconds, 6);
    const QString id = createComplete(*m_sandbox, QStringLiteral("new"));
    QVERIFY(!id.isEmpty());

    std::unique_ptr<ApplicationWizard> w(ApplicationWizard::openAtPayment(*m_s.context, id));
    w->resize(900, 800);
    w->show();
    QTRY_VERIFY_WITH_TIMEOUT(w->isLoaded(), 30000);
    QTRY_COMPARE(w->currentId(), int(ApplicationWizard::PaymentPageId));
    PaymentWidget *pay = w->paymentWidget();
    pay->setOpensCashier(false);
    QTRY_COMPARE_WITH_TIMEOUT(pay->applicationId(), id, 30000);
    child<QCheckBox>(pay, "nonRefundCheck")->setChecked(true);
    child<QRadioButton>(pay, "channelWechatRadio")->setChecked(true);
    child<QPushButton>(pay, "payButton")->click();
    QTRY_VERIFY_WITH_TIMEOUT(pay->controller()->status() == QLatin1String("open"), 30000);
    auto *qr = child<QrCodeWidget>(pay, "qrWidget");
    QTRY_VERIFY(qr->isVisible() && !qr->matrix().isNull());
    const QString firstOrder = pay->controller()->orderNo();
    const QString url = pay->controller()->payUrl().toString();
    QVERIFY(url.contains(firstOrder));
    QCOMPARE(decode(qr), url);
    QVERIFY(child<QLabel>(pay, "countdownLabel")->text().contains(QStringLiteral("0:0")));

    // Expiry: the code greys out, one click makes a new order and a new code.
    QTRY_VERIFY_WITH_TIMEOUT(qr->isExpired(), 60000);
    auto *again = child<QPushButton>(pay, "newQrButton");
    QTRY_VERIFY(again->isVisible());
    again->click();
    QTRY_VERIFY_WITH_TIMEOUT(pay->controller()->status() == QLatin1String("open")
                                 && pay->controller()->orderNo() != firstOrder,
                             30000);
    QVERIFY(!qr->isExpired());
    const QString secondUrl = pay->controller()->payUrl().toString();
    QCOMPARE(decode(qr), secondUrl);

    // Pay through the cashier's confirm form (as the phone would).
    test::SandboxHttp http(*m_sandbox);
    const QUrl pageUrl(secondUrl);
    const QString token = QUrlQuery(pageUrl).queryItemValue(QStringLiteral("t"));
    const auto r = http.request("POST", pageUrl.path() + QStringLiteral("/confirm"),
                                "t=" + QUrl::toPercentEncoding(token), {}, "application/x-www-form-urlencoded");
    QVERIFY2(r.status >= 200 && r.status < 400, r.body.constData());
    QTRY_VERIFY_WITH_TIMEOUT(pay->isPaid(), 60000);
    child<QPushButton>(pay, "refreshButton")->click();
    QTRY_COMPARE_WITH_TIMEOUT(w->application().paymentStatus, PaymentStatus::Paid, 30000);
}

void TestWizardPayment::paymentDialogAfterApproval()
{
    QVERIFY(m_s.open(*m_reviewFirst, m_dir.path(), QStringLiteral("b")));
    const QString id = createComplete(*m_reviewFirst, QStringLiteral("renewal"));
    test::SandboxHttp http(*m_reviewFirst);
    QVERIFY(http.login(QStringLiteral("supplier")));
    const auto s = http.post(QStringLiteral("/api/v1/applications/%1/submit").arg(id), QJsonObject{{QStringLiteral("comment"), QString()}},
                             {{"Idempotency-Key", LocalStore::newId().toLatin1()}});
    QVERIFY2(s.status == 200 || s.status == 201, s.body.constData());
    const auto a = m_reviewFirst->runAdmin({QStringLiteral("approve"), id});
    QVERIFY2(a.exitCode == 0, a.err.constData());

    PaymentDialog dialog(*m_s.context, id);
    dialog.show();
    PaymentWidget *pay = dialog.paymentWidget();
    pay->setOpensCashier(false);
    QTRY_COMPARE_WITH_TIMEOUT(pay->applicationId(), id, 30000);
    QVERIFY(!child<QPushButton>(pay, "payButton")->isEnabled());
    child<QCheckBox>(pay, "nonRefundCheck")->setChecked(true);
    child<QRadioButton>(pay, "channelAlipayRadio")->setChecked(true);
    child<QPushButton>(pay, "payButton")->click();
    QTRY_VERIFY_WITH_TIMEOUT(!pay->controller()->orderNo().isEmpty(), 30000);
    QTRY_VERIFY(child<QWidget>(pay, "cashierPanel")->isVisible());
    QCOMPARE(child<QLineEdit>(pay, "urlEdit")->text(), pay->controller()->payUrl().toString());
    QSignalSpy paid(&dialog, &PaymentDialog::paid);
    const auto r = m_reviewFirst->runAdmin({QStringLiteral("pay"), pay->controller()->orderNo()});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QTRY_COMPARE_WITH_TIMEOUT(paid.size(), 1, 60000);
}

QTEST_MAIN(TestWizardPayment)
#include "tst_wizard_payment.moc"
