#pragma once

#include "keyops/RenewalJob.h"
#include "keyops/RenewalPlan.h"
#include "pkcs11/TokenTypes.h"

#include <QDialog>
#include <QPointer>
#include <QString>

#include <QList>
#include <QPair>

#include <memory>
#include <optional>

namespace Ui {
class RenewalDialog;
}

class QLineEdit;
class QListWidgetItem;

namespace ca::p11 {
class TokenService;
}

namespace ca::ui {

class ClientContext;

// Writes the certificate of an approved (and paid, where the platform asks
// for it) renewal or change application to the USB key, on
// ca::keyops::RenewalJob.
//
// Page 1 explains what will happen: the application, the key, the current
// certificate and what the new one names; renewal re-certifies the existing
// key (bid files encrypted to the old certificate stay readable). With "make
// a new key pair" a warning that old bid files cannot be opened with the new
// key must be acknowledged before anything is written. The PIN field shows
// the PIN state (wrong PIN entered before, final try, locked -> the PIN reset
// is offered; a PIN pad -> "type the PIN on the reader").
// Page 2 lists the steps (request on the key, sending to the platform,
// installing, verifying) with their progress in place, then the result: the
// new validity, or the failure sentence with the state of the key and Retry.
// Nothing blocks: the job runs on the token worker and the network.
class RenewalDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Phase { Preparing, PrepareFailed, Ready, Running, Failed, Succeeded };
    Q_ENUM(Phase)

    // token: the key to write to (empty: the only key inserted).
    RenewalDialog(ClientContext &context, p11::TokenService &service, const QString &applicationId,
                  const p11::TokenRef &token = {}, QWidget *parent = nullptr);
    ~RenewalDialog() override;

    Phase phase() const { return m_phase; }
    bool succeeded() const { return m_phase == Phase::Succeeded; }
    bool isRunning() const { return m_phase == Phase::Running; }
    QString applicationId() const { return m_applicationId; }
    const keyops::RenewalPlan &plan() const { return m_plan; }
    std::optional<keyops::RenewalJob::Outcome> outcome() const { return m_outcome; }
    // The sentence shown last (preparing, problems, result).
    QString message() const;
    // "pending", "running", "done", "failed" or "" when the step is not listed.
    QString stepState(keyops::RenewalJob::Step step) const;
    // After a failure: true while the keys are read again for the Retry page (PIN state, which key is in).
    bool isCheckingKey() const { return m_checkingKey; }

public Q_SLOTS:
    // Reads the application and the key again (after a PIN reset, after the key was inserted).
    void prepareAgain();

Q_SIGNALS:
    // The new certificate is on the key and verified.
    void renewed(const QString &tokenSerial, const QString &newCertificateSerialHex);
    // The PIN is locked and the user chose to reset it (the panel opens 密码重置 for this key).
    void resetPinRequested(const QString &tokenSerial);

protected:
    void reject() override;

private:
    void prepare();
    void onPrepared(const keyops::RenewalPlan &plan);
    void onStepChanged(keyops::RenewalJob::Step step);
    void onFinished(const keyops::RenewalJob::Outcome &outcome);
    void start();
    void retry();
    void showPinState();
    void buildSteps();
    void setStepState(keyops::RenewalJob::Step step, const QString &state);
    void setMessage(const QString &text, bool error);
    void updateButtons();
    bool pinPad() const;
    p11::SecureBuffer takePin(QLineEdit *edit);
    // After a failure: lists the keys again; shows the PIN state of the key of this application next to the
    // Retry PIN (locked: no PIN field, no Retry, the reset offered), or names the key expected when another
    // key is inserted.
    void checkKeyForRetry();
    void onKeysListed(const QList<p11::TokenInfo> &tokens, bool ok);
    void showRetryKeyState();
    bool retryLocked() const;
    // The unit the key of this application belongs to (for "insert key … of …").
    QString unitName() const;

    std::unique_ptr<Ui::RenewalDialog> m_ui;
    ClientContext &m_context;
    QPointer<p11::TokenService> m_service;
    QString m_applicationId;
    p11::TokenRef m_token;
    QPointer<keyops::RenewalJob> m_job;
    keyops::RenewalPlan m_plan;
    std::optional<keyops::RenewalJob::Outcome> m_outcome;
    Phase m_phase = Phase::Preparing;
    QList<QPair<keyops::RenewalJob::Step, QListWidgetItem *>> m_steps;
    bool m_checkingKey = false;
    quint64 m_checkGeneration = 0;
    std::optional<p11::PinState> m_retryPinState;  // the PIN state read after the failure
    QString m_otherKeySerial;                       // a key that is not this application's is inserted
};

} // namespace ca::ui
