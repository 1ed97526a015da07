// PlatformClient, AttachmentUpload, PaymentController, StatusPoller and
// DraftSync against a real ca-sandbox over HTTPS (pay-first workflow).
#include "SandboxProcess.h"

#include "core/platform/AttachmentUpload.h"
#include "core/platform/DraftSync.h"
#include "core/platform/PaymentController.h"
#include "core/platform/PlatformClient.h"
#include "core/platform/StatusPoller.h"
#include "core/store/LocalStore.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QFile>
#include <QGuiApplication>
#include <QImage>
#include <QImageReader>
#include <QJsonArray>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace ca;
using namespace ca::test;

namespace {

std::unique_ptr<PlatformClient> connectedClient(const SandboxProcess &sandbox, const QString &user = QStringLiteral("supplier"))
{
    auto c = std::make_unique<PlatformClient>();
    c->setBaseUrl(sandbox.url());
    c->setRetryPolicy({4, std::chrono::milliseconds(100), std::chrono::milliseconds(400)});
    if (!c->setCaBundle(sandbox.caCertPath()))
        return nullptr;
    std::unique_ptr<PlatformCall> login(c->login(user, sandbox.password(user)));
    if (!login->waitForFinished(60000) || !login->ok())
        return nullptr;
    return c;
}

// Runs a call to the end; the caller owns the result.
std::unique_ptr<PlatformCall> run(PlatformCall *call)
{
    call->waitForFinished(120000);
    return std::unique_ptr<PlatformCall>(call);
}

int countRows(const SandboxProcess &sandbox, const QString &sql, const QVariantList &binds)
{
    return sandbox.queryInt(sql, binds);
}

QByteArray le16(quint16 v) { return QByteArray(1, char(v & 0xff)) + QByteArray(1, char(v >> 8)); }
QByteArray le32(quint32 v) { return le16(quint16(v & 0xffff)) + le16(quint16(v >> 16)); }

// A JPEG with an EXIF APP1 segment carrying only the orientation tag.
QByteArray withExifOrientation(const QByteArray &jpeg, quint16 orientation)
{
    QByteArray tiff = QByteArray("II") + le16(0x2A) + le32(8) + le16(1) + le16(0x0112) + le16(3) + le32(1) + le16(orientation) + le16(0)
        + le32(0);
    const QByteArray app1 = QByteArray("Exif", 4) + QByteArray(2, '\0') + tiff;
    const quint16 len = quint16(app1.size() + 2);
    QByteArray seg;
    seg += char(0xFF);
    seg += char(0xE1);
    seg += char(len >> 8);
    seg += char(len & 0xff);
    return jpeg.left(2) + seg + app1 + jpeg.mid(2);
}

// A photo-like landscape picture (gradients and fine noise), written as JPEG.
QByteArray photoJpeg(int w, int h, int quality)
{
    QImage img(w, h, QImage::Format_RGB32);
    auto *rng = QRandomGenerator::global();
    for (int y = 0; y < h; ++y) {
        auto *line = reinterpret_cast<QRgb *>(img.scanLine(y));
        for (int x = 0; x < w; ++x) {
            const int n = int(rng->bounded(48)) - 24;
            line[x] = qRgb(qBound(0, x * 255 / w + n, 255), qBound(0, y * 255 / h + n, 255), qBound(0, ((x / 7) ^ (y / 5)) % 256 + n, 255));
        }
    }
    QByteArray out;
    QBuffer buf(&out);
    buf.open(QIODevice::WriteOnly);
    img.save(&buf, "JPEG", quality);
    return out;
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
}

} // namespace

class TestPlatformClient : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void routes();
    void errorsAreValues();
    void reloginResumesRequest();
    void statusPollerUsesEtag();
    void uploads();
    void photoCompression();
    void paymentWechatQrAndPolling();
    void paymentResumeAfterCrash();
    void paymentExpiryNewOrder();
    void draftSyncOfflineAndConflict();

private:
    std::unique_ptr<SandboxProcess> m_sandbox;
    QTemporaryDir m_tmp;
};

void TestPlatformClient::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    m_sandbox = std::make_unique<SandboxProcess>(QStringList{QStringLiteral("--workflow"), QStringLiteral("pay-first")});
    QVERIFY2(m_sandbox->start(), qPrintable(m_sandbox->lastError()));
}

