#include "ui/token/PinResetDialog.h"
#include "ui/token/TokenMessages.h"

#include "ui_PinResetDialog.h"

#include "core/platform/PlatformCall.h"
#include "core/platform/PlatformClient.h"
#include "pkcs11/PinStates.h"
#include "pkcs11/SecureBuffer.h"
#include "pkcs11/TokenCommand.h"
#include "pkcs11/TokenService.h"
#include "ui/Log.h"

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
    QStringList state;
    if (const QString warning = p11::PinStates::warning(token.pinState); !warning.isEmpty())
        state << warning;
    if (token.protectedAuthPath)
        state << tr("This key has a PIN pad, but nothing is typed on the reader for the reset: the program hands the "
                    "key the platform's unlock authorisation and the new PIN you type here. If the reader asks for a "
                    "PIN all the same, cancel on the reader (nothing is changed then) and call the CA centre.");
    m_ui->pinStateLabel->setText(state.join(QLatin1Char('\n')));
    m_ui->pinStateLabel->setVisible(!state.isEmpty());
    if (token.soPinState == p11::PinState::Locked || token.soPinState == p11::PinState::FinalTry) {
        // one wrong authorisation would lock the key for good: the CA centre does it
        m_stopReason = tr("The administrator PIN of this USB key is locked or has only one try left, so the PIN "
                          "cannot be reset here and nothing was changed. Call the CA centre.");
        setMessage(m_stopReason, true);
    }
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
    m_pendingPin.clear();
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
    const bool open = !m_busy && !m_succeeded && m_stopReason.isEmpty();
    m_ui->requestButton->setEnabled(open);
    m_ui->requestButton->setToolTip(m_stopReason);
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
    QString newPin = m_ui->newPinEdit->text();
    QLineEdit *focus = nullptr;
    QString problem;
    TokenMessages::NewPinField field;
    if (code.size() != 6) {
        problem = tr("The verification code has 6 digits; type the code from the text message.");
        focus = m_ui->codeEdit;
    } else if (problem = TokenMessages::newPinProblem(m_token, newPin, m_ui->repeatPinEdit->text(), &field);
               !problem.isEmpty()) {
        focus = field == TokenMessages::NewPinField::Repeat ? m_ui->repeatPinEdit : m_ui->newPinEdit;
    }
    if (!problem.isEmpty()) {
        setMessage(problem, true);
        focus->setFocus();
        return;
    }
    // The fields are cleared first, so that the one copy left is the one wiped into the buffer.
    m_ui->newPinEdit->clear();
    m_ui->repeatPinEdit->clear();
    m_pendingPin = p11::SecureBuffer::takeString(newPin);
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
        m_pendingPin.clear();
        const QString code = call->error().serverCode;
        if (code == QLatin1String("code_invalid")) {
            ++m_wrongCodes;
            const int left = std::max(0, MaxCodeTries - m_wrongCodes);
            setMessage(tr("The verification code is wrong; check the text message and type it again with the new PIN "
                          "(%n try(s) left).",
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
    // The SO PIN: the answer is taken from the call (its copy overwritten) and parsed straight into a wiped
    // buffer; the answer text is wiped too.
    QByteArray body = call->takeBody();
    p11::SecureBuffer soPin = p11::SecureBuffer::takeJsonString(body, "so_pin");
    p11::SecureBuffer newPin = std::move(m_pendingPin);
    m_pendingPin.clear();
    m_ui->codeEdit->clear();
    if (soPin.isEmpty()) {
        m_busy = false;
        qCWarning(lcUi) << "PIN reset request" << m_requestId << ": the answer held no unlock authorisation";
        setMessage(tr("The platform's answer held no unlock authorisation for this key, so nothing was changed. Call "
                      "the CA centre and give them the request number %1.")
                       .arg(m_requestId),
                   true);
        m_requestId.clear();
        updateState();
        return;
    }
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
    const QString requestId = m_requestId;
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
    // the request number with the PKCS#11 function and CKR name, for the CA centre (never the PINs)
    qCWarning(lcUi) << "PIN reset request" << requestId << "for key" << m_token.serial << "failed:" << e.logText();
    switch (e.kind()) {
    case p11::ErrorKind::TokenRemoved:
    case p11::ErrorKind::TokenNotFound:
        setMessage(tr("The key was removed before the new PIN was set; the PIN is unchanged. Insert the key and send a new code."),
                   true);
        break;
    case p11::ErrorKind::SoPinIncorrect:
        // Every try uses up one of the key's few administrator tries: never invite another.
        m_stopReason = tr("The platform's unlock authorisation does not fit this USB key, so nothing was changed on it. "
                          "Do not try the reset again: each try uses up one of the key's few administrator tries. Call "
                          "the CA centre and give them the request number %1.")
                           .arg(requestId);
        setMessage(m_stopReason, true);
        break;
    case p11::ErrorKind::SoPinLocked:
        m_stopReason = tr("The administrator PIN of this USB key is locked or has only one try left, so the PIN cannot be "
                          "reset here and nothing was changed. Call the CA centre and give them the request number %1.")
                           .arg(requestId);
        setMessage(m_stopReason, true);
        break;
    case p11::ErrorKind::PinPadRefused:
        m_stopReason = tr("The PIN pad of this USB key did not accept the unlock sent from the computer, so nothing was "
                          "changed. Call the CA centre and give them the request number %1.")
                           .arg(requestId);
        setMessage(m_stopReason, true);
        break;
    case p11::ErrorKind::PinLenRange:
    case p11::ErrorKind::PinInvalid:
        setMessage(tr("The key did not accept the new PIN because of its length or characters; the PIN is unchanged. "
                      "Send a new code and choose another new PIN."),
                   true);
        break;
    default:
        setMessage(tr("The key refused the reset; the PIN is unchanged. Send a new code to try again; if it fails again, "
                      "call the CA centre and give them the request number %1.")
                       .arg(requestId),
                   true);
        break;
    }
    updateState();
}

} // namespace ca::ui
