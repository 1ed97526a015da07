#include "tools/PlatformLogin.h"

#include "core/settings/SystemSettings.h"

#include "tools/Commands.h"
#include "tools/Terminal.h"

#include <QCoreApplication>
#include <QTextStream>
#include <QTimer>
#include <QUrl>

namespace ca::tool {

namespace {
struct LoginText {
    Q_DECLARE_TR_FUNCTIONS(PlatformLogin)
};
} // namespace

bool PlatformLogin::isOption(const QString &option)
{
    return option == QLatin1String("--server") || option == QLatin1String("--ca-bundle") || option == QLatin1String("--user")
        || option == QLatin1String("--password-file");
}

bool PlatformLogin::takeOption(const QString &option, const QString &value)
{
    if (option == QLatin1String("--server"))
        server = value;
    else if (option == QLatin1String("--ca-bundle"))
        caBundle = value;
    else if (option == QLatin1String("--user"))
        user = value;
    else if (option == QLatin1String("--password-file"))
        passwordFile = value;
    else
        return false;
    return true;
}

std::unique_ptr<PlatformClient> PlatformLogin::connect(QTextStream &err, int *exitCode) const
{
    const auto refuse = [&err, exitCode](const QString &sentence, int code) {
        err << "ca-tool: " << sentence << '\n';
        err.flush();
        *exitCode = code;
        return std::unique_ptr<PlatformClient>();
    };
    // Without --server (and --ca-bundle), the machine-wide settings the
    // installer wrote (SERVER_URL, CA_BUNDLE) hold, as for the desktop client.
    const std::unique_ptr<SystemSettings> machine = SystemSettings::forThisMachine();
    const QString server = this->server.isEmpty() ? machine->value(QStringLiteral("platform/server_url")).toString() : this->server;
    const QString caBundle = this->server.isEmpty() && this->caBundle.isEmpty()
        ? machine->value(QStringLiteral("platform/ca_bundle")).toString()
        : this->caBundle;
    if (server.isEmpty())
        return refuse(LoginText::tr("Give the platform address with --server URL."), ExitUsage);
    const QUrl url(server);
    if (!url.isValid() || url.scheme() != QLatin1String("https") || url.host().isEmpty())
        return refuse(LoginText::tr("--server must be an https:// address, e.g. https://platform.example:8443."), ExitUsage);
    if (user.isEmpty())
        return refuse(LoginText::tr("Give the account name with --user NAME."), ExitUsage);
    auto client = std::make_unique<PlatformClient>();
    client->setBaseUrl(url);
    QString error;
    if (!caBundle.isEmpty() && !client->setCaBundle(caBundle, &error))
        return refuse(error, ExitUsage);
    QString password;
    if (!passwordFile.isEmpty()) {
        if (!readFirstLine(passwordFile, &password, &error))
            return refuse(error, ExitUsage);
    } else if (!readSecretFromTerminal(LoginText::tr("Password for %1: ").arg(user), &password, &error)) {
        return refuse(error, ExitUsage);
    }
    PlatformClient *c = client.get();
    QObject::connect(c, &PlatformClient::authenticationRequired, c, [c] { QTimer::singleShot(0, c, [c] { c->abandonAuthentication(); }); });
    PlatformCall *login = c->login(user, password);
    login->setParent(c);
    login->waitForFinished();
    password.fill(QLatin1Char('\0'));
    if (!login->ok()) {
        *exitCode = reportPlatformError(login->error(), err);
        return nullptr;
    }
    return client;
}

int reportPlatformError(const PlatformError &error, QTextStream &err)
{
    err << "ca-tool: " << error.userMessage << '\n';
    for (const PlatformFieldError &f : error.fields)
        if (f.message != error.userMessage)
            err << "  " << f.field << ": " << f.message << '\n';
    if (!error.requestId.isEmpty())
        err << LoginText::tr("  (HTTP %1, request id %2)").arg(error.httpStatus).arg(error.requestId) << '\n';
    err.flush();
    switch (error.kind) {
    case PlatformError::Kind::Network:
    case PlatformError::Kind::Tls:
    case PlatformError::Kind::Cancelled:
        return ExitNetwork;
    default:
        return ExitRefused;
    }
}

} // namespace ca::tool
