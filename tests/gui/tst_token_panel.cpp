// TokenPanel ("我的证书") against SoftHSM through the fault-injecting shim:
// two keys picked by unit name and serial and never mixed; per key the
// label, serial, maker, PIN state and certificates with days left; the
// 30-day warning and the 90-day hint with Renew; hot-plug (the shim's
// presence file) updates the panel; no key / a driver that cannot load shows
// the help page with the configured module and what it reported; a locked PIN
// is shown as locked with the reset path offered. Only the unit's own current
// certificates warn and are renewed: not a CA certificate, not one whose key
// pair is not on the key, not one kept after a change with a new key pair
// while a newer valid one of the same unit is on the key. PIN change outcomes
// are checked with pkcs11-tool --login on SoftHSM itself.
#include "SoftHsmFixture.h"
#include "tst_token_commands.h"

#include "core/platform/PlatformClient.h"
#include "core/store/LocalStore.h"
#include "pkcs11/TokenCommand.h"
#include "pkcs11/TokenService.h"
#include "ui/AppSettings.h"
#include "ui/ClientContext.h"
#include "ui/MessageSeam.h"
#include "ui/TokenPanel.h"
#include "ui/token/PinChangeDialog.h"

#include <QComboBox>
#include <QFile>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace ca;
using namespace ca::ui;
using toktest::pin;
using toktest::runCommand;

namespace {
const QString kSo = QStringLiteral("87654321");
const QString kPin = QStringLiteral("123456");
const QString kOrgB = QStringLiteral("上海另一科技有限公司");
} // namespace

class TestTokenPanel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void driverThatCannotLoadShowsHelp();
    void severalKeysNeverMixed();
    void renewIsOffered();
    void hotPlugUpdatesThePanel();
    void noKeyShowsHelp();
    void pinChange();
    void lockedPinOffersReset();
    void onlyOwnCurrentCertificatesWarn();  // last: adds certificates to key B (removed at the end)

private:
    bool softHsmAccepts(const QString &label, const QString &userPin)
    {
        bool ok = false;
        m_hsm.listObjects(label, userPin, QString(), &ok);
        return ok;
    }
    QByteArray readFile(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }
    template<typename T> T *child(const char *name) const
    {
        T *w = m_panel->findChild<T *>(QLatin1String(name));
        if (!w)
            qWarning() << "no child" << name;
        return w;
    }
    bool comboHas(const QString &serial) const;
    // With CA_UI_SHOTS=DIR set, saves a picture of the widget (for looking at the panel states by hand).
    static void shot(QWidget *w, const QString &name)
    {
        const QString dir = qEnvironmentVariable("CA_UI_SHOTS");
        if (!dir.isEmpty()) {
            w->resize(w->sizeHint().expandedTo(QSize(900, 560)));
            w->grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png"));
        }
    }

    SoftHsmFixture m_hsm;
    QString m_serialA;
    QString m_serialB;
    QTemporaryDir m_dir;
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<LocalStore> m_store;
    std::unique_ptr<PlatformClient> m_client;
    std::unique_ptr<ClientContext> m_context;
    std::unique_ptr<p11::TokenService> m_service;
    ScriptedMessageSeam m_seam;
    std::unique_ptr<TokenPanel> m_panel;
};

