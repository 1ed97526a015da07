#include "core/settings/SystemSettings.h"

#include <QSettings>

namespace ca {

QString SystemSettings::machineIniPath()
{
    QSettings probe(QSettings::IniFormat, QSettings::SystemScope, QStringLiteral("ca-client"), QStringLiteral("ca-client"));
    return probe.fileName(); // /etc/xdg/ca-client/ca-client.ini
}

std::vector<std::unique_ptr<QSettings>> SystemSettings::machineLayers()
{
    std::vector<std::unique_ptr<QSettings>> out;
    out.push_back(std::make_unique<QSettings>(machineIniPath(), QSettings::IniFormat));
    return out;
}

} // namespace ca
