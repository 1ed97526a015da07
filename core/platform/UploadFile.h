#pragma once

#include "core/platform/PlatformError.h"

#include <QCoreApplication>
#include <QSize>
#include <QString>

#include <atomic>
#include <memory>

namespace ca {

// A file made ready for upload: recognised by its magic bytes, hashed while
// streamed from disk, and (a photo over the platform limit) re-encoded to a
// smaller temporary JPEG.
struct PreparedUpload {
    QString sourcePath;        // as chosen by the user
    QString path;              // what is sent (sourcePath, or the compressed temp copy)
    QString fileName;          // the name sent (".jpg" after compression)
    QString contentType;       // "application/pdf" | "image/jpeg" | "image/png"
    qint64 size = 0;           // bytes sent
    QString sha256;            // lower-case hex of the bytes sent
    bool compressed = false;   // tell the user
    qint64 originalSize = 0;
    QSize pixelSize;           // of the sent image (compressed only)
    int jpegQuality = 0;       // compressed only
    // Removes the compressed temp copy when the last holder lets go (a plain
    // file path, not a QObject, so it may cross threads).
    struct TemporaryCopy {
        QString path;
        ~TemporaryCopy();
    };
    std::shared_ptr<TemporaryCopy> temporary;
    PlatformError error;       // Kind::Validation naming the file, or Kind::Cancelled
    bool ok() const { return !error.isError(); }
};

class UploadFile
{
    Q_DECLARE_TR_FUNCTIONS(UploadFile)
public:
    enum class Type { Unknown, Jpeg, Png, Pdf };
    static constexpr int MinLongSide = 1600;     // a compressed scan stays legible
    static constexpr qint64 ChunkSize = 256 * 1024;

    // By magic bytes: FF D8 FF (JPEG), 89 'PNG' 0D 0A 1A 0A (PNG), "%PDF-" (PDF).
    static Type sniff(const QString &path);
    static QString contentType(Type type);
    // SHA-256 of the file, read in ChunkSize pieces (memory does not grow with the size).
    // Empty on a read error or when *cancel became true.
    static QString sha256OfFile(const QString &path, const std::atomic_bool *cancel = nullptr);

    // Checks and hashes the file; an image larger than maxBytes is downscaled
    // (QImageReader::setScaledSize, EXIF orientation applied, long side never
    // under MinLongSide) and re-encoded to JPEG until it fits. A PDF larger
    // than maxBytes is refused. maxBytes <= 0: no limit. Blocking: run it off
    // the GUI thread (AttachmentUpload does).
    static PreparedUpload prepare(const QString &path, qint64 maxBytes, const std::atomic_bool *cancel = nullptr);
};

} // namespace ca
