#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace ca::sandbox {

// A minimal multipart/form-data reader (RFC 7578) for the attachment upload.
class Multipart
{
public:
    struct Part {
        QString name;         // form field name
        QString fileName;     // filename="…" as sent (never used as a path)
        bool hasFileName = false;
        QByteArray contentType;
        QByteArray data;
    };
    // The boundary of a "multipart/form-data; boundary=…" Content-Type; empty when missing.
    static QByteArray boundary(const QByteArray &contentType);
    // The parts, or std::nullopt (with *error set) when the body is not well formed.
    static std::optional<QList<Part>> parse(const QByteArray &body, const QByteArray &boundary, QString *error);
};

} // namespace ca::sandbox
