#pragma once

#include "core/store/Draft.h"
#include "core/store/FieldSealer.h"
#include "core/store/LocalAttachment.h"
#include "core/store/PaymentIntent.h"
#include "core/store/StoreError.h"

#include <QCoreApplication>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

class QSqlQuery;
class QThread;

namespace ca {

// The client's local SQLite store: drafts (with a kept server copy after a
// version conflict), their attachment uploads, payment intents (idempotency
// keys) and small non-secret UI state.
//
// File: QStandardPaths::AppDataLocation/ca-client.sqlite unless a path is given
// to open(). Next to it, "<file>.key" holds the per-install key that encrypts
// protected draft fields (see below).
//
// Durability: WAL journal, synchronous=FULL. A call that returned ok has been
// committed and fsync'ed: it survives the process being killed (SIGKILL) and
// also a power loss or OS crash. NORMAL would already survive a killed
// process, but may lose the last commits on power loss; drafts are saved
// debounced (DraftAutosaver), at most a couple of times per second, so the
// extra fsync per commit costs nothing the user notices, and "a draft once
// saved is never lost" holds for power cuts too. foreign_keys=ON,
// secure_delete=ON (freed pages are zeroed), busy_timeout 5 s (ca-client and
// ca-tool may share the file).
//
// Schema: a numbered list of migration steps (PRAGMA user_version), all
// pending steps applied in ONE transaction: a failed step leaves the file at
// its old version. A file written by a newer program is refused with
// StoreError::Code::NewerSchema and left untouched.
//
// Secrets: never stored. saveDraft()/storeConflict() strip secret keys
// (SecretGuard: password, pin, so_pin, ...) from the JSON at any depth.
// The invoice bank account number is part of the application the user
// submits, so it must survive a restart ("nothing typed is lost"), but the
// house rule keeps bank account numbers out of the SQLite store: the store
// keeps it out of the plain JSON and writes it only encrypted (AES-256-GCM,
// per-install key file, owner-only permissions; FieldSealer). If the key file
// is lost, the draft still loads, without the account, with
// Draft::protectedFieldsLost set so the UI asks for it again.
//
// Threads: each LocalStore has its own named QSqlDatabase connection (unique
// name, so any number of stores can live in one process, also on the same
// file). Qt Sql connections may only be used by the thread that opened them:
// a LocalStore must be opened, used and destroyed on one thread; a call from
// another thread returns StoreError::Code::WrongThread instead of touching
// the connection. Every call is a short transaction on a small row; callers
// on the GUI thread are fine (DraftAutosaver debounces the saves).
//
// Errors are values (StoreResult / StoreStatus): a sentence for the user and
// the SQLite error text for the log. No call ever logs a field value.
class LocalStore
{
    Q_DECLARE_TR_FUNCTIONS(LocalStore)
public:
    LocalStore();
    ~LocalStore();
    LocalStore(const LocalStore &) = delete;
    LocalStore &operator=(const LocalStore &) = delete;

    // <AppDataLocation>/ca-client.sqlite
    static QString defaultPath();
    // The schema version this program writes.
    static int schemaVersion();
    // A new uuid (no braces) for drafts and idempotency keys.
    static QString newId();

    // Opens (creates) the database at path (defaultPath() when empty), applies
    // pending migrations and loads (creates) the install key.
    StoreStatus open(const QString &path = QString());
    void close();
    bool isOpen() const;
    QString path() const { return m_path; }
    QString keyPath() const;
    // True when the sealing key file could not be used and was replaced
    // (protected draft fields sealed with the old key are lost; logged).
    bool sealingKeyReplaced() const { return m_sealer.keyReplaced(); }

    // "ok" when PRAGMA integrity_check finds nothing; otherwise its first lines.
    StoreResult<QString> integrityCheck();

    // ---- drafts ----
    // Insert or update by draft.id (an empty id is an InvalidArgument error;
    // use newId()). Writes kind, json (secrets stripped, protected fields
    // encrypted) and page; sets dirty, bumps revision and updatedAt.
    // serverId/serverVersion are taken from `draft` only when the row is
    // created (e.g. a draft opened from a server application); afterwards only
    // markSynced() and resolveConflict() change them, so a stale in-memory copy
    // can never move the draft back to an old server version.
    // Returns the new revision.
    StoreResult<qint64> saveDraft(const Draft &draft);
    StoreResult<Draft> loadDraft(const QString &draftId);
    StoreResult<Draft> findDraftByServerId(const QString &serverId);
    // All drafts, most recently updated first.
    StoreResult<QList<Draft>> listDrafts();
    // Drafts with unsynced changes (dirty), oldest first: what to push when the server is back.
    StoreResult<QList<Draft>> dirtyDrafts();
    // Deletes the draft with its attachment records. Returns false when there was no such draft.
    StoreResult<bool> deleteDraft(const QString &draftId);
    // The server accepted the draft as serverId at version. If savedRevision is
    // given and the draft was saved again since (revision differs), the server
    // id/version are recorded but the draft stays dirty: those newer edits
    // still have to go up.
    StoreStatus markSynced(const QString &draftId, const QString &serverId, qint64 version,
                           std::optional<qint64> savedRevision = std::nullopt);

