// ca-sandbox: startup line, TLS, sign-in, sign-out, lockout, roles and isolation.
#include "SandboxProcess.h"

#include "core/validation/FieldValidator.h"

#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QtTest>

using namespace ca::test;

class TestSandboxCoreAuth : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void readyLine();
    void platformInfo();
    void httpsOnlyAndVerified();
    void loginLogout();
    void wrongPassword();
    void lockout();
    void tokenRequired();
    void reviewerRole();
    void isolation();
    void expiryAcrossRestart();

private:
    std::unique_ptr<SandboxProcess> m_sandbox;
};

void TestSandboxCoreAuth::initTestCase()
{
    m_sandbox = std::make_unique<SandboxProcess>();
    QVERIFY2(m_sandbox->start(), qPrintable(m_sandbox->lastError()));
}

void TestSandboxCoreAuth::cleanupTestCase()
{
    QCOMPARE(m_sandbox->stop(), 0); // SIGTERM stops it cleanly
}

void TestSandboxCoreAuth::readyLine()
{
    QCOMPARE(m_sandbox->url().scheme(), QStringLiteral("https"));
    QCOMPARE(m_sandbox->url().host(), QStringLiteral("127.0.0.1"));
    QVERIFY(m_sandbox->url().port() > 0);
    QCOMPARE(m_sandbox->workflow(), QStringLiteral("review-first"));
    const QFileInfo ca(m_sandbox->caCertPath());
    QVERIFY(ca.isAbsolute());
    QVERIFY(ca.exists());
    QCOMPARE(ca.absolutePath(), QDir(m_sandbox->dataDir()).absolutePath());
    QStringList roles;
    for (const QJsonValue &v : m_sandbox->accounts()) {
        QVERIFY(!v.toObject().value(QStringLiteral("username")).toString().isEmpty());
        QVERIFY(!v.toObject().value(QStringLiteral("password")).toString().isEmpty());
        roles << v.toObject().value(QStringLiteral("role")).toString();
    }
    roles.sort();
    QCOMPARE(roles, (QStringList{QStringLiteral("agent"), QStringLiteral("purchaser"), QStringLiteral("reviewer"), QStringLiteral("supplier")}));
}

void TestSandboxCoreAuth::platformInfo()
{
    SandboxHttp http(*m_sandbox);
    const auto r = http.get(QStringLiteral("/api/v1/platform"));
    QCOMPARE(r.status, 200);
    const QJsonObject p = r.json();
    QCOMPARE(p.value(QStringLiteral("workflow")).toString(), QStringLiteral("review-first"));
    QCOMPARE(p.value(QStringLiteral("prices")).toObject().value(QStringLiteral("new")).toString(), QStringLiteral("300.00"));
    QCOMPARE(p.value(QStringLiteral("prices")).toObject().value(QStringLiteral("existing")).toString(), QStringLiteral("0.00"));
    QCOMPARE(p.value(QStringLiteral("wechat_order_ttl_seconds")).toInt(), 300);
    QCOMPARE(p.value(QStringLiteral("max_upload_bytes")).toDouble(), 20.0 * 1024 * 1024);
    QCOMPARE(p.value(QStringLiteral("attachment_categories")).toArray().size(), 5);
    QVERIFY(!r.header("X-Request-Id").isEmpty());
}