void TestPlatformClient::routes()
{
    auto client = connectedClient(*m_sandbox);
    QVERIFY(client);
    QCOMPARE(client->session().value(QStringLiteral("role")).toString(), QStringLiteral("supplier"));
    QVERIFY(!client->session().contains(QStringLiteral("token")));

    auto info = run(client->platformInfo());
    QVERIFY2(info->ok(), qPrintable(info->error().userMessage));
    QVERIFY(info->json().value(QStringLiteral("max_upload_bytes")).toInteger() > 0);
    QVERIFY(!info->requestId().isEmpty());

    auto org = run(client->organization());
    QVERIFY(org->ok());
    QCOMPARE(org->json().value(QStringLiteral("type")).toString(), QStringLiteral("supplier"));

    auto created = run(client->createApplication(sampleApplication(QStringLiteral("new"))));
    QVERIFY2(created->ok(), qPrintable(created->error().userMessage));
    QCOMPARE(created->httpStatus(), 201);
    const QString id = created->json().value(QStringLiteral("id")).toString();
    const qint64 v1 = created->json().value(QStringLiteral("version")).toInteger();
    QVERIFY(!id.isEmpty());

    auto list = run(client->listApplications());
    QVERIFY(list->ok());
    bool found = false;
    for (const QJsonValue &v : list->json().value(QStringLiteral("items")).toArray())
        found |= v.toObject().value(QStringLiteral("id")).toString() == id;
    QVERIFY(found);

    auto shown = run(client->application(id));
    QVERIFY(shown->ok());
    QCOMPARE(shown->json().value(QStringLiteral("review_status")).toString(), QStringLiteral("draft"));
    auto same = run(client->application(id, v1));
    QCOMPARE(same->httpStatus(), 304);
    QVERIFY(same->ok());
    QVERIFY(same->body().isEmpty());

    QJsonObject edited = sampleApplication(QStringLiteral("new"), 2);
    auto updated = run(client->updateApplication(id, edited, v1));
    QVERIFY2(updated->ok(), qPrintable(updated->error().userMessage));
    QCOMPARE(updated->json().value(QStringLiteral("fee")).toString(), QStringLiteral("600.00"));
    auto stale = run(client->updateApplication(id, edited, v1));
    QCOMPARE(stale->error().kind, PlatformError::Kind::Conflict);
    QCOMPARE(stale->error().httpStatus, 409);
    QCOMPARE(stale->error().serverCode, QStringLiteral("version_conflict"));
    QVERIFY(!stale->error().requestId.isEmpty());

    auto events = run(client->events(id));
    QVERIFY(events->ok());
    QVERIFY(events->json().value(QStringLiteral("items")).toArray().size() >= 2);
    auto atts = run(client->attachments(id));
    QVERIFY(atts->ok());
    QCOMPARE(atts->json().value(QStringLiteral("items")).toArray().size(), 0);

    const QString tpl = m_tmp.filePath(QStringLiteral("form.pdf"));
    auto t = run(client->downloadTemplate(QStringLiteral("application_form"), tpl));
    QVERIFY2(t->ok(), qPrintable(t->error().userMessage));
    QFile tf(tpl);
    QVERIFY(tf.open(QIODevice::ReadOnly));
    QVERIFY(tf.read(5) == "%PDF-");
    QVERIFY(t->body().isEmpty()); // streamed to the file, not kept in memory

    // Not paid yet: no invoice, and the refused download leaves no file.
    const QString inv = m_tmp.filePath(QStringLiteral("invoice.pdf"));
    auto noInvoice = run(client->downloadInvoice(id, inv));
    QVERIFY(!noInvoice->ok());
    QVERIFY(!QFile::exists(inv));

    // Pay (admin at the cashier's place), then the invoice and the reviewer's side.
    auto order = run(client->createPaymentOrder(id, QStringLiteral("bank"), LocalStore::newId()));
    QVERIFY2(order->ok(), qPrintable(order->error().userMessage));
    const QString orderNo = order->json().value(QStringLiteral("order_no")).toString();
    QCOMPARE(m_sandbox->runAdmin({QStringLiteral("pay"), orderNo}).exitCode, 0);
    auto po = run(client->paymentOrder(orderNo));
    QCOMPARE(po->json().value(QStringLiteral("status")).toString(), QStringLiteral("paid"));
    auto invoice = run(client->downloadInvoice(id, inv));
    QVERIFY2(invoice->ok(), qPrintable(invoice->error().userMessage));
    QVERIFY(QFileInfo(inv).size() > 100);

    // The scans the seed asks for, each streamed through AttachmentUpload.
    const QString scan = m_tmp.filePath(QStringLiteral("scan.pdf"));
    QVERIFY(writeFile(scan, tinyPdf()));
    for (const char *category : {"legal_rep_id", "handler_id", "application_form", "authorization_letter", "business_licence"}) {
        AttachmentUpload up(client.get(), id, QLatin1String(category), scan);
        up.start();
        QVERIFY(up.waitForFinished(60000));
        QVERIFY2(up.ok(), qPrintable(up.error().userMessage));
    }
    auto submitted = run(client->submitApplication(id, QStringLiteral("请审核"), LocalStore::newId()));
    QVERIFY2(submitted->ok(), qPrintable(submitted->error().userMessage));
    QCOMPARE(submitted->json().value(QStringLiteral("review_status")).toString(), QStringLiteral("pending"));

    auto reviewer = connectedClient(*m_sandbox, QStringLiteral("reviewer"));
    QVERIFY(reviewer);
    auto queue = run(reviewer->reviewApplications());
    QVERIFY(queue->ok());
    auto approve = run(reviewer->review(id, QStringLiteral("approve"), QStringLiteral("ok")));
    QVERIFY2(approve->ok(), qPrintable(approve->error().userMessage));
    auto ship = run(reviewer->review(id, QStringLiteral("ship"), QStringLiteral("sent"), QStringLiteral("SF1234567890")));
    QVERIFY2(ship->ok(), qPrintable(ship->error().userMessage));
    auto received = run(client->confirmReceipt(id));
    QVERIFY2(received->ok(), qPrintable(received->error().userMessage));
    QCOMPARE(received->json().value(QStringLiteral("handling_status")).toString(), QStringLiteral("received"));

    // A second draft is deleted; a repeated delete of a gone item is a 404 value.
    auto other = run(client->createApplication(sampleApplication(QStringLiteral("reissue"))));
    const QString otherId = other->json().value(QStringLiteral("id")).toString();
    auto del = run(client->deleteApplication(otherId));
    QVERIFY(del->ok());
    QCOMPARE(del->httpStatus(), 204);
    auto gone = run(client->application(otherId));
    QCOMPARE(gone->error().kind, PlatformError::Kind::Http);
    QCOMPARE(gone->error().httpStatus, 404);

    QSignalSpy out(client.get(), &PlatformClient::loggedOut);
    auto bye = run(client->logout());
    QVERIFY(bye->ok());
    QCOMPARE(out.size(), 1);
    QVERIFY(!client->isLoggedIn());
}