void TestTokenPanel::initTestCase()
{
    QVERIFY2(m_hsm.isValid(), qPrintable(m_hsm.errorString()));
    m_hsm.useShim();
    m_serialA = m_hsm.initToken(QStringLiteral("甲令牌"), kSo, kPin);
    QVERIFY2(!m_serialA.isEmpty(), qPrintable(m_hsm.errorString()));
    m_serialB = m_hsm.initToken(QStringLiteral("乙令牌"), kSo, kPin);
    QVERIFY2(!m_serialB.isEmpty(), qPrintable(m_hsm.errorString()));

    QVERIFY(m_hsm.generateKeyPair(QStringLiteral("甲令牌"), kPin, QStringLiteral("rsa:2048"), QStringLiteral("a1"),
                                  QStringLiteral("签名密钥")));
    const QByteArray certA = m_hsm.issueCertificate(
        m_hsm.publicKeyDer(QStringLiteral("甲令牌"), kPin, QStringLiteral("a1")), SoftHsmFixture::chineseSubject(), 10);
    QVERIFY(!certA.isEmpty());
    QVERIFY(m_hsm.writeCertificate(QStringLiteral("甲令牌"), kPin, certA, QStringLiteral("a1"), QStringLiteral("证书")));

    QVERIFY(m_hsm.generateKeyPair(QStringLiteral("乙令牌"), kPin, QStringLiteral("EC:prime256v1"), QStringLiteral("b2"),
                                  QStringLiteral("签名密钥")));
    const QList<QPair<QString, QString>> subjectB{{QStringLiteral("C"), QStringLiteral("CN")},
                                                  {QStringLiteral("O"), kOrgB},
                                                  {QStringLiteral("CN"), QStringLiteral("李四")}};
    const QByteArray certB = m_hsm.issueCertificate(
        m_hsm.publicKeyDer(QStringLiteral("乙令牌"), kPin, QStringLiteral("b2")), subjectB, 60);
    QVERIFY(!certB.isEmpty());
    QVERIFY(m_hsm.writeCertificate(QStringLiteral("乙令牌"), kPin, certB, QStringLiteral("b2"), QStringLiteral("证书")));
    QVERIFY(m_hsm.writeShimConfig());
    QVERIFY(m_hsm.setTokenPresent(true));
}

void TestTokenPanel::init()
{
    static int n = 0;
    ++n;
    m_settings = std::make_unique<AppSettings>(m_dir.filePath(QStringLiteral("user%1.ini").arg(n)), QString());
    m_store = std::make_unique<LocalStore>();
    QVERIFY(m_store->open(m_dir.filePath(QStringLiteral("store%1.sqlite").arg(n))).ok());
    m_client = std::make_unique<PlatformClient>();
    m_context = std::make_unique<ClientContext>(*m_client, *m_store, *m_settings);
    m_seam = ScriptedMessageSeam();
    m_context->setMessageSeam(&m_seam);
    m_service = std::make_unique<p11::TokenService>();
    m_service->setModulePath(QStringLiteral(CA_SHIM_PATH));
    m_context->setTokenService(m_service.get());
}

void TestTokenPanel::cleanup()
{
    m_panel.reset();
    m_context.reset();
    m_service.reset();
    m_client.reset();
    m_store.reset();
    m_settings.reset();
    QVERIFY(m_hsm.writeShimConfig());
    QVERIFY(m_hsm.setTokenPresent(true));
}

bool TestTokenPanel::comboHas(const QString &serial) const
{
    return m_panel->findChild<QComboBox *>(QStringLiteral("tokenCombo"))->findData(serial) >= 0;
}

void TestTokenPanel::driverThatCannotLoadShowsHelp()
{
    // The configured driver is missing and SoftHSM (found by discovery) has no
    // configuration: no key anywhere. The help page names the configured
    // driver and says what was reported.
    const QByteArray conf = qgetenv("SOFTHSM2_CONF");
    qputenv("SOFTHSM2_CONF", m_dir.filePath(QStringLiteral("missing.conf")).toUtf8());
    const auto restore = qScopeGuard([conf] { qputenv("SOFTHSM2_CONF", conf); });
    const QString missing = m_dir.filePath(QStringLiteral("libvendor-pkcs11.so"));
    m_service->setModulePath(missing);
    m_panel = std::make_unique<TokenPanel>(*m_context);
    m_panel->show();
    auto *pages = child<QStackedWidget>("pages");
    QTRY_VERIFY_WITH_TIMEOUT(m_panel->scanCount() > 0, 30000);
    QCOMPARE(pages->currentWidget()->objectName(), QStringLiteral("noKeyPage"));
    QVERIFY(m_panel->tokens().isEmpty());
    const QString path = child<QLabel>("modulePathLabel")->text();
    QVERIFY2(path.contains(missing), qPrintable(path));
    const QString title = child<QLabel>("noKeyTitleLabel")->text();
    QVERIFY2(title == QStringLiteral("The driver of the USB key could not be used.")
                 || title == QStringLiteral("No USB key was found."),
             qPrintable(title));
    QVERIFY(!child<QLabel>("moduleReportLabel")->text().isEmpty());
    QVERIFY(!child<QLabel>("noKeyStepsLabel")->text().isEmpty());
    shot(m_panel.get(), QStringLiteral("panel-driver-missing"));
}

