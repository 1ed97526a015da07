// ca-sandbox payments over HTTPS: orders per channel with server-computed
// amounts, idempotency, the public cashier page pressed like a browser,
// `admin pay`, WeChat expiry after 300 s (server clock moved by a restart with
// --clock-offset), paid is final, e-invoice and template PDFs, both workflows.
#include "sandbox_ext_support.h"

#include <QRegularExpression>
#include <QtTest>

using namespace ca::test;
using namespace sandbox_ext_api;

class TestSandboxExtPayments : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void platformInfo();
    void orderPerChannel();
    void amountNeverFromClient();
    void idempotentOrders();
    void cashierPayLikeABrowser();
    void paidIsFinal();
    void cashierCancel();
    void adminPay();
    void isolation();
    void invoiceAndTemplates();
    void wechatOrderExpiresAfter300Seconds();
    void reviewFirstPaysAfterApproval();

private:
    std::unique_ptr<SandboxProcess> m_sandbox;
    std::unique_ptr<SandboxHttp> m_http;
    QString m_paidApp; // paid in cashierPayLikeABrowser
};

void TestSandboxExtPayments::initTestCase()
{
    m_sandbox = std::make_unique<SandboxProcess>(QStringList{QStringLiteral("--workflow"), QStringLiteral("pay-first")});
    QVERIFY2(m_sandbox->start(), qPrintable(m_sandbox->lastError()));
    m_http = std::make_unique<SandboxHttp>(*m_sandbox);
    QVERIFY(m_http->login(QStringLiteral("supplier")));
}

void TestSandboxExtPayments::cleanupTestCase()
{
    m_http.reset();
    if (m_sandbox)
        QCOMPARE(m_sandbox->stop(), 0);
}

void TestSandboxExtPayments::platformInfo()
{
    const auto r = m_http->get(QStringLiteral("/api/v1/platform"));
    QCOMPARE(r.status, 200);
    const QJsonObject o = r.json();
    QCOMPARE(o.value(QStringLiteral("workflow")).toString(), QStringLiteral("pay-first"));
    QCOMPARE(o.value(QStringLiteral("wechat_order_ttl_seconds")).toInt(), 300);
    QCOMPARE(o.value(QStringLiteral("prices")).toObject().value(QStringLiteral("new")).toString(), QStringLiteral("300.00"));
    QCOMPARE(o.value(QStringLiteral("prices")).toObject().value(QStringLiteral("existing")).toString(), QStringLiteral("0.00"));
    const QJsonObject notice = o.value(QStringLiteral("notice")).toObject();
    QCOMPARE(notice.value(QStringLiteral("title")).toString(), QStringLiteral("CA网上办理告知及确认书"));
    QVERIFY(notice.value(QStringLiteral("text")).toString().contains(QStringLiteral("不能退办")));
    QVERIFY(notice.value(QStringLiteral("text_en")).toString().contains(QStringLiteral("not refunded")));
    QVERIFY(!o.value(QStringLiteral("payee")).toString().isEmpty());
    const QJsonArray cats = o.value(QStringLiteral("attachment_categories")).toArray();
    QCOMPARE(cats.size(), 5);
    for (const QJsonValue &v : cats) {
        const QJsonObject c = v.toObject();
        QVERIFY(!c.value(QStringLiteral("label")).toString().isEmpty());
        QVERIFY(!c.value(QStringLiteral("description")).toString().isEmpty());
        QVERIFY(c.value(QStringLiteral("required_for")).toArray().contains(QStringLiteral("new"))
                || c.value(QStringLiteral("category")).toString() != QLatin1String("business_licence"));
    }
}

