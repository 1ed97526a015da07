#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace ca {

// One locally kept application draft (the agreed application JSON, see
// docs/application-json.md) plus what the client needs to sync it.
struct Draft {
    QString id;               // local draft id (uuid, no braces); LocalStore::newId() makes one
    QString serverId;         // server application id ("A2026…"); empty until created on the server
    qint64 serverVersion = 0; // server version (= ETag) the local content is based on; 0 = never synced
    QString kind;             // "new" | "reissue" | "change" | "renewal" | "existing"
    QJsonObject json;         // the application JSON as the user left it (secrets stripped)
    QString page;             // wizard page the user was on (free-form page name)
    bool dirty = true;        // local changes not yet on the server
    qint64 revision = 0;      // local save counter, bumped by every saveDraft()
    QDateTime createdAt;      // UTC, set by the store
    QDateTime updatedAt;      // UTC, set by the store
    bool hasConflict = false; // a server copy waits for the user's choice (see conflict())
    // True when a protected field (the invoice bank account) could not be
    // decrypted (install key lost or replaced): the field is absent from json
    // and the user must type it again.
    bool protectedFieldsLost = false;
};

// The server's copy kept next to a draft after a 409 (version conflict).
struct DraftConflict {
    QString draftId;
    QJsonObject serverJson;
    qint64 serverVersion = 0;
    QDateTime receivedAt;
    bool protectedFieldsLost = false;
};

enum class ConflictResolution {
    KeepLocal,  // keep the local content; it becomes based on the server's version (the next PUT overwrites it, by choice)
    TakeServer, // replace the local content with the server's copy; the draft is clean afterwards
};

} // namespace ca
