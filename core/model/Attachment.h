#pragma once

#include "core/model/Enums.h"

#include <QJsonObject>
#include <QString>

namespace ca {

class JsonReader;

// One uploaded scan (CA办理电子件):
// {"id", "category", "file_name", "size", "sha256", "content_type", "state"}.
struct Attachment {
    static constexpr qint64 MaxSize = Q_INT64_C(9007199254740991); // 2^53 - 1: exact in a JSON number

    QString id;                                  // server-assigned; "" before the upload
    AttachmentCategory category = AttachmentCategory::BusinessLicence; // required key
    QString fileName;                            // required key
    qint64 size = 0;                             // bytes
    QString sha256;                              // 64 lower-case hex digits, or ""
    QString contentType;                         // e.g. "application/pdf", "image/jpeg"
    UploadState state = UploadState::Pending;

    QJsonObject toJson() const;
    static Attachment read(const JsonReader &reader);
    bool operator==(const Attachment &) const = default;
};

} // namespace ca
