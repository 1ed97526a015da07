// ca-tool config: the settings this computer gives every user (what the
// installer or an administrator set), and where each comes from. For IT
// after a silent MSI install and for the helpdesk on the phone.
#include "tools/Commands.h"

#include "core/settings/SystemSettings.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

namespace ca::tool {

namespace {

struct ConfigText {
    Q_DECLARE_TR_FUNCTIONS(ConfigCommand)
};

const char *const kConfigUsage =
    "Usage: ca-tool config [--json]\n"
    "\n"
    "Shows the machine-wide settings (server URL, CA bundle, PKCS#11 module) and\n"
    "where each comes from: on Windows the registry key HKLM\\Software\\ca-client\n"
    "(the MSI's SERVER_URL, CA_BUNDLE and PKCS11_MODULE), then ca-client.ini beside\n"
    "the program; on Linux /etc/xdg/ca-client/ca-client.ini.\n";

} // namespace

int runConfig(const QStringList &args, Io io)
{
    bool json = false;
    for (const QString &a : args) {
        if (a == QLatin1String("--json")) {
            json = true;
        } else if (a == QLatin1String("--help") || a == QLatin1String("-h")) {
            io.out << kConfigUsage;
            return ExitOk;
        } else {
            io.err << "ca-tool config: " << ConfigText::tr("unknown option '%1'.").arg(a) << "\n\n" << kConfigUsage;
            return ExitUsage;
        }
    }
    const std::unique_ptr<SystemSettings> machine = SystemSettings::forThisMachine();
    const QList<QPair<QString, QString>> keys{
        {QStringLiteral("platform/server_url"), ConfigText::tr("Platform server")},
        {QStringLiteral("platform/ca_bundle"), ConfigText::tr("CA bundle")},
        {QStringLiteral("token/module"), ConfigText::tr("PKCS#11 module")},
    };
    if (json) {
        QJsonObject o;
        for (const auto &[key, label] : keys) {
            Q_UNUSED(label);
            o.insert(key, QJsonObject{{QStringLiteral("value"), machine->value(key).toString()},
                                      {QStringLiteral("source"), machine->sourceOf(key)}});
        }
        io.out << QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Indented));
        return ExitOk;
    }
    io.out << ConfigText::tr("Machine-wide settings (read in this order):") << '\n';
    for (const QString &source : machine->sources())
        io.out << "  " << source << '\n';
    for (const auto &[key, label] : keys) {
        const QString value = machine->value(key).toString();
        io.out << label << ": "
               << (value.isEmpty() ? ConfigText::tr("(not set)")
                                   : ConfigText::tr("%1 (from %2)").arg(value, machine->sourceOf(key)))
               << '\n';
    }
    return ExitOk;
}

} // namespace ca::tool
