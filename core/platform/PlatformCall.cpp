#include "core/platform/PlatformCall.h"

#include "core/platform/PlatformClient.h"
#include "core/platform/SignalWait.h"

#include <QJsonDocument>
#include <QNetworkReply>
#include <QSaveFile>
#include <QTimer>

#include <openssl/crypto.h>

namespace ca {

bool PlatformRequest::isIdempotent() const
{
    if (!idempotencyKey.isEmpty())
        return true;
    return method == "GET" || method == "HEAD" || method == "DELETE" || method == "PUT";
}

PlatformCall::PlatformCall(PlatformRequest request, PlatformClient *client)
    : QObject(nullptr)
    , m_request(std::move(request))
    , m_client(client)
{
}

PlatformCall::~PlatformCall()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
    }
    if (m_saveFile)
        m_saveFile->cancelWriting();
}

QByteArray PlatformCall::takeBody()
{
    // A deep copy for the caller, then the call's buffer is overwritten in
    // place (not detached: a copy shared with it would keep the secret).
    QByteArray out(m_body.constData(), m_body.size());
    if (!m_body.isEmpty() && m_body.data_ptr().isMutable())
        OPENSSL_cleanse(const_cast<char *>(m_body.constData()), std::size_t(m_body.size()));
    m_body.clear();
    return out;
}

QJsonObject PlatformCall::json() const
{
    return QJsonDocument::fromJson(m_body).object();
}

QByteArray PlatformCall::rawHeader(const QByteArray &name) const
{
    for (const auto &h : m_headers)
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    return QByteArray();
}

void PlatformCall::cancel()
{
    if (m_finished)
        return;
    m_cancelled = true;
    if (m_reply) {
        m_reply->abort(); // finished() of the reply completes the call as cancelled
        return;
    }
    if (m_retryTimer)
        m_retryTimer->stop();
    if (m_client)
        m_client->complete(this, PlatformError::cancelled());
    else {
        m_error = PlatformError::cancelled();
        finish();
    }
}

bool PlatformCall::waitForFinished(int timeoutMs)
{
    if (m_finished)
        return true;
    waitForSignal(this, &PlatformCall::finished, timeoutMs);
    return m_finished;
}

void PlatformCall::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    Q_EMIT finished();
    if (m_autoDelete)
        deleteLater();
}

} // namespace ca
