// ca-sandbox PIN reset over HTTPS: the code arrives in the outbox, a wrong
// code counts, three end the request, codes expire after 5 minutes (server
// clock moved over a restart), the right code returns the SO PIN that
// `ca-sandbox admin so-pin SERIAL` derives (HMAC of the serial; nothing stored).
#include "sandbox_ext_support.h"

#include <QRegularExpression>
#include <QtTest>

using namespace ca::test;
using namespace sandbox_ext_api;

class TestSandboxExtPinReset : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void rightCodeGivesTheDerivedSoPin();
    void threeWrongCodesCloseTheRequest();
    void badInput();
    void isolation();
    void codeExpiresAfterFiveMinutes();

private:
    QString startReset(SandboxHttp &http, const QString &serial)
    {
        const auto r = http.post(QStringLiteral("/api/v1/pin-resets"), QJsonObject{{QStringLiteral("token_serial"), serial}});
        if (r.status != 201) {
            qWarning("pin-resets: %d %s", r.status, r.body.constData());
            return {};
        }
        return r.json().value(QStringLiteral("id")).toString();
    }
    QString lastCode(SandboxHttp &http)
    {
        const QJsonArray items = http.get(QStringLiteral("/api/v1/dev/outbox")).json().value(QStringLiteral("items")).toArray();
        if (items.isEmpty())
            return {};
        return QRegularExpression(QStringLiteral("验证码：([0-9]{6})"))
            .match(items.last().toObject().value(QStringLiteral("text")).toString()).captured(1);
    }
    static QString wrong(const QString &code) { return QStringLiteral("%1").arg((code.toInt() + 7) % 1000000, 6, 10, QLatin1Char('0')); }
    SandboxHttp::Response verify(SandboxHttp &http, const QString &id, const QString &code)
    {
        return http.post(QStringLiteral("/api/v1/pin-resets/%1/verify").arg(id), QJsonObject{{QStringLiteral("code"), code}});
    }
    QString adminSoPin(const QString &serial)
    {
        const auto r = m_sandbox->runAdmin({QStringLiteral("so-pin"), serial});
        return r.exitCode == 0 ? QString::fromLatin1(r.out).trimmed() : QString();
    }

    std::unique_ptr<SandboxProcess> m_sandbox;
    std::unique_ptr<SandboxHttp> m_http;
};

void TestSandboxExtPinReset::initTestCase()
{
    m_sandbox = std::make_unique<SandboxProcess>();
    QVERIFY2(m_sandbox->start(), qPrintable(m_sandbox->lastError()));
    m_http = std::make_unique<SandboxHttp>(*m_sandbox);
    QVERIFY(m_http->login(QStringLiteral("supplier")));
}

void TestSandboxExtPinReset::cleanupTestCase()
{
    m_http.reset();
    if (m_sandbox)
        QCOMPARE(m_sandbox->stop(), 0);
}

