// ca-sandbox: the application lifecycle on both workflows for all five kinds,
// versioning, idempotency, attachments, admin commands, auto-review and a
// restart in the middle of a flow.
#include "SandboxProcess.h"

#include "core/model/Enums.h"
#include "core/validation/ApplicationValidator.h"

#include <QCryptographicHash>
#include <QHttpMultiPart>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslConfiguration>
#include <QDir>
#include <QJsonArray>
#include <QtTest>

using namespace ca::test;

namespace {

QString appPath(const QString &id, const QString &suffix = {})
{
    return QStringLiteral("/api/v1/applications/") + id + suffix;
}

QStringList requiredCategories(const QString &kind)
{
    QStringList out;
    const auto k = ca::enumFromWord<ca::ApplicationKind>(kind);
    for (const auto c : ca::ApplicationValidator::requiredAttachments(*k))
        out << ca::enumWord(c);
    return out;
}

QStringList actions(const SandboxHttp::Response &r)
{
    QStringList out;
    for (const QJsonValue &v : r.json().value(QStringLiteral("items")).toArray())
        out << v.toObject().value(QStringLiteral("action")).toString();
    return out;
}

} // namespace

class TestSandboxCoreApplications : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void lifecycle_data();
    void lifecycle();
    void rejectAndResubmit();
    void versioning();
    void feeIsComputedByTheServer();
    void deleteRules();
    void listFilters();
    void attachments();
    void qtMultipartUpload();
    void idempotency();
    void adminCommands();
    void restartMidFlow();
    void autoReview();

private:
    // Creates a complete application with its required attachments; returns the id.
    QString prepare(SandboxHttp &http, const QString &kind, const QString &pickup = QStringLiteral("mail"));
    // Opens a payment order and settles it with `ca-sandbox admin pay`.
    void pay(SandboxProcess &sandbox, SandboxHttp &http, const QString &id);

    std::unique_ptr<SandboxProcess> m_reviewFirst;
    std::unique_ptr<SandboxProcess> m_payFirst;
};

void TestSandboxCoreApplications::initTestCase()
{
    m_reviewFirst = std::make_unique<SandboxProcess>(QStringList{QStringLiteral("--workflow"), QStringLiteral("review-first")});
    QVERIFY2(m_reviewFirst->start(), qPrintable(m_reviewFirst->lastError()));
    m_payFirst = std::make_unique<SandboxProcess>(QStringList{QStringLiteral("--workflow"), QStringLiteral("pay-first")});
    QVERIFY2(m_payFirst->start(), qPrintable(m_payFirst->lastError()));
    QCOMPARE(m_payFirst->workflow(), QStringLiteral("pay-first"));
}

QString TestSandboxCoreApplications::prepare(SandboxHttp &http, const QString &kind, const QString &pickup)
{
    QJsonObject body = sampleApplication(kind);
    QJsonObject order = body.value(QStringLiteral("order")).toObject();
    order.insert(QStringLiteral("pickup"), pickup);
    body.insert(QStringLiteral("order"), order);
    const auto created = http.post(QStringLiteral("/api/v1/applications"), body);
    if (created.status != 201) {
        qWarning() << created.status << created.body;
        return {};
    }
    const QString id = created.json().value(QStringLiteral("id")).toString();
    for (const QString &category : requiredCategories(kind)) {
        const auto up = http.upload(appPath(id, QStringLiteral("/attachments")), category, category + QStringLiteral(".pdf"), tinyPdf());
        if (up.status != 201) {
            qWarning() << up.status << up.body;
            return {};
        }
    }
    return id;
}

void TestSandboxCoreApplications::pay(SandboxProcess &sandbox, SandboxHttp &http, const QString &id)
{
    const auto order = http.post(appPath(id, QStringLiteral("/payments")), QJsonObject{{QStringLiteral("channel"), QStringLiteral("bank")}},
                                 {{"Idempotency-Key", "pay-" + id.toLatin1()}});
    QVERIFY2(order.status == 201, order.body.constData());
    const QString orderNo = order.json().value(QStringLiteral("order_no")).toString();
    QVERIFY(!orderNo.isEmpty());
    QCOMPARE(http.get(appPath(id)).json().value(QStringLiteral("payment_status")).toString(), QStringLiteral("open"));
    const auto admin = sandbox.runAdmin({QStringLiteral("pay"), orderNo});
    QVERIFY2(admin.exitCode == 0, admin.err.constData());
    QCOMPARE(http.get(appPath(id)).json().value(QStringLiteral("payment_status")).toString(), QStringLiteral("paid"));
}

void TestSandboxCoreApplications::lifecycle_data()
{
    QTest::addColumn<QString>("workflow");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("pickup");
    for (const char *wf : {"review-first", "pay-first"}) {
        for (const char *kind : {"new", "reissue", "change", "renewal", "existing"})
            QTest::addRow("%s/%s", wf, kind) << QString::fromLatin1(wf) << QString::fromLatin1(kind) << QStringLiteral("mail");
        QTest::addRow("%s/new-onsite", wf) << QString::fromLatin1(wf) << QStringLiteral("new") << QStringLiteral("onsite");
    }
}