void TestPlatformClient::errorsAreValues()
{
    PlatformClient client;
    client.setBaseUrl(m_sandbox->url());
    QVERIFY(client.setCaBundle(m_sandbox->caCertPath()));
    auto bad = run(client.login(QStringLiteral("supplier"), QStringLiteral("wrong-password")));
    QCOMPARE(bad->error().kind, PlatformError::Kind::Auth);
    QVERIFY(!bad->error().userMessage.isEmpty());
    QVERIFY(!client.isLoggedIn());

    auto c = connectedClient(*m_sandbox);
    QJsonObject app = sampleApplication(QStringLiteral("new"));
    QJsonObject invoice = app.value(QStringLiteral("invoice")).toObject();
    invoice.insert(QStringLiteral("tax_id"), QStringLiteral("12-3"));
    app.insert(QStringLiteral("invoice"), invoice);
    auto refused = run(c->createApplication(app));
    QCOMPARE(refused->error().kind, PlatformError::Kind::Validation);
    QCOMPARE(refused->error().httpStatus, 400);
    QVERIFY2(!refused->error().fieldMessage(QStringLiteral("invoice.tax_id")).isEmpty(), refused->body().constData());
    QVERIFY(!refused->error().requestId.isEmpty());
    QCOMPARE(refused->attempts(), 1); // a POST is never repeated

    // Nobody listens: a connection refused is a Network value (after the GET retries).
    PlatformClient nowhere;
    QUrl dead = m_sandbox->url();
    dead.setPort(1);
    nowhere.setBaseUrl(dead);
    nowhere.setRetryPolicy({3, std::chrono::milliseconds(10), std::chrono::milliseconds(20)});
    auto down = run(nowhere.platformInfo());
    QCOMPARE(down->error().kind, PlatformError::Kind::Network);
    QCOMPARE(down->attempts(), 3);
    QVERIFY(down->error().userMessage.contains(dead.host()));
}

