#pragma once

#include "core/model/Money.h"

#include <QPointer>
#include <QString>
#include <QWidget>

#include <memory>

namespace Ui {
class PaymentWidget;
}

namespace ca {
class PaymentController;
struct PlatformError;
}

namespace ca::ui {

class ClientContext;

// 网上支付 for one application (seed 000 "CA费用支付", seed 003 "CA支付"):
// the non-refund acknowledgement (本机构已知晓…一旦缴费，不能退办。) must be
// ticked before the channel can be chosen; 网银/支付宝 open the cashier page in
// the system browser (PaymentController::openCashier, QDesktopServices) and
// show its address with a Copy button and a hint for when no browser opens;
// 微信 shows the QR code with its countdown and a one-click new code after
// expiry. The status refreshes by itself (PaymentController polling) and by
// 刷新支付状态. Used by the wizard's payment page and, standalone, by
// PaymentDialog (MainWindow's Pay action on review-first platforms).
//
// objectNames: nonRefundCheck, channelBankRadio, channelAlipayRadio,
// channelWechatRadio, payButton, refreshButton, statusLabel, amountLabel,
// urlEdit, copyUrlButton, openUrlButton, browserHintLabel, qrWidget,
// countdownLabel, newQrButton.
class PaymentWidget : public QWidget
{
    Q_OBJECT
public:
    explicit PaymentWidget(ClientContext &context, QWidget *parent = nullptr);
    ~PaymentWidget() override;

    // The application to pay (server id), its fee and whether it is paid already.
    void setApplication(const QString &applicationId, const Money &fee, bool alreadyPaid);
    QString applicationId() const { return m_applicationId; }
    bool isPaid() const { return m_paid; }
    // Tests: do not open a browser.
    void setOpensCashier(bool on);
    PaymentController *controller() const { return m_controller; }

Q_SIGNALS:
    void paid();
    void statusChanged();

private:
    void updateEnabled();
    void startPayment();
    void onOrderChanged();
    void onCountdown(int secondsLeft);
    void onExpired();
    void onFailed(const ca::PlatformError &error);
    void refreshApplicationStatus();
    QString channel() const;
    void setStatus(const QString &text, bool error = false);

    ClientContext &m_context;
    std::unique_ptr<Ui::PaymentWidget> m_ui;
    PaymentController *m_controller;
    QString m_applicationId;
    Money m_fee;
    bool m_paid = false;
    bool m_opensCashier = true;
};

} // namespace ca::ui