void TestSandboxCoreApplications::lifecycle()
{
    QFETCH(QString, workflow);
    QFETCH(QString, kind);
    QFETCH(QString, pickup);
    SandboxProcess &sandbox = workflow == QLatin1String("pay-first") ? *m_payFirst : *m_reviewFirst;
    SandboxHttp http(sandbox);
    SandboxHttp reviewer(sandbox);
    QVERIFY(http.login(QStringLiteral("supplier")));
    QVERIFY(reviewer.login(QStringLiteral("reviewer")));
    const QString id = prepare(http, kind, pickup);
    QVERIFY(!id.isEmpty());
    QJsonObject app = http.get(appPath(id)).json();
    QCOMPARE(app.value(QStringLiteral("review_status")).toString(), QStringLiteral("draft"));
    const bool free = app.value(QStringLiteral("fee")).toString() == QLatin1String("0.00");
    QCOMPARE(free, kind == QLatin1String("existing"));
    const bool shipsKey = kind == QLatin1String("new") || kind == QLatin1String("reissue");

    if (workflow == QLatin1String("pay-first") && !free) {
        // Pay first: submitting before payment is refused.
        const auto early = http.post(appPath(id, QStringLiteral("/submit")), QJsonObject{{QStringLiteral("comment"), QStringLiteral("x")}});
        QCOMPARE(early.status, 409);
        QCOMPARE(early.json().value(QStringLiteral("code")).toString(), QStringLiteral("invalid_state"));
        pay(sandbox, http, id);
        if (QTest::currentTestFailed())
            return;
    }
    const auto submitted = http.post(appPath(id, QStringLiteral("/submit")), QJsonObject{{QStringLiteral("comment"), QStringLiteral("请审核")}});
    QVERIFY2(submitted.status == 200, submitted.body.constData());
    QCOMPARE(submitted.json().value(QStringLiteral("review_status")).toString(), QStringLiteral("pending"));
    // Nothing pending is editable.
    auto edit = http.put(appPath(id), sampleApplication(kind), {{"If-Match", "\"" + QByteArray::number(submitted.json().value(QStringLiteral("version")).toInt()) + "\""}});
    QCOMPARE(edit.status, 409);
    QCOMPARE(http.del(appPath(id)).status, 409);

    const auto approved = reviewer.post(QStringLiteral("/api/v1/review/applications/") + id + QStringLiteral("/approve"),
                                        QJsonObject{{QStringLiteral("comment"), QStringLiteral("材料齐全")}});
    QVERIFY2(approved.status == 200, approved.body.constData());
    QCOMPARE(approved.json().value(QStringLiteral("review_status")).toString(), QStringLiteral("approved"));

    if (workflow == QLatin1String("review-first") && !free) {
        QCOMPARE(approved.json().value(QStringLiteral("handling_status")).toString(), QStringLiteral("none"));
        pay(sandbox, http, id);
        if (QTest::currentTestFailed())
            return;
    }
    app = http.get(appPath(id)).json();
    QCOMPARE(app.value(QStringLiteral("handling_status")).toString(), QStringLiteral("processing"));

    const QString reviewBase = QStringLiteral("/api/v1/review/applications/") + id;
    if (shipsKey && pickup == QLatin1String("mail")) {
        // Shipping needs a tracking number.
        QCOMPARE(reviewer.post(reviewBase + QStringLiteral("/ship"), {}).status, 400);
        const auto shipped = reviewer.post(reviewBase + QStringLiteral("/ship"), QJsonObject{{QStringLiteral("tracking_no"), QStringLiteral("EMS1234567890")}});
        QVERIFY2(shipped.status == 200, shipped.body.constData());
        QCOMPARE(shipped.json().value(QStringLiteral("handling_status")).toString(), QStringLiteral("shipped"));
        QCOMPARE(shipped.json().value(QStringLiteral("fulfilment")).toObject().value(QStringLiteral("tracking_no")).toString(), QStringLiteral("EMS1234567890"));
        const auto received = http.post(appPath(id, QStringLiteral("/confirm-receipt")), {});
        QVERIFY2(received.status == 200, received.body.constData());
        QCOMPARE(received.json().value(QStringLiteral("handling_status")).toString(), QStringLiteral("received"));
        QVERIFY(!received.json().value(QStringLiteral("fulfilment")).toObject().value(QStringLiteral("received_at")).toString().isEmpty());
        QCOMPARE(http.post(appPath(id, QStringLiteral("/confirm-receipt")), {}).status, 409); // only once
    } else if (shipsKey) {
        const auto onsite = reviewer.post(reviewBase + QStringLiteral("/onsite"), {});
        QVERIFY2(onsite.status == 200, onsite.body.constData());
        QCOMPARE(onsite.json().value(QStringLiteral("handling_status")).toString(), QStringLiteral("onsite"));
        QCOMPARE(http.post(appPath(id, QStringLiteral("/confirm-receipt")), {}).status, 409); // no receipt on site
        const auto done = reviewer.post(reviewBase + QStringLiteral("/done"), {});
        QVERIFY2(done.status == 200, done.body.constData());
        QCOMPARE(done.json().value(QStringLiteral("handling_status")).toString(), QStringLiteral("done"));
    } else {
        QCOMPARE(http.post(appPath(id, QStringLiteral("/confirm-receipt")), {}).status, 409);
        const auto done = reviewer.post(reviewBase + QStringLiteral("/done"), {});
        QVERIFY2(done.status == 200, done.body.constData());
        QCOMPARE(done.json().value(QStringLiteral("handling_status")).toString(), QStringLiteral("done"));
    }
    const auto events = http.get(appPath(id, QStringLiteral("/events")));
    QCOMPARE(events.status, 200);
    const QStringList acts = actions(events);
    QCOMPARE(acts.first(), QStringLiteral("create"));
    QVERIFY(acts.contains(QStringLiteral("submit")));
    QVERIFY(acts.contains(QStringLiteral("approve")));
    QCOMPARE(acts.contains(QStringLiteral("pay")), !free);
    const QJsonArray items = events.json().value(QStringLiteral("items")).toArray();
    for (const QJsonValue &v : items) {
        if (v.toObject().value(QStringLiteral("action")).toString() == QLatin1String("submit")) {
            QCOMPARE(v.toObject().value(QStringLiteral("comment")).toString(), QStringLiteral("请审核"));
            QCOMPARE(v.toObject().value(QStringLiteral("actor")).toString(), QStringLiteral("supplier"));
        }
    }
    // Paid is final: nothing can be deleted or edited any more.
    QCOMPARE(http.del(appPath(id)).status, 409);
}

