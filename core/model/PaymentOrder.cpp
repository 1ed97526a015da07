#include "core/model/PaymentOrder.h"

#include "core/model/JsonReader.h"

namespace ca {

QJsonObject PaymentOrder::toJson() const
{
    QJsonObject o{
        {QStringLiteral("order_no"), orderNo},
        {QStringLiteral("channel"), enumWord(channel)},
        {QStringLiteral("amount"), amount.toString()},
        {QStringLiteral("status"), enumWord(status)},
    };
    insertTime(o, "created_at", createdAt);
    insertTime(o, "expires_at", expiresAt);
    insertTime(o, "paid_at", paidAt);
    if (!payUrl.isEmpty())
        o.insert(QStringLiteral("pay_url"), payUrl);
    return o;
}

PaymentOrder PaymentOrder::read(const JsonReader &reader)
{
    PaymentOrder p;
    p.orderNo = reader.string("order_no", JsonReader::Required);
    p.channel = reader.enumeration("channel", PaymentChannel::Wechat, JsonReader::Required);
    p.amount = reader.money("amount", JsonReader::Required);
    p.status = reader.enumeration("status", PaymentOrderStatus::Open, JsonReader::Required);
    p.createdAt = reader.time("created_at");
    p.expiresAt = reader.time("expires_at");
    p.paidAt = reader.time("paid_at");
    p.payUrl = reader.string("pay_url");
    return p;
}

} // namespace ca
