#pragma once

#include "pkcs11/SecureBuffer.h"
#include "pkcs11/TokenTypes.h"

#include <QDialog>
#include <QPointer>

#include <memory>

namespace Ui {
class PinResetDialog;
}

namespace ca {
class PlatformClient;
class PlatformCall;
namespace p11 {
class TokenService;
struct TokenResult;
}
} // namespace ca

namespace ca::ui {

// 密码重置 / 解锁: a server-authorised PIN reset of the inserted key.
// Send the code (POST /api/v1/pin-resets for the key's serial; the platform
// texts a code to the unit's registered mobile) → type the code and the new
// PIN twice → POST /verify answers the key's SO PIN over TLS → C_InitPIN with
// the new PIN through TokenService (SO login) → the SO PIN is wiped → a
// sentence confirms. Wrong and expired codes have their own sentences; after
// 3 wrong codes the request is closed and a new code must be sent. A key that
// refuses the platform's unlock authorisation (wrong SO PIN) is not tried
// again: the user is sent to the CA centre with the request number. On a
// PIN-pad key the unlock authorisation and the new PIN are handed to the key
// from the computer (nothing is typed on the reader).
class PinResetDialog : public QDialog
{
    Q_OBJECT
public:
    static constexpr int MaxCodeTries = 3;  // the platform closes the request at the third wrong code

    PinResetDialog(PlatformClient &client, p11::TokenService &service, const p11::TokenInfo &token,
                   QWidget *parent = nullptr);
    ~PinResetDialog() override;

    bool isBusy() const { return m_busy; }
    bool succeeded() const { return m_succeeded; }
    QString requestId() const { return m_requestId; }
    QString message() const;
    // True when the key refused the platform's unlock authorisation (or its administrator PIN is locked):
    // no new code is offered, the CA centre must help.
    bool isStopped() const { return !m_stopReason.isEmpty(); }

Q_SIGNALS:
    void pinReset(const QString &serial);

private:
    void requestCode();
    void onRequested();
    void startReset();
    void onVerified();
    void onReset(const p11::TokenResult &result);
    void setMessage(const QString &text, bool error);
    void updateState();

    std::unique_ptr<Ui::PinResetDialog> m_ui;
    PlatformClient &m_client;
    QPointer<p11::TokenService> m_service;
    p11::TokenInfo m_token;
    QPointer<PlatformCall> m_call;
    QString m_requestId;
    p11::SecureBuffer m_pendingPin;  // the new PIN between /verify and C_InitPIN (the fields are cleared first)
    QString m_stopReason;            // why no new code is offered (tooltip of the send button)
    int m_wrongCodes = 0;
    bool m_busy = false;
    bool m_succeeded = false;
};

} // namespace ca::ui
