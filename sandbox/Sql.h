#pragma once

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariantList>

namespace ca::sandbox {

// Small SQL helpers. exec() prepares `sql`, binds `values` positionally and
// runs it; on failure it logs the statement's error and throws HttpError 500
// ("internal"), which the server turns into an error body.
class Sql
{
public:
    static QSqlQuery exec(const QSqlDatabase &db, const QString &sql, const QVariantList &values = {});
    // exec() and next(): true when a row came back (the query is positioned on it).
    static bool first(QSqlQuery &query);

    // BEGIN IMMEDIATE … COMMIT/ROLLBACK around a scope (rolls back unless commit()ed).
    class Transaction
    {
    public:
        explicit Transaction(const QSqlDatabase &db);
        ~Transaction();
        void commit();

    private:
        QSqlDatabase m_db;
        bool m_done = false;
    };
};

} // namespace ca::sandbox
