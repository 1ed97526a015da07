// ca-sandbox, for finishing an interrupted install: GET
// /api/v1/applications/{id}/certificate hands out the certificate issued
// (with the sandbox CA as chain) or registered for an application, 404 before
// there is one and for another organisation; `admin issue --days N` issues a
// certificate valid N days. Keys and CSRs are made with the openssl tool.
#include "sandbox_ext_support.h"

#include <QSslCertificate>
#include <QtTest>

using namespace ca::test;
using namespace sandbox_ext_api;

class TestSandboxKeyopsCertificate : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void adminIssueDays();
    void issuedCertificateIsHandedOut();

private:
    bool openssl(const QStringList &args)
    {
        bool ok = false;
        runOpenssl(args, m_dir.path(), &ok);
        return ok;
    }
    QByteArray file(const QString &name) const
    {
        QFile f(m_dir.filePath(name));
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }
    bool keyAndCsr(const QString &base)
    {
        return openssl({QStringLiteral("req"), QStringLiteral("-new"), QStringLiteral("-utf8"), QStringLiteral("-nodes"), QStringLiteral("-newkey"),
                        QStringLiteral("ec"), QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-keyout"),
                        base + QStringLiteral(".key"), QStringLiteral("-out"), base + QStringLiteral(".csr"), QStringLiteral("-subj"),
                        QStringLiteral("/C=CN/O=%1/OU=%2/CN=张三").arg(m_org, m_uscc)});
    }
    static int daysValid(const QByteArray &pem)
    {
        return int(QDateTime::currentDateTimeUtc().daysTo(QSslCertificate(pem).expiryDate()));
    }

    std::unique_ptr<SandboxProcess> m_sandbox;
    std::unique_ptr<SandboxHttp> m_http;
    QTemporaryDir m_dir;
    QString m_org, m_uscc;
};

void TestSandboxKeyopsCertificate::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_sandbox = std::make_unique<SandboxProcess>(QStringList{QStringLiteral("--workflow"), QStringLiteral("review-first")});
    QVERIFY2(m_sandbox->start(), qPrintable(m_sandbox->lastError()));
    m_http = std::make_unique<SandboxHttp>(*m_sandbox);
    QVERIFY(m_http->login(QStringLiteral("supplier")));
    const QJsonObject org = m_http->get(QStringLiteral("/api/v1/organization")).json();
    m_org = org.value(QStringLiteral("name")).toString();
    m_uscc = org.value(QStringLiteral("uscc")).toString();
    QVERIFY(keyAndCsr(QStringLiteral("a")));
}

void TestSandboxKeyopsCertificate::cleanupTestCase()
{
    m_http.reset();
    if (m_sandbox)
        QCOMPARE(m_sandbox->stop(), 0);
}

void TestSandboxKeyopsCertificate::adminIssueDays()
{
    const QString csr = m_dir.filePath(QStringLiteral("a.csr"));
    const auto ten = m_sandbox->runAdmin({QStringLiteral("issue"), csr, m_uscc, QStringLiteral("TOKEN-10"), QStringLiteral("--days"), QStringLiteral("10")});
    QVERIFY2(ten.exitCode == 0, ten.err.constData());
    QVERIFY(daysValid(ten.out) >= 9 && daysValid(ten.out) <= 10);
    // the option may stand anywhere; the default stays 730 days
    const auto five = m_sandbox->runAdmin({QStringLiteral("issue"), QStringLiteral("--days"), QStringLiteral("5"), csr, m_uscc});
    QVERIFY2(five.exitCode == 0, five.err.constData());
    QVERIFY(daysValid(five.out) >= 4 && daysValid(five.out) <= 5);
    const auto plain = m_sandbox->runAdmin({QStringLiteral("issue"), csr, m_uscc});
    QVERIFY2(plain.exitCode == 0, plain.err.constData());
    QVERIFY(daysValid(plain.out) >= 729 && daysValid(plain.out) <= 730);
    for (const QString &bad : {QStringLiteral("0"), QStringLiteral("x"), QStringLiteral("-3")}) {
        const auto r = m_sandbox->runAdmin({QStringLiteral("issue"), csr, m_uscc, QStringLiteral("--days"), bad});
        QCOMPARE(r.exitCode, 2);
    }
    QCOMPARE(m_sandbox->runAdmin({QStringLiteral("issue"), csr, m_uscc, QStringLiteral("--days")}).exitCode, 2);
}

void TestSandboxKeyopsCertificate::issuedCertificateIsHandedOut()
{
    // key A on record (admin), a renewal application for it
    const auto onRecord = m_sandbox->runAdmin({QStringLiteral("issue"), m_dir.filePath(QStringLiteral("a.csr")), m_uscc, QStringLiteral("TOKEN-A")});
    QCOMPARE(onRecord.exitCode, 0);
    const QString serial = QString::fromLatin1(QSslCertificate(onRecord.out).serialNumber()).remove(QLatin1Char(':')).toUpper();
    const QString id = createApplication(*m_http, QStringLiteral("renewal"), 1,
                                         QJsonObject{{QStringLiteral("certificate"), QJsonObject{{QStringLiteral("serial"), serial}}}});
    QVERIFY(!id.isEmpty());
    const QString path = QStringLiteral("/api/v1/applications/%1/certificate").arg(id);
    auto r = m_http->get(path);
    QCOMPARE(r.status, 404);
    QCOMPARE(r.json().value(QStringLiteral("code")).toString(), QStringLiteral("not_found"));

    QVERIFY(submitAndApprove(*m_sandbox, *m_http, id, QStringLiteral("renewal")));
    const auto order = openOrder(*m_http, id, QStringLiteral("bank"), {});
    QCOMPARE(order.status, 201);
    QCOMPARE(m_sandbox->runAdmin({QStringLiteral("pay"), order.json().value(QStringLiteral("order_no")).toString()}).exitCode, 0);
    QCOMPARE(m_http->get(path).status, 404);
    const auto issued = m_http->post(QStringLiteral("/api/v1/applications/%1/csr").arg(id),
                                     QJsonObject{{QStringLiteral("csr"), QString::fromLatin1(file(QStringLiteral("a.csr")))}});
    QVERIFY2(issued.status == 201, issued.body.constData());

    r = m_http->get(path);
    QCOMPARE(r.status, 200);
    const QByteArray cert = r.json().value(QStringLiteral("certificate")).toString().toLatin1();
    QCOMPARE(QSslCertificate(cert).toDer(), QSslCertificate(issued.json().value(QStringLiteral("certificate")).toString().toLatin1()).toDer());
    QVERIFY(!QSslCertificate(cert).isNull());
    QFile ca(m_sandbox->caCertPath());
    QVERIFY(ca.open(QIODevice::ReadOnly));
    QCOMPARE(QSslCertificate(r.json().value(QStringLiteral("chain")).toString().toLatin1()).toDer(), QSslCertificate(ca.readAll()).toDer());

    // another organisation sees nothing; without a session: 401
    SandboxHttp other(*m_sandbox);
    QVERIFY(other.login(QStringLiteral("purchaser")));
    QCOMPARE(other.get(path).status, 404);
    SandboxHttp anonymous(*m_sandbox);
    QCOMPARE(anonymous.get(path).status, 401);
    QCOMPARE(m_http->get(QStringLiteral("/api/v1/applications/A19990101-0001/certificate")).status, 404);
}

QTEST_GUILESS_MAIN(TestSandboxKeyopsCertificate)
#include "sandbox_keyops_certificate.moc"
