#pragma once

#include "core/model/Enums.h"

#include <QJsonObject>
#include <QString>

namespace ca {

class JsonReader;

// 订单信息: "order": {"pickup", "mailing_address", "recipient_name", "recipient_phone", "quantity"}.
struct OrderInfo {
    // The model holds what the user typed; ApplicationValidator enforces 1..99.
    static constexpr int MaxParsedQuantity = 1000000;

    Pickup pickup = Pickup::Mail;  // 取锁方式
    QString mailingAddress;        // CA邮寄地址 (mail only)
    QString recipientName;         // 收件人姓名
    QString recipientPhone;        // 收件人联系电话
    int quantity = 1;              // CA数量

    QJsonObject toJson() const;
    static OrderInfo read(const JsonReader &reader);
    bool operator==(const OrderInfo &) const = default;
};

} // namespace ca
