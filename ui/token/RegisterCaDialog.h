#pragma once

#include "core/model/Application.h"
#include "pkcs11/TokenTypes.h"

#include <QDialog>
#include <QList>
#include <QPointer>
#include <QString>

#include <memory>

namespace Ui {
class RegisterCaDialog;
}

namespace ca {
class PlatformCall;
struct PlatformError;
namespace p11 {
class TokenService;
struct TokenResult;
}
} // namespace ca

namespace ca::ui {

class ClientContext;

// 已有CA: registers the certificate a unit already holds on its USB key.
// The certificate is read from the key (TokenService::readToken, no PIN) and
// shown (unit and USCC, holder, issuer, serial, validity, days left); the
// user chooses an existing-CA application of the unit that is being edited or
// processed, or lets a new one be created (POST /applications {"kind":
// "existing"}); then POST /applications/{id}/certificate uploads it. The
// platform's refusals (untrusted, expired, another unit's certificate) are
// shown as whole sentences. After success the application can be opened to
// add the scans and submit it. Non-blocking: every step runs asynchronously
// with its progress in the message line.
class RegisterCaDialog : public QDialog
{
    Q_OBJECT
public:
    RegisterCaDialog(ClientContext &context, p11::TokenService &service, const p11::TokenInfo &token,
                     QWidget *parent = nullptr);
    ~RegisterCaDialog() override;

    // True once the key was read and the applications were listed (or either failed).
    bool isReady() const { return m_keyRead && m_listed; }
    bool isBusy() const { return m_busy; }
    bool succeeded() const { return m_succeeded; }
    QString message() const;
    QList<p11::CertificateInfo> certificates() const { return m_certificates; }
    // The application the certificate went to (after success).
    QString registeredApplicationId() const { return m_registeredId; }
    // Preselects this application in the list (when it is listed).
    void setPreferredApplication(const QString &applicationId);

    // The sentence for a refused registration (server code -> our sentence; else the platform's).
    static QString refusalMessage(const PlatformError &error, const Organization &organization);

Q_SIGNALS:
    void registered(const QString &applicationId, const QString &certificateSerialHex);
    // "Open the application": the main window opens it in the wizard (scans, submit).
    void openApplicationRequested(const QString &applicationId);

private:
    void readKey();
    void onKeyRead(const p11::TokenResult &result);
    void listApplications();
    void onListed();
    void fillApplications();
    void showCertificate(int index);
    void startRegister();
    void onCreated();
    void sendCertificate(const QString &applicationId);
    void onRegistered();
    void setMessage(const QString &text, bool error);
    void updateState();
    std::optional<p11::CertificateInfo> currentCertificate() const;

    std::unique_ptr<Ui::RegisterCaDialog> m_ui;
    ClientContext &m_context;
    QPointer<p11::TokenService> m_service;
    p11::TokenInfo m_token;
    QList<p11::CertificateInfo> m_certificates;
    QList<Application> m_applications; // existing-CA applications that can take a certificate
    QPointer<PlatformCall> m_call;
    QString m_preferredId;
    QString m_targetId;      // the application being registered with
    QString m_registeredId;
    QString m_createKey;     // Idempotency-Key of the create (kept for a retry)
    bool m_keyRead = false;
    bool m_listed = false;
    bool m_busy = false;
    bool m_succeeded = false;
};

} // namespace ca::ui
