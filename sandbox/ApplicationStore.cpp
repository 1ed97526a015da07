#include "ApplicationStore.h"

#include "Context.h"
#include "Reply.h"
#include "Sql.h"

#include "core/workflow/WorkflowRules.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace ca::sandbox {

namespace {

const char kSelect[] = "SELECT id, organization_id, version, kind, review_status, payment_status, handling_status, "
                       "fee_fen, json, created_at, updated_at FROM applications";

StoredApplication fromRow(const QSqlQuery &q)
{
    StoredApplication a;
    a.id = q.value(0).toString();
    a.organizationId = q.value(1).toLongLong();
    a.version = q.value(2).toInt();
    a.kind = q.value(3).toString();
    a.reviewStatus = q.value(4).toString();
    a.paymentStatus = q.value(5).toString();
    a.handlingStatus = q.value(6).toString();
    a.feeFen = q.value(7).toLongLong();
    a.data = QJsonDocument::fromJson(q.value(8).toByteArray()).object();
    a.createdAt = q.value(9).toString();
    a.updatedAt = q.value(10).toString();
    return a;
}

Reply refused(const Decision &d)
{
    return Reply::error(409, QStringLiteral("invalid_state"), d.reason);
}

} // namespace

std::optional<StoredApplication> ApplicationStore::find(Context &context, const QString &id)
{
    QSqlQuery q = Sql::exec(context.db(), QLatin1String(kSelect) + QStringLiteral(" WHERE id = ?"), {id});
    if (!q.next())
        return std::nullopt;
    return fromRow(q);
}

StoredApplication ApplicationStore::require(Context &context, const Account &account, const QString &id)
{
    const auto app = find(context, id);
    if (!app || (!account.isReviewer() && app->organizationId != account.organizationId))
        throw HttpError(404, QStringLiteral("not_found"),
                        QCoreApplication::translate("ca::sandbox", "No application %1 exists for your organisation; check the application number.").arg(id.left(40)));
    return *app;
}

ca::Workflow ApplicationStore::workflow(Context &context)
{
    return context.config.workflow == QLatin1String("pay-first") ? ca::Workflow::PayFirst : ca::Workflow::ReviewFirst;
}

ca::Application ApplicationStore::model(Context &context, const StoredApplication &s)
{
    ca::Application a = ca::Application::fromJson(s.data).value;
    a.id = s.id;
    a.version = s.version;
    a.kind = enumFromWord<ApplicationKind>(s.kind).value_or(ApplicationKind::New);
    a.reviewStatus = enumFromWord<ReviewStatus>(s.reviewStatus).value_or(ReviewStatus::Draft);
    a.paymentStatus = enumFromWord<PaymentStatus>(s.paymentStatus).value_or(PaymentStatus::Unpaid);
    a.handlingStatus = enumFromWord<HandlingStatus>(s.handlingStatus).value_or(HandlingStatus::None);
    a.fee = Money::fromFen(s.feeFen);
    a.createdAt = QDateTime::fromString(s.createdAt, Qt::ISODate);
    a.updatedAt = QDateTime::fromString(s.updatedAt, Qt::ISODate);
    a.payment.reset();
    a.attachments.clear();
    QSqlQuery q = Sql::exec(context.db(), QStringLiteral("SELECT id, category, file_name, size, sha256, content_type FROM attachments "
                                                         "WHERE application_id = ? ORDER BY created_at, rowid"), {s.id});
    while (q.next()) {
        Attachment at;
        at.id = q.value(0).toString();
        at.category = enumFromWord<AttachmentCategory>(q.value(1).toString()).value_or(AttachmentCategory::BusinessLicence);
        at.fileName = q.value(2).toString();
        at.size = q.value(3).toLongLong();
        at.sha256 = q.value(4).toString();
        at.contentType = q.value(5).toString();
        at.state = UploadState::Uploaded;
        a.attachments.append(at);
    }
    a.approvalRecords.clear();
    QSqlQuery r = Sql::exec(context.db(), QStringLiteral("SELECT time, actor, action, comment FROM approval_records "
                                                         "WHERE application_id = ? ORDER BY id"), {s.id});
    while (r.next()) {
        ApprovalRecord rec;
        rec.time = QDateTime::fromString(r.value(0).toString(), Qt::ISODate);
        rec.actor = r.value(1).toString();
        rec.action = enumFromWord<ApprovalAction>(r.value(2).toString()).value_or(ApprovalAction::Save);
        rec.comment = r.value(3).toString();
        a.approvalRecords.append(rec);
    }
    return a;
}

QJsonObject ApplicationStore::toJson(Context &context, const StoredApplication &app)
{
    QJsonObject json = model(context, app).toJson();
    context.decorateApplication(app.id, json);
    return json;
}

void ApplicationStore::save(Context &context, const QString &id, const ca::Application &app)
{
    QJsonObject json = app.toJson();
    for (const char *k : {"attachments", "approval_records", "payment", "id", "version", "fee", "review_status",
                          "payment_status", "handling_status", "created_at", "updated_at"})
        json.remove(QLatin1String(k));
    const qint64 fee = qMax<qint64>(0, Context::priceFen(enumWord(app.kind))) * qMax(0, app.order.quantity);
    Sql::exec(context.db(),
              QStringLiteral("UPDATE applications SET version = version + 1, kind = ?, review_status = ?, payment_status = ?, "
                             "handling_status = ?, fee_fen = ?, json = ?, updated_at = ? WHERE id = ?"),
              {enumWord(app.kind), enumWord(app.reviewStatus), enumWord(app.paymentStatus), enumWord(app.handlingStatus),
               fee, QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact)), context.nowIso(), id});
}