void TestPlatformClient::reloginResumesRequest()
{
    auto client = connectedClient(*m_sandbox);
    QVERIFY(client);
    // The session ends behind the client's back (expiry, logout elsewhere).
    SandboxHttp http(*m_sandbox);
    http.setToken(client->token());
    QCOMPARE(http.del(QStringLiteral("/api/v1/session")).status, 204);

    QSignalSpy ask(client.get(), &PlatformClient::authenticationRequired);
    std::unique_ptr<PlatformCall> list(client->listApplications());
    QSignalSpy done(list.get(), &PlatformCall::finished);
    QTRY_COMPARE_WITH_TIMEOUT(ask.size(), 1, 60000);
    QVERIFY(!list->isFinished()); // waiting, not failed
    QCOMPARE(client->waitingForLogin(), 1);
    auto again = run(client->login(QStringLiteral("supplier"), m_sandbox->password(QStringLiteral("supplier"))));
    QVERIFY(again->ok());
    QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, 60000);
    QVERIFY2(list->ok(), qPrintable(list->error().userMessage));
    QCOMPARE(list->httpStatus(), 200);

    // Declining to log in fails the waiting request with an Auth value.
    http.setToken(client->token());
    QCOMPARE(http.del(QStringLiteral("/api/v1/session")).status, 204);
    std::unique_ptr<PlatformCall> org(client->organization());
    QTRY_COMPARE_WITH_TIMEOUT(ask.size(), 2, 60000);
    client->abandonAuthentication();
    QVERIFY(org->isFinished());
    QCOMPARE(org->error().kind, PlatformError::Kind::Auth);
}

void TestPlatformClient::statusPollerUsesEtag()
{
    auto client = connectedClient(*m_sandbox);
    auto created = run(client->createApplication(sampleApplication(QStringLiteral("new"))));
    const QString id = created->json().value(QStringLiteral("id")).toString();
    StatusPoller poller(client.get(), id);
    poller.setIntervals(std::chrono::milliseconds(100), std::chrono::milliseconds(400));
    QSignalSpy polled(&poller, &StatusPoller::polled);
    QSignalSpy changed(&poller, &StatusPoller::statusChanged);
    poller.start();
    QTRY_VERIFY_WITH_TIMEOUT(polled.size() >= 1, 60000);
    QCOMPARE(polled.first().first().toInt(), 200);
    QTRY_VERIFY_WITH_TIMEOUT(poller.notModifiedCount() >= 2, 60000); // unchanged: 304, no body
    QVERIFY(poller.currentInterval() > std::chrono::milliseconds(100)); // backed off
    QCOMPARE(changed.size(), 0);

    auto order = run(client->createPaymentOrder(id, QStringLiteral("wechat"), LocalStore::newId()));
    QVERIFY(order->ok());
    QTRY_COMPARE_WITH_TIMEOUT(changed.size(), 1, 60000);
    const auto changes = changed.first().at(1).value<QList<StatusChange>>();
    QCOMPARE(changes.size(), 1);
    QCOMPARE(changes.first(), (StatusChange{QStringLiteral("payment_status"), QStringLiteral("unpaid"), QStringLiteral("open")}));
    QCOMPARE(poller.currentInterval(), std::chrono::milliseconds(100));
    poller.stop();
}

