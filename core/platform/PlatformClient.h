#pragma once

#include "core/platform/PlatformCall.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QSslConfiguration>
#include <QString>
#include <QUrl>
#include <QUrlQuery>

#include <chrono>

class QNetworkAccessManager;

namespace ca {

// The strict-TLS client of the platform API (docs/api/openapi.yaml).
//
// - Base URL and trusted CAs: the system CAs plus an optional PEM bundle
//   (setCaBundle). Certificates are always verified; a refused certificate is
//   a PlatformError of kind Tls naming the host and the reason.
// - Session: login() keeps the bearer token in memory only (never written
//   anywhere). A 401 on an authenticated request keeps that request waiting
//   and emits authenticationRequired() once; after the next successful
//   login() every waiting request is sent again with the new token;
//   abandonAuthentication() fails them (Kind::Auth).
// - Every request has a transfer timeout (no byte moved for that long).
// - Retries: transient failures (network, timeout, 429, 5xx) are retried with
//   exponential backoff and full jitter, only for idempotent requests (GET,
//   PUT, DELETE, or any request carrying an Idempotency-Key). A plain POST is
//   never retried. (PUT carries If-Match, so a repeat after a lost answer ends
//   in a 409 rather than a silent overwrite; DraftSync handles that case.)
// - Each finished request logs method, path, HTTP status and request id (lcCore);
//   bodies are never logged.
//
// Results come back as PlatformCall objects (finished() + accessors), the one
// pattern for the UI and for ca-tool (PlatformCall::waitForFinished()).
class PlatformClient : public QObject
{
    Q_OBJECT
public:
    struct RetryPolicy {
        int maxAttempts = 4; // first try included
        std::chrono::milliseconds baseDelay{500};
        std::chrono::milliseconds maxDelay{8000};
    };

    explicit PlatformClient(QObject *parent = nullptr);
    ~PlatformClient() override;

    void setBaseUrl(const QUrl &url);
    QUrl baseUrl() const { return m_baseUrl; }
    QString host() const { return m_baseUrl.host(); }
    // Trust the system CAs plus every certificate in the PEM file. False (with
    // a sentence in *error) when the file cannot be read or holds none.
    bool setCaBundle(const QString &pemPath, QString *error = nullptr);
    QSslConfiguration sslConfiguration() const { return m_ssl; }

    void setTransferTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }
    std::chrono::milliseconds transferTimeout() const { return m_timeout; }
    void setRetryPolicy(const RetryPolicy &policy) { m_retry = policy; }
    RetryPolicy retryPolicy() const { return m_retry; }
    // The delay before attempt `attempt` (2, 3, …): random in [0, min(max, base * 2^(attempt-2))].
    std::chrono::milliseconds backoffDelay(int attempt) const;

    bool isLoggedIn() const { return !m_token.isEmpty(); }
    QString username() const { return m_username; }
    // The session answer of the last login: {"expires_at","role","organization"} (token removed).
    QJsonObject session() const { return m_session; }
    // The bearer token (memory only; tests use it to end the session from outside).
    QString token() const { return m_token; }

    // ---- session ----
    PlatformCall *login(const QString &username, const QString &password);
    PlatformCall *logout();
    // The user declined to log in again: every request waiting for a login fails with Kind::Auth.
    void abandonAuthentication();
    int waitingForLogin() const { return int(m_authQueue.size()); }

    // ---- public ----
    PlatformCall *platformInfo();
    // ---- applicant ----
    PlatformCall *organization();
    PlatformCall *listApplications(const QUrlQuery &filter = QUrlQuery());
    PlatformCall *createApplication(const QJsonObject &application, const QString &idempotencyKey = QString());
    // etag: the version the caller has; a 304 answer (httpStatus() == 304) means unchanged.
    PlatformCall *application(const QString &id, qint64 knownVersion = -1);
    PlatformCall *updateApplication(const QString &id, const QJsonObject &application, qint64 version);
    PlatformCall *deleteApplication(const QString &id);
    PlatformCall *submitApplication(const QString &id, const QString &comment, const QString &idempotencyKey);
    PlatformCall *events(const QString &id);
    PlatformCall *confirmReceipt(const QString &id);
    PlatformCall *attachments(const QString &id);
    PlatformCall *downloadAttachment(const QString &id, const QString &attachmentId, const QString &saveTo);
    PlatformCall *deleteAttachment(const QString &id, const QString &attachmentId);
    PlatformCall *downloadTemplate(const QString &name, const QString &saveTo);
    PlatformCall *downloadInvoice(const QString &id, const QString &saveTo);
    PlatformCall *createPaymentOrder(const QString &id, const QString &channel, const QString &idempotencyKey);
    PlatformCall *paymentOrder(const QString &orderNo);
    // idempotencyKey: a lost answer may be re-sent safely (the platform replays its answer, never issues twice).
    PlatformCall *submitCsr(const QString &id, const QByteArray &csrPem, const QString &tokenSerial = QString(),
                            const QString &idempotencyKey = QString());
    // GET /applications/{id}/certificate: {"certificate","chain"} PEM of the certificate issued or
    // registered for the application (404 when none).
    PlatformCall *issuedCertificate(const QString &id);
    PlatformCall *registerCertificate(const QString &id, const QByteArray &certificatePem, const QString &tokenSerial = QString());
    PlatformCall *requestPinReset(const QString &tokenSerial);
    PlatformCall *verifyPinReset(const QString &resetId, const QString &code);
    PlatformCall *outbox(); // sandbox only
    // ---- reviewer ----
    PlatformCall *reviewApplications();
    // action: approve | reject | ship | onsite | done
    PlatformCall *review(const QString &id, const QString &action, const QString &comment, const QString &trackingNo = QString());

    // Any request (the route methods above all end here).
    PlatformCall *send(const PlatformRequest &request);
    QUrl urlFor(const QString &path, const QUrlQuery &query = QUrlQuery()) const;

Q_SIGNALS:
    // A request got 401: ask the user to log in again (login()); the request waits.
    void authenticationRequired();
    void loggedIn();
    void loggedOut();
    // Every answer (any HTTP status) → true; a network failure → false. DraftSync shows its banner from this.
    void reachabilityChanged(bool reachable);

private:
    friend class PlatformCall;
    void dispatch(PlatformCall *call);
    void onReplyFinished(PlatformCall *call, QNetworkReply *reply);
    void scheduleRetry(PlatformCall *call, const PlatformError &error);
    void complete(PlatformCall *call, const PlatformError &error);
    void setReachable(bool reachable);
    PlatformCall *postJson(const QString &path, const QJsonObject &body, const QString &idempotencyKey = QString());

    QNetworkAccessManager *m_nam;
    QUrl m_baseUrl;
    QSslConfiguration m_ssl;
    std::chrono::milliseconds m_timeout{30000};
    RetryPolicy m_retry;
    QString m_token;
    QString m_username;
    QJsonObject m_session;
    QList<QPointer<PlatformCall>> m_authQueue;
    bool m_authSignalled = false;
    int m_reachable = -1; // unknown
};

} // namespace ca
