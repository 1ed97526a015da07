// ca-sandbox certificates over HTTPS with keys and CSRs made by the openssl
// tool: renewal re-certifies the key on record (another key is refused),
// change accepts a new key, a tampered CSR or a foreign subject is refused;
// existing-CA registration accepts only certificates of a trusted CA that
// name the applicant's organisation.
#include "sandbox_ext_support.h"

#include <QtTest>

using namespace ca::test;
using namespace sandbox_ext_api;

class TestSandboxExtCertificates : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void csrNeedsApprovedAndPaid();
    void renewalKeepsTheKeyOnRecord();
    void changeAcceptsANewKey();
    void existingCertificateRegistration();

private:
    QString subjectFor(const QString &org, const QString &uscc) const
    {
        return QStringLiteral("/C=CN/O=%1/OU=%2/CN=张三").arg(org, uscc);
    }
    bool openssl(const QStringList &args, QByteArray *out = nullptr)
    {
        bool ok = false;
        const QByteArray o = runOpenssl(args, m_dir.path(), &ok);
        if (out)
            *out = o;
        return ok;
    }
    bool makeKeyAndCsr(const QString &base, const QString &subject)
    {
        return openssl({QStringLiteral("req"), QStringLiteral("-new"), QStringLiteral("-utf8"), QStringLiteral("-nodes"),
                        QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-256"),
                        QStringLiteral("-keyout"), base + QStringLiteral(".key"), QStringLiteral("-out"), base + QStringLiteral(".csr"),
                        QStringLiteral("-subj"), subject});
    }
    bool makeCsr(const QString &keyBase, const QString &out, const QString &subject)
    {
        return openssl({QStringLiteral("req"), QStringLiteral("-new"), QStringLiteral("-utf8"), QStringLiteral("-key"),
                        keyBase + QStringLiteral(".key"), QStringLiteral("-out"), out, QStringLiteral("-subj"), subject});
    }
    QByteArray file(const QString &name) const
    {
        QFile f(m_dir.filePath(name));
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }
    bool writeFile(const QString &name, const QByteArray &data) const
    {
        QFile f(m_dir.filePath(name));
        return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
    }
    // openssl's view of a certificate: serial (hex) and public key PEM.
    QString serialOf(const QString &certFile)
    {
        QByteArray out;
        if (!openssl({QStringLiteral("x509"), QStringLiteral("-in"), certFile, QStringLiteral("-noout"), QStringLiteral("-serial")}, &out))
            return {};
        return QString::fromLatin1(out).trimmed().section(QLatin1Char('='), 1);
    }
    QByteArray pubkeyOf(const QString &certFile)
    {
        QByteArray out;
        openssl({QStringLiteral("x509"), QStringLiteral("-in"), certFile, QStringLiteral("-noout"), QStringLiteral("-pubkey")}, &out);
        return out;
    }
    // A paid, approved application of `kind` naming `certificate` (handling "processing").
    QString approvedAndPaid(const QString &kind, const QJsonObject &certificate);
    SandboxHttp::Response postCsr(const QString &appId, const QByteArray &csr)
    {
        return m_http->post(QStringLiteral("/api/v1/applications/%1/csr").arg(appId),
                            QJsonObject{{QStringLiteral("csr"), QString::fromLatin1(csr)}});
    }

    std::unique_ptr<SandboxProcess> m_sandbox;
    std::unique_ptr<SandboxHttp> m_http;
    QTemporaryDir m_dir;
    QString m_org, m_uscc, m_otherUscc;
    QJsonObject m_certRefA; // certificate A, issued by `admin issue` for key A
};