void TestPlatformClient::uploads()
{
    auto client = connectedClient(*m_sandbox);
    auto created = run(client->createApplication(sampleApplication(QStringLiteral("new"))));
    const QString id = created->json().value(QStringLiteral("id")).toString();

    const QString txt = m_tmp.filePath(QStringLiteral("notes.txt"));
    QVERIFY(writeFile(txt, "just some text, not a scan"));
    AttachmentUpload refused(client.get(), id, QStringLiteral("business_licence"), txt);
    refused.start();
    QVERIFY(refused.waitForFinished(60000));
    QCOMPARE(refused.error().kind, PlatformError::Kind::Validation);
    QVERIFY2(refused.error().userMessage.contains(QStringLiteral("notes.txt")), qPrintable(refused.error().userMessage));

    LocalStore store;
    QVERIFY(store.open(m_tmp.filePath(QStringLiteral("uploads.sqlite"))));
    const QString pdf = m_tmp.filePath(QStringLiteral("营业执照.pdf"));
    QByteArray pdfBytes = tinyPdf();
    pdfBytes += QByteArray(300 * 1024, ' '); // some size for progress
    QVERIFY(writeFile(pdf, pdfBytes));
    AttachmentUpload up(client.get(), id, QStringLiteral("business_licence"), pdf);
    up.setStore(&store);
    QSignalSpy progress(&up, &AttachmentUpload::progress);
    up.start();
    QVERIFY(up.waitForFinished(60000));
    QVERIFY2(up.ok(), qPrintable(up.error().userMessage));
    QVERIFY(!up.wasCompressed());
    QVERIFY(progress.size() >= 1);
    QCOMPARE(up.attachment().value(QStringLiteral("sha256")).toString(),
             QString::fromLatin1(QCryptographicHash::hash(pdfBytes, QCryptographicHash::Sha256).toHex()));
    QCOMPARE(up.attachment().value(QStringLiteral("file_name")).toString(), QStringLiteral("营业执照.pdf"));
    auto list = run(client->attachments(id));
    QCOMPARE(list->json().value(QStringLiteral("items")).toArray().size(), 1);

    // Bytes come back identical.
    const QString back = m_tmp.filePath(QStringLiteral("back.pdf"));
    auto dl = run(client->downloadAttachment(id, up.attachment().value(QStringLiteral("id")).toString(), back));
    QVERIFY(dl->ok());
    QFile b(back);
    QVERIFY(b.open(QIODevice::ReadOnly));
    QCOMPARE(b.readAll(), pdfBytes);
    auto del = run(client->deleteAttachment(id, up.attachment().value(QStringLiteral("id")).toString()));
    QVERIFY(del->ok());

    // Cancel: no attachment.
    AttachmentUpload cancelled(client.get(), id, QStringLiteral("handler_id"), pdf);
    cancelled.start();
    cancelled.cancel();
    QVERIFY(cancelled.waitForFinished(60000));
    QCOMPARE(cancelled.error().kind, PlatformError::Kind::Cancelled);
    auto after = run(client->attachments(id));
    QCOMPARE(after->json().value(QStringLiteral("items")).toArray().size(), 0);
}

void TestPlatformClient::photoCompression()
{
    SandboxProcess small({QStringLiteral("--workflow"), QStringLiteral("pay-first"), QStringLiteral("--max-upload-mb"), QStringLiteral("1")});
    QVERIFY2(small.start(), qPrintable(small.lastError()));
    auto client = connectedClient(small);
    QVERIFY(client);
    auto created = run(client->createApplication(sampleApplication(QStringLiteral("new"))));
    const QString id = created->json().value(QStringLiteral("id")).toString();

    // A 3000x2000 landscape photo whose EXIF says "rotate 90° clockwise" (orientation 6).
    const QString photo = m_tmp.filePath(QStringLiteral("licence-photo.jpg"));
    QVERIFY(writeFile(photo, withExifOrientation(photoJpeg(3000, 2000, 95), 6)));
    QVERIFY(QFileInfo(photo).size() > 1024 * 1024);

    AttachmentUpload up(client.get(), id, QStringLiteral("business_licence"), photo);
    QSignalSpy compressed(&up, &AttachmentUpload::compressed);
    up.start();
    QVERIFY(up.waitForFinished(120000));
    QVERIFY2(up.ok(), qPrintable(up.error().userMessage + up.error().detail));
    QVERIFY(up.wasCompressed());
    QCOMPARE(compressed.size(), 1);
    QVERIFY(up.compressionNotice().contains(QStringLiteral("licence-photo.jpg")));
    QVERIFY(up.prepared().size <= 1024 * 1024);
    QCOMPARE(up.attachment().value(QStringLiteral("content_type")).toString(), QStringLiteral("image/jpeg"));
    QCOMPARE(up.attachment().value(QStringLiteral("file_name")).toString(), QStringLiteral("licence-photo.jpg"));

    // What the server holds: upright (portrait after the EXIF rotation), long side >= 1600.
    const QString back = m_tmp.filePath(QStringLiteral("back.jpg"));
    auto dl = run(client->downloadAttachment(id, up.attachment().value(QStringLiteral("id")).toString(), back));
    QVERIFY(dl->ok());
    QImageReader r(back);
    const QSize s = r.size();
    QVERIFY2(s.height() > s.width(), qPrintable(QStringLiteral("%1x%2").arg(s.width()).arg(s.height())));
    QVERIFY(qMax(s.width(), s.height()) >= 1600);
    QVERIFY(!QFile::exists(up.prepared().path) || up.prepared().path != photo); // temp copy, original untouched
    QVERIFY(QFile::exists(photo));
}