void TestSandboxCoreApplications::rejectAndResubmit()
{
    SandboxHttp http(*m_reviewFirst);
    SandboxHttp reviewer(*m_reviewFirst);
    QVERIFY(http.login(QStringLiteral("supplier")));
    QVERIFY(reviewer.login(QStringLiteral("reviewer")));
    const QString id = prepare(http, QStringLiteral("new"));
    QVERIFY(!id.isEmpty());
    QCOMPARE(http.post(appPath(id, QStringLiteral("/submit")), {}).status, 200);
    const QString reviewBase = QStringLiteral("/api/v1/review/applications/") + id;
    const auto noReason = reviewer.post(reviewBase + QStringLiteral("/reject"), {});
    QCOMPARE(noReason.status, 400);
    QCOMPARE(noReason.json().value(QStringLiteral("fields")).toArray().first().toObject().value(QStringLiteral("field")).toString(), QStringLiteral("comment"));
    const auto rejected = reviewer.post(reviewBase + QStringLiteral("/reject"), QJsonObject{{QStringLiteral("comment"), QStringLiteral("营业执照不清晰")}});
    QCOMPARE(rejected.status, 200);
    QCOMPARE(rejected.json().value(QStringLiteral("review_status")).toString(), QStringLiteral("rejected"));
    // Rejected: editable again (attachments too), but not deletable.
    const int version = rejected.json().value(QStringLiteral("version")).toInt();
    const auto edited = http.put(appPath(id), sampleApplication(QStringLiteral("new")), {{"If-Match", "\"" + QByteArray::number(version) + "\""}});
    QVERIFY2(edited.status == 200, edited.body.constData());
    QCOMPARE(http.upload(appPath(id, QStringLiteral("/attachments")), QStringLiteral("business_licence"), QStringLiteral("clear.png"), tinyPng()).status, 201);
    QCOMPARE(http.del(appPath(id)).status, 409);
    const auto again = http.post(appPath(id, QStringLiteral("/submit")), QJsonObject{{QStringLiteral("comment"), QStringLiteral("已重新上传")}});
    QCOMPARE(again.status, 200);
    QCOMPARE(again.json().value(QStringLiteral("review_status")).toString(), QStringLiteral("pending"));
    // An approve on an approved application is refused.
    QCOMPARE(reviewer.post(reviewBase + QStringLiteral("/approve"), {}).status, 200);
    QCOMPARE(reviewer.post(reviewBase + QStringLiteral("/approve"), {}).status, 409);
    QCOMPARE(reviewer.post(QStringLiteral("/api/v1/review/applications/A19990101-9999/approve"), {}).status, 404);
}

