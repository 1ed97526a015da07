#include "Context.h"

#include <QDir>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

#include <openssl/rand.h>

Q_LOGGING_CATEGORY(lcSandbox, "ca.sandbox")

namespace ca::sandbox {

Context::Context(Config cfg)
    : config(std::move(cfg))
    , m_connectionName(QStringLiteral("sandbox-") + QUuid::createUuid().toString(QUuid::WithoutBraces))
{
}

Context::~Context()
{
    {
        QSqlDatabase d = QSqlDatabase::database(m_connectionName, false);
        if (d.isOpen())
            d.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

bool Context::open(QString *error)
{
    QDir().mkpath(config.dataDir);
    QSqlDatabase d = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    d.setDatabaseName(path(QStringLiteral("sandbox.sqlite")));
    d.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!d.open()) {
        if (error)
            *error = d.lastError().text();
        return false;
    }
    QSqlQuery q(d);
    q.exec(QStringLiteral("PRAGMA journal_mode=WAL"));
    q.exec(QStringLiteral("PRAGMA foreign_keys=ON"));
    q.exec(QStringLiteral("PRAGMA synchronous=NORMAL"));
    return true;
}

QSqlDatabase Context::db() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

void Context::addMigration(const QString &id, const QStringList &statements)
{
    m_migrations.append({id, statements});
}

bool Context::migrate(QString *error)
{
    QSqlDatabase d = db();
    QSqlQuery q(d);
    if (!q.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_migrations (id TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"))) {
        if (error)
            *error = q.lastError().text();
        return false;
    }
    for (const Migration &m : std::as_const(m_migrations)) {
        QSqlQuery check(d);
        check.prepare(QStringLiteral("SELECT 1 FROM schema_migrations WHERE id = ?"));
        check.addBindValue(m.id);
        check.exec();
        if (check.next())
            continue;
        d.transaction();
        bool ok = true;
        for (const QString &sql : m.statements) {
            QSqlQuery s(d);
            if (!s.exec(sql)) {
                if (error)
                    *error = QStringLiteral("migration %1: %2").arg(m.id, s.lastError().text());
                ok = false;
                break;
            }
        }
        if (ok) {
            QSqlQuery rec(d);
            rec.prepare(QStringLiteral("INSERT INTO schema_migrations (id, applied_at) VALUES (?, ?)"));
            rec.addBindValue(m.id);
            rec.addBindValue(nowIso());
            ok = rec.exec();
            if (!ok && error)
                *error = rec.lastError().text();
        }
        if (!ok) {
            d.rollback();
            return false;
        }
        d.commit();
        qCInfo(lcSandbox) << "applied migration" << m.id;
    }
    return true;
}

QDateTime Context::now() const
{
    return QDateTime::currentDateTimeUtc().addSecs(config.clockOffsetSeconds);
}

QString Context::isoTime(const QDateTime &time)
{
    if (!time.isValid())
        return {};
    return time.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ"));
}

QString Context::path(const QString &relative) const
{
    return QDir(config.dataDir).filePath(relative);
}

qint64 Context::priceFen(const QString &kind)
{
    if (kind == QLatin1String("new"))
        return 30000;
    if (kind == QLatin1String("reissue"))
        return 30000;
    if (kind == QLatin1String("change"))
        return 10000;
    if (kind == QLatin1String("renewal"))
        return 20000;
    if (kind == QLatin1String("existing"))
        return 0;
    return -1;
}

QString Context::money(qint64 fen)
{
    return QStringLiteral("%1.%2").arg(fen / 100).arg(fen % 100, 2, 10, QLatin1Char('0'));
}

QJsonObject Context::priceTable()
{
    QJsonObject o;
    for (const char *k : {"new", "reissue", "change", "renewal", "existing"})
        o.insert(QLatin1String(k), money(priceFen(QLatin1String(k))));
    return o;
}

void Context::addApplicationDecorator(ApplicationDecorator decorator)
{
    m_decorators.append(std::move(decorator));
}

void Context::decorateApplication(const QString &applicationId, QJsonObject &json) const
{
    for (const auto &d : m_decorators)
        d(applicationId, json);
}

QString Context::randomHex(int bytes)
{
    QByteArray buf(bytes, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char *>(buf.data()), bytes) != 1)
        qFatal("RAND_bytes failed");
    return QString::fromLatin1(buf.toHex());
}

} // namespace ca::sandbox
