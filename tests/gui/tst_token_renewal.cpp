// Renewal written to the key through the UI (RenewalDialog on
// keyops::RenewalJob) against a real ca-sandbox (review-first; approve and
// pay with `ca-sandbox admin`) and SoftHSM through the shim. The key holds a
// certificate that expires in 10 days, issued by the fixture's CA (which the
// sandbox trusts) and put on record for the demo supplier.
//  - end to end: PIN typed, the steps shown, the new validity shown, the key
//    holds the new certificate under the same key id with the same private key,
//    the old certificate is gone, and the panel shows ~730 days;
//  - the key pulled out during the install: the message names the state of the
//    key, the old certificate is intact, Retry (key back in) succeeds;
//  - a new key pair: the warning must be acknowledged before anything is written;
//  - a locked PIN: shown as locked, the PIN reset offered;
//  - Renew on the panel: an approved renewal opens the dialog, none opens the
//    wizard with the renewal kind preselected; a renewal under way (draft,
//    pending, approved but unpaid) is opened instead of a second one;
//  - an install interrupted after the platform issued (application "done"):
//    写入CA锁 stays enabled, a new dialog only installs (no second issue), the
//    main window does not close while the key is written;
//  - a wrong PIN: the Retry page shows the PIN state; locked -> no Retry, the
//    reset offered there;
//  - the wrong key inserted on Retry: the key expected is named.
// The certificate on the key is compared by its DER (read with pkcs11-tool on
// SoftHSM) with the old and the new certificate.
#include "tst_token_commands.h"
#include "tst_token_support.h"

#include "keyops/RenewalJob.h"
#include "pkcs11/PinStates.h"
#include "pkcs11/TokenCommand.h"
#include "ui/ApplicationDetailsDialog.h"
#include "ui/ApplicationWizard.h"
#include "ui/MainWindow.h"
#include "ui/TokenPanel.h"
#include "ui/token/PinResetDialog.h"
#include "ui/token/RenewalDialog.h"

#include <QCheckBox>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTabBar>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace ca;
using namespace ca::ui;
using toktest::pin;
using toktest::runCommand;
using Step = keyops::RenewalJob::Step;

namespace {
const QString kPin = QStringLiteral("123456");
const QString kSo = QStringLiteral("11111111");
const QString kLabel = QStringLiteral("续期令牌");
const QString kKeyId = QStringLiteral("e1");
} // namespace

class TestTokenRenewal : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void renewalEndToEnd();
    void removalDuringInstallThenRetry();
    void installOnlyAfterInterruptedInstall();
    void newKeyOnlyForChange();
    void newKeyWarningMustBeAcknowledged();
    void lockedPinOffersReset();
    void wrongPinShowsStateOnRetry();
    void pinPadAsksOnTheReader();
    void renewRoutesByApplication();
    void wrongKeyOnRetryNamesExpectedKey();  // last: adds a second token

private:
    // The certificate on the key now (read with SoftHSM directly through the panel's last scan).
    p11::CertificateInfo currentCertificate() const;
    RenewalDialog *openPrepared(const QString &applicationId);
    // An approved, paid renewal of the certificate `certSerialHex` on the key (its id into *id) and its
    // dialog, prepared and ready; nullptr otherwise.
    RenewalDialog *approvedAndPrepared(const QString &certSerialHex, QString *id)
    {
        *id = toktest::approvedRenewal(*m_sandbox, *m_http, m_serial, certSerialHex);
        RenewalDialog *dialog = id->isEmpty() ? nullptr : openPrepared(*id);
        return dialog && dialog->phase() == RenewalDialog::Phase::Ready ? dialog : nullptr;
    }
    // The centre completes an application that was not written to the key (so that it is not offered again).
    void finish(const QString &id)
    {
        const auto r = m_sandbox->runAdmin({QStringLiteral("done"), id});
        QVERIFY2(r.exitCode == 0, r.err.constData());
    }
    template<typename T> T *in(QWidget *w, const char *name) const
    {
        T *c = w->findChild<T *>(QLatin1String(name));
        if (!c)
            qWarning() << "no child" << name;
        return c;
    }
    QString objects(bool *ok = nullptr) { return m_hsm.listObjects(kLabel, kPin, QString(), ok); }
    // The shim's fault: the key is pulled out when the new certificate is written.
    static QJsonObject removalAtInstall()
    {
        return {{QStringLiteral("function"), QStringLiteral("C_CreateObject")},
                {QStringLiteral("call"), 1},
                {QStringLiteral("rv"), QStringLiteral("CKR_DEVICE_REMOVED")},
                {QStringLiteral("remove"), true}};
    }
    // Waits until the dialog's job ended (succeeded or failed); false when it did not.
    static bool ended(RenewalDialog *dialog)
    {
        return QTest::qWaitFor([dialog] {
            return dialog->phase() == RenewalDialog::Phase::Succeeded || dialog->phase() == RenewalDialog::Phase::Failed;
        }, 120000);
    }
    // The DER of the certificate under kKeyId, read with pkcs11-tool on SoftHSM itself ("" when none or ambiguous).
    QByteArray certificateOnKey()
    {
        bool ok = false;
        const QString listing = objects(&ok);
        if (!ok || SoftHsmFixture::objectsWithId(listing, QStringLiteral("Certificate Object"), kKeyId).size() != 1)
            return {};
        const QString out = m_hsm.dir() + QStringLiteral("/on-key.der");
        QFile::remove(out);
        m_hsm.run(QStringLiteral("pkcs11-tool"),
                  {QStringLiteral("--module"), SoftHsmFixture::softHsmModule(), QStringLiteral("--token-label"), kLabel,
                   QStringLiteral("--login"), QStringLiteral("--pin"), kPin, QStringLiteral("--read-object"),
                   QStringLiteral("--type"), QStringLiteral("cert"), QStringLiteral("--id"), kKeyId, QStringLiteral("-o"), out},
                  &ok);
        QFile f(out);
        if (!ok || !f.open(QIODevice::ReadOnly))
            return {};
        return f.readAll();
    }
    // The certificate the platform issued for an application (GET .../certificate), as DER.
    QByteArray issuedDer(const QString &id)
    {
        const auto r = m_http->get(QStringLiteral("/api/v1/applications/%1/certificate").arg(id));
        QByteArray pem = r.json().value(QStringLiteral("certificate")).toString().toLatin1();
        const int begin = pem.indexOf("-----BEGIN CERTIFICATE-----");
        const int end = pem.indexOf("-----END CERTIFICATE-----");
        if (r.status != 200 || begin < 0 || end < 0)
            return {};
        return QByteArray::fromBase64(pem.mid(begin + 27, end - begin - 27).simplified().replace(' ', ""));
    }
    int issuedCount(const QString &id) const
    {
        return m_sandbox->queryInt(QStringLiteral("SELECT COUNT(*) FROM certificates WHERE application_id = ? AND source = 'issued'"),
                                   {id});
    }
    // Runs the application through the review: submit, approve, (pay) — the sandbox's own steps.
    bool submitApp(const QString &id)
    {
        const ApplicationKind k = ApplicationKind::Renewal;
        for (AttachmentCategory c : ApplicationValidator::requiredAttachments(k))
            m_http->upload(QStringLiteral("/api/v1/applications/%1/attachments").arg(id), enumWord(c), QStringLiteral("scan.pdf"),
                           test::tinyPdf(), {{"Idempotency-Key", toktest::idempotencyKey()}});
        return m_http->post(QStringLiteral("/api/v1/applications/%1/submit").arg(id),
                            QJsonObject{{QStringLiteral("comment"), QStringLiteral("请审核")}},
                            {{"Idempotency-Key", toktest::idempotencyKey()}})
                   .status
            == 200;
    }
    void refreshWindow(MainWindow &window)
    {
        const int before = window.refreshCount();
        window.refresh();
        QTRY_VERIFY_WITH_TIMEOUT(window.refreshCount() > before && !window.isRefreshing(), 30000);
    }

    SoftHsmFixture m_hsm;
    QString m_serial;
    QByteArray m_privateKeyBlock;  // the private key object as pkcs11-tool lists it at the start
    std::unique_ptr<test::SandboxProcess> m_sandbox;
    std::unique_ptr<test::SandboxHttp> m_http;
    QTemporaryDir m_dir;
    toktest::Client m_c;
    std::unique_ptr<TokenPanel> m_panel;
};