    // ---- version conflicts (HTTP 409): keep both ----
    // Keeps the server's copy next to the local draft (replacing an older kept copy).
    StoreStatus storeConflict(const QString &draftId, const QJsonObject &serverJson, qint64 serverVersion);
    // The kept server copy, or std::nullopt when the draft has no conflict.
    StoreResult<std::optional<DraftConflict>> conflict(const QString &draftId);
    // The user's choice; NotFound when the draft has no conflict.
    StoreStatus resolveConflict(const QString &draftId, ConflictResolution choice);

    // ---- attachment uploads of drafts ----
    // Adds a record (state "pending" unless given); sets id, idempotencyKey and times.
    StoreResult<LocalAttachment> addAttachment(const LocalAttachment &attachment);
    StoreResult<QList<LocalAttachment>> attachments(const QString &draftId);
    // Every record not yet uploaded (pending, uploading, failed), across drafts: resume after a restart.
    StoreResult<QList<LocalAttachment>> unfinishedAttachments();
    StoreStatus setAttachmentState(qint64 id, const QString &state, const QString &serverAttachmentId = QString());
    StoreStatus removeAttachment(qint64 id);

    // ---- payment intents ----
    // The active intent for (applicationId, channel), created (status
    // "requested", a new idempotency key) when there is none. Call it and use
    // its key BEFORE sending POST .../payments: after a crash the same key comes back.
    StoreResult<PaymentIntent> intentFor(const QString &applicationId, const QString &channel);
    // The platform answered: remember order_no and status ("open" | "paid" | "expired" | "closed").
    StoreStatus recordOrder(const QString &idempotencyKey, const QString &orderNo, const QString &status);
    // The order expired or was closed: the next intentFor() makes a new key.
    // status is "expired" or "closed". A paid intent is never closed (InvalidArgument).
    StoreStatus closeIntent(const QString &idempotencyKey, const QString &status = QStringLiteral("closed"));
    // Intents still waiting for the platform ("requested" or "open", not closed): polling resumes on them after a restart.
    StoreResult<QList<PaymentIntent>> pendingIntents();
    StoreResult<QList<PaymentIntent>> intentsForApplication(const QString &applicationId);

    // ---- idempotency keys of other repeatable writes ----
    // The key for one logical write that may be retried, e.g.
    // operationKey("submit", applicationId), operationKey("create", draftId):
    // created on first use, the same until finishOperation() (call it once the
    // server's answer is recorded), so a retry after a crash or a timeout
    // carries the same Idempotency-Key. (Payment orders use intentFor();
    // attachment uploads carry LocalAttachment::idempotencyKey.)
    StoreResult<QString> operationKey(const QString &operation, const QString &subject);
    StoreStatus finishOperation(const QString &operation, const QString &subject);

    // ---- small non-secret UI state (last page, window layout, ...) ----
    // Keys that look like secrets (SecretGuard::isSecretKey) are refused.
    StoreStatus setValue(const QString &key, const QString &value);
    StoreResult<QString> value(const QString &key, const QString &defaultValue = QString());
    StoreStatus removeValue(const QString &key);

private:
    StoreStatus checkUsable() const;
    StoreStatus configureConnection();
    StoreStatus migrate();
    StoreStatus begin();
    StoreStatus commit();
    void rollback();
    StoreError sqlError(const QSqlQuery &query, const char *step) const;
    StoreResult<Draft> draftFromQuery(const QSqlQuery &query);
    StoreResult<QList<Draft>> queryDrafts(const QString &where, const QVariantList &binds, const QString &order);
    StoreResult<QByteArray> sealFields(const QJsonObject &fields, const QString &draftId) const;
    std::optional<QJsonObject> unsealFields(const QByteArray &blob, const QString &draftId) const;
    StoreResult<PaymentIntent> intentByKey(const QString &idempotencyKey);
    // Runs a SELECT and maps every row with fromRow.
    template<typename T>
    StoreResult<QList<T>> selectAll(const QString &sql, const QVariantList &binds, T (*fromRow)(const QSqlQuery &),
                                    const char *step);

    QSqlDatabase m_db;
    QString m_connectionName;
    QString m_path;
    QThread *m_thread = nullptr;
    FieldSealer m_sealer;
};

} // namespace ca