void ApplicationStore::addRecord(Context &context, const QString &id, const QString &actor, const QString &action, const QString &comment)
{
    Sql::exec(context.db(), QStringLiteral("INSERT INTO approval_records (application_id, time, actor, action, comment) VALUES (?, ?, ?, ?, ?)"),
              {id, context.nowIso(), actor, action, comment.isNull() ? QStringLiteral("") : comment});
}

QString ApplicationStore::paymentRefusal(Context &context, const StoredApplication &app)
{
    const Decision d = WorkflowRules::can(Transition::OpenPayment, model(context, app), workflow(context));
    return d.allowed ? QString() : d.reason;
}

void ApplicationStore::setPaymentStatus(Context &context, const QString &id, const QString &status, const QString &actor)
{
    const auto stored = find(context, id);
    if (!stored)
        throw HttpError(404, QStringLiteral("not_found"), QCoreApplication::translate("ca::sandbox", "No application %1 exists.").arg(id));
    ca::Application app = model(context, *stored);
    Transition t;
    if (status == QLatin1String("open"))
        t = Transition::OpenPayment;
    else if (status == QLatin1String("unpaid"))
        t = Transition::ExpirePayment;
    else if (status == QLatin1String("paid"))
        t = Transition::MarkPaid;
    else
        throw HttpError(500, QStringLiteral("internal"), QCoreApplication::translate("ca::sandbox", "Unknown payment status."));
    if (t == Transition::ExpirePayment && app.paymentStatus != PaymentStatus::Open)
        return; // nothing open any more (e.g. already paid)
    const Decision d = WorkflowRules::apply(t, app, workflow(context));
    if (!d.allowed)
        throw HttpError(refused(d));
    save(context, id, app);
    if (t == Transition::MarkPaid)
        addRecord(context, id, actor, QStringLiteral("pay"), QString());
}

void ApplicationStore::setCertificate(Context &context, const QString &id, const QJsonObject &certificate, const QString &actor)
{
    const auto stored = find(context, id);
    if (!stored)
        throw HttpError(404, QStringLiteral("not_found"), QCoreApplication::translate("ca::sandbox", "No application %1 exists.").arg(id));
    ca::Application app = model(context, *stored);
    app.certificate = parseJson<CertificateRef>(QJsonValue(certificate), QStringLiteral("certificate")).value;
    save(context, id, app);
    addRecord(context, id, actor, QStringLiteral("certificate"), app.certificate->serial);
}

void ApplicationStore::review(Context &context, const QString &id, const QString &action, const QString &actor,
                              const QString &comment, const QString &trackingNo, const QString &carrier)
{
    const auto stored = find(context, id);
    if (!stored)
        throw HttpError(404, QStringLiteral("not_found"), QCoreApplication::translate("ca::sandbox", "No application %1 exists; check the application number.").arg(id.left(40)));
    ca::Application app = model(context, *stored);
    Transition t;
    QString recordComment = comment;
    if (action == QLatin1String("approve")) {
        t = Transition::Approve;
    } else if (action == QLatin1String("reject")) {
        t = Transition::Reject;
        if (comment.trimmed().isEmpty())
            throw HttpError(400, QStringLiteral("validation_failed"), QCoreApplication::translate("ca::sandbox", "Give the reason for the rejection in the comment."),
                            {{QStringLiteral("comment"), QStringLiteral("required"), QCoreApplication::translate("ca::sandbox", "Give the reason for the rejection in the comment.")}});
    } else if (action == QLatin1String("ship")) {
        t = Transition::Ship;
        if (trackingNo.trimmed().isEmpty())
            throw HttpError(400, QStringLiteral("validation_failed"), QCoreApplication::translate("ca::sandbox", "Give the tracking number of the shipment."),
                            {{QStringLiteral("tracking_no"), QStringLiteral("required"), QCoreApplication::translate("ca::sandbox", "Give the tracking number of the shipment.")}});
    } else if (action == QLatin1String("onsite")) {
        t = Transition::Onsite;
    } else if (action == QLatin1String("done")) {
        t = Transition::Done;
    } else {
        throw HttpError(404, QStringLiteral("not_found"), QCoreApplication::translate("ca::sandbox", "Unknown review action %1.").arg(action.left(20)));
    }
    const Decision d = WorkflowRules::apply(t, app, workflow(context));
    if (!d.allowed)
        throw HttpError(refused(d));
    if (t == Transition::Ship) {
        Fulfilment f = app.fulfilment.value_or(Fulfilment());
        f.trackingNo = trackingNo.trimmed();
        f.carrier = carrier.trimmed().isEmpty() ? QStringLiteral("EMS") : carrier.trimmed();
        f.shippedAt = context.now();
        app.fulfilment = f;
        if (recordComment.isEmpty())
            recordComment = f.carrier + QLatin1Char(' ') + f.trackingNo;
    }
    save(context, id, app);
    addRecord(context, id, actor, action, recordComment);
}

} // namespace ca::sandbox
