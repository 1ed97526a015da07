#include "Idempotency.h"

#include "Context.h"
#include "Sql.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace ca::sandbox {

Reply Idempotency::run(Context &context, const Request &request, const std::function<Reply()> &handler)
{
    const QString key = request.idempotencyKey.trimmed();
    if (key.isEmpty())
        return handler();
    if (key.size() > 200)
        throw HttpError(400, QStringLiteral("validation_failed"), QCoreApplication::translate("ca::sandbox", "The Idempotency-Key header is longer than 200 characters."),
                        {{QStringLiteral("Idempotency-Key"), QStringLiteral("invalid"), QCoreApplication::translate("ca::sandbox", "The Idempotency-Key header is longer than 200 characters.")}});
    const QString fingerprint = methodName(request.method) + QLatin1Char(' ') + request.path;
    QSqlQuery q = Sql::exec(context.db(), QStringLiteral("SELECT fingerprint, status, content_type, body, headers FROM idempotency_keys "
                                                         "WHERE account_id = ? AND key = ?"), {request.account.id, key});
    if (q.next()) {
        if (q.value(0).toString() != fingerprint)
            throw HttpError(422, QStringLiteral("idempotency_key_reused"),
                            QCoreApplication::translate("ca::sandbox", "This Idempotency-Key was already used for another request; use a new key for a new action."));
        Reply r = Reply::bytes(q.value(1).toInt(), q.value(3).toByteArray(), q.value(2).toString().toLatin1());
        const QJsonArray headers = QJsonDocument::fromJson(q.value(4).toByteArray()).array();
        for (const QJsonValue &h : headers)
            r.withHeader(h.toArray().at(0).toString().toLatin1(), h.toArray().at(1).toString().toLatin1());
        r.withHeader("Idempotent-Replayed", "true");
        return r;
    }
    Reply reply = handler();
    record(context, request, reply);
    return reply;
}

void Idempotency::record(Context &context, const Request &request, const Reply &reply)
{
    const QString key = request.idempotencyKey.trimmed();
    if (key.isEmpty() || key.size() > 200 || reply.status < 200 || reply.status >= 300)
        return;
    QJsonArray headers;
    for (const auto &h : reply.headers)
        headers.append(QJsonArray{QString::fromLatin1(h.first), QString::fromLatin1(h.second)});
    // OR IGNORE: a handler that recorded inside its own transaction already wrote this row.
    Sql::exec(context.db(), QStringLiteral("INSERT OR IGNORE INTO idempotency_keys (account_id, key, fingerprint, status, content_type, body, headers, created_at) "
                                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
              {request.account.id, key, QString(methodName(request.method) + QLatin1Char(' ') + request.path), reply.status,
               QString::fromLatin1(reply.contentType), reply.body,
               QString::fromUtf8(QJsonDocument(headers).toJson(QJsonDocument::Compact)), context.nowIso()});
}

} // namespace ca::sandbox
