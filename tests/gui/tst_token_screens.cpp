// Every state of the token panel ("我的证书") and of its dialogs, laid out in
// the current language (CA_TOKEN_LANG, default zh_CN) and grabbed to PNGs in
// CA_TOKEN_SHOTS_DIR (default a temporary directory) for a person to look at:
// no key (help), one key OK, PIN locked, several keys, the 30-day warning,
// the 90-day hint, the 已有CA registration dialog, and the renewal dialog
// (explanation, new-key warning, locked PIN, steps in progress, failure with
// the key state, success). Each picture is checked for clipped single-line
// labels, buttons and combo boxes (text wider than the widget). Real
// components: SoftHSM through the shim, a real ca-sandbox.
#include "tst_token_commands.h"
#include "tst_token_support.h"

#include "i18n/Translations.h"
#include "keyops/RenewalJob.h"
#include "pkcs11/TokenCommand.h"
#include "ui/Fonts.h"
#include "ui/TokenPanel.h"
#include "ui/token/RegisterCaDialog.h"
#include "ui/token/RenewalDialog.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStackedWidget>
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
const QString kLabelA = QStringLiteral("本单位令牌");
const QString kLabelB = QStringLiteral("将到期令牌");
const QString kLabelC = QStringLiteral("提示令牌");
} // namespace

class TestTokenScreens : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void oneKey();
    void severalKeys();
    void registerDialog();
    void renewalDialog();
    void noKey();
    void cleanupTestCase();

private:
    void openClient();
    bool addKey(const QString &label, int days, const QString &idHex, QString *serial, QByteArray *der = nullptr);
    void shoot(QWidget *w, const QString &name);
    void lock(const QString &serial);
    void unlock(const QString &serial);
    template<typename T> T *in(QWidget *w, const char *name) const
    {
        T *c = w->findChild<T *>(QLatin1String(name));
        if (!c)
            qWarning() << "no child" << name;
        return c;
    }

    SoftHsmFixture m_hsm;
    QString m_serialA, m_serialB, m_serialC;
    QByteArray m_certB;
    std::unique_ptr<test::SandboxProcess> m_sandbox;
    std::unique_ptr<test::SandboxHttp> m_http;
    QTemporaryDir m_tmp;
    QString m_dir;
    QString m_lang;
    int m_n = 0;
    toktest::Client m_c;
    std::unique_ptr<TokenPanel> m_panel;
    QStringList m_clipped;
    QStringList m_saved;
};

void TestTokenScreens::initTestCase()
{
    m_lang = qEnvironmentVariable("CA_TOKEN_LANG", QStringLiteral("zh_CN"));
    ca::i18n::install(*QCoreApplication::instance(), m_lang);
    applyChineseFontFallback(*qApp);
    m_dir = qEnvironmentVariable("CA_TOKEN_SHOTS_DIR", m_tmp.path());
    QVERIFY(QDir().mkpath(m_dir));
    QVERIFY2(m_hsm.isValid(), qPrintable(m_hsm.errorString()));
    m_sandbox = std::make_unique<test::SandboxProcess>(QStringList{QStringLiteral("--workflow"), QStringLiteral("review-first")});
    QVERIFY2(toktest::startTrustingFixture(*m_sandbox, m_hsm), qPrintable(m_sandbox->lastError()));
    m_http = std::make_unique<test::SandboxHttp>(*m_sandbox);
    QVERIFY(m_http->login(QStringLiteral("supplier")));
    m_hsm.useShim();
    QVERIFY(m_hsm.writeShimConfig(QJsonObject{{QStringLiteral("max_pin_tries"), 3}}));
    QVERIFY(m_hsm.setTokenPresent(true));
    // one key to start with: the unit's own, valid for a long time
    QVERIFY(addKey(kLabelA, 400, QStringLiteral("a1"), &m_serialA));
}

bool TestTokenScreens::addKey(const QString &label, int days, const QString &idHex, QString *serial, QByteArray *der)
{
    *serial = m_hsm.initToken(label, kSo, kPin);
    if (serial->isEmpty() || !m_hsm.generateKeyPair(label, kPin, QStringLiteral("rsa:2048"), idHex, QStringLiteral("签名密钥")))
        return false;
    const QByteArray cert = m_hsm.issueCertificate(m_hsm.publicKeyDer(label, kPin, idHex), toktest::supplierSubject(), days);
    if (der)
        *der = cert;
    return !cert.isEmpty() && m_hsm.writeCertificate(label, kPin, cert, idHex, QStringLiteral("证书"));
}

