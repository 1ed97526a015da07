#include "Settings.h"

#include "Context.h"
#include "Module.h"
#include "Sql.h"

namespace ca::sandbox {

namespace {
class SettingsModule : public Module
{
public:
    QString name() const override { return QStringLiteral("settings"); }
    int order() const override { return 1; }
    void addMigrations(Context &context) override
    {
        context.addMigration(QStringLiteral("settings-001"),
                             {QStringLiteral("CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)")});
    }
};
} // namespace

CA_SANDBOX_MODULE(SettingsModule)

QString Settings::value(Context &context, const QString &key, const QString &fallback)
{
    QSqlQuery q = Sql::exec(context.db(), QStringLiteral("SELECT value FROM settings WHERE key = ?"), {key});
    return q.next() ? q.value(0).toString() : fallback;
}

void Settings::setValue(Context &context, const QString &key, const QString &value)
{
    Sql::exec(context.db(), QStringLiteral("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value"),
              {key, value});
}

} // namespace ca::sandbox