void TestSandboxCoreAuth::httpsOnlyAndVerified()
{
    // Plain HTTP on the same port gets no HTTP answer.
    QNetworkAccessManager nam;
    QUrl plain = m_sandbox->url();
    plain.setScheme(QStringLiteral("http"));
    plain.setPath(QStringLiteral("/api/v1/platform"));
    QNetworkReply *reply = nam.get(QNetworkRequest(plain));
    QEventLoop loop;
    connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(60000, reply, &QNetworkReply::abort);
    loop.exec();
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 0);
    QVERIFY(reply->error() != QNetworkReply::NoError);
    delete reply;

    // HTTPS without trusting the sandbox CA fails verification.
    QUrl secure = m_sandbox->url();
    secure.setPath(QStringLiteral("/api/v1/platform"));
    QNetworkRequest req(secure);
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    ssl.setCaCertificates({});
    req.setSslConfiguration(ssl);
    reply = nam.get(req);
    QEventLoop loop2;
    connect(reply, &QNetworkReply::finished, &loop2, &QEventLoop::quit);
    QTimer::singleShot(60000, reply, &QNetworkReply::abort);
    loop2.exec();
    QCOMPARE(reply->error(), QNetworkReply::SslHandshakeFailedError);
    delete reply;
}

void TestSandboxCoreAuth::loginLogout()
{
    SandboxHttp http(*m_sandbox);
    const auto r = http.loginWith(QStringLiteral("supplier"), m_sandbox->password(QStringLiteral("supplier")));
    QCOMPARE(r.status, 200);
    const QJsonObject s = r.json();
    QCOMPARE(s.value(QStringLiteral("token")).toString().size(), 64);
    QCOMPARE(s.value(QStringLiteral("role")).toString(), QStringLiteral("supplier"));
    QVERIFY(QDateTime::fromString(s.value(QStringLiteral("expires_at")).toString(), Qt::ISODate) > QDateTime::currentDateTimeUtc());
    const QJsonObject org = s.value(QStringLiteral("organization")).toObject();
    QCOMPARE(org.value(QStringLiteral("type")).toString(), QStringLiteral("supplier"));
    QVERIFY(ca::FieldValidator::validate(ca::Field::Uscc, org.value(QStringLiteral("uscc")).toString()).valid);

    auto o = http.get(QStringLiteral("/api/v1/organization"));
    QCOMPARE(o.status, 200);
    QCOMPARE(o.json().value(QStringLiteral("uscc")).toString(), org.value(QStringLiteral("uscc")).toString());
    QCOMPARE(http.del(QStringLiteral("/api/v1/session")).status, 204);
    o = http.get(QStringLiteral("/api/v1/organization"));
    QCOMPARE(o.status, 401);
    QCOMPARE(o.json().value(QStringLiteral("code")).toString(), QStringLiteral("unauthorized"));

    for (const QString &user : {QStringLiteral("purchaser"), QStringLiteral("agent")}) {
        SandboxHttp other(*m_sandbox);
        QVERIFY(other.login(user));
        const auto org2 = other.get(QStringLiteral("/api/v1/organization"));
        QCOMPARE(org2.status, 200);
        QCOMPARE(org2.json().value(QStringLiteral("type")).toString(), user);
        QVERIFY(ca::FieldValidator::validate(ca::Field::Uscc, org2.json().value(QStringLiteral("uscc")).toString()).valid);
    }
}

void TestSandboxCoreAuth::wrongPassword()
{
    SandboxHttp http(*m_sandbox);
    auto r = http.loginWith(QStringLiteral("purchaser"), QStringLiteral("wrong"));
    QCOMPARE(r.status, 401);
    QCOMPARE(r.json().value(QStringLiteral("code")).toString(), QStringLiteral("invalid_credentials"));
    QCOMPARE(r.json().value(QStringLiteral("request_id")).toString().toLatin1(), r.header("X-Request-Id"));
    r = http.loginWith(QStringLiteral("nobody"), QStringLiteral("wrong"));
    QCOMPARE(r.status, 401);
    QCOMPARE(r.json().value(QStringLiteral("code")).toString(), QStringLiteral("invalid_credentials"));
    // One failure does not lock.
    QVERIFY(http.login(QStringLiteral("purchaser")));
}

