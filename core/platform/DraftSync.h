#pragma once

#include "core/platform/PlatformError.h"
#include "core/store/Draft.h"
#include "core/store/StoreError.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QTimer>

#include <chrono>

namespace ca {

class LocalStore;
class PlatformCall;
class PlatformClient;

// Keeps drafts safe while the platform comes and goes.
//
// Every edit goes into the LocalStore first (save()); pushing to the platform
// follows: POST /applications for a draft never sent (Idempotency-Key from
// operationKey("create", draftId)), PUT with If-Match: "<serverVersion>"
// otherwise; LocalStore::markSynced() with the revision that was sent, so an
// edit made meanwhile stays dirty and goes up next.
//
// Offline: a network failure sets online() false (the UI shows a banner),
// edits go on into the store, and a probe (GET /api/v1/platform every
// probeInterval) brings it back; then every dirty draft is pushed.
//
// 409 version conflict: the server's copy is kept next to the draft
// (LocalStore::storeConflict) and conflictDetected() lets the user choose
// (resolve(): keep mine / take the server's); nothing is overwritten
// silently. If the server's copy already equals what was sent (our earlier
// PUT went through but its answer was lost), the draft is simply marked synced.
class DraftSync : public QObject
{
    Q_OBJECT
public:
    DraftSync(PlatformClient *client, LocalStore *store, QObject *parent = nullptr);
    ~DraftSync() override;

    void setProbeInterval(std::chrono::milliseconds interval) { m_probe.setInterval(int(interval.count())); }
    bool isOnline() const { return m_online; }
    bool isBusy() const { return m_call || !m_queue.isEmpty(); }

    // Saves to the store now (returns the new revision), then pushes when online.
    StoreResult<qint64> save(const Draft &draft);
    // Pushes every dirty draft without a pending conflict (oldest first).
    void pushAll();
    void push(const QString &draftId);
    // The user's choice after conflictDetected(); KeepLocal pushes the local content over the server's version.
    StoreStatus resolve(const QString &draftId, ConflictResolution choice);

    // The writable part of an application JSON as sent to the platform (kind, order, invoice, certificate).
    static QJsonObject writablePart(const QJsonObject &application);

Q_SIGNALS:
    void onlineChanged(bool online);
    void synced(const QString &draftId, const QString &serverId, qint64 version);
    void conflictDetected(const QString &draftId);
    // Refused by the platform (validation, state): the draft stays local and dirty; retried after the next save.
    void pushFailed(const QString &draftId, const ca::PlatformError &error);
    void idle(); // the queue is empty

private:
    void next();
    void setOnline(bool online);
    void probe();

    PlatformClient *m_client;
    LocalStore *m_store;
    QStringList m_queue;
    QPointer<PlatformCall> m_call;
    QPointer<PlatformCall> m_probeCall;
    QTimer m_probe;
    bool m_online = true;
    QHash<QString, qint64> m_parked; // draftId -> revision refused by the platform
};

} // namespace ca
