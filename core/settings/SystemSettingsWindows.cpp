#include "core/settings/SystemSettings.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSettings>

namespace ca {

namespace {
// Written by the MSI (packaging/windows/ca-client.wxs) or by group policy.
const char kMachineKey[] = "HKEY_LOCAL_MACHINE\\Software\\ca-client";
} // namespace

QString SystemSettings::machineIniPath()
{
    // A portable copy: ca-client.ini beside the program.
    return QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("ca-client.ini"));
}

std::vector<std::unique_ptr<QSettings>> SystemSettings::machineLayers()
{
    std::vector<std::unique_ptr<QSettings>> out;
    // The 64-bit view of the registry, where a 64-bit MSI writes.
    out.push_back(std::make_unique<QSettings>(QString::fromLatin1(kMachineKey), QSettings::Registry64Format));
    const QString ini = machineIniPath();
    if (QFileInfo::exists(ini))
        out.push_back(std::make_unique<QSettings>(ini, QSettings::IniFormat));
    return out;
}

} // namespace ca
