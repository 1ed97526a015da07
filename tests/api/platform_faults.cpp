// The platform client under the sandbox's fault injection (--faults FILE):
// 500s, answers later than the transfer timeout, a connection dropped after
// an upload, a sandbox restart between order creation and polling. Each ends
// with exactly one order, one attachment per upload and no lost draft,
// checked on the server side.
#include "SandboxProcess.h"

#include "core/platform/AttachmentUpload.h"
#include "core/platform/DraftSync.h"
#include "core/platform/PaymentController.h"
#include "core/platform/PlatformClient.h"
#include "core/store/LocalStore.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace ca;
using namespace ca::test;

namespace {

int countRows(const SandboxProcess &sandbox, const QString &sql, const QVariantList &binds)
{
    return sandbox.queryInt(sql, binds);
}

int orders(const SandboxProcess &s, const QString &id)
{
    return countRows(s, QStringLiteral("SELECT COUNT(*) FROM payment_orders WHERE application_id = ?"), {id});
}

int attachments(const SandboxProcess &s, const QString &id)
{
    return countRows(s, QStringLiteral("SELECT COUNT(*) FROM attachments WHERE application_id = ?"), {id});
}

} // namespace

class TestPlatformFaults : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QVERIFY(m_tmp.isValid()); }
    void serverErrorsAreRetried();
    void answersLaterThanTheTimeout();
    void connectionDroppedAfterUpload();
    void sandboxRestartBetweenOrderAndPolling();
    void draftSurvivesFailingSaves();

private:
    std::unique_ptr<SandboxProcess> startWith(const QJsonArray &rules, QStringList extra = {});
    std::unique_ptr<PlatformClient> client(const SandboxProcess &s);
    QString createApplication(PlatformClient *c);

    QTemporaryDir m_tmp;
    int m_n = 0;
};

std::unique_ptr<SandboxProcess> TestPlatformFaults::startWith(const QJsonArray &rules, QStringList extra)
{
    const QString path = m_tmp.filePath(QStringLiteral("faults-%1.json").arg(++m_n));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return nullptr;
    f.write(QJsonDocument(QJsonObject{{QStringLiteral("seed"), 7}, {QStringLiteral("rules"), rules}}).toJson());
    f.close();
    extra << QStringLiteral("--workflow") << QStringLiteral("pay-first") << QStringLiteral("--faults") << path;
    auto s = std::make_unique<SandboxProcess>(extra);
    if (!s->start()) {
        qWarning() << s->lastError();
        return nullptr;
    }
    return s;
}

std::unique_ptr<PlatformClient> TestPlatformFaults::client(const SandboxProcess &s)
{
    auto c = std::make_unique<PlatformClient>();
    c->setBaseUrl(s.url());
    c->setRetryPolicy({5, std::chrono::milliseconds(100), std::chrono::milliseconds(500)});
    if (!c->setCaBundle(s.caCertPath()))
        return nullptr;
    std::unique_ptr<PlatformCall> login(c->login(QStringLiteral("supplier"), s.password(QStringLiteral("supplier"))));
    login->waitForFinished(60000);
    return login->ok() ? std::move(c) : nullptr;
}

QString TestPlatformFaults::createApplication(PlatformClient *c)
{
    std::unique_ptr<PlatformCall> call(c->createApplication(sampleApplication(QStringLiteral("new"))));
    call->waitForFinished(60000);
    return call->json().value(QStringLiteral("id")).toString();
}

