// ApplicationDetailsDialog against a real ca-sandbox (review-first): the
// approval record (流程审批记录) with the reviewer's comment, the payment record
// after `ca-sandbox admin pay`, the handling record after `admin ship` with the
// tracking number and 确认签收 (only then enabled), and the e-invoice download.

#include "SandboxProcess.h"

#include "core/platform/PlatformClient.h"
#include "core/store/LocalStore.h"
#include "core/validation/ApplicationValidator.h"
#include "ui/AppSettings.h"
#include "ui/ApplicationDetailsDialog.h"
#include "ui/ClientContext.h"
#include "ui/MessageSeam.h"

#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace ca;
using namespace ca::ui;

class TestDetails : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void approvalPaymentHandlingAndInvoice();
    void onsitePickupNeedsNoReceipt();

private:
    QString approvedApplication(const QString &pickup);
    QString pay(const QString &id);
    Application open(ApplicationDetailsDialog *&dialog, const QString &id);
    QStringList formTexts(QWidget *w, const QString &prefix);
    void admin(const QStringList &args);

    std::unique_ptr<test::SandboxProcess> m_sandbox;
    std::unique_ptr<test::SandboxHttp> m_http;
    QTemporaryDir m_dir;
    std::unique_ptr<AppSettings> m_settings;
    LocalStore m_store;
    PlatformClient m_client;
    std::unique_ptr<ClientContext> m_context;
    ScriptedMessageSeam m_seam;
};

void TestDetails::initTestCase()
{
    m_sandbox = std::make_unique<test::SandboxProcess>(QStringList{QStringLiteral("--workflow"), QStringLiteral("review-first")});
    QVERIFY2(m_sandbox->start(), qPrintable(m_sandbox->lastError()));
    m_http = std::make_unique<test::SandboxHttp>(*m_sandbox);
    QVERIFY(m_http->login(QStringLiteral("supplier")));
    m_settings = std::make_unique<AppSettings>(m_dir.filePath(QStringLiteral("user.ini")), QString());
    m_settings->setValue(AppSettings::Key::ServerUrl, m_sandbox->url().toString());
    m_settings->setValue(AppSettings::Key::CaBundle, m_sandbox->caCertPath());
    QVERIFY(m_store.open(m_dir.filePath(QStringLiteral("store.sqlite"))).ok());
    m_context = std::make_unique<ClientContext>(m_client, m_store, *m_settings);
    m_context->setMessageSeam(&m_seam);
    QString error;
    QVERIFY2(m_context->applyConnectionSettings(&error), qPrintable(error));
    std::unique_ptr<PlatformCall> login(m_client.login(QStringLiteral("supplier"), m_sandbox->password(QStringLiteral("supplier"))));
    QVERIFY(login->waitForFinished(30000) && login->ok());
    PlatformCall *info = m_context->refreshPlatformInfo();
    QVERIFY(info->waitForFinished(30000));
    QCOMPARE(m_context->workflow(), Workflow::ReviewFirst);
}

void TestDetails::admin(const QStringList &args)
{
    const auto r = m_sandbox->runAdmin(args);
    QVERIFY2(r.exitCode == 0, r.err.constData());
}

QString TestDetails::approvedApplication(const QString &pickup)
{
    QJsonObject body = test::sampleApplication(QStringLiteral("new"));
    QJsonObject order = body.value(QStringLiteral("order")).toObject();
    order.insert(QStringLiteral("pickup"), pickup);
    if (pickup == QLatin1String("onsite")) {
        order.remove(QStringLiteral("mailing_address"));
    }
    body.insert(QStringLiteral("order"), order);
    const auto created = m_http->post(QStringLiteral("/api/v1/applications"), body);
    if (created.status != 201)
        return QString();
    const QString id = created.json().value(QStringLiteral("id")).toString();
    for (AttachmentCategory c : ApplicationValidator::requiredAttachments(ApplicationKind::New))
        m_http->upload(QStringLiteral("/api/v1/applications/%1/attachments").arg(id), enumWord(c), QStringLiteral("scan.pdf"),
                       test::tinyPdf(), {{"Idempotency-Key", LocalStore::newId().toLatin1()}});
    m_http->post(QStringLiteral("/api/v1/applications/%1/submit").arg(id), QJsonObject{{QStringLiteral("comment"), QStringLiteral("请审核")}},
                 {{"Idempotency-Key", LocalStore::newId().toLatin1()}});
    m_sandbox->runAdmin({QStringLiteral("approve"), id, QStringLiteral("--comment"), QStringLiteral("资料齐全，同意")});
    return id;
}

QString TestDetails::pay(const QString &id)
{
    const auto order = m_http->post(QStringLiteral("/api/v1/applications/%1/payments").arg(id),
                                    QJsonObject{{QStringLiteral("channel"), QStringLiteral("wechat")}},
                                    {{"Idempotency-Key", LocalStore::newId().toLatin1()}});
    const QString orderNo = order.json().value(QStringLiteral("order_no")).toString();
    m_sandbox->runAdmin({QStringLiteral("pay"), orderNo});
    return orderNo;
}

Application TestDetails::open(ApplicationDetailsDialog *&dialog, const QString &id)
{
    Application stub;
    stub.id = id;
    dialog = new ApplicationDetailsDialog(*m_context, stub);
    dialog->show();
    return stub;
}

