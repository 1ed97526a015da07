// ca-sandbox: every kind of bad input gets a 4xx with the error body, the
// server keeps running and writes nothing outside its data directory.
#include "SandboxProcess.h"

#include <QDir>
#include <QDirIterator>
#include <QJsonArray>
#include <QSslSocket>
#include <QtTest>

using namespace ca::test;

class TestSandboxCoreBadInput : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void malformedJson_data();
    void malformedJson();
    void wrongTypes();
    void unknownFields();
    void loginBody();
    void hugeBodies();
    void brokenMultipart_data();
    void brokenMultipart();
    void pathTraversalInFileNames_data();
    void pathTraversalInFileNames();
    void pathTraversalInUrls();
    void wrongMethods();
    void unknownRoutes();
    void badHeaders();
    void garbageOnTheSocket();

private:
    // Checks the error body shape and returns the code.
    static QString errorCode(const SandboxHttp::Response &r);
    QStringList filesOutsideData() const;

    std::unique_ptr<SandboxProcess> m_sandbox;
    std::unique_ptr<SandboxHttp> m_http;
    QString m_id;
};

QString TestSandboxCoreBadInput::errorCode(const SandboxHttp::Response &r)
{
    const QJsonObject e = r.json();
    if (!e.value(QStringLiteral("message")).isString() || e.value(QStringLiteral("message")).toString().isEmpty())
        return QStringLiteral("<no message>");
    if (!e.value(QStringLiteral("fields")).isArray())
        return QStringLiteral("<no fields>");
    if (e.value(QStringLiteral("request_id")).toString().toLatin1() != r.header("X-Request-Id") || r.header("X-Request-Id").isEmpty())
        return QStringLiteral("<request_id mismatch>");
    return e.value(QStringLiteral("code")).toString();
}

QStringList TestSandboxCoreBadInput::filesOutsideData() const
{
    // Everything in the sandbox's private root that is not inside its data dir.
    QStringList out;
    QDirIterator it(m_sandbox->rootDir(), QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString p = it.next();
        if (p != m_sandbox->dataDir() && !p.startsWith(m_sandbox->dataDir() + QLatin1Char('/')))
            out << p;
    }
    out.sort();
    return out;
}

void TestSandboxCoreBadInput::initTestCase()
{
    m_sandbox = std::make_unique<SandboxProcess>(QStringList{QStringLiteral("--max-upload-mb"), QStringLiteral("1")});
    QVERIFY2(m_sandbox->start(), qPrintable(m_sandbox->lastError()));
    QCOMPARE(filesOutsideData(), QStringList());
    m_http = std::make_unique<SandboxHttp>(*m_sandbox);
    QVERIFY(m_http->login(QStringLiteral("supplier")));
    const auto created = m_http->post(QStringLiteral("/api/v1/applications"), sampleApplication(QStringLiteral("new")));
    QCOMPARE(created.status, 201);
    m_id = created.json().value(QStringLiteral("id")).toString();
}

void TestSandboxCoreBadInput::cleanupTestCase()
{
    // Still alive and well after all of it.
    QVERIFY(m_sandbox->isRunning());
    QCOMPARE(m_http->get(QStringLiteral("/api/v1/platform")).status, 200);
    QCOMPARE(m_http->get(QStringLiteral("/api/v1/applications/") + m_id).status, 200);
    QCOMPARE(filesOutsideData(), QStringList());
    QCOMPARE(m_sandbox->stop(), 0);
}

void TestSandboxCoreBadInput::malformedJson_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    const QString create = QStringLiteral("/api/v1/applications");
    QTest::newRow("truncated") << create << QByteArray("{\"kind\": \"new\"");
    QTest::newRow("not json") << create << QByteArray("kind=new");
    QTest::newRow("array") << create << QByteArray("[{\"kind\":\"new\"}]");
    QTest::newRow("string") << create << QByteArray("\"new\"");
    QTest::newRow("empty") << create << QByteArray();
    QTest::newRow("nul bytes") << create << QByteArray("{\"kind\":\"ne\0w\"}", 15);
    QTest::newRow("invalid utf8") << create << QByteArray("{\"kind\":\"\xff\xfe\"}");
    QTest::newRow("session") << QStringLiteral("/api/v1/session") << QByteArray("{username:");
    QTest::newRow("submit") << QStringLiteral("/api/v1/applications/{id}/submit") << QByteArray("{\"comment\":");
    QTest::newRow("review") << QStringLiteral("/api/v1/review/applications/{id}/approve") << QByteArray("[]");
}