void TestTokenRenewal::initTestCase()
{
    QVERIFY2(m_hsm.isValid(), qPrintable(m_hsm.errorString()));
    m_sandbox = std::make_unique<test::SandboxProcess>(QStringList{QStringLiteral("--workflow"), QStringLiteral("review-first")});
    QVERIFY2(toktest::startTrustingFixture(*m_sandbox, m_hsm), qPrintable(m_sandbox->lastError()));
    m_http = std::make_unique<test::SandboxHttp>(*m_sandbox);
    QVERIFY(m_http->login(QStringLiteral("supplier")));

    m_hsm.useShim();
    m_serial = m_hsm.initToken(kLabel, kSo, kPin);
    QVERIFY2(!m_serial.isEmpty(), qPrintable(m_hsm.errorString()));
    QVERIFY(m_hsm.generateKeyPair(kLabel, kPin, QStringLiteral("rsa:2048"), kKeyId, QStringLiteral("签名密钥")));
    const QByteArray cert =
        m_hsm.issueCertificate(m_hsm.publicKeyDer(kLabel, kPin, kKeyId), toktest::supplierSubject(), 10);
    QVERIFY(!cert.isEmpty());
    QVERIFY(m_hsm.writeCertificate(kLabel, kPin, cert, kKeyId, QStringLiteral("证书")));
    QVERIFY(toktest::putOnRecord(*m_http, cert, m_serial));
    bool ok = false;
    const QString listing = objects(&ok);
    QVERIFY(ok);
    const auto keys = SoftHsmFixture::objectsWithId(listing, QStringLiteral("Private Key Object"), kKeyId);
    QCOMPARE(keys.size(), qsizetype(1));
    m_privateKeyBlock = keys.first().join(QLatin1Char('\n')).toUtf8();
    QVERIFY(m_hsm.writeShimConfig());
    QVERIFY(m_hsm.setTokenPresent(true));
}

void TestTokenRenewal::init()
{
    static int n = 0;
    QVERIFY(m_c.open(*m_sandbox, m_dir.path(), ++n, QStringLiteral(CA_SHIM_PATH)));
    m_panel = std::make_unique<TokenPanel>(*m_c.context);
    m_panel->show();
    QTRY_COMPARE_WITH_TIMEOUT(m_panel->tokens().size(), qsizetype(1), 30000);
}

void TestTokenRenewal::cleanup()
{
    m_panel.reset();
    m_c.close();
    QVERIFY(m_hsm.writeShimConfig());
    QVERIFY(m_hsm.setTokenPresent(true));
}

p11::CertificateInfo TestTokenRenewal::currentCertificate() const
{
    const auto t = m_panel->currentToken();
    if (!t || t->certificates.isEmpty())
        return {};
    return t->certificates.first();
}

RenewalDialog *TestTokenRenewal::openPrepared(const QString &applicationId)
{
    RenewalDialog *dialog = m_panel->openRenewal(applicationId, m_serial);
    if (!dialog)
        return nullptr;
    if (!QTest::qWaitFor([&] { return dialog->phase() != RenewalDialog::Phase::Preparing; }, 60000))
        return nullptr;
    if (dialog->phase() != RenewalDialog::Phase::Ready)
        qWarning() << "not ready:" << dialog->message();
    return dialog;
}