void TestSandboxCoreApplications::versioning()
{
    SandboxHttp http(*m_reviewFirst);
    QVERIFY(http.login(QStringLiteral("supplier")));
    const auto created = http.post(QStringLiteral("/api/v1/applications"), sampleApplication(QStringLiteral("new")));
    QCOMPARE(created.status, 201);
    const QString id = created.json().value(QStringLiteral("id")).toString();
    QVERIFY(id.startsWith(QLatin1Char('A')));
    QCOMPARE(created.header("Location"), appPath(id).toLatin1());
    const int v1 = created.json().value(QStringLiteral("version")).toInt();
    QCOMPARE(created.header("ETag"), "\"" + QByteArray::number(v1) + "\"");

    auto got = http.get(appPath(id));
    QCOMPARE(got.header("ETag"), created.header("ETag"));
    QCOMPARE(http.get(appPath(id), {{"If-None-Match", got.header("ETag")}}).status, 304);

    QJsonObject changed = sampleApplication(QStringLiteral("new"));
    QJsonObject order = changed.value(QStringLiteral("order")).toObject();
    order.insert(QStringLiteral("recipient_name"), QStringLiteral("李四"));
    changed.insert(QStringLiteral("order"), order);
    auto missing = http.put(appPath(id), changed);
    QCOMPARE(missing.status, 428);
    QCOMPARE(missing.json().value(QStringLiteral("code")).toString(), QStringLiteral("precondition_required"));
    auto ok = http.put(appPath(id), changed, {{"If-Match", got.header("ETag")}});
    QVERIFY2(ok.status == 200, ok.body.constData());
    const int v2 = ok.json().value(QStringLiteral("version")).toInt();
    QVERIFY(v2 > v1);
    QCOMPARE(ok.json().value(QStringLiteral("order")).toObject().value(QStringLiteral("recipient_name")).toString(), QStringLiteral("李四"));
    // A second machine still holding v1 gets a conflict with the current state.
    auto stale = http.put(appPath(id), sampleApplication(QStringLiteral("new")), {{"If-Match", got.header("ETag")}});
    QCOMPARE(stale.status, 409);
    QCOMPARE(stale.json().value(QStringLiteral("code")).toString(), QStringLiteral("version_conflict"));
    QCOMPARE(stale.json().value(QStringLiteral("current_version")).toInt(), v2);
    QCOMPARE(stale.json().value(QStringLiteral("current")).toObject().value(QStringLiteral("order")).toObject().value(QStringLiteral("recipient_name")).toString(),
             QStringLiteral("李四"));
    QCOMPARE(http.get(appPath(id)).json().value(QStringLiteral("order")).toObject().value(QStringLiteral("recipient_name")).toString(), QStringLiteral("李四"));
    // The old version no longer matches If-None-Match.
    QCOMPARE(http.get(appPath(id), {{"If-None-Match", got.header("ETag")}}).status, 200);
    // Server-owned keys echoed back are ignored.
    QJsonObject echo = ok.json();
    echo.insert(QStringLiteral("review_status"), QStringLiteral("approved"));
    echo.insert(QStringLiteral("fee"), QStringLiteral("0.01"));
    auto echoed = http.put(appPath(id), echo, {{"If-Match", "\"" + QByteArray::number(v2) + "\""}});
    QVERIFY2(echoed.status == 200, echoed.body.constData());
    QCOMPARE(echoed.json().value(QStringLiteral("review_status")).toString(), QStringLiteral("draft"));
    QCOMPARE(echoed.json().value(QStringLiteral("fee")).toString(), QStringLiteral("300.00"));
}

void TestSandboxCoreApplications::feeIsComputedByTheServer()
{
    SandboxHttp http(*m_reviewFirst);
    QVERIFY(http.login(QStringLiteral("purchaser")));
    QJsonObject body = sampleApplication(QStringLiteral("new"), 2);
    body.insert(QStringLiteral("fee"), QStringLiteral("0.01"));
    QJsonObject invoice = body.value(QStringLiteral("invoice")).toObject();
    invoice.remove(QStringLiteral("tax_id")); // a public institution's ordinary invoice needs no tax ID
    body.insert(QStringLiteral("invoice"), invoice);
    const auto created = http.post(QStringLiteral("/api/v1/applications"), body);
    QVERIFY2(created.status == 201, created.body.constData());
    const QJsonObject prices = http.get(QStringLiteral("/api/v1/platform")).json().value(QStringLiteral("prices")).toObject();
    QCOMPARE(prices.value(QStringLiteral("new")).toString(), QStringLiteral("300.00"));
    QCOMPARE(created.json().value(QStringLiteral("fee")).toString(), QStringLiteral("600.00"));
    // The organisation is the account's, whatever the client sends.
    QCOMPARE(created.json().value(QStringLiteral("organization")).toObject().value(QStringLiteral("type")).toString(), QStringLiteral("purchaser"));
}

void TestSandboxCoreApplications::deleteRules()
{
    SandboxHttp http(*m_reviewFirst);
    QVERIFY(http.login(QStringLiteral("supplier")));
    const QString id = prepare(http, QStringLiteral("renewal"));
    QVERIFY(!id.isEmpty());
    const QDir files(m_reviewFirst->dataDir() + QStringLiteral("/files"));
    const qsizetype before = files.entryList(QDir::Files).size();
    QVERIFY(before >= 2);
    QCOMPARE(http.del(appPath(id)).status, 204);
    QCOMPARE(http.get(appPath(id)).status, 404);
    QCOMPARE(files.entryList(QDir::Files).size(), before - requiredCategories(QStringLiteral("renewal")).size());
    QCOMPARE(http.del(appPath(id)).status, 404);
}