void TestTokenPanel::severalKeysNeverMixed()
{
    m_panel = std::make_unique<TokenPanel>(*m_context);
    m_panel->show();
    QTRY_COMPARE_WITH_TIMEOUT(m_panel->tokens().size(), qsizetype(2), 30000);
    auto *combo = child<QComboBox>("tokenCombo");
    QCOMPARE(combo->count(), 2);
    QVERIFY(combo->isEnabled());
    const int ia = combo->findData(m_serialA);
    const int ib = combo->findData(m_serialB);
    QVERIFY(ia >= 0 && ib >= 0);
    QVERIFY2(combo->itemText(ia).contains(SoftHsmFixture::organisation()), qPrintable(combo->itemText(ia)));
    QVERIFY(combo->itemText(ia).contains(m_serialA));
    QVERIFY2(combo->itemText(ib).contains(kOrgB), qPrintable(combo->itemText(ib)));
    QVERIFY(combo->itemText(ib).contains(m_serialB));

    auto *table = child<QTableWidget>("certificatesTable");
    QVERIFY(m_panel->selectToken(m_serialA));
    QCOMPARE(m_panel->currentSerial(), m_serialA);
    QCOMPARE(child<QLabel>("serialValue")->text(), m_serialA);
    QCOMPARE(child<QLabel>("labelValue")->text(), QStringLiteral("甲令牌"));
    QVERIFY(child<QLabel>("makerValue")->text().contains(QStringLiteral("SoftHSM")));
    QCOMPARE(child<QLabel>("pinStateValue")->property("pinState").toString(), QStringLiteral("ok"));
    QCOMPARE(table->rowCount(), 1);
    QCOMPARE(table->item(0, 0)->text(), SoftHsmFixture::organisation());
    QCOMPARE(table->item(0, 2)->text(), SoftHsmFixture::uscc());
    const int daysA = table->item(0, 6)->data(Qt::UserRole).toInt();
    QVERIFY2(daysA >= 9 && daysA <= 10, qPrintable(QString::number(daysA)));
    auto *expiry = child<QLabel>("expiryLabel");
    QCOMPARE(expiry->property("level").toString(), QStringLiteral("warning"));
    QVERIFY(expiry->isVisible());
    shot(m_panel.get(), QStringLiteral("panel-key-warning"));

    QVERIFY(m_panel->selectToken(m_serialB));
    QCOMPARE(child<QLabel>("serialValue")->text(), m_serialB);
    QCOMPARE(child<QLabel>("labelValue")->text(), QStringLiteral("乙令牌"));
    QCOMPARE(table->rowCount(), 1);
    QCOMPARE(table->item(0, 0)->text(), kOrgB);
    QCOMPARE(table->item(0, 1)->text(), QStringLiteral("李四"));
    const int daysB = table->item(0, 6)->data(Qt::UserRole).toInt();
    QVERIFY(daysB >= 59 && daysB <= 60);
    QCOMPARE(expiry->property("level").toString(), QStringLiteral("hint"));
    shot(m_panel.get(), QStringLiteral("panel-key-hint"));

    // a rescan keeps the chosen key
    m_panel->rescan();
    const int before = m_panel->scanCount();
    QTRY_VERIFY_WITH_TIMEOUT(m_panel->scanCount() > before, 30000);
    QCOMPARE(m_panel->currentSerial(), m_serialB);
    QCOMPARE(table->item(0, 0)->text(), kOrgB);
}

