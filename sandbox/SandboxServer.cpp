#include "SandboxServer.h"

#include "Context.h"

#include <QCoreApplication>
#include <QFile>
#include <QHttpServerRequest>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>

#include <exception>

namespace ca::sandbox {

QString methodName(Method method)
{
    switch (method) {
    case Method::Get: return QStringLiteral("GET");
    case Method::Post: return QStringLiteral("POST");
    case Method::Put: return QStringLiteral("PUT");
    case Method::Delete: return QStringLiteral("DELETE");
    case Method::Patch: return QStringLiteral("PATCH");
    case Method::Head: return QStringLiteral("HEAD");
    case Method::Options: return QStringLiteral("OPTIONS");
    case Method::Other: break;
    }
    return QStringLiteral("OTHER");
}

QByteArray Request::header(const QByteArray &name) const
{
    for (const auto &h : headers)
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second.trimmed();
    return {};
}

namespace {

Method toMethod(QHttpServerRequest::Method m)
{
    switch (m) {
    case QHttpServerRequest::Method::Get: return Method::Get;
    case QHttpServerRequest::Method::Post: return Method::Post;
    case QHttpServerRequest::Method::Put: return Method::Put;
    case QHttpServerRequest::Method::Delete: return Method::Delete;
    case QHttpServerRequest::Method::Patch: return Method::Patch;
    case QHttpServerRequest::Method::Head: return Method::Head;
    case QHttpServerRequest::Method::Options: return Method::Options;
    default: return Method::Other;
    }
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200: return "OK";
    case 201: return "Created";
    case 204: return "No Content";
    case 304: return "Not Modified";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 409: return "Conflict";
    case 410: return "Gone";
    case 413: return "Payload Too Large";
    case 415: return "Unsupported Media Type";
    case 422: return "Unprocessable Entity";
    case 423: return "Locked";
    case 428: return "Precondition Required";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    case 504: return "Gateway Timeout";
    default: return "Status";
    }
}

QStringList splitPath(const QString &path)
{
    QStringList out;
    const QStringList parts = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    for (const QString &p : parts)
        out.append(p);
    return out;
}

} // namespace