void TestSandboxCoreApplications::listFilters()
{
    SandboxHttp http(*m_reviewFirst);
    QVERIFY(http.login(QStringLiteral("agent")));
    const QString draft = prepare(http, QStringLiteral("change"));
    const QString pending = prepare(http, QStringLiteral("new"));
    QVERIFY(!draft.isEmpty() && !pending.isEmpty());
    QCOMPARE(http.post(appPath(pending, QStringLiteral("/submit")), {}).status, 200);
    auto ids = [&](const QString &query) {
        QStringList out;
        for (const QJsonValue &v : http.get(QStringLiteral("/api/v1/applications") + query).json().value(QStringLiteral("items")).toArray())
            out << v.toObject().value(QStringLiteral("id")).toString();
        return out;
    };
    QCOMPARE(ids(QString()), (QStringList{pending, draft})); // newest first, own organisation only
    QCOMPARE(ids(QStringLiteral("?review_status=pending")), QStringList{pending});
    QCOMPARE(ids(QStringLiteral("?review_status=draft&kind=change")), QStringList{draft});
    QCOMPARE(ids(QStringLiteral("?kind=renewal")), QStringList());
    QCOMPARE(ids(QStringLiteral("?q=") + pending), QStringList{pending});
    const auto bad = http.get(QStringLiteral("/api/v1/applications?review_status=bogus"));
    QCOMPARE(bad.status, 400);
    QCOMPARE(bad.json().value(QStringLiteral("fields")).toArray().first().toObject().value(QStringLiteral("field")).toString(), QStringLiteral("review_status"));
}

void TestSandboxCoreApplications::attachments()
{
    SandboxHttp http(*m_reviewFirst);
    QVERIFY(http.login(QStringLiteral("supplier")));
    const auto created = http.post(QStringLiteral("/api/v1/applications"), sampleApplication(QStringLiteral("new")));
    const QString id = created.json().value(QStringLiteral("id")).toString();
    // Content decides the type, not the name.
    const auto png = http.upload(appPath(id, QStringLiteral("/attachments")), QStringLiteral("legal_rep_id"), QStringLiteral("身份证.pdf"), tinyPng());
    QCOMPARE(png.status, 201);
    const QJsonObject a = png.json();
    QCOMPARE(a.value(QStringLiteral("content_type")).toString(), QStringLiteral("image/png"));
    QCOMPARE(a.value(QStringLiteral("file_name")).toString(), QStringLiteral("身份证.pdf"));
    QCOMPARE(a.value(QStringLiteral("size")).toInt(), tinyPng().size());
    QCOMPARE(a.value(QStringLiteral("sha256")).toString(), QString::fromLatin1(QCryptographicHash::hash(tinyPng(), QCryptographicHash::Sha256).toHex()));
    QCOMPARE(a.value(QStringLiteral("state")).toString(), QStringLiteral("uploaded"));
    // A reviewer may download but not change an applicant's files.
    SandboxHttp reviewer(*m_reviewFirst);
    QVERIFY(reviewer.login(QStringLiteral("reviewer")));
    QCOMPARE(reviewer.get(appPath(id, QStringLiteral("/attachments/") + a.value(QStringLiteral("id")).toString())).body, tinyPng());
    QCOMPARE(reviewer.upload(appPath(id, QStringLiteral("/attachments")), QStringLiteral("handler_id"), QStringLiteral("r.pdf"), tinyPdf()).status, 403);
    QCOMPARE(reviewer.del(appPath(id, QStringLiteral("/attachments/") + a.value(QStringLiteral("id")).toString())).status, 403);
    QCOMPARE(reviewer.get(appPath(id)).status, 200); // reading is open to reviewers
    QCOMPARE(reviewer.put(appPath(id), sampleApplication(QStringLiteral("new")), {{"If-Match", "*"}}).status, 403);
    const auto text = http.upload(appPath(id, QStringLiteral("/attachments")), QStringLiteral("legal_rep_id"), QStringLiteral("scan.jpg"), "just text, no image");
    QCOMPARE(text.status, 415);
    QCOMPARE(text.json().value(QStringLiteral("code")).toString(), QStringLiteral("unsupported_type"));
    const auto jpeg = http.upload(appPath(id, QStringLiteral("/attachments")), QStringLiteral("handler_id"), QStringLiteral("scan"),
                                  QByteArray("\xFF\xD8\xFF\xE0", 4) + QByteArray(100, 'j'));
    QCOMPARE(jpeg.status, 201);
    QCOMPARE(jpeg.json().value(QStringLiteral("content_type")).toString(), QStringLiteral("image/jpeg"));
    // Download returns the bytes; the stored name is not the client's name.
    const QString attPath = appPath(id, QStringLiteral("/attachments/") + a.value(QStringLiteral("id")).toString());
    const auto down = http.get(attPath);
    QCOMPARE(down.status, 200);
    QCOMPARE(down.body, tinyPng());
    QCOMPARE(down.header("Content-Type"), QByteArray("image/png"));
    for (const QString &f : QDir(m_reviewFirst->dataDir() + QStringLiteral("/files")).entryList(QDir::Files))
        QVERIFY(!f.contains(QStringLiteral(".pdf")) && !f.contains(QStringLiteral(".jpg")));
    auto list = http.get(appPath(id, QStringLiteral("/attachments")));
    QCOMPARE(list.json().value(QStringLiteral("items")).toArray().size(), 2);
    QCOMPARE(http.get(appPath(id)).json().value(QStringLiteral("attachments")).toArray().size(), 2);
    // Delete while editable.
    QCOMPARE(http.del(attPath).status, 204);
    QCOMPARE(http.get(attPath).status, 404);
    QCOMPARE(http.get(appPath(id, QStringLiteral("/attachments"))).json().value(QStringLiteral("items")).toArray().size(), 1);
    // Submit refuses while required attachments are missing, naming them.
    const auto incomplete = http.post(appPath(id, QStringLiteral("/submit")), {});
    QCOMPARE(incomplete.status, 400);
    QStringList fields;
    for (const QJsonValue &v : incomplete.json().value(QStringLiteral("fields")).toArray())
        fields << v.toObject().value(QStringLiteral("field")).toString();
    QVERIFY(fields.contains(QStringLiteral("attachments.business_licence")));
    QVERIFY(!fields.contains(QStringLiteral("attachments.handler_id")));
    // Once pending, attachments are frozen.
    const QString full = prepare(http, QStringLiteral("new"));
    QCOMPARE(http.post(appPath(full, QStringLiteral("/submit")), {}).status, 200);
    const QString firstId = http.get(appPath(full, QStringLiteral("/attachments"))).json().value(QStringLiteral("items")).toArray().first().toObject().value(QStringLiteral("id")).toString();
    QCOMPARE(http.del(appPath(full, QStringLiteral("/attachments/") + firstId)).status, 409);
    QCOMPARE(http.upload(appPath(full, QStringLiteral("/attachments")), QStringLiteral("handler_id"), QStringLiteral("x.pdf"), tinyPdf()).status, 409);
}

