#include "core/store/SecretGuard.h"

#include <QJsonArray>
#include <QSet>

namespace ca {

namespace {

void stripValue(QJsonValue &value, const QString &path, QStringList &removed);

void stripObject(QJsonObject &obj, const QString &prefix, QStringList &removed)
{
    for (auto it = obj.begin(); it != obj.end();) {
        const QString path = prefix.isEmpty() ? it.key() : prefix + QLatin1Char('.') + it.key();
        if (SecretGuard::isSecretKey(it.key())) {
            removed << path;
            it = obj.erase(it);
            continue;
        }
        if (it->isObject() || it->isArray()) {
            QJsonValue v = *it;
            stripValue(v, path, removed);
            *it = v;
        }
        ++it;
    }
}

void stripValue(QJsonValue &value, const QString &path, QStringList &removed)
{
    if (value.isObject()) {
        QJsonObject o = value.toObject();
        stripObject(o, path, removed);
        value = o;
    } else if (value.isArray()) {
        QJsonArray a = value.toArray();
        for (qsizetype i = 0; i < a.size(); ++i) {
            QJsonValue v = a.at(i);
            if (v.isObject() || v.isArray()) {
                stripValue(v, path + QStringLiteral("[%1]").arg(i), removed);
                a.replace(i, v);
            }
        }
        value = a;
    }
}

} // namespace

bool SecretGuard::isSecretKey(const QString &key)
{
    static const QSet<QString> secret = {
        QStringLiteral("password"),     QStringLiteral("passwd"),        QStringLiteral("pin"),
        QStringLiteral("user_pin"),     QStringLiteral("so_pin"),        QStringLiteral("old_pin"),
        QStringLiteral("new_pin"),      QStringLiteral("puk"),           QStringLiteral("passphrase"),
        QStringLiteral("secret"),       QStringLiteral("token"),         QStringLiteral("access_token"),
        QStringLiteral("bearer"),       QStringLiteral("private_key"),   QStringLiteral("sms_code"),
        QStringLiteral("verification_code"),
    };
    return secret.contains(key.toLower());
}

QStringList SecretGuard::stripSecrets(QJsonObject &json)
{
    QStringList removed;
    stripObject(json, QString(), removed);
    return removed;
}

const QStringList &SecretGuard::protectedPaths()
{
    static const QStringList paths = {QStringLiteral("invoice.account")};
    return paths;
}

QJsonObject SecretGuard::splitProtected(QJsonObject &json)
{
    QJsonObject out;
    for (const QString &path : protectedPaths()) {
        const QStringList parts = path.split(QLatin1Char('.'));
        // Protected paths are object.key (two levels), which is all we need.
        Q_ASSERT(parts.size() == 2);
        if (!json.value(parts[0]).isObject())
            continue;
        QJsonObject inner = json.value(parts[0]).toObject();
        if (!inner.contains(parts[1]))
            continue;
        out.insert(path, inner.take(parts[1]));
        json.insert(parts[0], inner);
    }
    return out;
}

void SecretGuard::mergeProtected(QJsonObject &json, const QJsonObject &fields)
{
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        const QStringList parts = it.key().split(QLatin1Char('.'));
        if (parts.size() != 2)
            continue;
        QJsonObject inner = json.value(parts[0]).toObject();
        inner.insert(parts[1], it.value());
        json.insert(parts[0], inner);
    }
}

} // namespace ca
