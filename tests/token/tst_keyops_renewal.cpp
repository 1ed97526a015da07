// keyops::RenewalJob against a real ca-sandbox over HTTPS and SoftHSM behind
// the fault shim: a certificate that expires in 10 days (issued by the
// fixture CA, registered as 已有CA with the fixture CA trusted by the
// sandbox) is renewed on its key; the key is pulled out at every step and the
// job is retried; a change with a new key keeps the old key and certificate;
// applications in the wrong state leave the token untouched; an install
// interrupted after the platform issued the certificate is finished by a new
// job without a second issue; a lost answer to the POST is re-sent with the
// same Idempotency-Key. What is on the token is read with pkcs11-tool
// (SoftHsmFixture), not with the code under test.
#include "tst_keyops_support.h"

#include "core/platform/PlatformClient.h"
#include "keyops/RenewalJob.h"
#include "pkcs11/TokenService.h"

#include <QDir>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QtTest>

using namespace ca;
using namespace ca::test;
using keyops::RenewalJob;
using namespace sandbox_ext_api;
using namespace keyops_test;

class TestKeyopsRenewal : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();
    void renewalEndToEnd();
    void removalAtEachStep_data();
    void removalAtEachStep();
    void restartFinishesTheInstall();
    void changeWithNewKey();
    void badStates_data();
    void badStates();
    void retryAfterPaying();
    void badServerReplies_data();
    void badServerReplies();
    void lostAnswerIsReplayed();

private:
    void connectClient();
    RenewalJob::Options options(const QString &appId, const TokenSetup &t) const;
    // Runs prepare(); true when prepared() came (the plan is job.plan()).
    bool prepare(RenewalJob &job, const RenewalJob::Options &o, RenewalJob::Outcome *failure = nullptr);
    RenewalJob::Outcome run(RenewalJob &job, bool retry = false);
    TokenSetup makeToken(const QString &label) { return m_w.makeToken(label); }
    QString approvedAndPaid(const QString &kind, const TokenSetup &t) { return m_w.approvedAndPaid(kind, t); }
    QString listing(const TokenSetup &t) { return m_w.listing(t); }
    QList<QByteArray> certificatesWithId(const TokenSetup &t, const QString &idHex) { return m_w.certificatesWithId(t, idHex); }
    int issuedFor(const QString &appId) const { return m_w.issuedFor(appId); }
    // A key with its 10-day certificate, a `kind` application for it (approved and paid), a fresh TokenService.
    bool setUp(const QString &label, const QString &kind, TokenSetup *t, QString *id)
    {
        *t = makeToken(label);
        *id = t->serial.isEmpty() ? QString() : approvedAndPaid(kind, *t);
        newService();
        return !id->isEmpty();
    }
    // The token module is loaded (C_Initialize) after the test's tokens were made.
    void newService()
    {
        m_service = std::make_unique<p11::TokenService>();
        m_service->setModulePath(QStringLiteral(CA_SHIM_PATH));
    }

    KeyopsWorld m_w;
    SoftHsmFixture &m_hsm = m_w.hsm;
    std::unique_ptr<PlatformClient> m_client;
    std::unique_ptr<p11::TokenService> m_service;
};

void TestKeyopsRenewal::initTestCase()
{
    QString error;
    QVERIFY2(m_w.start(&error), qPrintable(error));
    connectClient();
}

void TestKeyopsRenewal::connectClient()
{
    m_client = std::make_unique<PlatformClient>();
    m_client->setBaseUrl(m_w.sandbox->url());
    QString error;
    QVERIFY2(m_client->setCaBundle(m_w.sandbox->caCertPath(), &error), qPrintable(error));
    PlatformCall *login = m_client->login(QStringLiteral("supplier"), m_w.sandbox->password(QStringLiteral("supplier")));
    login->setParent(m_client.get());
    QVERIFY(login->waitForFinished(60000));
    QVERIFY2(login->ok(), qPrintable(login->error().detail));
}

void TestKeyopsRenewal::cleanupTestCase()
{
    m_service.reset();
    m_client.reset();
    m_w.http.reset();
    if (m_w.sandbox)
        QCOMPARE(m_w.sandbox->stop(), 0);
}

void TestKeyopsRenewal::init()
{
    QVERIFY(m_hsm.writeShimConfig());
    QVERIFY(m_hsm.setTokenPresent(true));
}

void TestKeyopsRenewal::cleanup()
{
    m_service.reset();  // C_Finalize: the next test's tokens are read at the next C_Initialize
}