void TestSandboxCoreApplications::qtMultipartUpload()
{
    // The client uploads with QHttpMultiPart (quoted boundary, its own part layout).
    SandboxHttp http(*m_reviewFirst);
    QVERIFY(http.login(QStringLiteral("supplier")));
    const QString id = http.post(QStringLiteral("/api/v1/applications"), sampleApplication(QStringLiteral("new"))).json().value(QStringLiteral("id")).toString();
    auto *multi = new QHttpMultiPart(QHttpMultiPart::FormDataType);
    QHttpPart category;
    category.setHeader(QNetworkRequest::ContentDispositionHeader, QVariant(QStringLiteral("form-data; name=\"category\"")));
    category.setBody("application_form");
    QHttpPart file;
    file.setHeader(QNetworkRequest::ContentDispositionHeader, QVariant(QStringLiteral("form-data; name=\"file\"; filename=\"form.pdf\"")));
    file.setHeader(QNetworkRequest::ContentTypeHeader, QVariant(QStringLiteral("application/pdf")));
    file.setBody(tinyPdf());
    multi->append(category);
    multi->append(file);
    QUrl url = m_reviewFirst->url();
    url.setPath(appPath(id, QStringLiteral("/attachments")));
    QNetworkRequest req(url);
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    ssl.setCaCertificates(QSslCertificate::fromPath(m_reviewFirst->caCertPath()));
    req.setSslConfiguration(ssl);
    req.setRawHeader("Authorization", "Bearer " + http.token().toLatin1());
    QNetworkAccessManager nam;
    QNetworkReply *reply = nam.post(req, multi);
    multi->setParent(reply);
    QEventLoop loop;
    connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(120000, reply, &QNetworkReply::abort);
    loop.exec();
    const QByteArray body = reply->readAll();
    QVERIFY2(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 201, body.constData());
    QCOMPARE(QJsonDocument::fromJson(body).object().value(QStringLiteral("category")).toString(), QStringLiteral("application_form"));
    QCOMPARE(QJsonDocument::fromJson(body).object().value(QStringLiteral("size")).toInt(), tinyPdf().size());
    delete reply;
}

