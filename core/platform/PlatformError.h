#pragma once

#include <QCoreApplication>
#include <QList>
#include <QMetaType>
#include <QSslError>
#include <QString>

namespace ca {

// One field the server (or the client, before sending) refused.
struct PlatformFieldError {
    QString field;   // JSON key path, e.g. "invoice.tax_id"; "file" for a refused upload
    QString code;    // server code ("invalid", "required", ...), may be empty
    QString message; // the server's (or our translated) sentence
};

// Every failure of a platform call, as a value. userMessage is one whole
// translated sentence for the user; detail is for the log only (never holds a
// secret or a request body).
struct PlatformError {
    Q_DECLARE_TR_FUNCTIONS(PlatformError)
public:
    enum class Kind {
        None,       // no error
        Network,    // no answer: refused, reset, timed out, DNS, dropped mid-transfer
        Tls,        // the server's certificate was refused (untrusted, expired, wrong host, ...)
        Http,       // an HTTP error status without a more specific kind (404, 413, 415, 5xx, ...)
        Validation, // 400/422 with field errors, or a file refused before sending
        Conflict,   // 409 (version conflict, not allowed in this state) or 412/428
        Auth,       // 401/403 or login refused / abandoned
        Cancelled,  // cancelled by the user (cancel())
    };

    Kind kind = Kind::None;
    int httpStatus = 0;      // 0 when no HTTP answer arrived
    QString serverCode;      // error body "code" ("validation_failed", "version_conflict", "fault_injected", ...)
    QString requestId;       // X-Request-Id / body "request_id"
    QString host;            // the server host the call went to
    QList<PlatformFieldError> fields;
    QList<QSslError> sslErrors; // for Kind::Tls
    QString userMessage;     // whole translated sentence
    QString detail;          // technical text for the log

    bool isError() const { return kind != Kind::None; }
    // True for failures that may pass when tried again later (network, 5xx, 429).
    bool isTransient() const;
    // "network", "tls", "http", "validation", "conflict", "auth", "cancelled" (JSON / logs)
    static QString kindName(Kind kind);
    QString kindName() const { return kindName(kind); }

    // The message of a field, or an empty string.
    QString fieldMessage(const QString &field) const;

    // Helpers used by PlatformClient and the services.
    static PlatformError fromSslErrors(const QString &host, const QList<QSslError> &errors);
    static PlatformError fromHttp(const QString &host, int status, const QByteArray &body, const QString &requestId);
    static PlatformError network(const QString &host, const QString &detail, bool timedOut);
    static PlatformError cancelled();
    static PlatformError validation(const QString &field, const QString &message);
};

} // namespace ca

Q_DECLARE_METATYPE(ca::PlatformError)
