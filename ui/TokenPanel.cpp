#include "ui/TokenPanel.h"

#include "ui_TokenPanel.h"

#include "pkcs11/PinStates.h"
#include "pkcs11/TokenCommand.h"
#include "pkcs11/TokenService.h"
#include "ui/ClientContext.h"
#include "ui/token/PinChangeDialog.h"
#include "ui/token/PinResetDialog.h"
#include "ui/token/RegisterCaDialog.h"
#include "ui/token/RenewalDialog.h"

#include <QComboBox>
#include <QHeaderView>
#include <QLocale>
#include <QStackedWidget>
#include <QTableWidget>
#include <QTimer>

#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <algorithm>

namespace ca::ui {

using p11::PinState;
using p11::TokenContents;
using p11::TokenResult;

namespace {
enum Column { ColUnit, ColHolder, ColUscc, ColIssuer, ColFrom, ColUntil, ColDays, ColumnCount };

bool sameUnit(const p11::CertificateInfo &a, const p11::CertificateInfo &b)
{
    if (!a.uscc.isEmpty() && !b.uscc.isEmpty())
        return a.uscc == b.uscc;
    return a.organization == b.organization;
}
} // namespace

bool TokenPanel::isEndEntity(const p11::CertificateInfo &certificate)
{
    if (certificate.keyUsage & p11::KuKeyCertSign)
        return false;
    const unsigned char *p = reinterpret_cast<const unsigned char *>(certificate.der.constData());
    X509 *x = d2i_X509(nullptr, &p, long(certificate.der.size()));
    if (!x)
        return true;  // unreadable DER: judged by the key usage alone
    const bool ca = X509_check_ca(x) != 0;
    X509_free(x);
    return !ca;
}

bool TokenPanel::isOwnCertificate(const p11::CertificateInfo &certificate)
{
    return certificate.hasPrivateKey && isEndEntity(certificate);
}

QList<p11::CertificateInfo> TokenPanel::currentCertificates(const TokenContents &contents)
{
    QList<p11::CertificateInfo> own;
    for (const auto &cert : contents.certificates)
        if (isOwnCertificate(cert))
            own << cert;
    QList<p11::CertificateInfo> current;
    for (const auto &cert : std::as_const(own)) {
        const bool superseded = std::any_of(own.cbegin(), own.cend(), [&](const p11::CertificateInfo &other) {
            return other.serialHex != cert.serialHex && !other.isExpired() && other.notAfter > cert.notAfter
                && sameUnit(other, cert);
        });
        if (!superseded)
            current << cert;
    }
    std::stable_sort(current.begin(), current.end(),
                     [](const p11::CertificateInfo &a, const p11::CertificateInfo &b) { return a.daysLeft < b.daysLeft; });
    return current;
}

TokenPanel::TokenPanel(ClientContext &context, QWidget *parent)
    : QWidget(parent), m_context(context), m_ui(std::make_unique<Ui::TokenPanel>())
{
    m_ui->setupUi(this);
    m_ui->certificatesTable->setColumnCount(ColumnCount);
    m_ui->certificatesTable->setHorizontalHeaderLabels(
        {tr("Unit"), tr("Holder"), tr("Unified social credit code"), tr("Issuer"), tr("Valid from"), tr("Valid until"),
         tr("Days left")});
    m_ui->certificatesTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    // the unit name takes the room left; the other columns are as wide as their contents
    m_ui->certificatesTable->horizontalHeader()->setSectionResizeMode(ColUnit, QHeaderView::Stretch);
    m_ui->certificatesTable->horizontalHeader()->setStretchLastSection(false);
    m_ui->certificatesTable->verticalHeader()->hide();
    QFont titleFont = m_ui->noKeyTitleLabel->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    m_ui->noKeyTitleLabel->setFont(titleFont);
    m_ui->noKeyStepsLabel->setText(
        tr("<ol><li>Insert the USB key (CA certificate key) into a USB port of this computer and wait a few seconds.</li>"
           "<li>Check that the driver of the key is installed: it comes from the certificate centre or the maker of the key.</li>"
           "<li>Check the driver path under Settings: it must name the PKCS#11 module of your key.</li>"
           "<li>Try another USB port, and avoid USB hubs without their own power supply.</li></ol>"));

    connect(m_ui->tokenCombo, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (index >= 0)
            showToken(m_ui->tokenCombo->itemData(index).toString());
    });
    connect(m_ui->refreshButton, &QPushButton::clicked, this, &TokenPanel::rescan);
    connect(m_ui->checkAgainButton, &QPushButton::clicked, this, &TokenPanel::rescan);
    connect(m_ui->renewButton, &QPushButton::clicked, this, [this] {
        const auto t = currentToken();
        if (!t)
            return;
        // the certificate that expires first among the unit's own current ones (never a CA certificate)
        const QList<p11::CertificateInfo> current = currentCertificates(*t);
        if (current.isEmpty())
            return;
        Q_EMIT renewRequested(t->token.identity(), current.first().serialHex);
    });
    connect(m_ui->changePinButton, &QPushButton::clicked, this, [this] {
        Q_EMIT changePinRequested(currentSerial());
        openPinChange();
    });
    connect(m_ui->resetPinButton, &QPushButton::clicked, this, [this] {
        Q_EMIT resetPinRequested(currentSerial());
        openPinReset();
    });
    connect(m_ui->registerCaButton, &QPushButton::clicked, this,
            [this] {
                Q_EMIT registerExistingRequested(currentSerial());
                openRegisterExisting();
            });
    connect(&m_context, &ClientContext::tokenServiceChanged, this, &TokenPanel::attachService);
    // While no key is shown, look again every few seconds as well: some drivers
    // report insertions late or not at all.
    m_noKeyTimer = new QTimer(this);
    m_noKeyTimer->setInterval(NoKeyPollMs);
    connect(m_noKeyTimer, &QTimer::timeout, this, &TokenPanel::rescan);

