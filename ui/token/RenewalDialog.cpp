#include "ui/token/RenewalDialog.h"

#include "ui_RenewalDialog.h"

#include "core/model/Enums.h"
#include "core/platform/PlatformClient.h"
#include "pkcs11/PinStates.h"
#include "pkcs11/SecureBuffer.h"
#include "pkcs11/TokenCommand.h"
#include "pkcs11/TokenService.h"
#include "ui/ClientContext.h"
#include "ui/Log.h"

#include <QCheckBox>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QStackedWidget>
#include <QStyle>

#include <algorithm>

namespace ca::ui {

using keyops::RenewalJob;
using Step = keyops::RenewalJob::Step;

namespace {

QString dateText(const QDateTime &time)
{
    return time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd"));
}

const char *const kError = "color: #b3261e;";
const char *const kOk = "color: #1b6e20;";

} // namespace

RenewalDialog::RenewalDialog(ClientContext &context, p11::TokenService &service, const QString &applicationId,
                             const p11::TokenRef &token, QWidget *parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::RenewalDialog>()), m_context(context), m_service(&service),
      m_applicationId(applicationId), m_token(token)
{
    m_ui->setupUi(this);
    m_ui->explainLabel->setText(
        tr("Renewal re-certifies the key you already have: a certificate request is made on the key with its current "
           "key pair, the platform issues the new certificate, and it is written to the key next to the old one. The "
           "old certificate is removed only after the new one has been checked on the key. The key pair stays, so bid "
           "files encrypted to the old certificate can still be opened."));
    m_ui->newKeyWarningLabel->setText(
        tr("A new key pair will be made on the key. Bid files that were encrypted to the old certificate cannot be "
           "opened with the new key: open or decrypt every pending bid file before you continue. The old key pair is "
           "kept on the key."));
    m_ui->newKeyWarningLabel->setStyleSheet(QStringLiteral("color: #b3261e; font-weight: bold;"));
    m_ui->lockedLabel->setStyleSheet(QLatin1String(kError));
    m_ui->stepProgress->setRange(0, 0);
    const int icon = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_ui->stepsList->setIconSize(QSize(icon, icon));
    m_ui->retryButton->hide();
    m_ui->retryPinStateLabel->hide();
    m_ui->retryLockedLabel->hide();
    m_ui->retryLockedLabel->setStyleSheet(QLatin1String(kError));
    m_ui->retryResetPinButton->hide();
    // its own width even when the sentence beside it is not shown (the job's sentence says it)
    m_ui->retryLockedRow->setAlignment(m_ui->retryResetPinButton, Qt::AlignLeft);

    connect(m_ui->startButton, &QPushButton::clicked, this, &RenewalDialog::start);
    connect(m_ui->retryButton, &QPushButton::clicked, this, &RenewalDialog::retry);
    connect(m_ui->closeButton, &QPushButton::clicked, this, &RenewalDialog::reject);
    connect(m_ui->newKeyAckCheck, &QCheckBox::toggled, this, &RenewalDialog::updateButtons);
    connect(m_ui->pinEdit, &QLineEdit::textChanged, this, &RenewalDialog::updateButtons);
    connect(m_ui->retryPinEdit, &QLineEdit::textChanged, this, &RenewalDialog::updateButtons);
    connect(m_ui->newKeyCheck, &QCheckBox::toggled, this, [this] {
        m_ui->newKeyAckCheck->setChecked(false);
        prepare();
    });
    connect(m_ui->resetPinButton, &QPushButton::clicked, this, [this] {
        Q_EMIT resetPinRequested(m_plan.token.serial.isEmpty() ? m_token.serial : m_plan.token.serial);
    });
    connect(m_ui->retryResetPinButton, &QPushButton::clicked, this, [this] {
        Q_EMIT resetPinRequested(m_plan.token.serial.isEmpty() ? m_token.serial : m_plan.token.serial);
    });
    // A key inserted or pulled out while the Retry page shows: read the keys again (PIN state, which key is in).
    connect(&service, &p11::TokenService::tokenInserted, this, [this] {
        if (m_phase == Phase::Failed)
            checkKeyForRetry();
    });
    connect(&service, &p11::TokenService::tokenRemoved, this, [this] {
        if (m_phase == Phase::Failed)
            checkKeyForRetry();
    });
    prepare();
}

RenewalDialog::~RenewalDialog()
{
    if (m_job) {
        disconnect(m_job, nullptr, this, nullptr);
        m_job->cancel();
    }
    m_ui->pinEdit->clear();
    m_ui->retryPinEdit->clear();
}

QString RenewalDialog::message() const
{
    if (m_ui->pages->currentWidget() == m_ui->progressPage && !m_ui->resultLabel->text().isEmpty())
        return m_ui->resultLabel->text();
    return m_ui->messageLabel->text();
}

void RenewalDialog::setMessage(const QString &text, bool error)
{
    m_ui->messageLabel->setText(text);
    m_ui->messageLabel->setProperty("error", error);
    m_ui->messageLabel->setStyleSheet(error ? QLatin1String(kError) : QString());
    m_ui->messageLabel->setVisible(!text.isEmpty());
}

bool RenewalDialog::pinPad() const
{
    return m_plan.token.protectedAuthPath;
}

p11::SecureBuffer RenewalDialog::takePin(QLineEdit *edit)
{
    QString text = edit->text();
    edit->clear();
    return p11::SecureBuffer::takeString(text);
}

// ---- preparing ----

void RenewalDialog::prepareAgain()
{
    if (m_phase == Phase::Running || m_phase == Phase::Succeeded)
        return;
    prepare();
}

void RenewalDialog::prepare()
{
    if (m_job) {
        disconnect(m_job, nullptr, this, nullptr);
        m_job->cancel();
        m_job->deleteLater();
    }
    m_phase = Phase::Preparing;
    m_outcome.reset();
    ++m_checkGeneration;
    m_checkingKey = false;
    m_retryPinState.reset();
    m_otherKeySerial.clear();
    m_ui->retryPinStateLabel->hide();
    m_ui->retryLockedLabel->hide();
    m_ui->retryResetPinButton->hide();
    m_ui->pages->setCurrentWidget(m_ui->explainPage);
    m_ui->summaryLabel->setText(tr("Application %1: reading the application and the USB key…").arg(m_applicationId));
    setMessage(tr("Reading the application from the platform and the certificate from the USB key…"), false);
    m_ui->detailsGroup->setEnabled(false);
    m_ui->newKeyWarningLabel->hide();
    m_ui->newKeyAckCheck->hide();
    m_ui->lockedLabel->hide();
    m_ui->resetPinButton->hide();
    updateButtons();
    if (!m_service) {
        m_phase = Phase::PrepareFailed;
        setMessage(tr("The USB key service is not available. Restart the program and try again."), true);
        updateButtons();
        return;
    }
    m_job = new RenewalJob(m_context.client(), *m_service, this);
    connect(m_job, &RenewalJob::prepared, this, &RenewalDialog::onPrepared);
    connect(m_job, &RenewalJob::stepChanged, this, &RenewalDialog::onStepChanged);
    connect(m_job, &RenewalJob::finished, this, &RenewalDialog::onFinished);
    RenewalJob::Options options;
    options.applicationId = m_applicationId;
    options.token = m_token;
    options.newKey = m_ui->newKeyCheck->isChecked();
    m_job->prepare(options);
}

void RenewalDialog::onPrepared(const keyops::RenewalPlan &plan)
{
    m_plan = plan;
    m_phase = Phase::Ready;
    const QString kindName = plan.kind == QLatin1String("change") ? enumDisplayName(ApplicationKind::Change)
                                                                   : enumDisplayName(ApplicationKind::Renewal);
    if (plan.installOnly)
        m_ui->summaryLabel->setText(tr("The platform has already issued the certificate of application %1. It is now "
                                       "written to the USB key and checked there.")
                                        .arg(plan.applicationId));
    else if (plan.kind == QLatin1String("change"))
        m_ui->summaryLabel->setText(tr("Application %1 (%2) is approved. The certificate with the changed unit data is "
                                       "now requested on the USB key, issued by the platform and written to the key.")
                                        .arg(plan.applicationId, kindName));
    else
        m_ui->summaryLabel->setText(tr("Application %1 (%2) is approved. The certificate on the USB key is now renewed: "
                                       "requested on the key, issued by the platform and written to the key.")
                                        .arg(plan.applicationId, kindName));
    m_ui->detailsGroup->setEnabled(true);
    m_ui->applicationValue->setText(tr("%1 (%2)").arg(plan.applicationId, kindName));
    m_ui->keyValue->setText(tr("%1, serial number %2").arg(plan.token.label, plan.token.serial));
    const p11::CertificateInfo &old = plan.oldCertificate;
    if (old.der.isEmpty())
        m_ui->oldCertificateValue->setText(tr("None on the key"));
    else
        m_ui->oldCertificateValue->setText(
            tr("%1, serial number %2, valid until %3 (%n day(s) left)", nullptr, old.daysLeft)
                .arg(old.commonName.isEmpty() ? old.organization : old.commonName, old.serialHex, dateText(old.notAfter)));
    m_ui->newSubjectValue->setText(plan.uscc.isEmpty() ? plan.organizationName
                                                       : tr("%1 (%2)").arg(plan.organizationName, plan.uscc));
    m_ui->explainLabel->setVisible(!plan.newKey);
    m_ui->newKeyWarningLabel->setVisible(plan.newKey);
    m_ui->newKeyAckCheck->setVisible(plan.newKey);
    // A new key pair only for a change (信息变更): a renewal re-certifies the key on record, and the platform
    // refuses a renewal request made with another key.
    m_ui->newKeyCheck->setVisible(!plan.installOnly && plan.kind == QLatin1String("change"));
    // plan.warnings (new key, install only, PIN state, PIN pad) are each shown in place: the new-key warning
    // with its acknowledgement, the summary, and the PIN group.
    setMessage(QString(), false);
    showPinState();
    updateButtons();
    if (m_ui->pinEdit->isVisible() && m_ui->pinEdit->isEnabled())
        m_ui->pinEdit->setFocus();
}

void RenewalDialog::showPinState()
{
    const p11::PinState state = m_plan.token.pinState;
    const bool locked = state == p11::PinState::Locked;
    const bool usable = p11::PinStates::canAskForPin(state);
    m_ui->pinStateLabel->setProperty("pinState", p11::PinStates::code(state));
    QString text;
    if (pinPad() && m_plan.installOnly)
        text = tr("This key has a PIN pad: when the key asks for it, type the PIN on the reader. Nothing is typed here.");
    else if (pinPad())
        text = tr("This key has a PIN pad: when the key asks for it, type the PIN on the reader. Nothing is typed here. "
                  "The reader may ask twice: once when the certificate request is made on the key and once when the new "
                  "certificate is written to it.");
    else if (!locked)
        text = p11::PinStates::warning(state);
    if (text.isEmpty() && usable && !pinPad())
        text = m_plan.token.minPinLength > 0
                   ? tr("Type the PIN of the USB key (at least %n character(s)); it is used for this renewal only and "
                        "not kept.", nullptr, int(m_plan.token.minPinLength))
                   : tr("Type the PIN of the USB key; it is used for this renewal only and not kept.");
    m_ui->pinStateLabel->setText(text);
    m_ui->pinStateLabel->setStyleSheet(state == p11::PinState::FinalTry || state == p11::PinState::CountLow
                                           ? QLatin1String(kError)
                                           : QString());
    m_ui->pinStateLabel->setVisible(!text.isEmpty());
    // no PIN field where none can be typed: on a PIN pad, or while the PIN is locked
    m_ui->pinCaption->setVisible(!pinPad() && usable);
    m_ui->pinEdit->setVisible(!pinPad() && usable);
    m_ui->pinEdit->setEnabled(usable);
    m_ui->lockedLabel->setVisible(locked);
    m_ui->resetPinButton->setVisible(locked);
    if (locked) {
        m_ui->lockedLabel->setText(tr("The PIN of this key is locked after too many wrong tries, so nothing can be "
                                      "written to it. Reset the PIN (密码重置 / 解锁) first; then write the certificate."));
        m_ui->resetPinButton->setDefault(true);
    } else if (!usable) {
        m_ui->lockedLabel->setText(tr("This key has no PIN set yet. Ask the certificate centre to initialise the key."));
        m_ui->lockedLabel->show();
    }
}

void RenewalDialog::updateButtons()
{
    const bool ready = m_phase == Phase::Ready;
    const bool pinOk = pinPad() || !m_ui->pinEdit->text().isEmpty();
    const bool ackOk = !m_plan.newKey || m_ui->newKeyAckCheck->isChecked();
    const bool usable = p11::PinStates::canAskForPin(m_plan.token.pinState) || pinPad();
    m_ui->startButton->setVisible(m_phase == Phase::Preparing || ready || m_phase == Phase::PrepareFailed);
    m_ui->startButton->setEnabled(ready && pinOk && ackOk && usable);
    if (ready && m_plan.newKey && !ackOk)
        m_ui->startButton->setToolTip(tr("Tick that you understand that old bid files cannot be opened with the new key."));
    else if (ready && !usable)
        m_ui->startButton->setToolTip(tr("The PIN is locked; reset the PIN first."));
    else if (ready && !pinOk)
        m_ui->startButton->setToolTip(tr("Type the PIN of the USB key first."));
    else
        m_ui->startButton->setToolTip(QString());
    m_ui->startButton->setDefault(m_ui->startButton->isEnabled());
    m_ui->newKeyCheck->setEnabled(ready || m_phase == Phase::PrepareFailed);
    m_ui->newKeyAckCheck->setEnabled(ready);

    const bool failed = m_phase == Phase::Failed;
    const bool canRetry = failed && m_outcome && m_outcome->canRetry && !retryLocked();
    const bool retryPrepare = m_phase == Phase::PrepareFailed && m_outcome && m_outcome->canRetry;
    m_ui->retryButton->setVisible(canRetry || retryPrepare);
    m_ui->retryButton->setEnabled(retryPrepare || (canRetry && (pinPad() || !m_ui->retryPinEdit->text().isEmpty())));
    m_ui->retryButton->setDefault(m_ui->retryButton->isEnabled());
    m_ui->retryPinCaption->setVisible(canRetry && !pinPad());
    m_ui->retryPinEdit->setVisible(canRetry && !pinPad());
    m_ui->closeButton->setEnabled(m_phase != Phase::Running);
    m_ui->closeButton->setDefault(m_phase == Phase::Succeeded);
    m_ui->stepProgress->setVisible(m_phase == Phase::Running);
}

// ---- running ----

void RenewalDialog::buildSteps()
{
    m_ui->stepsList->clear();
    m_steps.clear();
    QList<Step> steps;
    if (!m_plan.installOnly)
        steps << Step::Csr << Step::Submit;
    steps << Step::Install << Step::Verify;
    // every row as tall as one with an icon and bold text: the list never scrolls and never jumps
    QFont bold = m_ui->stepsList->font();
    bold.setBold(true);
    const int rowHeight = std::max(QFontMetrics(bold).height(), m_ui->stepsList->iconSize().height()) + 6;
    for (Step s : std::as_const(steps)) {
        auto *item = new QListWidgetItem(RenewalJob::stepText(s), m_ui->stepsList);
        item->setSizeHint(QSize(0, rowHeight));
        m_steps.append({s, item});
        setStepState(s, QStringLiteral("pending"));
    }
    m_ui->stepsList->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_ui->stepsList->setFixedHeight(rowHeight * int(steps.size()) + 2 * m_ui->stepsList->frameWidth() + 2);
}

void RenewalDialog::setStepState(Step step, const QString &state)
{
    for (auto &[s, item] : m_steps) {
        if (s != step)
            continue;
        item->setData(Qt::UserRole, state);
        QStyle::StandardPixmap icon = QStyle::SP_CustomBase;
        QString suffix;
        if (state == QLatin1String("done")) {
            icon = QStyle::SP_DialogApplyButton;
        } else if (state == QLatin1String("running")) {
            icon = QStyle::SP_ArrowRight;
            suffix = tr("(in progress)");
        } else if (state == QLatin1String("failed")) {
            icon = QStyle::SP_MessageBoxCritical;
            suffix = tr("(failed)");
        }
        item->setIcon(icon == QStyle::SP_CustomBase ? QIcon() : style()->standardIcon(icon));
        item->setText(suffix.isEmpty() ? RenewalJob::stepText(s)
                                       //: a step of the renewal and its state, e.g. "Writing the new certificate to the key (in progress)"
                                       : tr("%1 %2").arg(RenewalJob::stepText(s), suffix));
        QFont f = item->font();
        f.setBold(state == QLatin1String("running"));
        item->setFont(f);
        item->setForeground(state == QLatin1String("failed")  ? QColor(0xb3, 0x26, 0x1e)
                            : state == QLatin1String("pending") ? palette().color(QPalette::Disabled, QPalette::Text)
                                                                : palette().color(QPalette::Text));
    }
}

QString RenewalDialog::stepState(Step step) const
{
    for (const auto &[s, item] : m_steps)
        if (s == step)
            return item->data(Qt::UserRole).toString();
    return QString();
}

void RenewalDialog::start()
{
    if (m_phase != Phase::Ready || !m_job)
        return;
    if (m_plan.newKey && !m_ui->newKeyAckCheck->isChecked())
        return;  // the warning must be acknowledged first
    if (!pinPad() && m_ui->pinEdit->text().isEmpty())
        return;
    m_phase = Phase::Running;
    buildSteps();
    m_ui->progressTitleLabel->setText(tr("Writing the certificate of application %1 to USB key %2. Keep the key "
                                         "inserted until every step is done.")
                                          .arg(m_plan.applicationId, m_plan.token.serial));
    m_ui->resultLabel->clear();
    m_ui->pages->setCurrentWidget(m_ui->progressPage);
    setMessage(QString(), false);
    updateButtons();
    m_job->start(pinPad() ? p11::SecureBuffer() : takePin(m_ui->pinEdit));
}

void RenewalDialog::retry()
{
    if (m_phase == Phase::PrepareFailed) {
        prepare();
        return;
    }
    if (m_phase != Phase::Failed || !m_job || !m_outcome || !m_outcome->canRetry)
        return;
    if (!pinPad() && m_ui->retryPinEdit->text().isEmpty())
        return;
    m_phase = Phase::Running;
    m_ui->resultLabel->setText(tr("Trying again from the step that failed…"));
    m_ui->resultLabel->setStyleSheet(QString());
    setStepState(m_outcome->failedStep, QStringLiteral("pending"));
    m_outcome.reset();
    ++m_checkGeneration;
    m_checkingKey = false;
    m_ui->retryPinStateLabel->hide();
    updateButtons();
    m_job->retry(pinPad() ? p11::SecureBuffer() : takePin(m_ui->retryPinEdit));
}

void RenewalDialog::onStepChanged(Step step)
{
    if (m_phase != Phase::Running)
        return;
    // every listed step before this one is done
    bool before = true;
    for (const auto &[s, item] : std::as_const(m_steps)) {
        if (s == step) {
            before = false;
            setStepState(s, step == Step::Done ? QStringLiteral("done") : QStringLiteral("running"));
        } else if (before && int(s) < int(step)) {
            setStepState(s, QStringLiteral("done"));
        }
    }
    if (step == Step::Done)
        for (const auto &[s, item] : std::as_const(m_steps))
            setStepState(s, QStringLiteral("done"));
}

void RenewalDialog::onFinished(const RenewalJob::Outcome &outcome)
{
    m_outcome = outcome;
    if (outcome.ok && outcome.nothingToDo) {
        // the application's certificate is on the key already (an earlier window or ca-tool finished it)
        m_phase = Phase::Succeeded;
        m_ui->summaryLabel->setText(outcome.message);
        setMessage(QString(), false);
        updateButtons();
        m_ui->closeButton->setDefault(true);
        m_ui->closeButton->setFocus();
        return;
    }
    if (m_phase == Phase::Preparing || m_phase == Phase::Ready) {
        // prepare() failed (or a cancel before start)
        m_phase = Phase::PrepareFailed;
        qCWarning(lcUi) << "renewal of" << m_applicationId << "cannot start:" << outcome.detail;
        m_ui->summaryLabel->setText(tr("Application %1 cannot be written to the USB key now.").arg(m_applicationId));
        setMessage(outcome.message, true);
        updateButtons();
        return;
    }
    if (outcome.ok) {
        m_phase = Phase::Succeeded;
        for (const auto &[s, item] : std::as_const(m_steps))
            setStepState(s, QStringLiteral("done"));
        const p11::CertificateInfo &cert = outcome.newCertificate;
        m_ui->resultLabel->setText(tr("The new certificate is on the key and checked. It is valid from %1 until %2 "
                                      "(%n day(s)). Use the key as before; the PIN has not changed.",
                                      nullptr, cert.daysLeft)
                                       .arg(dateText(cert.notBefore), dateText(cert.notAfter)));
        m_ui->resultLabel->setStyleSheet(QLatin1String(kOk));
        m_ui->progressTitleLabel->setText(tr("The certificate of application %1 was written to USB key %2.")
                                              .arg(m_plan.applicationId, m_plan.token.serial));
        m_ui->resultLabel->setProperty("keyState", QStringLiteral("new"));
        updateButtons();
        m_ui->closeButton->setFocus();
        m_context.notifyApplicationsChanged(m_applicationId);
        Q_EMIT renewed(m_plan.token.serial, cert.serialHex);
        return;
    }
    m_phase = Phase::Failed;
    qCWarning(lcUi) << "renewal of" << m_applicationId << "failed at" << int(outcome.failedStep) << ":" << outcome.detail;
    setStepState(outcome.failedStep, QStringLiteral("failed"));
    // The job's sentence names the step, the state of the key and what to do; the PIN state and the key
    // inserted are added once the keys are read again.
    m_retryPinState.reset();
    if (outcome.pinStateKnown)
        m_retryPinState = outcome.pinState;  // the job read it again after a wrong or locked PIN
    m_otherKeySerial.clear();
    showRetryKeyState();
    m_ui->resultLabel->setStyleSheet(QLatin1String(kError));
    m_ui->resultLabel->setProperty("keyState", outcome.keyState == RenewalJob::KeyState::Unchanged ? QStringLiteral("old")
                                               : outcome.keyState == RenewalJob::KeyState::NewCertificateInstalled
                                                   ? QStringLiteral("new")
                                                   : QStringLiteral("unknown"));
    updateButtons();
    if (m_ui->retryPinEdit->isVisible())
        m_ui->retryPinEdit->setFocus();
    checkKeyForRetry();
}

QString RenewalDialog::unitName() const
{
    if (!m_plan.oldCertificate.organization.isEmpty())
        return m_plan.oldCertificate.organization;
    return m_plan.organizationName;
}

bool RenewalDialog::retryLocked() const
{
    return m_retryPinState == p11::PinState::Locked;
}

void RenewalDialog::checkKeyForRetry()
{
    if (!m_service || m_phase != Phase::Failed)
        return;
    m_checkingKey = true;
    const quint64 generation = ++m_checkGeneration;
    p11::TokenCommand *cmd = m_service->listTokens();
    connect(cmd, &p11::TokenCommand::finished, this, [this, generation](const p11::TokenResult &result) {
        if (generation != m_checkGeneration)
            return;
        onKeysListed(result.tokens, result.ok());
    });
    cmd->start();
}

void RenewalDialog::onKeysListed(const QList<p11::TokenInfo> &tokens, bool ok)
{
    m_checkingKey = false;
    if (m_phase != Phase::Failed || !ok)
        return;
    m_retryPinState.reset();
    m_otherKeySerial.clear();
    const QString expected = m_plan.token.identity();
    bool found = false;
    for (const p11::TokenInfo &t : tokens) {
        if (!expected.isEmpty() && t.identity() == expected) {
            found = true;
            m_retryPinState = t.pinState;
            m_plan.token.pinState = t.pinState;
        }
    }
    if (!found && !tokens.isEmpty() && !expected.isEmpty()) {
        QStringList others;
        for (const p11::TokenInfo &t : tokens)
            others << (t.serial.isEmpty() ? t.label : t.serial);
        m_otherKeySerial = others.join(QStringLiteral(", "));
        qCInfo(lcUi) << "renewal of" << m_applicationId << "waits for key" << expected << "; inserted:" << m_otherKeySerial;
    }
    showRetryKeyState();
    updateButtons();
    if (m_ui->retryPinEdit->isVisible() && m_ui->retryPinEdit->isEnabled())
        m_ui->retryPinEdit->setFocus();
}

void RenewalDialog::showRetryKeyState()
{
    if (!m_outcome)
        return;
    const bool locked = retryLocked();
    QStringList text{m_outcome->message};
    // (the job names the key inserted itself when it saw it at the failure; said once)
    if (!m_otherKeySerial.isEmpty() && !m_outcome->message.contains(m_otherKeySerial))
        text << tr("The USB key inserted now (serial number %1) is not the key of this application. Insert USB key %2 "
                   "of %3 and choose Retry.")
                    .arg(m_otherKeySerial, m_plan.token.serial.isEmpty() ? m_plan.token.label : m_plan.token.serial,
                         unitName());
    // After a wrong or locked PIN the job's own sentence says the PIN state and what to type; otherwise
    // (a key pulled out, another failure) the state read again is said here.
    const bool jobSaidPin = m_outcome->pinStateKnown;
    if (m_outcome->canRetry && !pinPad() && !locked && !jobSaidPin)
        text << tr("Type the PIN again below before you click Retry.");
    m_ui->resultLabel->setText(text.join(QLatin1Char('\n')));

    // The PIN state next to the Retry PIN: wrong PIN entered before, final try; locked -> the reset, no Retry.
    QString state;
    if (m_retryPinState && !locked && m_outcome->canRetry && !jobSaidPin)
        state = p11::PinStates::warning(*m_retryPinState);
    m_ui->retryPinStateLabel->setText(state);
    m_ui->retryPinStateLabel->setProperty("pinState", m_retryPinState ? p11::PinStates::code(*m_retryPinState) : QString());
    m_ui->retryPinStateLabel->setStyleSheet(m_retryPinState == p11::PinState::FinalTry ? QLatin1String(kError) : QString());
    m_ui->retryPinStateLabel->setVisible(!state.isEmpty());
    if (locked)
        m_ui->retryLockedLabel->setText(
            tr("The PIN of this key is now locked after too many wrong tries, so Retry is not possible. Reset the PIN "
               "(密码重置 / 解锁) first; then write the certificate to the key again from this window."));
    m_ui->retryLockedLabel->setVisible(locked && !jobSaidPin);
    m_ui->retryResetPinButton->setVisible(locked);
    m_ui->retryResetPinButton->setDefault(locked);
}

void RenewalDialog::reject()
{
    // The key is being written: the dialog stays until the job reports (never a half-told state), and says so.
    if (m_phase == Phase::Running) {
        setMessage(tr("The certificate is being written to the USB key. This window can be closed when the step that "
                      "is running has ended; keep the key inserted until then."),
                   false);
        return;
    }
    QDialog::reject();
}

} // namespace ca::ui