// A new client and token service (the module is initialised again, so keys made since are seen) and panel.
void TestTokenScreens::openClient()
{
    m_panel.reset();
    m_c.close();
    QVERIFY(m_c.open(*m_sandbox, m_tmp.path(), ++m_n, QStringLiteral(CA_SHIM_PATH)));
    m_panel = std::make_unique<TokenPanel>(*m_c.context);
    m_panel->resize(960, 600);
    m_panel->show();
}

void TestTokenScreens::cleanup()
{
    for (QDialog *d : m_panel ? m_panel->findChildren<QDialog *>() : QList<QDialog *>())
        d->close();
    QVERIFY(m_hsm.writeShimConfig(QJsonObject{{QStringLiteral("max_pin_tries"), 3}}));
    QVERIFY(m_hsm.setTokenPresent(true));
}

void TestTokenScreens::cleanupTestCase()
{
    m_panel.reset();
    m_c.close();
    qInfo().noquote() << "pictures in" << m_dir << ":" << m_saved.join(QStringLiteral(", "));
    QVERIFY2(m_clipped.isEmpty(), qPrintable(m_clipped.join(QLatin1Char('\n'))));
}

void TestTokenScreens::shoot(QWidget *w, const QString &name)
{
    QCoreApplication::processEvents();
    QTest::qWait(150);
    const QString file = QStringLiteral("%1/token-%2-%3.png").arg(m_dir, m_lang, name);
    QVERIFY(w->grab().save(file));
    m_saved << QFileInfo(file).fileName();
    for (QLabel *l : w->findChildren<QLabel *>()) {
        if (!l->isVisible() || l->wordWrap() || l->text().isEmpty() || l->textFormat() == Qt::RichText
            || !l->pixmap().isNull() || l->text().startsWith(QLatin1Char('<')))
            continue;
        QString shown = l->text().split(QLatin1Char('\n')).first();
        if (l->buddy()) {
            shown.replace(QLatin1String("&&"), QStringLiteral("\x01"));
            shown.remove(QLatin1Char('&'));
            shown.replace(QStringLiteral("\x01"), QStringLiteral("&"));
        }
        if (l->fontMetrics().horizontalAdvance(shown) > l->contentsRect().width() + 1)
            m_clipped << QStringLiteral("%1: label %2 \"%3\"").arg(name, l->objectName(), l->text());
    }
    for (QAbstractButton *b : w->findChildren<QAbstractButton *>()) {
        if (!b->isVisible() || b->text().isEmpty())
            continue;
        if (b->sizeHint().width() > b->width() + 1)
            m_clipped << QStringLiteral("%1: button %2 \"%3\"").arg(name, b->objectName(), b->text());
    }
    for (QComboBox *c : w->findChildren<QComboBox *>()) {
        if (!c->isVisible() || c->currentText().isEmpty())
            continue;
        // the current entry fits (the popup shows the whole list)
        QStyleOptionComboBox opt;
        opt.initFrom(c);
        const QRect text = c->style()->subControlRect(QStyle::CC_ComboBox, &opt, QStyle::SC_ComboBoxEditField, c);
        if (c->fontMetrics().horizontalAdvance(c->currentText()) > text.width() + 1)
            m_clipped << QStringLiteral("%1: combo %2 \"%3\"").arg(name, c->objectName(), c->currentText());
    }
    qInfo().noquote() << "saved" << file;
}

void TestTokenScreens::lock(const QString &serial)
{
    const p11::TokenRef ref{serial, QString(), QString()};
    for (int i = 0; i < 3; ++i)
        QVERIFY(!runCommand(m_c.service->verifyPin(ref, pin(QStringLiteral("000000")))).ok());
}

void TestTokenScreens::unlock(const QString &serial)
{
    QVERIFY(runCommand(m_c.service->resetPin(p11::TokenRef{serial, QString(), QString()}, pin(kSo), pin(kPin))).ok());
}

void TestTokenScreens::oneKey()
{
    openClient();
    QTRY_COMPARE_WITH_TIMEOUT(m_panel->tokens().size(), qsizetype(1), 30000);
    QVERIFY(in<QLabel>(m_panel.get(), "expiryLabel")->isHidden());
    QVERIFY(!in<QComboBox>(m_panel.get(), "tokenCombo")->isEnabled());
    shoot(m_panel.get(), QStringLiteral("panel-1-one-key"));

    lock(m_serialA);
    const int before = m_panel->scanCount();
    m_panel->rescan();
    QTRY_VERIFY_WITH_TIMEOUT(m_panel->scanCount() > before, 30000);
    QCOMPARE(in<QLabel>(m_panel.get(), "pinStateValue")->property("pinState").toString(), QStringLiteral("locked"));
    shoot(m_panel.get(), QStringLiteral("panel-2-pin-locked"));
    unlock(m_serialA);
}

