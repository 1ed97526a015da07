#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace ca {

class JsonReader;

// The certificate an application concerns (renewal/change/existing) or produced:
// "certificate": {"token_serial", "serial", "subject", "not_after"}.
struct CertificateRef {
    QString tokenSerial; // the USB key's serial number (CK_TOKEN_INFO serialNumber)
    QString serial;      // certificate serial number, hex
    QString subject;     // RFC 4514 subject
    QDateTime notAfter;

    QJsonObject toJson() const;
    static CertificateRef read(const JsonReader &reader);
    bool operator==(const CertificateRef &) const = default;
};

} // namespace ca