RenewalJob::Options TestKeyopsRenewal::options(const QString &appId, const TokenSetup &t) const
{
    RenewalJob::Options o;
    o.applicationId = appId;
    o.token = p11::TokenRef{t.serial, QString(), QString()};
    return o;
}

bool TestKeyopsRenewal::prepare(RenewalJob &job, const RenewalJob::Options &o, RenewalJob::Outcome *failure)
{
    QSignalSpy prepared(&job, &RenewalJob::prepared);
    QSignalSpy finished(&job, &RenewalJob::finished);
    job.prepare(o);
    if (!QTest::qWaitFor([&] { return !prepared.isEmpty() || !finished.isEmpty(); }, 120000))
        return false;
    if (!finished.isEmpty() && failure)
        *failure = finished.first().first().value<RenewalJob::Outcome>();
    return !prepared.isEmpty();
}

RenewalJob::Outcome TestKeyopsRenewal::run(RenewalJob &job, bool retry)
{
    QSignalSpy finished(&job, &RenewalJob::finished);
    QString pin = kPin;
    if (retry)
        job.retry(p11::SecureBuffer::takeString(pin));
    else
        job.start(p11::SecureBuffer::takeString(pin));
    if (!QTest::qWaitFor([&] { return !finished.isEmpty(); }, 240000))
        return RenewalJob::Outcome{};
    return finished.first().first().value<RenewalJob::Outcome>();
}

void TestKeyopsRenewal::renewalEndToEnd()
{
    TokenSetup t;
    QString id;
    QVERIFY(setUp(QStringLiteral("renew"), QStringLiteral("renewal"), &t, &id));
    RenewalJob job(*m_client, *m_service);
    QList<RenewalJob::Step> steps;
    connect(&job, &RenewalJob::stepChanged, this, [&steps](RenewalJob::Step s) { steps.append(s); });

    QVERIFY(prepare(job, options(id, t)));
    const keyops::RenewalPlan &plan = job.plan();
    QCOMPARE(plan.kind, QStringLiteral("renewal"));
    QCOMPARE(plan.token.serial, t.serial);
    QCOMPARE(plan.keyId.toHex(), kKeyId.toLatin1());
    QCOMPARE(plan.oldCertificate.der, t.certDer);
    QVERIFY(plan.oldCertificate.daysLeft <= 10);
    QVERIFY(!plan.newKey);
    QVERIFY(!plan.installOnly);
    QCOMPARE(steps, (QList<RenewalJob::Step>{RenewalJob::Step::Check, RenewalJob::Step::ReadKey}));
    steps.clear();

    const RenewalJob::Outcome o = run(job);
    QVERIFY2(o.ok, qPrintable(o.message + QLatin1Char(' ') + o.detail));
    QCOMPARE(steps, (QList<RenewalJob::Step>{RenewalJob::Step::Csr, RenewalJob::Step::Submit, RenewalJob::Step::Install,
                                             RenewalJob::Step::Verify, RenewalJob::Step::Done}));
    QCOMPARE(o.keyState, RenewalJob::KeyState::NewCertificateInstalled);
    QVERIFY(o.newCertificate.daysLeft >= 728 && o.newCertificate.daysLeft <= 730);
    QVERIFY(!o.message.isEmpty());

    // pkcs11-tool: exactly one certificate under a1, the new one; the key is the same.
    const QList<QByteArray> certs = certificatesWithId(t, kKeyId);
    QCOMPARE(certs.size(), 1);
    QCOMPARE(certs.first(), o.newCertificate.der);
    QVERIFY(certs.first() != t.certDer);
    const QSslCertificate fresh(certs.first(), QSsl::Der);
    QVERIFY(fresh.expiryDate() > QDateTime::currentDateTimeUtc().addDays(700));
    QCOMPARE(m_w.publicKeyOf(certs.first()), t.publicKey);
    QCOMPARE(m_hsm.publicKeyDer(t.label, kPin, kKeyId), t.publicKey);
    QCOMPARE(SoftHsmFixture::objectsWithId(listing(t), QStringLiteral("Private Key Object"), kKeyId).size(), 1);
    // the platform: issued once, the application is done
    QCOMPARE(issuedFor(id), 1);
    QCOMPARE(m_w.http->get(QStringLiteral("/api/v1/applications/") + id).json().value(QStringLiteral("handling_status")).toString(),
             QStringLiteral("done"));
    // GET .../certificate hands out the same certificate
    const auto got = m_w.http->get(QStringLiteral("/api/v1/applications/%1/certificate").arg(id));
    QCOMPARE(got.status, 200);
    QCOMPARE(QSslCertificate(got.json().value(QStringLiteral("certificate")).toString().toLatin1()).toDer(), o.newCertificate.der);
}

