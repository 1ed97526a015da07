// ca-sandbox: the reference platform server (docs/api/openapi.yaml).
//   ca-sandbox --data DIR [--listen 127.0.0.1:PORT] [--workflow pay-first|review-first]
//              [--tls-cert F --tls-key F] [--max-upload-mb N] [--auto-review SECONDS] [--faults FILE]
//   ca-sandbox admin --data DIR VERB ARGS…   (approve|reject|ship|onsite|done ID, pay ORDER_NO, …)
#include "Accounts.h"
#include "Context.h"
#include "Module.h"
#include "SandboxServer.h"
#include "Settings.h"
#include "TlsSetup.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QGuiApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSocketNotifier>
#include <QTextStream>

#include <csignal>
#include <cstdio>
#include <sys/socket.h>
#include <unistd.h>

using namespace ca::sandbox;

namespace {

int g_signalFds[2] = {-1, -1};

void onSignal(int)
{
    const char c = 1;
    [[maybe_unused]] ssize_t n = ::write(g_signalFds[0], &c, 1);
}

bool installSignalHandlers(QCoreApplication &app)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalFds) != 0)
        return false;
    auto *notifier = new QSocketNotifier(g_signalFds[1], QSocketNotifier::Read, &app);
    QObject::connect(notifier, &QSocketNotifier::activated, &app, [notifier] {
        notifier->setEnabled(false);
        char c;
        [[maybe_unused]] ssize_t n = ::read(g_signalFds[1], &c, 1);
        qCInfo(lcSandbox) << "signal received, stopping";
        QCoreApplication::quit();
    });
    struct sigaction sa = {};
    sa.sa_handler = onSignal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    sigaction(SIGTERM, &sa, nullptr);
    sigaction(SIGINT, &sa, nullptr);
    ::signal(SIGPIPE, SIG_IGN);
    return true;
}

int runAdmin(const QStringList &argsIn)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    QStringList args = argsIn;
    QString dataDir;
    const int i = args.indexOf(QStringLiteral("--data"));
    if (i >= 0 && i + 1 < args.size()) {
        dataDir = args.at(i + 1);
        args.remove(i, 2);
    }
    if (dataDir.isEmpty() || args.isEmpty()) {
        err << "usage: ca-sandbox admin --data DIR VERB ARGS...\n";
        return 2;
    }
    if (!QFileInfo(QDir(dataDir).filePath(QStringLiteral("sandbox.sqlite"))).exists()) {
        err << "ca-sandbox admin: no sandbox database in " << dataDir << " (start ca-sandbox --data DIR first)\n";
        return 2;
    }
    Config config;
    config.dataDir = QDir(dataDir).absolutePath();
    Context context(config);
    QString error;
    if (!context.open(&error)) {
        err << "ca-sandbox admin: " << error << '\n';
        return 1;
    }
    auto modules = ModuleRegistry::createAll();
    for (auto &m : modules)
        m->addMigrations(context);
    if (!context.migrate(&error)) {
        err << "ca-sandbox admin: " << error << '\n';
        return 1;
    }
    context.config.workflow = Settings::value(context, QStringLiteral("workflow"), context.config.workflow);
    for (auto &m : modules)
        m->prepare(context);
    const QString verb = args.first();
    for (auto &m : modules) {
        if (m->adminVerbs().contains(verb)) {
            try {
                return m->runAdmin(context, args, out, err);
            } catch (const std::exception &e) {
                err << "ca-sandbox admin: " << verb << " failed\n";
                return 1;
            }
        }
    }
    QStringList verbs;
    for (auto &m : modules)
        verbs += m->adminVerbs();
    err << "ca-sandbox admin: unknown command " << verb << "; known: " << verbs.join(QStringLiteral(", ")) << '\n';
    return 2;
}

} // namespace

