#pragma once

#include "pkcs11/TokenTypes.h"

#include <QDialog>
#include <QPointer>

#include <memory>

namespace Ui {
class PinChangeDialog;
}

namespace ca::p11 {
class TokenService;
struct TokenResult;
}

namespace ca::ui {

// Changes the user PIN of one key (C_SetPIN through TokenService): the
// current PIN, the new one twice, the token's length rules and the PIN state
// (remaining tries) shown before anything is typed, and one sentence for each
// outcome. Non-blocking: the work runs on the token thread, progress in place.
class PinChangeDialog : public QDialog
{
    Q_OBJECT
public:
    PinChangeDialog(p11::TokenService &service, const p11::TokenInfo &token, QWidget *parent = nullptr);
    ~PinChangeDialog() override;

    bool isBusy() const { return m_busy; }
    bool succeeded() const { return m_succeeded; }
    // The sentence shown for the last outcome.
    QString message() const;

Q_SIGNALS:
    // After a successful change (the panel reads the key again).
    void pinChanged(const QString &serial);

private:
    void startChange();
    void onChanged(const p11::TokenResult &result);
    void refreshState();
    void showState();
    void setMessage(const QString &text, bool error);
    void setBusy(bool busy);

    std::unique_ptr<Ui::PinChangeDialog> m_ui;
    QPointer<p11::TokenService> m_service;
    p11::TokenInfo m_token;
    bool m_busy = false;
    bool m_succeeded = false;
};

} // namespace ca::ui