SandboxServer::SandboxServer(Context &context, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_context(context)
{
    // Hidden: the route table for the contract test.
    route(Method::Get, QStringLiteral("/api/v1/dev/routes"), Access::Public, [this](Request &) {
        QJsonArray items;
        for (const Route &r : std::as_const(m_routes)) {
            if (!r.documented)
                continue;
            items.append(QJsonObject{{QStringLiteral("method"), methodName(r.method)},
                                     {QStringLiteral("path"), r.pattern}});
        }
        return Reply::json(200, QJsonObject{{QStringLiteral("items"), items}});
    }, false);
}

SandboxServer::~SandboxServer() = default;

void SandboxServer::route(Method method, const QString &pattern, Access access, Handler handler, bool documented)
{
    m_routes.append(Route{method, pattern, access, std::move(handler), documented, splitPath(pattern)});
}

quint16 SandboxServer::start(const QString &certFile, const QString &keyFile, QString *error)
{
    QFile cf(certFile);
    QFile kf(keyFile);
    if (!cf.open(QIODevice::ReadOnly) || !kf.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("cannot read the TLS certificate or key (%1, %2)").arg(certFile, keyFile);
        return 0;
    }
    const QList<QSslCertificate> chain = QSslCertificate::fromData(cf.readAll(), QSsl::Pem);
    const QByteArray keyPem = kf.readAll();
    QSslKey key(keyPem, QSsl::Ec, QSsl::Pem);
    if (key.isNull())
        key = QSslKey(keyPem, QSsl::Rsa, QSsl::Pem);
    if (chain.isEmpty() || key.isNull()) {
        if (error)
            *error = QStringLiteral("the TLS certificate or key is not valid PEM (%1, %2)").arg(certFile, keyFile);
        return 0;
    }
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    ssl.setLocalCertificateChain(chain);
    ssl.setPrivateKey(key);
    ssl.setPeerVerifyMode(QSslSocket::VerifyNone); // no client certificates
    ssl.setProtocol(QSsl::TlsV1_2OrLater);
    sslSetup(ssl);
    const quint16 port = listen(m_context.config.listenAddress, m_context.config.port);
    if (port == 0 && error)
        *error = QStringLiteral("cannot listen on %1:%2").arg(m_context.config.listenAddress.toString()).arg(m_context.config.port);
    return port;
}

bool SandboxServer::handleRequest(const QHttpServerRequest &httpRequest, QTcpSocket *socket)
{
    Request request;
    request.requestId = QStringLiteral("r-") + Context::randomHex(8);
    request.method = toMethod(httpRequest.method());
    request.query = httpRequest.query();
    request.headers = httpRequest.headers();
    request.body = httpRequest.body();
    request.remoteAddress = httpRequest.remoteAddress();
    request.idempotencyKey = QString::fromUtf8(request.header("Idempotency-Key"));
    // Split the encoded path, then decode each segment: "%2F" never makes a new segment.
    const QString encodedPath = httpRequest.url().path(QUrl::FullyEncoded);
    QStringList decoded;
    for (const QString &seg : encodedPath.split(QLatin1Char('/'), Qt::SkipEmptyParts))
        decoded.append(QUrl::fromPercentEncoding(seg.toUtf8()));
    request.path = QLatin1Char('/') + decoded.join(QLatin1Char('/'));

    const bool close = request.header("Connection").compare("close", Qt::CaseInsensitive) == 0;
    FaultDecision fault;
    Reply reply;
    try {
        reply = dispatch(request, &fault);
    } catch (const HttpError &e) {
        reply = e.reply();
    } catch (const std::exception &e) {
        qCWarning(lcSandbox) << "request" << request.requestId << "failed:" << e.what();
        reply = Reply::error(500, QStringLiteral("internal"), QCoreApplication::translate("ca::sandbox", "The server failed to handle the request. Try again later."));
    } catch (...) {
        reply = Reply::error(500, QStringLiteral("internal"), QCoreApplication::translate("ca::sandbox", "The server failed to handle the request. Try again later."));
    }
    qCInfo(lcSandbox).noquote() << request.requestId << methodName(request.method) << request.path << "->" << reply.status;

    if (fault.delayMs > 0) {
        QPointer<QTcpSocket> guard(socket);
        QTimer::singleShot(fault.delayMs, this, [this, guard, reply, request, fault, close] {
            if (guard)
                send(guard, reply, request, fault, close);
        });
    } else {
        send(socket, reply, request, fault, close);
    }
    return true;
}

void SandboxServer::missingHandler(const QHttpServerRequest &, QTcpSocket *socket)
{
    Request r;
    r.requestId = QStringLiteral("r-") + Context::randomHex(8);
    send(socket, Reply::error(404, QStringLiteral("not_found"), QCoreApplication::translate("ca::sandbox", "The requested address does not exist on this server.")), r, {}, false);
}

Reply SandboxServer::dispatch(Request &request, FaultDecision *fault)
{
    const QStringList segments = splitPath(request.path);

    // Find the best route for the path (most literal segments), then the method.
    const Route *best = nullptr;
    int bestScore = -1;
    QStringList allowed;
    QHash<QString, QString> bestParams;
    int pathScore = -1;
    for (const Route &r : std::as_const(m_routes)) {
        if (r.segments.size() != segments.size())
            continue;
        QHash<QString, QString> params;
        int score = 0;
        bool match = true;
        for (int i = 0; i < segments.size(); ++i) {
            const QString &p = r.segments.at(i);
            if (p.startsWith(QLatin1Char('{')) && p.endsWith(QLatin1Char('}'))) {
                params.insert(p.mid(1, p.size() - 2), segments.at(i));
            } else if (p == segments.at(i)) {
                ++score;
            } else {
                match = false;
                break;
            }
        }
        if (!match)
            continue;
        if (score > pathScore) {
            pathScore = score;
            allowed.clear();
        }
        if (score == pathScore)
            allowed.append(methodName(r.method));
        if (r.method == request.method && score > bestScore) {
            best = &r;
            bestScore = score;
            bestParams = params;
        }
    }
    if (!best || bestScore < pathScore) {
        if (pathScore >= 0) {
            allowed.removeDuplicates();
            Reply r = Reply::error(405, QStringLiteral("method_not_allowed"),
                                   QCoreApplication::translate("ca::sandbox", "This address does not accept the %1 method; use %2.")
                                       .arg(methodName(request.method), allowed.join(QStringLiteral(", "))));
            r.withHeader("Allow", allowed.join(QStringLiteral(", ")).toLatin1());
            return r;
        }
        return Reply::error(404, QStringLiteral("not_found"), QCoreApplication::translate("ca::sandbox", "The requested address does not exist on this server."));
    }
    request.routePattern = best->pattern;
    request.params = bestParams;

    if (m_faultHook) {
        *fault = m_faultHook(request);
        if (fault->status >= 400)
            return Reply::error(fault->status, QStringLiteral("fault_injected"),
                                QCoreApplication::translate("ca::sandbox", "The sandbox answered with an injected fault for this route."));
        if (fault->status > 0)
            return Reply::empty(fault->status);
    }

    if (request.body.size() > m_context.config.maxUploadBytes + 1024 * 1024)
        return Reply::error(413, QStringLiteral("too_large"),
                            QCoreApplication::translate("ca::sandbox", "The request is larger than the %1 MB the server accepts. Send a smaller file.")
                                .arg(m_context.config.maxUploadBytes / (1024 * 1024)));

    if (best->access != Access::Public) {
        const QByteArray auth = request.header("Authorization");
        if (!auth.startsWith("Bearer ") || !m_authenticator)
            return Reply::error(401, QStringLiteral("unauthorized"), QCoreApplication::translate("ca::sandbox", "Sign in first: this request needs a valid session token."));
        QString code;
        request.account = m_authenticator(auth.mid(7).trimmed(), &code);
        if (!request.account.isValid()) {
            if (code == QLatin1String("session_expired"))
                return Reply::error(401, code, QCoreApplication::translate("ca::sandbox", "Your session has expired. Sign in again."));
            return Reply::error(401, QStringLiteral("unauthorized"), QCoreApplication::translate("ca::sandbox", "Sign in first: this request needs a valid session token."));
        }
        if (best->access == Access::Reviewer && !request.account.isReviewer())
            return Reply::error(403, QStringLiteral("forbidden"), QCoreApplication::translate("ca::sandbox", "Only a reviewer account may do this."));
    }
    return best->handler(request);
}

QByteArray SandboxServer::serialize(const Reply &reply, const QString &requestId, bool close)
{
    QByteArray body = reply.body;
    if (reply.status >= 400 && reply.contentType.startsWith("application/json")) {
        QJsonObject o = QJsonDocument::fromJson(body).object();
        if (!o.contains(QStringLiteral("request_id"))) {
            o.insert(QStringLiteral("request_id"), requestId);
            body = QJsonDocument(o).toJson(QJsonDocument::Compact);
        }
    }
    const bool noBody = reply.status == 304 || reply.status == 204;
    QByteArray out = "HTTP/1.1 " + QByteArray::number(reply.status) + ' ' + reasonPhrase(reply.status) + "\r\n";
    out += "X-Request-Id: " + requestId.toLatin1() + "\r\n";
    if (!reply.contentType.isEmpty() && !noBody)
        out += "Content-Type: " + reply.contentType + "\r\n";
    for (const auto &h : reply.headers)
        out += h.first + ": " + h.second + "\r\n";
    if (!noBody)
        out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    out += close ? "Connection: close\r\n" : "Connection: keep-alive\r\n";
    out += "\r\n";
    if (!noBody)
        out += body;
    return out;
}

void SandboxServer::send(QTcpSocket *socket, const Reply &reply, const Request &request, const FaultDecision &fault, bool close)
{
    const QByteArray raw = serialize(reply, request.requestId, close);
    if (fault.dropAfterBytes >= 0 && fault.dropAfterBytes < raw.size()) {
        socket->write(raw.left(fault.dropAfterBytes));
        socket->flush();
        socket->disconnectFromHost();
        return;
    }
    socket->write(raw);
    if (close)
        socket->disconnectFromHost();
}

} // namespace ca::sandbox
