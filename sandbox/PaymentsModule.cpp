// Routes, timer, decorator and admin verb of the payments (see Payments.h):
//   POST /api/v1/applications/{id}/payments {"channel"} (+ Idempotency-Key)
//        -> 201 order (new) | 200 order (the open order of that channel again)
//   GET  /api/v1/payments/{order_no} -> order
//   GET  /pay/{order_no}?t=TOKEN            the cashier page (public, HTML)
//   POST /pay/{order_no}/confirm  t=TOKEN   pays   -> "支付成功" page
//   POST /pay/{order_no}/cancel   t=TOKEN   cancels the order
//   ca-sandbox admin --data DIR pay ORDER_NO   (settles as a payment notification would)
// The application JSON gets "payment": the latest order.
#include "ApplicationStore.h"
#include "Context.h"
#include "Idempotency.h"
#include "JsonBody.h"
#include "Module.h"
#include "Payments.h"
#include "Reply.h"
#include "SandboxServer.h"

#include <QJsonDocument>
#include <QRegularExpression>
#include <QTimer>
#include <QUrlQuery>

#include <openssl/crypto.h>

namespace ca::sandbox {

namespace {

QString baseUrlOf(const Request &request)
{
    // The Host the client used (HTTP/1.1 always sends it); only a plain host[:port].
    static const QRegularExpression hostRe(QStringLiteral("^[A-Za-z0-9.\\-]+(:[0-9]{1,5})?$|^\\[[0-9A-Fa-f:.]+\\](:[0-9]{1,5})?$"));
    const QString host = QString::fromLatin1(request.header("Host"));
    if (hostRe.match(host).hasMatch())
        return QStringLiteral("https://") + host;
    return QString();
}

Reply createOrder(Context &context, Request &request)
{
    if (request.account.isReviewer())
        throw HttpError(403, QStringLiteral("forbidden"), QStringLiteral("Only the applicant can pay for an application; sign in as the applicant."));
    const StoredApplication app = ApplicationStore::require(context, request.account, request.param(QStringLiteral("id")));
    const QJsonObject body = JsonBody::object(request);
    JsonBody::rejectUnknown(body, {QStringLiteral("channel")});
    const QString channel = JsonBody::string(body, QStringLiteral("channel"), true);
    if (!Payments::isChannel(channel))
        JsonBody::throwFields({{QStringLiteral("channel"), QStringLiteral("invalid"),
                                QStringLiteral("The payment channel must be bank, alipay or wechat; choose one of them.")}});
    const QString base = baseUrlOf(request);
    return Idempotency::run(context, request, [&] {
        bool created = false;
        const StoredOrder order = Payments::open(context, app, channel, base, &created);
        return Reply::json(created ? 201 : 200, Payments::toJson(order));
    });
}

Reply getOrder(Context &context, Request &request)
{
    Payments::expireDue(context);
    const auto order = Payments::find(context, request.param(QStringLiteral("order_no")));
    if (!order || (!request.account.isReviewer() && order->organizationId != request.account.organizationId))
        throw HttpError(404, QStringLiteral("not_found"), QStringLiteral("No payment order %1 exists for your organisation; check the order number.")
                                                              .arg(request.param(QStringLiteral("order_no")).left(40)));
    return Reply::json(200, Payments::toJson(*order));
}

QString applicantName(Context &context, const StoredOrder &order)
{
    const auto app = ApplicationStore::find(context, order.applicationId);
    return app ? app->data.value(QStringLiteral("organization")).toObject().value(QStringLiteral("name")).toString() : QString();
}

Reply htmlReply(int status, const QByteArray &page)
{
    return Reply::bytes(status, page, "text/html; charset=utf-8").withHeader("Cache-Control", "no-store");
}

// The order of a cashier request if its token matches; else an HTML 404 page
// (the same for unknown orders and wrong tokens).
std::optional<StoredOrder> cashierOrder(Context &context, const Request &request, Reply *notFound)
{
    QString token = request.query.queryItemValue(QStringLiteral("t"));
    if (request.method == Method::Post) {
        const QUrlQuery form(QString::fromUtf8(request.body));
        if (form.hasQueryItem(QStringLiteral("t")))
            token = form.queryItemValue(QStringLiteral("t"));
    }
    Payments::expireDue(context);
    auto order = Payments::find(context, request.param(QStringLiteral("order_no")));
    const QByteArray given = token.toLatin1();
    const QByteArray expected = order ? order->token.toLatin1() : QByteArray();
    if (!order || given.size() != expected.size() || expected.isEmpty()
        || CRYPTO_memcmp(given.constData(), expected.constData(), size_t(given.size())) != 0) {
        *notFound = htmlReply(404, Payments::resultPage(StoredOrder(), QStringLiteral("订单不存在"),
                                                        QStringLiteral("该支付链接无效或已失效，请从CA办理页面重新发起支付。")));
        return std::nullopt;
    }
    return order;
}

Reply orderStatePage(const StoredOrder &order)
{
    if (order.status == QLatin1String("paid"))
        return htmlReply(200, Payments::resultPage(order, QStringLiteral("支付成功"),
                                                   QStringLiteral("订单已支付成功，CA费用一旦缴纳不能退办。")));
    if (order.status == QLatin1String("expired"))
        return htmlReply(410, Payments::resultPage(order, QStringLiteral("订单已失效"),
                                                   QStringLiteral("该订单已超过支付时限，无法支付成功。请返回CA办理页面重新发起支付。")));
    return htmlReply(410, Payments::resultPage(order, QStringLiteral("订单已关闭"),
                                               QStringLiteral("该订单已取消或已被新的订单替代，请返回CA办理页面重新发起支付。")));
}

// The open order of a cashier request; otherwise *answer is the page to show.
std::optional<StoredOrder> openCashierOrder(Context &context, const Request &request, Reply *answer)
{
    auto order = cashierOrder(context, request, answer);
    if (order && order->status != QLatin1String("open")) {
        *answer = orderStatePage(*order);
        return std::nullopt;
    }
    return order;
}

Reply cashierGet(Context &context, Request &request)
{
    Reply answer;
    const auto order = openCashierOrder(context, request, &answer);
    if (!order)
        return answer;
    return htmlReply(200, Payments::cashierPage(*order, applicantName(context, *order)));
}

Reply cashierConfirm(Context &context, Request &request)
{
    Reply answer;
    const auto order = openCashierOrder(context, request, &answer);
    if (!order)
        return answer;
    try {
        return orderStatePage(Payments::settle(context, order->orderNo, QStringLiteral("payment:") + order->channel));
    } catch (const HttpError &) {
        const auto now = Payments::find(context, order->orderNo);
        if (now && now->status != QLatin1String("open"))
            return orderStatePage(*now);
        return htmlReply(409, Payments::resultPage(*order, QStringLiteral("支付失败"),
                                                   QStringLiteral("该申请当前不能支付，请返回CA办理页面刷新后重试。")));
    }
}

Reply cashierCancel(Context &context, Request &request)
{
    Reply answer;
    const auto order = openCashierOrder(context, request, &answer);
    if (!order)
        return answer;
    const StoredOrder closed = Payments::cancel(context, order->orderNo);
    return htmlReply(200, Payments::resultPage(closed, QStringLiteral("订单已取消"),
                                               QStringLiteral("您已取消本次支付，未扣款。如需支付，请返回CA办理页面重新发起支付。")));
}

class PaymentsModule : public Module
{
public:
    QString name() const override { return QStringLiteral("payments"); }
    int order() const override { return 100; }

