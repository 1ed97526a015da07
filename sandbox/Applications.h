#pragma once

#include "Reply.h"

#include "core/model/Application.h"
#include "core/validation/ApplicationValidator.h"

#include <QJsonObject>
#include <QList>

namespace ca::sandbox {

class Context;
struct Request;

// The applications module (routes /api/v1/applications…, tables applications,
// approval_records, idempotency_keys). Helpers shared with the review module.
class Applications
{
public:
    // Field errors of the validator / the JSON reader in the error-body form.
    static QList<FieldError> toFieldErrors(const QList<ca::FieldError> &errors);
    // The strict reading of an application body: 400 on malformed JSON,
    // unknown keys (at every level) and wrong types.
    static ca::Application parseBody(const QByteArray &body);
    // Parses an If-Match / If-None-Match value ("3", "\"3\"", W/"3"); -1 when not a version.
    static int parseVersionTag(const QByteArray &value);
    static QByteArray etag(int version);
    // {"items": [application…]} filtered by the query (review_status, payment_status,
    // handling_status, kind, q); organizationId 0 = all organisations (reviewer).
    static QJsonObject list(Context &context, const Request &request, qint64 organizationId);
};

} // namespace ca::sandbox