void TestSandboxCoreBadInput::malformedJson()
{
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    SandboxHttp http(*m_sandbox);
    QVERIFY(http.login(path.contains(QLatin1String("review")) ? QStringLiteral("reviewer") : QStringLiteral("supplier")));
    const auto r = http.request("POST", QString(path).replace(QStringLiteral("{id}"), m_id), body);
    QVERIFY2(r.status == 400, r.body.constData());
    const QString code = errorCode(r);
    QVERIFY2(code == QLatin1String("malformed_json") || code == QLatin1String("validation_failed"), qPrintable(code));
}

void TestSandboxCoreBadInput::wrongTypes()
{
    const struct {
        QByteArray body;
        QString field;
    } cases[] = {
        {"{\"kind\": 5}", QStringLiteral("kind")},
        {"{\"kind\": \"newer\"}", QStringLiteral("kind")},
        {"{\"order\": {\"quantity\": 1}}", QStringLiteral("kind")},
        {"{\"kind\": \"new\", \"order\": {\"quantity\": \"two\"}}", QStringLiteral("order.quantity")},
        {"{\"kind\": \"new\", \"order\": {\"quantity\": 1.5}}", QStringLiteral("order.quantity")},
        {"{\"kind\": \"new\", \"order\": []}", QStringLiteral("order")},
        {"{\"kind\": \"new\", \"invoice\": {\"tax_id\": 913700}}", QStringLiteral("invoice.tax_id")},
        {"{\"kind\": \"new\", \"invoice\": {\"type\": \"vip\"}}", QStringLiteral("invoice.type")},
        {"{\"kind\": \"new\", \"order\": {\"pickup\": true}}", QStringLiteral("order.pickup")},
        {"{\"kind\": \"new\", \"order\": {\"recipient_phone\": \"12345\"}}", QStringLiteral("order.recipient_phone")},
        {"{\"kind\": \"new\", \"order\": {\"quantity\": 100000000000000000000}}", QStringLiteral("order.quantity")},
    };
    for (const auto &c : cases) {
        const auto r = m_http->request("POST", QStringLiteral("/api/v1/applications"), c.body);
        QVERIFY2(r.status == 400, c.body.constData());
        QCOMPARE(errorCode(r), QStringLiteral("validation_failed"));
        QStringList fields;
        for (const QJsonValue &v : r.json().value(QStringLiteral("fields")).toArray())
            fields << v.toObject().value(QStringLiteral("field")).toString();
        QVERIFY2(fields.contains(c.field), qPrintable(c.body + " -> " + fields.join(QLatin1Char(','))));
    }
    // The same strictness on update.
    const auto r = m_http->request("PUT", QStringLiteral("/api/v1/applications/") + m_id, "{\"kind\": [1]}", {{"If-Match", "\"1\""}});
    QCOMPARE(r.status, 400);
    // Submit: comment must be a string.
    const auto s = m_http->request("POST", QStringLiteral("/api/v1/applications/") + m_id + QStringLiteral("/submit"), "{\"comment\": 42}");
    QCOMPARE(s.status, 400);
    QCOMPARE(s.json().value(QStringLiteral("fields")).toArray().first().toObject().value(QStringLiteral("field")).toString(), QStringLiteral("comment"));
}

