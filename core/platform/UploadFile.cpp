#include "core/platform/UploadFile.h"

#include "core/Log.h"

#include <QColor>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QImageReader>
#include <QImageWriter>
#include <QPainter>
#include <QTemporaryFile>

#include <cmath>

namespace ca {

namespace {

QString megabytes(qint64 bytes)
{
    return QString::number(double(bytes) / (1024.0 * 1024.0), 'f', 1);
}

} // namespace

PreparedUpload::TemporaryCopy::~TemporaryCopy()
{
    if (!path.isEmpty())
        QFile::remove(path);
}

UploadFile::Type UploadFile::sniff(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Type::Unknown;
    const QByteArray head = f.read(8);
    if (head.startsWith("\xFF\xD8\xFF"))
        return Type::Jpeg;
    if (head == QByteArray("\x89PNG\r\n\x1A\n", 8))
        return Type::Png;
    if (head.startsWith("%PDF-"))
        return Type::Pdf;
    return Type::Unknown;
}

QString UploadFile::contentType(Type type)
{
    switch (type) {
    case Type::Jpeg: return QStringLiteral("image/jpeg");
    case Type::Png: return QStringLiteral("image/png");
    case Type::Pdf: return QStringLiteral("application/pdf");
    case Type::Unknown: break;
    }
    return QString();
}

QString UploadFile::sha256OfFile(const QString &path, const std::atomic_bool *cancel)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return QString();
    QCryptographicHash hash(QCryptographicHash::Sha256);
    QByteArray buffer(int(ChunkSize), Qt::Uninitialized);
    for (;;) {
        if (cancel && cancel->load())
            return QString();
        const qint64 n = f.read(buffer.data(), buffer.size());
        if (n < 0)
            return QString();
        if (n == 0)
            break;
        hash.addData(QByteArrayView(buffer.constData(), n));
    }
    return QString::fromLatin1(hash.result().toHex());
}

PreparedUpload UploadFile::prepare(const QString &path, qint64 maxBytes, const std::atomic_bool *cancel)
{
    PreparedUpload p;
    const QFileInfo info(path);
    p.sourcePath = info.absoluteFilePath();
    p.path = p.sourcePath;
    p.fileName = info.fileName();
    if (!info.isFile() || !info.isReadable()) {
        p.error = PlatformError::validation(QStringLiteral("file"),
                                            tr("The file %1 cannot be read. Check that it exists and that you may open it.").arg(p.fileName));
        return p;
    }
    const Type type = sniff(path);
    if (type == Type::Unknown) {
        p.error = PlatformError::validation(QStringLiteral("file"),
                                            tr("The file %1 is not a PDF, JPEG or PNG file. Scan the document to one of these formats and choose it again.")
                                                .arg(p.fileName));
        return p;
    }
    p.contentType = contentType(type);
    p.originalSize = info.size();
    p.size = info.size();

    if (maxBytes > 0 && p.size > maxBytes) {
        if (type == Type::Pdf) {
            p.error = PlatformError::validation(QStringLiteral("file"),
                                                tr("The file %1 is %2 MB, more than the platform accepts (%3 MB). Scan it with a lower resolution and choose it again.")
                                                    .arg(p.fileName, megabytes(p.size), megabytes(maxBytes)));
            return p;
        }
        // Downscale and re-encode. QImageReader decodes JPEG straight to the
        // scaled size (libjpeg scaling), so a 24-megapixel photo is never held at full size.
        QImageReader probe(path);
        probe.setAutoTransform(true);
        const QSize full = probe.size();
        if (!full.isValid()) {
            p.error = PlatformError::validation(QStringLiteral("file"),
                                                tr("The image %1 cannot be read; it may be damaged. Scan it again and choose the new file.").arg(p.fileName));
            return p;
        }
        const int longFull = qMax(full.width(), full.height());
        const double firstRatio = std::sqrt(double(maxBytes) / double(p.size)) * 0.95;
        int longSide = longFull <= MinLongSide ? longFull : qBound(MinLongSide, int(longFull * firstRatio), longFull);
        int quality = 85;
        auto temp = std::make_unique<QTemporaryFile>(QDir::temp().filePath(QStringLiteral("ca-upload-XXXXXX.jpg")));
        if (!temp->open()) {
            p.error = PlatformError::validation(QStringLiteral("file"),
                                                tr("The image %1 could not be compressed because no temporary file can be written. Free some disk space and try again.")
                                                    .arg(p.fileName));
            return p;
        }
        for (int round = 0; round < 16; ++round) {
            if (cancel && cancel->load()) {
                p.error = PlatformError::cancelled();
                return p;
            }
            QImageReader reader(path);
            reader.setAutoTransform(true);
            if (longSide < longFull)
                reader.setScaledSize(full.scaled(longSide, longSide, Qt::KeepAspectRatio));
            QImage image = reader.read();
            if (image.isNull()) {
                p.error = PlatformError::validation(QStringLiteral("file"),
                                                    tr("The image %1 cannot be read; it may be damaged. Scan it again and choose the new file.").arg(p.fileName));
                return p;
            }
            if (image.hasAlphaChannel()) { // JPEG has none: flatten on white paper
                QImage flat(image.size(), QImage::Format_RGB32);
                flat.fill(Qt::white);
                QPainter painter(&flat);
                painter.drawImage(0, 0, image);
                painter.end();
                image = flat;
            }
            temp->resize(0);
            temp->seek(0);
            QImageWriter writer(temp.get(), "jpeg");
            writer.setQuality(quality);
            if (!writer.write(image)) {
                p.error = PlatformError::validation(QStringLiteral("file"),
                                                    tr("The image %1 could not be compressed. Scan it with a lower resolution and choose it again.").arg(p.fileName));
                return p;
            }
            temp->flush();
            const qint64 written = temp->size();
            qCInfo(lcCore) << "compressed an image to" << image.size() << "quality" << quality << ":" << written << "bytes, limit" << maxBytes;
            if (written <= maxBytes) {
                p.compressed = true;
                const QString tempName = temp->fileName();
                temp->setAutoRemove(false);
                temp->close();
                p.temporary = std::make_shared<PreparedUpload::TemporaryCopy>();
                p.temporary->path = tempName;
                p.path = tempName;
                p.size = written;
                p.pixelSize = image.size();
                p.jpegQuality = quality;
                p.contentType = QStringLiteral("image/jpeg");
                p.fileName = info.completeBaseName() + QStringLiteral(".jpg");
                break;
            }
            if (longSide > MinLongSide) {
                const double r = qMin(0.85, std::sqrt(double(maxBytes) / double(written)) * 0.95);
                longSide = qMax(MinLongSide, int(longSide * r));
            } else if (quality > 40) {
                quality -= 15;
            } else {
                break;
            }
        }
        if (!p.compressed) {
            p.error = PlatformError::validation(QStringLiteral("file"),
                                                tr("The image %1 stays larger than the platform accepts (%2 MB) even when compressed. Scan it with a lower resolution and choose it again.")
                                                    .arg(p.fileName, megabytes(maxBytes)));
            return p;
        }
    }

    p.sha256 = sha256OfFile(p.path, cancel);
    if (p.sha256.isEmpty()) {
        p.error = (cancel && cancel->load())
            ? PlatformError::cancelled()
            : PlatformError::validation(QStringLiteral("file"), tr("The file %1 cannot be read. Check that it exists and that you may open it.").arg(p.fileName));
    }
    return p;
}

} // namespace ca
