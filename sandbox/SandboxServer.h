#pragma once

#include "Reply.h"
#include "Request.h"

#include <QAbstractHttpServer>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

class QTcpSocket;

namespace ca::sandbox {

class Context;

// What the fault hook (sandbox/Faults*) decides for one request.
struct FaultDecision {
    int delayMs = 0;            // answer after this delay (a timer; the event loop keeps running)
    int status = 0;             // != 0: answer with this status and an error body, skip the handler
    qint64 dropAfterBytes = -1; // >= 0: write this many bytes of the response, then close the connection
};

// The HTTPS server of ca-sandbox with its own route table. Handlers run on
// the main thread; exceptions become error replies (HttpError keeps its reply,
// anything else is a 500), the process never dies of a request.
class SandboxServer : public QAbstractHttpServer
{
    Q_OBJECT
public:
    using Handler = std::function<Reply(Request &)>;
    using FaultHook = std::function<FaultDecision(const Request &)>;
    // Resolves a bearer token to an account; on failure returns an invalid
    // Account and sets *errorCode ("unauthorized" or "session_expired").
    using Authenticator = std::function<Account(const QByteArray &token, QString *errorCode)>;

    struct Route {
        Method method;
        QString pattern;   // "/api/v1/applications/{id}"
        Access access;
        Handler handler;
        bool documented;   // false: hidden from GET /api/v1/dev/routes (contract test)
        QStringList segments;
    };

    explicit SandboxServer(Context &context, QObject *parent = nullptr);
    ~SandboxServer() override;

    // Register a route. `pattern` segments in braces are parameters that match
    // one non-empty path segment (percent-decoded), e.g. {id}.
    void route(Method method, const QString &pattern, Access access, Handler handler, bool documented = true);
    const QList<Route> &routes() const { return m_routes; }

    void setFaultHook(FaultHook hook) { m_faultHook = std::move(hook); }
    void setAuthenticator(Authenticator authenticator) { m_authenticator = std::move(authenticator); }

    // Loads the TLS certificate and key and listens. Returns the port or 0.
    quint16 start(const QString &certFile, const QString &keyFile, QString *error);

    // Builds the raw HTTP/1.1 response bytes (exposed for tests of the hook).
    static QByteArray serialize(const Reply &reply, const QString &requestId, bool close);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    Reply dispatch(Request &request, FaultDecision *fault);
    void send(QTcpSocket *socket, const Reply &reply, const Request &request, const FaultDecision &fault, bool close);

    Context &m_context;
    QList<Route> m_routes;
    FaultHook m_faultHook;
    Authenticator m_authenticator;
};

} // namespace ca::sandbox
