#pragma once

#include "keyops/RenewalPlan.h"
#include "pkcs11/SecureBuffer.h"
#include "pkcs11/TokenTypes.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QMetaType>
#include <QObject>
#include <QList>
#include <QPair>
#include <QPointer>
#include <QString>

#include <functional>
#include <optional>

namespace ca {
class PlatformClient;
class PlatformCall;
struct PlatformError;
namespace p11 {
class TokenCommand;
class TokenService;
class Error;
struct TokenResult;
struct TokenContents;
}
}

namespace ca::keyops {

// One renewal or change (信息变更) written to a key, asynchronously (GUI-thread
// friendly: platform calls via PlatformClient, token calls via TokenService's
// worker; nothing here blocks).
//
//   prepare(options) -> prepared(plan) | finished(failure)   (no PIN needed)
//                       | finished(ok, nothingToDo) when the application's
//                       certificate is already on the key
//   start(pin)       -> stepChanged(Csr, Submit, Install, Verify, Done) ... finished(outcome)
//   retry(pin)       -> after a failure: resumes at the failed step; a POST
//                       already answered is never repeated, a lost answer is
//                       re-sent with the same Idempotency-Key and the SAME CSR.
//
// Renewal re-certifies the existing key (CSR with its CKA_ID, the old
// certificate's subject); prepare() refuses newKey for a renewal (the
// platform certifies only the key on record). Change uses the application's
// organisation name and USCC. newKey=true (change only) generates a new key
// pair first, labelled for the application ("ca-client <id>"), and never
// deletes the old key or certificate; a pair with that label and no
// certificate, left by an earlier attempt, is used instead of making another.
// A POST answered 409 because the platform already issued the certificate
// (another computer, ca-tool) switches to installing that certificate. Installing uses TokenManager's safe install (new
// certificate written and read back before the old one of that key is
// removed), so the key always holds the old or the verified new certificate.
// When the platform already issued the certificate (the application is
// "done"), it is fetched with GET /applications/{id}/certificate and only
// installed.
class RenewalJob : public QObject
{
    Q_OBJECT

public:
    enum class Step { Check, ReadKey, Csr, Submit, Install, Verify, Done };
    Q_ENUM(Step)
    // Unknown only when the token vanished in the middle of the install.
    enum class KeyState { Unchanged, NewCertificateInstalled, Unknown };
    Q_ENUM(KeyState)

    struct Options
    {
        QString applicationId;
        p11::TokenRef token;          // empty: the only token present
        QByteArray keyId;             // empty: the key of the certificate on record, or the only certificate's key
        bool newKey = false;          // generate a new key pair (change; or when the caller asks)
        p11::KeySpec keySpec = p11::KeySpec::Rsa2048;
    };

    struct Outcome
    {
        bool ok = false;
        Step failedStep = Step::Check;    // meaningful when !ok
        KeyState keyState = KeyState::Unchanged;
        QString message;                  // one whole translated sentence: the step, the key state, what to do
        QString detail;                   // for the log: CKR name / HTTP status + request id (no secrets)
        p11::CertificateInfo oldCertificate;
        p11::CertificateInfo newCertificate; // filled when ok (validity: notBefore/notAfter/daysLeft)
        bool canRetry = false;            // retry(pin) may finish the job
        bool networkError = false;        // the platform could not be reached (network or TLS)
        // Added (review #7): the key's user PIN state, re-read after a wrong
        // or locked PIN (pinStateKnown); canRetry is false when it is Locked
        // (the message offers the PIN reset).
        bool pinStateKnown = false;
        p11::PinState pinState = p11::PinState::Ok;
        // ok and nothing was done: prepare() found the application's issued
        // certificate already on the key (message says so; no start() needed).
        bool nothingToDo = false;
        // A key pair made for this application is on the key without its
        // certificate yet (a retry or a new job uses it; none other is made).
        QByteArray newKeyId;
    };

    RenewalJob(PlatformClient &client, p11::TokenService &tokens, QObject *parent = nullptr);
    ~RenewalJob() override;

