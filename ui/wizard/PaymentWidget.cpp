#include "ui/wizard/PaymentWidget.h"
#include "ui_PaymentWidget.h"

#include "core/platform/PaymentController.h"
#include "core/platform/PlatformCall.h"
#include "core/platform/PlatformClient.h"
#include "core/store/LocalStore.h"
#include "ui/ClientContext.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QJsonObject>

namespace ca::ui {

PaymentWidget::PaymentWidget(ClientContext &context, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
    , m_ui(std::make_unique<Ui::PaymentWidget>())
    , m_controller(new PaymentController(&context.client(), &context.store(), this))
{
    m_ui->setupUi(this);
    m_ui->cashierPanel->setVisible(false);
    m_ui->wechatPanel->setVisible(false);
    m_ui->nonRefundCheck->setStyleSheet(QStringLiteral("QCheckBox { font-weight: bold; }"));

    connect(m_ui->nonRefundCheck, &QCheckBox::toggled, this, &PaymentWidget::updateEnabled);
    connect(m_ui->payButton, &QPushButton::clicked, this, &PaymentWidget::startPayment);
    connect(m_ui->refreshButton, &QPushButton::clicked, this, [this] {
        if (!m_controller->orderNo().isEmpty())
            m_controller->refresh();
        refreshApplicationStatus();
        setStatus(tr("Checking the payment status…"));
    });
    connect(m_ui->copyUrlButton, &QPushButton::clicked, this, [this] {
        QGuiApplication::clipboard()->setText(m_ui->urlEdit->text());
        setStatus(tr("The cashier address was copied. Paste it into your web browser's address bar."));
    });
    connect(m_ui->openUrlButton, &QPushButton::clicked, this, [this] {
        if (m_opensCashier)
            PaymentController::openCashier(m_controller->payUrl());
    });
    connect(m_ui->newQrButton, &QPushButton::clicked, this, [this] {
        m_ui->qrWidget->setExpired(false);
        if (!m_controller->newOrder())
            m_controller->pay(m_applicationId, QStringLiteral("wechat"));
        setStatus(tr("Requesting a new QR code…"));
        updateEnabled();
    });
    connect(m_controller, &PaymentController::orderChanged, this, &PaymentWidget::onOrderChanged);
    connect(m_controller, &PaymentController::countdown, this, &PaymentWidget::onCountdown);
    connect(m_controller, &PaymentController::expired, this, &PaymentWidget::onExpired);
    connect(m_controller, &PaymentController::closed, this, &PaymentWidget::onExpired);
    connect(m_controller, &PaymentController::failed, this, &PaymentWidget::onFailed);
    connect(m_controller, &PaymentController::paid, this, [this] {
        m_paid = true;
        m_controller->stop();
        m_ui->qrWidget->setExpired(false);
        setStatus(tr("Payment received. You can now submit the application (3. Submit)."));
        updateEnabled();
        Q_EMIT paid();
        Q_EMIT statusChanged();
    });
    updateEnabled();
}

PaymentWidget::~PaymentWidget() = default;

void PaymentWidget::setOpensCashier(bool on)
{
    m_opensCashier = on;
    m_controller->setOpensCashier(on);
}

void PaymentWidget::setApplication(const QString &applicationId, const Money &fee, bool alreadyPaid)
{
    const bool changed = applicationId != m_applicationId;
    m_applicationId = applicationId;
    m_fee = fee;
    m_paid = alreadyPaid;
    m_ui->amountLabel->setText(tr("Fee to pay: %1 yuan (excluding handling charges)").arg(fee.toString()));
    if (m_paid)
        setStatus(tr("This application is paid."));
    else if (changed) {
        setStatus(QString());
        // An order still open from an earlier session: continue polling it.
        const auto intents = m_context.store().intentsForApplication(applicationId);
        if (intents.ok()) {
            for (const PaymentIntent &intent : intents.value()) {
                if (intent.status == QLatin1String("open") || intent.status == QLatin1String("requested")) {
                    m_ui->nonRefundCheck->setChecked(true);
                    if (intent.channel == QLatin1String("wechat"))
                        m_ui->channelWechatRadio->setChecked(true);
                    else if (intent.channel == QLatin1String("alipay"))
                        m_ui->channelAlipayRadio->setChecked(true);
                    m_controller->resume(intent);
                    break;
                }
            }
        }
    }
    updateEnabled();
}

QString PaymentWidget::channel() const
{
    if (m_ui->channelWechatRadio->isChecked())
        return QStringLiteral("wechat");
    if (m_ui->channelAlipayRadio->isChecked())
        return QStringLiteral("alipay");
    return QStringLiteral("bank");
}

void PaymentWidget::updateEnabled()
{
    const bool acknowledged = m_ui->nonRefundCheck->isChecked();
    const bool canPay = acknowledged && !m_paid && !m_applicationId.isEmpty();
    m_ui->channelGroup->setEnabled(canPay);
    m_ui->payButton->setEnabled(canPay);
    if (!acknowledged && !m_paid)
        m_ui->payButton->setToolTip(tr("Tick the non-refund acknowledgement first."));
    else if (m_applicationId.isEmpty())
        m_ui->payButton->setToolTip(tr("Save the application to the platform first (Save changes)."));
    else
        m_ui->payButton->setToolTip(QString());
    m_ui->refreshButton->setEnabled(!m_applicationId.isEmpty());
    const QString st = m_controller->status();
    m_ui->newQrButton->setVisible(m_controller->channel() == QLatin1String("wechat")
                                  && (st == QLatin1String("expired") || st == QLatin1String("closed")) && !m_paid);
}

void PaymentWidget::startPayment()
{
    if (!m_ui->nonRefundCheck->isChecked() || m_applicationId.isEmpty())
        return;
    m_ui->qrWidget->setExpired(false);
    setStatus(tr("Opening the payment order…"));
    m_controller->pay(m_applicationId, channel());
}

void PaymentWidget::onOrderChanged()
{
    const QString st = m_controller->status();
    const bool wechat = m_controller->channel() == QLatin1String("wechat");
    m_ui->cashierPanel->setVisible(!wechat && !m_controller->payUrl().isEmpty());
    m_ui->wechatPanel->setVisible(wechat);
    m_ui->urlEdit->setText(m_controller->payUrl().toString());
    if (wechat) {
        m_ui->qrWidget->setMatrix(m_controller->qr());
        m_ui->qrWidget->setExpired(st == QLatin1String("expired") || st == QLatin1String("closed"));
    }
    if (st == QLatin1String("open")) {
        setStatus(wechat ? tr("Order %1 is waiting for payment. Scan the QR code with WeChat.").arg(m_controller->orderNo())
                         : tr("Order %1 is waiting for payment in the cashier page.").arg(m_controller->orderNo()));
        if (wechat)
            onCountdown(m_controller->secondsLeft());
    }
    updateEnabled();
    Q_EMIT statusChanged();
}

void PaymentWidget::onCountdown(int secondsLeft)
{
    if (secondsLeft <= 0) {
        m_ui->countdownLabel->setText(tr("The QR code has expired."));
        return;
    }
    m_ui->countdownLabel->setText(tr("Valid for %1:%2").arg(secondsLeft / 60).arg(secondsLeft % 60, 2, 10, QLatin1Char('0')));
}

void PaymentWidget::onExpired()
{
    m_ui->qrWidget->setExpired(true);
    m_ui->countdownLabel->setText(tr("The QR code has expired."));
    setStatus(tr("Order %1 expired without payment. Click \"New QR code\" to pay with a new order.").arg(m_controller->orderNo()));
    updateEnabled();
    Q_EMIT statusChanged();
}

void PaymentWidget::onFailed(const PlatformError &error)
{
    setStatus(error.userMessage, true);
    updateEnabled();
}

void PaymentWidget::refreshApplicationStatus()
{
    if (m_applicationId.isEmpty())
        return;
    PlatformCall *call = m_context.client().application(m_applicationId);
    connect(call, &PlatformCall::finished, this, [this, call] {
        call->deleteLater();
        if (!call->ok())
            return;
        if (call->json().value(QStringLiteral("payment_status")).toString() == QLatin1String("paid") && !m_paid) {
            m_paid = true;
            setStatus(tr("Payment received. You can now submit the application (3. Submit)."));
            updateEnabled();
            Q_EMIT paid();
            Q_EMIT statusChanged();
        } else if (!m_paid && m_controller->orderNo().isEmpty()) {
            setStatus(tr("No payment has been received for this application yet."));
        }
    });
}

void PaymentWidget::setStatus(const QString &text, bool error)
{
    m_ui->statusLabel->setStyleSheet(error ? QStringLiteral("color: #c0392b;") : QString());
    m_ui->statusLabel->setText(text);
}

} // namespace ca::ui
