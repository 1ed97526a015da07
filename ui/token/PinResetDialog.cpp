#include "ui/token/PinResetDialog.h"

#include "ui_PinResetDialog.h"

#include "core/platform/PlatformCall.h"
#include "core/platform/PlatformClient.h"
#include "pkcs11/PinStates.h"
#include "pkcs11/SecureBuffer.h"
#include "pkcs11/TokenCommand.h"
#include "pkcs11/TokenService.h"

#include <QJsonObject>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QRegularExpressionValidator>

#include <algorithm>

namespace ca::ui {

PinResetDialog::PinResetDialog(PlatformClient &client, p11::TokenService &service, const p11::TokenInfo &token,
                               QWidget *parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::PinResetDialog>()), m_client(client), m_service(&service), m_token(token)
{
    m_ui->setupUi(this);
    m_ui->keyLabel->setText(tr("USB key %1, serial number %2.").arg(token.label, token.serial));
    const QString warning = p11::PinStates::warning(token.pinState);
    m_ui->pinStateLabel->setText(warning);
    m_ui->pinStateLabel->setVisible(!warning.isEmpty());
    m_ui->codeEdit->setValidator(
        new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9]{0,6}")), m_ui->codeEdit));
    connect(m_ui->requestButton, &QPushButton::clicked, this, &PinResetDialog::requestCode);
    connect(m_ui->resetButton, &QPushButton::clicked, this, &PinResetDialog::startReset);
    connect(m_ui->closeButton, &QPushButton::clicked, this, &QDialog::reject);
    updateState();
}

PinResetDialog::~PinResetDialog()
{
    if (m_call)
        m_call->cancel();
    p11::wipe(m_pendingPin);
    m_ui->newPinEdit->clear();
    m_ui->repeatPinEdit->clear();
}

QString PinResetDialog::message() const
{
    return m_ui->messageLabel->text();
}

void PinResetDialog::setMessage(const QString &text, bool error)
{
    m_ui->messageLabel->setText(text);
    m_ui->messageLabel->setProperty("error", error);
    m_ui->messageLabel->setStyleSheet(error ? QStringLiteral("color: #b3261e;") : QStringLiteral("color: #1b6e20;"));
}

void PinResetDialog::updateState()
{
    const bool haveRequest = !m_requestId.isEmpty();
    const bool open = !m_busy && !m_succeeded;
    m_ui->requestButton->setEnabled(open);
    m_ui->requestButton->setText(haveRequest ? tr("&Send a new code") : tr("&Send the verification code"));
    m_ui->codeEdit->setEnabled(open && haveRequest);
    m_ui->newPinEdit->setEnabled(open && haveRequest);
    m_ui->repeatPinEdit->setEnabled(open && haveRequest);
    m_ui->resetButton->setEnabled(open && haveRequest);
}

void PinResetDialog::requestCode()
{
    if (m_busy)
        return;
    m_busy = true;
    m_requestId.clear();
    updateState();
    setMessage(tr("Asking the platform to send the verification code…"), false);
    m_call = m_client.requestPinReset(m_token.serial);
    connect(m_call, &PlatformCall::finished, this, &PinResetDialog::onRequested);
}

void PinResetDialog::onRequested()
{
    PlatformCall *call = m_call;
    m_busy = false;
    if (!call)
        return;
    call->deleteLater();
    if (!call->ok()) {
        setMessage(call->error().userMessage, true);
        updateState();
        return;
    }
    const QJsonObject json = call->json();
    m_requestId = json.value(QStringLiteral("id")).toString();
    m_wrongCodes = 0;
    const QString mobile = json.value(QStringLiteral("mobile_hint")).toString();
    setMessage(tr("A verification code was sent to the registered mobile %1. It is valid for 5 minutes; type it below "
                  "with the new PIN.")
                   .arg(mobile),
               false);
    updateState();
    m_ui->codeEdit->setFocus();
}

void PinResetDialog::startReset()
{
    if (m_busy || m_requestId.isEmpty())
        return;
    const QString code = m_ui->codeEdit->text().trimmed();
    const QString newPin = m_ui->newPinEdit->text();
    const int minLen = int(m_token.minPinLength);
    const int maxLen = int(m_token.maxPinLength);
    QLineEdit *focus = nullptr;
    QString problem;
    if (code.size() != 6) {
        problem = tr("The verification code has 6 digits; type the code from the text message.");
        focus = m_ui->codeEdit;
    } else if (newPin.isEmpty()) {
        problem = tr("Enter the new PIN.");
        focus = m_ui->newPinEdit;
    } else if (minLen > 0 && newPin.size() < minLen) {
        problem = tr("The new PIN is too short: this key needs at least %1 characters.").arg(minLen);
        focus = m_ui->newPinEdit;
    } else if (maxLen > 0 && maxLen < 1000 && newPin.size() > maxLen) {
        problem = tr("The new PIN is too long: this key takes at most %1 characters.").arg(maxLen);
        focus = m_ui->newPinEdit;
    } else if (newPin != m_ui->repeatPinEdit->text()) {
        problem = tr("The two new PINs differ. Type the new PIN again in both fields.");
        focus = m_ui->repeatPinEdit;
    }
    if (!problem.isEmpty()) {
        setMessage(problem, true);
        focus->setFocus();
        return;
    }
    p11::wipe(m_pendingPin);
    m_pendingPin = newPin;
    m_busy = true;
    updateState();
    setMessage(tr("Checking the verification code with the platform…"), false);
    m_call = m_client.verifyPinReset(m_requestId, code);
    connect(m_call, &PlatformCall::finished, this, &PinResetDialog::onVerified);
}

void PinResetDialog::onVerified()
{
    PlatformCall *call = m_call;
    if (!call)
        return;
    call->deleteLater();
    if (!call->ok()) {
        m_busy = false;
        p11::wipe(m_pendingPin);
        m_pendingPin.clear();
        const QString code = call->error().serverCode;
        if (code == QLatin1String("code_invalid")) {
            ++m_wrongCodes;
            const int left = std::max(0, MaxCodeTries - m_wrongCodes);
            setMessage(tr("The verification code is wrong; check the text message and type it again (%n try(s) left).",
                          nullptr, left),
                       true);
            m_ui->codeEdit->selectAll();
            m_ui->codeEdit->setFocus();
        } else if (code == QLatin1String("code_expired")) {
            m_requestId.clear();
            setMessage(tr("The verification code has expired (codes are valid for 5 minutes). Send a new code and "
                          "type the new one."),
                       true);
        } else if (code == QLatin1String("request_closed")) {
            m_requestId.clear();
            setMessage(tr("This PIN reset request was closed after 3 wrong codes. Send a new code to start again."), true);
        } else {
            setMessage(call->error().userMessage, true);
        }
        m_ui->codeEdit->clear();
        updateState();
        return;
    }
    // The SO PIN: into a wiped buffer at once; the JSON copies are wiped too.
    QJsonObject json = call->json();
    QString so = json.value(QStringLiteral("so_pin")).toString();
    json = QJsonObject();
    p11::SecureBuffer soPin = p11::SecureBuffer::takeString(so);
    p11::SecureBuffer newPin = p11::SecureBuffer::takeString(m_pendingPin);
    m_pendingPin.clear();
    m_ui->newPinEdit->clear();
    m_ui->repeatPinEdit->clear();
    m_ui->codeEdit->clear();
    if (!m_service) {
        m_busy = false;
        setMessage(tr("The USB key service is not available. Restart the program and try again."), true);
        updateState();
        return;
    }
    setMessage(tr("Setting the new PIN on the key…"), false);
    p11::TokenCommand *cmd = m_service->resetPin(m_token.ref(), std::move(soPin), std::move(newPin));
    connect(cmd, &p11::TokenCommand::finished, this, &PinResetDialog::onReset);
    cmd->start();
}

void PinResetDialog::onReset(const p11::TokenResult &result)
{
    m_busy = false;
    m_requestId.clear();
    if (result.ok()) {
        m_succeeded = true;
        setMessage(tr("The PIN was reset and the key is unlocked. Use the new PIN from now on."), false);
        updateState();
        m_ui->closeButton->setDefault(true);
        m_ui->closeButton->setFocus();
        Q_EMIT pinReset(m_token.serial);
        return;
    }
    const p11::Error &e = *result.error;
    if (e.kind() == p11::ErrorKind::TokenRemoved || e.kind() == p11::ErrorKind::TokenNotFound)
        setMessage(tr("The key was removed before the new PIN was set; the PIN is unchanged. Insert the key and send a new code."),
                   true);
    else
        setMessage(tr("The key refused the reset (%1); the PIN is unchanged. Send a new code to try again.").arg(e.userMessage()),
                   true);
    updateState();
}

} // namespace ca::ui