    attachService();
}

TokenPanel::~TokenPanel() = default;

void TokenPanel::attachService()
{
    if (m_service)
        disconnect(m_service, nullptr, this, nullptr);
    m_service = m_context.tokenService();
    ++m_generation;
    m_tokens.clear();
    if (!m_service) {
        m_moduleError = p11::Error::make(p11::ErrorKind::NoModule, QStringLiteral("no token service"));
        updateView();
        return;
    }
    connect(m_service, &p11::TokenService::tokenInserted, this, [this](const p11::TokenInfo &) { rescan(); });
    connect(m_service, &p11::TokenService::tokenRemoved, this, &TokenPanel::onRemoved);
    connect(m_service, &p11::TokenService::moduleError, this, [this](const p11::Error &error) {
        m_moduleError = error;
        if (m_tokens.isEmpty())
            updateView();
    });
    m_service->startWatching();
    rescan();
}

void TokenPanel::rescan()
{
    if (!m_service) {
        updateView();
        return;
    }
    if (m_listing || m_pending > 0) {
        // one scan at a time; the newest request runs after the current one
        m_rescanQueued = true;
        return;
    }
    const quint64 generation = ++m_generation;
    m_listing = true;
    m_ui->statusLabel->setText(tr("Reading the USB keys…"));
    p11::TokenCommand *cmd = m_service->listTokens();
    connect(cmd, &p11::TokenCommand::finished, this,
            [this, generation](const TokenResult &r) { onListed(generation, r); });
    cmd->start();
}

void TokenPanel::onListed(quint64 generation, const TokenResult &result)
{
    m_listing = false;
    if (generation != m_generation)
        return;
    m_usedModule = result.modulePath;
    m_incoming.clear();
    if (!result.ok()) {
        m_moduleError = result.error;
        m_tokens.clear();
        ++m_scanCount;
        updateView();
        Q_EMIT scanned();
        return;
    }
    m_moduleError.reset();
    if (result.tokens.isEmpty() || !m_service) {
        m_tokens.clear();
        ++m_scanCount;
        updateView();
        Q_EMIT scanned();
        return;
    }
    m_pending = int(result.tokens.size());
    for (const p11::TokenInfo &t : result.tokens) {
        p11::TokenCommand *cmd = m_service->readToken(t.ref());
        connect(cmd, &p11::TokenCommand::finished, this,
                [this, generation](const TokenResult &r) { onRead(generation, r); });
        cmd->start();
    }
}

