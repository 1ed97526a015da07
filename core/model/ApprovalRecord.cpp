#include "core/model/ApprovalRecord.h"

#include "core/model/JsonReader.h"

namespace ca {

QJsonObject ApprovalRecord::toJson() const
{
    QJsonObject o{
        {QStringLiteral("actor"), actor},
        {QStringLiteral("action"), enumWord(action)},
        {QStringLiteral("comment"), comment},
    };
    insertTime(o, "time", time);
    return o;
}

ApprovalRecord ApprovalRecord::read(const JsonReader &reader)
{
    ApprovalRecord r;
    r.time = reader.time("time", JsonReader::Required);
    r.actor = reader.string("actor");
    r.action = reader.enumeration("action", ApprovalAction::Create, JsonReader::Required);
    r.comment = reader.string("comment");
    return r;
}

} // namespace ca
