#pragma once

#include "pkcs11/Error.h"
#include "pkcs11/TokenTypes.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include <memory>
#include <optional>

namespace ca::p11 {

class TokenService;
struct TokenJob;

// What a TokenCommand produced. Which fields are filled depends on the command.
struct TokenResult
{
    enum class Kind { ListTokens, ReadToken, VerifyPin, ChangePin, ResetPin, GenerateKey, CreateCsr, InstallCertificate };

    quint64 id = 0;
    Kind kind = Kind::ListTokens;
    std::optional<Error> error;  // set when the command failed or was cancelled

    QList<TokenInfo> tokens;       // ListTokens
    TokenContents contents;        // ReadToken
    PrivateKeyInfo key;            // GenerateKey
    QByteArray csrDer;             // CreateCsr (DER; CsrBuilder::derToPem for PEM)
    CertificateInfo certificate;   // InstallCertificate
    QString modulePath;            // the PKCS#11 library that did the work

    bool ok() const { return !error.has_value(); }
    bool cancelled() const { return error && error->kind() == ErrorKind::Cancelled; }
};

// One piece of token work (Kleopatra-style command): created by TokenService,
// then start()ed; finished() comes exactly once, on the thread that owns the
// command (the GUI thread). cancel() before the work began answers
// ErrorKind::Cancelled without touching the token; during the work it stops
// at the next point where stopping leaves the token unchanged (an install
// that has begun writing finishes). The command deletes itself after
// finished() unless setAutoDelete(false).
class TokenCommand : public QObject
{
    Q_OBJECT

public:
    ~TokenCommand() override;

    quint64 id() const { return m_id; }
    TokenResult::Kind kind() const { return m_kind; }
    bool isStarted() const { return m_started; }
    bool isFinished() const { return m_finished; }
    void setAutoDelete(bool on) { m_autoDelete = on; }

public Q_SLOTS:
    void start();
    void cancel();

Q_SIGNALS:
    void finished(const ca::p11::TokenResult &result);

private:
    friend class TokenService;
    TokenCommand(TokenService *service, quint64 id, TokenResult::Kind kind, std::shared_ptr<TokenJob> job);
    void deliver(const TokenResult &result);

    QPointer<TokenService> m_service;
    quint64 m_id;
    TokenResult::Kind m_kind;
    std::shared_ptr<TokenJob> m_job;
    bool m_started = false;
    bool m_finished = false;
    bool m_autoDelete = true;
};

} // namespace ca::p11

Q_DECLARE_METATYPE(ca::p11::TokenResult)
