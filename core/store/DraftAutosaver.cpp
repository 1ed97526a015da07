#include "core/store/DraftAutosaver.h"

#include "core/Log.h"
#include "core/store/LocalStore.h"

namespace ca {

DraftAutosaver::DraftAutosaver(LocalStore *store, QObject *parent)
    : QObject(parent)
    , m_store(store)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(m_delay);
    connect(&m_timer, &QTimer::timeout, this, &DraftAutosaver::saveAll);
}

DraftAutosaver::~DraftAutosaver()
{
    // Nothing typed is lost: whatever is still pending is written now.
    // (Signals still reach receivers that outlive us.)
    m_timer.stop();
    if (!m_pending.isEmpty() && !flush())
        qCWarning(lcCore) << "store: autosaver destroyed with" << m_pending.size() << "unsaved draft(s)";
}

void DraftAutosaver::setDelay(std::chrono::milliseconds delay)
{
    m_delay = delay;
    m_timer.setInterval(delay);
}

std::chrono::milliseconds DraftAutosaver::delay() const
{
    return m_delay;
}

QString DraftAutosaver::change(Draft draft)
{
    if (draft.id.isEmpty())
        draft.id = LocalStore::newId();
    const QString id = draft.id;
    m_pending.insert(id, std::move(draft));
    m_timer.start(m_delay);
    return id;
}

bool DraftAutosaver::flush()
{
    m_timer.stop();
    saveAll();
    return m_pending.isEmpty();
}

void DraftAutosaver::saveAll()
{
    // Take the batch first: a slot connected to saved()/failed() may call change().
    const QHash<QString, Draft> batch = std::exchange(m_pending, {});
    bool anyFailed = false;
    for (auto it = batch.cbegin(); it != batch.cend(); ++it) {
        const auto r = m_store->saveDraft(it.value());
        if (r.ok()) {
            Q_EMIT saved(it.key(), r.value());
            continue;
        }
        anyFailed = true;
        qCWarning(lcCore) << "store: autosave of draft" << it.key() << "failed:" << r.error().detail;
        // Keep the failed state unless a newer one arrived meanwhile.
        if (!m_pending.contains(it.key()))
            m_pending.insert(it.key(), it.value());
        Q_EMIT failed(it.key(), r.error());
    }
    if (anyFailed && !m_timer.isActive())
        m_timer.start(m_retryDelay);
}

} // namespace ca