QStringList TestDetails::formTexts(QWidget *w, const QString &prefix)
{
    QStringList out;
    for (QLabel *l : w->findChildren<QLabel *>()) {
        if (l->objectName().startsWith(prefix))
            out << l->text();
    }
    return out;
}

void TestDetails::approvalPaymentHandlingAndInvoice()
{
    const QString id = approvedApplication(QStringLiteral("mail"));
    QVERIFY(!id.isEmpty());

    ApplicationDetailsDialog *dialog = nullptr;
    open(dialog, id);
    std::unique_ptr<ApplicationDetailsDialog> owner(dialog);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->loadCount() >= 1, 30000);
    QCOMPARE(dialog->application().reviewStatus, ReviewStatus::Approved);

    // 流程审批记录: the submission comment and the approval with the reviewer's comment.
    auto *records = dialog->findChild<QTableWidget *>(QStringLiteral("approvalTable"));
    QVERIFY(records);
    QVERIFY(records->rowCount() >= 2);
    QStringList comments, actions;
    for (int r = 0; r < records->rowCount(); ++r) {
        actions << records->item(r, 2)->text();
        comments << records->item(r, 3)->text();
        QVERIFY(!records->item(r, 0)->text().isEmpty()); // time
    }
    QVERIFY2(comments.contains(QStringLiteral("请审核")), qPrintable(comments.join(u'|')));
    QVERIFY2(comments.contains(QStringLiteral("资料齐全，同意")), qPrintable(comments.join(u'|')));
    QVERIFY(actions.contains(enumDisplayName(ApprovalAction::Approve)));
    // Every field is shown: the unit and the recipient.
    const QStringList order = formTexts(dialog, QStringLiteral("orderValue"));
    QVERIFY(order.contains(QStringLiteral("济南示例科技有限公司")));
    QVERIFY(order.contains(QStringLiteral("张三")));

    auto *confirm = dialog->findChild<QPushButton *>(QStringLiteral("confirmReceiptButton"));
    auto *download = dialog->findChild<QPushButton *>(QStringLiteral("downloadInvoiceButton"));
    QVERIFY(confirm && download);
    QVERIFY(!confirm->isEnabled());
    QVERIFY(!confirm->toolTip().isEmpty());
    QVERIFY(!download->isEnabled());

    // Paid: the payment record and the e-invoice.
    const QString orderNo = pay(id);
    QVERIFY(!orderNo.isEmpty());
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("refreshDetailsButton")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->loadCount() >= 2, 30000);
    QCOMPARE(dialog->application().paymentStatus, PaymentStatus::Paid);
    QVERIFY(formTexts(dialog, QStringLiteral("paymentValue")).contains(orderNo));
    QVERIFY(download->isEnabled());
    const QString saveTo = m_dir.filePath(QStringLiteral("invoice.pdf"));
    dialog->setInvoiceSavePath(saveTo);
    QTest::mouseClick(download, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(dialog->lastSavedInvoice(), saveTo, 30000);
    QFile pdf(saveTo);
    QVERIFY(pdf.open(QIODevice::ReadOnly));
    QVERIFY(pdf.read(5) == "%PDF-");
    QVERIFY(!confirm->isEnabled()); // not shipped yet

    // Shipped: tracking number, and 确认签收.
    admin({QStringLiteral("ship"), id, QStringLiteral("--tracking"), QStringLiteral("EMS1234567890CN"),
           QStringLiteral("--carrier"), QStringLiteral("EMS")});
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("refreshDetailsButton")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->loadCount() >= 3, 30000);
    QCOMPARE(dialog->application().handlingStatus, HandlingStatus::Shipped);
    QVERIFY(formTexts(dialog, QStringLiteral("handlingValue")).contains(QStringLiteral("EMS1234567890CN")));
    QVERIFY(confirm->isEnabled());
    m_seam.answers = {true};
    QTest::mouseClick(confirm, Qt::LeftButton);
    QVERIFY(m_seam.lastQuestion().contains(QStringLiteral("EMS1234567890CN")));
    QTRY_COMPARE_WITH_TIMEOUT(dialog->application().handlingStatus, HandlingStatus::Received, 30000);
    QVERIFY(!confirm->isEnabled());
    const auto server = m_http->get(QStringLiteral("/api/v1/applications/%1").arg(id)).json();
    QCOMPARE(server.value(QStringLiteral("handling_status")).toString(), QStringLiteral("received"));
}

void TestDetails::onsitePickupNeedsNoReceipt()
{
    const QString id = approvedApplication(QStringLiteral("onsite"));
    QVERIFY(!id.isEmpty());
    pay(id);
    admin({QStringLiteral("onsite"), id});
    ApplicationDetailsDialog *dialog = nullptr;
    open(dialog, id);
    std::unique_ptr<ApplicationDetailsDialog> owner(dialog);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->loadCount() >= 1, 30000);
    QCOMPARE(dialog->application().handlingStatus, HandlingStatus::Onsite);
    auto *confirm = dialog->findChild<QPushButton *>(QStringLiteral("confirmReceiptButton"));
    QVERIFY(!confirm->isEnabled());
    QVERIFY(!confirm->toolTip().isEmpty());
    QVERIFY(formTexts(dialog, QStringLiteral("handlingValue")).contains(enumDisplayName(HandlingStatus::Onsite)));
}

QTEST_MAIN(TestDetails)
#include "tst_details.moc"
