#include "core/platform/PlatformClient.h"
#include "core/settings/SystemSettings.h"
#include "core/store/LocalStore.h"
#include "i18n/Translations.h"
#include "ui/AppSettings.h"
#include "ui/ClientContext.h"
#include "ui/Fonts.h"
#include "ui/LoginDialog.h"
#include "ui/MainWindow.h"
#include "pkcs11/TokenService.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QIcon>
#include <QMessageBox>

using ca::ui::AppSettings;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("ca-client"));
    QApplication::setApplicationName(QStringLiteral("ca-client"));
    QApplication::setApplicationVersion(QStringLiteral(PROJECT_VERSION_STRING));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/ca/icons/ca-client-256.png")));
    // Qt 6 scales for high DPI by default; keep fractional scale factors as they are.
    QGuiApplication::setHighDpiScaleFactorRoundingPolicy(Qt::HighDpiScaleFactorRoundingPolicy::PassThrough);

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Apply for CA certificates (USB keys) on the procurement platform."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption serverOption(QStringLiteral("server"),
                                          QStringLiteral("Platform server URL for this session (https://HOST:PORT)."),
                                          QStringLiteral("URL"));
    const QCommandLineOption caBundleOption(QStringLiteral("ca-bundle"),
                                            QStringLiteral("PEM file of CA certificates to trust for this session."),
                                            QStringLiteral("FILE"));
    const QCommandLineOption moduleOption(QStringLiteral("module"),
                                          QStringLiteral("PKCS#11 module of the USB key for this session."),
                                          QStringLiteral("PATH"));
    const QCommandLineOption langOption(QStringLiteral("lang"), QStringLiteral("Interface language: zh_CN or en."),
                                        QStringLiteral("LANG"));
    const QCommandLineOption dataDirOption(
        QStringLiteral("data-dir"),
        QStringLiteral("Folder for the local store and user settings (default: $CA_CLIENT_DATA_DIR or the standard place)."),
        QStringLiteral("DIR"));
    const QCommandLineOption userOption(QStringLiteral("user"),
                                        QStringLiteral("User name to prefill in the login dialog (never a password)."),
                                        QStringLiteral("NAME"));
    parser.addOptions({serverOption, caBundleOption, moduleOption, langOption, dataDirOption, userOption});
    parser.process(app);

    QString dataDir = parser.value(dataDirOption);
    if (dataDir.isEmpty())
        dataDir = qEnvironmentVariable("CA_CLIENT_DATA_DIR");
    std::unique_ptr<AppSettings> settings;
    if (dataDir.isEmpty()) {
        settings = std::make_unique<AppSettings>();
    } else {
        QDir().mkpath(dataDir);
        settings = std::make_unique<AppSettings>(QDir(dataDir).filePath(QStringLiteral("ca-client.ini")),
                                                 ca::SystemSettings::forThisMachine());
    }
    // Command-line values hold for this session only; they are never written.
    if (parser.isSet(serverOption))
        settings->setSessionOverride(AppSettings::Key::ServerUrl, parser.value(serverOption));
    if (parser.isSet(caBundleOption))
        settings->setSessionOverride(AppSettings::Key::CaBundle,
                                     QFileInfo(parser.value(caBundleOption)).absoluteFilePath());
    if (parser.isSet(moduleOption))
        settings->setSessionOverride(AppSettings::Key::Pkcs11Module, parser.value(moduleOption));
    if (parser.isSet(langOption))
        settings->setSessionOverride(AppSettings::Key::Language, parser.value(langOption));
    if (parser.isSet(userOption))
        settings->setSessionOverride(AppSettings::Key::LastUsername, parser.value(userOption));

    ca::i18n::install(app, settings->language());
    ca::ui::applyChineseFontFallback(app);

    ca::LocalStore store;
    const QString storePath = dataDir.isEmpty() ? QString() : QDir(dataDir).filePath(QStringLiteral("ca-client.sqlite"));
    const ca::StoreStatus opened = store.open(storePath);
    if (!opened.ok()) {
        QMessageBox::critical(nullptr, QCoreApplication::translate("main", "CA Certificate Assistant"),
                              opened.error().message);
        return 1;
    }

    ca::PlatformClient client;
    ca::ui::ClientContext context(client, store, *settings);
    // One worker thread owns every PKCS#11 call; an empty path means discovery.
    ca::p11::TokenService tokens;
    tokens.setModulePath(settings->pkcs11Module());
    context.setTokenService(&tokens);

    {
        ca::ui::LoginDialog login(context);
        if (login.exec() != QDialog::Accepted)
            return 0;
    }

    ca::ui::MainWindow window(context);
    QObject::connect(&window, &ca::ui::MainWindow::logoutRequested, &window, [&] {
        context.logout();
        window.hide();
        ca::ui::LoginDialog login(context);
        if (login.exec() == QDialog::Accepted)
            window.show();
        else
            QApplication::quit();
    });
    window.show();
    return app.exec();
}