void TestTokenRenewal::renewalEndToEnd()
{
    const p11::CertificateInfo old = currentCertificate();
    QVERIFY(!old.serialHex.isEmpty());
    QVERIFY2(old.daysLeft >= 9 && old.daysLeft <= 10, qPrintable(QString::number(old.daysLeft)));
    QCOMPARE(certificateOnKey(), old.der);  // SoftHSM's view and the panel's agree
    const QString id = toktest::approvedRenewal(*m_sandbox, *m_http, m_serial, old.serialHex);
    QVERIFY(!id.isEmpty());

    RenewalDialog *dialog = openPrepared(id);
    QVERIFY(dialog);
    QCOMPARE(dialog->phase(), RenewalDialog::Phase::Ready);
    // page 1: what will happen
    QVERIFY(in<QLabel>(dialog, "summaryLabel")->text().contains(id));
    QVERIFY(in<QLabel>(dialog, "keyValue")->text().contains(m_serial));
    QVERIFY(in<QLabel>(dialog, "oldCertificateValue")->text().contains(old.serialHex));
    QVERIFY(in<QLabel>(dialog, "newSubjectValue")->text().contains(toktest::supplierOrg()));
    QVERIFY(in<QLabel>(dialog, "explainLabel")->text().contains(QStringLiteral("re-certifies")));
    QVERIFY(in<QLabel>(dialog, "explainLabel")->isVisible());
    QVERIFY(!in<QLabel>(dialog, "newKeyWarningLabel")->isVisible());
    QCOMPARE(in<QLabel>(dialog, "pinStateLabel")->property("pinState").toString(), QStringLiteral("ok"));
    auto *start = in<QPushButton>(dialog, "startButton");
    QVERIFY(!start->isEnabled());  // no PIN yet
    QTest::keyClicks(in<QLineEdit>(dialog, "pinEdit"), kPin);
    QVERIFY(start->isEnabled());

    auto *job = dialog->findChild<keyops::RenewalJob *>();
    QVERIFY(job);
    QList<Step> steps;
    QStringList shown;  // the state of the list each time a step began
    connect(job, &keyops::RenewalJob::stepChanged, this, [&](Step s) {
        steps << s;
        shown << QStringLiteral("%1:%2").arg(int(s)).arg(dialog->stepState(s));
    });
    QTest::mouseClick(start, Qt::LeftButton);
    QVERIFY(in<QLineEdit>(dialog, "pinEdit")->text().isEmpty());  // the PIN is not kept in the field
    QCOMPARE(in<QListWidget>(dialog, "stepsList")->count(), 4);
    QVERIFY2(ended(dialog), qPrintable(dialog->message()));
    QVERIFY2(dialog->succeeded(), qPrintable(dialog->message()));
    for (Step s : {Step::Csr, Step::Submit, Step::Install, Step::Verify}) {
        QVERIFY2(steps.contains(s), qPrintable(shown.join(QLatin1Char(' '))));
        QCOMPARE(dialog->stepState(s), QStringLiteral("done"));
    }
    // each step was shown as running when it began
    for (const QString &e : std::as_const(shown))
        if (!e.startsWith(QString::number(int(Step::Done))) && !e.endsWith(QLatin1Char(':')))
            QVERIFY2(e.endsWith(QStringLiteral(":running")), qPrintable(shown.join(QLatin1Char(' '))));

    // the result: the new validity
    const p11::CertificateInfo fresh = dialog->outcome()->newCertificate;
    QVERIFY2(fresh.daysLeft >= 728 && fresh.daysLeft <= 730, qPrintable(QString::number(fresh.daysLeft)));
    QVERIFY2(dialog->message().contains(fresh.notAfter.toLocalTime().toString(QStringLiteral("yyyy-MM-dd"))),
             qPrintable(dialog->message()));
    QVERIFY(in<QPushButton>(dialog, "closeButton")->isEnabled());
    QVERIFY(in<QPushButton>(dialog, "retryButton")->isHidden());

    // the key, seen by SoftHSM itself: the new certificate under the same key id, the old one gone, the same private key
    bool ok = false;
    const QString listing = objects(&ok);
    QVERIFY(ok);
    const auto certs = SoftHsmFixture::objectsWithId(listing, QStringLiteral("Certificate Object"), kKeyId);
    QCOMPARE(certs.size(), qsizetype(1));
    const auto keys = SoftHsmFixture::objectsWithId(listing, QStringLiteral("Private Key Object"), kKeyId);
    QCOMPARE(keys.size(), qsizetype(1));
    QCOMPARE(keys.first().join(QLatin1Char('\n')).toUtf8(), m_privateKeyBlock);
    // the certificate on the key is, byte for byte, the one the platform issued, not the old one
    const QByteArray onKey = certificateOnKey();
    QVERIFY(!onKey.isEmpty());
    QVERIFY(onKey != old.der);
    QCOMPARE(onKey, issuedDer(id));
    QCOMPARE(onKey, fresh.der);

    // the panel reads the key again: ~730 days, the old certificate gone
    QTRY_VERIFY_WITH_TIMEOUT(currentCertificate().serialHex == fresh.serialHex, 30000);
    QCOMPARE(m_panel->currentToken()->certificates.size(), qsizetype(1));
    auto *table = m_panel->findChild<QTableWidget *>(QStringLiteral("certificatesTable"));
    const int days = table->item(0, 6)->data(Qt::UserRole).toInt();
    QVERIFY2(days >= 728 && days <= 730, qPrintable(QString::number(days)));
    QVERIFY(m_panel->findChild<QLabel *>(QStringLiteral("expiryLabel"))->isHidden());
    // the platform completed the application
    QCOMPARE(m_http->get(QStringLiteral("/api/v1/applications/") + id).json().value(QStringLiteral("handling_status")).toString(),
             QStringLiteral("done"));
    dialog->close();
}