void TestSandboxExtPayments::orderPerChannel()
{
    const QString id = createApplication(*m_http, QStringLiteral("new"), 2);
    QVERIFY(!id.isEmpty());
    const auto bank = openOrder(*m_http, id, QStringLiteral("bank"), {});
    QVERIFY2(bank.status == 201, bank.body.constData());
    const QJsonObject b = bank.json();
    QCOMPARE(b.value(QStringLiteral("amount")).toString(), QStringLiteral("600.00")); // 300.00 x 2
    QCOMPARE(b.value(QStringLiteral("channel")).toString(), QStringLiteral("bank"));
    QCOMPARE(b.value(QStringLiteral("status")).toString(), QStringLiteral("open"));
    const QString bankNo = b.value(QStringLiteral("order_no")).toString();
    QVERIFY2(QRegularExpression(QStringLiteral("^370100cazf[0-9]{8}[0-9]{6}$")).match(bankNo).hasMatch(), qPrintable(bankNo));
    const QString payUrl = b.value(QStringLiteral("pay_url")).toString();
    QVERIFY2(payUrl.startsWith(m_sandbox->url().toString() + QStringLiteral("/pay/") + bankNo + QStringLiteral("?t=")), qPrintable(payUrl));
    QVERIFY(payToken(payUrl).size() >= 32);
    const QDateTime created = QDateTime::fromString(b.value(QStringLiteral("created_at")).toString(), Qt::ISODate);
    const QDateTime expires = QDateTime::fromString(b.value(QStringLiteral("expires_at")).toString(), Qt::ISODate);
    QCOMPARE(created.secsTo(expires), 30 * 60);

    auto app = m_http->get(QStringLiteral("/api/v1/applications/") + id).json();
    QCOMPARE(app.value(QStringLiteral("payment_status")).toString(), QStringLiteral("open"));
    QCOMPARE(app.value(QStringLiteral("payment")).toObject().value(QStringLiteral("order_no")).toString(), bankNo);

    // The same channel again (no key): the open order, not a second one.
    const auto again = openOrder(*m_http, id, QStringLiteral("bank"), {});
    QCOMPARE(again.status, 200);
    QCOMPARE(again.json().value(QStringLiteral("order_no")).toString(), bankNo);

    // Alipay, then WeChat: each a new order that replaces the open one.
    const auto alipay = openOrder(*m_http, id, QStringLiteral("alipay"), {});
    QCOMPARE(alipay.status, 201);
    const QString alipayNo = alipay.json().value(QStringLiteral("order_no")).toString();
    QVERIFY(alipayNo != bankNo);
    const auto wechat = openOrder(*m_http, id, QStringLiteral("wechat"), {});
    QCOMPARE(wechat.status, 201);
    const QJsonObject w = wechat.json();
    QCOMPARE(QDateTime::fromString(w.value(QStringLiteral("created_at")).toString(), Qt::ISODate)
                 .secsTo(QDateTime::fromString(w.value(QStringLiteral("expires_at")).toString(), Qt::ISODate)), 300);
    QCOMPARE(w.value(QStringLiteral("amount")).toString(), QStringLiteral("600.00"));
    const auto oldBank = m_http->get(QStringLiteral("/api/v1/payments/") + bankNo);
    QCOMPARE(oldBank.status, 200);
    QCOMPARE(oldBank.json().value(QStringLiteral("status")).toString(), QStringLiteral("closed"));
    QVERIFY(!oldBank.json().contains(QStringLiteral("pay_url")));
    // A replaced order cannot be paid at the cashier.
    const auto late = pressCashierButton(*m_sandbox, bankNo, payToken(payUrl), QStringLiteral("confirm"));
    QCOMPARE(late.status, 410);
    QCOMPARE(m_http->get(QStringLiteral("/api/v1/payments/") + bankNo).json().value(QStringLiteral("status")).toString(), QStringLiteral("closed"));

    const auto bad = openOrder(*m_http, id, QStringLiteral("paypal"), {});
    QCOMPARE(bad.status, 400);
    QCOMPARE(bad.json().value(QStringLiteral("fields")).toArray().at(0).toObject().value(QStringLiteral("field")).toString(), QStringLiteral("channel"));
}