void TokenPanel::onRead(quint64 generation, const TokenResult &result)
{
    if (generation != m_generation)
        return;
    if (result.ok())
        m_incoming.append(result.contents);
    // a key that could not be read (pulled out meanwhile) is left out; the next scan shows it again
    if (--m_pending > 0)
        return;
    std::sort(m_incoming.begin(), m_incoming.end(), [](const TokenContents &a, const TokenContents &b) {
        return a.token.identity() < b.token.identity();
    });
    m_tokens = m_incoming;
    m_incoming.clear();
    ++m_scanCount;
    updateView();
    Q_EMIT scanned();
}

void TokenPanel::onRemoved(const p11::TokenInfo &token)
{
    // the key disappears at once; the rescan confirms
    const QString id = token.identity();
    const auto before = m_tokens.size();
    m_tokens.erase(std::remove_if(m_tokens.begin(), m_tokens.end(),
                                  [&](const TokenContents &c) { return c.token.identity() == id; }),
                   m_tokens.end());
    if (m_tokens.size() != before)
        updateView();
    rescan();
}

QString TokenPanel::unitName(const TokenContents &contents)
{
    QList<p11::CertificateInfo> current = currentCertificates(contents);
    // the newest own certificate names the unit (after a change it carries the new name)
    std::stable_sort(current.begin(), current.end(),
                     [](const p11::CertificateInfo &a, const p11::CertificateInfo &b) { return a.notAfter > b.notAfter; });
    for (const auto &cert : std::as_const(current))
        if (!cert.organization.isEmpty())
            return cert.organization;
    for (const auto &cert : contents.certificates)
        if (!cert.organization.isEmpty() && isEndEntity(cert))
            return cert.organization;
    return contents.token.label;
}

QString TokenPanel::currentSerial() const
{
    if (m_tokens.isEmpty() || m_ui->tokenCombo->currentIndex() < 0)
        return QString();
    return m_ui->tokenCombo->currentData().toString();
}

std::optional<TokenContents> TokenPanel::currentToken() const
{
    const QString id = currentSerial();
    for (const auto &c : m_tokens) {
        if (c.token.identity() == id)
            return c;
    }
    return std::nullopt;
}

bool TokenPanel::selectToken(const QString &serial)
{
    const int index = m_ui->tokenCombo->findData(serial);
    if (index < 0)
        return false;
    m_ui->tokenCombo->setCurrentIndex(index);
    showToken(serial);
    return true;
}

PinChangeDialog *TokenPanel::openPinChange()
{
    const auto t = currentToken();
    if (!t || !m_service)
        return nullptr;
    auto *dialog = new PinChangeDialog(*m_service, t->token, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &PinChangeDialog::pinChanged, this, &TokenPanel::rescan);
    connect(dialog, &QDialog::finished, this, &TokenPanel::rescan);
    dialog->open();
    return dialog;
}

PinResetDialog *TokenPanel::openPinReset()
{
    const auto t = currentToken();
    if (!t || !m_service)
        return nullptr;
    auto *dialog = new PinResetDialog(m_context.client(), *m_service, t->token, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &PinResetDialog::pinReset, this, &TokenPanel::rescan);
    dialog->open();
    return dialog;
}

RegisterCaDialog *TokenPanel::openRegisterExisting()
{
    const auto t = currentToken();
    if (!t || !m_service)
        return nullptr;
    auto *dialog = new RegisterCaDialog(m_context, *m_service, t->token, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &RegisterCaDialog::openApplicationRequested, this, &TokenPanel::openApplicationRequested);
    dialog->open();
    return dialog;
}

RenewalDialog *TokenPanel::openRenewal(const QString &applicationId, const QString &serial)
{
    if (!m_service)
        return nullptr;
    const QString keySerial = serial.isEmpty() ? currentSerial() : serial;
    p11::TokenRef ref;
    if (!keySerial.isEmpty()) {
        // the identity of a key without a serial is not a serial: name it by what it has
        bool found = false;
        for (const auto &c : std::as_const(m_tokens)) {
            if (c.token.identity() == keySerial) {
                ref = c.token.ref();
                found = true;
            }
        }
        if (!found)
            ref.serial = keySerial;
    }
    auto *dialog = new RenewalDialog(m_context, *m_service, applicationId, ref, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &RenewalDialog::renewed, this, &TokenPanel::rescan);
    connect(dialog, &QDialog::finished, this, &TokenPanel::rescan);
    connect(dialog, &RenewalDialog::resetPinRequested, this, [this, dialog](const QString &tokenSerial) {
        if (!tokenSerial.isEmpty())
            selectToken(tokenSerial);
        if (PinResetDialog *reset = openPinReset())
            connect(reset, &PinResetDialog::pinReset, dialog, &RenewalDialog::prepareAgain);
    });
    dialog->open();
    return dialog;
}