void TestTokenRenewal::removalDuringInstallThenRetry()
{
    const p11::CertificateInfo old = currentCertificate();
    QVERIFY(!old.serialHex.isEmpty());
    QString id;
    RenewalDialog *dialog = approvedAndPrepared(old.serialHex, &id);
    QVERIFY(dialog);

    // the key is pulled out when the new certificate is written
    const QJsonObject fault = removalAtInstall();
    QVERIFY(m_hsm.writeShimConfig(QJsonObject{{QStringLiteral("faults"), QJsonArray{fault}}}));
    QTest::keyClicks(in<QLineEdit>(dialog, "pinEdit"), kPin);
    QTest::mouseClick(in<QPushButton>(dialog, "startButton"), Qt::LeftButton);
    QVERIFY2(ended(dialog), qPrintable(dialog->message()));
    QCOMPARE(dialog->phase(), RenewalDialog::Phase::Failed);
    QCOMPARE(dialog->outcome()->failedStep, Step::Install);
    QCOMPARE(dialog->stepState(Step::Install), QStringLiteral("failed"));
    QCOMPARE(dialog->stepState(Step::Csr), QStringLiteral("done"));
    QCOMPARE(dialog->stepState(Step::Submit), QStringLiteral("done"));
    // the message says what happened and in which state the key is
    const QString message = dialog->message();
    QVERIFY2(message.contains(dialog->outcome()->message), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("Type the PIN again")), qPrintable(message));
    // Nothing was written, but the key is gone: the job says unchanged, or that it cannot tell (never "new")
    const auto state = dialog->outcome()->keyState;
    QVERIFY(state != keyops::RenewalJob::KeyState::NewCertificateInstalled);
    QVERIFY2(message.contains(state == keyops::RenewalJob::KeyState::Unchanged
                                  ? QStringLiteral("The old certificate is still on the key")
                                  : QStringLiteral("It holds the old or the new certificate, never neither")),
             qPrintable(message));
    auto *retry = in<QPushButton>(dialog, "retryButton");
    QVERIFY(retry->isVisible());
    QVERIFY(!retry->isEnabled());  // the PIN again first
    QVERIFY(in<QPushButton>(dialog, "closeButton")->isEnabled());

    // SoftHSM itself: the old certificate is intact
    bool ok = false;
    QString listing = objects(&ok);
    QVERIFY(ok);
    QCOMPARE(SoftHsmFixture::objectsWithId(listing, QStringLiteral("Certificate Object"), kKeyId).size(), qsizetype(1));
    QCOMPARE(certificateOnKey(), old.der);

    // key back in, retry
    QVERIFY(m_hsm.writeShimConfig());
    QVERIFY(m_hsm.setTokenPresent(true));
    QTest::keyClicks(in<QLineEdit>(dialog, "retryPinEdit"), kPin);
    QVERIFY(retry->isEnabled());
    QTest::mouseClick(retry, Qt::LeftButton);
    QVERIFY2(ended(dialog), qPrintable(dialog->message()));
    QVERIFY2(dialog->succeeded(), qPrintable(dialog->message()));
    const p11::CertificateInfo fresh = dialog->outcome()->newCertificate;
    QVERIFY(fresh.serialHex != old.serialHex);
    listing = objects(&ok);
    QVERIFY(ok);
    QCOMPARE(SoftHsmFixture::objectsWithId(listing, QStringLiteral("Certificate Object"), kKeyId).size(), qsizetype(1));
    QCOMPARE(SoftHsmFixture::objectsWithId(listing, QStringLiteral("Private Key Object"), kKeyId).first().join(QLatin1Char('\n')).toUtf8(),
             m_privateKeyBlock);
    QTRY_VERIFY_WITH_TIMEOUT(currentCertificate().serialHex == fresh.serialHex, 30000);
    QCOMPARE(certificateOnKey(), issuedDer(id));
    QCOMPARE(issuedCount(id), 1);
    dialog->close();
}

void TestTokenRenewal::installOnlyAfterInterruptedInstall()
{
    MainWindow window(*m_c.context);
    QList<WizardRequest> requests;
    window.setWizardOpener([&](const WizardRequest &r) { requests << r; });
    window.show();
    TokenPanel *panel = window.tokenPanel();
    QTRY_COMPARE_WITH_TIMEOUT(panel->tokens().size(), qsizetype(1), 30000);
    m_panel.reset();
    const p11::CertificateInfo old = panel->currentToken()->certificates.first();
    const QString id = toktest::approvedRenewal(*m_sandbox, *m_http, m_serial, old.serialHex);
    QVERIFY(!id.isEmpty());
    refreshWindow(window);
    window.findChild<QTabBar *>(QStringLiteral("statusTabBar"))->setCurrentIndex(4);  // All
    auto *write = window.findChild<QPushButton *>(QStringLiteral("writeKeyButton"));
    QTRY_VERIFY2(window.selectApplication(id) && write->isEnabled(), qPrintable(write->toolTip()));

    // issued by the platform, then the key is pulled out while the certificate is written
    const QJsonObject fault = removalAtInstall();
    QVERIFY(m_hsm.writeShimConfig(QJsonObject{{QStringLiteral("faults"), QJsonArray{fault}}}));
    QTest::mouseClick(write, Qt::LeftButton);
    QTRY_VERIFY(panel->findChild<RenewalDialog *>());
    RenewalDialog *first = panel->findChild<RenewalDialog *>();
    QTRY_VERIFY_WITH_TIMEOUT(first->phase() != RenewalDialog::Phase::Preparing, 60000);
    QCOMPARE(first->phase(), RenewalDialog::Phase::Ready);
    QTest::keyClicks(in<QLineEdit>(first, "pinEdit"), kPin);
    QTest::mouseClick(in<QPushButton>(first, "startButton"), Qt::LeftButton);
    // while the key is written, neither the dialog nor the main window closes; both say why
    QVERIFY(first->isRunning());
    QTest::keyClick(first, Qt::Key_Escape);  // Esc = reject()
    QVERIFY(first->isVisible());
    QVERIFY2(in<QLabel>(first, "messageLabel")->text().contains(QStringLiteral("can be closed when")),
             qPrintable(in<QLabel>(first, "messageLabel")->text()));
    const auto informed = m_c.seam.log.size();
    QVERIFY(!window.close());
    QVERIFY(window.isVisible());
    QCOMPARE(m_c.seam.log.size(), informed + 1);
    QVERIFY2(m_c.seam.lastInform().contains(QStringLiteral("is being written to the USB key")),
             qPrintable(m_c.seam.lastInform()));
    QVERIFY2(ended(first), qPrintable(first->message()));
    QCOMPARE(first->phase(), RenewalDialog::Phase::Failed);
    QCOMPARE(first->outcome()->failedStep, Step::Install);
    QCOMPARE(issuedCount(id), 1);
    QCOMPARE(certificateOnKey(), old.der);  // nothing written: the old certificate as it was
    // the user gives up here and closes the window
    QTest::mouseClick(in<QPushButton>(first, "closeButton"), Qt::LeftButton);
    QTRY_VERIFY(panel->findChildren<RenewalDialog *>().isEmpty());

    // later: the key back in, the list read again — the application is "done" on the platform
    QVERIFY(m_hsm.writeShimConfig());
    QVERIFY(m_hsm.setTokenPresent(true));
    QTRY_COMPARE_WITH_TIMEOUT(panel->tokens().size(), qsizetype(1), 30000);
    refreshWindow(window);
    QCOMPARE(m_http->get(QStringLiteral("/api/v1/applications/") + id).json().value(QStringLiteral("handling_status")).toString(),
             QStringLiteral("done"));
    // its certificate is on no key: 写入CA锁 is offered, and Renew on the panel leads to it as well
    window.findChild<QTabWidget *>(QStringLiteral("mainTabs"))->setCurrentIndex(0);  // 写入CA锁 showed 我的证书
    QTRY_VERIFY2_WITH_TIMEOUT(window.selectApplication(id) && write->isEnabled(), qPrintable(write->toolTip()), 30000);
    QVERIFY(window.writableRenewal(m_serial));
    QCOMPARE(window.writableRenewal(m_serial)->id, id);
    // the details dialog offers 写入CA锁 as well
    window.showDetails();
    auto *details = window.findChild<ApplicationDetailsDialog *>();
    QVERIFY(details);
    QTRY_VERIFY_WITH_TIMEOUT(details->loadCount() > 0, 30000);
    auto *detailsWrite = details->findChild<QPushButton *>(QStringLiteral("writeKeyButton"));
    QVERIFY(detailsWrite);
    QVERIFY(!detailsWrite->isHidden());
    QVERIFY2(detailsWrite->isEnabled(), qPrintable(detailsWrite->toolTip()));
    details->close();
    QTRY_VERIFY(!window.findChild<ApplicationDetailsDialog *>());
    QTest::mouseClick(panel->findChild<QPushButton *>(QStringLiteral("renewButton")), Qt::LeftButton);
    QVERIFY(requests.isEmpty());  // no second application
    QTRY_VERIFY(panel->findChild<RenewalDialog *>());
    RenewalDialog *dialog = panel->findChild<RenewalDialog *>();
    QCOMPARE(dialog->applicationId(), id);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->phase() != RenewalDialog::Phase::Preparing, 60000);
    QVERIFY2(dialog->phase() == RenewalDialog::Phase::Ready, qPrintable(dialog->message()));
    QVERIFY(dialog->plan().installOnly);
    QVERIFY(in<QLabel>(dialog, "summaryLabel")->text().contains(QStringLiteral("already issued")));
    QVERIFY(in<QCheckBox>(dialog, "newKeyCheck")->isHidden());
    QTest::keyClicks(in<QLineEdit>(dialog, "pinEdit"), kPin);
    QTest::mouseClick(in<QPushButton>(dialog, "startButton"), Qt::LeftButton);
    QCOMPARE(in<QListWidget>(dialog, "stepsList")->count(), 2);  // install and verify only
    QVERIFY2(ended(dialog), qPrintable(dialog->message()));
    QVERIFY2(dialog->succeeded(), qPrintable(dialog->message()));
    QCOMPARE(dialog->stepState(Step::Csr), QString());
    // no second certificate issued; the one issued first is on the key
    QCOMPARE(issuedCount(id), 1);
    const QByteArray onKey = certificateOnKey();
    QVERIFY(!onKey.isEmpty());
    QCOMPARE(onKey, issuedDer(id));
    QVERIFY(onKey != old.der);
    dialog->close();
    // now it is on the key: 写入CA锁 is off and says so
    QTRY_VERIFY_WITH_TIMEOUT(panel->currentToken() && panel->currentToken()->certificates.first().der == onKey, 30000);
    refreshWindow(window);
    window.findChild<QTabWidget *>(QStringLiteral("mainTabs"))->setCurrentIndex(0);
    QTRY_VERIFY(window.selectApplication(id) && !write->isEnabled());
    QVERIFY2(write->toolTip().contains(m_serial), qPrintable(write->toolTip()));
    QVERIFY(!window.writableRenewal(m_serial));
    window.showDetails();
    details = window.findChild<ApplicationDetailsDialog *>();
    QVERIFY(details);
    detailsWrite = details->findChild<QPushButton *>(QStringLiteral("writeKeyButton"));
    QVERIFY(!detailsWrite->isHidden());
    QVERIFY(!detailsWrite->isEnabled());
    QVERIFY2(detailsWrite->toolTip().contains(m_serial), qPrintable(detailsWrite->toolTip()));
    details->close();
    QVERIFY(window.close());
}

