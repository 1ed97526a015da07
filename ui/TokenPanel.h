#pragma once

#include "pkcs11/Error.h"
#include "pkcs11/TokenTypes.h"

#include <QList>
#include <QPointer>
#include <QString>
#include <QWidget>

#include <memory>
#include <optional>

class QTimer;

namespace Ui {
class TokenPanel;
}

namespace ca::p11 {
class TokenService;
struct TokenResult;
}

namespace ca::ui {

class ClientContext;
class PinChangeDialog;
class PinResetDialog;
class RegisterCaDialog;
class RenewalDialog;

// The "我的证书" (My keys) tab: the USB keys inserted, live (hot-plug through
// TokenService), one at a time picked by unit name and serial; per key its
// label, serial, maker and PIN state, its certificates with subject (unit,
// USCC), issuer, validity and days left; a warning from 30 days before expiry
// (a hint from 90) with Renew. With no key, a help page: insert the key, check
// the driver, the configured module and what it reported.
class TokenPanel : public QWidget
{
    Q_OBJECT
public:
    // Days before expiry from which the panel warns, and hints.
    static constexpr int WarnDays = 30;
    static constexpr int HintDays = 90;
    static constexpr int NoKeyPollMs = 2000;

    explicit TokenPanel(ClientContext &context, QWidget *parent = nullptr);
    ~TokenPanel() override;

    // What the panel shows (tests and the dialogs it opens).
    QList<p11::TokenContents> tokens() const { return m_tokens; }
    // The identity (serial) of the key shown, or "" when none.
    QString currentSerial() const;
    std::optional<p11::TokenContents> currentToken() const;
    bool selectToken(const QString &serial);
    bool isScanning() const { return m_pending > 0 || m_listing; }
    int scanCount() const { return m_scanCount; }

    // The unit name shown for a key: the organisation of its current own certificate (see
    // currentCertificates), else of any end-entity certificate, else its label.
    static QString unitName(const p11::TokenContents &contents);
    // An end-entity certificate (not a CA certificate: no basicConstraints CA, no keyCertSign).
    static bool isEndEntity(const p11::CertificateInfo &certificate);
    // An end-entity certificate whose key pair is on the key: one the unit signs with.
    static bool isOwnCertificate(const p11::CertificateInfo &certificate);
    // The certificates of a key that expiry warnings, Renew and the unit name consider: its own certificates
    // (isOwnCertificate) except one kept after a change or renewal with a new key, i.e. when a newer, still
    // valid own certificate of the same unit (USCC, else unit name) is on the key. Soonest expiry first.
    static QList<p11::CertificateInfo> currentCertificates(const p11::TokenContents &contents);

    // Opens the PIN change dialog for the key shown (window-modal, not blocking); nullptr without a key.
    PinChangeDialog *openPinChange();
    // Opens the PIN reset (密码重置 / 解锁) dialog for the key shown; nullptr without a key.
    PinResetDialog *openPinReset();
    // Opens the 已有CA registration dialog for the key shown; nullptr without a key.
    RegisterCaDialog *openRegisterExisting();
    // Opens the dialog that writes the certificate of an approved renewal/change application to the key
    // `serial` (empty: the key shown, else the only key inserted); nullptr without the token service.
    RenewalDialog *openRenewal(const QString &applicationId, const QString &serial = QString());

public Q_SLOTS:
    // Lists the keys and reads each one again.
    void rescan();

Q_SIGNALS:
    // Renew was chosen for the key `serial` (the main window starts or opens the renewal application).
    void renewRequested(const QString &serial, const QString &certificateSerialHex);
    void changePinRequested(const QString &serial);
    void resetPinRequested(const QString &serial);
    void registerExistingRequested(const QString &serial);
    // A dialog of the panel asks for an application to be opened in the wizard (e.g. after registering a certificate).
    void openApplicationRequested(const QString &applicationId);
    // After every completed scan.
    void scanned();

private:
    void attachService();
    void onListed(quint64 generation, const p11::TokenResult &result);
    void onRead(quint64 generation, const p11::TokenResult &result);
    void onRemoved(const p11::TokenInfo &token);
    void updateView();
    void showNoKey();
    void showToken(const QString &serial);
    QString pinStateText(p11::PinState state) const;

    ClientContext &m_context;
    std::unique_ptr<Ui::TokenPanel> m_ui;
    QPointer<p11::TokenService> m_service;
    QList<p11::TokenContents> m_tokens;
    QList<p11::TokenContents> m_incoming;
    std::optional<p11::Error> m_moduleError;
    QString m_usedModule;
    quint64 m_generation = 0;
    int m_pending = 0;
    bool m_listing = false;
    int m_scanCount = 0;
    bool m_rescanQueued = false;
    QTimer *m_noKeyTimer = nullptr;
};

} // namespace ca::ui
