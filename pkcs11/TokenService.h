#pragma once

#include "pkcs11/Error.h"
#include "pkcs11/TokenCommand.h"
#include "pkcs11/SecureBuffer.h"
#include "pkcs11/TokenTypes.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include <atomic>
#include <memory>
#include <optional>

class QThread;

namespace ca::p11 {

class TokenWorker;
struct TokenJob;

// The owner of all token I/O. One worker thread makes every C_* call; the
// caller's thread (the GUI) never waits on a token: it creates commands,
// starts them, and gets finished() later. Tokens are named by TokenRef
// (serial/label), never by slot number.
//
// Hot-plug: after startWatching(), tokenInserted/tokenRemoved arrive within a
// second of the change (C_WaitForSlotEvent with CKF_DONT_BLOCK where the
// module supports it, polling C_GetSlotList + C_GetTokenInfo otherwise).
class TokenService : public QObject
{
    Q_OBJECT

public:
    explicit TokenService(QObject *parent = nullptr);
    ~TokenService() override;  // finishes the running command, then unloads (C_Finalize)

    // The PKCS#11 library; empty = discovery (ModuleDiscovery). Takes effect
    // for work queued afterwards; the old module is released.
    void setModulePath(const QString &path);
    QString modulePath() const { return m_modulePath; }

    void startWatching(int intervalMs = 500);
    void stopWatching();

    // Commands (not started yet: connect finished(), then start()).
    TokenCommand *listTokens();
    // With a PIN the private keys are listed too; with login=true a PIN-pad
    // token asks on the reader.
    TokenCommand *readToken(const TokenRef &ref, SecureBuffer pin = {}, bool login = false);
    TokenCommand *verifyPin(const TokenRef &ref, SecureBuffer pin);
    TokenCommand *changePin(const TokenRef &ref, SecureBuffer oldPin, SecureBuffer newPin);
    TokenCommand *resetPin(const TokenRef &ref, SecureBuffer soPin, SecureBuffer newPin);
    TokenCommand *generateKey(const TokenRef &ref, SecureBuffer pin, KeySpec spec, const QString &label = QString());
    TokenCommand *createCsr(const TokenRef &ref, SecureBuffer pin, const CsrRequest &request);
    TokenCommand *installCertificate(const TokenRef &ref, SecureBuffer pin, const QByteArray &certificate,
                                     const QString &label = QString());

    // The tokens seen by the last hot-plug scan (empty before startWatching()).
    QList<TokenInfo> knownTokens() const { return m_known; }

Q_SIGNALS:
    void tokenInserted(const ca::p11::TokenInfo &token);
    void tokenRemoved(const ca::p11::TokenInfo &token);  // the token as last seen
    // The module could not be loaded (for watching); commands report it in their result.
    void moduleError(const ca::p11::Error &error);

private:
    friend class TokenCommand;
    TokenCommand *makeCommand(TokenResult::Kind kind, std::shared_ptr<TokenJob> job);
    void enqueue(TokenCommand *command);
    void onJobDone(const ca::p11::TokenResult &result);
    void onScanned(const QList<ca::p11::TokenInfo> &inserted, const QList<ca::p11::TokenInfo> &removed,
                   const QList<ca::p11::TokenInfo> &now);

    QThread *m_thread = nullptr;
    TokenWorker *m_worker = nullptr;
    QString m_modulePath;
    quint64 m_nextId = 1;
    QHash<quint64, QPointer<TokenCommand>> m_running;
    QList<TokenInfo> m_known;
};

} // namespace ca::p11

