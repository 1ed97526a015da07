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
    void ecRenewal();
    void newKeyOnRenewalRefused();
    void changeReusesTheKeyOfAnEarlierAttempt();
    void sharedKeyIdKeepsTheOtherCertificate();
    void wrongPinDuringRenewal();
    void wrongKeyOnRetry();
    void issuedElsewhereIsInstalled();
    void tokenWithoutPublicKeyObjects();
    void takeBodyWipesTheCallsCopy();
    void lostAnswerReplayedByRetry();

private:
    void connectClient();
    // Restarts the sandbox so that the next `times` answers to POST .../csr
    // are cut off after the certificate was issued; the client retries up to `attempts`.
    void loseCsrAnswers(int times, int attempts);
    RenewalJob::Options options(const QString &appId, const TokenSetup &t) const;
    // Runs prepare(); true when prepared() came (the plan is job.plan()).
    bool prepare(RenewalJob &job, const RenewalJob::Options &o, RenewalJob::Outcome *failure = nullptr);
    RenewalJob::Outcome run(RenewalJob &job, bool retry = false, const QString &typed = kPin);
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

void TestKeyopsRenewal::loseCsrAnswers(int times, int attempts)
{
    const QString faults = m_hsm.writeFile(QStringLiteral("faults-%1.json").arg(times),
                                           QJsonDocument(QJsonArray{QJsonObject{{QStringLiteral("route"), QStringLiteral("POST /api/v1/applications/{id}/csr")},
                                                                                {QStringLiteral("drop_after_bytes"), 10},
                                                                                {QStringLiteral("times"), times}}})
                                               .toJson());
    m_w.sandbox->setExtraArgs(m_w.sandboxArgs({QStringLiteral("--faults"), faults}));
    QVERIFY2(m_w.sandbox->restart(), qPrintable(m_w.sandbox->lastError()));
    m_w.http->rebase(*m_w.sandbox);
    QVERIFY(m_w.http->login(QStringLiteral("supplier")));
    connectClient();
    m_client->setRetryPolicy(PlatformClient::RetryPolicy{attempts, std::chrono::milliseconds(50), std::chrono::milliseconds(200)});
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

RenewalJob::Outcome TestKeyopsRenewal::run(RenewalJob &job, bool retry, const QString &typed)
{
    QSignalSpy finished(&job, &RenewalJob::finished);
    QString pin = typed;
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
    // the private key is unchanged: it signs what the old and the new certificate's key verify
    QVERIFY(m_w.signsFor(t, kKeyId, t.certDer));
    QVERIFY(m_w.signsFor(t, kKeyId, certs.first()));
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
    loseCsrAnswers(1, 4);
    if (QTest::currentTestFailed())
        return;

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

// An EC (P-256) key renewed on its key: the same key pair, the new certificate.
void TestKeyopsRenewal::ecRenewal()
{
    const TokenSetup t = m_w.makeToken(QStringLiteral("ec"), QStringLiteral("EC:prime256v1"));
    QVERIFY(!t.serial.isEmpty());
    const QString id = approvedAndPaid(QStringLiteral("renewal"), t);
    QVERIFY(!id.isEmpty());
    newService();
    RenewalJob job(*m_client, *m_service);
    QVERIFY(prepare(job, options(id, t)));
    QCOMPARE(job.plan().oldCertificate.keyType, p11::KeyType::Ec);
    const RenewalJob::Outcome o = run(job);
    QVERIFY2(o.ok, qPrintable(o.message + QLatin1Char(' ') + o.detail));
    const QList<QByteArray> certs = certificatesWithId(t, kKeyId);
    QCOMPARE(certs, QList<QByteArray>{o.newCertificate.der});
    QCOMPARE(m_w.publicKeyOf(certs.first()), t.publicKey);
    QVERIFY(m_w.signsFor(t, kKeyId, t.certDer, true));
    QCOMPARE(issuedFor(id), 1);
}

// The platform certifies only the key on record for a renewal: a new key
// pair is refused before anything is made on the key.
void TestKeyopsRenewal::newKeyOnRenewalRefused()
{
    TokenSetup t;
    QString id;
    QVERIFY(setUp(QStringLiteral("nokey"), QStringLiteral("renewal"), &t, &id));
    const QString before = listing(t);
    RenewalJob job(*m_client, *m_service);
    RenewalJob::Options o = options(id, t);
    o.newKey = true;
    RenewalJob::Outcome failure;
    QVERIFY(!prepare(job, o, &failure));
    QVERIFY(!failure.ok);
    QCOMPARE(failure.failedStep, RenewalJob::Step::Check);
    QVERIFY(!failure.canRetry);
    QVERIFY2(failure.message.contains(QLatin1String("only for a change application")), qPrintable(failure.message));
    QCOMPARE(listing(t), before);
    QCOMPARE(issuedFor(id), 0);
}

// A change whose first attempt made the new key pair and then failed: the
// next attempt (a new job, as after reopening the dialog) uses that key pair.
void TestKeyopsRenewal::changeReusesTheKeyOfAnEarlierAttempt()
{
    TokenSetup t;
    QString id;
    QVERIFY(setUp(QStringLiteral("again"), QStringLiteral("change"), &t, &id));
    RenewalJob::Options o = options(id, t);
    o.newKey = true;
    {
        RenewalJob first(*m_client, *m_service);
        QVERIFY(prepare(first, o));
        // the key pair is made, then signing the request fails
        QVERIFY(m_hsm.writeShimConfig(QJsonObject{{QStringLiteral("faults"),
                                                   QJsonArray{QJsonObject{{QStringLiteral("function"), QStringLiteral("C_Sign")},
                                                                          {QStringLiteral("rv"), QStringLiteral("CKR_DEVICE_ERROR")}}}}}));
        const RenewalJob::Outcome failed = run(first);
        QVERIFY(!failed.ok);
        QCOMPARE(failed.failedStep, RenewalJob::Step::Csr);
        QVERIFY(!failed.newKeyId.isEmpty());
        QVERIFY2(failed.message.contains(QLatin1String("new key pair")) && failed.message.contains(QString::fromLatin1(failed.newKeyId.toHex())),
                 qPrintable(failed.message));
        QVERIFY2(!failed.message.contains(QLatin1String("Nothing was changed")), qPrintable(failed.message));
        QCOMPARE(SoftHsmFixture::objectBlocks(listing(t)).size(), 5);  // old pair + certificate, new pair
    }
    QVERIFY(m_hsm.writeShimConfig());
    newService();
    RenewalJob second(*m_client, *m_service);
    QVERIFY(prepare(second, o));
    QVERIFY2(second.plan().warnings.join(QLatin1Char(' ')).contains(QLatin1String("earlier attempt")), qPrintable(second.plan().warnings.join(QLatin1Char('|'))));
    const RenewalJob::Outcome out = run(second);
    QVERIFY2(out.ok, qPrintable(out.message + QLatin1Char(' ') + out.detail));
    // one new key pair in all, now with its certificate; the old pair and certificate kept
    QCOMPARE(SoftHsmFixture::objectBlocks(listing(t)).size(), 6);
    const QString newId = QString::fromLatin1(out.newCertificate.id.toHex());
    QCOMPARE(SoftHsmFixture::objectsWithId(listing(t), QStringLiteral("Private Key Object"), newId).size(), 1);
    QCOMPARE(certificatesWithId(t, newId), QList<QByteArray>{out.newCertificate.der});
    QCOMPARE(certificatesWithId(t, kKeyId), QList<QByteArray>{t.certDer});
    QVERIFY(m_w.signsFor(t, newId, out.newCertificate.der));
}

// A second key pair with its own certificate under the same CKA_ID (as
// vendors do for a signing and an encryption pair): the renewal replaces only
// the old certificate of the renewed pair.
void TestKeyopsRenewal::sharedKeyIdKeepsTheOtherCertificate()
{
    const TokenSetup t = makeToken(QStringLiteral("shared"));
    QVERIFY(!t.serial.isEmpty());
    // the second pair is made under a scratch id (to read its public key), then given CKA_ID a1
    QVERIFY(m_hsm.generateKeyPair(t.label, kPin, QStringLiteral("rsa:2048"), QStringLiteral("b2"), QStringLiteral("encryption key")));
    const QByteArray otherKey = m_hsm.publicKeyDer(t.label, kPin, QStringLiteral("b2"));
    QVERIFY(!otherKey.isEmpty() && otherKey != t.publicKey);
    const QByteArray otherCert = m_hsm.issueCertificate(otherKey, {{QStringLiteral("C"), QStringLiteral("CN")}, {QStringLiteral("O"), m_w.org},
                                                                    {QStringLiteral("OU"), m_w.uscc}, {QStringLiteral("CN"), QStringLiteral("加密证书")}},
                                                        300, 7001);
    QVERIFY(!otherCert.isEmpty());
    for (const QString &type : {QStringLiteral("privkey"), QStringLiteral("pubkey")}) {
        bool ok = false;
        m_hsm.run(QStringLiteral("pkcs11-tool"), {QStringLiteral("--module"), SoftHsmFixture::softHsmModule(), QStringLiteral("--token-label"), t.label,
                                                  QStringLiteral("--login"), QStringLiteral("--pin"), kPin, QStringLiteral("--type"), type,
                                                  QStringLiteral("--id"), QStringLiteral("b2"), QStringLiteral("--set-id"), kKeyId},
                  &ok);
        QVERIFY2(ok, qPrintable(type));
    }
    QVERIFY(m_hsm.writeCertificate(t.label, kPin, otherCert, kKeyId, QStringLiteral("encryption certificate")));
    QCOMPARE(SoftHsmFixture::objectsWithId(listing(t), QStringLiteral("Private Key Object"), kKeyId).size(), 2);
    QCOMPARE(certificatesWithId(t, kKeyId).size(), 2);
    const QString id = approvedAndPaid(QStringLiteral("renewal"), t);
    QVERIFY(!id.isEmpty());
    newService();

    RenewalJob job(*m_client, *m_service);
    QVERIFY(prepare(job, options(id, t)));
    QCOMPARE(job.plan().oldCertificate.der, t.certDer);
    const RenewalJob::Outcome o = run(job);
    QVERIFY2(o.ok, qPrintable(o.message + QLatin1Char(' ') + o.detail));
    QCOMPARE(m_w.publicKeyOf(o.newCertificate.der), t.publicKey);
    QList<QByteArray> after = certificatesWithId(t, kKeyId);
    std::sort(after.begin(), after.end());
    QList<QByteArray> expected{o.newCertificate.der, otherCert};
    std::sort(expected.begin(), expected.end());
    QCOMPARE(after, expected);  // the other pair's certificate kept, the old one replaced
    QCOMPARE(SoftHsmFixture::objectsWithId(listing(t), QStringLiteral("Private Key Object"), kKeyId).size(), 2);
    QCOMPARE(issuedFor(id), 1);
}

// Wrong PINs during the renewal: the PIN state is read again and shown; once
// the key is locked, no Retry and the PIN reset is offered. pkcs11-tool
// (through the shim, which counts the tries) confirms the lock.
void TestKeyopsRenewal::wrongPinDuringRenewal()
{
    TokenSetup t;
    QString id;
    QVERIFY(setUp(QStringLiteral("wrongpin"), QStringLiteral("renewal"), &t, &id));
    QVERIFY(m_hsm.writeShimConfig(QJsonObject{{QStringLiteral("max_pin_tries"), 3}}));
    const QString before = listing(t);
    RenewalJob job(*m_client, *m_service);
    QVERIFY(prepare(job, options(id, t)));

    RenewalJob::Outcome o = run(job, false, QStringLiteral("654321"));
    QVERIFY(!o.ok);
    QCOMPARE(o.failedStep, RenewalJob::Step::Csr);
    QVERIFY(o.pinStateKnown);
    QCOMPARE(o.pinState, p11::PinState::CountLow);
    QVERIFY(o.canRetry);
    QVERIFY2(o.message.contains(QLatin1String("PIN was wrong")) && o.message.contains(QLatin1String("fewer tries")), qPrintable(o.message));
    QVERIFY(o.message.contains(QLatin1String("old certificate is still there")));

    o = run(job, true, QStringLiteral("654321"));
    QVERIFY(!o.ok);
    QCOMPARE(o.pinState, p11::PinState::FinalTry);
    QVERIFY(o.canRetry);
    QVERIFY2(o.message.contains(QLatin1String("Only one try is left")), qPrintable(o.message));

    o = run(job, true, QStringLiteral("654321"));
    QVERIFY(!o.ok);
    QCOMPARE(o.pinState, p11::PinState::Locked);
    QVERIFY(!o.canRetry);
    QVERIFY2(o.message.contains(QLatin1String("locked")) && o.message.contains(QStringLiteral("密码重置")), qPrintable(o.message));
    QVERIFY(!o.message.contains(QLatin1String("Retry")));
    bool ok = true;
    m_hsm.listObjects(t.label, kPin, QStringLiteral(CA_SHIM_PATH), &ok);
    QVERIFY(!ok);  // the right PIN no longer opens the key
    QCOMPARE(listing(t), before);
    QCOMPARE(issuedFor(id), 0);
    QFile::remove(m_hsm.shimConfigPath() + QStringLiteral(".state"));
}

// Retry with another key plugged in: the message names the key to insert
// (serial and unit), and a retry with the right key finishes.
void TestKeyopsRenewal::wrongKeyOnRetry()
{
    TokenSetup t;
    QString id;
    QVERIFY(setUp(QStringLiteral("swap"), QStringLiteral("renewal"), &t, &id));
    const TokenSetup other = makeToken(QStringLiteral("other"));
    QVERIFY(!other.serial.isEmpty());
    newService();
    RenewalJob job(*m_client, *m_service);
    QVERIFY(prepare(job, options(id, t)));
    // only t is pulled out (presence_serial); the other key stays in
    QVERIFY(m_hsm.writeShimConfig(QJsonObject{{QStringLiteral("presence_serial"), t.serial}}));
    connect(&job, &RenewalJob::stepChanged, this, [this](RenewalJob::Step s) {
        if (s == RenewalJob::Step::Install)
            QVERIFY(m_hsm.setTokenPresent(false));
    });
    RenewalJob::Outcome o = run(job);
    QVERIFY(!o.ok);
    QCOMPARE(o.failedStep, RenewalJob::Step::Install);
    o = run(job, true);  // still the wrong key
    QVERIFY(!o.ok);
    QCOMPARE(o.failedStep, RenewalJob::Step::Install);
    QCOMPARE(o.keyState, RenewalJob::KeyState::Unchanged);
    QVERIFY(o.canRetry);
    QVERIFY2(o.message.contains(QLatin1String("is not the one")) && o.message.contains(t.serial) && o.message.contains(m_w.org)
                 && o.message.contains(other.serial),
             qPrintable(o.message));
    QVERIFY(o.message.contains(QLatin1String("old certificate is still")));
    QCOMPARE(certificatesWithId(t, kKeyId), QList<QByteArray>{t.certDer});
    QCOMPARE(certificatesWithId(other, kKeyId), QList<QByteArray>{other.certDer});

    disconnect(&job, &RenewalJob::stepChanged, this, nullptr);
    QVERIFY(m_hsm.setTokenPresent(true));
    o = run(job, true);
    QVERIFY2(o.ok, qPrintable(o.message + QLatin1Char(' ') + o.detail));
    QCOMPARE(certificatesWithId(t, kKeyId), QList<QByteArray>{o.newCertificate.der});
    QCOMPARE(certificatesWithId(other, kKeyId), QList<QByteArray>{other.certDer});
    QCOMPARE(issuedFor(id), 1);
}

// Another computer (here a second job) finished first: this job's POST gets
// 409 "already issued" and it installs the issued certificate instead of
// failing; a job prepared afterwards says there is nothing to do.
void TestKeyopsRenewal::issuedElsewhereIsInstalled()
{
    TokenSetup t;
    QString id;
    QVERIFY(setUp(QStringLiteral("elsewhere"), QStringLiteral("renewal"), &t, &id));
    RenewalJob late(*m_client, *m_service);
    QVERIFY(prepare(late, options(id, t)));
    QVERIFY(!late.plan().installOnly);
    {
        RenewalJob first(*m_client, *m_service);
        QVERIFY(prepare(first, options(id, t)));
        QVERIFY(run(first).ok);
    }
    // the first job's certificate is taken off again (it was installed on the other computer's copy, say)
    const QByteArray issued = certificatesWithId(t, kKeyId).value(0);
    QVERIFY(!issued.isEmpty() && issued != t.certDer);
    bool ok = false;
    m_hsm.run(QStringLiteral("pkcs11-tool"), {QStringLiteral("--module"), SoftHsmFixture::softHsmModule(), QStringLiteral("--token-label"), t.label,
                                              QStringLiteral("--login"), QStringLiteral("--pin"), kPin, QStringLiteral("--delete-object"),
                                              QStringLiteral("--type"), QStringLiteral("cert"), QStringLiteral("--id"), kKeyId},
              &ok);
    QVERIFY(ok);
    QVERIFY(m_hsm.writeCertificate(t.label, kPin, t.certDer, kKeyId, QStringLiteral("old certificate")));
    QCOMPARE(certificatesWithId(t, kKeyId), QList<QByteArray>{t.certDer});

    QList<RenewalJob::Step> steps;
    connect(&late, &RenewalJob::stepChanged, this, [&steps](RenewalJob::Step s) { steps.append(s); });
    const RenewalJob::Outcome o = run(late);
    QVERIFY2(o.ok, qPrintable(o.message + QLatin1Char(' ') + o.detail));
    QVERIFY(steps.contains(RenewalJob::Step::Submit));
    QCOMPARE(o.newCertificate.der, issued);
    QCOMPARE(certificatesWithId(t, kKeyId), QList<QByteArray>{issued});
    QCOMPARE(issuedFor(id), 1);

    RenewalJob after(*m_client, *m_service);
    RenewalJob::Outcome done;
    QVERIFY(!prepare(after, options(id, t), &done));
    QVERIFY(done.ok);
    QVERIFY(done.nothingToDo);
    QVERIFY2(done.message.contains(QLatin1String("already on the key")) && done.message.contains(QLatin1String("nothing needs to be done")),
             qPrintable(done.message));
    QCOMPARE(done.newCertificate.der, issued);
}

// A key that keeps no public-key objects (the shim hides them): prepare
// cannot see the key pair without the PIN and goes on; the CSR step and the
// check find the private key logged in.
void TestKeyopsRenewal::tokenWithoutPublicKeyObjects()
{
    TokenSetup t;
    QString id;
    QVERIFY(setUp(QStringLiteral("nopub"), QStringLiteral("renewal"), &t, &id));
    QVERIFY(m_hsm.writeShimConfig(QJsonObject{{QStringLiteral("hide_public_keys"), true}}));
    // through the shim pkcs11-tool sees no public key; SoftHSM directly still has it
    QVERIFY(SoftHsmFixture::objectsWithId(m_hsm.listObjects(t.label, kPin, QStringLiteral(CA_SHIM_PATH)), QStringLiteral("Public Key Object"), kKeyId).isEmpty());
    QCOMPARE(SoftHsmFixture::objectsWithId(listing(t), QStringLiteral("Public Key Object"), kKeyId).size(), 1);
    RenewalJob job(*m_client, *m_service);
    RenewalJob::Outcome failure;
    QVERIFY2(prepare(job, options(id, t), &failure), qPrintable(failure.message));
    const RenewalJob::Outcome o = run(job);
    QVERIFY2(o.ok, qPrintable(o.message + QLatin1Char(' ') + o.detail));
    QCOMPARE(certificatesWithId(t, kKeyId), QList<QByteArray>{o.newCertificate.der});
    QVERIFY(m_w.signsFor(t, kKeyId, o.newCertificate.der));
    QCOMPARE(issuedFor(id), 1);
}

// PlatformCall::takeBody() (used for the SO PIN answer): the caller gets the
// bytes, the call's own buffer is overwritten in place (a copy sharing it
// reads as zeros) and body()/json() are empty afterwards.
void TestKeyopsRenewal::takeBodyWipesTheCallsCopy()
{
    PlatformCall *call = m_client->organization();
    call->setParent(m_client.get());
    QVERIFY(call->waitForFinished(60000));
    QVERIFY(call->ok());
    const QByteArray shared = call->body();
    QVERIFY(shared.contains(m_w.uscc.toUtf8()));
    const QByteArray original(shared.constData(), shared.size());
    const QByteArray taken = call->takeBody();
    QCOMPARE(taken, original);
    QVERIFY(call->body().isEmpty());
    QVERIFY(call->json().isEmpty());
    QCOMPARE(shared.count('\0'), shared.size());
    delete call;
}

// The same lost answer with no automatic retries in PlatformClient: the job
// fails at Submit (network), and RenewalJob::retry() re-sends the same CSR
// with the same Idempotency-Key; the platform replays, nothing is issued twice.
void TestKeyopsRenewal::lostAnswerReplayedByRetry()
{
    TokenSetup t;
    QString id;
    QVERIFY(setUp(QStringLiteral("lost2"), QStringLiteral("renewal"), &t, &id));
    // three drops: Qt's HTTP layer itself re-sends a request whose connection
    // closed before the answer (two more times), so the job sees the failure
    loseCsrAnswers(3, 1);
    if (QTest::currentTestFailed())
        return;

    RenewalJob job(*m_client, *m_service);
    QVERIFY(prepare(job, options(id, t)));
    RenewalJob::Outcome o = run(job);
    QVERIFY(!o.ok);
    QCOMPARE(o.failedStep, RenewalJob::Step::Submit);
    QVERIFY(o.networkError);
    QVERIFY(o.canRetry);
    QCOMPARE(issuedFor(id), 1);  // issued, the answer lost
    QCOMPARE(certificatesWithId(t, kKeyId), QList<QByteArray>{t.certDer});

    QList<RenewalJob::Step> steps;
    connect(&job, &RenewalJob::stepChanged, this, [&steps](RenewalJob::Step s) { steps.append(s); });
    o = run(job, true);
    QVERIFY2(o.ok, qPrintable(o.message + QLatin1Char(' ') + o.detail));
    QCOMPARE(steps.value(0), RenewalJob::Step::Submit);  // no new CSR
    QVERIFY(!steps.contains(RenewalJob::Step::Csr));
    QCOMPARE(issuedFor(id), 1);
    QCOMPARE(certificatesWithId(t, kKeyId), QList<QByteArray>{o.newCertificate.der});
    QCOMPARE(m_w.sandbox->queryInt(QStringLiteral("SELECT COUNT(*) FROM idempotency_keys WHERE key = ?"), {job.idempotencyKey()}), 1);
    m_client->setRetryPolicy(PlatformClient::RetryPolicy{});
}

QTEST_GUILESS_MAIN(TestKeyopsRenewal)
#include "tst_keyops_renewal.moc"
