#include "pkcs11/TokenWorker.h"

#include "pkcs11/Log.h"
#include "pkcs11/Module.h"
#include "pkcs11/ModuleDiscovery.h"
#include "pkcs11/Quirks.h"

#include <QTimer>

namespace ca::p11 {

namespace {
// With working slot events, a full rescan still happens every this many ticks.
constexpr int kRescanTicksWithEvents = 10;
// After a failed load, discovery is tried again after this many ticks.
constexpr int kReloadTicks = 10;
}

TokenWorker::TokenWorker() = default;

TokenWorker::~TokenWorker() = default;

void TokenWorker::setModulePath(const QString &path)
{
    if (path == m_path && m_manager)
        return;
    m_path = path;
    m_manager.reset();  // C_Finalize when no one else holds the module
    m_slotEvents = SlotEvents::Unknown;
    m_ticksSinceLoadFailure = -1;
    m_reportedLoadFailure = false;
}

TokenManager *TokenWorker::manager(Error *error)
{
    if (m_manager)
        return m_manager.get();
    auto loaded = ModuleDiscovery::discover(m_path);
    if (!loaded) {
        if (error)
            *error = loaded.error();
        return nullptr;
    }
    m_manager = std::make_unique<TokenManager>(std::move(loaded).value());
    m_slotEvents = SlotEvents::Unknown;
    return m_manager.get();
}

void TokenWorker::run(quint64 id, TokenResult::Kind kind, std::shared_ptr<TokenJob> job)
{
    TokenResult result;
    result.id = id;
    result.kind = kind;
    if (job->cancelled.load()) {
        result.error = Error::make(ErrorKind::Cancelled, QStringLiteral("cancelled before it started"));
    } else {
        Error loadError;
        if (TokenManager *m = manager(&loadError)) {
            result.modulePath = m->module().path();
            const TokenManager::CancelCheck cancelled = [job] { return job->cancelled.load(); };
            job->run(*m, result, cancelled);
        } else {
            result.error = loadError;
        }
    }
    if (result.error)
        qCInfo(lcP11).noquote() << "token command" << id << "failed:" << result.error->logText();
    Q_EMIT jobDone(result);
    // A command that found the key gone tells the watchers at once, without
    // waiting for the next tick.
    if (result.error && m_manager && m_scannedOnce && m_timer && m_timer->isActive()
        && (result.error->kind() == ErrorKind::TokenRemoved || result.error->kind() == ErrorKind::TokenNotFound))
        scan();
}

void TokenWorker::startWatching(int intervalMs)
{
    if (!m_timer) {
        m_timer = new QTimer(this);
        connect(m_timer, &QTimer::timeout, this, &TokenWorker::tick);
    }
    m_timer->start(intervalMs);
    tick();
}

void TokenWorker::stopWatching()
{
    if (m_timer)
        m_timer->stop();
    m_scannedOnce = false;
    m_seen.clear();
}

void TokenWorker::shutdown()
{
    stopWatching();
    delete m_timer;
    m_timer = nullptr;
    m_manager.reset();
}

bool TokenWorker::slotEventPending()
{
    if (m_slotEvents == SlotEvents::Unsupported)
        return true;  // polling: every tick is a scan
    bool event = false;
    for (int i = 0; i < 16; ++i) {
        CK_SLOT_ID slot = 0;
        const CK_RV rv = CA_P11_RAW(m_manager->module(), C_WaitForSlotEvent, CK_FLAGS(CKF_DONT_BLOCK), &slot, nullptr);
        if (rv == CKR_OK) {
            event = true;
            m_slotEvents = SlotEvents::Supported;
            continue;
        }
        if (rv == CKR_NO_EVENT) {
            m_slotEvents = SlotEvents::Supported;
        } else if (quirks::slotEventsUnsupported(rv)) {
            qCInfo(lcP11) << "the module has no C_WaitForSlotEvent; polling the slots";
            m_slotEvents = SlotEvents::Unsupported;
            return true;
        } else {
            Module::check("C_WaitForSlotEvent", rv);
            return true;
        }
        break;
    }
    return event || ++m_ticksSinceScan >= kRescanTicksWithEvents;
}

void TokenWorker::tick()
{
    if (!m_manager) {
        if (m_ticksSinceLoadFailure >= 0 && ++m_ticksSinceLoadFailure < kReloadTicks)
            return;
        Error e;
        if (!manager(&e)) {
            m_ticksSinceLoadFailure = 0;
            if (!m_reportedLoadFailure) {
                m_reportedLoadFailure = true;
                Q_EMIT moduleError(e);
            }
            return;
        }
        m_ticksSinceLoadFailure = -1;
        m_reportedLoadFailure = false;
    }
    if (!m_scannedOnce || slotEventPending())
        scan();
}

void TokenWorker::scan()
{
    m_ticksSinceScan = 0;
    auto tokens = m_manager->listTokens();
    if (!tokens) {
        qCInfo(lcP11).noquote() << "slot scan failed:" << tokens.error().logText();
        return;
    }
    QHash<QString, TokenInfo> now;
    for (const TokenInfo &t : tokens.value())
        now.insert(t.identity(), t);
    QList<TokenInfo> inserted;
    QList<TokenInfo> removed;
    for (auto it = now.cbegin(); it != now.cend(); ++it) {
        if (!m_seen.contains(it.key()))
            inserted.append(it.value());
    }
    for (auto it = m_seen.cbegin(); it != m_seen.cend(); ++it) {
        if (!now.contains(it.key()))
            removed.append(it.value());
    }
    m_seen = now;
    const bool first = !m_scannedOnce;
    m_scannedOnce = true;
    if (first || !inserted.isEmpty() || !removed.isEmpty())
        Q_EMIT scanned(inserted, removed, tokens.value());
}

} // namespace ca::p11
