#include "core/platform/DraftSync.h"

#include "core/Log.h"
#include "core/platform/PlatformCall.h"
#include "core/platform/PlatformClient.h"
#include "core/store/LocalStore.h"

namespace ca {

DraftSync::DraftSync(PlatformClient *client, LocalStore *store, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_store(store)
{
    m_probe.setInterval(10000);
    connect(&m_probe, &QTimer::timeout, this, &DraftSync::probe);
    connect(m_client, &PlatformClient::reachabilityChanged, this, [this](bool reachable) {
        if (reachable && !m_online) {
            setOnline(true);
            pushAll();
        }
    });
}

DraftSync::~DraftSync()
{
    for (QPointer<PlatformCall> c : {m_call, m_probeCall}) {
        if (c) {
            c->disconnect(this);
            c->cancel();
            c->deleteLater();
        }
    }
}

QJsonObject DraftSync::writablePart(const QJsonObject &application)
{
    QJsonObject w;
    for (const char *k : {"kind", "order", "invoice", "certificate"})
        if (application.contains(QLatin1String(k)))
            w.insert(QLatin1String(k), application.value(QLatin1String(k)));
    return w;
}

StoreResult<qint64> DraftSync::save(const Draft &draft)
{
    const StoreResult<qint64> r = m_store->saveDraft(draft); // local first, always
    if (r && m_online)
        push(draft.id);
    return r;
}

void DraftSync::pushAll()
{
    const StoreResult<QList<Draft>> dirty = m_store->dirtyDrafts();
    if (!dirty) {
        qCWarning(lcCore).noquote() << "cannot list unsynced drafts:" << dirty.error().detail;
        return;
    }
    for (const Draft &d : *dirty)
        if (!m_queue.contains(d.id))
            m_queue.append(d.id);
    next();
}

void DraftSync::push(const QString &draftId)
{
    if (!m_queue.contains(draftId))
        m_queue.append(draftId);
    next();
}

StoreStatus DraftSync::resolve(const QString &draftId, ConflictResolution choice)
{
    const StoreStatus s = m_store->resolveConflict(draftId, choice);
    if (s && choice == ConflictResolution::KeepLocal) {
        m_parked.remove(draftId);
        push(draftId);
    }
    return s;
}

void DraftSync::setOnline(bool online)
{
    if (m_online == online)
        return;
    m_online = online;
    qCInfo(lcCore) << (online ? "platform reachable again: saving drafts to the server" : "platform unreachable: drafts are kept locally");
    if (online)
        m_probe.stop();
    else
        m_probe.start();
    Q_EMIT onlineChanged(online);
}

void DraftSync::probe()
{
    if (m_probeCall || m_online)
        return;
    PlatformCall *call = m_client->platformInfo();
    m_probeCall = call;
    connect(call, &PlatformCall::finished, this, [this, call] {
        call->deleteLater();
        m_probeCall = nullptr;
        if (call->ok() && !m_online) {
            setOnline(true);
            pushAll();
        }
    });
}

void DraftSync::next()
{
    if (m_call || !m_online)
        return;
    while (!m_queue.isEmpty()) {
        const QString id = m_queue.first();
        const StoreResult<Draft> loaded = m_store->loadDraft(id);
        if (!loaded || !loaded->dirty || loaded->hasConflict
            || (m_parked.contains(id) && m_parked.value(id) == loaded->revision)) {
            m_queue.removeFirst();
            continue;
        }
        const Draft draft = *loaded;
        QJsonObject body = writablePart(draft.json);
        if (!body.contains(QStringLiteral("kind")) && !draft.kind.isEmpty())
            body.insert(QStringLiteral("kind"), draft.kind);
        const qint64 revision = draft.revision;
        PlatformCall *call = nullptr;
        if (draft.serverId.isEmpty()) {
            const StoreResult<QString> key = m_store->operationKey(QStringLiteral("create"), draft.id);
            call = m_client->createApplication(body, key ? *key : QString());
        } else {
            call = m_client->updateApplication(draft.serverId, body, draft.serverVersion);
        }
        m_call = call;
        connect(call, &PlatformCall::finished, this, [this, call, draft, body, revision] {
            call->deleteLater();
            m_call = nullptr;
            const PlatformError &e = call->error();
            if (call->ok()) {
                const QJsonObject app = call->json();
                const QString serverId = app.value(QStringLiteral("id")).toString();
                const qint64 version = app.value(QStringLiteral("version")).toInteger();
                m_store->markSynced(draft.id, serverId, version, revision);
                if (draft.serverId.isEmpty())
                    m_store->finishOperation(QStringLiteral("create"), draft.id);
                m_queue.removeAll(draft.id);
                m_parked.remove(draft.id);
                // Saved again meanwhile? Then it is still dirty and goes up next.
                const StoreResult<Draft> again = m_store->loadDraft(draft.id);
                if (again && again->dirty)
                    m_queue.append(draft.id);
                Q_EMIT synced(draft.id, serverId, version);
            } else if (e.kind == PlatformError::Kind::Network || e.isTransient()) {
                setOnline(false); // stays queued (5xx too: the server cannot save now); the probe brings it back
                return;
            } else if (e.kind == PlatformError::Kind::Cancelled) {
                return;
            } else if (e.httpStatus == 409 && e.serverCode == QLatin1String("version_conflict")) {
                const QJsonObject answer = call->json();
                const QJsonObject current = answer.value(QStringLiteral("current")).toObject();
                const qint64 currentVersion = answer.value(QStringLiteral("current_version")).toInteger(current.value(QStringLiteral("version")).toInteger());
                m_queue.removeAll(draft.id);
                if (!current.isEmpty() && writablePart(current) == body) {
                    // Our own earlier save reached the server; only its answer was lost.
                    m_store->markSynced(draft.id, draft.serverId, currentVersion, revision);
                    Q_EMIT synced(draft.id, draft.serverId, currentVersion);
                } else {
                    const StoreStatus s = m_store->storeConflict(draft.id, current, currentVersion);
                    if (!s)
                        qCWarning(lcCore).noquote() << "cannot keep the server copy of a conflicting draft:" << s.error().detail;
                    qCInfo(lcCore).noquote() << "draft" << draft.id << "conflicts with server version" << currentVersion << "- both kept";
                    Q_EMIT conflictDetected(draft.id);
                }
            } else {
                m_queue.removeAll(draft.id);
                m_parked.insert(draft.id, revision);
                Q_EMIT pushFailed(draft.id, e);
            }
            next();
        });
        return;
    }
    Q_EMIT idle();
}

} // namespace ca