void TestPlatformClient::paymentWechatQrAndPolling()
{
    auto client = connectedClient(*m_sandbox);
    auto created = run(client->createApplication(sampleApplication(QStringLiteral("new"))));
    const QString id = created->json().value(QStringLiteral("id")).toString();
    LocalStore store;
    QVERIFY(store.open(m_tmp.filePath(QStringLiteral("pay.sqlite"))));

    PaymentController pc(client.get(), &store);
    pc.setOpensCashier(false);
    QSignalSpy changed(&pc, &PaymentController::orderChanged);
    QSignalSpy countdown(&pc, &PaymentController::countdown);
    QSignalSpy paid(&pc, &PaymentController::paid);
    pc.pay(id, QStringLiteral("wechat"));
    QTRY_VERIFY_WITH_TIMEOUT(changed.size() >= 1, 60000);
    QCOMPARE(pc.status(), QStringLiteral("open"));
    QVERIFY(!pc.qr().isNull());
    QTRY_VERIFY_WITH_TIMEOUT(countdown.size() >= 1, 60000);
    const int left = countdown.first().first().toInt();
    QVERIFY2(left > 0 && left <= 300, qPrintable(QString::number(left)));

    // The QR code decodes to the pay URL (zbarimg reads the picture the UI shows).
    const QString png = m_tmp.filePath(QStringLiteral("qr.png"));
    QVERIFY(PaymentQr::toImage(pc.qr()).save(png));
    const QString zbar = QStandardPaths::findExecutable(QStringLiteral("zbarimg"));
    QVERIFY2(!zbar.isEmpty(), "zbarimg (zbar-tools) is needed");
    QProcess z;
    z.start(zbar, {QStringLiteral("--raw"), QStringLiteral("-q"), png});
    QVERIFY(z.waitForFinished(60000));
    QCOMPARE(QString::fromUtf8(z.readAllStandardOutput()).trimmed(), pc.payUrl().toString());
    const QString text = PaymentQr::toText(pc.qr());
    QCOMPARE(text.count(QLatin1Char('\n')), (pc.qr().size + 4 + 1) / 2);

    // The store knows the order; paying at the platform ends the polling.
    const auto intents = store.intentsForApplication(id);
    QVERIFY(intents);
    QCOMPARE(intents->size(), 1);
    QCOMPARE(intents->first().orderNo, pc.orderNo());
    QCOMPARE(m_sandbox->runAdmin({QStringLiteral("pay"), pc.orderNo()}).exitCode, 0);
    QTRY_COMPARE_WITH_TIMEOUT(paid.size(), 1, 60000);
    QVERIFY(!pc.isPolling());
    QCOMPARE(store.intentsForApplication(id)->first().status, QStringLiteral("paid"));
    QVERIFY(store.pendingIntents()->isEmpty());
    QCOMPARE(countRows(*m_sandbox, QStringLiteral("SELECT COUNT(*) FROM payment_orders WHERE application_id = ?"), {id}), 1);
}