void TestTokenRenewal::newKeyOnlyForChange()
{
    // a renewal re-certifies the key on record: no "new key pair" choice at all
    const p11::CertificateInfo old = currentCertificate();
    QString id;
    RenewalDialog *dialog = approvedAndPrepared(old.serialHex, &id);
    QVERIFY(dialog);
    QVERIFY(in<QCheckBox>(dialog, "newKeyCheck")->isHidden());
    QVERIFY(!dialog->plan().newKey);
    dialog->close();
    finish(id);
}

void TestTokenRenewal::newKeyWarningMustBeAcknowledged()
{
    // a change (信息变更) may make a new key pair
    const p11::CertificateInfo old = currentCertificate();
    const QString id = toktest::approvedRenewal(*m_sandbox, *m_http, m_serial, old.serialHex, QStringLiteral("change"));
    QVERIFY(!id.isEmpty());
    bool ok = false;
    const QString before = objects(&ok);
    QVERIFY(ok);
    RenewalDialog *dialog = openPrepared(id);
    QVERIFY(dialog);
    auto *newKey = in<QCheckBox>(dialog, "newKeyCheck");
    QVERIFY(newKey->isVisible());
    QVERIFY(!newKey->isChecked());  // re-certifying the existing key is the default
    newKey->setChecked(true);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->phase() != RenewalDialog::Phase::Preparing, 60000);
    QCOMPARE(dialog->phase(), RenewalDialog::Phase::Ready);
    QVERIFY(dialog->plan().newKey);
    auto *warning = in<QLabel>(dialog, "newKeyWarningLabel");
    auto *ack = in<QCheckBox>(dialog, "newKeyAckCheck");
    QVERIFY(warning->isVisible());
    QVERIFY2(warning->text().contains(QStringLiteral("cannot be opened with the new key")), qPrintable(warning->text()));
    QVERIFY(ack->isVisible());
    QVERIFY(!ack->isChecked());
    QTest::keyClicks(in<QLineEdit>(dialog, "pinEdit"), kPin);
    auto *start = in<QPushButton>(dialog, "startButton");
    QVERIFY(!start->isEnabled());
    QVERIFY(start->toolTip().contains(QStringLiteral("old bid files")));
    QTest::mouseClick(start, Qt::LeftButton);       // refused: nothing starts
    QTest::keyClick(dialog, Qt::Key_Return);        // nor with Enter
    QTest::qWait(300);
    QCOMPARE(dialog->phase(), RenewalDialog::Phase::Ready);
    QCOMPARE(objects(&ok), before);                 // nothing written to the key
    ack->setChecked(true);
    QVERIFY(start->isEnabled());
    // unticking "new key" again returns to re-certifying, and the acknowledgement is asked again next time
    newKey->setChecked(false);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->phase() == RenewalDialog::Phase::Ready && !dialog->plan().newKey, 60000);
    QVERIFY(!warning->isVisible());
    QVERIFY(!ack->isChecked());
    dialog->close();
    QCOMPARE(objects(&ok), before);
    finish(id);
}