void TestKeyopsRenewal::removalAtEachStep_data()
{
    QTest::addColumn<QJsonObject>("shim");       // faults written before start()
    QTest::addColumn<int>("pullAtStep");         // -1, or pull the key when this step begins
    QTest::addColumn<int>("failedStep");
    QTest::addColumn<QList<int>>("states");      // acceptable KeyState values

    const auto fault = [](const char *function, int call, const char *when) {
        return QJsonObject{{QStringLiteral("faults"),
                            QJsonArray{QJsonObject{{QStringLiteral("function"), QLatin1String(function)},
                                                   {QStringLiteral("call"), call},
                                                   {QStringLiteral("rv"), QStringLiteral("CKR_DEVICE_REMOVED")},
                                                   {QStringLiteral("when"), QLatin1String(when)},
                                                   {QStringLiteral("remove"), true}}}}};
    };
    const int unchanged = int(RenewalJob::KeyState::Unchanged);
    const int installed = int(RenewalJob::KeyState::NewCertificateInstalled);
    const int unknown = int(RenewalJob::KeyState::Unknown);
    const int csr = int(RenewalJob::Step::Csr), install = int(RenewalJob::Step::Install), verify = int(RenewalJob::Step::Verify);

    QTest::newRow("pulled before the CSR") << QJsonObject() << csr << csr << QList<int>{unchanged};
    QTest::newRow("pulled while signing the CSR") << fault("C_Sign", 1, "before") << -1 << csr << QList<int>{unchanged};
    QTest::newRow("pulled after the POST, before the install") << QJsonObject() << install << install << QList<int>{unchanged};
    QTest::newRow("install: at the login") << fault("C_Login", 2, "before")  // login 1 is the CSR's
 << -1 << install << QList<int>{unchanged, unknown};
    QTest::newRow("install: before C_CreateObject") << fault("C_CreateObject", 1, "before") << -1 << install
                                                    << QList<int>{unchanged, unknown};
    QTest::newRow("install: after C_CreateObject") << fault("C_CreateObject", 1, "after") << -1 << install
                                                   << QList<int>{installed, unknown};
    QTest::newRow("install: before C_DestroyObject") << fault("C_DestroyObject", 1, "before") << -1 << install
                                                     << QList<int>{installed, unknown};
    QTest::newRow("install: after C_DestroyObject") << fault("C_DestroyObject", 1, "after") << -1 << install
                                                    << QList<int>{installed, unknown};
    QTest::newRow("pulled before the check") << QJsonObject() << verify << verify << QList<int>{installed};
}

void TestKeyopsRenewal::removalAtEachStep()
{
    QFETCH(QJsonObject, shim);
    QFETCH(int, pullAtStep);
    QFETCH(int, failedStep);
    QFETCH(QList<int>, states);

    TokenSetup t;
    QString id;
    QVERIFY(setUp(QStringLiteral("pull"), QStringLiteral("renewal"), &t, &id));
    RenewalJob job(*m_client, *m_service);
    QVERIFY(prepare(job, options(id, t)));

    bool pulled = false;
    connect(&job, &RenewalJob::stepChanged, this, [&](RenewalJob::Step s) {
        if (int(s) == pullAtStep && !pulled) {
            pulled = true;
            QVERIFY(m_hsm.setTokenPresent(false));
        }
    });
    if (!shim.isEmpty())
        QVERIFY(m_hsm.writeShimConfig(shim));
    const RenewalJob::Outcome o = run(job);
    QVERIFY2(!o.ok, qPrintable(o.message));
    QCOMPARE(int(o.failedStep), failedStep);
    QVERIFY2(states.contains(int(o.keyState)), qPrintable(QStringLiteral("key state %1: %2").arg(int(o.keyState)).arg(o.message)));
    QVERIFY(o.canRetry);
    QVERIFY(o.message.contains(QLatin1String("Retry")));
    QVERIFY(!o.detail.isEmpty());
    // The whole sentence says where the old certificate is.
    if (o.keyState == RenewalJob::KeyState::Unchanged)
        QVERIFY2(o.message.contains(QLatin1String("old certificate is still")), qPrintable(o.message));

    // pkcs11-tool (SoftHSM directly, the shim's "removal" aside): never no certificate for the key.
    const QList<QByteArray> during = certificatesWithId(t, kKeyId);
    QVERIFY(!during.isEmpty());
    if (o.keyState == RenewalJob::KeyState::Unchanged)
        QCOMPARE(during, QList<QByteArray>{t.certDer});
    QCOMPARE(m_hsm.publicKeyDer(t.label, kPin, kKeyId), t.publicKey);

    // Plug it back in, retry: one certificate for the key, the new one; issued once.
    QVERIFY(m_hsm.writeShimConfig());
    QVERIFY(m_hsm.setTokenPresent(true));
    const RenewalJob::Outcome again = run(job, true);
    QVERIFY2(again.ok, qPrintable(again.message + QLatin1Char(' ') + again.detail));
    const QList<QByteArray> after = certificatesWithId(t, kKeyId);
    QCOMPARE(after.size(), 1);
    QCOMPARE(after.first(), again.newCertificate.der);
    QVERIFY(after.first() != t.certDer);
    QCOMPARE(m_hsm.publicKeyDer(t.label, kPin, kKeyId), t.publicKey);
    QCOMPARE(issuedFor(id), 1);
}

