#pragma once

#include <QDateTime>
#include <QString>

namespace ca {

// The local record of "we are about to ask / have asked the platform for a
// payment order". Written BEFORE the order request, so a crash between the
// request and its answer is retried with the same Idempotency-Key: never two
// orders for one intent.
struct PaymentIntent {
    qint64 id = 0;
    QString applicationId;   // server application id
    QString channel;         // "bank" | "alipay" | "wechat"
    QString idempotencyKey;  // uuid; the Idempotency-Key header of POST .../payments
    QString orderNo;         // empty until the platform answered
    // "requested" (written, no answer yet) | "open" | "paid" | "expired" | "closed"
    QString status = QStringLiteral("requested");
    QDateTime createdAt;
    QDateTime updatedAt;
    QDateTime closedAt;      // set by closeIntent(); a closed intent is never reused
    bool isClosed() const { return closedAt.isValid(); }
};

} // namespace ca