void TestSandboxCoreBadInput::unknownFields()
{
    QJsonObject body = sampleApplication(QStringLiteral("new"));
    body.insert(QStringLiteral("discount"), QStringLiteral("100%"));
    QJsonObject invoice = body.value(QStringLiteral("invoice")).toObject();
    invoice.insert(QStringLiteral("secret_field"), 1);
    body.insert(QStringLiteral("invoice"), invoice);
    const auto r = m_http->post(QStringLiteral("/api/v1/applications"), body);
    QCOMPARE(r.status, 400);
    QCOMPARE(errorCode(r), QStringLiteral("validation_failed"));
    QStringList fields;
    for (const QJsonValue &v : r.json().value(QStringLiteral("fields")).toArray()) {
        fields << v.toObject().value(QStringLiteral("field")).toString();
        QVERIFY(!v.toObject().value(QStringLiteral("message")).toString().isEmpty());
    }
    QVERIFY(fields.contains(QStringLiteral("discount")));
    QVERIFY(fields.contains(QStringLiteral("invoice.secret_field")));
    const auto s = m_http->post(QStringLiteral("/api/v1/applications/") + m_id + QStringLiteral("/submit"), QJsonObject{{QStringLiteral("force"), true}});
    QCOMPARE(s.status, 400);
    QCOMPARE(s.json().value(QStringLiteral("fields")).toArray().first().toObject().value(QStringLiteral("field")).toString(), QStringLiteral("force"));
}

void TestSandboxCoreBadInput::loginBody()
{
    SandboxHttp http(*m_sandbox);
    auto r = http.request("POST", QStringLiteral("/api/v1/session"), "{\"username\": 1, \"password\": []}");
    QCOMPARE(r.status, 400);
    QCOMPARE(errorCode(r), QStringLiteral("validation_failed"));
    r = http.request("POST", QStringLiteral("/api/v1/session"), "{\"username\": \"supplier\"}");
    QCOMPARE(r.status, 400);
    QCOMPARE(r.json().value(QStringLiteral("fields")).toArray().first().toObject().value(QStringLiteral("field")).toString(), QStringLiteral("password"));
    r = http.request("POST", QStringLiteral("/api/v1/session"), "{\"username\": \"supplier\", \"password\": \"x\", \"remember\": true}");
    QCOMPARE(r.status, 400);
}

void TestSandboxCoreBadInput::hugeBodies()
{
    // An upload above --max-upload-mb 1.
    QByteArray big = tinyPdf();
    big.append(QByteArray(1024 * 1024 + 10, 'x'));
    auto r = m_http->upload(QStringLiteral("/api/v1/applications/") + m_id + QStringLiteral("/attachments"),
                            QStringLiteral("business_licence"), QStringLiteral("big.pdf"), big);
    QCOMPARE(r.status, 413);
    QCOMPARE(errorCode(r), QStringLiteral("too_large"));
    // A body far above the limit on a JSON route.
    QByteArray json = "{\"kind\":\"new\",\"pad\":\"" + QByteArray(4 * 1024 * 1024, 'a') + "\"}";
    r = m_http->request("POST", QStringLiteral("/api/v1/applications"), json);
    QCOMPARE(r.status, 413);
    QCOMPARE(errorCode(r), QStringLiteral("too_large"));
    // A deeply nested document.
    QByteArray deep = QByteArray(5000, '[') + QByteArray(5000, ']');
    r = m_http->request("POST", QStringLiteral("/api/v1/applications"), deep);
    QCOMPARE(r.status, 400);
    // A huge string inside a field is a field error, not a crash.
    QJsonObject body = sampleApplication(QStringLiteral("new"));
    QJsonObject order = body.value(QStringLiteral("order")).toObject();
    order.insert(QStringLiteral("recipient_name"), QString(100000, QLatin1Char('A')));
    body.insert(QStringLiteral("order"), order);
    r = m_http->post(QStringLiteral("/api/v1/applications"), body);
    QVERIFY2(r.status == 400 || r.status == 201, r.body.left(300).constData());
    QCOMPARE(m_http->get(QStringLiteral("/api/v1/applications/") + m_id + QStringLiteral("/attachments")).json().value(QStringLiteral("items")).toArray().size(), 0);
}

