#pragma once

#include <QString>
#include <QStringList>
#include <QVariant>

#include <memory>
#include <vector>

class QSettings;

namespace ca {

// The machine-wide settings an administrator or the installer sets for every
// user of the computer: read-only here, below the user's own settings and
// above the built-in defaults. Layers, first match wins:
//   - Windows: the registry key HKLM\Software\ca-client (the MSI's
//     SERVER_URL, CA_BUNDLE and PKCS11_MODULE properties land there), then
//     ca-client.ini beside ca-client.exe (a portable copy);
//   - POSIX: the system INI, /etc/xdg/ca-client/ca-client.ini.
// $CA_CLIENT_SYSTEM_INI names one INI instead of all of them (tests, helpdesk).
// Keys are the settings' names ("platform/server_url", ...).
class SystemSettings
{
public:
    SystemSettings();
    ~SystemSettings();
    SystemSettings(const SystemSettings &) = delete;
    SystemSettings &operator=(const SystemSettings &) = delete;

    // The layers of this computer (as above).
    static std::unique_ptr<SystemSettings> forThisMachine();
    // One INI file only (empty path: no layer at all).
    static std::unique_ptr<SystemSettings> fromIni(const QString &iniPath);

    bool contains(const QString &key) const;
    QVariant value(const QString &key) const;
    // Where a key's value comes from (a registry key or a file), empty when unset.
    QString sourceOf(const QString &key) const;
    // Every layer, in order (for the log and `ca-tool config`).
    QStringList sources() const;
    // The INI layer's path on this OS (the first INI layer when there are several).
    static QString defaultIniPath();

private:
    void addLayer(std::unique_ptr<QSettings> layer);
    // The platform's own layers (SystemSettingsPosix.cpp / SystemSettingsWindows.cpp).
    static std::vector<std::unique_ptr<QSettings>> machineLayers();
    static QString machineIniPath();

    std::vector<std::unique_ptr<QSettings>> m_layers;
};

} // namespace ca
