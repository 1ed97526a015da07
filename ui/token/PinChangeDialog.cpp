#include "ui/token/PinChangeDialog.h"

#include "ui/token/TokenMessages.h"

#include "ui_PinChangeDialog.h"

#include "pkcs11/PinStates.h"
#include "pkcs11/SecureBuffer.h"
#include "pkcs11/TokenCommand.h"
#include "pkcs11/TokenService.h"

#include <QLineEdit>
#include <QPushButton>

namespace ca::ui {

using p11::ErrorKind;
using p11::PinState;

PinChangeDialog::PinChangeDialog(p11::TokenService &service, const p11::TokenInfo &token, QWidget *parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::PinChangeDialog>()), m_service(&service), m_token(token)
{
    m_ui->setupUi(this);
    m_ui->keyLabel->setText(tr("USB key %1, serial number %2.").arg(token.label, token.serial));
    const int minLen = int(token.minPinLength);
    const int maxLen = int(token.maxPinLength);
    if (minLen > 0 && maxLen > 0 && maxLen < 1000)
        m_ui->rulesLabel->setText(tr("The new PIN must have from %1 to %2 characters, and must differ from the current PIN.")
                                      .arg(minLen)
                                      .arg(maxLen));
    else if (minLen > 0)
        m_ui->rulesLabel->setText(tr("The new PIN must have at least %1 characters, and must differ from the current PIN.")
                                      .arg(minLen));
    if (maxLen > 0 && maxLen < 1000) {
        m_ui->newPinEdit->setMaxLength(maxLen);
        m_ui->repeatPinEdit->setMaxLength(maxLen);
        m_ui->oldPinEdit->setMaxLength(maxLen);
    }
    connect(m_ui->changeButton, &QPushButton::clicked, this, &PinChangeDialog::startChange);
    connect(m_ui->closeButton, &QPushButton::clicked, this, &QDialog::reject);
    showState();
}

PinChangeDialog::~PinChangeDialog()
{
    m_ui->oldPinEdit->clear();
    m_ui->newPinEdit->clear();
    m_ui->repeatPinEdit->clear();
}

QString PinChangeDialog::message() const
{
    return m_ui->messageLabel->text();
}

void PinChangeDialog::showState()
{
    const PinState state = m_token.pinState;
    QString text = p11::PinStates::warning(state);
    if (text.isEmpty())
        text = tr("The PIN of this key is in order: no wrong PIN has been entered since the last correct one.");
    m_ui->pinStateLabel->setText(text);
    m_ui->pinStateLabel->setProperty("pinState", p11::PinStates::code(state));
    const bool locked = !p11::PinStates::canAskForPin(state);
    m_ui->pinStateLabel->setStyleSheet(locked || state == PinState::FinalTry ? QStringLiteral("color: #b3261e;") : QString());
    m_ui->changeButton->setEnabled(!locked && !m_busy && !m_succeeded);
    if (m_token.protectedAuthPath) {
        m_ui->oldPinEdit->setEnabled(false);
        m_ui->newPinEdit->setEnabled(false);
        m_ui->repeatPinEdit->setEnabled(false);
        m_ui->rulesLabel->setText(tr("This key has a PIN pad: after you click Change PIN, type the current PIN and the new PIN twice on the key's reader."));
    }
}

void PinChangeDialog::setMessage(const QString &text, bool error)
{
    m_ui->messageLabel->setText(text);
    m_ui->messageLabel->setProperty("error", error);
    m_ui->messageLabel->setStyleSheet(error ? QStringLiteral("color: #b3261e;") : QStringLiteral("color: #1b6e20;"));
}

void PinChangeDialog::setBusy(bool busy)
{
    m_busy = busy;
    const bool pad = m_token.protectedAuthPath;
    m_ui->oldPinEdit->setEnabled(!busy && !pad && !m_succeeded);
    m_ui->newPinEdit->setEnabled(!busy && !pad && !m_succeeded);
    m_ui->repeatPinEdit->setEnabled(!busy && !pad && !m_succeeded);
    m_ui->changeButton->setEnabled(!busy && !m_succeeded && p11::PinStates::canAskForPin(m_token.pinState));
}

void PinChangeDialog::startChange()
{
    if (m_busy || !m_service)
        return;
    if (!m_token.protectedAuthPath) {
        const QString oldPin = m_ui->oldPinEdit->text();
        const QString newPin = m_ui->newPinEdit->text();
        QLineEdit *focus = nullptr;
        QString problem;
        TokenMessages::NewPinField field;
        if (oldPin.isEmpty()) {
            problem = tr("Enter the current PIN of the key.");
            focus = m_ui->oldPinEdit;
        } else if (problem = TokenMessages::newPinProblem(m_token, newPin, m_ui->repeatPinEdit->text(), &field);
                   !problem.isEmpty()) {
            focus = field == TokenMessages::NewPinField::Repeat ? m_ui->repeatPinEdit : m_ui->newPinEdit;
        } else if (newPin == oldPin) {
            problem = tr("The new PIN is the same as the current PIN. Choose a different PIN.");
            focus = m_ui->newPinEdit;
        }
        if (!problem.isEmpty()) {
            setMessage(problem, true);
            focus->setFocus();
            focus->selectAll();
            return;
        }
    }
    QString oldText = m_ui->oldPinEdit->text();
    QString newText = m_ui->newPinEdit->text();
    m_ui->oldPinEdit->clear();
    m_ui->newPinEdit->clear();
    m_ui->repeatPinEdit->clear();
    setBusy(true);
    setMessage(m_token.protectedAuthPath ? tr("Type the current PIN and the new PIN on the key's reader now…")
                                         : tr("Changing the PIN on the key…"),
               false);
    p11::TokenCommand *cmd = m_service->changePin(m_token.ref(), p11::SecureBuffer::takeString(oldText),
                                                  p11::SecureBuffer::takeString(newText));
    connect(cmd, &p11::TokenCommand::finished, this, &PinChangeDialog::onChanged);
    cmd->start();
}

void PinChangeDialog::onChanged(const p11::TokenResult &result)
{
    setBusy(false);
    if (result.ok()) {
        m_succeeded = true;
        setBusy(false);
        setMessage(tr("The PIN was changed. Use the new PIN from now on; the certificates on the key are unchanged."), false);
        m_ui->closeButton->setDefault(true);
        m_ui->closeButton->setFocus();
        Q_EMIT pinChanged(m_token.serial);
        refreshState();
        return;
    }
    const p11::Error &e = *result.error;
    QString text;
    switch (e.kind()) {
    case ErrorKind::PinIncorrect:
        text = tr("The current PIN is wrong; the PIN was not changed.");
        break;
    case ErrorKind::PinLocked:
        text = tr("The PIN of the key is locked; it was not changed. Apply for a PIN reset to unlock the key.");
        break;
    case ErrorKind::PinLenRange:
    case ErrorKind::PinInvalid:
        text = tr("The key refused the new PIN (length or characters); the PIN was not changed. Choose another new PIN.");
        break;
    case ErrorKind::TokenRemoved:
    case ErrorKind::TokenNotFound:
        text = tr("The key was removed; the PIN was not changed. Insert the key and try again.");
        break;
    default:
        text = TokenMessages::forDialog(e);
        break;
    }
    setMessage(text, true);
    m_ui->oldPinEdit->setFocus();
    refreshState();  // how many tries are left now
}

void PinChangeDialog::refreshState()
{
    if (!m_service)
        return;
    p11::TokenCommand *cmd = m_service->listTokens();
    connect(cmd, &p11::TokenCommand::finished, this, [this](const p11::TokenResult &r) {
        for (const auto &t : r.tokens) {
            if (t.identity() == m_token.identity()) {
                m_token = t;
                showState();
                setBusy(m_busy);
            }
        }
    });
    cmd->start();
}

} // namespace ca::ui