void TestPlatformClient::paymentResumeAfterCrash()
{
    auto client = connectedClient(*m_sandbox);
    auto created = run(client->createApplication(sampleApplication(QStringLiteral("new"))));
    const QString id = created->json().value(QStringLiteral("id")).toString();
    const QString storePath = m_tmp.filePath(QStringLiteral("crash.sqlite"));
    QString key;
    {
        // The first run wrote the intent, sent the order request, and died before the answer.
        LocalStore store;
        QVERIFY(store.open(storePath));
        const auto intent = store.intentFor(id, QStringLiteral("bank"));
        QVERIFY(intent);
        key = intent->idempotencyKey;
        auto sent = run(client->createPaymentOrder(id, QStringLiteral("bank"), key));
        QCOMPARE(sent->httpStatus(), 201);
    }
    LocalStore store;
    QVERIFY(store.open(storePath));
    const auto controllers = PaymentController::resumeAll(client.get(), &store, this);
    QCOMPARE(controllers.size(), 1);
    PaymentController *pc = controllers.first();
    QCOMPARE(pc->idempotencyKey(), key);
    QTRY_VERIFY_WITH_TIMEOUT(!pc->orderNo().isEmpty(), 60000);
    QCOMPARE(pc->status(), QStringLiteral("open"));
    QCOMPARE(countRows(*m_sandbox, QStringLiteral("SELECT COUNT(*) FROM payment_orders WHERE application_id = ?"), {id}), 1);
    // Pay now (the same intent again): still the one order.
    pc->stop();
    PaymentController again(client.get(), &store);
    again.setOpensCashier(false);
    again.pay(id, QStringLiteral("bank"));
    QTRY_VERIFY_WITH_TIMEOUT(!again.orderNo().isEmpty(), 60000);
    QCOMPARE(again.orderNo(), pc->orderNo());
    QCOMPARE(countRows(*m_sandbox, QStringLiteral("SELECT COUNT(*) FROM payment_orders WHERE application_id = ?"), {id}), 1);
    qDeleteAll(controllers);
}

void TestPlatformClient::paymentExpiryNewOrder()
{
    qputenv("CA_SANDBOX_WECHAT_TTL", "3");
    SandboxProcess quick({QStringLiteral("--workflow"), QStringLiteral("pay-first")});
    const bool started = quick.start();
    qunsetenv("CA_SANDBOX_WECHAT_TTL");
    QVERIFY2(started, qPrintable(quick.lastError()));
    auto client = connectedClient(quick);
    auto created = run(client->createApplication(sampleApplication(QStringLiteral("new"))));
    const QString id = created->json().value(QStringLiteral("id")).toString();
    LocalStore store;
    QVERIFY(store.open(m_tmp.filePath(QStringLiteral("expiry.sqlite"))));
    PaymentController pc(client.get(), &store);
    pc.setPollSchedule({std::chrono::milliseconds(300), std::chrono::milliseconds(60000), std::chrono::milliseconds(1000)});
    QSignalSpy expired(&pc, &PaymentController::expired);
    QVERIFY(!pc.newOrder()); // nothing to replace yet
    pc.pay(id, QStringLiteral("wechat"));
    QTRY_VERIFY_WITH_TIMEOUT(!pc.orderNo().isEmpty(), 60000);
    const QString first = pc.orderNo();
    QTRY_COMPARE_WITH_TIMEOUT(expired.size(), 1, 60000);
    QVERIFY(pc.qr().isNull());
    QVERIFY(pc.newOrder());
    QTRY_VERIFY_WITH_TIMEOUT(!pc.orderNo().isEmpty() && pc.orderNo() != first, 60000);
    QCOMPARE(pc.status(), QStringLiteral("open"));
    QVERIFY(!pc.qr().isNull());
    QCOMPARE(store.intentsForApplication(id)->size(), 2);
    pc.stop();
}

