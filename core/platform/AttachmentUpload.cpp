#include "core/platform/AttachmentUpload.h"

#include "core/Log.h"
#include "core/platform/PlatformCall.h"
#include "core/platform/PlatformClient.h"
#include "core/platform/SignalWait.h"
#include "core/store/LocalStore.h"

#include <QFile>
#include <QFileInfo>
#include <QHttpMultiPart>
#include <QThread>

namespace ca {

namespace {

// A quoted-string parameter value as browsers send it (UTF-8; quotes, backslashes and line breaks replaced).
QByteArray quotedFileName(const QString &name)
{
    QByteArray b = name.toUtf8();
    b.replace('\\', '_').replace('"', '_').replace('\r', '_').replace('\n', '_');
    return '"' + b + '"';
}

} // namespace

AttachmentUpload::AttachmentUpload(PlatformClient *client, const QString &applicationId, const QString &category,
                                   const QString &filePath, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_applicationId(applicationId)
    , m_category(category)
    , m_filePath(filePath)
{
}

AttachmentUpload::~AttachmentUpload()
{
    m_cancel->store(true);
    if (m_call) {
        m_call->disconnect(this);
        m_call->cancel();
        m_call->deleteLater();
    }
}

void AttachmentUpload::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
    if (isFinished())
        Q_EMIT finished();
}

void AttachmentUpload::fail(const PlatformError &error)
{
    m_error = error;
    qCWarning(lcCore).noquote() << "upload of a" << m_category << "file to" << m_applicationId << "failed:" << error.detail;
    setState(State::Failed);
}

void AttachmentUpload::start()
{
    if (m_state != State::Idle)
        return;
    setState(State::Preparing);
    if (m_maxBytes > 0) {
        prepareFile();
        return;
    }
    PlatformCall *info = m_client->platformInfo();
    m_call = info;
    connect(info, &PlatformCall::finished, this, [this, info] {
        info->deleteLater();
        m_call = nullptr;
        if (!info->ok()) {
            fail(info->error());
            return;
        }
        m_maxBytes = info->json().value(QStringLiteral("max_upload_bytes")).toInteger();
        prepareFile();
    });
}

void AttachmentUpload::prepareFile()
{
    if (m_cancel->load()) {
        fail(PlatformError::cancelled());
        return;
    }
    auto result = std::make_shared<PreparedUpload>();
    const QString path = m_filePath;
    const qint64 limit = m_maxBytes;
    auto cancelFlag = m_cancel;
    QThread *worker = QThread::create([result, path, limit, cancelFlag] { *result = UploadFile::prepare(path, limit, cancelFlag.get()); });
    connect(worker, &QThread::finished, this, [this, worker, result] {
        worker->deleteLater();
        m_prepared = *result;
        if (!m_prepared.ok()) {
            fail(m_prepared.error);
            return;
        }
        if (m_cancel->load()) {
            fail(PlatformError::cancelled());
            return;
        }
        if (m_prepared.compressed)
            Q_EMIT compressed(m_prepared.originalSize, m_prepared.size);
        send();
    });
    worker->start();
}

void AttachmentUpload::send()
{
    if (m_key.isEmpty() && m_store) {
        m_operationSubject = m_applicationId + QLatin1Char('/') + m_category + QLatin1Char('/') + m_prepared.sha256;
        const StoreResult<QString> key = m_store->operationKey(QStringLiteral("upload"), m_operationSubject);
        if (!key) {
            PlatformError e;
            e.kind = PlatformError::Kind::Validation;
            e.userMessage = key.error().message;
            e.detail = key.error().detail;
            fail(e);
            return;
        }
        m_key = *key;
    }
    if (m_key.isEmpty())
        m_key = LocalStore::newId();

    PlatformRequest rq;
    rq.method = "POST";
    rq.path = QStringLiteral("/api/v1/applications/%1/attachments").arg(QString::fromLatin1(QUrl::toPercentEncoding(m_applicationId)));
    rq.idempotencyKey = m_key;
    const QString path = m_prepared.path;
    const QString category = m_category;
    const QString fileName = m_prepared.fileName;
    const QByteArray type = m_prepared.contentType.toLatin1();
    rq.multipart = [path, category, fileName, type]() -> QHttpMultiPart * {
        auto *mp = new QHttpMultiPart(QHttpMultiPart::FormDataType);
        QHttpPart categoryPart;
        categoryPart.setRawHeader("Content-Disposition", "form-data; name=\"category\"");
        categoryPart.setBody(category.toUtf8());
        QHttpPart filePart;
        filePart.setRawHeader("Content-Disposition", "form-data; name=\"file\"; filename=" + quotedFileName(fileName));
        filePart.setRawHeader("Content-Type", type);
        auto *file = new QFile(path, mp); // streamed by QNetworkAccessManager, never read whole
        if (!file->open(QIODevice::ReadOnly)) {
            delete mp;
            return nullptr;
        }
        filePart.setBodyDevice(file);
        mp->append(categoryPart);
        mp->append(filePart);
        return mp;
    };
    setState(State::Uploading);
    PlatformCall *call = m_client->send(rq);
    m_call = call;
    connect(call, &PlatformCall::uploadProgress, this, &AttachmentUpload::progress);
    connect(call, &PlatformCall::finished, this, [this, call] {
        call->deleteLater();
        m_call = nullptr;
        if (!call->ok()) {
            fail(call->error());
            return;
        }
        m_attachment = call->json();
        const QString serverSha = m_attachment.value(QStringLiteral("sha256")).toString().toLower();
        if (serverSha != m_prepared.sha256) {
            // The bytes were damaged on the way: remove the bad copy so it is never used, and say so.
            const QString id = m_attachment.value(QStringLiteral("id")).toString();
            if (!id.isEmpty())
                m_client->deleteAttachment(m_applicationId, id)->setAutoDelete(true);
            if (m_store && !m_operationSubject.isEmpty())
                m_store->finishOperation(QStringLiteral("upload"), m_operationSubject); // a new try needs a new key
            PlatformError e;
            e.kind = PlatformError::Kind::Network;
            e.host = m_client->host();
            e.httpStatus = call->httpStatus();
            e.requestId = call->requestId();
            e.userMessage = tr("The platform received a different file than %1 (the check sums differ). Upload the file again.")
                                .arg(m_prepared.fileName);
            e.detail = QStringLiteral("sha256 mismatch: sent %1, server %2").arg(m_prepared.sha256, serverSha);
            fail(e);
            return;
        }
        if (m_store && !m_operationSubject.isEmpty())
            m_store->finishOperation(QStringLiteral("upload"), m_operationSubject);
        qCInfo(lcCore).noquote() << "uploaded a" << m_category << "file to" << m_applicationId << "(" << m_prepared.size
                                 << "bytes, request id" << call->requestId() << ")";
        setState(State::Done);
    });
}

void AttachmentUpload::cancel()
{
    if (isFinished())
        return;
    m_cancel->store(true);
    if (m_call)
        m_call->cancel(); // finished() → fail(Cancelled)
    // While preparing, the worker sees the flag and the upload fails as cancelled.
}

bool AttachmentUpload::waitForFinished(int timeoutMs)
{
    if (isFinished())
        return true;
    waitForSignal(this, &AttachmentUpload::finished, timeoutMs);
    return isFinished();
}

QString AttachmentUpload::compressionNotice() const
{
    if (!m_prepared.compressed)
        return QString();
    return tr("The photo %1 was larger than the platform accepts, so it was reduced from %2 MB to %3 MB (%4 × %5 pixels) before uploading.")
        .arg(QFileInfo(m_prepared.sourcePath).fileName(),
             QString::number(double(m_prepared.originalSize) / 1048576.0, 'f', 1),
             QString::number(double(m_prepared.size) / 1048576.0, 'f', 1))
        .arg(m_prepared.pixelSize.width())
        .arg(m_prepared.pixelSize.height());
}

} // namespace ca
