#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace ca {

class JsonReader;

// Delivery of the key: "fulfilment": {"tracking_no", "carrier", "shipped_at", "received_at"}.
struct Fulfilment {
    QString trackingNo; // 快递单号 (mail)
    QString carrier;    // e.g. "EMS"
    QDateTime shippedAt;
    QDateTime receivedAt;

    QJsonObject toJson() const;
    static Fulfilment read(const JsonReader &reader);
    bool operator==(const Fulfilment &) const = default;
};

} // namespace ca