void TestSandboxCoreApplications::idempotency()
{
    SandboxHttp http(*m_reviewFirst);
    QVERIFY(http.login(QStringLiteral("supplier")));
    const QString id = http.post(QStringLiteral("/api/v1/applications"), sampleApplication(QStringLiteral("existing"))).json().value(QStringLiteral("id")).toString();
    QVERIFY(!id.isEmpty());
    const SandboxHttp::Headers key{{"Idempotency-Key", "upload-licence-1"}};
    const auto first = http.upload(appPath(id, QStringLiteral("/attachments")), QStringLiteral("business_licence"), QStringLiteral("l.pdf"), tinyPdf(), key);
    const auto second = http.upload(appPath(id, QStringLiteral("/attachments")), QStringLiteral("business_licence"), QStringLiteral("l.pdf"), tinyPdf(), key);
    QCOMPARE(first.status, 201);
    QCOMPARE(second.status, 201);
    QCOMPARE(second.json().value(QStringLiteral("id")), first.json().value(QStringLiteral("id")));
    QCOMPARE(second.header("Idempotent-Replayed"), QByteArray("true"));
    QCOMPARE(http.get(appPath(id, QStringLiteral("/attachments"))).json().value(QStringLiteral("items")).toArray().size(), 1);
    // Without a key, a second upload is a second attachment.
    QCOMPARE(http.upload(appPath(id, QStringLiteral("/attachments")), QStringLiteral("authorization_letter"), QStringLiteral("a.pdf"), tinyPdf()).status, 201);
    QCOMPARE(http.get(appPath(id, QStringLiteral("/attachments"))).json().value(QStringLiteral("items")).toArray().size(), 2);

    const SandboxHttp::Headers submitKey{{"Idempotency-Key", "submit-1"}};
    const auto s1 = http.post(appPath(id, QStringLiteral("/submit")), QJsonObject{{QStringLiteral("comment"), QStringLiteral("一次")}}, submitKey);
    const auto s2 = http.post(appPath(id, QStringLiteral("/submit")), QJsonObject{{QStringLiteral("comment"), QStringLiteral("一次")}}, submitKey);
    QVERIFY2(s1.status == 200, s1.body.constData());
    QCOMPARE(s2.status, 200);
    QCOMPARE(s2.body, s1.body);
    QCOMPARE(actions(http.get(appPath(id, QStringLiteral("/events")))).count(QStringLiteral("submit")), 1);
    // The same key for another request is refused.
    const auto reused = http.upload(appPath(id, QStringLiteral("/attachments")), QStringLiteral("business_licence"), QStringLiteral("l.pdf"), tinyPdf(), submitKey);
    QCOMPARE(reused.status, 422);
    QCOMPARE(reused.json().value(QStringLiteral("code")).toString(), QStringLiteral("idempotency_key_reused"));
    // Keys are per account: another organisation's same key is not a replay of this one.
    SandboxHttp other(*m_reviewFirst);
    QVERIFY(other.login(QStringLiteral("purchaser")));
    QCOMPARE(other.post(appPath(id, QStringLiteral("/submit")), {}, submitKey).status, 404);
}

void TestSandboxCoreApplications::adminCommands()
{
    SandboxHttp http(*m_reviewFirst);
    QVERIFY(http.login(QStringLiteral("supplier")));
    const QString id = prepare(http, QStringLiteral("existing"));
    QCOMPARE(http.post(appPath(id, QStringLiteral("/submit")), {}).status, 200);
    // Usage errors and refusals.
    QCOMPARE(m_reviewFirst->runAdmin({QStringLiteral("approve")}).exitCode, 2);
    QCOMPARE(m_reviewFirst->runAdmin({QStringLiteral("frobnicate"), id}).exitCode, 2);
    QCOMPARE(m_reviewFirst->runAdmin({QStringLiteral("approve"), QStringLiteral("A19990101-0001")}).exitCode, 1);
    QCOMPARE(m_reviewFirst->runAdmin({QStringLiteral("reject"), id}).exitCode, 1); // no comment
    QCOMPARE(m_reviewFirst->runAdmin({QStringLiteral("done"), id}).exitCode, 1);   // not approved yet
    // While the server runs, the admin command changes the shared database.
    const auto approve = m_reviewFirst->runAdmin({QStringLiteral("approve"), id, QStringLiteral("--comment"), QStringLiteral("通过")});
    QVERIFY2(approve.exitCode == 0, approve.err.constData());
    QVERIFY(approve.out.contains("approved"));
    QJsonObject app = http.get(appPath(id)).json();
    QCOMPARE(app.value(QStringLiteral("review_status")).toString(), QStringLiteral("approved"));
    QCOMPARE(app.value(QStringLiteral("handling_status")).toString(), QStringLiteral("processing")); // nothing to pay
    QCOMPARE(m_reviewFirst->runAdmin({QStringLiteral("done"), id}).exitCode, 0);
    QCOMPARE(http.get(appPath(id)).json().value(QStringLiteral("handling_status")).toString(), QStringLiteral("done"));
    const auto listed = m_reviewFirst->runAdmin({QStringLiteral("list")});
    QCOMPARE(listed.exitCode, 0);
    QVERIFY(QString::fromUtf8(listed.out).contains(id + QStringLiteral("\t济南示例科技有限公司\texisting\treview approved\tpayment unpaid\thandling done\t0.00")));

    // ship with a tracking number from the command line.
    const QString mailed = prepare(http, QStringLiteral("new"));
    QCOMPARE(http.post(appPath(mailed, QStringLiteral("/submit")), {}).status, 200);
    QCOMPARE(m_reviewFirst->runAdmin({QStringLiteral("approve"), mailed}).exitCode, 0);
    pay(*m_reviewFirst, http, mailed);
    QCOMPARE(m_reviewFirst->runAdmin({QStringLiteral("ship"), mailed}).exitCode, 1); // tracking number missing
    QCOMPARE(m_reviewFirst->runAdmin({QStringLiteral("ship"), mailed, QStringLiteral("--tracking"), QStringLiteral("SF100200300")}).exitCode, 0);
    app = http.get(appPath(mailed)).json();
    QCOMPARE(app.value(QStringLiteral("handling_status")).toString(), QStringLiteral("shipped"));
    QCOMPARE(app.value(QStringLiteral("fulfilment")).toObject().value(QStringLiteral("tracking_no")).toString(), QStringLiteral("SF100200300"));
}

