#include "core/model/CertificateRef.h"

#include "core/model/JsonReader.h"

namespace ca {

QJsonObject CertificateRef::toJson() const
{
    QJsonObject o{
        {QStringLiteral("token_serial"), tokenSerial},
        {QStringLiteral("serial"), serial},
        {QStringLiteral("subject"), subject},
    };
    insertTime(o, "not_after", notAfter);
    return o;
}

CertificateRef CertificateRef::read(const JsonReader &reader)
{
    CertificateRef c;
    c.tokenSerial = reader.string("token_serial");
    c.serial = reader.string("serial");
    c.subject = reader.string("subject");
    c.notAfter = reader.time("not_after");
    return c;
}

} // namespace ca
