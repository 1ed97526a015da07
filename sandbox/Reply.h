#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>

#include <exception>

namespace ca::sandbox {

// One entry of the error body's "fields" list.
struct FieldError {
    QString field;   // JSON key path, e.g. "invoice.tax_id"
    QString code;    // "required" | "invalid" | "unknown" | "type" | …
    QString message; // a whole sentence
};

// The answer of a route handler. The server adds X-Request-Id and, for error
// bodies, "request_id".
class Reply
{
public:
    int status = 200;
    QByteArray contentType;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;

    static Reply json(int status, const QJsonObject &object);
    static Reply bytes(int status, const QByteArray &body, const QByteArray &contentType);
    static Reply empty(int status); // e.g. 204, 304
    // {"code", "message", "request_id", "fields": [...]}
    static Reply error(int status, const QString &code, const QString &message,
                       const QList<FieldError> &fields = {});

    Reply &withHeader(const QByteArray &name, const QByteArray &value);
    QByteArray header(const QByteArray &name) const;
};

// Throw from a handler (or anything it calls) to answer with `reply`.
class HttpError : public std::exception
{
public:
    explicit HttpError(Reply reply) : m_reply(std::move(reply)) {}
    HttpError(int status, const QString &code, const QString &message, const QList<FieldError> &fields = {})
        : m_reply(Reply::error(status, code, message, fields)) {}
    const Reply &reply() const { return m_reply; }
    const char *what() const noexcept override { return "HttpError"; }

private:
    Reply m_reply;
};

} // namespace ca::sandbox
