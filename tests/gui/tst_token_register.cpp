// 已有CA: registering the certificate already on a USB key (RegisterCaDialog)
// against a real ca-sandbox that trusts the SoftHSM fixture's CA
// (DATA/trusted/fixture.pem) and SoftHSM through the shim. The unit's own
// certificate is registered with a new existing-CA application and the
// platform then shows it on that application; another unit's certificate is
// refused with the sentence that says so, and the application keeps no
// certificate; a self-signed certificate (picked among two on the key) is
// refused as untrusted and nothing is recorded.
#include "tst_token_support.h"

#include "ui/TokenPanel.h"
#include "ui/token/RegisterCaDialog.h"

#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace ca;
using namespace ca::ui;

namespace {
const QString kPin = QStringLiteral("123456");
const QString kOwnLabel = QStringLiteral("本单位令牌");
const QString kOtherLabel = QStringLiteral("外单位令牌");

QString normalSerial(QString s)
{
    s = s.toUpper().remove(QLatin1Char(':'));
    while (s.size() > 1 && s.startsWith(QLatin1Char('0')))
        s.remove(0, 1);
    return s;
}
} // namespace

class TestTokenRegister : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void ownCertificateIsRegistered();
    void anotherUnitsCertificateIsRefused();
    void untrustedCertificateIsRefused();

private:
    RegisterCaDialog *openDialog(const QString &serial);
    template<typename T> T *in(QWidget *w, const char *name) const
    {
        T *c = w->findChild<T *>(QLatin1String(name));
        if (!c)
            qWarning() << "no child" << name;
        return c;
    }
    static void shot(QWidget *w, const QString &name)
    {
        const QString dir = qEnvironmentVariable("CA_TOKEN_SHOTS_DIR");
        if (dir.isEmpty())
            return;
        QDir().mkpath(dir);
        w->adjustSize();
        QCoreApplication::processEvents();
        w->grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png"));
    }

    SoftHsmFixture m_hsm;
    QString m_ownSerial;
    QString m_otherSerial;
    QByteArray m_selfSigned;
    const QString m_uscc = toktest::supplierUscc();
    const QString kSupplierOrg = toktest::supplierOrg();
    std::unique_ptr<test::SandboxProcess> m_sandbox;
    std::unique_ptr<test::SandboxHttp> m_http;
    QTemporaryDir m_dir;
    toktest::Client m_c;
    std::unique_ptr<TokenPanel> m_panel;
};

