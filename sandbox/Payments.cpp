#include "Payments.h"

#include "ApplicationStore.h"
#include "Context.h"
#include "Reply.h"
#include "Sql.h"

#include "core/model/Enums.h"
#include "core/model/Money.h"
#include "core/model/PaymentOrder.h"

#include <QStringList>

namespace ca::sandbox {

namespace {

const QString kSelect = QStringLiteral(
    "SELECT order_no, application_id, organization_id, channel, amount_fen, status, created_at, expires_at, paid_at, token, base_url "
    "FROM payment_orders ");

StoredOrder fromRow(const QSqlQuery &q)
{
    StoredOrder o;
    o.orderNo = q.value(0).toString();
    o.applicationId = q.value(1).toString();
    o.organizationId = q.value(2).toLongLong();
    o.channel = q.value(3).toString();
    o.amountFen = q.value(4).toLongLong();
    o.status = q.value(5).toString();
    o.createdAt = QDateTime::fromString(q.value(6).toString(), Qt::ISODate);
    o.expiresAt = QDateTime::fromString(q.value(7).toString(), Qt::ISODate);
    o.paidAt = QDateTime::fromString(q.value(8).toString(), Qt::ISODate);
    o.token = q.value(9).toString();
    o.baseUrl = q.value(10).toString();
    return o;
}

QString html(const QString &s)
{
    return s.toHtmlEscaped();
}

QString pageShell(const QString &title, const QString &body)
{
    return QStringLiteral(
               "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
               "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>%1</title>\n"
               "<style>body{font-family:sans-serif;background:#f4f4f4;margin:0}"
               ".box{max-width:560px;margin:40px auto;background:#fff;border:1px solid #ddd;padding:24px 32px}"
               "h1{font-size:20px;color:#e8541e;margin-top:0}.notice{background:#fff8e6;border:1px solid #f3d18a;padding:8px 12px;font-size:13px}"
               "table{border-collapse:collapse;width:100%;margin:16px 0}th{text-align:left;color:#666;font-weight:normal;width:8em;padding:6px 0}"
               "td{padding:6px 0}.amount{color:#e8541e;font-size:22px;font-weight:bold}"
               "form{display:inline-block;margin-right:12px}button{font-size:16px;padding:8px 28px;cursor:pointer}"
               "button.pay{background:#e8541e;color:#fff;border:none}.ok{color:#2a8a2a}.bad{color:#b00020}</style>\n"
               "</head>\n<body>\n<div class=\"box\">\n%2</div>\n</body>\n</html>\n")
        .arg(html(title), body);
}

} // namespace

int Payments::wechatTtlSeconds()
{
    bool ok = false;
    const int env = qEnvironmentVariableIntValue("CA_SANDBOX_WECHAT_TTL", &ok);
    return ok && env > 0 ? env : 300;
}

int Payments::ttlSeconds(const QString &channel)
{
    return channel == QLatin1String("wechat") ? wechatTtlSeconds() : kBankTtlSeconds;
}

bool Payments::isChannel(const QString &channel)
{
    return channel == QLatin1String("bank") || channel == QLatin1String("alipay") || channel == QLatin1String("wechat");
}

QString Payments::channelLabel(const QString &channel)
{
    if (channel == QLatin1String("bank"))
        return QStringLiteral("网银支付");
    if (channel == QLatin1String("alipay"))
        return QStringLiteral("支付宝支付");
    return QStringLiteral("微信支付");
}

QString Payments::payeeName()
{
    return QStringLiteral("山东阳光采购服务平台运营有限公司（沙箱）");
}

void Payments::addMigrations(Context &context)
{
    context.addMigration(QStringLiteral("payments-001"), {
        QStringLiteral("CREATE TABLE payment_orders (order_no TEXT PRIMARY KEY, application_id TEXT NOT NULL, "
                       "organization_id INTEGER NOT NULL, channel TEXT NOT NULL, amount_fen INTEGER NOT NULL, "
                       "status TEXT NOT NULL, created_at TEXT NOT NULL, expires_at TEXT NOT NULL, paid_at TEXT, "
                       "closed_at TEXT, token TEXT NOT NULL, base_url TEXT NOT NULL, day TEXT NOT NULL, seq INTEGER NOT NULL)"),
        QStringLiteral("CREATE INDEX payment_orders_app ON payment_orders (application_id, created_at)"),
        QStringLiteral("CREATE INDEX payment_orders_open ON payment_orders (status, expires_at)"),
    });
}

int Payments::expireDue(Context &context)
{
    QSqlDatabase db = context.db();
    const QString now = context.nowIso();
    QSqlQuery q = Sql::exec(db, QStringLiteral("SELECT order_no, application_id FROM payment_orders WHERE status = 'open' AND expires_at <= ?"),
                            {now});
    QList<QPair<QString, QString>> due;
    while (q.next())
        due.append({q.value(0).toString(), q.value(1).toString()});
    if (due.isEmpty())
        return 0;
    Sql::Transaction tx(db);
    for (const auto &[orderNo, appId] : std::as_const(due)) {
        Sql::exec(db, QStringLiteral("UPDATE payment_orders SET status = 'expired', closed_at = ? WHERE order_no = ? AND status = 'open'"),
                  {now, orderNo});
        QSqlQuery other = Sql::exec(db, QStringLiteral("SELECT 1 FROM payment_orders WHERE application_id = ? AND status = 'open'"), {appId});
        if (!other.next()) {
            try {
                ApplicationStore::setPaymentStatus(context, appId, QStringLiteral("unpaid"), QStringLiteral("system"));
            } catch (const HttpError &) {
                // The application moved on (or is gone): the order still expires.
                qCWarning(lcSandbox) << "application" << appId << "refused payment status unpaid after order" << orderNo << "expired";
            }
        }
        qCInfo(lcSandbox) << "payment order" << orderNo << "expired";
    }
    tx.commit();
    return int(due.size());
}

std::optional<StoredOrder> Payments::find(Context &context, const QString &orderNo)
{
    QSqlQuery q = Sql::exec(context.db(), kSelect + QStringLiteral("WHERE order_no = ?"), {orderNo});
    if (!q.next())
        return std::nullopt;
    return fromRow(q);
}

std::optional<StoredOrder> Payments::latestForApplication(Context &context, const QString &applicationId)
{
    QSqlQuery q = Sql::exec(context.db(), kSelect + QStringLiteral("WHERE application_id = ? ORDER BY rowid DESC LIMIT 1"),
                            {applicationId});
    if (!q.next())
        return std::nullopt;
    return fromRow(q);
}

StoredOrder Payments::open(Context &context, const StoredApplication &app, const QString &channel, const QString &baseUrl,
                           bool *created)
{
    *created = false;
    expireDue(context);
    QSqlDatabase db = context.db();
    Sql::Transaction tx(db);
    {
        QSqlQuery q = Sql::exec(db, kSelect + QStringLiteral("WHERE application_id = ? AND channel = ? AND status = 'open'"), {app.id, channel});
        if (q.next())
            return fromRow(q); // the open order of this channel, again
    }
    const auto current = ApplicationStore::find(context, app.id);
    if (!current)
        throw HttpError(404, QStringLiteral("not_found"), QStringLiteral("No application %1 exists for your organisation; check the application number.").arg(app.id));
    const QString refusal = ApplicationStore::paymentRefusal(context, *current);
    if (!refusal.isEmpty())
        throw HttpError(409, QStringLiteral("invalid_state"), refusal);
    if (current->feeFen <= 0)
        throw HttpError(409, QStringLiteral("invalid_state"), QStringLiteral("This application costs nothing, so there is nothing to pay."));

    QDateTime now = context.now();
    now = now.addMSecs(-now.time().msec()); // whole seconds, as stored
    // Another channel's open order is superseded by the new one.
    Sql::exec(db, QStringLiteral("UPDATE payment_orders SET status = 'closed', closed_at = ? WHERE application_id = ? AND status = 'open'"),
              {Context::isoTime(now), app.id});

    StoredOrder o;
    const QString day = now.toString(QStringLiteral("yyyyMMdd"));
    QSqlQuery seqQ = Sql::exec(db, QStringLiteral("SELECT COALESCE(MAX(seq), 0) + 1 FROM payment_orders WHERE day = ?"), {day});
    const qint64 seq = seqQ.next() ? seqQ.value(0).toLongLong() : 1;
    o.orderNo = QStringLiteral("370100cazf%1%2").arg(day).arg(seq, 6, 10, QLatin1Char('0'));
    o.applicationId = app.id;
    o.organizationId = current->organizationId;
    o.channel = channel;
    o.amountFen = current->feeFen;
    o.status = QStringLiteral("open");
    o.createdAt = now;
    o.expiresAt = now.addSecs(ttlSeconds(channel));
    o.token = Context::randomHex(16);
    o.baseUrl = baseUrl;
    Sql::exec(db, QStringLiteral("INSERT INTO payment_orders (order_no, application_id, organization_id, channel, amount_fen, status, "
                                 "created_at, expires_at, token, base_url, day, seq) VALUES (?, ?, ?, ?, ?, 'open', ?, ?, ?, ?, ?, ?)"),
              {o.orderNo, o.applicationId, o.organizationId, o.channel, o.amountFen, Context::isoTime(o.createdAt),
               Context::isoTime(o.expiresAt), o.token, o.baseUrl, day, seq});
    if (current->paymentStatus != QLatin1String("open"))
        ApplicationStore::setPaymentStatus(context, app.id, QStringLiteral("open"), QStringLiteral("system"));
    tx.commit();
    *created = true;
    qCInfo(lcSandbox) << "payment order" << o.orderNo << "opened for" << o.applicationId << o.channel << Context::money(o.amountFen);
    return o;
}

StoredOrder Payments::require(Context &context, const QString &orderNo)
{
    auto order = find(context, orderNo);
    if (!order)
        throw HttpError(404, QStringLiteral("not_found"), QStringLiteral("No payment order %1 exists; check the order number.").arg(orderNo.left(40)));
    return *order;
}

StoredOrder Payments::settle(Context &context, const QString &orderNo, const QString &actor)
{
    expireDue(context);
    QSqlDatabase db = context.db();
    Sql::Transaction tx(db);
    StoredOrder order = require(context, orderNo);
    if (order.status == QLatin1String("paid"))
        return order; // a repeated notification changes nothing
    if (order.status == QLatin1String("expired"))
        throw HttpError(409, QStringLiteral("order_expired"),
                        QStringLiteral("This payment order has expired and can no longer be paid; open a new order from the application."));
    if (order.status != QLatin1String("open"))
        throw HttpError(409, QStringLiteral("order_closed"),
                        QStringLiteral("This payment order was cancelled or replaced and can no longer be paid; open a new order from the application."));
    QDateTime now = context.now();
    now = now.addMSecs(-now.time().msec());
    Sql::exec(db, QStringLiteral("UPDATE payment_orders SET status = 'paid', paid_at = ? WHERE order_no = ?"),
              {Context::isoTime(now), orderNo});
    ApplicationStore::setPaymentStatus(context, order.applicationId, QStringLiteral("paid"), actor);
    tx.commit();
    order.status = QStringLiteral("paid");
    order.paidAt = now;
    qCInfo(lcSandbox) << "payment order" << orderNo << "paid";
    return order;
}

StoredOrder Payments::cancel(Context &context, const QString &orderNo)
{
    expireDue(context);
    QSqlDatabase db = context.db();
    Sql::Transaction tx(db);
    StoredOrder order = require(context, orderNo);
    if (order.status != QLatin1String("open"))
        return order;
    Sql::exec(db, QStringLiteral("UPDATE payment_orders SET status = 'closed', closed_at = ? WHERE order_no = ?"), {context.nowIso(), orderNo});
    ApplicationStore::setPaymentStatus(context, order.applicationId, QStringLiteral("unpaid"), QStringLiteral("system"));
    tx.commit();
    order.status = QStringLiteral("closed");
    qCInfo(lcSandbox) << "payment order" << orderNo << "cancelled at the cashier";
    return order;
}

QString Payments::payPath(const StoredOrder &order)
{
    return QStringLiteral("/pay/%1?t=%2").arg(order.orderNo, order.token);
}

QJsonObject Payments::toJson(const StoredOrder &order)
{
    ca::PaymentOrder p;
    p.orderNo = order.orderNo;
    p.channel = order.channel == QLatin1String("bank") ? PaymentChannel::Bank
        : order.channel == QLatin1String("alipay")     ? PaymentChannel::Alipay
                                                       : PaymentChannel::Wechat;
    p.amount = Money::fromFen(order.amountFen);
    p.status = order.status == QLatin1String("paid") ? PaymentOrderStatus::Paid
        : order.status == QLatin1String("expired")   ? PaymentOrderStatus::Expired
        : order.status == QLatin1String("closed")    ? PaymentOrderStatus::Closed
                                                     : PaymentOrderStatus::Open;
    p.createdAt = order.createdAt;
    p.expiresAt = order.expiresAt;
    p.paidAt = order.paidAt;
    if (p.status == PaymentOrderStatus::Open)
        p.payUrl = order.baseUrl + payPath(order);
    return p.toJson();
}

QString Payments::chineseCapitals(qint64 fen)
{
    static const QString digits = QStringLiteral("零壹贰叁肆伍陆柒捌玖");
    static const QStringList units{QString(), QStringLiteral("拾"), QStringLiteral("佰"), QStringLiteral("仟")};
    static const QStringList groups{QString(), QStringLiteral("万"), QStringLiteral("亿"), QStringLiteral("万亿")};
    if (fen < 0)
        return QStringLiteral("负") + chineseCapitals(-fen);
    const qint64 yuan = fen / 100;
    const int jiao = int((fen / 10) % 10);
    const int cents = int(fen % 10);

    QString out;
    if (yuan > 0) {
        QList<int> parts; // groups of four digits, lowest first
        for (qint64 y = yuan; y > 0; y /= 10000)
            parts.append(int(y % 10000));
        bool pendingZero = false;
        for (int g = int(parts.size()) - 1; g >= 0; --g) {
            const int part = parts.at(g);
            if (part == 0) {
                pendingZero = !out.isEmpty();
                continue;
            }
            if (!out.isEmpty() && (pendingZero || part < 1000))
                out += digits.at(0);
            pendingZero = false;
            bool zero = false;
            bool any = false;
            for (int pos = 3; pos >= 0; --pos) {
                int d = part;
                for (int i = 0; i < pos; ++i)
                    d /= 10;
                d %= 10;
                if (d == 0) {
                    zero = any;
                    continue;
                }
                if (zero)
                    out += digits.at(0);
                zero = false;
                any = true;
                out += digits.at(d) + units.at(pos);
            }
            out += groups.at(qMin(g, int(groups.size()) - 1));
        }
        out += QStringLiteral("元");
    }
    if (jiao == 0 && cents == 0)
        return out.isEmpty() ? QStringLiteral("零元整") : out + QStringLiteral("整");
    if (jiao > 0)
        out += digits.at(jiao) + QStringLiteral("角");
    else if (!out.isEmpty())
        out += digits.at(0);
    if (cents > 0)
        out += digits.at(cents) + QStringLiteral("分");
    return out;
}

QByteArray Payments::cashierPage(const StoredOrder &order, const QString &applicantName)
{
    const QString t = html(order.token);
    const QString no = html(order.orderNo);
    QString body;
    body += QStringLiteral("<h1>阳光采购服务平台 收银台</h1>\n");
    body += QStringLiteral("<p class=\"notice\">温馨提示：您即将向%1付款，由此产生的法律后果由您自行承担。"
                           "本机构已知晓由于CA证书的特殊性，一旦缴费，不能退办。</p>\n").arg(html(payeeName()));
    body += QStringLiteral("<table>\n"
                           "<tr><th>订单号</th><td id=\"order_no\">%1</td></tr>\n"
                           "<tr><th>收款方</th><td id=\"payee\">%2</td></tr>\n"
                           "<tr><th>收款帐号</th><td>15297*****0021</td></tr>\n"
                           "<tr><th>付款单位</th><td>%3</td></tr>\n"
                           "<tr><th>订单金额</th><td class=\"amount\" id=\"amount\">%4 元</td></tr>\n"
                           "<tr><th>大写金额</th><td id=\"amount_capitals\">%5</td></tr>\n"
                           "<tr><th>支付方式</th><td id=\"channel\">%6</td></tr>\n"
                           "<tr><th>有效期至</th><td id=\"expires_at\">%7 (UTC)</td></tr>\n"
                           "</table>\n")
                .arg(no, html(payeeName()), html(applicantName), Context::money(order.amountFen),
                     chineseCapitals(order.amountFen), channelLabel(order.channel), html(Context::isoTime(order.expiresAt)));
    if (order.channel == QLatin1String("wechat"))
        body += QStringLiteral("<p class=\"notice\">微信支付需要在%1秒内完成支付，超过%1秒后，支付二维码会失效，失效后无法支付成功。</p>\n")
                    .arg(Payments::wechatTtlSeconds());
    body += QStringLiteral("<form method=\"post\" action=\"/pay/%1/confirm\"><input type=\"hidden\" name=\"t\" value=\"%2\">"
                           "<button class=\"pay\" type=\"submit\" name=\"action\" value=\"pay\">确认支付 Pay</button></form>\n"
                           "<form method=\"post\" action=\"/pay/%1/cancel\"><input type=\"hidden\" name=\"t\" value=\"%2\">"
                           "<button type=\"submit\" name=\"action\" value=\"cancel\">取消 Cancel</button></form>\n")
                .arg(no, t);
    return pageShell(QStringLiteral("收银台 - 订单 %1").arg(order.orderNo), body).toUtf8();
}

QByteArray Payments::resultPage(const StoredOrder &order, const QString &title, const QString &text)
{
    const QString cls = order.status == QLatin1String("paid") ? QStringLiteral("ok") : QStringLiteral("bad");
    QString body = QStringLiteral("<h1 class=\"%1\" id=\"result\">%2</h1>\n<p>%3</p>\n").arg(cls, html(title), html(text));
    if (!order.orderNo.isEmpty())
        body += QStringLiteral("<table>\n<tr><th>订单号</th><td id=\"order_no\">%1</td></tr>\n"
                               "<tr><th>订单金额</th><td id=\"amount\">%2 元（%3）</td></tr>\n"
                               "<tr><th>订单状态</th><td id=\"status\">%4</td></tr>\n</table>\n")
                    .arg(html(order.orderNo), Context::money(order.amountFen), chineseCapitals(order.amountFen), html(order.status));
    body += QStringLiteral("<p>请返回CA办理页面，点击“刷新支付状态”。</p>\n");
    return pageShell(title, body).toUtf8();
}

} // namespace ca::sandbox