void TestTokenPanel::renewIsOffered()
{
    m_panel = std::make_unique<TokenPanel>(*m_context);
    m_panel->show();
    QTRY_COMPARE_WITH_TIMEOUT(m_panel->tokens().size(), qsizetype(2), 30000);
    QVERIFY(m_panel->selectToken(m_serialA));
    auto *renew = child<QPushButton>("renewButton");
    QVERIFY(renew->isEnabled());
    QVERIFY(renew->isDefault());
    QSignalSpy spy(m_panel.get(), &TokenPanel::renewRequested);
    QTest::mouseClick(renew, Qt::LeftButton);
    QCOMPARE(spy.size(), 1);
    QCOMPARE(spy.at(0).at(0).toString(), m_serialA);
    QVERIFY(!spy.at(0).at(1).toString().isEmpty());
}

void TestTokenPanel::hotPlugUpdatesThePanel()
{
    QJsonObject config;
    config.insert(QStringLiteral("presence_serial"), m_serialB);
    QVERIFY(m_hsm.writeShimConfig(config));
    m_panel = std::make_unique<TokenPanel>(*m_context);
    m_panel->show();
    QTRY_COMPARE_WITH_TIMEOUT(m_panel->tokens().size(), qsizetype(2), 30000);
    QVERIFY(m_panel->selectToken(m_serialB));

    QVERIFY(m_hsm.setTokenPresent(false));  // key B pulled out
    QTRY_VERIFY_WITH_TIMEOUT(!comboHas(m_serialB), 30000);
    QTRY_COMPARE_WITH_TIMEOUT(m_panel->tokens().size(), qsizetype(1), 30000);
    QCOMPARE(m_panel->currentSerial(), m_serialA);
    QCOMPARE(child<QLabel>("serialValue")->text(), m_serialA);
    QVERIFY(!child<QComboBox>("tokenCombo")->isEnabled());  // one key: nothing to pick

    QVERIFY(m_hsm.setTokenPresent(true));   // and plugged in again
    QTRY_VERIFY_WITH_TIMEOUT(comboHas(m_serialB), 30000);
    QTRY_COMPARE_WITH_TIMEOUT(m_panel->tokens().size(), qsizetype(2), 30000);
}

void TestTokenPanel::noKeyShowsHelp()
{
    m_panel = std::make_unique<TokenPanel>(*m_context);
    m_panel->show();
    QTRY_COMPARE_WITH_TIMEOUT(m_panel->tokens().size(), qsizetype(2), 30000);
    QVERIFY(m_hsm.setTokenPresent(false));  // every key pulled out
    auto *pages = child<QStackedWidget>("pages");
    QTRY_COMPARE_WITH_TIMEOUT(pages->currentWidget()->objectName(), QStringLiteral("noKeyPage"), 30000);
    QTRY_COMPARE_WITH_TIMEOUT(child<QLabel>("noKeyTitleLabel")->text(), QStringLiteral("No USB key was found."), 30000);
    QCOMPARE(child<QLabel>("modulePathLabel")->text(), QStringLiteral(CA_SHIM_PATH));
    QVERIFY(!child<QLabel>("moduleReportLabel")->text().isEmpty());
    QVERIFY(m_panel->currentSerial().isEmpty());
    shot(m_panel.get(), QStringLiteral("panel-no-key"));

    QVERIFY(m_hsm.setTokenPresent(true));
    QTRY_COMPARE_WITH_TIMEOUT(pages->currentWidget()->objectName(), QStringLiteral("keysPage"), 30000);
    QTRY_COMPARE_WITH_TIMEOUT(m_panel->tokens().size(), qsizetype(2), 30000);
}

