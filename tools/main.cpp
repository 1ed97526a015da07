#include "tools/Commands.h"
#include "tools/Terminal.h"

#include "i18n/Translations.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

namespace {

const char *const kUsage =
    "Usage: ca-tool <command> [options] [arguments]\n"
    "\n"
    "Commands:\n"
    "  validate      check a field value or a whole application JSON file\n"
    "  application   work with CA applications on the platform\n"
    "  token         work with the USB key (PKCS#11 token)\n"
    "  config        show the machine-wide settings (server, CA bundle, module)\n"
    "\n"
    "Run 'ca-tool <command> --help' for the options of a command.\n";

// --lang is common to every command and must be known before any message is
// translated, so it is taken out of the arguments here.
QString takeLanguage(QStringList &args)
{
    QString lang;
    for (int i = 0; i < args.size(); ++i) {
        const QString &a = args.at(i);
        if (a == QLatin1String("--lang") && i + 1 < args.size()) {
            lang = args.at(i + 1);
            args.remove(i, 2);
            --i;
        } else if (a.startsWith(QLatin1String("--lang="))) {
            lang = a.mid(7);
            args.removeAt(i);
            --i;
        }
    }
    return lang;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("ca-client"));
    QCoreApplication::setApplicationName(QStringLiteral("ca-client"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PROJECT_VERSION_STRING));

    ca::tool::prepareConsole();
    QTextStream out(stdout);
    QTextStream err(stderr);
    ca::tool::Io io{out, err};

    QStringList args = QCoreApplication::arguments().mid(1);
    ca::i18n::install(app, takeLanguage(args));

    if (args.isEmpty() || args.first() == QLatin1String("--help") || args.first() == QLatin1String("-h")) {
        (args.isEmpty() ? err : out) << kUsage;
        return args.isEmpty() ? ca::tool::ExitUsage : ca::tool::ExitOk;
    }
    if (args.first() == QLatin1String("--version")) {
        out << "ca-tool " << QCoreApplication::applicationVersion() << '\n';
        return ca::tool::ExitOk;
    }
    const QString command = args.takeFirst();
    if (command == QLatin1String("validate"))
        return ca::tool::runValidate(args, io);
    if (command == QLatin1String("application"))
        return ca::tool::runApplication(args, io);
    if (command == QLatin1String("token"))
        return ca::tool::runToken(args, io);
    if (command == QLatin1String("config"))
        return ca::tool::runConfig(args, io);
    err << "ca-tool: unknown command '" << command << "'\n\n" << kUsage;
    return ca::tool::ExitUsage;
}