void TestKeyopsRenewal::restartFinishesTheInstall()
{
    TokenSetup t;
    QString id;
    QVERIFY(setUp(QStringLiteral("restart"), QStringLiteral("renewal"), &t, &id));
    {
        RenewalJob first(*m_client, *m_service);
        QVERIFY(prepare(first, options(id, t)));
        connect(&first, &RenewalJob::stepChanged, this, [this](RenewalJob::Step s) {
            if (s == RenewalJob::Step::Install)
                QVERIFY(m_hsm.setTokenPresent(false));
        });
        const RenewalJob::Outcome o = run(first);
        QVERIFY(!o.ok);
        QCOMPARE(o.failedStep, RenewalJob::Step::Install);
        QCOMPARE(o.keyState, RenewalJob::KeyState::Unchanged);
    }  // the program closes
    QCOMPARE(issuedFor(id), 1);
    QCOMPARE(certificatesWithId(t, kKeyId), QList<QByteArray>{t.certDer});
    QVERIFY(m_hsm.setTokenPresent(true));

    RenewalJob second(*m_client, *m_service);
    QVERIFY(prepare(second, options(id, t)));
    QVERIFY(second.plan().installOnly);
    QCOMPARE(second.plan().oldCertificate.der, t.certDer);
    QList<RenewalJob::Step> steps;
    connect(&second, &RenewalJob::stepChanged, this, [&steps](RenewalJob::Step s) { steps.append(s); });
    const RenewalJob::Outcome o = run(second);
    QVERIFY2(o.ok, qPrintable(o.message + QLatin1Char(' ') + o.detail));
    QVERIFY(!steps.contains(RenewalJob::Step::Csr));
    QVERIFY(!steps.contains(RenewalJob::Step::Submit));
    QCOMPARE(issuedFor(id), 1);
    const QList<QByteArray> after = certificatesWithId(t, kKeyId);
    QCOMPARE(after.size(), 1);
    QCOMPARE(after.first(), o.newCertificate.der);
}

void TestKeyopsRenewal::changeWithNewKey()
{
    TokenSetup t;
    QString id;
    QVERIFY(setUp(QStringLiteral("change"), QStringLiteral("change"), &t, &id));
    RenewalJob job(*m_client, *m_service);
    RenewalJob::Options o = options(id, t);
    o.newKey = true;
    QVERIFY(prepare(job, o));
    QVERIFY(job.plan().newKey);
    QCOMPARE(job.plan().kind, QStringLiteral("change"));
    QVERIFY(!job.plan().warnings.isEmpty());  // the bid-file warning comes before any key is made
    QCOMPARE(SoftHsmFixture::objectsWithId(listing(t), QStringLiteral("Private Key Object"), kKeyId).size(), 1);
    QCOMPARE(SoftHsmFixture::objectBlocks(listing(t)).size(), 3);  // nothing made by prepare()

    const RenewalJob::Outcome out = run(job);
    QVERIFY2(out.ok, qPrintable(out.message + QLatin1Char(' ') + out.detail));
    const QString newId = QString::fromLatin1(out.newCertificate.id.toHex());
    QVERIFY(!newId.isEmpty() && newId != kKeyId);
    // old key and certificate still there
    QCOMPARE(certificatesWithId(t, kKeyId), QList<QByteArray>{t.certDer});
    QCOMPARE(m_hsm.publicKeyDer(t.label, kPin, kKeyId), t.publicKey);
    // the new key pair with the new certificate
    QCOMPARE(SoftHsmFixture::objectsWithId(listing(t), QStringLiteral("Private Key Object"), newId).size(), 1);
    const QList<QByteArray> fresh = certificatesWithId(t, newId);
    QCOMPARE(fresh.size(), 1);
    QCOMPARE(fresh.first(), out.newCertificate.der);
    QCOMPARE(m_w.publicKeyOf(fresh.first()), m_hsm.publicKeyDer(t.label, kPin, newId));
    QCOMPARE(out.newCertificate.organization, m_w.org);
}