void TestTokenPanel::pinChange()
{
    QJsonObject config;
    config.insert(QStringLiteral("max_pin_tries"), 3);
    QVERIFY(m_hsm.writeShimConfig(config));
    m_panel = std::make_unique<TokenPanel>(*m_context);
    m_panel->show();
    QTRY_COMPARE_WITH_TIMEOUT(m_panel->tokens().size(), qsizetype(2), 30000);
    QVERIFY(m_panel->selectToken(m_serialA));
    QTest::mouseClick(child<QPushButton>("changePinButton"), Qt::LeftButton);
    auto *dialog = m_panel->findChild<PinChangeDialog *>();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    auto *oldEdit = dialog->findChild<QLineEdit *>(QStringLiteral("oldPinEdit"));
    auto *newEdit = dialog->findChild<QLineEdit *>(QStringLiteral("newPinEdit"));
    auto *repeatEdit = dialog->findChild<QLineEdit *>(QStringLiteral("repeatPinEdit"));
    auto *change = dialog->findChild<QPushButton *>(QStringLiteral("changeButton"));
    auto *state = dialog->findChild<QLabel *>(QStringLiteral("pinStateLabel"));
    QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("rulesLabel"))->text().contains(QStringLiteral("from 4 to")));
    QCOMPARE(state->property("pinState").toString(), QStringLiteral("ok"));
    QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("keyLabel"))->text().contains(m_serialA));

    // typing mistakes are caught before the key is touched
    QTest::keyClicks(oldEdit, kPin);
    QTest::keyClicks(newEdit, QStringLiteral("654321"));
    QTest::keyClicks(repeatEdit, QStringLiteral("654322"));
    QTest::mouseClick(change, Qt::LeftButton);
    QCOMPARE(dialog->message(), QStringLiteral("The two new PINs differ. Type the new PIN again in both fields."));
    QVERIFY(!dialog->isBusy());
    newEdit->clear();
    repeatEdit->clear();
    QTest::keyClicks(newEdit, QStringLiteral("12"));
    QTest::keyClicks(repeatEdit, QStringLiteral("12"));
    QTest::mouseClick(change, Qt::LeftButton);
    QCOMPARE(dialog->message(), QStringLiteral("The new PIN is too short: this key needs at least 4 characters."));

    // a wrong current PIN: refused, and the state now says a wrong PIN was entered
    oldEdit->clear();
    newEdit->clear();
    repeatEdit->clear();
    QTest::keyClicks(oldEdit, QStringLiteral("999999"));
    QTest::keyClicks(newEdit, QStringLiteral("654321"));
    QTest::keyClicks(repeatEdit, QStringLiteral("654321"));
    QTest::mouseClick(change, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(dialog->message(), QStringLiteral("The current PIN is wrong; the PIN was not changed."), 30000);
    QTRY_COMPARE_WITH_TIMEOUT(state->property("pinState").toString(), QStringLiteral("count_low"), 30000);
    QVERIFY(oldEdit->text().isEmpty());  // PINs are not kept in the fields

    // the right one
    QTest::keyClicks(oldEdit, kPin);
    QTest::keyClicks(newEdit, QStringLiteral("654321"));
    QTest::keyClicks(repeatEdit, QStringLiteral("654321"));
    QTest::mouseClick(change, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->succeeded(), 30000);
    QVERIFY(dialog->message().startsWith(QStringLiteral("The PIN was changed.")));
    shot(dialog, QStringLiteral("pin-change-done"));
    QTRY_COMPARE_WITH_TIMEOUT(state->property("pinState").toString(), QStringLiteral("ok"), 30000);
    QVERIFY(!change->isEnabled());

    // SoftHSM itself: the new PIN logs in, the old one does not
    QVERIFY(softHsmAccepts(QStringLiteral("甲令牌"), QStringLiteral("654321")));
    QVERIFY(!softHsmAccepts(QStringLiteral("甲令牌"), kPin));
    // back to the fixture's PIN for the other tests
    const p11::TokenRef refA{m_serialA, QString(), QString()};
    QVERIFY(runCommand(m_service->changePin(refA, pin(QStringLiteral("654321")), pin(kPin))).ok());
    QVERIFY(softHsmAccepts(QStringLiteral("甲令牌"), kPin));
    dialog->close();
}

