#include "ui/token/RegisterCaDialog.h"

#include "ui/TokenPanel.h"
#include "ui/token/TokenMessages.h"

#include "ui_RegisterCaDialog.h"

#include "core/platform/PlatformCall.h"
#include "core/platform/PlatformClient.h"
#include "core/platform/PlatformError.h"
#include "core/workflow/WorkflowRules.h"
#include "pkcs11/TokenCommand.h"
#include "pkcs11/TokenService.h"
#include "ui/ClientContext.h"
#include "ui/Log.h"

#include <QComboBox>
#include <QJsonArray>
#include <QLocale>
#include <QPushButton>
#include <QUrlQuery>
#include <QUuid>

namespace ca::ui {

namespace {

QByteArray certificatePem(const QByteArray &der)
{
    const QByteArray b64 = der.toBase64();
    QByteArray pem("-----BEGIN CERTIFICATE-----\n");
    for (qsizetype i = 0; i < b64.size(); i += 64)
        pem += b64.mid(i, 64) + '\n';
    pem += "-----END CERTIFICATE-----\n";
    return pem;
}

QString dateText(const QDateTime &time)
{
    return time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd"));
}

// An existing-CA application takes a certificate while it is edited or processed (the platform's rule).
bool canTakeCertificate(const Application &app, Workflow workflow)
{
    return app.kind == ApplicationKind::Existing
           && (WorkflowRules::mayEdit(app, workflow).allowed || app.handlingStatus == HandlingStatus::Processing);
}

} // namespace

RegisterCaDialog::RegisterCaDialog(ClientContext &context, p11::TokenService &service, const p11::TokenInfo &token,
                                   QWidget *parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::RegisterCaDialog>()), m_context(context), m_service(&service),
      m_token(token)
{
    m_ui->setupUi(this);
    m_ui->keyLabel->setText(tr("USB key %1, serial number %2.").arg(token.label, token.serial));
    m_ui->applicationExplainLabel->setText(
        tr("The certificate is registered with an application of the kind \"%1\" of your unit that is being edited or "
           "processed. If there is none, a new one is created; add its scans and submit it afterwards.")
            .arg(enumDisplayName(ApplicationKind::Existing)));
    m_ui->openApplicationButton->hide();
    m_ui->certificateNoteLabel->hide();
    connect(m_ui->certificateCombo, &QComboBox::currentIndexChanged, this, &RegisterCaDialog::showCertificate);
    connect(m_ui->registerButton, &QPushButton::clicked, this, &RegisterCaDialog::startRegister);
    connect(m_ui->closeButton, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_ui->openApplicationButton, &QPushButton::clicked, this, [this] {
        Q_EMIT openApplicationRequested(m_registeredId);
        accept();
    });
    showCertificate(-1);
    updateState();
    readKey();
    listApplications();
}

RegisterCaDialog::~RegisterCaDialog()
{
    if (m_call)
        m_call->cancel();
}

QString RegisterCaDialog::message() const
{
    return m_ui->messageLabel->text();
}

void RegisterCaDialog::setMessage(const QString &text, bool error)
{
    m_ui->messageLabel->setText(text);
    m_ui->messageLabel->setProperty("error", error);
    m_ui->messageLabel->setStyleSheet(error ? QStringLiteral("color: #b3261e;") : QStringLiteral("color: #1b6e20;"));
    m_ui->messageLabel->setVisible(!text.isEmpty());
}

void RegisterCaDialog::setPreferredApplication(const QString &applicationId)
{
    m_preferredId = applicationId;
    const int index = m_ui->applicationCombo->findData(applicationId);
    if (index >= 0)
        m_ui->applicationCombo->setCurrentIndex(index);
}

std::optional<p11::CertificateInfo> RegisterCaDialog::currentCertificate() const
{
    const int index = m_ui->certificateCombo->currentIndex();
    if (index < 0 || index >= m_certificates.size())
        return std::nullopt;
    return m_certificates.at(index);
}

void RegisterCaDialog::updateState()
{
    const bool ready = m_keyRead && m_listed;
    const bool open = ready && !m_busy && !m_succeeded;
    m_ui->certificateCombo->setEnabled(open && m_certificates.size() > 1);
    m_ui->applicationCombo->setEnabled(open && m_ui->applicationCombo->count() > 0);
    m_ui->registerButton->setEnabled(open && currentCertificate().has_value()
                                     && m_ui->applicationCombo->count() > 0);
    m_ui->openApplicationButton->setVisible(m_succeeded && !m_registeredId.isEmpty());
}

// ---- the key ----

void RegisterCaDialog::readKey()
{
    if (!m_service) {
        m_keyRead = true;
        setMessage(tr("The USB key service is not available. Restart the program and try again."), true);
        updateState();
        return;
    }
    setMessage(tr("Reading the certificate from the USB key…"), false);
    p11::TokenCommand *cmd = m_service->readToken(m_token.ref());
    connect(cmd, &p11::TokenCommand::finished, this, &RegisterCaDialog::onKeyRead);
    cmd->start();
}

void RegisterCaDialog::onKeyRead(const p11::TokenResult &result)
{
    m_keyRead = true;
    if (!result.ok()) {
        qCWarning(lcUi) << "reading the key for registration failed:" << result.error->logText();
        const p11::ErrorKind kind = result.error->kind();
        if (kind == p11::ErrorKind::TokenRemoved || kind == p11::ErrorKind::TokenNotFound)
            setMessage(tr("The USB key was removed before its certificate could be read. Insert the key and open this "
                          "window again."),
                       true);
        else
            setMessage(tr("The certificate could not be read from the USB key: %1").arg(TokenMessages::forDialog(*result.error)), true);
        updateState();
        return;
    }
    // Only end-entity certificates are registered: a CA certificate on the key (root or intermediate) is not
    // the unit's own.
    m_certificates.clear();
    for (const auto &cert : result.contents.certificates)
        if (TokenPanel::isEndEntity(cert))
            m_certificates << cert;
    {
        const QSignalBlocker block(m_ui->certificateCombo);
        m_ui->certificateCombo->clear();
        for (const auto &cert : std::as_const(m_certificates)) {
            //: one certificate of the key: holder (or unit) and the date it expires
            m_ui->certificateCombo->addItem(
                tr("%1, valid until %2").arg(cert.commonName.isEmpty() ? cert.organization : cert.commonName,
                                             dateText(cert.notAfter)));
        }
        // the one in use: its key pair on the key, valid, of this unit; among equals the one that lasts longest
        const Organization &org = m_context.account().organization;
        auto score = [&org](const p11::CertificateInfo &cert) {
            int points = 0;
            if (cert.hasPrivateKey)
                points += 4;
            if (!cert.isExpired())
                points += 2;
            if ((!org.uscc.isEmpty() && cert.uscc.compare(org.uscc, Qt::CaseInsensitive) == 0)
                || (!org.name.isEmpty() && cert.organization == org.name))
                points += 1;
            return points;
        };
        int best = 0;
        for (int i = 1; i < m_certificates.size(); ++i) {
            const int a = score(m_certificates.at(i));
            const int b = score(m_certificates.at(best));
            if (a > b || (a == b && m_certificates.at(i).notAfter > m_certificates.at(best).notAfter))
                best = i;
        }
        m_ui->certificateCombo->setCurrentIndex(m_certificates.isEmpty() ? -1 : best);
    }
    m_ui->certificateCombo->setVisible(m_certificates.size() > 1);
    m_ui->certificateCaption->setVisible(m_certificates.size() > 1);
    showCertificate(m_ui->certificateCombo->currentIndex());
    if (m_certificates.isEmpty() && !result.contents.certificates.isEmpty())
        setMessage(tr("This USB key holds only certificates of certificate authorities, not a certificate of your "
                      "unit, so there is nothing to register. Apply for a new certificate instead."),
                   true);
    else if (m_certificates.isEmpty())
        setMessage(tr("There is no certificate on this USB key, so there is nothing to register. Apply for a new "
                      "certificate instead."),
                   true);
    else if (m_listed)
        setMessage(QString(), false);
    updateState();
}

void RegisterCaDialog::showCertificate(int index)
{
    const bool have = index >= 0 && index < m_certificates.size();
    const p11::CertificateInfo cert = have ? m_certificates.at(index) : p11::CertificateInfo();
    const QString none = have ? tr("(not in the certificate)") : QString();
    m_ui->unitValue->setText(cert.organization.isEmpty() ? none : cert.organization);
    m_ui->usccValue->setText(cert.uscc.isEmpty() ? none : cert.uscc);
    m_ui->holderValue->setText(cert.commonName.isEmpty() ? none : cert.commonName);
    m_ui->issuerValue->setText(cert.issuerCommonName.isEmpty() ? cert.issuer : cert.issuerCommonName);
    m_ui->issuerValue->setToolTip(cert.issuer);
    m_ui->serialValue->setText(cert.serialHex);
    m_ui->validityValue->setText(have ? tr("from %1 until %2").arg(dateText(cert.notBefore), dateText(cert.notAfter))
                                      : QString());
    m_ui->daysLeftValue->setText(!have ? QString()
                                 : cert.isExpired() ? tr("Expired")
                                                    : QLocale().toString(cert.daysLeft));
    m_ui->daysLeftValue->setStyleSheet(have && (cert.isExpired() || cert.daysLeft <= 30)
                                           ? QStringLiteral("color: #b3261e; font-weight: bold;")
                                           : QString());

    // What the platform will say, said before: another unit's certificate, or an expired one.
    QString note;
    const Organization &org = m_context.account().organization;
    if (have && cert.isExpired()) {
        note = tr("This certificate has expired; the platform registers only valid certificates. Apply for a renewal "
                  "or a new certificate instead.");
    } else if (have && !org.uscc.isEmpty()
               && ((!cert.uscc.isEmpty() && cert.uscc.compare(org.uscc, Qt::CaseInsensitive) != 0)
                   || (cert.uscc.isEmpty() && !cert.organization.isEmpty() && cert.organization != org.name))) {
        note = tr("This certificate names %1, not your unit %2; the platform registers only your own unit's "
                  "certificates.")
                   .arg(cert.organization.isEmpty() ? cert.uscc : cert.organization, org.name);
    }
    m_ui->certificateNoteLabel->setText(note);
    m_ui->certificateNoteLabel->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_ui->certificateNoteLabel->setVisible(!note.isEmpty());
    updateState();
}

// ---- the applications ----

void RegisterCaDialog::listApplications()
{
    QUrlQuery filter;
    filter.addQueryItem(QStringLiteral("kind"), enumWord(ApplicationKind::Existing));
    m_call = m_context.client().listApplications(filter);
    connect(m_call, &PlatformCall::finished, this, &RegisterCaDialog::onListed);
}

void RegisterCaDialog::onListed()
{
    PlatformCall *call = m_call;
    m_listed = true;
    if (!call)
        return;
    call->deleteLater();
    m_call = nullptr;
    m_applications.clear();
    if (!call->ok()) {
        qCWarning(lcUi) << "listing existing-CA applications failed:" << call->error().detail;
        setMessage(tr("The applications could not be listed: %1").arg(call->error().userMessage), true);
        fillApplications();
        return;
    }
    const QJsonArray items = call->json().value(QStringLiteral("items")).toArray();
    for (const QJsonValue &v : items) {
        const Application app = Application::fromJson(v.toObject()).value;
        if (canTakeCertificate(app, m_context.workflow()))
            m_applications.append(app);
    }
    fillApplications();
    if (m_keyRead && !m_certificates.isEmpty() && !m_ui->messageLabel->property("error").toBool())
        setMessage(QString(), false);
}

void RegisterCaDialog::fillApplications()
{
    const QString keep = m_ui->applicationCombo->currentData().toString();
    m_ui->applicationCombo->clear();
    for (const Application &app : std::as_const(m_applications)) {
        const QString status = app.handlingStatus == HandlingStatus::Processing ? enumDisplayName(app.handlingStatus)
                                                                                : enumDisplayName(app.reviewStatus);
        //: an application to register the certificate with: number, status, date it was created
        m_ui->applicationCombo->addItem(tr("Application %1 (%2, created %3)").arg(app.id, status, dateText(app.createdAt)),
                                        app.id);
    }
    m_ui->applicationCombo->addItem(
        tr("A new application of the kind \"%1\"").arg(enumDisplayName(ApplicationKind::Existing)), QString());
    int index = m_ui->applicationCombo->findData(m_preferredId.isEmpty() ? keep : m_preferredId);
    m_ui->applicationCombo->setCurrentIndex(index >= 0 ? index : 0);
    updateState();
}

// ---- registering ----

void RegisterCaDialog::startRegister()
{
    const auto cert = currentCertificate();
    if (m_busy || m_succeeded || !cert)
        return;
    m_busy = true;
    m_targetId = m_ui->applicationCombo->currentData().toString();
    updateState();
    if (!m_targetId.isEmpty()) {
        sendCertificate(m_targetId);
        return;
    }
    Application app;
    app.kind = ApplicationKind::Existing;
    app.organization = m_context.account().organization;
    app.order.quantity = 1;
    app.certificate = CertificateRef{m_token.serial, cert->serialHex, cert->subject, cert->notAfter};
    if (m_createKey.isEmpty())
        m_createKey = QUuid::createUuid().toString(QUuid::WithoutBraces);
    setMessage(tr("Creating the application of the kind \"%1\" on the platform…").arg(enumDisplayName(app.kind)), false);
    m_call = m_context.client().createApplication(app.toJson(), m_createKey);
    connect(m_call, &PlatformCall::finished, this, &RegisterCaDialog::onCreated);
}

void RegisterCaDialog::onCreated()
{
    PlatformCall *call = m_call;
    if (!call)
        return;
    call->deleteLater();
    m_call = nullptr;
    if (!call->ok()) {
        m_busy = false;
        qCWarning(lcUi) << "creating the existing-CA application failed:" << call->error().detail;
        setMessage(tr("The application could not be created, so the certificate was not registered: %1")
                       .arg(call->error().userMessage),
                   true);
        updateState();
        return;
    }
    m_createKey.clear();
    const Application created = Application::fromJson(call->json()).value;
    m_targetId = created.id;
    m_applications.append(created);
    m_preferredId = created.id;
    fillApplications();
    m_context.notifyApplicationsChanged(created.id);
    sendCertificate(created.id);
}

void RegisterCaDialog::sendCertificate(const QString &applicationId)
{
    const auto cert = currentCertificate();
    if (!cert) {
        m_busy = false;
        updateState();
        return;
    }
    setMessage(tr("Sending the certificate to the platform for application %1…").arg(applicationId), false);
    m_call = m_context.client().registerCertificate(applicationId, certificatePem(cert->der), m_token.serial);
    connect(m_call, &PlatformCall::finished, this, &RegisterCaDialog::onRegistered);
}

void RegisterCaDialog::onRegistered()
{
    PlatformCall *call = m_call;
    if (!call)
        return;
    call->deleteLater();
    m_call = nullptr;
    m_busy = false;
    if (!call->ok()) {
        const PlatformError &e = call->error();
        qCWarning(lcUi) << "registering the certificate with" << m_targetId << "was refused:" << e.detail;
        setMessage(refusalMessage(e, m_context.account().organization), true);
        updateState();
        return;
    }
    m_succeeded = true;
    m_registeredId = m_targetId;
    const auto cert = currentCertificate();
    setMessage(tr("The certificate was registered with application %1. Open the application to add its scans and "
                  "submit it for review.")
                   .arg(m_registeredId),
               false);
    updateState();
    m_ui->openApplicationButton->setDefault(true);
    m_ui->openApplicationButton->setFocus();
    m_context.notifyApplicationsChanged(m_registeredId);
    Q_EMIT registered(m_registeredId, cert ? cert->serialHex : QString());
}

QString RegisterCaDialog::refusalMessage(const PlatformError &error, const Organization &organization)
{
    const QString code = error.serverCode;
    if (code == QLatin1String("certificate_untrusted"))
        return tr("The platform does not trust the certificate authority that issued this certificate, so it was not "
                  "registered. Register a certificate from a certificate authority the platform accepts, or apply for a "
                  "new certificate.");
    if (code == QLatin1String("certificate_expired"))
        return tr("The certificate on the key has expired or is not valid yet, so it was not registered. Apply for a "
                  "renewal or a new certificate instead.");
    if (code == QLatin1String("subject_mismatch"))
        return tr("The certificate names another unit, not %1 (%2), so it was not registered. Insert the USB key of "
                  "your own unit.")
            .arg(organization.name, organization.uscc);
    if (code == QLatin1String("certificate_invalid"))
        return tr("The platform could not read the certificate from the key, so it was not registered. Read the key "
                  "again; if this keeps happening, the certificate on the key is damaged.");
    if (code == QLatin1String("invalid_state"))
        return tr("This application can no longer take a certificate: only an existing-CA application that is being "
                  "edited or processed can. Choose another application or a new one.");
    return error.userMessage;
}

} // namespace ca::ui