void TestSandboxExtPayments::amountNeverFromClient()
{
    const QString id = createApplication(*m_http, QStringLiteral("change"));
    QVERIFY(!id.isEmpty());
    const auto r = m_http->post(QStringLiteral("/api/v1/applications/%1/payments").arg(id),
                                QJsonObject{{QStringLiteral("channel"), QStringLiteral("wechat")}, {QStringLiteral("amount"), QStringLiteral("0.01")}});
    QCOMPARE(r.status, 400);
    QCOMPARE(r.json().value(QStringLiteral("code")).toString(), QStringLiteral("validation_failed"));
    const auto ok = openOrder(*m_http, id, QStringLiteral("wechat"), {});
    QCOMPARE(ok.status, 201);
    QCOMPARE(ok.json().value(QStringLiteral("amount")).toString(), QStringLiteral("100.00")); // the change price
    // Nothing to pay for an existing-CA registration.
    const QString free = createApplication(*m_http, QStringLiteral("existing"));
    QVERIFY(!free.isEmpty());
    const auto none = openOrder(*m_http, free, QStringLiteral("wechat"), {});
    QCOMPARE(none.status, 409);
}

void TestSandboxExtPayments::idempotentOrders()
{
    const QString id = createApplication(*m_http, QStringLiteral("reissue"));
    QVERIFY(!id.isEmpty());
    const auto first = openOrder(*m_http, id, QStringLiteral("alipay"), "pay-key-1");
    QCOMPARE(first.status, 201);
    const auto second = openOrder(*m_http, id, QStringLiteral("alipay"), "pay-key-1");
    QCOMPARE(second.status, 201);
    QCOMPARE(second.header("Idempotent-Replayed"), QByteArray("true"));
    QCOMPARE(second.json().value(QStringLiteral("order_no")), first.json().value(QStringLiteral("order_no")));
    // A new key for the same channel still gives the one open order.
    const auto third = openOrder(*m_http, id, QStringLiteral("alipay"), "pay-key-2");
    QCOMPARE(third.json().value(QStringLiteral("order_no")), first.json().value(QStringLiteral("order_no")));
    // The same key for another application is refused.
    const QString other = createApplication(*m_http, QStringLiteral("reissue"));
    QCOMPARE(openOrder(*m_http, other, QStringLiteral("alipay"), "pay-key-1").status, 422);
}

void TestSandboxExtPayments::cashierPayLikeABrowser()
{
    const QString id = createApplication(*m_http, QStringLiteral("new"));
    QVERIFY(!id.isEmpty());
    const auto order = openOrder(*m_http, id, QStringLiteral("wechat"), "cashier-1");
    QCOMPARE(order.status, 201);
    const QString no = order.json().value(QStringLiteral("order_no")).toString();
    const QString payUrl = order.json().value(QStringLiteral("pay_url")).toString();

    SandboxHttp browser(*m_sandbox); // no sign-in
    const auto page = browser.get(payPath(payUrl));
    QCOMPARE(page.status, 200);
    QVERIFY(page.header("Content-Type").startsWith("text/html"));
    const QString html = QString::fromUtf8(page.body);
    QVERIFY(html.contains(no));
    QVERIFY(html.contains(QStringLiteral("300.00")));
    QVERIFY(html.contains(QStringLiteral("叁佰元整")));
    QVERIFY(html.contains(QStringLiteral("微信支付")));
    QVERIFY(html.contains(QStringLiteral("收款方")));
    QVERIFY(html.contains(QStringLiteral("action=\"/pay/%1/confirm\"").arg(no)));
    QVERIFY(html.contains(QStringLiteral("action=\"/pay/%1/cancel\"").arg(no)));

    // Without the token, or with a wrong one, nothing is shown or paid.
    QCOMPARE(browser.get(QStringLiteral("/pay/") + no).status, 404);
    QCOMPARE(pressCashierButton(*m_sandbox, no, QByteArray(32, 'a'), QStringLiteral("confirm")).status, 404);
    QCOMPARE(m_http->get(QStringLiteral("/api/v1/payments/") + no).json().value(QStringLiteral("status")).toString(), QStringLiteral("open"));

    const auto paid = pressCashierButton(*m_sandbox, no, payToken(payUrl), QStringLiteral("confirm"));
    QCOMPARE(paid.status, 200);
    QVERIFY2(QString::fromUtf8(paid.body).contains(QStringLiteral("支付成功")), paid.body.constData());

    const auto status = m_http->get(QStringLiteral("/api/v1/payments/") + no).json();
    QCOMPARE(status.value(QStringLiteral("status")).toString(), QStringLiteral("paid"));
    QVERIFY(!status.value(QStringLiteral("paid_at")).toString().isEmpty());
    const QJsonObject app = m_http->get(QStringLiteral("/api/v1/applications/") + id).json();
    QCOMPARE(app.value(QStringLiteral("payment_status")).toString(), QStringLiteral("paid"));
    QCOMPARE(app.value(QStringLiteral("payment")).toObject().value(QStringLiteral("status")).toString(), QStringLiteral("paid"));
    QVERIFY(recordActions(app).contains(QStringLiteral("pay")));
    // pay-first: handling starts only with the approval.
    QCOMPARE(app.value(QStringLiteral("handling_status")).toString(), QStringLiteral("none"));
    // The page of a paid order says so.
    QVERIFY(QString::fromUtf8(browser.get(payPath(payUrl)).body).contains(QStringLiteral("支付成功")));
    m_paidApp = id;
}

