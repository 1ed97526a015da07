#include "core/platform/PlatformClient.h"

#include "core/Log.h"

#include <QFile>
#include <QHttpMultiPart>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QSaveFile>
#include <QSslCertificate>
#include <QTimer>

namespace ca {

namespace {

QString seg(const QString &s)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(s));
}

QByteArray jsonBytes(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

bool is2xx(int status)
{
    return status >= 200 && status < 300;
}

} // namespace

PlatformClient::PlatformClient(QObject *parent)
    : QObject(parent)
    , m_nam(new QNetworkAccessManager(this))
    , m_ssl(QSslConfiguration::defaultConfiguration())
{
    m_ssl.setPeerVerifyMode(QSslSocket::VerifyPeer);
    m_nam->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
}

PlatformClient::~PlatformClient()
{
    // Waiting calls belong to their callers; fail them so nobody waits forever.
    abandonAuthentication();
}

void PlatformClient::setBaseUrl(const QUrl &url)
{
    m_baseUrl = url;
}

bool PlatformClient::setCaBundle(const QString &pemPath, QString *error)
{
    QFile f(pemPath);
    if (!f.open(QIODevice::ReadOnly)) {
        if (error)
            *error = tr("The CA certificate file %1 cannot be read: %2. Check the path in the settings.").arg(pemPath, f.errorString());
        return false;
    }
    const QList<QSslCertificate> bundle = QSslCertificate::fromDevice(&f, QSsl::Pem);
    if (bundle.isEmpty()) {
        if (error)
            *error = tr("The CA certificate file %1 holds no PEM certificate. Choose the platform's CA certificate file.").arg(pemPath);
        return false;
    }
    QList<QSslCertificate> all = QSslConfiguration::systemCaCertificates();
    all += bundle;
    m_ssl.setCaCertificates(all);
    qCInfo(lcCore) << "trusting the system CAs plus" << bundle.size() << "certificate(s) from" << pemPath;
    return true;
}

std::chrono::milliseconds PlatformClient::backoffDelay(int attempt) const
{
    const int exponent = qBound(0, attempt - 2, 20);
    const qint64 ceiling = qMin<qint64>(m_retry.maxDelay.count(), m_retry.baseDelay.count() << exponent);
    // Full jitter (random in [ceiling/2, ceiling]) so that many clients do not retry in step.
    const qint64 low = ceiling / 2;
    return std::chrono::milliseconds(low + QRandomGenerator::global()->bounded(ceiling - low + 1));
}

QUrl PlatformClient::urlFor(const QString &path, const QUrlQuery &query) const
{
    QUrl u = m_baseUrl;
    QString base = u.path(QUrl::FullyEncoded);
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    u.setPath(base + path, QUrl::TolerantMode);
    if (!query.isEmpty())
        u.setQuery(query);
    return u;
}

PlatformCall *PlatformClient::send(const PlatformRequest &request)
{
    auto *call = new PlatformCall(request, this);
    // Start from the event loop, so the caller can connect to finished() first.
    QTimer::singleShot(0, this, [this, call = QPointer<PlatformCall>(call)] {
        if (call && !call->m_finished && !call->m_cancelled)
            dispatch(call);
    });
    return call;
}

