#pragma once

#include "core/store/Draft.h"
#include "core/store/StoreError.h"

#include <QHash>
#include <QObject>
#include <QTimer>

#include <chrono>

namespace ca {

class LocalStore;

// Saves drafts on every change, debounced: each change() restarts a short
// timer (500 ms by default) and only the newest state of each draft is written
// when it fires, so typing costs one small transaction per pause, not one per
// key. flush() writes at once (call it before closing a window, switching
// drafts, or sending the draft to the server); the destructor flushes too.
//
// Thread: lives on, and saves from, the thread that owns the LocalStore
// (normally the GUI thread). A save is one short transaction on a small row;
// the debounce is what keeps typing smooth, no worker thread is needed.
//
// A failed save keeps the state pending and retries after retryDelay() (and
// on the next change or flush); failed() tells the UI, which shows a banner
// while the window still holds everything typed.
class DraftAutosaver : public QObject
{
    Q_OBJECT
public:
    explicit DraftAutosaver(LocalStore *store, QObject *parent = nullptr);
    ~DraftAutosaver() override;

    void setDelay(std::chrono::milliseconds delay);
    std::chrono::milliseconds delay() const;
    void setRetryDelay(std::chrono::milliseconds delay) { m_retryDelay = delay; }
    std::chrono::milliseconds retryDelay() const { return m_retryDelay; }

    // The draft changed: remember this state and (re)start the timer. A draft
    // without id gets one (LocalStore::newId()); the id is returned.
    QString change(Draft draft);
    // Writes every pending draft now. True when nothing is left pending.
    bool flush();
    bool hasPending() const { return !m_pending.isEmpty(); }
    bool isPending(const QString &draftId) const { return m_pending.contains(draftId); }

Q_SIGNALS:
    void saved(const QString &draftId, qint64 revision);
    void failed(const QString &draftId, const ca::StoreError &error);

private:
    void saveAll();

    LocalStore *m_store;
    QTimer m_timer;
    std::chrono::milliseconds m_delay{500};
    std::chrono::milliseconds m_retryDelay{5000};
    QHash<QString, Draft> m_pending;
};

} // namespace ca
