#include "core/platform/PaymentController.h"

#include "core/Log.h"
#include "core/platform/PlatformCall.h"
#include "core/platform/PlatformClient.h"
#include "core/store/LocalStore.h"

#include <QDesktopServices>

namespace ca {

namespace {

PlatformError storeFailure(const StoreError &e)
{
    PlatformError p;
    p.kind = PlatformError::Kind::Validation;
    p.userMessage = e.message;
    p.detail = QStringLiteral("local store: ") + e.detail;
    return p;
}

} // namespace

PaymentController::PaymentController(PlatformClient *client, LocalStore *store, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_store(store)
{
    m_pollTimer.setSingleShot(true);
    connect(&m_pollTimer, &QTimer::timeout, this, &PaymentController::poll);
    m_countdownTimer.setInterval(1000);
    connect(&m_countdownTimer, &QTimer::timeout, this, &PaymentController::tick);
}

PaymentController::~PaymentController()
{
    if (m_call) {
        m_call->disconnect(this);
        m_call->cancel();
        m_call->deleteLater();
    }
}

QList<PaymentController *> PaymentController::resumeAll(PlatformClient *client, LocalStore *store, QObject *parent)
{
    QList<PaymentController *> list;
    const StoreResult<QList<PaymentIntent>> pending = store->pendingIntents();
    if (!pending) {
        qCWarning(lcCore).noquote() << "cannot read the payment intents:" << pending.error().detail;
        return list;
    }
    for (const PaymentIntent &intent : *pending) {
        auto *c = new PaymentController(client, store, parent);
        c->setOpensCashier(false); // the user opened it before the restart
        c->resume(intent);
        list.append(c);
    }
    return list;
}

bool PaymentController::openCashier(const QUrl &url)
{
    if (!url.isValid() || url.scheme() != QLatin1String("https"))
        return false;
    return QDesktopServices::openUrl(url);
}

QDateTime PaymentController::expiresAt() const
{
    return QDateTime::fromString(m_order.value(QStringLiteral("expires_at")).toString(), Qt::ISODate);
}

int PaymentController::secondsLeft() const
{
    const QDateTime at = expiresAt();
    if (!at.isValid() || status() != QLatin1String("open"))
        return 0;
    return int(qMax<qint64>(0, QDateTime::currentDateTimeUtc().secsTo(at)));
}

void PaymentController::pay(const QString &applicationId, const QString &channel)
{
    stop();
    m_applicationId = applicationId;
    m_channel = channel;
    m_order = QJsonObject();
    m_qr = QrMatrix();
    m_cashierOpened = false;
    // Written (and fsync'ed) BEFORE the request: the same key comes back after a crash.
    const StoreResult<PaymentIntent> intent = m_store->intentFor(applicationId, channel);
    if (!intent) {
        Q_EMIT failed(storeFailure(intent.error()));
        return;
    }
    resume(*intent);
}

void PaymentController::resume(const PaymentIntent &intent)
{
    m_applicationId = intent.applicationId;
    m_channel = intent.channel;
    m_key = intent.idempotencyKey;
    if (intent.orderNo.isEmpty() || intent.status == QLatin1String("requested")) {
        sendOrder();
        return;
    }
    m_order = QJsonObject{{QStringLiteral("order_no"), intent.orderNo}, {QStringLiteral("status"), intent.status},
                          {QStringLiteral("channel"), intent.channel}};
    m_pollingSince = QDateTime::currentDateTimeUtc();
    m_interval = m_schedule.fast;
    poll();
}

void PaymentController::sendOrder()
{
    qCInfo(lcCore).noquote() << "opening a" << m_channel << "payment order for" << m_applicationId;
    PlatformCall *call = m_client->createPaymentOrder(m_applicationId, m_channel, m_key);
    m_call = call;
    connect(call, &PlatformCall::finished, this, [this, call] {
        call->deleteLater();
        m_call = nullptr;
        if (!call->ok()) {
            const PlatformError &e = call->error();
            // Refused outright (not payable, bad channel): this key made no order, so let it go.
            if (!e.isTransient() && e.kind != PlatformError::Kind::Tls && e.kind != PlatformError::Kind::Cancelled
                && e.kind != PlatformError::Kind::Auth && e.httpStatus >= 400 && e.httpStatus < 500)
                m_store->closeIntent(m_key, QStringLiteral("closed"));
            Q_EMIT failed(e);
            return;
        }
        m_pollingSince = QDateTime::currentDateTimeUtc();
        m_interval = m_schedule.fast;
        applyOrder(call->json());
    });
}

void PaymentController::applyOrder(const QJsonObject &order)
{
    const QString before = status();
    const QString orderNo = order.value(QStringLiteral("order_no")).toString();
    const QString newStatus = order.value(QStringLiteral("status")).toString();
    if (orderNo.isEmpty() || newStatus.isEmpty()) {
        PlatformError e;
        e.kind = PlatformError::Kind::Http;
        e.userMessage = tr("The platform answered the payment request without an order. Refresh the payment status in a moment.");
        e.detail = QStringLiteral("order answer without order_no/status");
        Q_EMIT failed(e);
        return;
    }
    const QJsonObject previous = m_order;
    m_order = order;
    const QString url = order.value(QStringLiteral("pay_url")).toString();
    if (m_channel == QLatin1String("wechat") && !url.isEmpty() && newStatus == QLatin1String("open"))
        m_qr = PaymentQr::encode(url);
    if (newStatus != QLatin1String("open"))
        m_qr = QrMatrix();

    if (newStatus == QLatin1String("closed") || newStatus == QLatin1String("expired")) {
        m_store->recordOrder(m_key, orderNo, newStatus);
        m_store->closeIntent(m_key, newStatus);
    } else {
        m_store->recordOrder(m_key, orderNo, newStatus);
    }
    if (previous != order)
        Q_EMIT orderChanged(order);

    if (newStatus == QLatin1String("open")) {
        if (!m_cashierOpened && m_opensCashier && m_channel != QLatin1String("wechat")) {
            m_cashierOpened = true;
            if (!openCashier(QUrl(url)))
                qCWarning(lcCore) << "the system browser could not be started for the cashier page";
        }
        // Counting down while time is left; at zero the regular poll picks up the expiry.
        if (!m_countdownTimer.isActive() && secondsLeft() > 0) {
            m_countdownTimer.start();
            tick();
        }
        schedulePoll();
        return;
    }
    m_pollTimer.stop();
    m_countdownTimer.stop();
    if (newStatus == before)
        return;
    qCInfo(lcCore).noquote() << "payment order" << orderNo << "is" << newStatus;
    if (newStatus == QLatin1String("paid"))
        Q_EMIT paid();
    else if (newStatus == QLatin1String("expired"))
        Q_EMIT expired();
    else if (newStatus == QLatin1String("closed"))
        Q_EMIT closed();
}

void PaymentController::schedulePoll()
{
    const qint64 elapsed = m_pollingSince.msecsTo(QDateTime::currentDateTimeUtc());
    if (elapsed < m_schedule.fastPeriod.count())
        m_interval = m_schedule.fast;
    else
        m_interval = std::min(m_schedule.slowest, std::max(m_schedule.fast, m_interval * 2));
    m_pollTimer.start(m_interval);
}

void PaymentController::poll()
{
    if (m_call)
        return; // one request at a time
    const QString no = orderNo();
    if (no.isEmpty()) {
        if (!m_key.isEmpty())
            sendOrder();
        return;
    }
    ++m_pollCount;
    PlatformCall *call = m_client->paymentOrder(no);
    m_call = call;
    connect(call, &PlatformCall::finished, this, [this, call] {
        call->deleteLater();
        m_call = nullptr;
        if (!call->ok()) {
            if (call->error().kind == PlatformError::Kind::Cancelled)
                return;
            qCWarning(lcCore).noquote() << "payment status poll failed:" << call->error().detail << "- polling again";
            schedulePoll();
            return;
        }
        applyOrder(call->json());
    });
}

void PaymentController::refresh()
{
    m_pollTimer.stop();
    if (m_call)
        return;
    poll();
}

bool PaymentController::newOrder()
{
    const QString s = status();
    if (s != QLatin1String("expired") && s != QLatin1String("closed"))
        return false;
    pay(m_applicationId, m_channel);
    return true;
}

void PaymentController::stop()
{
    m_pollTimer.stop();
    m_countdownTimer.stop();
    if (m_call) {
        m_call->disconnect(this);
        m_call->cancel();
        m_call->deleteLater();
        m_call = nullptr;
    }
}

void PaymentController::tick()
{
    const int left = secondsLeft();
    Q_EMIT countdown(left);
    if (left == 0) {
        m_countdownTimer.stop();
        if (status() == QLatin1String("open"))
            refresh(); // the platform closes it; ask now
    }
}

} // namespace ca
