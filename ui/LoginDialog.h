#pragma once

#include "core/platform/PlatformCall.h"

#include <QDialog>
#include <QPointer>

#include "ui/ClientContext.h"

#include <memory>

class QPushButton;

namespace Ui {
class LoginDialog;
}

namespace ca::ui {

// Logs in to the platform: the server comes from the settings (changed in
// SettingsDialog), the user name is remembered, the password never is (it is
// wiped from the field after each attempt). On success the context gets the
// account (role, organisation) and the platform info, then the dialog accepts.
// Each failure has its own sentence: wrong password, locked account, TLS
// failure (host and reason), unreachable server.
class LoginDialog : public QDialog
{
    Q_OBJECT
public:
    explicit LoginDialog(ClientContext &context, QWidget *parent = nullptr);
    ~LoginDialog() override;

    // The last message shown (empty when none).
    QString message() const;
    // The sentence for a failed login (public for ca-tool-like reuse and tests).
    static QString loginErrorMessage(const PlatformError &error);

public Q_SLOTS:
    void attemptLogin();

protected:
    void reject() override;

private:
    void showServer();
    void setBusy(bool busy);
    void showMessage(const QString &text, bool error);
    void onLoginFinished();
    void onPlatformInfoFinished();
    void openSettings();

    ClientContext &m_context;
    std::unique_ptr<Ui::LoginDialog> m_ui;
    QPushButton *m_loginButton = nullptr;
    QPointer<PlatformCall> m_call;
    Account m_pendingAccount;
};

} // namespace ca::ui