void PlatformClient::dispatch(PlatformCall *call)
{
    const PlatformRequest &rq = call->m_request;
    ++call->m_attempts;
    call->m_sslErrors.clear();
    call->m_body.clear();
    call->m_headers.clear();
    call->m_status = 0;
    call->m_writeError = false;
    call->m_waitingForLogin = false;
    if (call->m_saveFile) {
        call->m_saveFile->cancelWriting();
        call->m_saveFile.reset();
    }

    QNetworkRequest req(urlFor(rq.path, rq.query));
    req.setSslConfiguration(m_ssl);
    const auto timeout = rq.transferTimeout.count() > 0 ? rq.transferTimeout : m_timeout;
    req.setTransferTimeout(int(timeout.count()));
    req.setRawHeader("Accept", "application/json");
    if (!rq.multipart && !rq.body.isEmpty())
        req.setHeader(QNetworkRequest::ContentTypeHeader, rq.contentType);
    if (rq.authenticated && !m_token.isEmpty())
        req.setRawHeader("Authorization", "Bearer " + m_token.toLatin1());
    if (!rq.idempotencyKey.isEmpty())
        req.setRawHeader("Idempotency-Key", rq.idempotencyKey.toLatin1());
    for (const auto &h : rq.headers)
        req.setRawHeader(h.first, h.second);

    QNetworkReply *reply = nullptr;
    if (rq.multipart) {
        QHttpMultiPart *mp = rq.multipart();
        if (!mp) {
            complete(call, PlatformError::validation(QStringLiteral("file"),
                                                     tr("The file to upload can no longer be read. Choose it again.")));
            return;
        }
        reply = m_nam->sendCustomRequest(req, rq.method, mp);
        mp->setParent(reply);
    } else if (rq.method == "GET") {
        reply = m_nam->get(req);
    } else {
        reply = m_nam->sendCustomRequest(req, rq.method, rq.body);
    }
    call->m_reply = reply;

    connect(reply, &QNetworkReply::sslErrors, call, [call](const QList<QSslError> &errors) {
        call->m_sslErrors += errors; // recorded for the error value; never ignored
    });
    connect(reply, &QNetworkReply::uploadProgress, call, &PlatformCall::uploadProgress);
    connect(reply, &QNetworkReply::downloadProgress, call, &PlatformCall::downloadProgress);
    if (!rq.saveTo.isEmpty()) {
        connect(reply, &QNetworkReply::readyRead, call, [call, reply] {
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            if (!is2xx(status) || call->m_writeError)
                return; // an error body stays in the reply (small)
            if (!call->m_saveFile) {
                call->m_saveFile = std::make_unique<QSaveFile>(call->m_request.saveTo);
                if (!call->m_saveFile->open(QIODevice::WriteOnly)) {
                    call->m_writeError = true;
                    return;
                }
            }
            if (call->m_saveFile->write(reply->readAll()) < 0)
                call->m_writeError = true;
        });
    }
    connect(reply, &QNetworkReply::finished, call, [this, call, reply] { onReplyFinished(call, reply); });
}

void PlatformClient::onReplyFinished(PlatformCall *call, QNetworkReply *reply)
{
    reply->deleteLater();
    call->m_reply = nullptr;
    const PlatformRequest &rq = call->m_request;
    const QString host = m_baseUrl.host();

    if (call->m_cancelled) {
        complete(call, PlatformError::cancelled());
        return;
    }

    const QVariant statusAttr = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    const int status = statusAttr.isValid() ? statusAttr.toInt() : 0;
    const QNetworkReply::NetworkError netError = reply->error();

    if (status == 0) {
        if (!call->m_sslErrors.isEmpty() || netError == QNetworkReply::SslHandshakeFailedError) {
            PlatformError e = PlatformError::fromSslErrors(host, call->m_sslErrors);
            if (call->m_sslErrors.isEmpty())
                e.detail += QStringLiteral(" (") + reply->errorString() + QLatin1Char(')');
            complete(call, e); // never retried: a certificate does not get better by asking again
            return;
        }
        const bool timedOut = netError == QNetworkReply::OperationCanceledError || netError == QNetworkReply::TimeoutError;
        PlatformError e = PlatformError::network(host,
                                                 QStringLiteral("%1 %2: %3").arg(QString::fromLatin1(rq.method), rq.path, reply->errorString()),
                                                 timedOut);
        setReachable(false);
        scheduleRetry(call, e);
        return;
    }

    setReachable(true);
    call->m_status = status;
    for (const auto &pair : reply->rawHeaderPairs())
        call->m_headers.append(pair);
    call->m_requestId = QString::fromLatin1(reply->rawHeader("X-Request-Id"));

    if (is2xx(status) || status == 304) {
        if (!rq.saveTo.isEmpty() && is2xx(status)) {
            if (!call->m_saveFile && !call->m_writeError) {
                call->m_saveFile = std::make_unique<QSaveFile>(rq.saveTo);
                if (!call->m_saveFile->open(QIODevice::WriteOnly))
                    call->m_writeError = true;
            }
            if (!call->m_writeError && call->m_saveFile->write(reply->readAll()) < 0)
                call->m_writeError = true;
            if (call->m_writeError || !call->m_saveFile->commit()) {
                const QString why = call->m_saveFile ? call->m_saveFile->errorString() : QString();
                call->m_saveFile.reset();
                complete(call, PlatformError::validation(QStringLiteral("output"),
                                                         tr("The file %1 could not be written (%2). Choose another location.")
                                                             .arg(rq.saveTo, why)));
                return;
            }
            call->m_saveFile.reset();
        } else {
            call->m_body = reply->readAll();
        }
        complete(call, PlatformError());
        return;
    }

    call->m_body = reply->readAll();
    if (call->m_saveFile) {
        call->m_saveFile->cancelWriting();
        call->m_saveFile.reset();
    }
    // A repeated DELETE whose first attempt went through finds nothing left: that is success.
    if (status == 404 && rq.method == "DELETE" && call->m_attempts > 1) {
        complete(call, PlatformError());
        return;
    }
    if (status == 401 && rq.authenticated) {
        qCInfo(lcCore).noquote() << rq.method << rq.path << "-> HTTP 401, request id" << call->m_requestId
                                 << "- waiting for a new login";
        m_token.clear();
        call->m_waitingForLogin = true;
        m_authQueue.append(call);
        if (!m_authSignalled) {
            m_authSignalled = true;
            Q_EMIT authenticationRequired();
        }
        return;
    }
    PlatformError e = PlatformError::fromHttp(host, status, call->m_body, call->m_requestId);
    if (e.isTransient())
        scheduleRetry(call, e);
    else
        complete(call, e);
}

