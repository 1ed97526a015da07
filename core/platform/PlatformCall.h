#pragma once

#include "core/platform/PlatformError.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QString>
#include <QUrlQuery>

#include <chrono>
#include <functional>
#include <memory>

class QHttpMultiPart;
class QNetworkReply;
class QSaveFile;
class QTimer;

namespace ca {

class PlatformClient;

// What to send (built by PlatformClient's route methods; send() takes any).
struct PlatformRequest {
    QByteArray method = "GET";
    QString path;                 // "/api/v1/…"
    QUrlQuery query;
    QByteArray body;              // JSON (or empty)
    QByteArray contentType = "application/json";
    QList<QPair<QByteArray, QByteArray>> headers;
    QString idempotencyKey;       // sent as Idempotency-Key; makes a POST retryable
    bool authenticated = true;    // carries the bearer token; a 401 waits for a new login
    bool retryAllowed = true;     // false: never retried, even when idempotent
    // Built again for every attempt (a multipart body is consumed by sending it).
    std::function<QHttpMultiPart *()> multipart;
    QString saveTo;               // stream a 2xx body into this file (atomically replaced) instead of memory
    std::chrono::milliseconds transferTimeout{0}; // 0: the client's default

    // GET, HEAD, DELETE, PUT (the method itself is idempotent) or a request with an Idempotency-Key.
    bool isIdempotent() const;
};

// One asynchronous platform request: finished() fires exactly once, then the
// result accessors are valid. Failures are values (error()). The caller owns
// the call (deleteLater() it after finished(), or setAutoDelete(true)).
class PlatformCall : public QObject
{
    Q_OBJECT
public:
    ~PlatformCall() override;

    bool isFinished() const { return m_finished; }
    bool ok() const { return m_finished && !m_error.isError(); }
    const PlatformError &error() const { return m_error; }
    int httpStatus() const { return m_status; }
    QByteArray body() const { return m_body; }
    // Hands the body over and overwrites this call's own copy (for answers
    // that carry a secret, e.g. the SO PIN of a PIN reset): afterwards body()
    // and json() are empty. The caller wipes what it got (p11::wipe or
    // SecureBuffer::takeJsonString). What Qt's network stack buffered on the
    // way (QNetworkReply, TLS records) is freed by Qt without wiping.
    QByteArray takeBody();
    QJsonObject json() const; // the body as a JSON object ({} when it is not one)
    QByteArray rawHeader(const QByteArray &name) const;
    QString requestId() const { return m_requestId; }
    int attempts() const { return m_attempts; }
    const PlatformRequest &request() const { return m_request; }

    // Aborts the transfer (and any pending retry or re-login wait): finished()
    // with Kind::Cancelled. A finished call is left alone.
    void cancel();
    void setAutoDelete(bool on) { m_autoDelete = on; }

    // Runs a local event loop until finished() (ca-tool, tests). False on timeout.
    bool waitForFinished(int timeoutMs = -1);

Q_SIGNALS:
    void finished();
    void uploadProgress(qint64 sent, qint64 total);
    void downloadProgress(qint64 received, qint64 total);
    // A transient failure; the same request goes out again after delayMs.
    void retrying(int nextAttempt, int delayMs, const ca::PlatformError &error);

private:
    friend class PlatformClient;
    explicit PlatformCall(PlatformRequest request, PlatformClient *client);
    void finish();

    PlatformRequest m_request;
    QPointer<PlatformClient> m_client;
    QPointer<QNetworkReply> m_reply;
    std::unique_ptr<QSaveFile> m_saveFile;
    QList<QSslError> m_sslErrors;
    bool m_finished = false;
    bool m_cancelled = false;
    bool m_autoDelete = false;
    bool m_waitingForLogin = false;
    bool m_writeError = false;
    int m_attempts = 0;
    int m_status = 0;
    QByteArray m_body;
    QList<QPair<QByteArray, QByteArray>> m_headers;
    QString m_requestId;
    PlatformError m_error;
    QTimer *m_retryTimer = nullptr;
};

} // namespace ca
