#include "Sql.h"

#include "Context.h"
#include "Reply.h"

#include <QCoreApplication>
#include <QSqlError>

namespace ca::sandbox {

QSqlQuery Sql::exec(const QSqlDatabase &db, const QString &sql, const QVariantList &values)
{
    QSqlQuery q(db);
    if (!q.prepare(sql)) {
        qCWarning(lcSandbox) << "SQL prepare failed:" << sql << q.lastError().text();
        throw HttpError(500, QStringLiteral("internal"), QCoreApplication::translate("ca::sandbox", "The server could not read its database. Try again later."));
    }
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (!q.exec()) {
        qCWarning(lcSandbox) << "SQL failed:" << sql << q.lastError().text();
        throw HttpError(500, QStringLiteral("internal"), QCoreApplication::translate("ca::sandbox", "The server could not update its database. Try again later."));
    }
    return q;
}

bool Sql::first(QSqlQuery &query)
{
    return query.next();
}

Sql::Transaction::Transaction(const QSqlDatabase &db)
    : m_db(db)
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("BEGIN IMMEDIATE"))) {
        qCWarning(lcSandbox) << "BEGIN failed:" << q.lastError().text();
        throw HttpError(503, QStringLiteral("busy"), QCoreApplication::translate("ca::sandbox", "The server is busy. Try again in a moment."));
    }
}

Sql::Transaction::~Transaction()
{
    if (!m_done) {
        QSqlQuery q(m_db);
        q.exec(QStringLiteral("ROLLBACK"));
    }
}

void Sql::Transaction::commit()
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("COMMIT"))) {
        qCWarning(lcSandbox) << "COMMIT failed:" << q.lastError().text();
        throw HttpError(500, QStringLiteral("internal"), QCoreApplication::translate("ca::sandbox", "The server could not update its database. Try again later."));
    }
    m_done = true;
}

} // namespace ca::sandbox