void TestPlatformClient::draftSyncOfflineAndConflict()
{
    // Its own sandbox on a fixed port, so it can be stopped and started again.
    SandboxProcess sb({QStringLiteral("--workflow"), QStringLiteral("pay-first")});
    QVERIFY2(sb.start(), qPrintable(sb.lastError()));
    const int port = sb.url().port();
    sb.setExtraArgs({QStringLiteral("--workflow"), QStringLiteral("pay-first"), QStringLiteral("--listen"),
                     QStringLiteral("127.0.0.1:%1").arg(port)});
    auto client = connectedClient(sb);
    QVERIFY(client);
    client->setRetryPolicy({2, std::chrono::milliseconds(50), std::chrono::milliseconds(100)});
    client->setTransferTimeout(std::chrono::milliseconds(5000));
    LocalStore store;
    QVERIFY(store.open(m_tmp.filePath(QStringLiteral("drafts.sqlite"))));
    DraftSync sync(client.get(), &store);
    sync.setProbeInterval(std::chrono::milliseconds(200));
    QSignalSpy synced(&sync, &DraftSync::synced);
    QSignalSpy online(&sync, &DraftSync::onlineChanged);
    QSignalSpy conflict(&sync, &DraftSync::conflictDetected);

    Draft d;
    d.id = LocalStore::newId();
    d.kind = QStringLiteral("new");
    d.json = sampleApplication(QStringLiteral("new"));
    QVERIFY(sync.save(d));
    QTRY_COMPARE_WITH_TIMEOUT(synced.size(), 1, 60000);
    const QString serverId = synced.first().at(1).toString();
    QVERIFY(!serverId.isEmpty());
    QVERIFY(!store.loadDraft(d.id)->dirty);

    // Offline: the edit stays in the store, the banner state flips.
    QCOMPARE(sb.stop(), 0);
    QJsonObject order = d.json.value(QStringLiteral("order")).toObject();
    order.insert(QStringLiteral("recipient_name"), QStringLiteral("李四"));
    d.json.insert(QStringLiteral("order"), order);
    QVERIFY(sync.save(d));
    QTRY_VERIFY_WITH_TIMEOUT(!sync.isOnline(), 60000);
    QCOMPARE(online.last().first().toBool(), false);
    QVERIFY(store.loadDraft(d.id)->dirty);
    order.insert(QStringLiteral("recipient_phone"), QStringLiteral("13912345678"));
    d.json.insert(QStringLiteral("order"), order);
    QVERIFY(sync.save(d)); // still typing while offline

    // Back: the probe notices, the draft goes up.
    QVERIFY2(sb.start(), qPrintable(sb.lastError()));
    QTRY_VERIFY_WITH_TIMEOUT(sync.isOnline(), 60000);
    QTRY_VERIFY_WITH_TIMEOUT(!store.loadDraft(d.id)->dirty, 60000);
    SandboxHttp http(sb);
    QVERIFY(http.login(QStringLiteral("supplier")));
    QJsonObject server = http.get(QStringLiteral("/api/v1/applications/") + serverId).json();
    QCOMPARE(server.value(QStringLiteral("order")).toObject().value(QStringLiteral("recipient_name")).toString(), QStringLiteral("李四"));
    QCOMPARE(server.value(QStringLiteral("order")).toObject().value(QStringLiteral("recipient_phone")).toString(), QStringLiteral("13912345678"));

    // Someone else saves on another machine; our next save conflicts and both versions are kept.
    QJsonObject theirs = server;
    QJsonObject theirOrder = theirs.value(QStringLiteral("order")).toObject();
    theirOrder.insert(QStringLiteral("recipient_name"), QStringLiteral("王五"));
    theirs = QJsonObject{{QStringLiteral("kind"), QStringLiteral("new")}, {QStringLiteral("order"), theirOrder},
                         {QStringLiteral("invoice"), server.value(QStringLiteral("invoice"))}};
    const auto put = http.put(QStringLiteral("/api/v1/applications/") + serverId, theirs,
                              {{"If-Match", '"' + QByteArray::number(server.value(QStringLiteral("version")).toInteger()) + '"'}});
    QCOMPARE(put.status, 200);
    order.insert(QStringLiteral("recipient_name"), QStringLiteral("赵六"));
    d.json.insert(QStringLiteral("order"), order);
    QVERIFY(sync.save(d));
    QTRY_COMPARE_WITH_TIMEOUT(conflict.size(), 1, 60000);
    const auto kept = store.conflict(d.id);
    QVERIFY(kept && kept->has_value());
    QCOMPARE((*kept)->serverJson.value(QStringLiteral("order")).toObject().value(QStringLiteral("recipient_name")).toString(), QStringLiteral("王五"));
    QCOMPARE(store.loadDraft(d.id)->json.value(QStringLiteral("order")).toObject().value(QStringLiteral("recipient_name")).toString(), QStringLiteral("赵六"));
    server = http.get(QStringLiteral("/api/v1/applications/") + serverId).json();
    QCOMPARE(server.value(QStringLiteral("order")).toObject().value(QStringLiteral("recipient_name")).toString(), QStringLiteral("王五")); // not overwritten

    // The user keeps theirs (the local one): it goes up over the server's version, by choice.
    const int before = synced.size();
    QVERIFY(sync.resolve(d.id, ConflictResolution::KeepLocal));
    QTRY_VERIFY_WITH_TIMEOUT(synced.size() > before, 60000);
    server = http.get(QStringLiteral("/api/v1/applications/") + serverId).json();
    QCOMPARE(server.value(QStringLiteral("order")).toObject().value(QStringLiteral("recipient_name")).toString(), QStringLiteral("赵六"));
}

int main(int argc, char **argv)
{
    QGuiApplication app(argc, argv); // QImageReader/QPainter for compression
    TestPlatformClient t;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&t, argc, argv);
}

#include "platform_client.moc"
