#pragma once

#include "Request.h"

#include <QList>
#include <QString>

#include <optional>

namespace ca::sandbox {

class Context;

// A seeded demo account as printed in the ready line.
struct DemoAccount {
    QString username;
    QString password;
    QString role;
};

struct Organization {
    qint64 id = 0;
    QString name;
    QString uscc;
    QString type;   // supplier | purchaser | agent
    QString mobile; // registered mobile (PIN-reset codes go here)
};

// Accounts, organisations and sessions (tables organizations, accounts,
// sessions, login_failures). The routes: POST/DELETE /api/v1/session,
// GET /api/v1/organization, GET /api/v1/platform.
class Accounts
{
public:
    static QList<DemoAccount> demoAccounts();
    static std::optional<Organization> organization(Context &context, qint64 organizationId);
    static std::optional<Account> account(Context &context, qint64 accountId);
    // Resolves a bearer token ("session_expired"/"unauthorized" in *errorCode on failure).
    static Account authenticate(Context &context, const QByteArray &token, QString *errorCode);

    static QString hashPassword(const QString &password, const QByteArray &salt, int iterations);
    // GB 32100-2015 check character for the first 17 characters; QChar() when invalid.
    static QChar usccCheckChar(const QString &first17);

    static constexpr int kPbkdf2Iterations = 100000;
    static constexpr int kSessionHours = 8;
    static constexpr int kMaxFailures = 5;
    static constexpr int kFailureWindowMinutes = 15;
    static constexpr int kLockMinutes = 15;
};

} // namespace ca::sandbox
