#include "core/model/Organization.h"

#include "core/model/JsonReader.h"

namespace ca {

bool Organization::isEnterprise() const
{
    const QString code = uscc.trimmed();
    return !code.isEmpty() && code.at(0) == QLatin1Char('9');
}

QJsonObject Organization::toJson() const
{
    return QJsonObject{
        {QStringLiteral("name"), name},
        {QStringLiteral("uscc"), uscc},
        {QStringLiteral("type"), enumWord(type)},
    };
}

Organization Organization::read(const JsonReader &reader)
{
    Organization o;
    o.name = reader.string("name");
    o.uscc = reader.string("uscc");
    o.type = reader.enumeration("type", Role::Supplier);
    if (o.type == Role::Reviewer) {
        reader.addIssue(reader.pathOf("type"),
                        JsonReader::tr("The value of \"%1\" is \"reviewer\", but an applicant unit must be a supplier, "
                                       "purchaser or agent.")
                            .arg(reader.pathOf("type")));
        o.type = Role::Supplier;
    }
    return o;
}

} // namespace ca
