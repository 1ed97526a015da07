#include "core/model/Invoice.h"

#include "core/model/JsonReader.h"

namespace ca {

QJsonObject Invoice::toJson() const
{
    return QJsonObject{
        {QStringLiteral("type"), enumWord(type)},
        {QStringLiteral("title"), title},
        {QStringLiteral("tax_id"), taxId},
        {QStringLiteral("address"), address},
        {QStringLiteral("phone"), phone},
        {QStringLiteral("notice_mobile"), noticeMobile},
        {QStringLiteral("bank"), bank},
        {QStringLiteral("account"), account},
    };
}

Invoice Invoice::read(const JsonReader &reader)
{
    Invoice i;
    i.type = reader.enumeration("type", InvoiceType::Normal);
    i.title = reader.string("title");
    i.taxId = reader.string("tax_id");
    i.address = reader.string("address");
    i.phone = reader.string("phone");
    i.noticeMobile = reader.string("notice_mobile");
    i.bank = reader.string("bank");
    i.account = reader.string("account");
    return i;
}

} // namespace ca