    // Reads the application (kind renewal|change, review "approved" and
    // handling "processing" — the platform's word that it may go ahead, after
    // payment or on approval alone; handling "done" = install only) and the
    // key, without a PIN. Emits prepared(plan) or finished(failure).
    void prepare(const Options &options);
    // Runs Csr -> Submit -> Install -> Verify (after prepared()).
    void start(p11::SecureBuffer pin);
    // After a failure: resumes at the failed step; never repeats a done POST.
    void retry(p11::SecureBuffer pin);
    // Stops after the running step (a running install finishes); finished() with the state.
    void cancel();

    Step step() const { return m_step; }
    bool isRunning() const { return m_running; }
    bool isPrepared() const { return m_prepared; }
    const RenewalPlan &plan() const { return m_plan; }
    const Options &options() const { return m_options; }
    // The Idempotency-Key the job sends its CSR with (stable for the job).
    QString idempotencyKey() const { return m_idempotencyKey; }
    // A translated name of a step ("Creating the certificate request on the key" ...).
    static QString stepText(Step step);

Q_SIGNALS:
    void prepared(const ca::keyops::RenewalPlan &plan);
    void stepChanged(ca::keyops::RenewalJob::Step step);
    void finished(const ca::keyops::RenewalJob::Outcome &outcome);

private:
    void reset();
    void setStep(Step step);
    void advance();                 // runs the next step that is not done yet
    bool stopIfCancelled();
    void fail(Step step, KeyState state, const QString &message, const QString &detail, bool canRetry = true);
    void succeed();
    // steps
    void readApplication();
    void onApplication(const QJsonObject &application);
    void fetchIssued();
    void readKey();
    void onKeyRead(const p11::TokenContents &contents);
    void generateKey();
    void createCsr();
    void submit();
    void acceptIssued(const QByteArray &pem, Step step);
    void install();
    void onInstallFailed(const p11::Error &error);
    void verify();
    void failToken(Step step, const p11::Error &error, KeyState state);
    void failPin(Step step, const p11::Error &error, KeyState state);
    void failMissingKey(Step step, const p11::Error &error, KeyState state);
    void onSubmitConflict(PlatformCall *call);
    QString tokenErrorText(const p11::Error &error) const;
    QString keyStateSentence(Step step) const;
    QString expectedKeyText() const;
    QString newKeyLabel() const;
    void failPlatform(Step step, const PlatformCall *call, const QString &message, bool canRetry = true);
    // Starts a token command / waits for a platform call; the callback runs
    // only while the job has not been prepared again since.
    void runToken(p11::TokenCommand *command, std::function<void(const p11::TokenResult &)> onResult);
    void whenAnswered(PlatformCall *call, std::function<void(PlatformCall *)> onAnswer);
    p11::SecureBuffer pinCopy() const;
    p11::TokenRef tokenRef() const;

    PlatformClient &m_client;
    p11::TokenService &m_tokens;
    Options m_options;
    RenewalPlan m_plan;
    Step m_step = Step::Check;
    bool m_running = false;
    bool m_prepared = false;
    bool m_startAfterPrepare = false;  // retry() of a failed prepare goes on to start()
    bool m_cancelRequested = false;
    p11::SecureBuffer m_pin;           // only while running; wiped when the job stops
    QString m_idempotencyKey;
    QList<QPair<QString, QString>> m_subject;
    bool m_keyGenerated = false;
    QByteArray m_csrDer;               // the CSR sent (kept for a retry: same CSR, same key)
    bool m_fetchIssued = false;        // the answer was unusable or lost: ask GET .../certificate
    QByteArray m_issuedDer;            // the certificate the platform issued (checked)
    bool m_alreadyInstalled = false;   // found on the key at prepare time
    bool m_installDone = false;
    p11::CertificateInfo m_installed;
    QByteArray m_keyPublicDer;         // SubjectPublicKeyInfo of the key (from the old certificate or the CSR)
    Step m_failedStep = Step::Check;
    KeyState m_keyState = KeyState::Unchanged;
    bool m_networkFailure = false;     // set by failPlatform for the Outcome
    bool m_pinStateKnown = false;      // set by failPin for the Outcome
    p11::PinState m_pinState = p11::PinState::Ok;
    bool m_reusedKey = false;          // the new key pair was made by an earlier attempt
    quint64 m_generation = 0;          // guards against answers of a job that was reset
};

} // namespace ca::keyops

Q_DECLARE_METATYPE(ca::keyops::RenewalJob::Outcome)