void TestSandboxExtPayments::paidIsFinal()
{
    QVERIFY(!m_paidApp.isEmpty());
    const QJsonObject app = m_http->get(QStringLiteral("/api/v1/applications/") + m_paidApp).json();
    const QString no = app.value(QStringLiteral("payment")).toObject().value(QStringLiteral("order_no")).toString();
    // Cancel after paying changes nothing (the token is no longer needed to know that).
    const auto order = m_http->get(QStringLiteral("/api/v1/payments/") + no).json();
    QCOMPARE(order.value(QStringLiteral("status")).toString(), QStringLiteral("paid"));
    // No new order, no refund route.
    const auto again = openOrder(*m_http, m_paidApp, QStringLiteral("bank"), {});
    QCOMPARE(again.status, 409);
    QCOMPARE(again.json().value(QStringLiteral("code")).toString(), QStringLiteral("invalid_state"));
    const auto del = m_http->del(QStringLiteral("/api/v1/payments/") + no);
    QCOMPARE(del.status, 405);
    QCOMPARE(m_http->del(QStringLiteral("/api/v1/applications/") + m_paidApp).status, 409);
    const auto admin = m_sandbox->runAdmin({QStringLiteral("pay"), no}); // a repeated notification is harmless
    QCOMPARE(admin.exitCode, 0);
    QCOMPARE(m_http->get(QStringLiteral("/api/v1/applications/") + m_paidApp).json().value(QStringLiteral("payment_status")).toString(),
             QStringLiteral("paid"));
}

void TestSandboxExtPayments::cashierCancel()
{
    const QString id = createApplication(*m_http, QStringLiteral("new"));
    const auto order = openOrder(*m_http, id, QStringLiteral("bank"), {});
    QCOMPARE(order.status, 201);
    const QString no = order.json().value(QStringLiteral("order_no")).toString();
    const QByteArray token = payToken(order.json().value(QStringLiteral("pay_url")).toString());
    const auto cancelled = pressCashierButton(*m_sandbox, no, token, QStringLiteral("cancel"));
    QCOMPARE(cancelled.status, 200);
    QVERIFY(QString::fromUtf8(cancelled.body).contains(QStringLiteral("订单已取消")));
    QCOMPARE(m_http->get(QStringLiteral("/api/v1/payments/") + no).json().value(QStringLiteral("status")).toString(), QStringLiteral("closed"));
    QCOMPARE(m_http->get(QStringLiteral("/api/v1/applications/") + id).json().value(QStringLiteral("payment_status")).toString(),
             QStringLiteral("unpaid"));
    // Paying a cancelled order is refused; a new order can be made.
    QCOMPARE(pressCashierButton(*m_sandbox, no, token, QStringLiteral("confirm")).status, 410);
    QCOMPARE(m_sandbox->runAdmin({QStringLiteral("pay"), no}).exitCode, 1);
    const auto fresh = openOrder(*m_http, id, QStringLiteral("bank"), {});
    QCOMPARE(fresh.status, 201);
    QVERIFY(fresh.json().value(QStringLiteral("order_no")).toString() != no);
}