void TokenPanel::updateView()
{
    if (m_rescanQueued && !m_listing && m_pending == 0) {
        m_rescanQueued = false;
        QTimer::singleShot(0, this, &TokenPanel::rescan);
    }
    m_ui->statusLabel->clear();
    if (m_tokens.isEmpty()) {
        showNoKey();
        if (m_service && !m_noKeyTimer->isActive())
            m_noKeyTimer->start();
        return;
    }
    m_noKeyTimer->stop();
    const QString keep = m_ui->tokenCombo->currentData().toString();
    {
        const QSignalBlocker block(m_ui->tokenCombo);
        m_ui->tokenCombo->clear();
        for (const auto &c : m_tokens) {
            //: the key picker: unit name and serial number of the USB key
            m_ui->tokenCombo->addItem(tr("%1 (serial %2)").arg(unitName(c), c.token.serial), c.token.identity());
        }
        const int index = m_ui->tokenCombo->findData(keep);
        m_ui->tokenCombo->setCurrentIndex(index >= 0 ? index : 0);
    }
    m_ui->tokenCombo->setEnabled(m_tokens.size() > 1);
    m_ui->pages->setCurrentWidget(m_ui->keysPage);
    showToken(m_ui->tokenCombo->currentData().toString());
}

void TokenPanel::showNoKey()
{
    m_ui->pages->setCurrentWidget(m_ui->noKeyPage);
    m_ui->tokenCombo->clear();
    QString configured = m_service ? m_service->modulePath() : QString();
    QString path;
    if (!configured.isEmpty() && !m_usedModule.isEmpty() && m_usedModule != configured)
        path = tr("%1 could not be used; the driver %2 was found automatically instead.").arg(configured, m_usedModule);
    else if (!configured.isEmpty())
        path = configured;
    else if (!m_usedModule.isEmpty())
        path = tr("%1 (found automatically; no driver is configured)").arg(m_usedModule);
    else
        path = tr("None configured; the usual drivers of USB keys are tried automatically.");
    m_ui->modulePathLabel->setText(path);
    if (!m_service) {
        m_ui->noKeyTitleLabel->setText(tr("The USB key service is not available."));
        m_ui->moduleReportLabel->setText(tr("The key service was not started. Restart the program."));
    } else if (m_moduleError) {
        m_ui->noKeyTitleLabel->setText(tr("The driver of the USB key could not be used."));
        m_ui->moduleReportLabel->setText(
            tr("%1 (technical detail: %2)").arg(m_moduleError->userMessage(), m_moduleError->logText()));
    } else {
        m_ui->noKeyTitleLabel->setText(tr("No USB key was found."));
        m_ui->moduleReportLabel->setText(tr("The driver loaded and reported no key. Insert the key; it appears here by itself."));
    }
}

QString TokenPanel::pinStateText(PinState state) const
{
    switch (state) {
    case PinState::Ok:
        return tr("OK");
    case PinState::Uninitialised:
        return tr("Not set");
    case PinState::Locked:
        return tr("Locked");
    case PinState::FinalTry:
        return tr("One try left");
    case PinState::CountLow:
        return tr("Wrong PIN entered before");
    case PinState::MustChange:
        return tr("Must be changed");
    }
    return QString();
}

