#include "core/model/OrderInfo.h"

#include "core/model/JsonReader.h"

namespace ca {

QJsonObject OrderInfo::toJson() const
{
    return QJsonObject{
        {QStringLiteral("pickup"), enumWord(pickup)},
        {QStringLiteral("mailing_address"), mailingAddress},
        {QStringLiteral("recipient_name"), recipientName},
        {QStringLiteral("recipient_phone"), recipientPhone},
        {QStringLiteral("quantity"), quantity},
    };
}

OrderInfo OrderInfo::read(const JsonReader &reader)
{
    OrderInfo o;
    o.pickup = reader.enumeration("pickup", Pickup::Mail);
    o.mailingAddress = reader.string("mailing_address");
    o.recipientName = reader.string("recipient_name");
    o.recipientPhone = reader.string("recipient_phone");
    o.quantity = int(reader.integer("quantity", 0, MaxParsedQuantity, 1));
    return o;
}

} // namespace ca
