#include "core/platform/PlatformError.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

namespace ca {

namespace {

enum class TlsReason { Untrusted, Expired, NotYetValid, HostMismatch, Revoked, Other };

TlsReason reasonOf(QSslError::SslError e)
{
    switch (e) {
    case QSslError::UnableToGetIssuerCertificate:
    case QSslError::UnableToGetLocalIssuerCertificate:
    case QSslError::SelfSignedCertificate:
    case QSslError::SelfSignedCertificateInChain:
    case QSslError::CertificateUntrusted:
    case QSslError::UnableToVerifyFirstCertificate:
    case QSslError::CertificateRejected:
    case QSslError::InvalidCaCertificate:
    case QSslError::UnableToDecryptCertificateSignature:
    case QSslError::CertificateSignatureFailed:
        return TlsReason::Untrusted;
    case QSslError::CertificateExpired:
        return TlsReason::Expired;
    case QSslError::CertificateNotYetValid:
        return TlsReason::NotYetValid;
    case QSslError::HostNameMismatch:
        return TlsReason::HostMismatch;
    case QSslError::CertificateRevoked:
        return TlsReason::Revoked;
    default:
        return TlsReason::Other;
    }
}

} // namespace

bool PlatformError::isTransient() const
{
    if (kind == Kind::Network)
        return true;
    return httpStatus == 429 || httpStatus == 500 || httpStatus == 502 || httpStatus == 503 || httpStatus == 504;
}

QString PlatformError::kindName(Kind kind)
{
    switch (kind) {
    case Kind::None: return QStringLiteral("none");
    case Kind::Network: return QStringLiteral("network");
    case Kind::Tls: return QStringLiteral("tls");
    case Kind::Http: return QStringLiteral("http");
    case Kind::Validation: return QStringLiteral("validation");
    case Kind::Conflict: return QStringLiteral("conflict");
    case Kind::Auth: return QStringLiteral("auth");
    case Kind::Cancelled: return QStringLiteral("cancelled");
    }
    return QString();
}

QString PlatformError::fieldMessage(const QString &field) const
{
    for (const PlatformFieldError &f : fields)
        if (f.field == field)
            return f.message;
    return QString();
}

PlatformError PlatformError::fromSslErrors(const QString &host, const QList<QSslError> &errors)
{
    PlatformError e;
    e.kind = Kind::Tls;
    e.host = host;
    e.sslErrors = errors;
    // The most telling reason first: a certificate nobody vouches for beats an
    // expiry date or a name on it.
    TlsReason reason = TlsReason::Other;
    QString other;
    QStringList texts;
    for (const TlsReason candidate : {TlsReason::Untrusted, TlsReason::Revoked, TlsReason::Expired, TlsReason::NotYetValid,
                                      TlsReason::HostMismatch}) {
        for (const QSslError &s : errors) {
            if (reasonOf(s.error()) == candidate) {
                reason = candidate;
                break;
            }
        }
        if (reason != TlsReason::Other)
            break;
    }
    for (const QSslError &s : errors)
        texts << s.errorString();
    if (!errors.isEmpty())
        other = errors.first().errorString();
    e.detail = QStringLiteral("TLS verification of %1 failed: %2").arg(host, texts.join(QStringLiteral("; ")));
    switch (reason) {
    case TlsReason::Untrusted:
        e.userMessage = tr("The connection to %1 was refused because its certificate is not issued by a trusted authority. "
                           "Check the server address, or add the platform's CA certificate in the settings.").arg(host);
        break;
    case TlsReason::Expired:
        e.userMessage = tr("The connection to %1 was refused because its certificate has expired. "
                           "Check your computer's date and time, or ask the platform operator to renew the certificate.").arg(host);
        break;
    case TlsReason::NotYetValid:
        e.userMessage = tr("The connection to %1 was refused because its certificate is not valid yet. "
                           "Check your computer's date and time.").arg(host);
        break;
    case TlsReason::HostMismatch:
        e.userMessage = tr("The connection to %1 was refused because its certificate was issued for a different host name. "
                           "Check the server address in the settings.").arg(host);
        break;
    case TlsReason::Revoked:
        e.userMessage = tr("The connection to %1 was refused because its certificate has been revoked. "
                           "Contact the platform operator.").arg(host);
        break;
    case TlsReason::Other:
        e.userMessage = other.isEmpty()
            ? tr("The secure connection to %1 could not be established. Check the server address and your network.").arg(host)
            : tr("The connection to %1 was refused because its certificate could not be verified (%2). "
                 "Check the server address and the CA certificate in the settings.").arg(host, other);
        break;
    }
    return e;
}

PlatformError PlatformError::fromHttp(const QString &host, int status, const QByteArray &body, const QString &requestId)
{
    PlatformError e;
    e.host = host;
    e.httpStatus = status;
    e.requestId = requestId;
    const QJsonObject o = QJsonDocument::fromJson(body).object();
    e.serverCode = o.value(QStringLiteral("code")).toString();
    if (e.requestId.isEmpty())
        e.requestId = o.value(QStringLiteral("request_id")).toString();
    const QString serverMessage = o.value(QStringLiteral("message")).toString();
    const QJsonArray fields = o.value(QStringLiteral("fields")).toArray();
    for (const QJsonValue &v : fields) {
        const QJsonObject f = v.toObject();
        e.fields.append({f.value(QStringLiteral("field")).toString(), f.value(QStringLiteral("code")).toString(),
                         f.value(QStringLiteral("message")).toString()});
    }
    e.detail = QStringLiteral("HTTP %1 %2 from %3 (request id %4)")
                   .arg(status)
                   .arg(e.serverCode.isEmpty() ? QStringLiteral("-") : e.serverCode, host,
                        e.requestId.isEmpty() ? QStringLiteral("-") : e.requestId);
    if (status == 401 || status == 403) {
        e.kind = Kind::Auth;
        e.userMessage = status == 401 ? tr("The platform asks you to log in again. Log in and the request continues.")
                                      : tr("Your account may not do this on the platform. Log in with an account that may.");
    } else if (status == 409 || status == 412 || status == 428) {
        e.kind = Kind::Conflict;
        e.userMessage = tr("The platform refused the change because the application is not in a state that allows it. Reload it and try again.");
    } else if ((status == 400 || status == 422) && (!fields.isEmpty() || e.serverCode == QLatin1String("validation_failed"))) {
        e.kind = Kind::Validation;
        e.userMessage = tr("The platform refused some fields. Correct the marked fields and send again.");
    } else {
        e.kind = Kind::Http;
        if (status >= 500)
            e.userMessage = tr("The platform %1 had an internal problem (HTTP %2). Try again in a few minutes.").arg(host).arg(status);
        else if (status == 404)
            e.userMessage = tr("The platform does not know this item (HTTP 404). Reload the list; it may have been deleted.");
        else if (status == 413)
            e.userMessage = tr("The file is larger than the platform accepts. Choose a smaller file.");
        else if (status == 415)
            e.userMessage = tr("The platform does not accept this type of file. Upload a PDF, JPEG or PNG file.");
        else
            e.userMessage = tr("The platform refused the request (HTTP %1). Try again; if it keeps failing, note request id %2 for support.")
                                .arg(status)
                                .arg(e.requestId.isEmpty() ? QStringLiteral("-") : e.requestId);
    }
    // The server's own sentence is more precise than ours when it has one.
    if (!serverMessage.isEmpty() && e.kind != Kind::Auth && status < 500)
        e.userMessage = serverMessage;
    return e;
}

PlatformError PlatformError::network(const QString &host, const QString &detail, bool timedOut)
{
    PlatformError e;
    e.kind = Kind::Network;
    e.host = host;
    e.detail = detail;
    e.userMessage = timedOut ? tr("The platform %1 did not answer in time. Check your network connection and try again.").arg(host)
                             : tr("The platform %1 cannot be reached. Check your network connection and the server address, then try again.").arg(host);
    return e;
}

PlatformError PlatformError::cancelled()
{
    PlatformError e;
    e.kind = Kind::Cancelled;
    e.userMessage = tr("The request was cancelled.");
    e.detail = QStringLiteral("cancelled");
    return e;
}

PlatformError PlatformError::validation(const QString &field, const QString &message)
{
    PlatformError e;
    e.kind = Kind::Validation;
    e.fields.append({field, QStringLiteral("invalid"), message});
    e.userMessage = message;
    e.detail = QStringLiteral("refused before sending: ") + field;
    return e;
}

} // namespace ca
