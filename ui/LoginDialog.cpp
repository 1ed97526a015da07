#include "ui/LoginDialog.h"

#include "core/model/Enums.h"
#include "core/platform/PlatformClient.h"
#include "ui/AppSettings.h"
#include "ui/ClientContext.h"
#include "ui/Log.h"
#include "ui/SettingsDialog.h"

#include "ui_LoginDialog.h"

#include <QJsonObject>
#include <QPushButton>

namespace ca::ui {

LoginDialog::LoginDialog(ClientContext &context, QWidget *parent)
    : QDialog(parent)
    , m_context(context)
    , m_ui(std::make_unique<Ui::LoginDialog>())
{
    m_ui->setupUi(this);
    // A standard Ok button renamed: it gets the same kind of icon (or none) as Cancel beside it.
    m_loginButton = m_ui->buttonBox->addButton(QDialogButtonBox::Ok);
    m_loginButton->setText(tr("&Log in"));
    m_loginButton->setObjectName(QStringLiteral("loginButton"));
    m_loginButton->setDefault(true);
    m_ui->buttonBox->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("cancelButton"));
    m_ui->loginProgress->setVisible(false);
    m_ui->messageLabel->setVisible(false);

    connect(m_loginButton, &QPushButton::clicked, this, &LoginDialog::attemptLogin);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &LoginDialog::reject);
    connect(m_ui->settingsButton, &QPushButton::clicked, this, &LoginDialog::openSettings);
    connect(m_ui->usernameEdit, &QLineEdit::returnPressed, m_ui->passwordEdit, qOverload<>(&QWidget::setFocus));

    m_ui->usernameEdit->setText(m_context.settings().value(AppSettings::Key::LastUsername).toString());
    showServer();
    if (m_ui->usernameEdit->text().isEmpty())
        m_ui->usernameEdit->setFocus();
    else
        m_ui->passwordEdit->setFocus();
}

LoginDialog::~LoginDialog()
{
    if (m_call)
        m_call->cancel();
}

QString LoginDialog::message() const
{
    return m_ui->messageLabel->isVisibleTo(this) ? m_ui->messageLabel->text() : QString();
}

void LoginDialog::showServer()
{
    const QString url = m_context.settings().serverUrl();
    m_ui->serverLabel->setText(url.isEmpty() ? tr("(no server set: open Settings)") : url);
}

void LoginDialog::openSettings()
{
    SettingsDialog dialog(m_context.settings(), this);
    dialog.exec();
    showServer();
}

void LoginDialog::setBusy(bool busy)
{
    m_ui->loginProgress->setVisible(busy);
    m_loginButton->setEnabled(!busy);
    m_ui->usernameEdit->setEnabled(!busy);
    m_ui->passwordEdit->setEnabled(!busy);
    m_ui->settingsButton->setEnabled(!busy);
}

void LoginDialog::showMessage(const QString &text, bool error)
{
    m_ui->messageLabel->setText(text);
    m_ui->messageLabel->setProperty("error", error);
    m_ui->messageLabel->setStyleSheet(error ? QStringLiteral("color: #b3261e;") : QString());
    m_ui->messageLabel->setVisible(!text.isEmpty());
}

QString LoginDialog::loginErrorMessage(const PlatformError &error)
{
    using Kind = PlatformError::Kind;
    if (error.httpStatus == 423 || error.serverCode == QLatin1String("account_locked")) {
        return tr("This account is locked after too many wrong passwords. Wait until the time the platform names "
                  "or call the CA helpdesk. The platform says: %1")
            .arg(error.userMessage);
    }
    switch (error.kind) {
    case Kind::Auth:
        return tr("The user name or password is wrong. Check both (and the Caps Lock key) and try again.");
    case Kind::Tls: {
        QString reason = error.sslErrors.isEmpty() ? error.detail : error.sslErrors.first().errorString();
        return tr("The server %1 could not be verified (%2), so no password was sent. If your organisation uses its "
                  "own certificate authority, choose its CA bundle in Settings.")
            .arg(error.host, reason);
    }
    case Kind::Network:
        return tr("The server %1 cannot be reached. Check the network connection and the server address in "
                  "Settings, then try again.")
            .arg(error.host);
    default:
        return error.userMessage.isEmpty() ? tr("The login failed. Try again later.") : error.userMessage;
    }
}

void LoginDialog::attemptLogin()
{
    if (m_call)
        return;
    const QString username = m_ui->usernameEdit->text().trimmed();
    if (username.isEmpty()) {
        showMessage(tr("Enter your user name."), true);
        m_ui->usernameEdit->setFocus();
        return;
    }
    if (m_ui->passwordEdit->text().isEmpty()) {
        showMessage(tr("Enter your password."), true);
        m_ui->passwordEdit->setFocus();
        return;
    }
    QString error;
    if (!m_context.applyConnectionSettings(&error)) {
        showMessage(error, true);
        return;
    }
    showMessage(tr("Logging in to %1…").arg(m_context.client().host()), false);
    setBusy(true);
    m_call = m_context.client().login(username, m_ui->passwordEdit->text());
    // The password has been handed over: it does not stay in the widget.
    m_ui->passwordEdit->clear();
    connect(m_call, &PlatformCall::finished, this, &LoginDialog::onLoginFinished);
}

void LoginDialog::onLoginFinished()
{
    PlatformCall *call = m_call;
    m_call = nullptr;
    if (!call)
        return;
    call->deleteLater();
    if (!call->ok()) {
        qCInfo(lcUi) << "login failed:" << PlatformError::kindName(call->error().kind) << call->error().httpStatus
                     << call->error().requestId;
        setBusy(false);
        showMessage(loginErrorMessage(call->error()), true);
        m_ui->passwordEdit->setFocus();
        return;
    }
    const QJsonObject session = m_context.client().session(); // the answer without the token
    Account account;
    account.username = m_context.client().username();
    account.role = enumFromWord<Role>(session.value(QStringLiteral("role")).toString()).value_or(Role::Supplier);
    const QJsonObject org = session.value(QStringLiteral("organization")).toObject();
    account.organization.name = org.value(QStringLiteral("name")).toString();
    account.organization.uscc = org.value(QStringLiteral("uscc")).toString();
    account.organization.type =
        enumFromWord<Role>(org.value(QStringLiteral("type")).toString()).value_or(account.role);
    m_context.settings().setValue(AppSettings::Key::LastUsername, account.username);
    m_pendingAccount = account;

    showMessage(tr("Reading the platform settings…"), false);
    m_call = m_context.refreshPlatformInfo();
    connect(m_call, &PlatformCall::finished, this, &LoginDialog::onPlatformInfoFinished);
}

void LoginDialog::onPlatformInfoFinished()
{
    PlatformCall *call = m_call;
    m_call = nullptr;
    if (!call)
        return;
    setBusy(false);
    if (!call->ok()) {
        showMessage(tr("Logged in, but the platform settings could not be read: %1").arg(call->error().userMessage),
                    true);
        return;
    }
    showMessage(QString(), false);
    m_context.setAccount(m_pendingAccount);
    accept();
}

void LoginDialog::reject()
{
    if (m_call)
        m_call->cancel();
    m_ui->passwordEdit->clear();
    QDialog::reject();
}

} // namespace ca::ui