void TestSandboxExtCertificates::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_sandbox = std::make_unique<SandboxProcess>(QStringList{QStringLiteral("--workflow"), QStringLiteral("review-first")});
    QVERIFY2(m_sandbox->start(), qPrintable(m_sandbox->lastError()));
    m_http = std::make_unique<SandboxHttp>(*m_sandbox);
    QVERIFY(m_http->login(QStringLiteral("supplier")));
    const QJsonObject org = m_http->get(QStringLiteral("/api/v1/organization")).json();
    m_org = org.value(QStringLiteral("name")).toString();
    m_uscc = org.value(QStringLiteral("uscc")).toString();
    SandboxHttp other(*m_sandbox);
    QVERIFY(other.login(QStringLiteral("purchaser")));
    m_otherUscc = other.get(QStringLiteral("/api/v1/organization")).json().value(QStringLiteral("uscc")).toString();
    QVERIFY(!m_uscc.isEmpty() && !m_otherUscc.isEmpty() && m_uscc != m_otherUscc);

    // Key A with a certificate on record (as if the centre had made the key).
    QVERIFY(makeKeyAndCsr(QStringLiteral("a"), subjectFor(m_org, m_uscc)));
    const auto issued = m_sandbox->runAdmin({QStringLiteral("issue"), m_dir.filePath(QStringLiteral("a.csr")), m_uscc, QStringLiteral("TOKEN-A")});
    QVERIFY2(issued.exitCode == 0, issued.err.constData());
    QVERIFY(issued.out.startsWith("-----BEGIN CERTIFICATE-----"));
    QVERIFY(writeFile(QStringLiteral("a.crt"), issued.out));
    m_certRefA = QJsonObject{{QStringLiteral("token_serial"), QStringLiteral("TOKEN-A")},
                             {QStringLiteral("serial"), serialOf(QStringLiteral("a.crt"))},
                             {QStringLiteral("subject"), QStringLiteral("CN=张三")}};
    QVERIFY(makeKeyAndCsr(QStringLiteral("b"), subjectFor(m_org, m_uscc)));
}

void TestSandboxExtCertificates::cleanupTestCase()
{
    m_http.reset();
    if (m_sandbox)
        QCOMPARE(m_sandbox->stop(), 0);
}

QString TestSandboxExtCertificates::approvedAndPaid(const QString &kind, const QJsonObject &certificate)
{
    const QString id = createApplication(*m_http, kind, 1, QJsonObject{{QStringLiteral("certificate"), certificate}});
    if (id.isEmpty() || !submitAndApprove(*m_sandbox, *m_http, id, kind))
        return {};
    const auto order = openOrder(*m_http, id, QStringLiteral("bank"), {});
    if (order.status != 201)
        return {};
    if (m_sandbox->runAdmin({QStringLiteral("pay"), order.json().value(QStringLiteral("order_no")).toString()}).exitCode != 0)
        return {};
    return id;
}

void TestSandboxExtCertificates::csrNeedsApprovedAndPaid()
{
    const QString draft = createApplication(*m_http, QStringLiteral("renewal"), 1, QJsonObject{{QStringLiteral("certificate"), m_certRefA}});
    QVERIFY(!draft.isEmpty());
    auto r = postCsr(draft, file(QStringLiteral("a.csr")));
    QCOMPARE(r.status, 409);
    QCOMPARE(r.json().value(QStringLiteral("code")).toString(), QStringLiteral("invalid_state"));

    // Approved but not paid yet.
    QVERIFY(submitAndApprove(*m_sandbox, *m_http, draft, QStringLiteral("renewal")));
    r = postCsr(draft, file(QStringLiteral("a.csr")));
    QCOMPARE(r.status, 409);
    QVERIFY(r.json().value(QStringLiteral("message")).toString().contains(QStringLiteral("paid")));

    // A new-key application gets its key from the centre, not online.
    const QString fresh = createApplication(*m_http, QStringLiteral("new"));
    QCOMPARE(postCsr(fresh, file(QStringLiteral("a.csr"))).status, 409);

    SandboxHttp other(*m_sandbox);
    QVERIFY(other.login(QStringLiteral("purchaser")));
    QCOMPARE(other.post(QStringLiteral("/api/v1/applications/%1/csr").arg(draft),
                        QJsonObject{{QStringLiteral("csr"), QString::fromLatin1(file(QStringLiteral("a.csr")))}}).status, 404);
}