void TestSandboxCoreBadInput::brokenMultipart_data()
{
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    const QByteArray pdf = tinyPdf();
    QTest::newRow("json instead") << QByteArray("application/json") << QByteArray("{\"category\":\"business_licence\"}") << 415;
    QTest::newRow("no boundary") << QByteArray("multipart/form-data") << QByteArray("--x\r\n") << 415;
    QTest::newRow("garbage") << QByteArray("multipart/form-data; boundary=XYZ") << QByteArray("this is not multipart") << 400;
    QTest::newRow("no closing") << QByteArray("multipart/form-data; boundary=XYZ")
                                << QByteArray("--XYZ\r\nContent-Disposition: form-data; name=\"category\"\r\n\r\nbusiness_licence") << 400;
    QTest::newRow("no headers end") << QByteArray("multipart/form-data; boundary=XYZ")
                                    << QByteArray("--XYZ\r\nContent-Disposition: form-data; name=\"file\"") << 400;
    QTest::newRow("no disposition") << QByteArray("multipart/form-data; boundary=XYZ")
                                    << QByteArray("--XYZ\r\nContent-Type: text/plain\r\n\r\nx\r\n--XYZ--\r\n") << 400;
    QTest::newRow("no file part") << QByteArray("multipart/form-data; boundary=XYZ")
                                  << QByteArray("--XYZ\r\nContent-Disposition: form-data; name=\"category\"\r\n\r\nbusiness_licence\r\n--XYZ--\r\n") << 400;
    QTest::newRow("bad category") << QByteArray("multipart/form-data; boundary=XYZ")
                                  << QByteArray("--XYZ\r\nContent-Disposition: form-data; name=\"category\"\r\n\r\npassport\r\n"
                                                "--XYZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\n" + pdf + "\r\n--XYZ--\r\n") << 400;
    QTest::newRow("empty file") << QByteArray("multipart/form-data; boundary=XYZ")
                                << QByteArray("--XYZ\r\nContent-Disposition: form-data; name=\"category\"\r\n\r\nbusiness_licence\r\n"
                                              "--XYZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\n\r\n--XYZ--\r\n") << 400;
    QTest::newRow("extra field") << QByteArray("multipart/form-data; boundary=XYZ")
                                 << QByteArray("--XYZ\r\nContent-Disposition: form-data; name=\"category\"\r\n\r\nbusiness_licence\r\n"
                                               "--XYZ\r\nContent-Disposition: form-data; name=\"path\"\r\n\r\n/etc\r\n"
                                               "--XYZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\n" + pdf + "\r\n--XYZ--\r\n") << 400;
}

void TestSandboxCoreBadInput::brokenMultipart()
{
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    const auto r = m_http->request("POST", QStringLiteral("/api/v1/applications/") + m_id + QStringLiteral("/attachments"), body, {}, contentType);
    QCOMPARE(r.status, status);
    QVERIFY(!errorCode(r).startsWith(QLatin1Char('<')));
    QCOMPARE(m_http->get(QStringLiteral("/api/v1/applications/") + m_id + QStringLiteral("/attachments")).json().value(QStringLiteral("items")).toArray().size(), 0);
}

void TestSandboxCoreBadInput::pathTraversalInFileNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("dotdot") << QStringLiteral("../../../../tmp/evil.pdf");
    QTest::newRow("absolute") << QStringLiteral("/tmp/evil.pdf");
    QTest::newRow("backslash") << QStringLiteral("..\\..\\evil.pdf");
    QTest::newRow("subdir") << QStringLiteral("files/evil.pdf");
    QTest::newRow("dotdot only") << QStringLiteral("..");
    QTest::newRow("control") << QStringLiteral("evil\n.pdf");
    QTest::newRow("empty") << QString();
}

void TestSandboxCoreBadInput::pathTraversalInFileNames()
{
    QFETCH(QString, name);
    const auto r = m_http->upload(QStringLiteral("/api/v1/applications/") + m_id + QStringLiteral("/attachments"),
                                  QStringLiteral("business_licence"), name, tinyPdf());
    QCOMPARE(r.status, 400);
    const QString code = errorCode(r);
    if (code == QLatin1String("malformed_multipart")) {
        QVERIFY(name.contains(QLatin1Char('\n'))); // a line break inside the header line breaks the part itself
    } else {
        QCOMPARE(code, QStringLiteral("validation_failed"));
        QCOMPARE(r.json().value(QStringLiteral("fields")).toArray().first().toObject().value(QStringLiteral("field")).toString(), QStringLiteral("file"));
    }
    QVERIFY(filesOutsideData().isEmpty());
}

