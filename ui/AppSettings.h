#pragma once

#include <QObject>
#include <QString>
#include <QVariant>

#include <memory>

class QSettings;

namespace ca {
class SystemSettings;
}

namespace ca::ui {

// The client's settings, KeePassXC style: an enum of keys with a table of
// defaults. Lookup order: session override (command line, never written) >
// user settings (INI, QSettings UserScope, or $CA_CLIENT_DATA_DIR/ca-client.ini)
// > machine-wide settings the installer writes (ca::SystemSettings: the
// registry key HKLM\Software\ca-client, or ca-client.ini beside the program,
// on Windows; /etc/xdg/ca-client/ca-client.ini on Linux) > built-in default.
// No password, PIN or account number is ever a setting.
class AppSettings : public QObject
{
    Q_OBJECT
public:
    enum class Key {
        ServerUrl,       // "platform/server_url"   e.g. https://ca.example.cn:8443
        CaBundle,        // "platform/ca_bundle"    PEM file trusted in addition to the system CAs ("" = system only)
        Language,        // "ui/language"           "" (system) | "zh_CN" | "en"
        Pkcs11Module,    // "token/module"          vendor PKCS#11 library ("" = discovery)
        LastUsername,    // "login/last_username"   prefilled in the login dialog
        WindowGeometry,  // "ui/window_geometry"    QByteArray
        PollIntervalSeconds, // "platform/poll_interval_seconds" status polling
    };
    Q_ENUM(Key)

    // User settings in the standard place (or $CA_CLIENT_DATA_DIR), system defaults from the installer's INI.
    explicit AppSettings(QObject *parent = nullptr);
    // Explicit files (tests); systemIni may be empty (no system defaults).
    AppSettings(const QString &userIni, const QString &systemIni, QObject *parent = nullptr);
    // A user INI over the given machine-wide layers.
    AppSettings(const QString &userIni, std::unique_ptr<ca::SystemSettings> system, QObject *parent = nullptr);
    ~AppSettings() override;

    QVariant value(Key key) const;
    // Persisted in the user settings (removes any session override of the key).
    void setValue(Key key, const QVariant &value);
    // Back to the system default / built-in default.
    void reset(Key key);
    // For this run only; never written.
    void setSessionOverride(Key key, const QVariant &value);
    bool hasSessionOverride(Key key) const;
    // The value without the session override (what the settings dialog edits).
    QVariant storedValue(Key key) const;
    void sync();

    QString serverUrl() const { return value(Key::ServerUrl).toString(); }
    QString caBundle() const { return value(Key::CaBundle).toString(); }
    QString language() const { return value(Key::Language).toString(); }
    QString pkcs11Module() const { return value(Key::Pkcs11Module).toString(); }

    static QString keyName(Key key);
    static QVariant defaultValue(Key key);
    QString userIniPath() const;
    QString systemIniPath() const;
    // The default system INI location on this OS.
    static QString defaultSystemIniPath();

Q_SIGNALS:
    void changed(ca::ui::AppSettings::Key key);

private:
    std::unique_ptr<QSettings> m_user;
    std::unique_ptr<ca::SystemSettings> m_system;
    QVariantMap m_overrides;
};

} // namespace ca::ui