void TestTokenRenewal::lockedPinOffersReset()
{
    const p11::CertificateInfo old = currentCertificate();
    const QString id = toktest::approvedRenewal(*m_sandbox, *m_http, m_serial, old.serialHex);
    QVERIFY(!id.isEmpty());
    QVERIFY(m_hsm.writeShimConfig(QJsonObject{{QStringLiteral("max_pin_tries"), 3}}));
    const p11::TokenRef ref{m_serial, QString(), QString()};
    for (int i = 0; i < 2; ++i)
        QVERIFY(!runCommand(m_c.service->verifyPin(ref, pin(QStringLiteral("000000")))).ok());
    // one try left: said before the PIN is typed, and the PIN can still be typed
    RenewalDialog *lastTry = openPrepared(id);
    QVERIFY(lastTry);
    QCOMPARE(lastTry->phase(), RenewalDialog::Phase::Ready);
    auto *lastTryState = in<QLabel>(lastTry, "pinStateLabel");
    QCOMPARE(lastTryState->property("pinState").toString(), QStringLiteral("final_try"));
    QCOMPARE(lastTryState->text(), p11::PinStates::warning(p11::PinState::FinalTry));
    QVERIFY(lastTryState->isVisible());
    QVERIFY(in<QLineEdit>(lastTry, "pinEdit")->isEnabled());
    lastTry->close();
    QVERIFY(!runCommand(m_c.service->verifyPin(ref, pin(QStringLiteral("000000")))).ok());
    RenewalDialog *dialog = openPrepared(id);
    QVERIFY(dialog);
    QCOMPARE(dialog->phase(), RenewalDialog::Phase::Ready);
    QCOMPARE(in<QLabel>(dialog, "pinStateLabel")->property("pinState").toString(), QStringLiteral("locked"));
    auto *locked = in<QLabel>(dialog, "lockedLabel");
    QVERIFY(locked->isVisible());
    QVERIFY2(locked->text().contains(QStringLiteral("Reset the PIN")), qPrintable(locked->text()));
    QVERIFY(!in<QLineEdit>(dialog, "pinEdit")->isEnabled());
    QVERIFY(in<QLineEdit>(dialog, "pinEdit")->isHidden());
    QVERIFY(!in<QPushButton>(dialog, "startButton")->isEnabled());
    auto *reset = in<QPushButton>(dialog, "resetPinButton");
    QVERIFY(reset->isVisible());
    QSignalSpy spy(dialog, &RenewalDialog::resetPinRequested);
    QTest::mouseClick(reset, Qt::LeftButton);
    QCOMPARE(spy.size(), 1);
    QCOMPARE(spy.at(0).at(0).toString(), m_serial);
    QTRY_VERIFY(m_panel->findChild<PinResetDialog *>());  // the panel opened 密码重置 for this key
    m_panel->findChild<PinResetDialog *>()->close();
    dialog->close();
    QVERIFY(runCommand(m_c.service->resetPin(ref, pin(kSo), pin(kPin))).ok());
    finish(id);
}

void TestTokenRenewal::wrongPinShowsStateOnRetry()
{
    const p11::CertificateInfo old = currentCertificate();
    const QString id = toktest::approvedRenewal(*m_sandbox, *m_http, m_serial, old.serialHex);
    QVERIFY(!id.isEmpty());
    QVERIFY(m_hsm.writeShimConfig(QJsonObject{{QStringLiteral("max_pin_tries"), 3}}));
    RenewalDialog *dialog = openPrepared(id);
    QVERIFY(dialog);
    QCOMPARE(dialog->phase(), RenewalDialog::Phase::Ready);
    QCOMPARE(in<QLabel>(dialog, "pinStateLabel")->property("pinState").toString(), QStringLiteral("ok"));
    auto *state = in<QLabel>(dialog, "retryPinStateLabel");
    auto *retryPin = in<QLineEdit>(dialog, "retryPinEdit");
    auto *retry = in<QPushButton>(dialog, "retryButton");
    auto *reset = in<QPushButton>(dialog, "retryResetPinButton");
    auto failedAgain = [&] {
        QVERIFY2(ended(dialog), qPrintable(dialog->message()));
        QCOMPARE(dialog->phase(), RenewalDialog::Phase::Failed);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isCheckingKey(), 30000);
    };
    const QString wrong = QStringLiteral("000000");
    QTest::keyClicks(in<QLineEdit>(dialog, "pinEdit"), wrong);
    QTest::mouseClick(in<QPushButton>(dialog, "startButton"), Qt::LeftButton);
    failedAgain();
    if (QTest::currentTestFailed())
        return;
    // the PIN state is said on the Retry page once: by the job's sentence, or next to the Retry PIN
    const auto saysOnce = [&](p11::PinState s, const QString &jobWords) {
        const bool byJob = dialog->message().contains(jobWords);
        const bool byLabel = state->isVisible() && state->text() == p11::PinStates::warning(s);
        return byJob != byLabel;
    };
    // one wrong PIN
    QVERIFY2(dialog->outcome()->canRetry, qPrintable(dialog->message()));
    QCOMPARE(state->property("pinState").toString(), QStringLiteral("count_low"));
    QVERIFY2(saysOnce(p11::PinState::CountLow, QStringLiteral("fewer tries are left")), qPrintable(dialog->message()));
    QCOMPARE(dialog->message().count(QStringLiteral("Retry.")), 1);  // "type the PIN, Retry" said once
    QVERIFY(retryPin->isVisible());
    QVERIFY(reset->isHidden());
    // two: the final try, said before the PIN is typed again
    QTest::keyClicks(retryPin, wrong);
    QTest::mouseClick(retry, Qt::LeftButton);
    failedAgain();
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(state->property("pinState").toString(), QStringLiteral("final_try"));
    QVERIFY2(saysOnce(p11::PinState::FinalTry, QStringLiteral("Only one try is left")), qPrintable(dialog->message()));
    // three: locked — no PIN field, no Retry, the reset offered right here
    QTest::keyClicks(retryPin, wrong);
    QTest::mouseClick(retry, Qt::LeftButton);
    failedAgain();
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(state->property("pinState").toString(), QStringLiteral("locked"));
    QVERIFY(retryPin->isHidden());
    QVERIFY(retry->isHidden());
    QVERIFY(in<QLabel>(dialog, "retryLockedLabel")->isVisible() != dialog->message().contains(QStringLiteral("is locked")));
    QVERIFY(reset->isVisible());
    QVERIFY2(!dialog->message().contains(QStringLiteral("Type the PIN again")), qPrintable(dialog->message()));
    QSignalSpy spy(dialog, &RenewalDialog::resetPinRequested);
    QTest::mouseClick(reset, Qt::LeftButton);
    QCOMPARE(spy.size(), 1);
    QCOMPARE(spy.at(0).at(0).toString(), m_serial);
    QTRY_VERIFY(m_panel->findChild<PinResetDialog *>());
    m_panel->findChild<PinResetDialog *>()->close();
    dialog->close();
    QCOMPARE(certificateOnKey(), old.der);
    const p11::TokenRef ref{m_serial, QString(), QString()};
    QVERIFY(runCommand(m_c.service->resetPin(ref, pin(kSo), pin(kPin))).ok());
    finish(id);
}