void TestKeyopsRenewal::badStates_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("state");  // draft | approved (not paid) | paid
    QTest::addColumn<QString>("says");
    QTest::newRow("not approved") << QStringLiteral("renewal") << QStringLiteral("draft") << QStringLiteral("not been approved");
    QTest::newRow("not paid") << QStringLiteral("renewal") << QStringLiteral("approved") << QStringLiteral("not been settled");
    QTest::newRow("wrong kind") << QStringLiteral("new") << QStringLiteral("paid") << QStringLiteral("neither a renewal nor a change");
}

void TestKeyopsRenewal::badStates()
{
    QFETCH(QString, kind);
    QFETCH(QString, state);
    QFETCH(QString, says);
    const TokenSetup t = makeToken(QStringLiteral("bad"));
    QVERIFY(!t.serial.isEmpty());
    QString id;
    if (state == QLatin1String("paid")) {
        id = approvedAndPaid(kind, t);
    } else {
        id = createApplication(*m_w.http, kind, 1, QJsonObject{{QStringLiteral("certificate"), QJsonObject{{QStringLiteral("serial"), t.certSerial}}}});
        if (state == QLatin1String("approved"))
            QVERIFY(submitAndApprove(*m_w.sandbox, *m_w.http, id, kind));
    }
    QVERIFY(!id.isEmpty());
    const QString before = listing(t);
    newService();
    RenewalJob job(*m_client, *m_service);
    RenewalJob::Outcome o;
    QVERIFY(!prepare(job, options(id, t), &o));
    QVERIFY(!o.ok);
    QCOMPARE(o.failedStep, RenewalJob::Step::Check);
    QCOMPARE(o.keyState, RenewalJob::KeyState::Unchanged);
    QVERIFY2(o.message.contains(says), qPrintable(o.message));
    QVERIFY(o.message.contains(id));
    QCOMPARE(listing(t), before);
    QCOMPARE(issuedFor(id), 0);
}

// The check failed (not paid yet); once paid, retry(pin) checks again and
// writes the certificate without a second prepare() by the caller.
void TestKeyopsRenewal::retryAfterPaying()
{
    const TokenSetup t = makeToken(QStringLiteral("later"));
    QVERIFY(!t.serial.isEmpty());
    const QJsonObject ref{{QStringLiteral("serial"), t.certSerial}, {QStringLiteral("token_serial"), t.serial}};
    const QString id = createApplication(*m_w.http, QStringLiteral("renewal"), 1, QJsonObject{{QStringLiteral("certificate"), ref}});
    QVERIFY(submitAndApprove(*m_w.sandbox, *m_w.http, id, QStringLiteral("renewal")));
    newService();
    RenewalJob job(*m_client, *m_service);
    RenewalJob::Outcome failure;
    QVERIFY(!prepare(job, options(id, t), &failure));
    QCOMPARE(failure.failedStep, RenewalJob::Step::Check);
    QVERIFY(failure.canRetry);

    const auto order = openOrder(*m_w.http, id, QStringLiteral("bank"), {});
    QCOMPARE(order.status, 201);
    QCOMPARE(m_w.sandbox->runAdmin({QStringLiteral("pay"), order.json().value(QStringLiteral("order_no")).toString()}).exitCode, 0);
    QSignalSpy prepared(&job, &RenewalJob::prepared);
    const RenewalJob::Outcome o = run(job, true);
    QVERIFY2(o.ok, qPrintable(o.message + QLatin1Char(' ') + o.detail));
    QCOMPARE(prepared.size(), 1);
    QCOMPARE(certificatesWithId(t, kKeyId), QList<QByteArray>{o.newCertificate.der});
    QCOMPARE(m_hsm.publicKeyDer(t.label, kPin, kKeyId), t.publicKey);
    QCOMPARE(issuedFor(id), 1);
}

