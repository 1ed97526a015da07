#pragma once

#include "pkcs11/Error.h"
#include "pkcs11/TokenManager.h"
#include "pkcs11/TokenService.h"
#include "pkcs11/TokenTypes.h"

#include <QHash>
#include <QObject>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>

class QTimer;

namespace ca::p11 {

// A queued piece of work; runs on the worker thread with the TokenManager.
struct TokenJob
{
    std::function<void(TokenManager &, TokenResult &, const TokenManager::CancelCheck &)> run;
    std::atomic_bool cancelled{false};
};

// Lives on TokenService's worker thread and owns the Module and the
// TokenManager: every C_* call of the application happens here. Internal to
// TokenService (which only talks to it through queued invocations).
class TokenWorker : public QObject
{
    Q_OBJECT

public:
    TokenWorker();
    ~TokenWorker() override;

    void setModulePath(const QString &path);
    void run(quint64 id, TokenResult::Kind kind, std::shared_ptr<TokenJob> job);
    void startWatching(int intervalMs);
    void stopWatching();
    void shutdown();

Q_SIGNALS:
    void jobDone(const ca::p11::TokenResult &result);
    void scanned(const QList<ca::p11::TokenInfo> &inserted, const QList<ca::p11::TokenInfo> &removed,
                 const QList<ca::p11::TokenInfo> &now);
    void moduleError(const ca::p11::Error &error);

private:
    enum class SlotEvents { Unknown, Supported, Unsupported };

    // Loads the module on first use (configured path, else discovery).
    TokenManager *manager(Error *error);
    void tick();
    bool slotEventPending();
    void scan();

    QString m_path;
    std::unique_ptr<TokenManager> m_manager;
    QTimer *m_timer = nullptr;
    SlotEvents m_slotEvents = SlotEvents::Unknown;
    QHash<QString, TokenInfo> m_seen;
    bool m_scannedOnce = false;
    int m_ticksSinceScan = 0;
    int m_ticksSinceLoadFailure = -1;
    bool m_reportedLoadFailure = false;
};

} // namespace ca::p11