void TestSandboxCoreAuth::lockout()
{
    SandboxHttp http(*m_sandbox);
    for (int i = 0; i < 4; ++i) {
        const auto r = http.loginWith(QStringLiteral("agent"), QStringLiteral("wrong-%1").arg(i));
        QCOMPARE(r.status, 401);
        QCOMPARE(r.json().value(QStringLiteral("code")).toString(), QStringLiteral("invalid_credentials"));
    }
    auto r = http.loginWith(QStringLiteral("agent"), QStringLiteral("wrong-5"));
    QCOMPARE(r.status, 423);
    QCOMPARE(r.json().value(QStringLiteral("code")).toString(), QStringLiteral("account_locked"));
    // The right password is refused too, with the locked message.
    r = http.loginWith(QStringLiteral("agent"), m_sandbox->password(QStringLiteral("agent")));
    QCOMPARE(r.status, 423);
    QCOMPARE(r.json().value(QStringLiteral("code")).toString(), QStringLiteral("account_locked"));
    const QString lockedMessage = r.json().value(QStringLiteral("message")).toString();
    const QString wrongMessage = http.loginWith(QStringLiteral("nobody"), QStringLiteral("x")).json().value(QStringLiteral("message")).toString();
    QVERIFY(lockedMessage != wrongMessage);
    // Other accounts are unaffected.
    QVERIFY(http.login(QStringLiteral("supplier")));
}

void TestSandboxCoreAuth::tokenRequired()
{
    SandboxHttp http(*m_sandbox);
    auto r = http.get(QStringLiteral("/api/v1/applications"));
    QCOMPARE(r.status, 401);
    const QJsonObject e = r.json();
    QCOMPARE(e.value(QStringLiteral("code")).toString(), QStringLiteral("unauthorized"));
    QVERIFY(!e.value(QStringLiteral("message")).toString().isEmpty());
    QVERIFY(e.value(QStringLiteral("fields")).isArray());
    QVERIFY(!e.value(QStringLiteral("request_id")).toString().isEmpty());
    http.setToken(QStringLiteral("00").repeated(32));
    QCOMPARE(http.get(QStringLiteral("/api/v1/applications")).status, 401);
}

void TestSandboxCoreAuth::reviewerRole()
{
    SandboxHttp supplier(*m_sandbox);
    QVERIFY(supplier.login(QStringLiteral("supplier")));
    auto r = supplier.get(QStringLiteral("/api/v1/review/applications"));
    QCOMPARE(r.status, 403);
    QCOMPARE(r.json().value(QStringLiteral("code")).toString(), QStringLiteral("forbidden"));
    SandboxHttp reviewer(*m_sandbox);
    QVERIFY(reviewer.login(QStringLiteral("reviewer")));
    QCOMPARE(reviewer.get(QStringLiteral("/api/v1/review/applications")).status, 200);
    // A reviewer has no organisation of its own to apply for.
    QCOMPARE(reviewer.post(QStringLiteral("/api/v1/applications"), sampleApplication(QStringLiteral("new"))).status, 403);
}

