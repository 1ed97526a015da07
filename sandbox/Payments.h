#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace ca::sandbox {

class Context;
struct StoredApplication;

// One payment order (table payment_orders).
struct StoredOrder {
    QString orderNo;        // "370100cazf20261121000001": area code, "cazf", date, daily sequence
    QString applicationId;
    qint64 organizationId = 0;
    QString channel;        // bank | alipay | wechat
    qint64 amountFen = 0;   // computed by the server: price of kind x quantity
    QString status;         // open | paid | expired | closed
    QDateTime createdAt, expiresAt, paidAt;
    QString token;          // random, carried by pay_url (?t=…): the cashier page is public
    QString baseUrl;        // "https://127.0.0.1:8443" as the client reached the server
};

// Payment orders, the cashier and settlement (see PaymentsModule.cpp for the routes).
// Rules:
// - an order may be opened only when the workflow allows paying
//   (ApplicationStore::paymentRefusal); the amount is the application's fee;
// - an open, unexpired order of the same channel is returned again; an open
//   order of another channel is closed when a new one is opened;
// - WeChat orders expire after 300 s (env CA_SANDBOX_WECHAT_TTL overrides it
//   for tests), bank and Alipay orders after 30 minutes; an expired order
//   closes (status "expired") and the application's payment goes back to
//   "unpaid", so a new order may be opened;
// - paying is final: no refund path exists; the application becomes "paid"
//   with a "pay" approval record (and handling "processing" when approved).
class Payments
{
public:
    static constexpr int kBankTtlSeconds = 30 * 60;
    static int wechatTtlSeconds();                     // 300 unless CA_SANDBOX_WECHAT_TTL is set
    static int ttlSeconds(const QString &channel);
    static bool isChannel(const QString &channel);

    static void addMigrations(Context &context);

    // Marks open orders past their expiry as expired (and the applications as unpaid).
    static int expireDue(Context &context);

    static std::optional<StoredOrder> find(Context &context, const QString &orderNo);
    static StoredOrder require(Context &context, const QString &orderNo); // HttpError 404 when unknown
    static std::optional<StoredOrder> latestForApplication(Context &context, const QString &applicationId);

    // Opens (or returns the open) order. *created tells which. Throws HttpError.
    static StoredOrder open(Context &context, const StoredApplication &app, const QString &channel, const QString &baseUrl,
                            bool *created);

    // Settles an open order (cashier confirm, `admin pay`). Throws HttpError
    // 409 "order_expired" / "order_closed"; paying a paid order again is a no-op.
    static StoredOrder settle(Context &context, const QString &orderNo, const QString &actor);
    // Cancels an open order from the cashier (status "closed", application unpaid).
    static StoredOrder cancel(Context &context, const QString &orderNo);

    // The order as the API shows it (ca::PaymentOrder JSON); pay_url
    // (absolute, base URL as the client reached the server) only while open.
    static QJsonObject toJson(const StoredOrder &order);
    static QString payPath(const StoredOrder &order); // "/pay/<order_no>?t=<token>"

    // Amount in Chinese capitals as on a cashier slip: 30000 fen -> "叁佰元整".
    static QString chineseCapitals(qint64 fen);

    // The cashier pages (UTF-8 HTML).
    static QByteArray cashierPage(const StoredOrder &order, const QString &applicantName);
    static QByteArray resultPage(const StoredOrder &order, const QString &title, const QString &text);

    static QString payeeName();
    static QString channelLabel(const QString &channel); // 网银支付 | 支付宝支付 | 微信支付
};

} // namespace ca::sandbox
