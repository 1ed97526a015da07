#pragma once

#include <QJsonArray>
#include <QString>

namespace ca::sandbox {

class Context;

// The sandbox's stand-in for an SMS gateway: every message to an
// organisation's registered mobile goes into table `outbox` (read back with
// GET /api/v1/dev/outbox, sandbox only) and into the log as
// "[outbox] to 138****1234: <text>".
class Outbox
{
public:
    static void addMigrations(Context &context);
    static void send(Context &context, qint64 organizationId, const QString &mobile, const QString &text);
    // {"time", "to" (masked), "text"} of one organisation, oldest first.
    static QJsonArray list(Context &context, qint64 organizationId);
    // "18769628833" -> "187****8833"
    static QString maskMobile(const QString &mobile);
};

} // namespace ca::sandbox
