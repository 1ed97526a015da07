#pragma once

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrlQuery>

namespace ca::sandbox {

enum class Method { Get, Post, Put, Delete, Patch, Head, Options, Other };
QString methodName(Method method);

// Who may call a route. User = any signed-in account (applicant or reviewer);
// Reviewer = signed-in account with role "reviewer".
enum class Access { Public, User, Reviewer };

// The signed-in account of a request (id 0 when anonymous).
struct Account {
    qint64 id = 0;
    QString username;
    QString role;             // supplier | purchaser | agent | reviewer
    qint64 organizationId = 0; // 0 for the reviewer
    bool isValid() const { return id > 0; }
    bool isReviewer() const { return role == QLatin1String("reviewer"); }
};

// One HTTP request as a route handler sees it.
struct Request {
    Method method = Method::Other;
    QString path;                         // decoded path, e.g. /api/v1/applications/A1
    QString routePattern;                 // the matched pattern, e.g. /api/v1/applications/{id}
    QHash<QString, QString> params;       // {id} -> "A1"
    QUrlQuery query;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    Account account;                      // valid for Access::User / Access::Reviewer routes
    QString requestId;                    // "r-…", also sent as X-Request-Id
    QString idempotencyKey;               // Idempotency-Key header (empty when absent)
    QHostAddress remoteAddress;

    // Case-insensitive header lookup; empty when absent.
    QByteArray header(const QByteArray &name) const;
    QString param(const QString &name) const { return params.value(name); }
};

} // namespace ca::sandbox
