// Not an assertion test: renders the login dialog, the main window (both list
// pages), the details dialog and the settings dialog against a real sandbox
// and saves PNGs into $CA_SCREENSHOT_DIR (skipped when unset) in the language
// of $CA_SCREENSHOT_LANG (zh_CN or en), for people to look at.

#include "SandboxProcess.h"

#include "core/platform/PlatformClient.h"
#include "core/store/LocalStore.h"
#include "core/validation/ApplicationValidator.h"
#include "i18n/Translations.h"
#include "ui/AppSettings.h"
#include "ui/ApplicationDetailsDialog.h"
#include "ui/ClientContext.h"
#include "ui/Fonts.h"
#include "ui/LoginDialog.h"
#include "ui/MainWindow.h"
#include "ui/MessageSeam.h"
#include "ui/SettingsDialog.h"

#include <QApplication>
#include <QDir>
#include <QLineEdit>
#include <QTabBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace ca;
using namespace ca::ui;

class TestUiShellScreens : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void screens();
};

static void save(QWidget *w, const QString &name)
{
    const QString dir = qEnvironmentVariable("CA_SCREENSHOT_DIR");
    const QString lang = qEnvironmentVariable("CA_SCREENSHOT_LANG", QStringLiteral("zh_CN"));
    QCoreApplication::processEvents();
    QVERIFY(w->grab().save(QDir(dir).filePath(QStringLiteral("shell-%1-%2.png").arg(lang, name))));
}

