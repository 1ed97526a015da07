#include "core/model/Attachment.h"

#include "core/model/JsonReader.h"

namespace ca {

QJsonObject Attachment::toJson() const
{
    return QJsonObject{
        {QStringLiteral("id"), id},
        {QStringLiteral("category"), enumWord(category)},
        {QStringLiteral("file_name"), fileName},
        {QStringLiteral("size"), size},
        {QStringLiteral("sha256"), sha256},
        {QStringLiteral("content_type"), contentType},
        {QStringLiteral("state"), enumWord(state)},
    };
}

Attachment Attachment::read(const JsonReader &reader)
{
    Attachment a;
    a.id = reader.string("id");
    a.category = reader.enumeration("category", AttachmentCategory::BusinessLicence, JsonReader::Required);
    a.fileName = reader.string("file_name", JsonReader::Required);
    a.size = reader.integer("size", 0, MaxSize, 0);
    a.sha256 = reader.sha256("sha256");
    a.contentType = reader.string("content_type");
    a.state = reader.enumeration("state", UploadState::Pending);
    return a;
}

} // namespace ca