void TokenPanel::showToken(const QString &serial)
{
    const TokenContents *c = nullptr;
    for (const auto &t : m_tokens) {
        if (t.token.identity() == serial)
            c = &t;
    }
    auto *table = m_ui->certificatesTable;
    table->setRowCount(0);
    if (!c) {
        m_ui->labelValue->clear();
        m_ui->serialValue->clear();
        m_ui->makerValue->clear();
        m_ui->pinStateValue->clear();
        m_ui->expiryLabel->hide();
        return;
    }
    const p11::TokenInfo &info = c->token;
    m_ui->labelValue->setText(info.label);
    m_ui->serialValue->setText(info.serial);
    m_ui->makerValue->setText(info.model.isEmpty() ? info.manufacturer
                                                   : tr("%1, model %2").arg(info.manufacturer, info.model));
    const QString warning = p11::PinStates::warning(info.pinState);
    m_ui->pinStateValue->setText(warning.isEmpty() ? pinStateText(info.pinState)
                                                   : tr("%1. %2").arg(pinStateText(info.pinState), warning));
    m_ui->pinStateValue->setProperty("pinState", p11::PinStates::code(info.pinState));
    m_ui->pinStateValue->setStyleSheet(info.pinState == PinState::Locked || info.pinState == PinState::FinalTry
                                           ? QStringLiteral("color: #b3261e;")
                                           : QString());

    const QLocale locale;
    for (const auto &cert : c->certificates) {
        const int row = table->rowCount();
        table->insertRow(row);
        auto set = [&](int col, const QString &text) {
            auto *item = new QTableWidgetItem(text);
            item->setToolTip(text);
            table->setItem(row, col, item);
        };
        set(ColUnit, cert.organization);
        set(ColHolder, cert.commonName);
        set(ColUscc, cert.uscc);
        set(ColIssuer, cert.issuerCommonName.isEmpty() ? cert.issuer : cert.issuerCommonName);
        set(ColFrom, cert.notBefore.toLocalTime().toString(QStringLiteral("yyyy-MM-dd")));
        set(ColUntil, cert.notAfter.toLocalTime().toString(QStringLiteral("yyyy-MM-dd")));
        set(ColDays, cert.isExpired() ? tr("Expired") : locale.toString(cert.daysLeft));
        table->item(row, ColDays)->setData(Qt::UserRole, cert.daysLeft);
        table->item(row, ColDays)->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    }

    // only the unit's own current certificates warn (not CA certificates, not ones without their key on
    // this key, not one kept after a change with a new key)
    const QList<p11::CertificateInfo> current = currentCertificates(*c);
    const bool anyCert = !current.isEmpty();
    const int days = anyCert ? current.first().daysLeft : 0;
    const bool anyEndEntity = std::any_of(c->certificates.cbegin(), c->certificates.cend(),
                                          [](const p11::CertificateInfo &cert) { return isEndEntity(cert); });
    QString level;
    if (!anyCert && anyEndEntity) {
        m_ui->expiryLabel->setText(tr("No certificate on this key has its key pair on the key, so it cannot be "
                                      "renewed here. Apply for a new certificate, or insert the key that holds the key "
                                      "pair."));
        level = QStringLiteral("nokey");
    } else if (!anyCert) {
        m_ui->expiryLabel->setText(tr("There is no certificate on this key. Apply for a certificate, "
                                      "or register a certificate you already have once it is on the key."));
        level = QStringLiteral("none");
    } else if (days < 0) {
        m_ui->expiryLabel->setText(tr("The certificate on this key has expired. Click Renew to apply for a renewal; "
                                      "the key and its PIN stay the same."));
        level = QStringLiteral("expired");
    } else if (days <= WarnDays) {
        m_ui->expiryLabel->setText(tr("The certificate on this key expires in %n day(s). Renew it now so that you can "
                                      "still sign bids: click Renew.", nullptr, days));
        level = QStringLiteral("warning");
    } else if (days <= HintDays) {
        m_ui->expiryLabel->setText(tr("The certificate on this key expires in %n day(s). You can renew it from now on.",
                                      nullptr, days));
        level = QStringLiteral("hint");
    }
    m_ui->expiryLabel->setProperty("level", level);
    m_ui->expiryLabel->setVisible(!level.isEmpty());
    m_ui->expiryLabel->setStyleSheet(level == QLatin1String("warning") || level == QLatin1String("expired")
                                         ? QStringLiteral("color: #b3261e; font-weight: bold;")
                                         : QString());

    m_ui->renewButton->setEnabled(anyCert);
    m_ui->renewButton->setToolTip(anyCert ? QString()
                                          : tr("There is no certificate of your unit with its key pair on this key to "
                                               "renew."));
    m_ui->renewButton->setDefault(anyCert && days <= HintDays && info.pinState != PinState::Locked);
    m_ui->registerCaButton->setEnabled(anyEndEntity);
    const bool pinUsable = p11::PinStates::canAskForPin(info.pinState);
    m_ui->changePinButton->setEnabled(pinUsable);
    m_ui->changePinButton->setToolTip(pinUsable ? QString()
                                                : tr("The PIN cannot be changed while it is locked; reset the PIN first."));
    m_ui->resetPinButton->setDefault(info.pinState == PinState::Locked);
}

} // namespace ca::ui
