#include "pkcs11/TokenCommand.h"

#include "pkcs11/TokenService.h"
#include "pkcs11/TokenWorker.h"

namespace ca::p11 {

TokenCommand::TokenCommand(TokenService *service, quint64 id, TokenResult::Kind kind, std::shared_ptr<TokenJob> job)
    : QObject(service)
    , m_service(service)
    , m_id(id)
    , m_kind(kind)
    , m_job(std::move(job))
{
}

TokenCommand::~TokenCommand()
{
    if (m_job)
        m_job->cancelled = true;
}

void TokenCommand::start()
{
    if (m_started || !m_service)
        return;
    m_started = true;
    m_service->enqueue(this);
}

void TokenCommand::cancel()
{
    if (m_job)
        m_job->cancelled = true;
    if (!m_started) {
        // nothing was queued: answer at once (but asynchronously, like every answer)
        m_started = true;
        TokenResult r;
        r.id = m_id;
        r.kind = m_kind;
        r.error = Error::make(ErrorKind::Cancelled, QStringLiteral("cancelled before it started"));
        QMetaObject::invokeMethod(this, [this, r] { deliver(r); }, Qt::QueuedConnection);
    }
}

void TokenCommand::deliver(const TokenResult &result)
{
    if (m_finished)
        return;
    m_finished = true;
    m_job.reset();
    Q_EMIT finished(result);
    if (m_autoDelete)
        deleteLater();
}

} // namespace ca::p11