void TestTokenRenewal::pinPadAsksOnTheReader()
{
    const p11::CertificateInfo old = currentCertificate();
    const QString id = toktest::approvedRenewal(*m_sandbox, *m_http, m_serial, old.serialHex);
    QVERIFY(!id.isEmpty());
    QVERIFY(m_hsm.writeShimConfig(QJsonObject{{QStringLiteral("pin_pad"), true}, {QStringLiteral("pin_pad_pin"), kPin}}));
    RenewalDialog *dialog = openPrepared(id);
    QVERIFY(dialog);
    QCOMPARE(dialog->phase(), RenewalDialog::Phase::Ready);
    QVERIFY(dialog->plan().token.protectedAuthPath);
    auto *state = in<QLabel>(dialog, "pinStateLabel");
    QVERIFY2(state->text().contains(QStringLiteral("type the PIN on the reader")), qPrintable(state->text()));
    // the request and the install each log in: the reader may ask twice, and the user is told so
    QVERIFY2(state->text().contains(QStringLiteral("may ask twice")), qPrintable(state->text()));
    QVERIFY(in<QLineEdit>(dialog, "pinEdit")->isHidden());  // nothing is typed on the computer
    auto *start = in<QPushButton>(dialog, "startButton");
    QVERIFY(start->isEnabled());
    QTest::mouseClick(start, Qt::LeftButton);
    QVERIFY2(ended(dialog), qPrintable(dialog->message()));
    QVERIFY2(dialog->succeeded(), qPrintable(dialog->message()));
    QVERIFY(dialog->outcome()->newCertificate.serialHex != old.serialHex);
    dialog->close();
}

void TestTokenRenewal::renewRoutesByApplication()
{
    MainWindow window(*m_c.context);
    QList<WizardRequest> requests;
    window.setWizardOpener([&](const WizardRequest &r) { requests << r; });
    window.show();
    window.refresh();
    QTRY_VERIFY_WITH_TIMEOUT(window.refreshCount() > 0 && !window.isRefreshing(), 30000);
    TokenPanel *panel = window.tokenPanel();
    QTRY_COMPARE_WITH_TIMEOUT(panel->tokens().size(), qsizetype(1), 30000);
    m_panel.reset();  // the window's panel is the one in use

    QVERIFY2(!window.writableRenewal(m_serial), "an earlier test left an approved renewal behind");

    // no approved renewal: Renew starts a new application of the kind renewal for this key's certificate
    auto *renew = panel->findChild<QPushButton *>(QStringLiteral("renewButton"));
    QVERIFY(renew->isEnabled());
    QTest::mouseClick(renew, Qt::LeftButton);
    QCOMPARE(requests.size(), 1);
    QCOMPARE(requests.first().purpose, WizardRequest::Purpose::New);
    QVERIFY(requests.first().kind.has_value());
    QCOMPARE(*requests.first().kind, ApplicationKind::Renewal);
    QVERIFY(requests.first().certificate.has_value());
    QCOMPARE(requests.first().certificate->tokenSerial, m_serial);
    QVERIFY(panel->findChildren<RenewalDialog *>().isEmpty());
    // the real wizard: the renewal kind is chosen on its kind page, the certificate named
    window.setWizardOpener({});
    QTest::mouseClick(renew, Qt::LeftButton);
    auto *wizard = window.findChild<ApplicationWizard *>();
    QVERIFY(wizard);
    QTRY_VERIFY_WITH_TIMEOUT(wizard->isLoaded(), 30000);
    QCOMPARE(wizard->application().kind, ApplicationKind::Renewal);
    QVERIFY(wizard->application().certificate.has_value());
    QCOMPARE(wizard->application().certificate->tokenSerial, m_serial);
    QVERIFY(wizard->findChild<QRadioButton *>(QStringLiteral("kindRenewalRadio"))->isChecked());
    wizard->close();
    window.setWizardOpener([&](const WizardRequest &r) { requests << r; });
    QTRY_VERIFY(!window.findChild<ApplicationWizard *>() || !window.findChild<ApplicationWizard *>()->isVisible());
    delete window.findChild<ApplicationWizard *>();
    // closed at the notice, as with a plain New: no draft of a renewal the user never began is left behind
    const auto drafts = m_c.store->listDrafts();
    QVERIFY(drafts.ok());
    for (const auto &d : drafts.value())
        QVERIFY2(!d.serverId.isEmpty(), qPrintable(QStringLiteral("a local draft %1 (%2) was left behind").arg(d.id, d.kind)));

    requests.clear();

    // A renewal of this key already under way is opened instead of a second one, as its state calls for.
    const auto t = panel->currentToken();
    QVERIFY(t && !t->certificates.isEmpty());
    QJsonObject body = test::sampleApplication(QStringLiteral("renewal"));
    body.insert(QStringLiteral("certificate"), QJsonObject{{QStringLiteral("token_serial"), m_serial},
                                                           {QStringLiteral("serial"), t->certificates.first().serialHex}});
    const auto created = m_http->post(QStringLiteral("/api/v1/applications"), body);
    QCOMPARE(created.status, 201);
    const QString id = created.json().value(QStringLiteral("id")).toString();
    // a draft: the wizard opens it
    refreshWindow(window);
    QVERIFY(!window.writableRenewal(m_serial));
    QTest::mouseClick(renew, Qt::LeftButton);
    QCOMPARE(requests.size(), 1);
    QCOMPARE(requests.first().purpose, WizardRequest::Purpose::Edit);
    QCOMPARE(requests.first().key, id);
    // pending review: its details open (nothing to edit or pay), no wizard
    QVERIFY(submitApp(id));
    refreshWindow(window);
    QTest::mouseClick(renew, Qt::LeftButton);
    QCOMPARE(requests.size(), 1);
    QTRY_VERIFY(window.findChild<ApplicationDetailsDialog *>());
    // (写入CA锁 there: not before approval)
    auto *detailsWrite = window.findChild<ApplicationDetailsDialog *>()->findChild<QPushButton *>(QStringLiteral("writeKeyButton"));
    QVERIFY(detailsWrite && !detailsWrite->isHidden() && !detailsWrite->isEnabled());
    window.findChild<ApplicationDetailsDialog *>()->close();
    delete window.findChild<ApplicationDetailsDialog *>();
    // approved but not paid: the payment opens
    QCOMPARE(m_sandbox->runAdmin({QStringLiteral("approve"), id, QStringLiteral("--comment"), QStringLiteral("同意续期")}).exitCode, 0);
    refreshWindow(window);
    QVERIFY(!window.writableRenewal(m_serial));
    QTest::mouseClick(renew, Qt::LeftButton);
    QCOMPARE(requests.size(), 2);
    QCOMPARE(requests.last().purpose, WizardRequest::Purpose::Pay);
    QCOMPARE(requests.last().key, id);
    QVERIFY(panel->findChildren<RenewalDialog *>().isEmpty());
    // approved and paid: Renew opens the dialog that writes it to the key
    const auto order = m_http->post(QStringLiteral("/api/v1/applications/%1/payments").arg(id),
                                    QJsonObject{{QStringLiteral("channel"), QStringLiteral("wechat")}},
                                    {{"Idempotency-Key", toktest::idempotencyKey()}});
    const QString orderNo = order.json().value(QStringLiteral("order_no")).toString();
    QVERIFY(!orderNo.isEmpty());
    QCOMPARE(m_sandbox->runAdmin({QStringLiteral("pay"), orderNo}).exitCode, 0);
    refreshWindow(window);
    QVERIFY(window.writableRenewal(m_serial));
    QCOMPARE(window.writableRenewal(m_serial)->id, id);
    QTest::mouseClick(renew, Qt::LeftButton);
    QCOMPARE(requests.size(), 2);
    auto *dialog = panel->findChild<RenewalDialog *>();
    QVERIFY(dialog);
    QCOMPARE(dialog->applicationId(), id);
    dialog->close();

    // and from the list: 写入证书 for the selected application (tab "Approved")
    window.findChild<QTabBar *>(QStringLiteral("statusTabBar"))->setCurrentIndex(2);
    QVERIFY(window.selectApplication(id));
    auto *write = window.findChild<QPushButton *>(QStringLiteral("writeKeyButton"));
    QVERIFY(write);
    QVERIFY2(write->isEnabled(), qPrintable(write->toolTip()));
    QTest::mouseClick(write, Qt::LeftButton);
    QTRY_VERIFY(panel->findChild<RenewalDialog *>());
    QCOMPARE(panel->findChild<RenewalDialog *>()->applicationId(), id);
    panel->findChild<RenewalDialog *>()->close();
}