void TestTokenScreens::severalKeys()
{
    QVERIFY(addKey(kLabelB, 30, QStringLiteral("b1"), &m_serialB, &m_certB));
    QVERIFY(addKey(kLabelC, 90, QStringLiteral("c1"), &m_serialC));
    openClient();
    QTRY_COMPARE_WITH_TIMEOUT(m_panel->tokens().size(), qsizetype(3), 30000);
    QVERIFY(m_panel->selectToken(m_serialA));
    QVERIFY(in<QComboBox>(m_panel.get(), "tokenCombo")->isEnabled());
    shoot(m_panel.get(), QStringLiteral("panel-3-several-keys"));
    QVERIFY(m_panel->selectToken(m_serialB));
    QCOMPARE(in<QLabel>(m_panel.get(), "expiryLabel")->property("level").toString(), QStringLiteral("warning"));
    shoot(m_panel.get(), QStringLiteral("panel-4-warning-30-days"));
    QVERIFY(m_panel->selectToken(m_serialC));
    QCOMPARE(in<QLabel>(m_panel.get(), "expiryLabel")->property("level").toString(), QStringLiteral("hint"));
    shoot(m_panel.get(), QStringLiteral("panel-5-hint-90-days"));
}

void TestTokenScreens::registerDialog()
{
    QVERIFY(m_panel && m_panel->selectToken(m_serialA));
    RegisterCaDialog *dialog = m_panel->openRegisterExisting();
    QVERIFY(dialog);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->isReady(), 30000);
    shoot(dialog, QStringLiteral("register-1-ready"));
    QTest::mouseClick(in<QPushButton>(dialog, "registerButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isBusy() && !dialog->message().endsWith(QStringLiteral("…")), 30000);
    QVERIFY2(dialog->succeeded(), qPrintable(dialog->message()));
    shoot(dialog, QStringLiteral("register-2-done"));
    dialog->close();
}

void TestTokenScreens::renewalDialog()
{
    QVERIFY(m_panel && m_panel->selectToken(m_serialB));
    QVERIFY(toktest::putOnRecord(*m_http, m_certB, m_serialB));
    const auto t = m_panel->currentToken();
    QVERIFY(t && !t->certificates.isEmpty());
    const QString id = toktest::approvedRenewal(*m_sandbox, *m_http, m_serialB, t->certificates.first().serialHex);
    QVERIFY(!id.isEmpty());

    auto prepared = [&](RenewalDialog *d) {
        return QTest::qWaitFor([&] { return d->phase() != RenewalDialog::Phase::Preparing; }, 60000)
               && d->phase() == RenewalDialog::Phase::Ready;
    };
    // locked PIN: the reset is offered
    lock(m_serialB);
    RenewalDialog *dialog = m_panel->openRenewal(id, m_serialB);
    QVERIFY(dialog && prepared(dialog));
    QVERIFY(in<QPushButton>(dialog, "resetPinButton")->isVisible());
    shoot(dialog, QStringLiteral("renewal-1-pin-locked"));
    unlock(m_serialB);
    dialog->prepareAgain();
    QVERIFY(prepared(dialog));
    QTest::keyClicks(in<QLineEdit>(dialog, "pinEdit"), kPin);
    shoot(dialog, QStringLiteral("renewal-2-explain"));
    // a new key pair is offered for a change (信息变更) only: its warning
    {
        const QString changeId =
            toktest::approvedRenewal(*m_sandbox, *m_http, m_serialB, t->certificates.first().serialHex, QStringLiteral("change"));
        QVERIFY(!changeId.isEmpty());
        RenewalDialog *change = m_panel->openRenewal(changeId, m_serialB);
        QVERIFY(change && prepared(change));
        in<QCheckBox>(change, "newKeyCheck")->setChecked(true);
        QVERIFY(prepared(change));
        QVERIFY(in<QLabel>(change, "newKeyWarningLabel")->isVisible());
        shoot(change, QStringLiteral("renewal-3-new-key-warning"));
        change->close();
        QVERIFY(m_sandbox->runAdmin({QStringLiteral("done"), changeId}).exitCode == 0);
    }

    // in progress (signing the request on the key is slow), then the key is pulled out during the install
    QJsonObject fault{{QStringLiteral("function"), QStringLiteral("C_CreateObject")},
                      {QStringLiteral("call"), 1},
                      {QStringLiteral("rv"), QStringLiteral("CKR_DEVICE_REMOVED")},
                      {QStringLiteral("remove"), true}};
    QJsonObject slow{{QStringLiteral("function"), QStringLiteral("C_Sign")}, {QStringLiteral("ms"), 1500}};
    QVERIFY(m_hsm.writeShimConfig(QJsonObject{{QStringLiteral("faults"), QJsonArray{fault}},
                                              {QStringLiteral("slow"), QJsonArray{slow}}}));
    in<QLineEdit>(dialog, "pinEdit")->clear();
    QTest::keyClicks(in<QLineEdit>(dialog, "pinEdit"), kPin);
    QTest::mouseClick(in<QPushButton>(dialog, "startButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->stepState(Step::Csr) == QLatin1String("running")
                                 || dialog->phase() != RenewalDialog::Phase::Running,
                             60000);
    QCOMPARE(dialog->phase(), RenewalDialog::Phase::Running);
    shoot(dialog, QStringLiteral("renewal-4-progress"));
    QTRY_VERIFY_WITH_TIMEOUT(dialog->phase() != RenewalDialog::Phase::Running, 120000);
    QCOMPARE(dialog->phase(), RenewalDialog::Phase::Failed);
    shoot(dialog, QStringLiteral("renewal-5-failure"));

    QVERIFY(m_hsm.writeShimConfig(QJsonObject{{QStringLiteral("max_pin_tries"), 3}}));
    QVERIFY(m_hsm.setTokenPresent(true));
    QTest::keyClicks(in<QLineEdit>(dialog, "retryPinEdit"), kPin);
    QTest::mouseClick(in<QPushButton>(dialog, "retryButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->phase() != RenewalDialog::Phase::Running, 120000);
    QVERIFY2(dialog->succeeded(), qPrintable(dialog->message()));
    shoot(dialog, QStringLiteral("renewal-6-success"));
    const QString renewedSerial = dialog->outcome()->newCertificate.serialHex;
    dialog->close();

    // wrong PINs: the Retry page shows the PIN state (final try), then locked with the reset offered there
    const QString again = toktest::approvedRenewal(*m_sandbox, *m_http, m_serialB, renewedSerial);
    QVERIFY(!again.isEmpty());
    RenewalDialog *wrongPin = m_panel->openRenewal(again, m_serialB);
    QVERIFY(wrongPin && prepared(wrongPin));
    const auto failWith = [&](const char *edit, const char *button) {
        QTest::keyClicks(in<QLineEdit>(wrongPin, edit), QStringLiteral("000000"));
        QTest::mouseClick(in<QPushButton>(wrongPin, button), Qt::LeftButton);
        return QTest::qWaitFor([&] { return wrongPin->phase() == RenewalDialog::Phase::Failed && !wrongPin->isCheckingKey(); },
                               60000);
    };
    QVERIFY(failWith("pinEdit", "startButton"));
    QVERIFY(failWith("retryPinEdit", "retryButton"));
    QCOMPARE(in<QLabel>(wrongPin, "retryPinStateLabel")->property("pinState").toString(), QStringLiteral("final_try"));
    shoot(wrongPin, QStringLiteral("renewal-7-wrong-pin-final-try"));
    QVERIFY(failWith("retryPinEdit", "retryButton"));
    QVERIFY(in<QPushButton>(wrongPin, "retryResetPinButton")->isVisible());
    shoot(wrongPin, QStringLiteral("renewal-8-locked-on-retry"));
    wrongPin->close();
    unlock(m_serialB);
    QVERIFY(m_sandbox->runAdmin({QStringLiteral("done"), again}).exitCode == 0);
}

void TestTokenScreens::noKey()
{
    QVERIFY(m_panel);
    QVERIFY(m_hsm.setTokenPresent(false));
    auto *pages = in<QStackedWidget>(m_panel.get(), "pages");
    QTRY_COMPARE_WITH_TIMEOUT(pages->currentWidget()->objectName(), QStringLiteral("noKeyPage"), 30000);
    shoot(m_panel.get(), QStringLiteral("panel-0-no-key"));
}

QTEST_MAIN(TestTokenScreens)
#include "tst_token_screens.moc"