void TestPlatformFaults::serverErrorsAreRetried()
{
    auto s = startWith({
        QJsonObject{{QStringLiteral("route"), QStringLiteral("GET /api/v1/applications/{id}")}, {QStringLiteral("status"), 500}, {QStringLiteral("times"), 2}},
        QJsonObject{{QStringLiteral("route"), QStringLiteral("POST /api/v1/applications/{id}/attachments")}, {QStringLiteral("status"), 503}, {QStringLiteral("times"), 2}},
        QJsonObject{{QStringLiteral("route"), QStringLiteral("POST /api/v1/applications/{id}/payments")}, {QStringLiteral("status"), 500}, {QStringLiteral("times"), 2}},
        QJsonObject{{QStringLiteral("route"), QStringLiteral("POST /api/v1/applications")}, {QStringLiteral("status"), 500}, {QStringLiteral("times"), 1}},
    });
    QVERIFY(s);
    auto c = client(*s);
    QVERIFY(c);
    // A plain POST (create) is not repeated: the 500 is the answer.
    std::unique_ptr<PlatformCall> first(c->createApplication(sampleApplication(QStringLiteral("new"))));
    first->waitForFinished(60000);
    QCOMPARE(first->error().httpStatus, 500);
    QCOMPARE(first->error().serverCode, QStringLiteral("fault_injected"));
    QCOMPARE(first->attempts(), 1);
    const QString id = createApplication(c.get());
    QVERIFY(!id.isEmpty());

    std::unique_ptr<PlatformCall> get(c->application(id));
    QVERIFY(get->waitForFinished(60000));
    QVERIFY2(get->ok(), qPrintable(get->error().detail));
    QCOMPARE(get->attempts(), 3);

    const QString pdf = m_tmp.filePath(QStringLiteral("a.pdf"));
    QFile f(pdf);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(tinyPdf());
    f.close();
    AttachmentUpload up(c.get(), id, QStringLiteral("business_licence"), pdf);
    up.start();
    QVERIFY(up.waitForFinished(60000));
    QVERIFY2(up.ok(), qPrintable(up.error().detail));
    QCOMPARE(attachments(*s, id), 1);

    LocalStore store;
    QVERIFY(store.open(m_tmp.filePath(QStringLiteral("s500.sqlite"))));
    PaymentController pc(c.get(), &store);
    pc.setOpensCashier(false);
    pc.pay(id, QStringLiteral("bank"));
    QTRY_VERIFY_WITH_TIMEOUT(!pc.orderNo().isEmpty(), 60000);
    QCOMPARE(orders(*s, id), 1);
    pc.stop();
}

void TestPlatformFaults::answersLaterThanTheTimeout()
{
    auto s = startWith({
        QJsonObject{{QStringLiteral("route"), QStringLiteral("POST /api/v1/applications/{id}/payments")}, {QStringLiteral("delay_ms"), 2500}, {QStringLiteral("times"), 1}},
        QJsonObject{{QStringLiteral("route"), QStringLiteral("POST /api/v1/applications/{id}/submit")}, {QStringLiteral("delay_ms"), 2500}, {QStringLiteral("times"), 1}},
    });
    QVERIFY(s);
    auto c = client(*s);
    QVERIFY(c);
    c->setTransferTimeout(std::chrono::milliseconds(800));
    const QString id = createApplication(c.get());
    LocalStore store;
    QVERIFY(store.open(m_tmp.filePath(QStringLiteral("slow.sqlite"))));
    PaymentController pc(c.get(), &store);
    pc.setOpensCashier(false);
    pc.pay(id, QStringLiteral("wechat"));
    QTRY_VERIFY_WITH_TIMEOUT(!pc.orderNo().isEmpty(), 60000);
    const QString orderNo = pc.orderNo();
    pc.stop();
    // The first, timed-out request is still answered by the server later: it must not add an order.
    QTest::qWait(3000);
    QCOMPARE(orders(*s, id), 1);
    std::unique_ptr<PlatformCall> again(c->paymentOrder(orderNo));
    QVERIFY(again->waitForFinished(60000));
    QCOMPARE(again->json().value(QStringLiteral("status")).toString(), QStringLiteral("open"));

    // The same for a submit with its key (pay first: pay-first workflow; scans first).
    QCOMPARE(s->runAdmin({QStringLiteral("pay"), orderNo}).exitCode, 0);
    const QString pdf = m_tmp.filePath(QStringLiteral("b.pdf"));
    QFile f(pdf);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(tinyPdf());
    f.close();
    for (const char *category : {"legal_rep_id", "handler_id", "application_form", "authorization_letter", "business_licence"}) {
        AttachmentUpload up(c.get(), id, QLatin1String(category), pdf);
        up.start();
        QVERIFY(up.waitForFinished(60000));
        QVERIFY(up.ok());
    }
    std::unique_ptr<PlatformCall> submit(c->submitApplication(id, QStringLiteral("请审核"), *store.operationKey(QStringLiteral("submit"), id)));
    QVERIFY(submit->waitForFinished(60000));
    QVERIFY2(submit->ok(), qPrintable(submit->error().userMessage));
    QVERIFY(submit->attempts() >= 2);
    QTest::qWait(3000);
    QCOMPARE(countRows(*s, QStringLiteral("SELECT COUNT(*) FROM approval_records WHERE application_id = ? AND action = 'submit'"), {id}), 1);
}

