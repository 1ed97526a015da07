#pragma once

#include <QByteArray>
#include <QString>

namespace ca::sandbox {

// Attachment uploads (routes /api/v1/applications/{id}/attachments…, files in DIR/files/<uuid>).
class Attachments
{
public:
    // "image/jpeg", "image/png", "application/pdf" from the first bytes; empty when none of them.
    static QByteArray sniff(const QByteArray &data);
    // The display name to keep, or empty when the name is unusable (path
    // separators, "..", control characters, empty, too long).
    static QString safeFileName(const QString &name);
};

} // namespace ca::sandbox