    void addMigrations(Context &context) override { Payments::addMigrations(context); }

    void prepare(Context &context) override
    {
        Context *ctx = &context;
        context.addApplicationDecorator([ctx](const QString &applicationId, QJsonObject &json) {
            if (const auto order = Payments::latestForApplication(*ctx, applicationId))
                json.insert(QStringLiteral("payment"), Payments::toJson(*order));
        });
    }

    void install(Context &context, SandboxServer &server) override
    {
        Context *ctx = &context;
        server.route(Method::Post, QStringLiteral("/api/v1/applications/{id}/payments"), Access::User,
                     [ctx](Request &r) { return createOrder(*ctx, r); });
        server.route(Method::Get, QStringLiteral("/api/v1/payments/{order_no}"), Access::User,
                     [ctx](Request &r) { return getOrder(*ctx, r); });
        server.route(Method::Get, QStringLiteral("/pay/{order_no}"), Access::Public,
                     [ctx](Request &r) { return cashierGet(*ctx, r); });
        server.route(Method::Post, QStringLiteral("/pay/{order_no}/confirm"), Access::Public,
                     [ctx](Request &r) { return cashierConfirm(*ctx, r); });
        server.route(Method::Post, QStringLiteral("/pay/{order_no}/cancel"), Access::Public,
                     [ctx](Request &r) { return cashierCancel(*ctx, r); });

        // Expire orders even when nobody asks (the application's payment goes back to unpaid).
        auto *timer = new QTimer(&server);
        timer->setInterval(1000);
        QObject::connect(timer, &QTimer::timeout, &server, [ctx] {
            try {
                Payments::expireDue(*ctx);
            } catch (const std::exception &) {
                // logged by Sql; try again on the next tick
            }
        });
        timer->start();
    }

    QStringList adminVerbs() const override { return {QStringLiteral("pay")}; }

    int runAdmin(Context &context, const QStringList &args, QTextStream &out, QTextStream &err) override
    {
        if (args.size() != 2) {
            err << "usage: ca-sandbox admin --data DIR pay ORDER_NO\n";
            return 2;
        }
        try {
            const StoredOrder order = Payments::settle(context, args.at(1), QStringLiteral("admin"));
            out << "paid " << order.orderNo << ' ' << Context::money(order.amountFen) << " (" << order.applicationId << ")\n";
            return 0;
        } catch (const HttpError &e) {
            const QJsonObject body = QJsonDocument::fromJson(e.reply().body).object();
            err << "ca-sandbox: " << body.value(QStringLiteral("message")).toString() << '\n';
            return 1;
        }
    }
};

} // namespace

CA_SANDBOX_MODULE(PaymentsModule)

} // namespace ca::sandbox
