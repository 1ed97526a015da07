#include "Review.h"

#include "ApplicationStore.h"
#include "Applications.h"
#include "Context.h"
#include "JsonBody.h"
#include "Module.h"
#include "SandboxServer.h"
#include "Sql.h"

#include <QCoreApplication>
#include <QTimer>

namespace ca::sandbox {

QStringList Review::actions()
{
    return {QStringLiteral("approve"), QStringLiteral("reject"), QStringLiteral("ship"), QStringLiteral("onsite"), QStringLiteral("done")};
}

int Review::autoReview(Context &context, int seconds)
{
    const QString cutoff = Context::isoTime(context.now().addSecs(-seconds));
    QSqlQuery q = Sql::exec(context.db(),
                            QStringLiteral("SELECT a.id FROM applications a WHERE a.review_status = 'pending' AND "
                                           "(SELECT MAX(time) FROM approval_records r WHERE r.application_id = a.id AND r.action = 'submit') <= ?"),
                            {cutoff});
    QStringList ids;
    while (q.next())
        ids << q.value(0).toString();
    int n = 0;
    for (const QString &id : std::as_const(ids)) {
        try {
            ApplicationStore::review(context, id, QStringLiteral("approve"), QStringLiteral("auto-review"),
                                     QCoreApplication::translate("ca::sandbox", "Approved automatically by the sandbox."), QString(), QString());
            ++n;
            qCInfo(lcSandbox).noquote() << "auto-review approved" << id;
        } catch (const HttpError &e) {
            qCWarning(lcSandbox).noquote() << "auto-review could not approve" << id << e.reply().status;
        }
    }
    return n;
}

namespace {

class ReviewModule : public Module
{
public:
    QString name() const override { return QStringLiteral("review"); }
    int order() const override { return 40; }

    void install(Context &context, SandboxServer &server) override
    {
        Context *ctx = &context;
        server.route(Method::Get, QStringLiteral("/api/v1/review/applications"), Access::Reviewer,
                     [ctx](Request &r) { return Reply::json(200, Applications::list(*ctx, r, 0)); });
        for (const QString &action : Review::actions()) {
            server.route(Method::Post, QStringLiteral("/api/v1/review/applications/{id}/") + action, Access::Reviewer,
                         [ctx, action](Request &r) {
                             const QJsonObject body = JsonBody::object(r, true);
                             JsonBody::rejectUnknown(body, {QStringLiteral("comment"), QStringLiteral("tracking_no"), QStringLiteral("carrier")});
                             const QString id = r.param(QStringLiteral("id"));
                             ApplicationStore::review(*ctx, id, action, r.account.username,
                                                      JsonBody::string(body, QStringLiteral("comment"), false),
                                                      JsonBody::string(body, QStringLiteral("tracking_no"), false),
                                                      JsonBody::string(body, QStringLiteral("carrier"), false));
                             const auto app = ApplicationStore::find(*ctx, id);
                             return Reply::json(200, ApplicationStore::toJson(*ctx, *app))
                                 .withHeader("ETag", Applications::etag(app->version));
                         });
        }
        if (context.config.autoReviewSeconds > 0) {
            auto *timer = new QTimer(&server);
            const int seconds = context.config.autoReviewSeconds;
            timer->setInterval(std::min(1000, seconds * 1000));
            QObject::connect(timer, &QTimer::timeout, timer, [ctx, seconds] {
                try {
                    Review::autoReview(*ctx, seconds);
                } catch (const std::exception &) {
                    qCWarning(lcSandbox) << "auto-review scan failed";
                }
            });
            timer->start();
        }
    }

    QStringList adminVerbs() const override { return Review::actions() << QStringLiteral("list"); }

    int runAdmin(Context &context, const QStringList &args, QTextStream &out, QTextStream &err) override
    {
        const QString verb = args.value(0);
        if (verb == QLatin1String("list")) {
            // One line per application: id, organisation, kind, statuses, fee.
            QSqlQuery q = Sql::exec(context.db(), QStringLiteral("SELECT a.id, o.name, a.kind, a.review_status, a.payment_status, "
                                                                 "a.handling_status, a.fee_fen FROM applications a JOIN organizations o "
                                                                 "ON o.id = a.organization_id ORDER BY a.created_at, a.id"));
            while (q.next())
                out << q.value(0).toString() << '\t' << q.value(1).toString() << '\t' << q.value(2).toString()
                    << "\treview " << q.value(3).toString() << "\tpayment " << q.value(4).toString()
                    << "\thandling " << q.value(5).toString() << "\t" << Context::money(q.value(6).toLongLong()) << '\n';
            return 0;
        }
        QString id, comment, tracking, carrier;
        for (int i = 1; i < args.size(); ++i) {
            const QString a = args.at(i);
            auto next = [&](QString *target) {
                if (i + 1 >= args.size())
                    return false;
                *target = args.at(++i);
                return true;
            };
            bool ok = true;
            if (a == QLatin1String("--comment"))
                ok = next(&comment);
            else if (a == QLatin1String("--tracking"))
                ok = next(&tracking);
            else if (a == QLatin1String("--carrier"))
                ok = next(&carrier);
            else if (!a.startsWith(QLatin1String("--")) && id.isEmpty())
                id = a;
            else
                ok = false;
            if (!ok) {
                err << "usage: ca-sandbox admin --data DIR " << verb << " ID [--comment TEXT] [--tracking NO] [--carrier NAME]\n";
                return 2;
            }
        }
        if (id.isEmpty()) {
            err << "usage: ca-sandbox admin --data DIR " << verb << " ID [--comment TEXT] [--tracking NO] [--carrier NAME]\n";
            return 2;
        }
        try {
            ApplicationStore::review(context, id, verb, QStringLiteral("reviewer"), comment, tracking, carrier);
        } catch (const HttpError &e) {
            err << "ca-sandbox admin " << verb << " " << id << ": " << e.reply().status << ' ' << e.reply().body << '\n';
            return 1;
        }
        const auto app = ApplicationStore::find(context, id);
        out << id << ": review " << app->reviewStatus << ", payment " << app->paymentStatus << ", handling " << app->handlingStatus << '\n';
        return 0;
    }
};

} // namespace

CA_SANDBOX_MODULE(ReviewModule)

} // namespace ca::sandbox