void TestTokenRenewal::wrongKeyOnRetryNamesExpectedKey()
{
    // another key, of no application, is inserted as well (the key service starts again to see it)
    const QString otherSerial = m_hsm.initToken(QStringLiteral("别的令牌"), kSo, kPin);
    QVERIFY(!otherSerial.isEmpty());
    m_panel.reset();
    m_c.close();
    QVERIFY(m_c.open(*m_sandbox, m_dir.path(), 99, QStringLiteral(CA_SHIM_PATH)));
    m_panel = std::make_unique<TokenPanel>(*m_c.context);
    m_panel->show();
    QTRY_COMPARE_WITH_TIMEOUT(m_panel->tokens().size(), qsizetype(2), 30000);
    QVERIFY(m_panel->selectToken(m_serial));
    const p11::CertificateInfo old = currentCertificate();
    QString id;
    RenewalDialog *dialog = approvedAndPrepared(old.serialHex, &id);
    QVERIFY(dialog);
    // this application's key is pulled out while the certificate is written; the other stays
    const QJsonObject fault = removalAtInstall();
    QVERIFY(m_hsm.writeShimConfig(QJsonObject{{QStringLiteral("faults"), QJsonArray{fault}},
                                              {QStringLiteral("presence_serial"), m_serial}}));
    QTest::keyClicks(in<QLineEdit>(dialog, "pinEdit"), kPin);
    QTest::mouseClick(in<QPushButton>(dialog, "startButton"), Qt::LeftButton);
    QVERIFY2(ended(dialog), qPrintable(dialog->message()));
    QCOMPARE(dialog->phase(), RenewalDialog::Phase::Failed);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isCheckingKey(), 30000);
    // the message names the key inserted and the one expected (serial and unit), not just "insert the key"
    QTRY_VERIFY2_WITH_TIMEOUT(dialog->message().contains(otherSerial), qPrintable(dialog->message()), 30000);
    const QString message = dialog->message();
    QVERIFY2(message.contains(m_serial) && message.contains(toktest::supplierOrg()), qPrintable(message));
    QCOMPARE(message.count(otherSerial), 1);  // said once (by the job, or by the dialog after reading the keys)
    // and never advice meant for ca-tool
    QVERIFY2(!message.contains(QStringLiteral("label or serial number")), qPrintable(message));
    QVERIFY2(!message.contains(QStringLiteral("key identifier")), qPrintable(message));
    QCOMPARE(certificateOnKey(), old.der);
    // the right key back in: Retry finishes
    QVERIFY(m_hsm.writeShimConfig());
    QVERIFY(m_hsm.setTokenPresent(true));
    QTest::keyClicks(in<QLineEdit>(dialog, "retryPinEdit"), kPin);
    QTest::mouseClick(in<QPushButton>(dialog, "retryButton"), Qt::LeftButton);
    QVERIFY2(ended(dialog), qPrintable(dialog->message()));
    QVERIFY2(dialog->succeeded(), qPrintable(dialog->message()));
    QCOMPARE(certificateOnKey(), issuedDer(id));
    dialog->close();
}

QTEST_MAIN(TestTokenRenewal)
#include "tst_token_renewal.moc"
