#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace ca {

// Keeps secrets out of the local store.
//
// 1. Secret keys (passwords, PINs, SO PINs, tokens, ...) are never written:
//    stripSecrets() removes them at any depth of a draft's JSON before it is
//    saved. They do not belong to an application and nothing may persist them.
// 2. Protected fields (the invoice bank account number) ARE part of the
//    application the user submits, so "nothing typed is lost" requires them
//    to survive a restart, while the house rule says bank account numbers
//    never reach the SQLite store in plain text. splitProtected() takes them
//    out of the JSON so LocalStore can keep them encrypted (FieldSealer) in a
//    separate column; mergeProtected() puts them back on load.
class SecretGuard
{
public:
    // true for a key name that must never be stored (case-insensitive):
    // password, passwd, pin, user_pin, so_pin, old_pin, new_pin, puk, passphrase,
    // secret, token, access_token, bearer, private_key, sms_code, verification_code.
    static bool isSecretKey(const QString &key);

    // Removes secret keys at any depth (objects inside objects and arrays).
    // Returns the dotted paths of what was removed (names only, for the log).
    static QStringList stripSecrets(QJsonObject &json);

    // The dotted paths of protected fields: {"invoice.account"}.
    static const QStringList &protectedPaths();

    // Moves the protected fields out of json into the returned object
    // {"invoice.account": "…"}; empty when json had none.
    static QJsonObject splitProtected(QJsonObject &json);
    // Puts the fields of splitProtected() back.
    static void mergeProtected(QJsonObject &json, const QJsonObject &fields);
};

} // namespace ca