void TestTokenRegister::initTestCase()
{
    QVERIFY2(m_hsm.isValid(), qPrintable(m_hsm.errorString()));
    // The platform trusts the fixture's CA (as it would a CA it accepts).
    m_sandbox = std::make_unique<test::SandboxProcess>();
    QVERIFY2(toktest::startTrustingFixture(*m_sandbox, m_hsm), qPrintable(m_sandbox->lastError()));
    m_http = std::make_unique<test::SandboxHttp>(*m_sandbox);
    QVERIFY(m_http->login(QStringLiteral("supplier")));

    m_hsm.useShim();
    m_ownSerial = m_hsm.initToken(kOwnLabel, QStringLiteral("11111111"), kPin);
    QVERIFY2(!m_ownSerial.isEmpty(), qPrintable(m_hsm.errorString()));
    m_otherSerial = m_hsm.initToken(kOtherLabel, QStringLiteral("11111111"), kPin);
    QVERIFY2(!m_otherSerial.isEmpty(), qPrintable(m_hsm.errorString()));

    QVERIFY(m_hsm.generateKeyPair(kOwnLabel, kPin, QStringLiteral("rsa:2048"), QStringLiteral("c1"), QStringLiteral("签名密钥")));
    const QByteArray ownCert =
        m_hsm.issueCertificate(m_hsm.publicKeyDer(kOwnLabel, kPin, QStringLiteral("c1")), toktest::supplierSubject(), 200);
    QVERIFY(!ownCert.isEmpty());
    QVERIFY(m_hsm.writeCertificate(kOwnLabel, kPin, ownCert, QStringLiteral("c1"), QStringLiteral("证书")));

    QVERIFY(m_hsm.generateKeyPair(kOtherLabel, kPin, QStringLiteral("rsa:2048"), QStringLiteral("d1"), QStringLiteral("签名密钥")));
    const QByteArray otherCert = m_hsm.issueCertificate(m_hsm.publicKeyDer(kOtherLabel, kPin, QStringLiteral("d1")),
                                                        SoftHsmFixture::chineseSubject(), 300);
    QVERIFY(!otherCert.isEmpty());
    QVERIFY(m_hsm.writeCertificate(kOtherLabel, kPin, otherCert, QStringLiteral("d1"), QStringLiteral("证书")));
    // and, on the same key, a self-signed end-entity certificate naming the supplier: no CA the platform
    // trusts issued it
    bool ok = false;
    const QString uscc = toktest::supplierUscc();
    const QString config = m_hsm.writeFile(QStringLiteral("self.cnf"),
                                           "[req]\ndistinguished_name = dn\n[dn]\n[ee]\n"
                                           "basicConstraints = critical,CA:FALSE\nkeyUsage = critical,digitalSignature\n");
    m_hsm.run(QStringLiteral("openssl"),
              {QStringLiteral("req"), QStringLiteral("-config"), config, QStringLiteral("-extensions"), QStringLiteral("ee"),
               QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
               QStringLiteral("-nodes"), QStringLiteral("-keyout"), m_hsm.dir() + QStringLiteral("/self.key"),
               QStringLiteral("-outform"), QStringLiteral("DER"), QStringLiteral("-out"),
               m_hsm.dir() + QStringLiteral("/self.der"), QStringLiteral("-days"), QStringLiteral("100"),
               QStringLiteral("-utf8"), QStringLiteral("-subj"),
               QStringLiteral("/C=CN/O=%1/OU=%2/serialNumber=%2/CN=赵六").arg(toktest::supplierOrg(), uscc)},
              &ok);
    QVERIFY2(ok, qPrintable(m_hsm.errorString()));
    QFile self(m_hsm.dir() + QStringLiteral("/self.der"));
    QVERIFY(self.open(QIODevice::ReadOnly));
    m_selfSigned = self.readAll();
    QVERIFY(m_hsm.writeCertificate(kOtherLabel, kPin, m_selfSigned, QStringLiteral("d2"), QStringLiteral("自签名证书")));
    // and the CA's own certificate (as keys often carry the root): never offered for registration
    QVERIFY(m_hsm.writeCertificate(kOtherLabel, kPin, m_hsm.caCertificateDer(), QStringLiteral("ca"), QStringLiteral("根证书")));
    QVERIFY(m_hsm.writeShimConfig());
    QVERIFY(m_hsm.setTokenPresent(true));
}

void TestTokenRegister::init()
{
    static int n = 0;
    QVERIFY(m_c.open(*m_sandbox, m_dir.path(), ++n, QStringLiteral(CA_SHIM_PATH)));
    m_panel = std::make_unique<TokenPanel>(*m_c.context);
    m_panel->show();
    QTRY_COMPARE_WITH_TIMEOUT(m_panel->tokens().size(), qsizetype(2), 30000);
}

void TestTokenRegister::cleanup()
{
    m_panel.reset();
    m_c.close();
}

RegisterCaDialog *TestTokenRegister::openDialog(const QString &serial)
{
    if (!m_panel->selectToken(serial))
        return nullptr;
    QSignalSpy spy(m_panel.get(), &TokenPanel::registerExistingRequested);
    QTest::mouseClick(m_panel->findChild<QPushButton *>(QStringLiteral("registerCaButton")), Qt::LeftButton);
    auto *dialog = m_panel->findChild<RegisterCaDialog *>();
    if (!dialog || spy.size() != 1 || spy.at(0).at(0).toString() != serial)
        return nullptr;
    if (!QTest::qWaitFor([&] { return dialog->isReady(); }, 30000))
        return nullptr;
    return dialog;
}

