#pragma once

#include "Reply.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

namespace ca::sandbox {

struct Request;

// Strict JSON request bodies: every failure throws HttpError 400 with the
// error body ("malformed_json", or "validation_failed" with field errors).
class JsonBody
{
public:
    // The body as a JSON object (an empty body is an empty object when allowEmpty).
    static QJsonObject object(const Request &request, bool allowEmpty = false);
    // 400 listing every key of `object` that is not in `allowed` (prefix names the path, e.g. "order.").
    static void rejectUnknown(const QJsonObject &object, const QStringList &allowed, const QString &prefix = {});
    // Collecting variant of rejectUnknown.
    static void unknownKeys(const QJsonObject &object, const QStringList &allowed, const QString &prefix, QList<FieldError> *errors);
    // A string member: missing -> "" (or 400 "required" when required); non-string -> 400 "type".
    static QString string(const QJsonObject &object, const QString &key, bool required, const QString &prefix = {});
    static void throwFields(const QList<FieldError> &errors);
};

} // namespace ca::sandbox