void PlatformClient::scheduleRetry(PlatformCall *call, const PlatformError &error)
{
    const PlatformRequest &rq = call->m_request;
    if (!rq.retryAllowed || !rq.isIdempotent() || call->m_attempts >= m_retry.maxAttempts) {
        complete(call, error);
        return;
    }
    const int next = call->m_attempts + 1;
    const int delay = int(backoffDelay(next).count());
    qCWarning(lcCore).noquote() << rq.method << rq.path << "attempt" << call->m_attempts << "failed:" << error.detail
                                << "- retrying in" << delay << "ms";
    Q_EMIT call->retrying(next, delay, error);
    if (!call->m_retryTimer) {
        call->m_retryTimer = new QTimer(call);
        call->m_retryTimer->setSingleShot(true);
        connect(call->m_retryTimer, &QTimer::timeout, this, [this, call] {
            if (!call->m_finished && !call->m_cancelled)
                dispatch(call);
        });
    }
    call->m_retryTimer->start(delay);
}

void PlatformClient::complete(PlatformCall *call, const PlatformError &error)
{
    if (call->m_finished)
        return;
    if (call->m_waitingForLogin) {
        call->m_waitingForLogin = false;
        m_authQueue.removeAll(QPointer<PlatformCall>(call));
    }
    call->m_error = error;
    const PlatformRequest &rq = call->m_request;
    if (error.isError()) {
        qCWarning(lcCore).noquote() << rq.method << rq.path << "failed:" << PlatformError::kindName(error.kind) << "HTTP"
                                    << error.httpStatus << "request id" << (error.requestId.isEmpty() ? QStringLiteral("-") : error.requestId)
                                    << "-" << error.detail;
    } else {
        qCInfo(lcCore).noquote() << rq.method << rq.path << "-> HTTP" << call->m_status << "request id"
                                 << (call->m_requestId.isEmpty() ? QStringLiteral("-") : call->m_requestId) << "attempt"
                                 << call->m_attempts;
    }
    call->finish();
}

void PlatformClient::setReachable(bool reachable)
{
    if (m_reachable == int(reachable))
        return;
    m_reachable = int(reachable);
    Q_EMIT reachabilityChanged(reachable);
}

// ---- session ----

PlatformCall *PlatformClient::login(const QString &username, const QString &password)
{
    PlatformRequest rq;
    rq.method = "POST";
    rq.path = QStringLiteral("/api/v1/session");
    rq.body = jsonBytes(QJsonObject{{QStringLiteral("username"), username}, {QStringLiteral("password"), password}});
    rq.authenticated = false;
    rq.retryAllowed = false;
    PlatformCall *call = send(rq);
    connect(call, &PlatformCall::finished, this, [this, call, username] {
        if (!call->ok()) {
            if (call->m_error.kind == PlatformError::Kind::Auth)
                call->m_error.userMessage = tr("The platform refused the user name or password. Check them and log in again.");
            return;
        }
        QJsonObject s = call->json();
        m_token = s.take(QStringLiteral("token")).toString();
        call->m_body.clear(); // the token stays in this object only
        m_session = s;
        m_username = username;
        m_authSignalled = false;
        Q_EMIT loggedIn();
        const auto waiting = std::exchange(m_authQueue, {});
        for (const QPointer<PlatformCall> &c : waiting)
            if (c && !c->m_finished && !c->m_cancelled)
                dispatch(c);
    });
    return call;
}