void TestSandboxExtPinReset::rightCodeGivesTheDerivedSoPin()
{
    const auto r = m_http->post(QStringLiteral("/api/v1/pin-resets"), QJsonObject{{QStringLiteral("token_serial"), QStringLiteral("5f3a0c2d9e8b7a61")}});
    QCOMPARE(r.status, 201);
    const QString id = r.json().value(QStringLiteral("id")).toString();
    QVERIFY(!id.isEmpty());
    QCOMPARE(r.json().value(QStringLiteral("mobile_hint")).toString(), QStringLiteral("187****8833"));
    const QDateTime expires = QDateTime::fromString(r.json().value(QStringLiteral("expires_at")).toString(), Qt::ISODate);
    QVERIFY(expires.isValid());

    const QJsonObject msg = m_http->get(QStringLiteral("/api/v1/dev/outbox")).json().value(QStringLiteral("items")).toArray().last().toObject();
    QCOMPARE(msg.value(QStringLiteral("to")).toString(), QStringLiteral("187****8833"));
    QVERIFY(msg.value(QStringLiteral("text")).toString().contains(QStringLiteral("5f3a0c2d9e8b7a61")));
    const QString code = lastCode(*m_http);
    QCOMPARE(code.size(), 6);

    auto v = verify(*m_http, id, wrong(code));
    QCOMPARE(v.status, 422);
    QCOMPARE(v.json().value(QStringLiteral("code")).toString(), QStringLiteral("code_invalid"));
    QVERIFY(!v.json().contains(QStringLiteral("so_pin")));

    v = verify(*m_http, id, code);
    QCOMPARE(v.status, 200);
    const QString soPin = v.json().value(QStringLiteral("so_pin")).toString();
    QVERIFY2(QRegularExpression(QStringLiteral("^[0-9a-f]{16}$")).match(soPin).hasMatch(), qPrintable(soPin));
    QCOMPARE(soPin, adminSoPin(QStringLiteral("5f3a0c2d9e8b7a61")));
    QVERIFY(soPin != adminSoPin(QStringLiteral("5f3a0c2d9e8b7a62")));
    // Nothing per token is stored: the same serial gives the same PIN through a new request.
    QCOMPARE(verify(*m_http, id, code).json().value(QStringLiteral("code")).toString(), QStringLiteral("request_closed"));
    const QString id2 = startReset(*m_http, QStringLiteral("5f3a0c2d9e8b7a61"));
    QCOMPARE(verify(*m_http, id2, lastCode(*m_http)).json().value(QStringLiteral("so_pin")).toString(), soPin);
}

void TestSandboxExtPinReset::threeWrongCodesCloseTheRequest()
{
    const QString id = startReset(*m_http, QStringLiteral("TOKEN-3TRIES"));
    QVERIFY(!id.isEmpty());
    const QString code = lastCode(*m_http);
    QCOMPARE(verify(*m_http, id, wrong(code)).json().value(QStringLiteral("code")).toString(), QStringLiteral("code_invalid"));
    QCOMPARE(verify(*m_http, id, wrong(code)).json().value(QStringLiteral("code")).toString(), QStringLiteral("code_invalid"));
    const auto third = verify(*m_http, id, wrong(code));
    QCOMPARE(third.status, 410);
    QCOMPARE(third.json().value(QStringLiteral("code")).toString(), QStringLiteral("request_closed"));
    const auto right = verify(*m_http, id, code);
    QCOMPARE(right.status, 410);
    QCOMPARE(right.json().value(QStringLiteral("code")).toString(), QStringLiteral("request_closed"));
    QVERIFY(!right.json().contains(QStringLiteral("so_pin")));
}

void TestSandboxExtPinReset::badInput()
{
    QCOMPARE(m_http->post(QStringLiteral("/api/v1/pin-resets"), QJsonObject{}).status, 400);
    QCOMPARE(m_http->post(QStringLiteral("/api/v1/pin-resets"), QJsonObject{{QStringLiteral("token_serial"), QStringLiteral("has spaces in it")}}).status, 400);
    QCOMPARE(m_http->post(QStringLiteral("/api/v1/pin-resets"), QJsonObject{{QStringLiteral("token_serial"), 42}}).status, 400);
    QCOMPARE(m_http->post(QStringLiteral("/api/v1/pin-resets"),
                          QJsonObject{{QStringLiteral("token_serial"), QStringLiteral("X")}, {QStringLiteral("pin"), QStringLiteral("1")}}).status, 400);
    const QString id = startReset(*m_http, QStringLiteral("TOKEN-BAD"));
    const auto malformed = verify(*m_http, id, QStringLiteral("12ab"));
    QCOMPARE(malformed.status, 400);
    QCOMPARE(malformed.json().value(QStringLiteral("fields")).toArray().at(0).toObject().value(QStringLiteral("field")).toString(), QStringLiteral("code"));
    QCOMPARE(verify(*m_http, QStringLiteral("PRdoesnotexist"), QStringLiteral("123456")).status, 404);
    QCOMPARE(m_sandbox->runAdmin({QStringLiteral("so-pin")}).exitCode, 2);
}

