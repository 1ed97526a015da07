#include "Accounts.h"

#include "Context.h"
#include "JsonBody.h"
#include "Module.h"
#include "Reply.h"
#include "SandboxServer.h"
#include "Sql.h"


#include <QCoreApplication>
#include <QCryptographicHash>
#include <QJsonArray>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

namespace ca::sandbox {

namespace {

struct Seed {
    const char *username;
    const char *password;
    const char *role;
    const char *orgName;
    const char *usccBase; // 17 chars; the check char is computed
    const char *mobile;
};

// Fixed demo data: one account per applicant role plus a reviewer.
const Seed kSeeds[] = {
    {"supplier", "Supplier@2026", "supplier", "济南示例科技有限公司", "91370100MA3C5QX87", "18769628833"},
    {"purchaser", "Purchaser@2026", "purchaser", "济南市示例公共资源交易中心", "12370100MB2853461", "13953100001"},
    {"agent", "Agent@2026", "agent", "山东示例招标代理有限公司", "91370000MA3RKT6U9", "15153100002"},
    {"reviewer", "Reviewer@2026", "reviewer", nullptr, nullptr, nullptr},
};

QString tokenHash(const QByteArray &token)
{
    return QString::fromLatin1(QCryptographicHash::hash(token, QCryptographicHash::Sha256).toHex());
}

QJsonObject organizationJson(const Organization &o)
{
    return QJsonObject{{QStringLiteral("name"), o.name},
                       {QStringLiteral("uscc"), o.uscc},
                       {QStringLiteral("type"), o.type}};
}

class AccountsModule : public Module
{
public:
    QString name() const override { return QStringLiteral("accounts"); }
    int order() const override { return 10; }

    void addMigrations(Context &context) override
    {
        context.addMigration(QStringLiteral("accounts-001"), {
            QStringLiteral("CREATE TABLE organizations (id INTEGER PRIMARY KEY, name TEXT NOT NULL, uscc TEXT NOT NULL UNIQUE, "
                           "type TEXT NOT NULL, mobile TEXT NOT NULL)"),
            QStringLiteral("CREATE TABLE accounts (id INTEGER PRIMARY KEY, username TEXT NOT NULL UNIQUE, role TEXT NOT NULL, "
                           "organization_id INTEGER REFERENCES organizations(id), salt TEXT NOT NULL, password_hash TEXT NOT NULL, "
                           "iterations INTEGER NOT NULL, locked_until TEXT)"),
            QStringLiteral("CREATE TABLE sessions (token_hash TEXT PRIMARY KEY, account_id INTEGER NOT NULL REFERENCES accounts(id), "
                           "created_at TEXT NOT NULL, expires_at TEXT NOT NULL)"),
            QStringLiteral("CREATE TABLE login_failures (id INTEGER PRIMARY KEY, account_id INTEGER NOT NULL REFERENCES accounts(id), "
                           "time TEXT NOT NULL)"),
        });
    }

    void prepare(Context &context) override
    {
        QSqlDatabase db = context.db();
        QSqlQuery q = Sql::exec(db, QStringLiteral("SELECT COUNT(*) FROM accounts"));
        if (q.next() && q.value(0).toLongLong() > 0)
            return; // seeded on an earlier start
        Sql::Transaction tx(db);
        for (const Seed &s : kSeeds) {
            QVariant orgId;
            if (s.orgName) {
                const QString base = QLatin1String(s.usccBase);
                const QString uscc = base + Accounts::usccCheckChar(base);
                QSqlQuery ins = Sql::exec(db, QStringLiteral("INSERT INTO organizations (name, uscc, type, mobile) VALUES (?, ?, ?, ?)"),
                                          {QString::fromUtf8(s.orgName), uscc, QLatin1String(s.role), QLatin1String(s.mobile)});
                orgId = ins.lastInsertId();
            }
            QByteArray salt(16, Qt::Uninitialized);
            RAND_bytes(reinterpret_cast<unsigned char *>(salt.data()), int(salt.size()));
            Sql::exec(db, QStringLiteral("INSERT INTO accounts (username, role, organization_id, salt, password_hash, iterations) VALUES (?, ?, ?, ?, ?, ?)"),
                      {QLatin1String(s.username), QLatin1String(s.role), orgId, QString::fromLatin1(salt.toHex()),
                       Accounts::hashPassword(QLatin1String(s.password), salt, Accounts::kPbkdf2Iterations),
                       Accounts::kPbkdf2Iterations});
        }
        tx.commit();
    }

