#include "ui/AppSettings.h"

#include "core/settings/SystemSettings.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>

namespace ca::ui {

using ca::SystemSettings;

namespace {

struct KeyEntry {
    AppSettings::Key key;
    const char *name;
    QVariant defaultValue;
};

const QList<KeyEntry> &keyTable()
{
    static const QList<KeyEntry> table{
        {AppSettings::Key::ServerUrl, "platform/server_url", QString()},
        {AppSettings::Key::CaBundle, "platform/ca_bundle", QString()},
        {AppSettings::Key::Language, "ui/language", QString()},
        {AppSettings::Key::Pkcs11Module, "token/module", QString()},
        {AppSettings::Key::LastUsername, "login/last_username", QString()},
        {AppSettings::Key::WindowGeometry, "ui/window_geometry", QByteArray()},
        {AppSettings::Key::PollIntervalSeconds, "platform/poll_interval_seconds", 15},
    };
    return table;
}

const KeyEntry &entry(AppSettings::Key key)
{
    for (const KeyEntry &e : keyTable()) {
        if (e.key == key)
            return e;
    }
    Q_UNREACHABLE();
}

QString userIniDefault()
{
    const QString dataDir = qEnvironmentVariable("CA_CLIENT_DATA_DIR");
    if (!dataDir.isEmpty())
        return QDir(dataDir).filePath(QStringLiteral("ca-client.ini"));
    QSettings probe(QSettings::IniFormat, QSettings::UserScope, QStringLiteral("ca-client"), QStringLiteral("ca-client"));
    return probe.fileName();
}

} // namespace

QString AppSettings::defaultSystemIniPath()
{
    return SystemSettings::defaultIniPath();
}

AppSettings::AppSettings(QObject *parent)
    : AppSettings(userIniDefault(), SystemSettings::forThisMachine(), parent)
{
}

AppSettings::AppSettings(const QString &userIni, const QString &systemIni, QObject *parent)
    : AppSettings(userIni, SystemSettings::fromIni(systemIni), parent)
{
}

AppSettings::AppSettings(const QString &userIni, std::unique_ptr<SystemSettings> system, QObject *parent)
    : QObject(parent)
    , m_user(std::make_unique<QSettings>(userIni, QSettings::IniFormat))
    , m_system(std::move(system))
{
}

AppSettings::~AppSettings() = default;

QString AppSettings::keyName(Key key)
{
    return QString::fromLatin1(entry(key).name);
}

QVariant AppSettings::defaultValue(Key key)
{
    return entry(key).defaultValue;
}

QVariant AppSettings::storedValue(Key key) const
{
    const QString name = keyName(key);
    if (m_user->contains(name))
        return m_user->value(name);
    if (m_system->contains(name))
        return m_system->value(name);
    return defaultValue(key);
}

QVariant AppSettings::value(Key key) const
{
    const QString name = keyName(key);
    const auto it = m_overrides.constFind(name);
    if (it != m_overrides.constEnd())
        return *it;
    return storedValue(key);
}

void AppSettings::setValue(Key key, const QVariant &value)
{
    const QString name = keyName(key);
    m_overrides.remove(name);
    m_user->setValue(name, value);
    m_user->sync();
    Q_EMIT changed(key);
}

void AppSettings::reset(Key key)
{
    m_user->remove(keyName(key));
    m_user->sync();
    Q_EMIT changed(key);
}

void AppSettings::setSessionOverride(Key key, const QVariant &value)
{
    m_overrides.insert(keyName(key), value);
    Q_EMIT changed(key);
}

bool AppSettings::hasSessionOverride(Key key) const
{
    return m_overrides.contains(keyName(key));
}

void AppSettings::sync()
{
    m_user->sync();
}

QString AppSettings::userIniPath() const
{
    return m_user->fileName();
}

QString AppSettings::systemIniPath() const
{
    const QStringList sources = m_system->sources();
    return sources.isEmpty() ? QString() : sources.last();
}

} // namespace ca::ui