void TestTokenPanel::lockedPinOffersReset()
{
    QJsonObject config;
    config.insert(QStringLiteral("max_pin_tries"), 3);
    QVERIFY(m_hsm.writeShimConfig(config));
    m_panel = std::make_unique<TokenPanel>(*m_context);
    m_panel->show();
    QTRY_COMPARE_WITH_TIMEOUT(m_panel->tokens().size(), qsizetype(2), 30000);
    const p11::TokenRef refA{m_serialA, QString(), QString()};
    for (int i = 0; i < 3; ++i) {
        const auto r = runCommand(m_service->verifyPin(refA, pin(QStringLiteral("000000"))));
        QVERIFY(!r.ok());
    }
    int before = m_panel->scanCount();
    m_panel->rescan();
    QTRY_VERIFY_WITH_TIMEOUT(m_panel->scanCount() > before, 30000);
    QVERIFY(m_panel->selectToken(m_serialA));
    auto *state = child<QLabel>("pinStateValue");
    QCOMPARE(state->property("pinState").toString(), QStringLiteral("locked"));
    QVERIFY2(state->text().startsWith(QStringLiteral("Locked")), qPrintable(state->text()));
    QVERIFY(state->text().contains(QStringLiteral("PIN reset")));
    QVERIFY(!child<QPushButton>("changePinButton")->isEnabled());
    auto *reset = child<QPushButton>("resetPinButton");
    QVERIFY(reset->isEnabled());
    QVERIFY(reset->isDefault());
    shot(m_panel.get(), QStringLiteral("panel-pin-locked"));
    QSignalSpy spy(m_panel.get(), &TokenPanel::resetPinRequested);
    QTest::mouseClick(reset, Qt::LeftButton);
    QCOMPARE(spy.size(), 1);
    QCOMPARE(spy.at(0).at(0).toString(), m_serialA);

    // the other key is not affected
    QVERIFY(m_panel->selectToken(m_serialB));
    QCOMPARE(state->property("pinState").toString(), QStringLiteral("ok"));
    QVERIFY(child<QPushButton>("changePinButton")->isEnabled());

    // unlock for good measure (SO login + C_InitPIN)
    const auto r = runCommand(m_service->resetPin(refA, pin(kSo), pin(kPin)));
    QVERIFY2(r.ok(), r.error ? qPrintable(r.error->logText()) : "");
    before = m_panel->scanCount();
    m_panel->rescan();
    QTRY_VERIFY_WITH_TIMEOUT(m_panel->scanCount() > before, 30000);
    QVERIFY(m_panel->selectToken(m_serialA));
    QCOMPARE(state->property("pinState").toString(), QStringLiteral("ok"));
}

