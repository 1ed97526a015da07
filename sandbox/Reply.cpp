#include "Reply.h"

#include <QJsonDocument>

namespace ca::sandbox {

Reply Reply::json(int status, const QJsonObject &object)
{
    Reply r;
    r.status = status;
    r.contentType = "application/json";
    r.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    return r;
}

Reply Reply::bytes(int status, const QByteArray &body, const QByteArray &contentType)
{
    Reply r;
    r.status = status;
    r.contentType = contentType;
    r.body = body;
    return r;
}

Reply Reply::empty(int status)
{
    Reply r;
    r.status = status;
    return r;
}

Reply Reply::error(int status, const QString &code, const QString &message, const QList<FieldError> &fields)
{
    QJsonArray list;
    for (const FieldError &f : fields)
        list.append(QJsonObject{{QStringLiteral("field"), f.field},
                                {QStringLiteral("code"), f.code},
                                {QStringLiteral("message"), f.message}});
    return json(status, QJsonObject{{QStringLiteral("code"), code},
                                    {QStringLiteral("message"), message},
                                    {QStringLiteral("fields"), list}});
}

Reply &Reply::withHeader(const QByteArray &name, const QByteArray &value)
{
    headers.append({name, value});
    return *this;
}

QByteArray Reply::header(const QByteArray &name) const
{
    for (const auto &h : headers)
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    return {};
}

} // namespace ca::sandbox