    void install(Context &context, SandboxServer &server) override
    {
        Context *ctx = &context;
        server.setAuthenticator([ctx](const QByteArray &token, QString *code) { return Accounts::authenticate(*ctx, token, code); });

        // GET /api/v1/platform is served by sandbox-ext's Platform module (sandbox/Platform.cpp).
        server.route(Method::Post, QStringLiteral("/api/v1/session"), Access::Public, [ctx](Request &r) { return login(*ctx, r); });
        server.route(Method::Delete, QStringLiteral("/api/v1/session"), Access::User, [ctx](Request &r) {
            const QByteArray token = r.header("Authorization").mid(7).trimmed();
            Sql::exec(ctx->db(), QStringLiteral("DELETE FROM sessions WHERE token_hash = ?"), {tokenHash(token)});
            return Reply::empty(204);
        });
        server.route(Method::Get, QStringLiteral("/api/v1/organization"), Access::User, [ctx](Request &r) {
            const auto org = Accounts::organization(*ctx, r.account.organizationId);
            if (!org)
                throw HttpError(404, QStringLiteral("not_found"), QCoreApplication::translate("ca::sandbox", "This account belongs to no organisation."));
            QJsonObject o = organizationJson(*org);
            o.insert(QStringLiteral("mobile_hint"), QString(org->mobile.left(3) + QStringLiteral("****") + org->mobile.right(4)));
            return Reply::json(200, o);
        });
    }