PlatformCall *PlatformClient::logout()
{
    PlatformRequest rq;
    rq.method = "DELETE";
    rq.path = QStringLiteral("/api/v1/session");
    rq.authenticated = false;
    if (!m_token.isEmpty())
        rq.headers.append({"Authorization", "Bearer " + m_token.toLatin1()});
    m_token.clear();
    m_session = QJsonObject();
    m_username.clear();
    Q_EMIT loggedOut();
    return send(rq);
}

void PlatformClient::abandonAuthentication()
{
    const auto waiting = std::exchange(m_authQueue, {});
    m_authSignalled = false;
    for (const QPointer<PlatformCall> &c : waiting) {
        if (!c || c->m_finished)
            continue;
        c->m_waitingForLogin = false;
        PlatformError e = PlatformError::fromHttp(m_baseUrl.host(), 401, c->m_body, c->m_requestId);
        e.userMessage = tr("You are not logged in to the platform, so the request was not sent. Log in and try again.");
        complete(c, e);
    }
}

// ---- routes ----

PlatformCall *PlatformClient::postJson(const QString &path, const QJsonObject &body, const QString &idempotencyKey)
{
    PlatformRequest rq;
    rq.method = "POST";
    rq.path = path;
    rq.body = jsonBytes(body);
    rq.idempotencyKey = idempotencyKey;
    return send(rq);
}

PlatformCall *PlatformClient::platformInfo()
{
    PlatformRequest rq;
    rq.path = QStringLiteral("/api/v1/platform");
    rq.authenticated = false;
    return send(rq);
}

PlatformCall *PlatformClient::organization()
{
    PlatformRequest rq;
    rq.path = QStringLiteral("/api/v1/organization");
    return send(rq);
}

PlatformCall *PlatformClient::listApplications(const QUrlQuery &filter)
{
    PlatformRequest rq;
    rq.path = QStringLiteral("/api/v1/applications");
    rq.query = filter;
    return send(rq);
}

PlatformCall *PlatformClient::createApplication(const QJsonObject &application, const QString &idempotencyKey)
{
    QJsonObject body = application;
    body.remove(QStringLiteral("id"));
    PlatformRequest rq;
    rq.method = "POST";
    rq.path = QStringLiteral("/api/v1/applications");
    rq.body = jsonBytes(body);
    rq.idempotencyKey = idempotencyKey;
    // The platform does not promise to honour a key on create (openapi): never repeated automatically.
    rq.retryAllowed = false;
    return send(rq);
}

PlatformCall *PlatformClient::application(const QString &id, qint64 knownVersion)
{
    PlatformRequest rq;
    rq.path = QStringLiteral("/api/v1/applications/") + seg(id);
    if (knownVersion >= 0)
        rq.headers.append({"If-None-Match", '"' + QByteArray::number(knownVersion) + '"'});
    return send(rq);
}

PlatformCall *PlatformClient::updateApplication(const QString &id, const QJsonObject &application, qint64 version)
{
    PlatformRequest rq;
    rq.method = "PUT";
    rq.path = QStringLiteral("/api/v1/applications/") + seg(id);
    rq.body = jsonBytes(application);
    rq.headers.append({"If-Match", '"' + QByteArray::number(version) + '"'});
    return send(rq);
}

PlatformCall *PlatformClient::deleteApplication(const QString &id)
{
    PlatformRequest rq;
    rq.method = "DELETE";
    rq.path = QStringLiteral("/api/v1/applications/") + seg(id);
    return send(rq);
}

PlatformCall *PlatformClient::submitApplication(const QString &id, const QString &comment, const QString &idempotencyKey)
{
    return postJson(QStringLiteral("/api/v1/applications/%1/submit").arg(seg(id)), QJsonObject{{QStringLiteral("comment"), comment}},
                    idempotencyKey);
}

PlatformCall *PlatformClient::events(const QString &id)
{
    PlatformRequest rq;
    rq.path = QStringLiteral("/api/v1/applications/%1/events").arg(seg(id));
    return send(rq);
}

PlatformCall *PlatformClient::confirmReceipt(const QString &id)
{
    return postJson(QStringLiteral("/api/v1/applications/%1/confirm-receipt").arg(seg(id)), QJsonObject());
}

PlatformCall *PlatformClient::attachments(const QString &id)
{
    PlatformRequest rq;
    rq.path = QStringLiteral("/api/v1/applications/%1/attachments").arg(seg(id));
    return send(rq);
}

