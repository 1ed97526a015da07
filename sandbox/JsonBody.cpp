#include "JsonBody.h"

#include "Request.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonParseError>

namespace ca::sandbox {

QJsonObject JsonBody::object(const Request &request, bool allowEmpty)
{
    if (request.body.trimmed().isEmpty()) {
        if (allowEmpty)
            return {};
        throw HttpError(400, QStringLiteral("malformed_json"), QCoreApplication::translate("ca::sandbox", "The request body is empty; send a JSON object."));
    }
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &pe);
    if (pe.error != QJsonParseError::NoError)
        throw HttpError(400, QStringLiteral("malformed_json"),
                        QCoreApplication::translate("ca::sandbox", "The request body is not valid JSON (%1 at offset %2); send a JSON object.")
                            .arg(pe.errorString()).arg(pe.offset));
    if (!doc.isObject())
        throw HttpError(400, QStringLiteral("malformed_json"), QCoreApplication::translate("ca::sandbox", "The request body must be a JSON object."));
    return doc.object();
}

void JsonBody::unknownKeys(const QJsonObject &object, const QStringList &allowed, const QString &prefix, QList<FieldError> *errors)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!allowed.contains(it.key()))
            errors->append({prefix + it.key(), QStringLiteral("unknown"),
                            QCoreApplication::translate("ca::sandbox", "The field %1 is not known to this server; remove it.").arg(prefix + it.key())});
    }
}

void JsonBody::rejectUnknown(const QJsonObject &object, const QStringList &allowed, const QString &prefix)
{
    QList<FieldError> errors;
    unknownKeys(object, allowed, prefix, &errors);
    throwFields(errors);
}

QString JsonBody::string(const QJsonObject &object, const QString &key, bool required, const QString &prefix)
{
    const QJsonValue v = object.value(key);
    if (v.isUndefined() || v.isNull()) {
        if (required)
            throwFields({{prefix + key, QStringLiteral("required"), QCoreApplication::translate("ca::sandbox", "The field %1 is required; fill it in.").arg(prefix + key)}});
        return {};
    }
    if (!v.isString())
        throwFields({{prefix + key, QStringLiteral("type"), QCoreApplication::translate("ca::sandbox", "The field %1 must be a string.").arg(prefix + key)}});
    return v.toString();
}

void JsonBody::throwFields(const QList<FieldError> &errors)
{
    if (errors.isEmpty())
        return;
    throw HttpError(400, QStringLiteral("validation_failed"),
                    errors.size() == 1 ? errors.first().message
                                       : QCoreApplication::translate("ca::sandbox", "%1 fields are not valid; correct them and send again.").arg(errors.size()),
                    errors);
}

} // namespace ca::sandbox