void TestSandboxExtCertificates::renewalKeepsTheKeyOnRecord()
{
    const QString id = approvedAndPaid(QStringLiteral("renewal"), m_certRefA);
    QVERIFY(!id.isEmpty());
    QCOMPARE(m_http->get(QStringLiteral("/api/v1/applications/") + id).json().value(QStringLiteral("handling_status")).toString(),
             QStringLiteral("processing"));

    // Another key: refused.
    auto r = postCsr(id, file(QStringLiteral("b.csr")));
    QCOMPARE(r.status, 422);
    QCOMPARE(r.json().value(QStringLiteral("code")).toString(), QStringLiteral("key_mismatch"));

    // A tampered request: refused.
    QByteArray der = QByteArray::fromBase64(QByteArray(file(QStringLiteral("a.csr")))
                                                .replace("-----BEGIN CERTIFICATE REQUEST-----", "")
                                                .replace("-----END CERTIFICATE REQUEST-----", "")
                                                .replace("\n", ""));
    der[der.size() - 2] = char(der[der.size() - 2] ^ 0x21);
    r = postCsr(id, "-----BEGIN CERTIFICATE REQUEST-----\n" + der.toBase64() + "\n-----END CERTIFICATE REQUEST-----\n");
    QCOMPARE(r.status, 422);
    QCOMPARE(r.json().value(QStringLiteral("code")).toString(), QStringLiteral("csr_signature_invalid"));
    QCOMPARE(postCsr(id, "not a certificate request").json().value(QStringLiteral("code")).toString(), QStringLiteral("csr_invalid"));

    // Key A but naming another organisation: refused.
    QVERIFY(makeCsr(QStringLiteral("a"), QStringLiteral("a-other.csr"), subjectFor(QStringLiteral("别的公司"), m_otherUscc)));
    r = postCsr(id, file(QStringLiteral("a-other.csr")));
    QCOMPARE(r.status, 422);
    QCOMPARE(r.json().value(QStringLiteral("code")).toString(), QStringLiteral("subject_mismatch"));

    // A fresh request with key A: re-certified.
    QVERIFY(makeCsr(QStringLiteral("a"), QStringLiteral("a-renew.csr"), subjectFor(m_org, m_uscc)));
    r = postCsr(id, file(QStringLiteral("a-renew.csr")));
    QVERIFY2(r.status == 201, r.body.constData());
    const QByteArray cert = r.json().value(QStringLiteral("certificate")).toString().toLatin1();
    const QByteArray chain = r.json().value(QStringLiteral("chain")).toString().toLatin1();
    QVERIFY(cert.startsWith("-----BEGIN CERTIFICATE-----"));
    QVERIFY(writeFile(QStringLiteral("a-renewed.crt"), cert));
    QVERIFY(writeFile(QStringLiteral("chain.pem"), chain));
    QByteArray out;
    QVERIFY2(openssl({QStringLiteral("verify"), QStringLiteral("-CAfile"), QStringLiteral("chain.pem"), QStringLiteral("a-renewed.crt")}, &out),
             out.constData());
    QVERIFY(openssl({QStringLiteral("verify"), QStringLiteral("-CAfile"), m_sandbox->caCertPath(), QStringLiteral("a-renewed.crt")}));
    QCOMPARE(pubkeyOf(QStringLiteral("a-renewed.crt")), pubkeyOf(QStringLiteral("a.crt")));
    const QString newSerial = serialOf(QStringLiteral("a-renewed.crt"));
    QVERIFY(newSerial != m_certRefA.value(QStringLiteral("serial")).toString());

    const QJsonObject app = m_http->get(QStringLiteral("/api/v1/applications/") + id).json();
    QCOMPARE(app.value(QStringLiteral("handling_status")).toString(), QStringLiteral("done"));
    QCOMPARE(app.value(QStringLiteral("certificate")).toObject().value(QStringLiteral("serial")).toString(), newSerial);
    QCOMPARE(app.value(QStringLiteral("certificate")).toObject().value(QStringLiteral("token_serial")).toString(), QStringLiteral("TOKEN-A"));
    const QStringList actions = recordActions(app);
    QVERIFY(actions.contains(QStringLiteral("certificate")));
    QVERIFY(actions.contains(QStringLiteral("done")));
    // Issued once.
    QCOMPARE(postCsr(id, file(QStringLiteral("a-renew.csr"))).status, 409);
}

void TestSandboxExtCertificates::changeAcceptsANewKey()
{
    const QString id = approvedAndPaid(QStringLiteral("change"), m_certRefA);
    QVERIFY(!id.isEmpty());
    const auto r = postCsr(id, file(QStringLiteral("b.csr")));
    QVERIFY2(r.status == 201, r.body.constData());
    QVERIFY(writeFile(QStringLiteral("b.crt"), r.json().value(QStringLiteral("certificate")).toString().toLatin1()));
    QByteArray text;
    QVERIFY(openssl({QStringLiteral("x509"), QStringLiteral("-in"), QStringLiteral("b.crt"), QStringLiteral("-noout"), QStringLiteral("-text")}, &text));
    QVERIFY2(text.contains("Digital Signature, Key Agreement"), text.constData()); // EC key
    QVERIFY(text.contains("X509v3 Subject Key Identifier"));
    QVERIFY(text.contains("X509v3 Authority Key Identifier"));
    QVERIFY(openssl({QStringLiteral("verify"), QStringLiteral("-CAfile"), m_sandbox->caCertPath(), QStringLiteral("b.crt")}));
}

