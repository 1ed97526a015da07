#pragma once

#include <QDateTime>
#include <QHostAddress>
#include <QJsonObject>
#include <QList>
#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <functional>

Q_DECLARE_LOGGING_CATEGORY(lcSandbox)

namespace ca::sandbox {

// Command-line configuration of one ca-sandbox run.
struct Config {
    QString dataDir;                     // absolute; all state lives here
    QString workflow = QStringLiteral("review-first"); // or "pay-first"
    QHostAddress listenAddress = QHostAddress::LocalHost;
    quint16 port = 0;                    // 0 = any free port
    QString tlsCert;                     // empty = DIR/server.pem (generated)
    QString tlsKey;                      // empty = DIR/server.key (generated)
    qint64 maxUploadBytes = 20LL * 1024 * 1024;
    int autoReviewSeconds = 0;           // 0 = off
    QString faultsFile;                  // --faults FILE (read by the Faults module)
    qint64 clockOffsetSeconds = 0;       // --clock-offset (tests)
};

// Shared state handed to every module: configuration, the SQLite database,
// the clock, migrations and the price table.
class Context
{
public:
    explicit Context(Config config);
    ~Context();
    Context(const Context &) = delete;
    Context &operator=(const Context &) = delete;

    Config config;

    // Opens DIR/sandbox.sqlite (WAL, busy timeout 5 s, foreign keys on).
    bool open(QString *error);
    QSqlDatabase db() const;

    // Numbered schema steps. `id` is unique and sortable within a module
    // ("payments-001"); steps run once, in registration order, each in one
    // transaction, recorded in table schema_migrations. Register in
    // Module::addMigrations(); applied before Module::install().
    void addMigration(const QString &id, const QStringList &statements);
    bool migrate(QString *error);

    // Clock (UTC) and its ISO 8601 form "2026-11-21T10:00:00Z".
    QDateTime now() const;
    static QString isoTime(const QDateTime &time);
    QString nowIso() const { return isoTime(now()); }

    // A path inside the data directory (relative path joined to DIR).
    QString path(const QString &relative) const;

    // Price per kind ("new", "reissue", "change", "renewal", "existing") in
    // fen (1/100 yuan); -1 for an unknown kind. fee = price x quantity.
    static qint64 priceFen(const QString &kind);
    static QString money(qint64 fen);      // 30000 -> "300.00"
    static QJsonObject priceTable();       // {"new":"300.00", ...}

    // Hooks that add module data to an application's JSON (e.g. the latest
    // payment order, the certificate) whenever the server serialises one.
    using ApplicationDecorator = std::function<void(const QString &applicationId, QJsonObject &json)>;
    void addApplicationDecorator(ApplicationDecorator decorator);
    void decorateApplication(const QString &applicationId, QJsonObject &json) const;

    // Random bytes as lower-case hex (OpenSSL RAND_bytes).
    static QString randomHex(int bytes);

private:
    QString m_connectionName;
    struct Migration {
        QString id;
        QStringList statements;
    };
    QList<Migration> m_migrations;
    QList<ApplicationDecorator> m_decorators;
};

} // namespace ca::sandbox