void TestSandboxExtPayments::adminPay()
{
    const QString id = createApplication(*m_http, QStringLiteral("renewal"));
    const auto order = openOrder(*m_http, id, QStringLiteral("alipay"), {});
    QCOMPARE(order.status, 201);
    const QString no = order.json().value(QStringLiteral("order_no")).toString();
    const auto r = m_sandbox->runAdmin({QStringLiteral("pay"), no});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY(r.out.contains(no.toLatin1()));
    const QJsonObject app = m_http->get(QStringLiteral("/api/v1/applications/") + id).json();
    QCOMPARE(app.value(QStringLiteral("payment_status")).toString(), QStringLiteral("paid"));
    QCOMPARE(app.value(QStringLiteral("fee")).toString(), QStringLiteral("200.00"));
    const auto unknown = m_sandbox->runAdmin({QStringLiteral("pay"), QStringLiteral("370100cazf19990101000001")});
    QCOMPARE(unknown.exitCode, 1);
    QVERIFY(!unknown.err.isEmpty());
    QCOMPARE(m_sandbox->runAdmin({QStringLiteral("pay")}).exitCode, 2);
}

void TestSandboxExtPayments::isolation()
{
    const QString id = createApplication(*m_http, QStringLiteral("new"));
    const auto order = openOrder(*m_http, id, QStringLiteral("wechat"), {});
    QCOMPARE(order.status, 201);
    const QString no = order.json().value(QStringLiteral("order_no")).toString();
    SandboxHttp other(*m_sandbox);
    QVERIFY(other.login(QStringLiteral("purchaser")));
    QCOMPARE(other.get(QStringLiteral("/api/v1/payments/") + no).status, 404);
    QCOMPARE(openOrder(other, id, QStringLiteral("wechat"), {}).status, 404);
    QCOMPARE(other.get(QStringLiteral("/api/v1/applications/%1/invoice").arg(m_paidApp)).status, 404);
    SandboxHttp anonymous(*m_sandbox);
    QCOMPARE(anonymous.get(QStringLiteral("/api/v1/payments/") + no).status, 401);
}

void TestSandboxExtPayments::invoiceAndTemplates()
{
    const QString unpaid = createApplication(*m_http, QStringLiteral("new"));
    const auto early = m_http->get(QStringLiteral("/api/v1/applications/%1/invoice").arg(unpaid));
    QCOMPARE(early.status, 409);
    QCOMPARE(early.json().value(QStringLiteral("code")).toString(), QStringLiteral("not_paid"));

    QVERIFY(!m_paidApp.isEmpty());
    const auto inv = m_http->get(QStringLiteral("/api/v1/applications/%1/invoice").arg(m_paidApp));
    QVERIFY2(inv.status == 200, inv.body.left(300).constData());
    QCOMPARE(inv.header("Content-Type"), QByteArray("application/pdf"));
    QVERIFY(inv.body.startsWith("%PDF"));
    const QString text = pdfToText(inv.body);
    QVERIFY2(text.contains(QStringLiteral("300.00")), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("叁佰元整")));
    QVERIFY(text.contains(QStringLiteral("济南示例科技有限公司")));
    const QString no = m_http->get(QStringLiteral("/api/v1/applications/") + m_paidApp).json()
                           .value(QStringLiteral("payment")).toObject().value(QStringLiteral("order_no")).toString();
    QVERIFY(text.contains(no));
    // Cached: the same bytes again.
    QCOMPARE(m_http->get(QStringLiteral("/api/v1/applications/%1/invoice").arg(m_paidApp)).body, inv.body);

    for (const QString &name : {QStringLiteral("application_form"), QStringLiteral("authorization_letter")}) {
        const auto t = m_http->get(QStringLiteral("/api/v1/templates/") + name);
        QVERIFY2(t.status == 200, t.body.left(300).constData());
        QVERIFY(t.body.startsWith("%PDF"));
        QVERIFY(pdfToText(t.body).contains(name == QLatin1String("application_form") ? QStringLiteral("CA证书申请表")
                                                                                     : QStringLiteral("授权委托书")));
    }
    QCOMPARE(m_http->get(QStringLiteral("/api/v1/templates/nonsense")).status, 404);
    QCOMPARE(m_http->get(QStringLiteral("/api/v1/templates/..%2F..%2Fsandbox.sqlite")).status, 404);
}