void TestTokenRegister::ownCertificateIsRegistered()
{
    RegisterCaDialog *dialog = openDialog(m_ownSerial);
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    QCOMPARE(dialog->certificates().size(), qsizetype(1));
    const p11::CertificateInfo cert = dialog->certificates().first();
    // the certificate as read from the key
    QCOMPARE(in<QLabel>(dialog, "unitValue")->text(), kSupplierOrg);
    QCOMPARE(in<QLabel>(dialog, "usccValue")->text(), m_uscc);
    QCOMPARE(in<QLabel>(dialog, "holderValue")->text(), QStringLiteral("王五"));
    QCOMPARE(in<QLabel>(dialog, "serialValue")->text(), cert.serialHex);
    QVERIFY(!in<QLabel>(dialog, "issuerValue")->text().isEmpty());
    const int days = in<QLabel>(dialog, "daysLeftValue")->text().toInt();
    QVERIFY2(days >= 199 && days <= 200, qPrintable(in<QLabel>(dialog, "daysLeftValue")->text()));
    QVERIFY(in<QLabel>(dialog, "certificateNoteLabel")->isHidden());  // nothing to warn about
    // no existing-CA application yet: a new one is offered
    auto *apps = in<QComboBox>(dialog, "applicationCombo");
    QCOMPARE(apps->count(), 1);
    QVERIFY(apps->currentData().toString().isEmpty());
    auto *registerButton = in<QPushButton>(dialog, "registerButton");
    QVERIFY(registerButton->isEnabled());
    shot(dialog, QStringLiteral("register-dialog"));

    QSignalSpy registered(dialog, &RegisterCaDialog::registered);
    QTest::mouseClick(registerButton, Qt::LeftButton);
    QTRY_VERIFY2_WITH_TIMEOUT(!dialog->isBusy() && dialog->message().contains(QStringLiteral("registered")),
                              qPrintable(dialog->message()), 30000);
    QVERIFY2(dialog->succeeded(), qPrintable(dialog->message()));
    const QString id = dialog->registeredApplicationId();
    QVERIFY(!id.isEmpty());
    QCOMPARE(registered.size(), 1);
    QCOMPARE(registered.at(0).at(0).toString(), id);
    QVERIFY(dialog->message().contains(id));
    QVERIFY(in<QPushButton>(dialog, "openApplicationButton")->isVisible());
    QVERIFY(!registerButton->isEnabled());
    shot(dialog, QStringLiteral("register-dialog-done"));

    // the platform shows the certificate on the application
    const auto app = m_http->get(QStringLiteral("/api/v1/applications/") + id);
    QCOMPARE(app.status, 200);
    const QJsonObject json = app.json();
    QCOMPARE(json.value(QStringLiteral("kind")).toString(), QStringLiteral("existing"));
    const QJsonObject onRecord = json.value(QStringLiteral("certificate")).toObject();
    QCOMPARE(normalSerial(onRecord.value(QStringLiteral("serial")).toString()), normalSerial(cert.serialHex));
    QCOMPARE(onRecord.value(QStringLiteral("token_serial")).toString(), m_ownSerial);
    QVERIFY(onRecord.value(QStringLiteral("subject")).toString().contains(kSupplierOrg));
    QCOMPARE(m_sandbox->queryInt(QStringLiteral("SELECT COUNT(*) FROM certificates WHERE application_id = ?"), {id}), 1);

    // "Open the application" hands the id to the main window
    QSignalSpy open(m_panel.get(), &TokenPanel::openApplicationRequested);
    QTest::mouseClick(in<QPushButton>(dialog, "openApplicationButton"), Qt::LeftButton);
    QCOMPARE(open.size(), 1);
    QCOMPARE(open.at(0).at(0).toString(), id);
}