void TestUiShellScreens::screens()
{
    if (qEnvironmentVariableIsEmpty("CA_SCREENSHOT_DIR"))
        QSKIP("set CA_SCREENSHOT_DIR to write screenshots");
    ca::i18n::install(*qApp, qEnvironmentVariable("CA_SCREENSHOT_LANG", QStringLiteral("zh_CN")));
    ca::ui::applyChineseFontFallback(*qobject_cast<QApplication *>(qApp));

    test::SandboxProcess sandbox({QStringLiteral("--workflow"), QStringLiteral("review-first")});
    QVERIFY2(sandbox.start(), qPrintable(sandbox.lastError()));
    test::SandboxHttp http(sandbox);
    QVERIFY(http.login(QStringLiteral("supplier")));
    QStringList ids;
    for (const char *kind : {"new", "reissue", "renewal", "new"}) {
        const auto r = http.post(QStringLiteral("/api/v1/applications"), test::sampleApplication(QLatin1String(kind)));
        ids << r.json().value(QStringLiteral("id")).toString();
    }
    for (int i = 1; i < 4; ++i) {
        const auto kind = enumFromWord<ApplicationKind>(http.get(QStringLiteral("/api/v1/applications/%1").arg(ids[i])).json().value(QStringLiteral("kind")).toString()).value();
        for (AttachmentCategory c : ApplicationValidator::requiredAttachments(kind))
            http.upload(QStringLiteral("/api/v1/applications/%1/attachments").arg(ids[i]), enumWord(c), QStringLiteral("scan.pdf"),
                        test::tinyPdf(), {{"Idempotency-Key", LocalStore::newId().toLatin1()}});
        http.post(QStringLiteral("/api/v1/applications/%1/submit").arg(ids[i]), QJsonObject{{QStringLiteral("comment"), QStringLiteral("请审核")}},
                  {{"Idempotency-Key", LocalStore::newId().toLatin1()}});
    }
    sandbox.runAdmin({QStringLiteral("approve"), ids[2], QStringLiteral("--comment"), QStringLiteral("资料齐全，同意")});
    sandbox.runAdmin({QStringLiteral("approve"), ids[3]});
    const auto order = http.post(QStringLiteral("/api/v1/applications/%1/payments").arg(ids[3]),
                                 QJsonObject{{QStringLiteral("channel"), QStringLiteral("wechat")}},
                                 {{"Idempotency-Key", LocalStore::newId().toLatin1()}});
    sandbox.runAdmin({QStringLiteral("pay"), order.json().value(QStringLiteral("order_no")).toString()});
    sandbox.runAdmin({QStringLiteral("ship"), ids[3], QStringLiteral("--tracking"), QStringLiteral("EMS1234567890CN"), QStringLiteral("--carrier"), QStringLiteral("EMS")});

    QTemporaryDir dir;
    AppSettings settings(dir.filePath(QStringLiteral("user.ini")), QString());
    settings.setValue(AppSettings::Key::ServerUrl, sandbox.url().toString());
    settings.setValue(AppSettings::Key::CaBundle, sandbox.caCertPath());
    LocalStore store;
    QVERIFY(store.open(dir.filePath(QStringLiteral("store.sqlite"))).ok());
    Draft local;
    local.id = LocalStore::newId();
    local.kind = QStringLiteral("change");
    local.json = test::sampleApplication(QStringLiteral("change"));
    QVERIFY(store.saveDraft(local).ok());
    PlatformClient client;
    ClientContext context(client, store, settings);
    ScriptedMessageSeam seam;
    context.setMessageSeam(&seam);

    LoginDialog login(context);
    login.show();
    login.findChild<QLineEdit *>(QStringLiteral("usernameEdit"))->setText(QStringLiteral("supplier"));
    login.findChild<QLineEdit *>(QStringLiteral("passwordEdit"))->setText(QStringLiteral("wrong"));
    save(&login, QStringLiteral("login"));
    login.attemptLogin();
    QTRY_VERIFY_WITH_TIMEOUT(!login.message().isEmpty() && !login.message().endsWith(QStringLiteral("…")), 30000);
    save(&login, QStringLiteral("login-wrong"));
    login.findChild<QLineEdit *>(QStringLiteral("passwordEdit"))->setText(sandbox.password(QStringLiteral("supplier")));
    login.attemptLogin();
    QTRY_COMPARE_WITH_TIMEOUT(login.result(), int(QDialog::Accepted), 30000);

    MainWindow window(context);
    window.resize(1200, 720);
    window.show();
    QTRY_VERIFY_WITH_TIMEOUT(window.refreshCount() >= 1, 30000);
    auto *status = window.findChild<QTabBar *>(QStringLiteral("statusTabBar"));
    status->setCurrentIndex(0);
    window.selectApplication(ids[0]);
    save(&window, QStringLiteral("main-editing"));
    status->setCurrentIndex(1);
    window.selectApplication(ids[1]);
    save(&window, QStringLiteral("main-pending"));
    status->setCurrentIndex(4);
    save(&window, QStringLiteral("main-all"));
    auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("mainTabs"));
    tabs->setCurrentWidget(window.findChild<QWidget *>(QStringLiteral("paymentsTab")));
    window.findChild<QTabBar *>(QStringLiteral("paymentTabBar"))->setCurrentIndex(1);
    window.selectApplication(ids[3]);
    save(&window, QStringLiteral("main-payments"));
    tabs->setCurrentIndex(0);

    Application stub;
    stub.id = ids[3];
    ApplicationDetailsDialog details(context, stub);
    details.resize(820, 560);
    details.show();
    QTRY_VERIFY_WITH_TIMEOUT(details.loadCount() >= 1, 30000);
    auto *detailTabs = details.findChild<QTabWidget *>(QStringLiteral("detailsTabs"));
    const QStringList names{QStringLiteral("order"), QStringLiteral("invoice"), QStringLiteral("attachments"),
                            QStringLiteral("records"), QStringLiteral("payment"), QStringLiteral("handling")};
    for (int i = 0; i < detailTabs->count() && i < names.size(); ++i) {
        detailTabs->setCurrentIndex(i);
        save(&details, QStringLiteral("details-") + names.at(i));
    }

    SettingsDialog settingsDialog(settings);
    settingsDialog.show();
    save(&settingsDialog, QStringLiteral("settings"));
}

QTEST_MAIN(TestUiShellScreens)
#include "tst_ui_shell_screens.moc"