void TestSandboxCoreAuth::isolation()
{
    SandboxHttp a(*m_sandbox);
    SandboxHttp b(*m_sandbox);
    QVERIFY(a.login(QStringLiteral("supplier")));
    QVERIFY(b.login(QStringLiteral("purchaser")));
    auto created = a.post(QStringLiteral("/api/v1/applications"), sampleApplication(QStringLiteral("new")));
    QCOMPARE(created.status, 201);
    const QString id = created.json().value(QStringLiteral("id")).toString();
    const QString base = QStringLiteral("/api/v1/applications/") + id;
    auto up = a.upload(base + QStringLiteral("/attachments"), QStringLiteral("business_licence"), QStringLiteral("licence.pdf"), tinyPdf());
    QCOMPARE(up.status, 201);
    const QString attachmentId = up.json().value(QStringLiteral("id")).toString();

    const auto expect404 = [](const SandboxHttp::Response &r) {
        return r.status == 404 && r.json().value(QStringLiteral("code")).toString() == QLatin1String("not_found");
    };
    QVERIFY(expect404(b.get(base)));
    QVERIFY(expect404(b.put(base, sampleApplication(QStringLiteral("new")), {{"If-Match", "\"1\""}})));
    QVERIFY(expect404(b.del(base)));
    QVERIFY(expect404(b.post(base + QStringLiteral("/submit"), {})));
    QVERIFY(expect404(b.get(base + QStringLiteral("/events"))));
    QVERIFY(expect404(b.get(base + QStringLiteral("/attachments"))));
    QVERIFY(expect404(b.get(base + QStringLiteral("/attachments/") + attachmentId)));
    QVERIFY(expect404(b.del(base + QStringLiteral("/attachments/") + attachmentId)));
    QVERIFY(expect404(b.upload(base + QStringLiteral("/attachments"), QStringLiteral("business_licence"), QStringLiteral("x.pdf"), tinyPdf())));
    QVERIFY(expect404(b.post(base + QStringLiteral("/confirm-receipt"), {})));
    // Not in B's list, still intact for A.
    const QJsonArray items = b.get(QStringLiteral("/api/v1/applications")).json().value(QStringLiteral("items")).toArray();
    for (const QJsonValue &v : items)
        QVERIFY(v.toObject().value(QStringLiteral("id")).toString() != id);
    QCOMPARE(a.get(base).status, 200);
    QCOMPARE(a.get(base + QStringLiteral("/attachments")).json().value(QStringLiteral("items")).toArray().size(), 1);
    // The reviewer sees every organisation.
    SandboxHttp reviewer(*m_sandbox);
    QVERIFY(reviewer.login(QStringLiteral("reviewer")));
    bool seen = false;
    for (const QJsonValue &v : reviewer.get(QStringLiteral("/api/v1/review/applications")).json().value(QStringLiteral("items")).toArray())
        seen = seen || v.toObject().value(QStringLiteral("id")).toString() == id;
    QVERIFY(seen);
}

void TestSandboxCoreAuth::expiryAcrossRestart()
{
    // Sessions and locks live in the database; --clock-offset moves the server clock.
    SandboxProcess sandbox;
    QVERIFY2(sandbox.start(), qPrintable(sandbox.lastError()));
    SandboxHttp http(sandbox);
    QVERIFY(http.login(QStringLiteral("supplier")));
    const QString token = http.token();
    for (int i = 0; i < 5; ++i)
        http.loginWith(QStringLiteral("agent"), QStringLiteral("wrong"));
    QCOMPARE(http.loginWith(QStringLiteral("agent"), sandbox.password(QStringLiteral("agent"))).status, 423);

    // 10 minutes later: the session still works, the lock still holds.
    sandbox.setExtraArgs({QStringLiteral("--clock-offset"), QString::number(10 * 60)});
    QVERIFY2(sandbox.restart(), qPrintable(sandbox.lastError()));
    http.rebase(sandbox);
    http.setToken(token);
    QCOMPARE(http.get(QStringLiteral("/api/v1/organization")).status, 200);
    SandboxHttp other(sandbox);
    QCOMPARE(other.loginWith(QStringLiteral("agent"), sandbox.password(QStringLiteral("agent"))).status, 423);

    // 9 hours later: the session has expired and the lock is over.
    sandbox.setExtraArgs({QStringLiteral("--clock-offset"), QString::number(9 * 3600)});
    QVERIFY2(sandbox.restart(), qPrintable(sandbox.lastError()));
    http.rebase(sandbox);
    http.setToken(token);
    const auto expired = http.get(QStringLiteral("/api/v1/organization"));
    QCOMPARE(expired.status, 401);
    QCOMPARE(expired.json().value(QStringLiteral("code")).toString(), QStringLiteral("session_expired"));
    SandboxHttp again(sandbox);
    QCOMPARE(again.loginWith(QStringLiteral("agent"), sandbox.password(QStringLiteral("agent"))).status, 200);
    QCOMPARE(sandbox.stop(), 0);
}

QTEST_GUILESS_MAIN(TestSandboxCoreAuth)
#include "sandbox_core_auth.moc"