void TestKeyopsRenewal::badServerReplies_data()
{
    QTest::addColumn<QByteArray>("reply");  // CA_SANDBOX_CSR_REPLY
    QTest::addColumn<QString>("says");
    QTest::newRow("no PEM") << QByteArray("no-pem") << QStringLiteral("held no certificate");
    QTest::newRow("another key") << QByteArray("other-key") << QStringLiteral("for another key");
    QTest::newRow("wrong subject") << QByteArray("wrong-subject") << QStringLiteral("does not name your organisation");
}

// The platform answers 201 with something the client must refuse: nothing is
// written to the key.
void TestKeyopsRenewal::badServerReplies()
{
    QFETCH(QByteArray, reply);
    QFETCH(QString, says);
    TokenSetup t;
    QString id;
    QVERIFY(setUp(QStringLiteral("reply"), QStringLiteral("renewal"), &t, &id));
    const QString before = listing(t);
    qputenv("CA_SANDBOX_CSR_REPLY", reply);
    const bool restarted = m_w.sandbox->restart();
    qunsetenv("CA_SANDBOX_CSR_REPLY");
    QVERIFY2(restarted, qPrintable(m_w.sandbox->lastError()));
    m_w.http->rebase(*m_w.sandbox);
    connectClient();

    RenewalJob job(*m_client, *m_service);
    QVERIFY(prepare(job, options(id, t)));
    const RenewalJob::Outcome o = run(job);
    QVERIFY(!o.ok);
    QCOMPARE(o.failedStep, RenewalJob::Step::Submit);
    QCOMPARE(o.keyState, RenewalJob::KeyState::Unchanged);
    QVERIFY2(o.message.contains(says), qPrintable(o.message));
    QVERIFY2(o.message.contains(QLatin1String("old certificate is still")), qPrintable(o.message));
    QCOMPARE(certificatesWithId(t, kKeyId), QList<QByteArray>{t.certDer});
    QCOMPARE(listing(t), before);
    QCOMPARE(issuedFor(id), 0);

    QVERIFY2(m_w.sandbox->restart(), qPrintable(m_w.sandbox->lastError()));  // well-behaved again
    m_w.http->rebase(*m_w.sandbox);
    connectClient();
}

// The answer to the POST is lost once (the connection drops after the
// certificate was issued): the client sends the same CSR with the same
// Idempotency-Key and gets the replayed answer; one certificate is issued.
void TestKeyopsRenewal::lostAnswerIsReplayed()
{
    TokenSetup t;
    QString id;
    QVERIFY(setUp(QStringLiteral("lost"), QStringLiteral("renewal"), &t, &id));
    const QString faults = m_hsm.writeFile(QStringLiteral("faults.json"),
                                           QJsonDocument(QJsonArray{QJsonObject{{QStringLiteral("route"), QStringLiteral("POST /api/v1/applications/{id}/csr")},
                                                                                {QStringLiteral("drop_after_bytes"), 10},
                                                                                {QStringLiteral("times"), 1}}})
                                               .toJson());
    m_w.sandbox->setExtraArgs(m_w.sandboxArgs({QStringLiteral("--faults"), faults}));
    QVERIFY2(m_w.sandbox->restart(), qPrintable(m_w.sandbox->lastError()));
    m_w.http->rebase(*m_w.sandbox);
    QVERIFY(m_w.http->login(QStringLiteral("supplier")));
    connectClient();
    m_client->setRetryPolicy(PlatformClient::RetryPolicy{4, std::chrono::milliseconds(50), std::chrono::milliseconds(200)});

    newService();
    RenewalJob job(*m_client, *m_service);
    QVERIFY(prepare(job, options(id, t)));
    const RenewalJob::Outcome o = run(job);
    QVERIFY2(o.ok, qPrintable(o.message + QLatin1Char(' ') + o.detail));
    QCOMPARE(issuedFor(id), 1);
    QCOMPARE(certificatesWithId(t, kKeyId), QList<QByteArray>{o.newCertificate.der});
    // the same key came twice: one row in the sandbox's idempotency table for it
    QCOMPARE(m_w.sandbox->queryInt(QStringLiteral("SELECT COUNT(*) FROM idempotency_keys WHERE key = ?"), {job.idempotencyKey()}), 1);
}

QTEST_GUILESS_MAIN(TestKeyopsRenewal)
#include "tst_keyops_renewal.moc"