void TestPlatformFaults::connectionDroppedAfterUpload()
{
    auto s = startWith({
        QJsonObject{{QStringLiteral("route"), QStringLiteral("POST /api/v1/applications/{id}/attachments")}, {QStringLiteral("drop_after_bytes"), 20}, {QStringLiteral("times"), 2}},
    });
    QVERIFY(s);
    auto c = client(*s);
    QVERIFY(c);
    const QString id = createApplication(c.get());
    LocalStore store;
    QVERIFY(store.open(m_tmp.filePath(QStringLiteral("drop.sqlite"))));
    const QString pdf = m_tmp.filePath(QStringLiteral("big.pdf"));
    QFile f(pdf);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(tinyPdf());
    f.write(QByteArray(2 * 1024 * 1024, 'x'));
    f.close();
    AttachmentUpload up(c.get(), id, QStringLiteral("business_licence"), pdf);
    up.setStore(&store);
    up.start();
    QVERIFY(up.waitForFinished(120000));
    QVERIFY2(up.ok(), qPrintable(up.error().detail));
    QCOMPARE(attachments(*s, id), 1); // two answers lost, three sends (Qt resends a dropped request itself), one attachment

    // A crash after the server stored the file but before the answer was
    // recorded: the earlier run's request went out with the store's key...
    QFile pf(pdf);
    QVERIFY(pf.open(QIODevice::ReadOnly));
    const QByteArray bytes = pf.readAll();
    const QString sha = QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    const auto key = store.operationKey(QStringLiteral("upload"), id + QStringLiteral("/handler_id/") + sha);
    QVERIFY(key);
    SandboxHttp http(*s);
    QVERIFY(http.login(QStringLiteral("supplier")));
    const auto first = http.upload(QStringLiteral("/api/v1/applications/%1/attachments").arg(id), QStringLiteral("handler_id"),
                                   QStringLiteral("big.pdf"), bytes, {{"Idempotency-Key", key->toLatin1()}});
    QCOMPARE(first.status, 201);
    QCOMPARE(attachments(*s, id), 2);
    // ...and the next run uploads the same file again: the same key, no second attachment.
    AttachmentUpload rerun(c.get(), id, QStringLiteral("handler_id"), pdf);
    rerun.setStore(&store);
    rerun.start();
    QVERIFY(rerun.waitForFinished(120000));
    QVERIFY2(rerun.ok(), qPrintable(rerun.error().detail));
    QCOMPARE(rerun.idempotencyKey(), *key);
    QCOMPARE(rerun.attachment().value(QStringLiteral("id")).toString(), first.json().value(QStringLiteral("id")).toString());
    QCOMPARE(attachments(*s, id), 2); // replayed, not added
}