    static Reply login(Context &ctx, Request &r)
    {
        const QJsonObject body = JsonBody::object(r);
        JsonBody::rejectUnknown(body, {QStringLiteral("username"), QStringLiteral("password")});
        const QString username = JsonBody::string(body, QStringLiteral("username"), true);
        const QString password = JsonBody::string(body, QStringLiteral("password"), true);
        const Reply wrong = Reply::error(401, QStringLiteral("invalid_credentials"),
                                         QCoreApplication::translate("ca::sandbox", "The user name or password is wrong. Check both and try again."));
        QSqlDatabase db = ctx.db();
        QSqlQuery q = Sql::exec(db, QStringLiteral("SELECT id, salt, password_hash, iterations, locked_until, role, organization_id FROM accounts WHERE username = ?"),
                                {username});
        if (!q.next())
            return wrong;
        const qint64 id = q.value(0).toLongLong();
        const QDateTime now = ctx.now();
        const QDateTime lockedUntil = QDateTime::fromString(q.value(4).toString(), Qt::ISODate);
        auto locked = [&](const QDateTime &until) {
            return Reply::error(423, QStringLiteral("account_locked"),
                                QCoreApplication::translate("ca::sandbox", "This account is locked after %1 failed sign-ins; try again after %2 (UTC).")
                                    .arg(Accounts::kMaxFailures).arg(until.toString(QStringLiteral("HH:mm"))));
        };
        if (lockedUntil.isValid() && lockedUntil > now)
            return locked(lockedUntil);
        const QByteArray salt = QByteArray::fromHex(q.value(1).toString().toLatin1());
        const QString expected = q.value(2).toString();
        const QString actual = Accounts::hashPassword(password, salt, q.value(3).toInt());
        const bool match = expected.size() == actual.size()
            && CRYPTO_memcmp(expected.toLatin1().constData(), actual.toLatin1().constData(), size_t(expected.size())) == 0;
        if (!match) {
            Sql::exec(db, QStringLiteral("INSERT INTO login_failures (account_id, time) VALUES (?, ?)"), {id, Context::isoTime(now)});
            QSqlQuery c = Sql::exec(db, QStringLiteral("SELECT COUNT(*) FROM login_failures WHERE account_id = ? AND time > ?"),
                                    {id, Context::isoTime(now.addSecs(-60 * Accounts::kFailureWindowMinutes))});
            if (c.next() && c.value(0).toInt() >= Accounts::kMaxFailures) {
                const QDateTime until = now.addSecs(60 * Accounts::kLockMinutes);
                Sql::exec(db, QStringLiteral("UPDATE accounts SET locked_until = ? WHERE id = ?"), {Context::isoTime(until), id});
                Sql::exec(db, QStringLiteral("DELETE FROM login_failures WHERE account_id = ?"), {id});
                qCInfo(lcSandbox) << "account locked after failed sign-ins:" << username;
                return locked(until);
            }
            return wrong;
        }
        Sql::exec(db, QStringLiteral("DELETE FROM login_failures WHERE account_id = ?"), {id});
        Sql::exec(db, QStringLiteral("UPDATE accounts SET locked_until = NULL WHERE id = ?"), {id});
        const QString token = Context::randomHex(32);
        const QDateTime expires = now.addSecs(3600 * Accounts::kSessionHours);
        Sql::exec(db, QStringLiteral("DELETE FROM sessions WHERE expires_at < ?"), {Context::isoTime(now)});
        Sql::exec(db, QStringLiteral("INSERT INTO sessions (token_hash, account_id, created_at, expires_at) VALUES (?, ?, ?, ?)"),
                  {tokenHash(token.toLatin1()), id, Context::isoTime(now), Context::isoTime(expires)});
        QJsonObject out{{QStringLiteral("token"), token},
                        {QStringLiteral("expires_at"), Context::isoTime(expires)},
                        {QStringLiteral("role"), q.value(5).toString()}};
        if (const auto org = Accounts::organization(ctx, q.value(6).toLongLong()))
            out.insert(QStringLiteral("organization"), organizationJson(*org));
        return Reply::json(200, out);
    }
};

} // namespace

CA_SANDBOX_MODULE(AccountsModule)

QList<DemoAccount> Accounts::demoAccounts()
{
    QList<DemoAccount> list;
    for (const Seed &s : kSeeds)
        list.append({QLatin1String(s.username), QLatin1String(s.password), QLatin1String(s.role)});
    return list;
}

std::optional<Organization> Accounts::organization(Context &context, qint64 organizationId)
{
    if (organizationId <= 0)
        return std::nullopt;
    QSqlQuery q = Sql::exec(context.db(), QStringLiteral("SELECT id, name, uscc, type, mobile FROM organizations WHERE id = ?"), {organizationId});
    if (!q.next())
        return std::nullopt;
    return Organization{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(), q.value(4).toString()};
}

std::optional<Account> Accounts::account(Context &context, qint64 accountId)
{
    QSqlQuery q = Sql::exec(context.db(), QStringLiteral("SELECT id, username, role, organization_id FROM accounts WHERE id = ?"), {accountId});
    if (!q.next())
        return std::nullopt;
    return Account{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(), q.value(3).toLongLong()};
}

Account Accounts::authenticate(Context &context, const QByteArray &token, QString *errorCode)
{
    QSqlQuery q = Sql::exec(context.db(), QStringLiteral("SELECT s.expires_at, a.id, a.username, a.role, a.organization_id FROM sessions s "
                                                         "JOIN accounts a ON a.id = s.account_id WHERE s.token_hash = ?"),
                            {tokenHash(token)});
    if (!q.next()) {
        *errorCode = QStringLiteral("unauthorized");
        return {};
    }
    if (QDateTime::fromString(q.value(0).toString(), Qt::ISODate) <= context.now()) {
        *errorCode = QStringLiteral("session_expired");
        return {};
    }
    return Account{q.value(1).toLongLong(), q.value(2).toString(), q.value(3).toString(), q.value(4).toLongLong()};
}

QString Accounts::hashPassword(const QString &password, const QByteArray &salt, int iterations)
{
    const QByteArray pw = password.toUtf8();
    unsigned char out[32];
    if (PKCS5_PBKDF2_HMAC(pw.constData(), int(pw.size()), reinterpret_cast<const unsigned char *>(salt.constData()),
                          int(salt.size()), iterations, EVP_sha256(), sizeof out, out) != 1)
        return {};
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(out), sizeof out).toHex());
}

QChar Accounts::usccCheckChar(const QString &first17)
{
    static const QString alphabet = QStringLiteral("0123456789ABCDEFGHJKLMNPQRTUWXY");
    static const int weights[17] = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    if (first17.size() != 17)
        return {};
    int sum = 0;
    for (int i = 0; i < 17; ++i) {
        const int v = int(alphabet.indexOf(first17.at(i)));
        if (v < 0)
            return {};
        sum += v * weights[i];
    }
    return alphabet.at((31 - sum % 31) % 31);
}

} // namespace ca::sandbox
