#pragma once

#include "core/platform/PlatformError.h"
#include "core/platform/UploadFile.h"

#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QString>

#include <atomic>
#include <memory>

namespace ca {

class LocalStore;
class PlatformCall;
class PlatformClient;

// One attachment upload: POST /api/v1/applications/{id}/attachments
// (multipart "category" + "file"), streamed from disk.
//
// start(): asks the platform for max_upload_bytes (unless set), prepares the
// file on a worker thread (type by magic bytes, SHA-256 streamed, a photo over
// the limit downscaled to a temporary JPEG; see UploadFile), then sends it
// with an Idempotency-Key, reporting progress, and checks the server's sha256
// against ours. Memory does not grow with the file size. cancel() at any point.
//
// The Idempotency-Key: setIdempotencyKey() (e.g. LocalAttachment::idempotencyKey
// of a draft's attachment), or with setStore() the store's
// operationKey("upload", "<application>/<category>/<sha256>"), finished once
// the server's answer is in. Either way a retry, also after a crash, sends the
// same key: the platform replays the first answer instead of adding a second
// attachment.
class AttachmentUpload : public QObject
{
    Q_OBJECT
public:
    enum class State { Idle, Preparing, Uploading, Done, Failed };
    Q_ENUM(State)

    AttachmentUpload(PlatformClient *client, const QString &applicationId, const QString &category, const QString &filePath,
                     QObject *parent = nullptr);
    ~AttachmentUpload() override;

    void setStore(LocalStore *store) { m_store = store; }
    void setIdempotencyKey(const QString &key) { m_key = key; }
    // Known limit (skips GET /api/v1/platform); <= 0: ask the platform.
    void setMaxUploadBytes(qint64 bytes) { m_maxBytes = bytes; }

    void start();
    void cancel();
    bool waitForFinished(int timeoutMs = -1);

    State state() const { return m_state; }
    bool isFinished() const { return m_state == State::Done || m_state == State::Failed; }
    bool ok() const { return m_state == State::Done; }
    const PlatformError &error() const { return m_error; }
    // The server's attachment JSON ({"id","category","file_name","size","sha256","content_type","state"}).
    QJsonObject attachment() const { return m_attachment; }
    const PreparedUpload &prepared() const { return m_prepared; }
    bool wasCompressed() const { return m_prepared.compressed; }
    QString idempotencyKey() const { return m_key; }
    QString applicationId() const { return m_applicationId; }
    QString category() const { return m_category; }
    QString filePath() const { return m_filePath; }
    // One sentence for the user after a compressed upload ("… was compressed from X MB to Y MB …").
    QString compressionNotice() const;

Q_SIGNALS:
    void stateChanged(ca::AttachmentUpload::State state);
    void progress(qint64 sent, qint64 total);
    void compressed(qint64 originalSize, qint64 newSize);
    void finished();

private:
    void prepareFile();
    void send();
    void fail(const PlatformError &error);
    void setState(State state);

    PlatformClient *m_client;
    LocalStore *m_store = nullptr;
    QString m_applicationId;
    QString m_category;
    QString m_filePath;
    QString m_key;
    QString m_operationSubject;
    qint64 m_maxBytes = 0;
    State m_state = State::Idle;
    PlatformError m_error;
    QJsonObject m_attachment;
    PreparedUpload m_prepared;
    QPointer<PlatformCall> m_call;
    std::shared_ptr<std::atomic_bool> m_cancel = std::make_shared<std::atomic_bool>(false);
};

} // namespace ca
