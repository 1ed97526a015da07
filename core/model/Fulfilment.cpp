#include "core/model/Fulfilment.h"

#include "core/model/JsonReader.h"

namespace ca {

QJsonObject Fulfilment::toJson() const
{
    QJsonObject o{
        {QStringLiteral("tracking_no"), trackingNo},
        {QStringLiteral("carrier"), carrier},
    };
    insertTime(o, "shipped_at", shippedAt);
    insertTime(o, "received_at", receivedAt);
    return o;
}

Fulfilment Fulfilment::read(const JsonReader &reader)
{
    Fulfilment f;
    f.trackingNo = reader.string("tracking_no");
    f.carrier = reader.string("carrier");
    f.shippedAt = reader.time("shipped_at");
    f.receivedAt = reader.time("received_at");
    return f;
}

} // namespace ca
