#pragma once

#include "core/platform/PaymentQr.h"
#include "core/platform/PlatformError.h"
#include "core/store/PaymentIntent.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

#include <chrono>

namespace ca {

class LocalStore;
class PlatformCall;
class PlatformClient;

// Pays one application: never two orders.
//
// pay(): the payment intent (with its Idempotency-Key) is written to the
// LocalStore BEFORE POST /applications/{id}/payments; after a crash or a lost
// answer resume() sends the same key again and the platform answers with the
// same order. Bank and Alipay orders open the cashier page in the system
// browser (openCashier(), unless setOpensCashier(false)); a WeChat order
// exposes its pay_url as a QR code (qr()) with a countdown (countdown(), one
// signal per second) and newOrder() once it has expired.
//
// The order is polled (GET /payments/{order_no}) every 2 s during the first
// minute, then backing off to every 15 s; polling stops on paid, expired or
// closed (the intent is updated in the store). refresh() polls at once
// ("刷新支付状态"). resumeAll() restarts polling for every open intent after a restart.
class PaymentController : public QObject
{
    Q_OBJECT
public:
    struct PollSchedule {
        std::chrono::milliseconds fast{2000};       // during the first `fastPeriod`
        std::chrono::milliseconds fastPeriod{60000};
        std::chrono::milliseconds slowest{15000};   // then doubling up to this
    };

    PaymentController(PlatformClient *client, LocalStore *store, QObject *parent = nullptr);
    ~PaymentController() override;

    // One controller for every intent still waiting in the store (created with `parent`), each resumed.
    static QList<PaymentController *> resumeAll(PlatformClient *client, LocalStore *store, QObject *parent = nullptr);

    void setOpensCashier(bool on) { m_opensCashier = on; }
    void setPollSchedule(const PollSchedule &schedule) { m_schedule = schedule; }

    // Opens (or finds again) the order for this application and channel ("bank" | "alipay" | "wechat").
    void pay(const QString &applicationId, const QString &channel);
    // Continues an intent from the store (order not answered yet → same key again; open → polling).
    void resume(const PaymentIntent &intent);
    // Polls now (the "refresh payment status" button).
    void refresh();
    // A new order after the last one expired or was closed. False while an order is still open.
    bool newOrder();
    void stop();

    QString applicationId() const { return m_applicationId; }
    QString channel() const { return m_channel; }
    QString idempotencyKey() const { return m_key; }
    QJsonObject order() const { return m_order; }
    QString orderNo() const { return m_order.value(QStringLiteral("order_no")).toString(); }
    // "open" | "paid" | "expired" | "closed", or "" before the first answer.
    QString status() const { return m_order.value(QStringLiteral("status")).toString(); }
    QUrl payUrl() const { return QUrl(m_order.value(QStringLiteral("pay_url")).toString()); }
    QDateTime expiresAt() const;
    int secondsLeft() const;
    QrMatrix qr() const { return m_qr; }
    bool isPolling() const { return m_pollTimer.isActive() || m_call; }
    int pollCount() const { return m_pollCount; }
    std::chrono::milliseconds currentPollInterval() const { return m_interval; }

    // QDesktopServices::openUrl (the system browser; no pop-up blocker in the way).
    static bool openCashier(const QUrl &url);

Q_SIGNALS:
    void orderChanged(const QJsonObject &order);
    void countdown(int secondsLeft);
    void paid();
    void expired();
    void closed();
    // Opening the order failed (a poll failure only logs and polls again).
    void failed(const ca::PlatformError &error);

private:
    void sendOrder();
    void poll();
    void schedulePoll();
    void applyOrder(const QJsonObject &order);
    void tick();

    PlatformClient *m_client;
    LocalStore *m_store;
    PollSchedule m_schedule;
    bool m_opensCashier = true;
    QString m_applicationId;
    QString m_channel;
    QString m_key;
    QJsonObject m_order;
    QrMatrix m_qr;
    QPointer<PlatformCall> m_call;
    QTimer m_pollTimer;
    QTimer m_countdownTimer;
    QDateTime m_pollingSince;
    std::chrono::milliseconds m_interval{2000};
    int m_pollCount = 0;
    bool m_cashierOpened = false;
};

} // namespace ca
