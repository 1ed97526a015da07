#include "core/settings/SystemSettings.h"

#include <QDir>
#include <QSettings>

namespace ca {

SystemSettings::SystemSettings() = default;
SystemSettings::~SystemSettings() = default;

std::unique_ptr<SystemSettings> SystemSettings::forThisMachine()
{
    const QString env = qEnvironmentVariable("CA_CLIENT_SYSTEM_INI");
    if (!env.isEmpty())
        return fromIni(env);
    auto s = std::make_unique<SystemSettings>();
    for (auto &layer : machineLayers())
        s->addLayer(std::move(layer));
    return s;
}

std::unique_ptr<SystemSettings> SystemSettings::fromIni(const QString &iniPath)
{
    auto s = std::make_unique<SystemSettings>();
    if (!iniPath.isEmpty())
        s->addLayer(std::make_unique<QSettings>(iniPath, QSettings::IniFormat));
    return s;
}

QString SystemSettings::defaultIniPath()
{
    const QString env = qEnvironmentVariable("CA_CLIENT_SYSTEM_INI");
    return env.isEmpty() ? machineIniPath() : env;
}

void SystemSettings::addLayer(std::unique_ptr<QSettings> layer)
{
    m_layers.push_back(std::move(layer));
}

namespace {
// An installer property left empty writes an empty value: that sets nothing.
bool hasValue(const QSettings &layer, const QString &key)
{
    return layer.contains(key) && !layer.value(key).toString().isEmpty();
}
} // namespace

bool SystemSettings::contains(const QString &key) const
{
    for (const auto &l : m_layers) {
        if (hasValue(*l, key))
            return true;
    }
    return false;
}

QVariant SystemSettings::value(const QString &key) const
{
    for (const auto &l : m_layers) {
        if (hasValue(*l, key))
            return l->value(key);
    }
    return {};
}

QString SystemSettings::sourceOf(const QString &key) const
{
    for (const auto &l : m_layers) {
        if (hasValue(*l, key))
            return QDir::toNativeSeparators(l->fileName());
    }
    return {};
}

QStringList SystemSettings::sources() const
{
    QStringList out;
    for (const auto &l : m_layers)
        out.append(QDir::toNativeSeparators(l->fileName()));
    return out;
}

} // namespace ca
