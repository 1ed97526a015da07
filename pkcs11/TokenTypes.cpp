#include "pkcs11/TokenTypes.h"

#include "pkcs11/Cryptoki.h"
#include "pkcs11/Quirks.h"

namespace ca::p11 {

QString TokenRef::describe() const
{
    QStringList parts;
    if (!serial.isEmpty())
        parts << QStringLiteral("serial %1").arg(serial);
    if (!label.isEmpty())
        parts << QStringLiteral("label %1").arg(label);
    if (!any.isEmpty())
        parts << QStringLiteral("label or serial %1").arg(any);
    return parts.isEmpty() ? QStringLiteral("the only token") : parts.join(QStringLiteral(", "));
}

QString TokenInfo::identity() const
{
    if (!quirks::tokenLacksSerial(serial))
        return serial;
    if (label.isEmpty() && manufacturer.isEmpty() && model.isEmpty())
        return QString();
    return label + QLatin1Char('|') + manufacturer + QLatin1Char('|') + model;
}

QString keyTypeCode(KeyType type)
{
    switch (type) {
    case KeyType::Rsa: return QStringLiteral("rsa");
    case KeyType::Ec: return QStringLiteral("ec");
    case KeyType::Unknown: break;
    }
    return QStringLiteral("unknown");
}

} // namespace ca::p11
