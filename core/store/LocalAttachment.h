#pragma once

#include <QDateTime>
#include <QString>

namespace ca {

// A file the user attached to a draft, kept so an upload survives a restart.
// The idempotency key is made once when the record is added and sent with
// every upload attempt of this file, so a retry never makes a second
// attachment on the server.
struct LocalAttachment {
    qint64 id = 0;               // local row id, set by LocalStore::addAttachment()
    QString draftId;
    QString category;            // "legal_rep_id" | "handler_id" | "application_form" | "authorization_letter" | "business_licence"
    QString localPath;           // absolute path of the file as chosen (or of its compressed copy)
    QString fileName;            // the name shown and sent
    qint64 size = 0;
    QString sha256;              // lower-case hex
    QString contentType;         // "image/jpeg" | "image/png" | "application/pdf"
    QString state = QStringLiteral("pending"); // "pending" | "uploading" | "uploaded" | "failed"
    QString serverAttachmentId;  // once uploaded
    QString idempotencyKey;      // uuid, set by the store
    QDateTime createdAt;
    QDateTime updatedAt;
};

} // namespace ca
