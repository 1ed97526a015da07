#include "Outbox.h"

#include "Context.h"
#include "Sql.h"

#include <QJsonObject>

namespace ca::sandbox {

void Outbox::addMigrations(Context &context)
{
    context.addMigration(QStringLiteral("outbox-001"), {
        QStringLiteral("CREATE TABLE outbox (id INTEGER PRIMARY KEY AUTOINCREMENT, organization_id INTEGER NOT NULL, "
                       "time TEXT NOT NULL, to_number TEXT NOT NULL, text TEXT NOT NULL)"),
        QStringLiteral("CREATE INDEX outbox_org ON outbox (organization_id, id)"),
    });
}

QString Outbox::maskMobile(const QString &mobile)
{
    if (mobile.size() < 8)
        return QStringLiteral("****");
    return mobile.left(3) + QStringLiteral("****") + mobile.right(4);
}

void Outbox::send(Context &context, qint64 organizationId, const QString &mobile, const QString &text)
{
    Sql::exec(context.db(), QStringLiteral("INSERT INTO outbox (organization_id, time, to_number, text) VALUES (?, ?, ?, ?)"),
              {organizationId, context.nowIso(), mobile, text});
    qCInfo(lcSandbox).noquote() << QStringLiteral("[outbox] to %1: %2").arg(maskMobile(mobile), text);
}

QJsonArray Outbox::list(Context &context, qint64 organizationId)
{
    QSqlQuery q = Sql::exec(context.db(),
                            QStringLiteral("SELECT time, to_number, text FROM outbox WHERE organization_id = ? ORDER BY id"),
                            {organizationId});
    QJsonArray items;
    while (q.next())
        items.append(QJsonObject{{QStringLiteral("time"), q.value(0).toString()},
                                 {QStringLiteral("to"), maskMobile(q.value(1).toString())},
                                 {QStringLiteral("text"), q.value(2).toString()}});
    return items;
}

} // namespace ca::sandbox