PlatformCall *PlatformClient::downloadAttachment(const QString &id, const QString &attachmentId, const QString &saveTo)
{
    PlatformRequest rq;
    rq.path = QStringLiteral("/api/v1/applications/%1/attachments/%2").arg(seg(id), seg(attachmentId));
    rq.saveTo = saveTo;
    return send(rq);
}

PlatformCall *PlatformClient::deleteAttachment(const QString &id, const QString &attachmentId)
{
    PlatformRequest rq;
    rq.method = "DELETE";
    rq.path = QStringLiteral("/api/v1/applications/%1/attachments/%2").arg(seg(id), seg(attachmentId));
    return send(rq);
}

PlatformCall *PlatformClient::downloadTemplate(const QString &name, const QString &saveTo)
{
    PlatformRequest rq;
    rq.path = QStringLiteral("/api/v1/templates/") + seg(name);
    rq.saveTo = saveTo;
    return send(rq);
}

PlatformCall *PlatformClient::downloadInvoice(const QString &id, const QString &saveTo)
{
    PlatformRequest rq;
    rq.path = QStringLiteral("/api/v1/applications/%1/invoice").arg(seg(id));
    rq.saveTo = saveTo;
    return send(rq);
}

PlatformCall *PlatformClient::createPaymentOrder(const QString &id, const QString &channel, const QString &idempotencyKey)
{
    return postJson(QStringLiteral("/api/v1/applications/%1/payments").arg(seg(id)), QJsonObject{{QStringLiteral("channel"), channel}},
                    idempotencyKey);
}

PlatformCall *PlatformClient::paymentOrder(const QString &orderNo)
{
    PlatformRequest rq;
    rq.path = QStringLiteral("/api/v1/payments/") + seg(orderNo);
    return send(rq);
}

PlatformCall *PlatformClient::submitCsr(const QString &id, const QByteArray &csrPem, const QString &tokenSerial,
                                        const QString &idempotencyKey)
{
    QJsonObject body{{QStringLiteral("csr"), QString::fromLatin1(csrPem)}};
    if (!tokenSerial.isEmpty())
        body.insert(QStringLiteral("token_serial"), tokenSerial);
    return postJson(QStringLiteral("/api/v1/applications/%1/csr").arg(seg(id)), body, idempotencyKey);
}

PlatformCall *PlatformClient::issuedCertificate(const QString &id)
{
    PlatformRequest rq;
    rq.path = QStringLiteral("/api/v1/applications/%1/certificate").arg(seg(id));
    return send(rq);
}

PlatformCall *PlatformClient::registerCertificate(const QString &id, const QByteArray &certificatePem, const QString &tokenSerial)
{
    QJsonObject body{{QStringLiteral("certificate"), QString::fromLatin1(certificatePem)}};
    if (!tokenSerial.isEmpty())
        body.insert(QStringLiteral("token_serial"), tokenSerial);
    return postJson(QStringLiteral("/api/v1/applications/%1/certificate").arg(seg(id)), body);
}

PlatformCall *PlatformClient::requestPinReset(const QString &tokenSerial)
{
    return postJson(QStringLiteral("/api/v1/pin-resets"), QJsonObject{{QStringLiteral("token_serial"), tokenSerial}});
}

PlatformCall *PlatformClient::verifyPinReset(const QString &resetId, const QString &code)
{
    // The answer carries the SO PIN: the caller must not log or keep the body.
    return postJson(QStringLiteral("/api/v1/pin-resets/%1/verify").arg(seg(resetId)), QJsonObject{{QStringLiteral("code"), code}});
}

PlatformCall *PlatformClient::outbox()
{
    PlatformRequest rq;
    rq.path = QStringLiteral("/api/v1/dev/outbox");
    return send(rq);
}

PlatformCall *PlatformClient::reviewApplications()
{
    PlatformRequest rq;
    rq.path = QStringLiteral("/api/v1/review/applications");
    return send(rq);
}

PlatformCall *PlatformClient::review(const QString &id, const QString &action, const QString &comment, const QString &trackingNo)
{
    QJsonObject body{{QStringLiteral("comment"), comment}};
    if (!trackingNo.isEmpty())
        body.insert(QStringLiteral("tracking_no"), trackingNo);
    return postJson(QStringLiteral("/api/v1/review/applications/%1/%2").arg(seg(id), seg(action)), body);
}

} // namespace ca
