#pragma once

#include "core/model/Enums.h"
#include "core/model/Money.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace ca {

class JsonReader;

// The latest payment order of an application ("payment"), also the body of
// POST /applications/{id}/payments and GET /payments/{order_no}:
// {"order_no", "channel", "amount", "status", "created_at", "expires_at", "paid_at", "pay_url"}.
struct PaymentOrder {
    QString orderNo;                                  // required
    PaymentChannel channel = PaymentChannel::Wechat;  // required
    Money amount;                                     // required
    PaymentOrderStatus status = PaymentOrderStatus::Open; // required
    QDateTime createdAt;
    QDateTime expiresAt;
    QDateTime paidAt;
    QString payUrl;                                   // the cashier page; "" once closed

    QJsonObject toJson() const;
    static PaymentOrder read(const JsonReader &reader);
    bool operator==(const PaymentOrder &) const = default;
};

} // namespace ca
