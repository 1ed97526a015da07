#pragma once

#include "Request.h"

#include "core/model/Application.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace ca::sandbox {

class Context;

// One application row as stored (table applications).
struct StoredApplication {
    QString id;
    qint64 organizationId = 0;
    int version = 0;
    QString kind;
    QString reviewStatus;
    QString paymentStatus;
    QString handlingStatus;
    qint64 feeFen = 0;
    QJsonObject data;   // the application JSON (organization, order, invoice, certificate, fulfilment…)
    QString createdAt;
    QString updatedAt;
};

// Applications, their approval records and status changes. Used by the
// applications/attachments/review modules and by extension modules
// (payments, invoices, certificates). Every change bumps the version.
class ApplicationStore
{
public:
    static std::optional<StoredApplication> find(Context &context, const QString &id);
    // The application if `account` may see it (own organisation, or reviewer); else HttpError 404.
    static StoredApplication require(Context &context, const Account &account, const QString &id);
    // The model value: stored JSON + statuses + attachments + approval records.
    static ca::Application model(Context &context, const StoredApplication &app);
    // Full application JSON, with module decorations (e.g. "payment").
    static QJsonObject toJson(Context &context, const StoredApplication &app);

    static ca::Workflow workflow(Context &context);

    // "" when a payment order may be opened now; else a sentence (answer 409 "invalid_state").
    static QString paymentRefusal(Context &context, const StoredApplication &app);
    // status: "open" (an order was created), "unpaid" (the open order expired or was
    // cancelled), "paid" (settled: adds a "pay" record; handling -> processing when approved).
    // Throws HttpError 409 when the workflow does not allow the change.
    static void setPaymentStatus(Context &context, const QString &id, const QString &status, const QString &actor);
    // Stores "certificate" {token_serial, serial, subject, not_after} and adds a "certificate" record.
    static void setCertificate(Context &context, const QString &id, const QJsonObject &certificate, const QString &actor);
    static void addRecord(Context &context, const QString &id, const QString &actor, const QString &action, const QString &comment);

    // Reviewer actions shared by HTTP and `ca-sandbox admin`:
    // action = approve | reject | ship | onsite | done. Throws HttpError on refusal.
    static void review(Context &context, const QString &id, const QString &action, const QString &actor,
                       const QString &comment, const QString &trackingNo, const QString &carrier);

    // Saves the model's statuses/data back (version + 1, updated_at = now).
    static void save(Context &context, const QString &id, const ca::Application &app);
};

} // namespace ca::sandbox