void TestSandboxExtPinReset::isolation()
{
    const QString id = startReset(*m_http, QStringLiteral("TOKEN-ISO"));
    const QString code = lastCode(*m_http);
    SandboxHttp other(*m_sandbox);
    QVERIFY(other.login(QStringLiteral("purchaser")));
    QCOMPARE(verify(other, id, code).status, 404);
    for (const QJsonValue &v : other.get(QStringLiteral("/api/v1/dev/outbox")).json().value(QStringLiteral("items")).toArray())
        QVERIFY(!v.toObject().value(QStringLiteral("text")).toString().contains(QStringLiteral("TOKEN-ISO")));
    // A key the platform issued to the purchaser cannot be reset by the supplier.
    QTemporaryDir dir;
    bool ok = false;
    runOpenssl({QStringLiteral("req"), QStringLiteral("-new"), QStringLiteral("-nodes"), QStringLiteral("-newkey"), QStringLiteral("ec"),
                QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-keyout"), QStringLiteral("p.key"),
                QStringLiteral("-out"), QStringLiteral("p.csr"), QStringLiteral("-subj"), QStringLiteral("/CN=purchaser")}, dir.path(), &ok);
    QVERIFY(ok);
    const QString otherUscc = other.get(QStringLiteral("/api/v1/organization")).json().value(QStringLiteral("uscc")).toString();
    QCOMPARE(m_sandbox->runAdmin({QStringLiteral("issue"), dir.filePath(QStringLiteral("p.csr")), otherUscc, QStringLiteral("TOKEN-PURCHASER")}).exitCode, 0);
    QCOMPARE(m_http->post(QStringLiteral("/api/v1/pin-resets"), QJsonObject{{QStringLiteral("token_serial"), QStringLiteral("TOKEN-PURCHASER")}}).status, 404);
    QVERIFY(!startReset(other, QStringLiteral("TOKEN-PURCHASER")).isEmpty());

    SandboxHttp reviewer(*m_sandbox);
    QVERIFY(reviewer.login(QStringLiteral("reviewer")));
    QCOMPARE(reviewer.post(QStringLiteral("/api/v1/pin-resets"), QJsonObject{{QStringLiteral("token_serial"), QStringLiteral("X1")}}).status, 403);
    SandboxHttp anonymous(*m_sandbox);
    QCOMPARE(anonymous.get(QStringLiteral("/api/v1/dev/outbox")).status, 401);
    QCOMPARE(verify(*m_http, id, code).status, 200); // still usable by its owner
}

void TestSandboxExtPinReset::codeExpiresAfterFiveMinutes()
{
    const QString before = adminSoPin(QStringLiteral("TOKEN-EXP"));
    const QString id = startReset(*m_http, QStringLiteral("TOKEN-EXP"));
    const QString code = lastCode(*m_http);
    m_sandbox->setExtraArgs({QStringLiteral("--clock-offset"), QStringLiteral("301")});
    QVERIFY2(m_sandbox->restart(), qPrintable(m_sandbox->lastError()));
    m_http->rebase(*m_sandbox);
    const auto v = verify(*m_http, id, code);
    QCOMPARE(v.status, 410);
    QCOMPARE(v.json().value(QStringLiteral("code")).toString(), QStringLiteral("code_expired"));
    QVERIFY(!v.json().contains(QStringLiteral("so_pin")));
    // The master key survives the restart: the same derived PIN.
    QCOMPARE(adminSoPin(QStringLiteral("TOKEN-EXP")), before);
    const QFileInfo key(m_sandbox->dataDir() + QStringLiteral("/master.key"));
    QCOMPARE(key.size(), qint64(32));
    QCOMPARE(key.permissions() & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther), QFile::Permissions());
}

QTEST_GUILESS_MAIN(TestSandboxExtPinReset)
#include "sandbox_ext_pinreset.moc"