int main(int argc, char *argv[])
{
    // QPdfWriter (e-invoice, templates) needs a QGuiApplication; no display is used.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("ca-sandbox"));
    const QStringList all = QCoreApplication::arguments();
    if (all.size() > 1 && all.at(1) == QLatin1String("admin"))
        return runAdmin(all.mid(2));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("The reference CA platform server for ca-client (HTTPS only)."));
    parser.addHelpOption();
    const QCommandLineOption dataOpt(QStringLiteral("data"), QStringLiteral("Data directory (created on first start)."), QStringLiteral("DIR"));
    const QCommandLineOption listenOpt(QStringLiteral("listen"), QStringLiteral("Address and port (port 0 = any free port)."), QStringLiteral("HOST:PORT"), QStringLiteral("127.0.0.1:0"));
    const QCommandLineOption workflowOpt(QStringLiteral("workflow"), QStringLiteral("pay-first or review-first."), QStringLiteral("NAME"), QStringLiteral("review-first"));
    const QCommandLineOption certOpt(QStringLiteral("tls-cert"), QStringLiteral("TLS certificate chain (PEM)."), QStringLiteral("FILE"));
    const QCommandLineOption keyOpt(QStringLiteral("tls-key"), QStringLiteral("TLS private key (PEM)."), QStringLiteral("FILE"));
    const QCommandLineOption uploadOpt(QStringLiteral("max-upload-mb"), QStringLiteral("Largest attachment in MB."), QStringLiteral("N"), QStringLiteral("20"));
    const QCommandLineOption reviewOpt(QStringLiteral("auto-review"), QStringLiteral("Approve submitted applications after SECONDS."), QStringLiteral("SECONDS"), QStringLiteral("0"));
    const QCommandLineOption faultsOpt(QStringLiteral("faults"), QStringLiteral("Fault injection rules (JSON)."), QStringLiteral("FILE"));
    const QCommandLineOption clockOpt(QStringLiteral("clock-offset"), QStringLiteral("Shift the server clock by SECONDS (tests)."), QStringLiteral("SECONDS"), QStringLiteral("0"));
    parser.addOptions({dataOpt, listenOpt, workflowOpt, certOpt, keyOpt, uploadOpt, reviewOpt, faultsOpt, clockOpt});
    parser.process(app);

    QTextStream err(stderr);
    if (!parser.isSet(dataOpt)) {
        err << "ca-sandbox: --data DIR is required\n";
        return 2;
    }
    Config config;
    config.dataDir = QDir(parser.value(dataOpt)).absolutePath();
    config.workflow = parser.value(workflowOpt);
    if (config.workflow != QLatin1String("pay-first") && config.workflow != QLatin1String("review-first")) {
        err << "ca-sandbox: --workflow must be pay-first or review-first\n";
        return 2;
    }
    const QString listen = parser.value(listenOpt);
    const int colon = listen.lastIndexOf(QLatin1Char(':'));
    bool portOk = false;
    const int port = colon > 0 ? listen.mid(colon + 1).toInt(&portOk) : -1;
    QString host = colon > 0 ? listen.left(colon) : QString();
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    if (host == QLatin1String("localhost"))
        host = QStringLiteral("127.0.0.1");
    if (!portOk || port < 0 || port > 65535 || !config.listenAddress.setAddress(host)) {
        err << "ca-sandbox: --listen must be HOST:PORT, e.g. 127.0.0.1:0\n";
        return 2;
    }
    config.port = quint16(port);
    bool ok = false;
    const int mb = parser.value(uploadOpt).toInt(&ok);
    if (!ok || mb < 1 || mb > 1024) {
        err << "ca-sandbox: --max-upload-mb must be 1..1024\n";
        return 2;
    }
    config.maxUploadBytes = qint64(mb) * 1024 * 1024;
    config.autoReviewSeconds = parser.value(reviewOpt).toInt(&ok);
    if (!ok || config.autoReviewSeconds < 0) {
        err << "ca-sandbox: --auto-review must be a number of seconds\n";
        return 2;
    }
    config.clockOffsetSeconds = parser.value(clockOpt).toLongLong();
    if (parser.isSet(faultsOpt))
        config.faultsFile = QFileInfo(parser.value(faultsOpt)).absoluteFilePath();
    if (parser.isSet(certOpt) != parser.isSet(keyOpt)) {
        err << "ca-sandbox: give both --tls-cert and --tls-key, or neither\n";
        return 2;
    }

    QString error;
    if (!TlsSetup::ensure(config.dataDir, &error)) {
        err << "ca-sandbox: " << error << '\n';
        return 1;
    }
    config.tlsCert = parser.isSet(certOpt) ? parser.value(certOpt) : TlsSetup::serverCertPath(config.dataDir);
    config.tlsKey = parser.isSet(keyOpt) ? parser.value(keyOpt) : TlsSetup::serverKeyPath(config.dataDir);

    Context context(config);
    if (!context.open(&error)) {
        err << "ca-sandbox: cannot open the database: " << error << '\n';
        return 1;
    }
    auto modules = ModuleRegistry::createAll();
    for (auto &m : modules)
        m->addMigrations(context);
    if (!context.migrate(&error)) {
        err << "ca-sandbox: " << error << '\n';
        return 1;
    }
    try {
        Settings::setValue(context, QStringLiteral("workflow"), config.workflow);
        for (auto &m : modules)
            m->prepare(context);
    } catch (const std::exception &) {
        err << "ca-sandbox: cannot prepare the database\n";
        return 1;
    }

    SandboxServer server(context);
    for (auto &m : modules)
        m->install(context, server);
    installSignalHandlers(app);
    const quint16 bound = server.start(config.tlsCert, config.tlsKey, &error);
    if (bound == 0) {
        err << "ca-sandbox: " << error << '\n';
        return 1;
    }

    QString hostForUrl = config.listenAddress.toString();
    if (config.listenAddress.protocol() == QAbstractSocket::IPv6Protocol)
        hostForUrl = QLatin1Char('[') + hostForUrl + QLatin1Char(']');
    QJsonArray accounts;
    for (const DemoAccount &a : Accounts::demoAccounts())
        accounts.append(QJsonObject{{QStringLiteral("username"), a.username},
                                    {QStringLiteral("password"), a.password},
                                    {QStringLiteral("role"), a.role}});
    const QJsonObject ready{{QStringLiteral("url"), QStringLiteral("https://%1:%2").arg(hostForUrl).arg(bound)},
                            {QStringLiteral("ca_cert"), TlsSetup::caCertPath(config.dataDir)},
                            {QStringLiteral("workflow"), config.workflow},
                            {QStringLiteral("accounts"), accounts}};
    const QByteArray line = QJsonDocument(ready).toJson(QJsonDocument::Compact) + '\n';
    std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
    std::fflush(stdout);

    const int rc = app.exec();
    qCInfo(lcSandbox) << "stopped";
    return rc;
}