void TestTokenRegister::anotherUnitsCertificateIsRefused()
{
    // an existing-CA application being edited: the dialog offers it
    const auto created = m_http->post(QStringLiteral("/api/v1/applications"),
                                      QJsonObject{{QStringLiteral("kind"), QStringLiteral("existing")}});
    QCOMPARE(created.status, 201);
    const QString id = created.json().value(QStringLiteral("id")).toString();
    QVERIFY(!id.isEmpty());

    RegisterCaDialog *dialog = openDialog(m_otherSerial);
    QVERIFY(dialog);
    QCOMPARE(in<QLabel>(dialog, "unitValue")->text(), SoftHsmFixture::organisation());
    // said before anything is sent
    auto *note = in<QLabel>(dialog, "certificateNoteLabel");
    QVERIFY(!note->isHidden());
    QVERIFY2(note->text().contains(SoftHsmFixture::organisation()) && note->text().contains(kSupplierOrg),
             qPrintable(note->text()));
    dialog->setPreferredApplication(id);
    auto *apps = in<QComboBox>(dialog, "applicationCombo");
    QVERIFY(apps->findData(id) >= 0);
    QCOMPARE(apps->currentData().toString(), id);

    QTest::mouseClick(in<QPushButton>(dialog, "registerButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isBusy() && !dialog->message().endsWith(QStringLiteral("…")), 30000);
    QVERIFY(!dialog->succeeded());
    QCOMPARE(dialog->message(),
             QStringLiteral("The certificate names another unit, not %1 (%2), so it was not registered. Insert the USB "
                            "key of your own unit.")
                 .arg(kSupplierOrg, m_uscc));
    QVERIFY(dialog->message() != QStringLiteral("The platform refused some fields. Correct the marked fields and send again."));
    QVERIFY(in<QPushButton>(dialog, "registerButton")->isEnabled());  // another key can be tried
    QVERIFY(in<QPushButton>(dialog, "openApplicationButton")->isHidden());
    shot(dialog, QStringLiteral("register-dialog-refused"));

    const QJsonObject json = m_http->get(QStringLiteral("/api/v1/applications/") + id).json();
    QVERIFY(!json.contains(QStringLiteral("certificate")) || json.value(QStringLiteral("certificate")).isNull()
            || json.value(QStringLiteral("certificate")).toObject().value(QStringLiteral("serial")).toString().isEmpty());
    dialog->close();
}

void TestTokenRegister::untrustedCertificateIsRefused()
{
    RegisterCaDialog *dialog = openDialog(m_otherSerial);
    QVERIFY(dialog);
    // three certificates on this key, two of them end-entity: the CA certificate is not listed; the one in
    // use (its key pair on the key, valid) is chosen, the other can be picked
    QCOMPARE(dialog->certificates().size(), qsizetype(2));
    for (const auto &cert : dialog->certificates())
        QVERIFY(cert.der != m_hsm.caCertificateDer());
    auto *certs = in<QComboBox>(dialog, "certificateCombo");
    QVERIFY(certs->isVisible());
    QCOMPARE(in<QLabel>(dialog, "unitValue")->text(), SoftHsmFixture::organisation());
    int self = -1;
    for (int i = 0; i < dialog->certificates().size(); ++i)
        if (dialog->certificates().at(i).der == m_selfSigned)
            self = i;
    QVERIFY(self >= 0);
    certs->setCurrentIndex(self);
    QCOMPARE(in<QLabel>(dialog, "unitValue")->text(), kSupplierOrg);
    QCOMPARE(in<QLabel>(dialog, "holderValue")->text(), QStringLiteral("赵六"));
    QVERIFY(in<QLabel>(dialog, "certificateNoteLabel")->isHidden());  // the unit's own, valid: nothing said before
    auto *apps = in<QComboBox>(dialog, "applicationCombo");
    apps->setCurrentIndex(apps->count() - 1);  // a new application
    QVERIFY(apps->currentData().toString().isEmpty());
    QTest::mouseClick(in<QPushButton>(dialog, "registerButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isBusy() && !dialog->message().endsWith(QStringLiteral("…")), 30000);
    QVERIFY(!dialog->succeeded());
    QCOMPARE(dialog->message(),
             QStringLiteral("The platform does not trust the certificate authority that issued this certificate, so it was "
                            "not registered. Register a certificate from a certificate authority the platform accepts, or "
                            "apply for a new certificate."));
    // the application created for it stays offered (a second try does not make another one)
    QVERIFY(!apps->currentData().toString().isEmpty());
    const QString id = apps->currentData().toString();
    const QJsonObject json = m_http->get(QStringLiteral("/api/v1/applications/") + id).json();
    QCOMPARE(json.value(QStringLiteral("kind")).toString(), QStringLiteral("existing"));
    // nothing was registered for it on the platform
    QCOMPARE(m_sandbox->queryInt(QStringLiteral("SELECT COUNT(*) FROM certificates WHERE application_id = ?"), {id}), 0);
    QVERIFY(json.value(QStringLiteral("approval_records")).toArray().size() >= 1);
    for (const QJsonValue &r : json.value(QStringLiteral("approval_records")).toArray())
        QVERIFY(r.toObject().value(QStringLiteral("action")).toString() != QLatin1String("certificate"));
    dialog->close();
}

QTEST_MAIN(TestTokenRegister)
#include "tst_token_register.moc"
