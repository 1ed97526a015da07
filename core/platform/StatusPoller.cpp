#include "core/platform/StatusPoller.h"

#include "core/Log.h"
#include "core/platform/PlatformCall.h"
#include "core/platform/PlatformClient.h"

namespace ca {

StatusPoller::StatusPoller(PlatformClient *client, const QString &applicationId, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_id(applicationId)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &StatusPoller::pollNow);
}

StatusPoller::~StatusPoller()
{
    stop();
}

void StatusPoller::setIntervals(std::chrono::milliseconds shortest, std::chrono::milliseconds longest)
{
    m_shortest = shortest;
    m_longest = std::max(shortest, longest);
    m_interval = m_shortest;
}

void StatusPoller::start()
{
    m_running = true;
    m_interval = m_shortest;
    pollNow();
}

void StatusPoller::stop()
{
    m_running = false;
    m_timer.stop();
    if (m_call) {
        m_call->disconnect(this);
        m_call->cancel();
        m_call->deleteLater();
        m_call = nullptr;
    }
}

void StatusPoller::schedule()
{
    if (m_running)
        m_timer.start(m_interval);
}

void StatusPoller::pollNow()
{
    if (m_call)
        return;
    m_timer.stop();
    ++m_polls;
    PlatformCall *call = m_client->application(m_id, m_version);
    m_call = call;
    connect(call, &PlatformCall::finished, this, [this, call] {
        call->deleteLater();
        m_call = nullptr;
        if (!call->ok()) {
            if (call->error().kind != PlatformError::Kind::Cancelled) {
                Q_EMIT pollFailed(call->error());
                m_interval = std::min(m_longest, m_interval * 2);
                schedule();
            }
            return;
        }
        if (call->httpStatus() == 304) {
            ++m_notModified;
            m_interval = std::min(m_longest, m_interval * 2); // unchanged: back off
            Q_EMIT polled(304);
            schedule();
            return;
        }
        const QJsonObject app = call->json();
        QList<StatusChange> changes;
        if (!m_app.isEmpty()) {
            for (const char *key : {"review_status", "payment_status", "handling_status"}) {
                const QString k = QLatin1String(key);
                const QString from = m_app.value(k).toString();
                const QString to = app.value(k).toString();
                if (from != to)
                    changes.append({k, from, to});
            }
        }
        const bool newVersion = app.value(QStringLiteral("version")).toInteger(-1) != m_version;
        m_app = app;
        m_version = app.value(QStringLiteral("version")).toInteger(-1);
        Q_EMIT polled(call->httpStatus());
        if (newVersion)
            Q_EMIT applicationChanged(app);
        if (!changes.isEmpty()) {
            for (const StatusChange &c : std::as_const(changes))
                qCInfo(lcCore).noquote() << "application" << m_id << c.key << c.from << "->" << c.to;
            m_interval = m_shortest;
            Q_EMIT statusChanged(m_id, changes);
        } else {
            m_interval = std::min(m_longest, m_interval * 2);
        }
        schedule();
    });
}

} // namespace ca