void TestSandboxExtCertificates::existingCertificateRegistration()
{
    const QString id = createApplication(*m_http, QStringLiteral("existing"));
    QVERIFY(!id.isEmpty());
    auto post = [this, &id](const QByteArray &pem) {
        return m_http->post(QStringLiteral("/api/v1/applications/%1/certificate").arg(id),
                            QJsonObject{{QStringLiteral("certificate"), QString::fromLatin1(pem)},
                                        {QStringLiteral("token_serial"), QStringLiteral("TOKEN-E")}});
    };
    // A certificate of a CA the platform does not trust, naming us.
    QVERIFY(openssl({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                     QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-nodes"), QStringLiteral("-keyout"), QStringLiteral("foreign.key"),
                     QStringLiteral("-out"), QStringLiteral("foreign.pem"), QStringLiteral("-days"), QStringLiteral("365"),
                     QStringLiteral("-subj"), QStringLiteral("/CN=Foreign CA")}));
    QVERIFY(openssl({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"), QStringLiteral("b.csr"), QStringLiteral("-CA"),
                     QStringLiteral("foreign.pem"), QStringLiteral("-CAkey"), QStringLiteral("foreign.key"), QStringLiteral("-CAcreateserial"),
                     QStringLiteral("-days"), QStringLiteral("30"), QStringLiteral("-out"), QStringLiteral("foreign-leaf.pem")}));
    auto r = post(file(QStringLiteral("foreign-leaf.pem")));
    QCOMPARE(r.status, 422);
    QCOMPARE(r.json().value(QStringLiteral("code")).toString(), QStringLiteral("certificate_untrusted"));

    // Issued by the sandbox CA, but for another organisation.
    QVERIFY(makeKeyAndCsr(QStringLiteral("p"), subjectFor(QStringLiteral("济南市示例公共资源交易中心"), m_otherUscc)));
    const auto otherCert = m_sandbox->runAdmin({QStringLiteral("issue"), m_dir.filePath(QStringLiteral("p.csr")), m_otherUscc});
    QCOMPARE(otherCert.exitCode, 0);
    r = post(otherCert.out);
    QCOMPARE(r.status, 422);
    QCOMPARE(r.json().value(QStringLiteral("code")).toString(), QStringLiteral("subject_mismatch"));

    r = post("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");
    QCOMPARE(r.status, 422);
    QCOMPARE(r.json().value(QStringLiteral("code")).toString(), QStringLiteral("certificate_invalid"));

    // Ours: registered on the application.
    r = post(file(QStringLiteral("a.crt")));
    QVERIFY2(r.status == 200, r.body.constData());
    QCOMPARE(r.json().value(QStringLiteral("serial")).toString(), m_certRefA.value(QStringLiteral("serial")).toString());
    const QJsonObject app = m_http->get(QStringLiteral("/api/v1/applications/") + id).json();
    QCOMPARE(app.value(QStringLiteral("certificate")).toObject().value(QStringLiteral("serial")).toString(),
             m_certRefA.value(QStringLiteral("serial")).toString());
    QCOMPARE(app.value(QStringLiteral("certificate")).toObject().value(QStringLiteral("token_serial")).toString(), QStringLiteral("TOKEN-E"));
    QVERIFY(recordActions(app).contains(QStringLiteral("certificate")));

    // Only for existing-CA applications.
    const QString renewal = createApplication(*m_http, QStringLiteral("renewal"));
    QCOMPARE(m_http->post(QStringLiteral("/api/v1/applications/%1/certificate").arg(renewal),
                          QJsonObject{{QStringLiteral("certificate"), QString::fromLatin1(file(QStringLiteral("a.crt")))}}).status, 409);
}

QTEST_GUILESS_MAIN(TestSandboxExtCertificates)
#include "sandbox_ext_certificates.moc"