void TestSandboxCoreApplications::restartMidFlow()
{
    SandboxProcess sandbox({QStringLiteral("--workflow"), QStringLiteral("review-first")});
    QVERIFY2(sandbox.start(), qPrintable(sandbox.lastError()));
    SandboxHttp http(sandbox);
    QVERIFY(http.login(QStringLiteral("supplier")));
    const QString id = prepare(http, QStringLiteral("new"));
    QVERIFY(!id.isEmpty());
    QCOMPARE(http.post(appPath(id, QStringLiteral("/submit")), QJsonObject{{QStringLiteral("comment"), QStringLiteral("重启前")}},
                       {{"Idempotency-Key", "restart-submit"}}).status, 200);
    const QJsonObject before = http.get(appPath(id)).json();

    QVERIFY2(sandbox.restart(), qPrintable(sandbox.lastError()));
    const QString token = http.token();
    http.rebase(sandbox);
    http.setToken(token); // sessions survive a restart
    const auto after = http.get(appPath(id));
    QCOMPARE(after.status, 200);
    QCOMPARE(after.json(), before);
    for (const QJsonValue &v : after.json().value(QStringLiteral("attachments")).toArray()) {
        const auto down = http.get(appPath(id, QStringLiteral("/attachments/") + v.toObject().value(QStringLiteral("id")).toString()));
        QCOMPARE(down.status, 200);
        QCOMPARE(QString::fromLatin1(QCryptographicHash::hash(down.body, QCryptographicHash::Sha256).toHex()),
                 v.toObject().value(QStringLiteral("sha256")).toString());
    }
    // The idempotency record survives too.
    const auto replay = http.post(appPath(id, QStringLiteral("/submit")), QJsonObject{{QStringLiteral("comment"), QStringLiteral("重启前")}},
                                  {{"Idempotency-Key", "restart-submit"}});
    QCOMPARE(replay.status, 200);
    QCOMPARE(replay.header("Idempotent-Replayed"), QByteArray("true"));
    // Accounts are not re-seeded: the same demo passwords still work, and the flow continues.
    SandboxHttp reviewer(sandbox);
    QVERIFY(reviewer.login(QStringLiteral("reviewer")));
    QCOMPARE(reviewer.post(QStringLiteral("/api/v1/review/applications/") + id + QStringLiteral("/approve"), {}).status, 200);
    pay(sandbox, http, id);
    QVERIFY2(sandbox.restart(), qPrintable(sandbox.lastError()));
    http.rebase(sandbox);
    http.setToken(token);
    const QJsonObject paid = http.get(appPath(id)).json();
    QCOMPARE(paid.value(QStringLiteral("payment_status")).toString(), QStringLiteral("paid"));
    QCOMPARE(paid.value(QStringLiteral("handling_status")).toString(), QStringLiteral("processing"));
    QCOMPARE(sandbox.stop(), 0);
}

void TestSandboxCoreApplications::autoReview()
{
    SandboxProcess sandbox({QStringLiteral("--auto-review"), QStringLiteral("1")});
    QVERIFY2(sandbox.start(), qPrintable(sandbox.lastError()));
    SandboxHttp http(sandbox);
    QVERIFY(http.login(QStringLiteral("supplier")));
    const QString draft = prepare(http, QStringLiteral("existing"));
    const QString id = prepare(http, QStringLiteral("existing"));
    QCOMPARE(http.post(appPath(id, QStringLiteral("/submit")), {}).status, 200);
    // Wait for the scan (no timing is asserted: only that it happens).
    QTRY_COMPARE_WITH_TIMEOUT(http.get(appPath(id)).json().value(QStringLiteral("review_status")).toString(), QStringLiteral("approved"), 60000);
    QVERIFY(actions(http.get(appPath(id, QStringLiteral("/events")))).contains(QStringLiteral("approve")));
    QCOMPARE(http.get(appPath(draft)).json().value(QStringLiteral("review_status")).toString(), QStringLiteral("draft")); // drafts untouched
}

QTEST_GUILESS_MAIN(TestSandboxCoreApplications)
#include "sandbox_core_applications.moc"