void TestSandboxCoreBadInput::pathTraversalInUrls()
{
    for (const QString &p : QStringList{QStringLiteral("/api/v1/applications/..%2F..%2Fsandbox.sqlite"),
                             QStringLiteral("/api/v1/applications/") + m_id + QStringLiteral("/attachments/..%2F..%2Fsandbox.sqlite"),
                             QStringLiteral("/api/v1/applications/%00")}) {
        const auto r = m_http->get(p);
        QVERIFY2(r.status == 404, qPrintable(p));
        QCOMPARE(errorCode(r), QStringLiteral("not_found"));
        QVERIFY(!r.body.contains("SQLite"));
    }
}

void TestSandboxCoreBadInput::wrongMethods()
{
    auto r = m_http->request("PATCH", QStringLiteral("/api/v1/applications"), "{}");
    QCOMPARE(r.status, 405);
    QCOMPARE(errorCode(r), QStringLiteral("method_not_allowed"));
    QVERIFY(r.header("Allow").contains("GET"));
    QVERIFY(r.header("Allow").contains("POST"));
    r = m_http->request("PUT", QStringLiteral("/api/v1/platform"), "{}");
    QCOMPARE(r.status, 405);
    QCOMPARE(r.header("Allow"), QByteArray("GET"));
    r = m_http->request("GET", QStringLiteral("/api/v1/applications/") + m_id + QStringLiteral("/submit"));
    QCOMPARE(r.status, 405);
    QCOMPARE(r.header("Allow"), QByteArray("POST"));
    r = m_http->request("DELETE", QStringLiteral("/api/v1/organization"));
    QCOMPARE(r.status, 405);
}

void TestSandboxCoreBadInput::unknownRoutes()
{
    for (const QString &p : QStringList{QStringLiteral("/"), QStringLiteral("/api"), QStringLiteral("/api/v2/applications"),
                             QStringLiteral("/api/v1/applications/") + m_id + QStringLiteral("/nothing"),
                             QStringLiteral("/api/v1/review/applications/") + m_id + QStringLiteral("/explode")}) {
        const auto r = m_http->get(p);
        QVERIFY2(r.status == 404, qPrintable(p));
        QCOMPARE(errorCode(r), QStringLiteral("not_found"));
    }
}

void TestSandboxCoreBadInput::badHeaders()
{
    // A malformed bearer token.
    SandboxHttp http(*m_sandbox);
    auto r = http.get(QStringLiteral("/api/v1/applications"), {{"Authorization", "Basic c3VwcGxpZXI6eA=="}});
    QCOMPARE(r.status, 401);
    QCOMPARE(errorCode(r), QStringLiteral("unauthorized"));
    // An Idempotency-Key that is too long.
    r = m_http->upload(QStringLiteral("/api/v1/applications/") + m_id + QStringLiteral("/attachments"), QStringLiteral("business_licence"),
                       QStringLiteral("a.pdf"), tinyPdf(), {{"Idempotency-Key", QByteArray(300, 'k')}});
    QCOMPARE(r.status, 400);
    // If-Match that is not a version.
    r = m_http->put(QStringLiteral("/api/v1/applications/") + m_id, sampleApplication(QStringLiteral("new")), {{"If-Match", "\"abc\""}});
    QCOMPARE(r.status, 409);
}

void TestSandboxCoreBadInput::garbageOnTheSocket()
{
    // Raw TLS connection sending a non-HTTP line: the server closes it and keeps serving.
    QSslSocket socket;
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    ssl.setCaCertificates(QSslCertificate::fromPath(m_sandbox->caCertPath()));
    socket.setSslConfiguration(ssl);
    socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), quint16(m_sandbox->url().port()), QStringLiteral("localhost"));
    QVERIFY(socket.waitForEncrypted(30000));
    socket.write("\x01\x02 NOT HTTP AT ALL\r\n\r\n");
    socket.flush();
    socket.waitForReadyRead(2000);
    socket.readAll();
    socket.abort();
    QCOMPARE(m_http->get(QStringLiteral("/api/v1/platform")).status, 200);
}

QTEST_GUILESS_MAIN(TestSandboxCoreBadInput)
#include "sandbox_core_badinput.moc"