void TestPlatformFaults::sandboxRestartBetweenOrderAndPolling()
{
    auto s = startWith({});
    QVERIFY(s);
    const int port = s->url().port();
    QStringList args = {QStringLiteral("--workflow"), QStringLiteral("pay-first"), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(port)};
    s->setExtraArgs(args);
    auto c = client(*s);
    QVERIFY(c);
    c->setRetryPolicy({2, std::chrono::milliseconds(50), std::chrono::milliseconds(100)});
    const QString id = createApplication(c.get());
    LocalStore store;
    QVERIFY(store.open(m_tmp.filePath(QStringLiteral("restart.sqlite"))));
    auto pc = std::make_unique<PaymentController>(c.get(), &store);
    pc->setOpensCashier(false);
    pc->setPollSchedule({std::chrono::milliseconds(200), std::chrono::milliseconds(60000), std::chrono::milliseconds(1000)});
    QSignalSpy paid(pc.get(), &PaymentController::paid);
    pc->pay(id, QStringLiteral("alipay"));
    QTRY_VERIFY_WITH_TIMEOUT(!pc->orderNo().isEmpty(), 60000);
    const QString orderNo = pc->orderNo();
    QCOMPARE(s->stop(), 0);
    const int polls = pc->pollCount();
    QTRY_VERIFY_WITH_TIMEOUT(pc->pollCount() >= polls + 2, 60000); // polling goes on against a dead server
    QVERIFY2(s->start(), qPrintable(s->lastError()));
    QCOMPARE(s->runAdmin({QStringLiteral("pay"), orderNo}).exitCode, 0);
    QTRY_COMPARE_WITH_TIMEOUT(paid.size(), 1, 60000);
    QCOMPARE(orders(*s, id), 1);

    // And the client restarts too: nothing is pending, no new order is made.
    pc.reset();
    const auto resumed = PaymentController::resumeAll(c.get(), &store, this);
    QVERIFY(resumed.isEmpty());
    QCOMPARE(orders(*s, id), 1);
}

void TestPlatformFaults::draftSurvivesFailingSaves()
{
    auto s = startWith({
        QJsonObject{{QStringLiteral("route"), QStringLiteral("PUT /api/v1/applications/{id}")}, {QStringLiteral("status"), 500}, {QStringLiteral("times"), 6}},
        QJsonObject{{QStringLiteral("route"), QStringLiteral("POST /api/v1/applications")}, {QStringLiteral("drop_after_bytes"), 10}, {QStringLiteral("times"), 1}},
    });
    QVERIFY(s);
    auto c = client(*s);
    QVERIFY(c);
    c->setRetryPolicy({2, std::chrono::milliseconds(20), std::chrono::milliseconds(40)});
    LocalStore store;
    QVERIFY(store.open(m_tmp.filePath(QStringLiteral("draft-faults.sqlite"))));
    DraftSync sync(c.get(), &store);
    sync.setProbeInterval(std::chrono::milliseconds(200));
    QSignalSpy synced(&sync, &DraftSync::synced);
    Draft d;
    d.id = LocalStore::newId();
    d.kind = QStringLiteral("new");
    d.json = sampleApplication(QStringLiteral("new"));
    QVERIFY(sync.save(d));
    // The first create's answer is dropped: offline, then back, then created.
    QTRY_VERIFY_WITH_TIMEOUT(synced.size() >= 1, 60000);
    const QString serverId = synced.last().at(1).toString();
    QJsonObject order = d.json.value(QStringLiteral("order")).toObject();
    order.insert(QStringLiteral("recipient_name"), QStringLiteral("钱七"));
    d.json.insert(QStringLiteral("order"), order);
    QVERIFY(sync.save(d));
    QTRY_VERIFY_WITH_TIMEOUT(!store.loadDraft(d.id)->dirty, 60000);
    SandboxHttp http(*s);
    QVERIFY(http.login(QStringLiteral("supplier")));
    const QJsonObject server = http.get(QStringLiteral("/api/v1/applications/") + store.loadDraft(d.id)->serverId).json();
    QCOMPARE(server.value(QStringLiteral("order")).toObject().value(QStringLiteral("recipient_name")).toString(), QStringLiteral("钱七"));
    QVERIFY(!serverId.isEmpty());
    // Qt resends a request whose connection dropped before the answer, also a
    // POST; the create carries the draft's Idempotency-Key
    // (operationKey("create", draftId)), so the resends replay the first reply
    // and exactly one application exists on the server.
    QCOMPARE(countRows(*s, QStringLiteral("SELECT COUNT(*) FROM applications"), {}), 1);
}

QTEST_GUILESS_MAIN(TestPlatformFaults)
#include "platform_faults.moc"