void TestTokenPanel::onlyOwnCurrentCertificatesWarn()
{
    const QString labelB = QStringLiteral("乙令牌");
    const QList<QPair<QString, QString>> subjectB{{QStringLiteral("C"), QStringLiteral("CN")},
                                                  {QStringLiteral("O"), kOrgB},
                                                  {QStringLiteral("CN"), QStringLiteral("李四")}};
    bool ok = false;
    // 1. a CA certificate that expires in 5 days (a root the key carries)
    const QString caKey = m_dir.filePath(QStringLiteral("soon-ca.key"));
    const QString caDer = m_dir.filePath(QStringLiteral("soon-ca.der"));
    m_hsm.run(QStringLiteral("openssl"),
              {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
               QStringLiteral("-nodes"), QStringLiteral("-keyout"), caKey, QStringLiteral("-outform"), QStringLiteral("DER"),
               QStringLiteral("-out"), caDer, QStringLiteral("-days"), QStringLiteral("5"), QStringLiteral("-subj"),
               QStringLiteral("/C=CN/O=某某CA中心/CN=某某根CA"), QStringLiteral("-addext"),
               QStringLiteral("keyUsage=critical,keyCertSign,cRLSign")},
              &ok);
    QVERIFY2(ok, qPrintable(m_hsm.errorString()));
    QVERIFY(m_hsm.writeCertificate(labelB, kPin, readFile(caDer), QStringLiteral("ca"), QStringLiteral("根证书")));
    // 2. an end-entity certificate of the unit that expires in 3 days, whose key pair is not on this key
    const QString otherKey = m_dir.filePath(QStringLiteral("elsewhere.key"));
    const QString otherPub = m_dir.filePath(QStringLiteral("elsewhere.pub.der"));
    m_hsm.run(QStringLiteral("openssl"), {QStringLiteral("genpkey"), QStringLiteral("-algorithm"), QStringLiteral("RSA"),
                                          QStringLiteral("-pkeyopt"), QStringLiteral("rsa_keygen_bits:2048"),
                                          QStringLiteral("-out"), otherKey},
              &ok);
    QVERIFY2(ok, qPrintable(m_hsm.errorString()));
    m_hsm.run(QStringLiteral("openssl"), {QStringLiteral("pkey"), QStringLiteral("-in"), otherKey, QStringLiteral("-pubout"),
                                          QStringLiteral("-outform"), QStringLiteral("DER"), QStringLiteral("-out"), otherPub},
              &ok);
    QVERIFY2(ok, qPrintable(m_hsm.errorString()));
    const QByteArray keyless = m_hsm.issueCertificate(readFile(otherPub), subjectB, 3);
    QVERIFY(!keyless.isEmpty());
    QVERIFY(m_hsm.writeCertificate(labelB, kPin, keyless, QStringLiteral("c3"), QStringLiteral("别处的证书")));
    // 3. the unit's older certificate (8 days) on an older key pair kept after a change with a new key pair:
    //    the newer one (key b2, 60 days) is valid
    QVERIFY(m_hsm.generateKeyPair(labelB, kPin, QStringLiteral("rsa:2048"), QStringLiteral("b0"), QStringLiteral("旧密钥")));
    const QByteArray older = m_hsm.issueCertificate(m_hsm.publicKeyDer(labelB, kPin, QStringLiteral("b0")), subjectB, 8);
    QVERIFY(!older.isEmpty());
    QVERIFY(m_hsm.writeCertificate(labelB, kPin, older, QStringLiteral("b0"), QStringLiteral("旧证书")));
    const auto removeAdded = qScopeGuard([&] {
        for (const auto &[type, id] : QList<QPair<QString, QString>>{{QStringLiteral("cert"), QStringLiteral("ca")},
                                                                    {QStringLiteral("cert"), QStringLiteral("c3")},
                                                                    {QStringLiteral("cert"), QStringLiteral("b0")},
                                                                    {QStringLiteral("privkey"), QStringLiteral("b0")},
                                                                    {QStringLiteral("pubkey"), QStringLiteral("b0")}})
            m_hsm.run(QStringLiteral("pkcs11-tool"),
                      {QStringLiteral("--module"), SoftHsmFixture::softHsmModule(), QStringLiteral("--token-label"), labelB,
                       QStringLiteral("--login"), QStringLiteral("--pin"), kPin, QStringLiteral("--delete-object"),
                       QStringLiteral("--type"), type, QStringLiteral("--id"), id});
    });

    m_panel = std::make_unique<TokenPanel>(*m_context);
    m_panel->show();
    QTRY_COMPARE_WITH_TIMEOUT(m_panel->tokens().size(), qsizetype(2), 30000);
    QVERIFY(m_panel->selectToken(m_serialB));
    const auto contents = m_panel->currentToken();
    QVERIFY(contents);
    QCOMPARE(contents->certificates.size(), qsizetype(4));
    QCOMPARE(child<QTableWidget>("certificatesTable")->rowCount(), 4);  // all are listed ...
    // ... but only the unit's own current certificate (key b2, 60 days) counts: a hint, not a warning
    const auto current = TokenPanel::currentCertificates(*contents);
    QCOMPARE(current.size(), qsizetype(1));
    QCOMPARE(current.first().id, QByteArray::fromHex("b2"));
    auto *expiry = child<QLabel>("expiryLabel");
    QCOMPARE(expiry->property("level").toString(), QStringLiteral("hint"));
    QVERIFY2(expiry->text().contains(QStringLiteral("60")) || expiry->text().contains(QStringLiteral("59")),
             qPrintable(expiry->text()));
    // the unit named is the unit's, never the CA's
    QCOMPARE(TokenPanel::unitName(*contents), kOrgB);
    QVERIFY(child<QComboBox>("tokenCombo")->currentText().contains(kOrgB));
    // Renew names the current certificate
    QSignalSpy spy(m_panel.get(), &TokenPanel::renewRequested);
    QTest::mouseClick(child<QPushButton>("renewButton"), Qt::LeftButton);
    QCOMPARE(spy.size(), 1);
    QCOMPARE(spy.at(0).at(1).toString(), current.first().serialHex);
    shot(m_panel.get(), QStringLiteral("panel-own-certificates"));
}

QTEST_MAIN(TestTokenPanel)
#include "tst_token_panel.moc"
