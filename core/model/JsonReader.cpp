#include "core/model/JsonReader.h"

#include <QRegularExpression>

#include <cmath>

namespace ca {

namespace {

// Hostile input can carry megabytes in one string: quote at most this much.
QString quoted(const QString &text)
{
    constexpr qsizetype MaxQuoted = 40;
    if (text.size() <= MaxQuoted)
        return text;
    return text.left(MaxQuoted) + QStringLiteral("…");
}

} // namespace

JsonReader::JsonReader(const QJsonObject &object, QList<JsonIssue> *issues, const QString &path)
    : m_object(object), m_issues(issues), m_path(path)
{
}

QString JsonReader::pathOf(const char *key) const
{
    const QString k = QString::fromLatin1(key);
    return m_path.isEmpty() ? k : m_path + QLatin1Char('.') + k;
}

bool JsonReader::has(const char *key) const
{
    const QJsonValue v = m_object.value(QLatin1StringView(key));
    return !v.isUndefined() && !v.isNull();
}

void JsonReader::addIssue(const QString &path, const QString &message) const
{
    if (m_issues)
        m_issues->append({path, message});
}

QJsonValue JsonReader::value(const char *key, Presence presence) const
{
    const QJsonValue v = m_object.value(QLatin1StringView(key));
    if (v.isUndefined() || v.isNull()) {
        if (presence == Required)
            addIssue(pathOf(key), tr("The key \"%1\" is missing; it is required.").arg(pathOf(key)));
        return QJsonValue(QJsonValue::Undefined);
    }
    return v;
}

void JsonReader::typeIssue(const char *key, Type expected) const
{
    const QString p = pathOf(key);
    switch (expected) {
    case Type::String:
        addIssue(p, tr("The value of \"%1\" must be a JSON string.").arg(p));
        break;
    case Type::Number:
        addIssue(p, tr("The value of \"%1\" must be a JSON number.").arg(p));
        break;
    case Type::Object:
        addIssue(p, tr("The value of \"%1\" must be a JSON object.").arg(p));
        break;
    case Type::Array:
        addIssue(p, tr("The value of \"%1\" must be a JSON array.").arg(p));
        break;
    }
}

void JsonReader::enumIssue(const char *key, const QString &word, const QStringList &allowed) const
{
    const QString p = pathOf(key);
    addIssue(p, tr("The value of \"%1\" is \"%2\", which is not one of the allowed words: %3.")
                    .arg(p, quoted(word), allowed.join(QStringLiteral(", "))));
}

QString JsonReader::string(const char *key, Presence presence) const
{
    const QJsonValue v = value(key, presence);
    if (v.isUndefined())
        return QString();
    if (!v.isString()) {
        typeIssue(key, Type::String);
        return QString();
    }
    return v.toString();
}

qint64 JsonReader::integer(const char *key, qint64 min, qint64 max, qint64 fallback, Presence presence) const
{
    const QJsonValue v = value(key, presence);
    if (v.isUndefined())
        return fallback;
    if (!v.isDouble()) {
        typeIssue(key, Type::Number);
        return fallback;
    }
    const double d = v.toDouble();
    if (!std::isfinite(d) || d != std::floor(d) || d < double(min) || d > double(max)) {
        addIssue(pathOf(key), tr("The value of \"%1\" must be a whole number from %2 to %3.")
                                  .arg(pathOf(key)).arg(min).arg(max));
        return fallback;
    }
    return qint64(d);
}

Money JsonReader::money(const char *key, Presence presence) const
{
    const QJsonValue v = value(key, presence);
    if (v.isUndefined())
        return Money();
    if (!v.isString()) {
        addIssue(pathOf(key), tr("The value of \"%1\" must be an amount in yuan written as a string, such as \"300.00\".")
                                  .arg(pathOf(key)));
        return Money();
    }
    if (const auto m = Money::fromString(v.toString()))
        return *m;
    addIssue(pathOf(key), tr("The value of \"%1\" is \"%2\", which is not an amount in yuan with at most two decimals, "
                             "such as \"300.00\".")
                              .arg(pathOf(key), quoted(v.toString())));
    return Money();
}

QDateTime JsonReader::time(const char *key, Presence presence) const
{
    const QJsonValue v = value(key, presence);
    if (v.isUndefined())
        return QDateTime();
    if (!v.isString()) {
        typeIssue(key, Type::String);
        return QDateTime();
    }
    const QString text = v.toString();
    // Shape first (Qt's parser is lenient): date 'T' time, optional fraction, zone.
    static const QRegularExpression shape(QStringLiteral(
        "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,3})?(Z|[+-]\\d{2}:\\d{2})$"));
    QDateTime t;
    if (text.size() <= 40 && shape.match(text).hasMatch())
        t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!t.isValid() || t.timeSpec() == Qt::LocalTime) {
        addIssue(pathOf(key), tr("The value of \"%1\" is \"%2\", which is not a date and time in ISO 8601 form with a "
                                 "time zone, such as \"2026-11-21T10:00:00Z\".")
                                  .arg(pathOf(key), quoted(text)));
        return QDateTime();
    }
    return t.toUTC();
}

QString JsonReader::sha256(const char *key, Presence presence) const
{
    const QJsonValue v = value(key, presence);
    if (v.isUndefined())
        return QString();
    if (!v.isString()) {
        typeIssue(key, Type::String);
        return QString();
    }
    const QString text = v.toString();
    static const QRegularExpression hex(QStringLiteral("^[0-9a-fA-F]{64}$"));
    if (text.isEmpty() && presence == Optional)
        return QString();
    if (!hex.match(text).hasMatch()) {
        addIssue(pathOf(key), tr("The value of \"%1\" must be a SHA-256 digest written as 64 hexadecimal digits.")
                                  .arg(pathOf(key)));
        return QString();
    }
    return text.toLower();
}

std::optional<JsonReader> JsonReader::child(const char *key, Presence presence) const
{
    const QJsonValue v = value(key, presence);
    if (v.isUndefined())
        return std::nullopt;
    if (!v.isObject()) {
        typeIssue(key, Type::Object);
        return std::nullopt;
    }
    return JsonReader(v.toObject(), m_issues, pathOf(key));
}

QString timeToJson(const QDateTime &time)
{
    if (!time.isValid())
        return QString();
    const QDateTime utc = time.toUTC();
    return utc.toString(utc.time().msec() ? Qt::ISODateWithMs : Qt::ISODate);
}

void insertTime(QJsonObject &object, const char *key, const QDateTime &time)
{
    if (time.isValid())
        object.insert(QLatin1StringView(key), timeToJson(time));
}

} // namespace ca
