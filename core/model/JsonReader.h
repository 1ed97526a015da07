#pragma once

// Strict, crash-free reading of the application JSON.
//
// Every type of the model has `static T read(const JsonReader &reader)`, which
// takes what it can and records one JsonIssue per offending key (with its full
// key path, e.g. "invoice.tax_id" or "attachments[2].state"). The parser never
// throws and never asserts on hostile input: wrong types, unknown enum words,
// out-of-range or fractional numbers and missing required keys all become
// issues. Unknown keys are ignored (the server decides whether to refuse them).
// A JSON null counts as an absent key.
//
//   Parsed<Application> p = parseJson<Application>(QJsonValue(object));
//   if (!p.ok()) for (const JsonIssue &i : p.issues) qWarning() << i.path << i.message;

#include "core/model/Enums.h"
#include "core/model/Money.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace ca {

struct JsonIssue {
    QString path;    // key path, e.g. "order.quantity"; "" for the document itself
    QString message; // a whole translated sentence naming the key
    bool operator==(const JsonIssue &) const = default;
};

template <typename T> struct Parsed {
    T value{};               // best effort: defaults stand in for offending keys
    QList<JsonIssue> issues; // empty when the input was fine
    bool ok() const { return issues.isEmpty(); }
};

class JsonReader
{
    Q_DECLARE_TR_FUNCTIONS(ca::JsonReader)
public:
    enum Presence { Optional, Required };

    JsonReader(const QJsonObject &object, QList<JsonIssue> *issues, const QString &path = QString());

    const QJsonObject &object() const { return m_object; }
    const QString &path() const { return m_path; }
    QString pathOf(const char *key) const;
    bool has(const char *key) const; // present and not null
    void addIssue(const QString &path, const QString &message) const;

    QString string(const char *key, Presence presence = Optional) const;
    // A whole number in [min, max]; `fallback` when absent or bad.
    qint64 integer(const char *key, qint64 min, qint64 max, qint64 fallback, Presence presence = Optional) const;
    Money money(const char *key, Presence presence = Optional) const;
    // ISO 8601 with a zone designator ("Z" or "+08:00"); returned in UTC. Null when absent or bad.
    QDateTime time(const char *key, Presence presence = Optional) const;
    // 64 hex digits (SHA-256), returned lower case; "" when absent or bad.
    QString sha256(const char *key, Presence presence = Optional) const;

    template <typename E> E enumeration(const char *key, E fallback, Presence presence = Optional) const
    {
        const QJsonValue v = value(key, presence);
        if (v.isUndefined())
            return fallback;
        if (!v.isString()) {
            typeIssue(key, Type::String);
            return fallback;
        }
        const QString word = v.toString();
        if (const auto e = enumFromWord<E>(word))
            return *e;
        enumIssue(key, word, enumWords<E>());
        return fallback;
    }

    // A nested object; std::nullopt when absent (or not an object: an issue is recorded).
    std::optional<JsonReader> child(const char *key, Presence presence = Optional) const;

    // An array of objects, each read with T::read; items of the wrong type are skipped with an issue.
    template <typename T> QList<T> objects(const char *key, Presence presence = Optional) const
    {
        QList<T> out;
        const QJsonValue v = value(key, presence);
        if (v.isUndefined())
            return out;
        if (!v.isArray()) {
            typeIssue(key, Type::Array);
            return out;
        }
        const QJsonArray array = v.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            const QString itemPath = pathOf(key) + QLatin1Char('[') + QString::number(i) + QLatin1Char(']');
            const QJsonValue item = array.at(i);
            if (!item.isObject()) {
                addIssue(itemPath, tr("Each item of \"%1\" must be a JSON object.").arg(pathOf(key)));
                continue;
            }
            out.append(T::read(JsonReader(item.toObject(), m_issues, itemPath)));
        }
        return out;
    }

private:
    enum class Type { String, Number, Object, Array };
    QJsonValue value(const char *key, Presence presence) const; // Undefined when absent (issue if required)
    void typeIssue(const char *key, Type expected) const;
    void enumIssue(const char *key, const QString &word, const QStringList &allowed) const;

    QJsonObject m_object;
    QList<JsonIssue> *m_issues;
    QString m_path;
};

// Reads a whole T from a JSON value (which must be an object).
template <typename T> Parsed<T> parseJson(const QJsonValue &value, const QString &path = QString())
{
    Parsed<T> parsed;
    if (!value.isObject()) {
        parsed.issues.append({path, QCoreApplication::translate("ca::JsonReader", "The document must be a JSON object.")});
        return parsed;
    }
    parsed.value = T::read(JsonReader(value.toObject(), &parsed.issues, path));
    return parsed;
}

// Reads a whole T from JSON text; a syntax error becomes one issue with path "".
template <typename T> Parsed<T> parseJsonText(const QByteArray &text);

// Writes an optional time: absent when null.
void insertTime(QJsonObject &object, const char *key, const QDateTime &time);
// ISO 8601 UTC text of a time ("2026-11-21T10:00:00Z"; milliseconds only when non-zero).
QString timeToJson(const QDateTime &time);

} // namespace ca

#include <QJsonDocument>
#include <QJsonParseError>

template <typename T> ca::Parsed<T> ca::parseJsonText(const QByteArray &text)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(text, &error);
    if (error.error != QJsonParseError::NoError) {
        Parsed<T> parsed;
        parsed.issues.append({QString(), QCoreApplication::translate("ca::JsonReader",
                                                                     "The text is not valid JSON (%1 at character %2).")
                                             .arg(error.errorString())
                                             .arg(error.offset)});
        return parsed;
    }
    return parseJson<T>(doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(doc.array()));
}