void TestSandboxExtPayments::wechatOrderExpiresAfter300Seconds()
{
    const QString id = createApplication(*m_http, QStringLiteral("new"));
    const auto order = openOrder(*m_http, id, QStringLiteral("wechat"), {});
    QCOMPARE(order.status, 201);
    const QString no = order.json().value(QStringLiteral("order_no")).toString();
    const QByteArray token = payToken(order.json().value(QStringLiteral("pay_url")).toString());

    // 301 s later (the server clock moved forward over a restart).
    m_sandbox->setExtraArgs({QStringLiteral("--workflow"), QStringLiteral("pay-first"), QStringLiteral("--clock-offset"), QStringLiteral("301")});
    QVERIFY2(m_sandbox->restart(), qPrintable(m_sandbox->lastError()));
    m_http->rebase(*m_sandbox);

    const auto status = m_http->get(QStringLiteral("/api/v1/payments/") + no);
    QCOMPARE(status.status, 200);
    QCOMPARE(status.json().value(QStringLiteral("status")).toString(), QStringLiteral("expired"));
    QCOMPARE(m_http->get(QStringLiteral("/api/v1/applications/") + id).json().value(QStringLiteral("payment_status")).toString(),
             QStringLiteral("unpaid"));
    SandboxHttp browser(*m_sandbox);
    const auto page = browser.get(QStringLiteral("/pay/%1?t=%2").arg(no, QString::fromLatin1(token)));
    QCOMPARE(page.status, 410);
    QVERIFY(QString::fromUtf8(page.body).contains(QStringLiteral("订单已失效")));
    QCOMPARE(pressCashierButton(*m_sandbox, no, token, QStringLiteral("confirm")).status, 410);
    QCOMPARE(m_sandbox->runAdmin({QStringLiteral("pay"), no}).exitCode, 1);
    QCOMPARE(m_http->get(QStringLiteral("/api/v1/payments/") + no).json().value(QStringLiteral("status")).toString(), QStringLiteral("expired"));

    // A new order can be made and paid.
    const auto fresh = openOrder(*m_http, id, QStringLiteral("wechat"), {});
    QCOMPARE(fresh.status, 201);
    const QString freshNo = fresh.json().value(QStringLiteral("order_no")).toString();
    QVERIFY(freshNo != no);
    QCOMPARE(pressCashierButton(*m_sandbox, freshNo, payToken(fresh.json().value(QStringLiteral("pay_url")).toString()),
                                QStringLiteral("confirm")).status, 200);
    QCOMPARE(m_http->get(QStringLiteral("/api/v1/applications/") + id).json().value(QStringLiteral("payment_status")).toString(),
             QStringLiteral("paid"));
}

void TestSandboxExtPayments::reviewFirstPaysAfterApproval()
{
    SandboxProcess sandbox({QStringLiteral("--workflow"), QStringLiteral("review-first")});
    QVERIFY2(sandbox.start(), qPrintable(sandbox.lastError()));
    SandboxHttp http(sandbox);
    QVERIFY(http.login(QStringLiteral("agent")));
    const QString id = createApplication(http, QStringLiteral("new"));
    QVERIFY(!id.isEmpty());
    // Not before the approval (seed 003: CA 支付 lists approved applications).
    QCOMPARE(openOrder(http, id, QStringLiteral("wechat"), {}).status, 409);
    QVERIFY(submitAndApprove(sandbox, http, id, QStringLiteral("new")));

    const auto order = openOrder(http, id, QStringLiteral("wechat"), "rf-1");
    QCOMPARE(order.status, 201);
    const QString no = order.json().value(QStringLiteral("order_no")).toString();
    QCOMPARE(pressCashierButton(sandbox, no, payToken(order.json().value(QStringLiteral("pay_url")).toString()),
                                QStringLiteral("confirm")).status, 200);
    const QJsonObject app = http.get(QStringLiteral("/api/v1/applications/") + id).json();
    QCOMPARE(app.value(QStringLiteral("payment_status")).toString(), QStringLiteral("paid"));
    QCOMPARE(app.value(QStringLiteral("handling_status")).toString(), QStringLiteral("processing")); // 办理中
    QVERIFY(recordActions(app).contains(QStringLiteral("pay")));
    QCOMPARE(sandbox.stop(), 0);
}

QTEST_GUILESS_MAIN(TestSandboxExtPayments)
#include "sandbox_ext_payments.moc"
