#include "core/store/LocalStore.h"

#include "core/Log.h"
#include "core/store/SecretGuard.h"

#include <QAtomicInteger>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QThread>
#include <QUuid>
#include <QVariant>

#include <vector>

namespace ca {

namespace {

// ---------------------------------------------------------------------------
// Schema: numbered migration steps. NEVER edit a released step; append a new
// one. Every pending step runs inside one transaction (LocalStore::migrate).
// ---------------------------------------------------------------------------
struct MigrationStep {
    int version;
    const char *what;
    std::vector<const char *> sql;
    // Runs after the SQL of the step: move protected fields of existing rows
    // into the encrypted column and strip secrets (rows written by v1).
    bool sanitizeDrafts = false;
};

const std::vector<MigrationStep> &migrationSteps()
{
    static const std::vector<MigrationStep> steps = {
        {1, "drafts and settings",
         {
             "CREATE TABLE drafts ("
             " id TEXT PRIMARY KEY NOT NULL,"
             " server_id TEXT,"
             " server_version INTEGER NOT NULL DEFAULT 0,"
             " kind TEXT NOT NULL,"
             " json TEXT NOT NULL,"
             " page TEXT NOT NULL DEFAULT '',"
             " dirty INTEGER NOT NULL DEFAULT 1,"
             " created_at TEXT NOT NULL,"
             " updated_at TEXT NOT NULL)",
             "CREATE UNIQUE INDEX drafts_server_id ON drafts(server_id) WHERE server_id IS NOT NULL",
             "CREATE TABLE settings (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL)",
         }},
        {2, "encrypted protected fields, save revision, kept server copy on conflict",
         {
             "ALTER TABLE drafts ADD COLUMN sealed BLOB",
             "ALTER TABLE drafts ADD COLUMN revision INTEGER NOT NULL DEFAULT 1",
             "ALTER TABLE drafts ADD COLUMN conflict_json TEXT",
             "ALTER TABLE drafts ADD COLUMN conflict_sealed BLOB",
             "ALTER TABLE drafts ADD COLUMN conflict_version INTEGER",
             "ALTER TABLE drafts ADD COLUMN conflict_at TEXT",
         },
         true},
        {3, "attachment uploads and payment intents",
         {
             "CREATE TABLE draft_attachments ("
             " id INTEGER PRIMARY KEY AUTOINCREMENT,"
             " draft_id TEXT NOT NULL REFERENCES drafts(id) ON DELETE CASCADE,"
             " category TEXT NOT NULL CHECK (category IN ('legal_rep_id','handler_id','application_form',"
             "'authorization_letter','business_licence')),"
             " local_path TEXT NOT NULL,"
             " file_name TEXT NOT NULL,"
             " size INTEGER NOT NULL,"
             " sha256 TEXT NOT NULL,"
             " content_type TEXT NOT NULL DEFAULT '',"
             " state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending','uploading','uploaded','failed')),"
             " server_attachment_id TEXT,"
             " idempotency_key TEXT NOT NULL UNIQUE,"
             " created_at TEXT NOT NULL,"
             " updated_at TEXT NOT NULL)",
             "CREATE INDEX draft_attachments_draft ON draft_attachments(draft_id)",
             "CREATE TABLE payment_intents ("
             " id INTEGER PRIMARY KEY AUTOINCREMENT,"
             " application_id TEXT NOT NULL,"
             " channel TEXT NOT NULL CHECK (channel IN ('bank','alipay','wechat')),"
             " idempotency_key TEXT NOT NULL UNIQUE,"
             " order_no TEXT,"
             " status TEXT NOT NULL DEFAULT 'requested'"
             "  CHECK (status IN ('requested','open','paid','expired','closed')),"
             " created_at TEXT NOT NULL,"
             " updated_at TEXT NOT NULL,"
             " closed_at TEXT)",
             // At most one active (not closed) intent per application and channel.
             "CREATE UNIQUE INDEX payment_intents_active ON payment_intents(application_id, channel)"
             " WHERE closed_at IS NULL",
         }},
        {4, "idempotency keys of other repeatable writes (create, submit, ...)",
         {
             "CREATE TABLE operation_keys ("
             " operation TEXT NOT NULL,"
             " subject TEXT NOT NULL,"
             " idempotency_key TEXT NOT NULL UNIQUE,"
             " created_at TEXT NOT NULL,"
             " PRIMARY KEY (operation, subject))",
         }},
    };
    return steps;
}

const char DraftColumns[] = "id, server_id, server_version, kind, json, sealed, page, dirty, revision, created_at, "
                            "updated_at, conflict_version IS NOT NULL";
const char AttachmentColumns[] = "id, draft_id, category, local_path, file_name, size, sha256, content_type, state, "
                                 "server_attachment_id, idempotency_key, created_at, updated_at";
const char IntentColumns[] = "id, application_id, channel, idempotency_key, order_no, status, created_at, updated_at, "
                             "closed_at";

QString nowText()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

QDateTime timeFrom(const QVariant &v)
{
    if (v.isNull())
        return {};
    QDateTime t = QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
    return t.toUTC();
}

QString jsonText(const QJsonObject &json)
{
    return QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact));
}

QVariant nullableText(const QString &s)
{
    return s.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(s);
}

QVariant nullableBlob(const QByteArray &b)
{
    return b.isEmpty() ? QVariant(QMetaType(QMetaType::QByteArray)) : QVariant(b);
}

QByteArray sealAad(const QString &draftId)
{
    return QByteArrayLiteral("ca-client draft protected fields v1/") + draftId.toUtf8();
}

bool prepareExec(QSqlQuery &q, const QString &sql, const QVariantList &binds = {})
{
    if (!q.prepare(sql))
        return false;
    for (const QVariant &b : binds)
        q.addBindValue(b);
    return q.exec();
}

bool isOneOf(const QString &value, std::initializer_list<const char *> words)
{
    for (const char *w : words)
        if (value == QLatin1String(w))
            return true;
    return false;
}

QAtomicInteger<quint64> g_connectionCounter;

} // namespace

LocalStore::LocalStore() = default;

LocalStore::~LocalStore()
{
    close();
}

QString LocalStore::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/ca-client.sqlite");
}

int LocalStore::schemaVersion()
{
    return migrationSteps().back().version;
}

QString LocalStore::newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString LocalStore::keyPath() const
{
    return m_path + QStringLiteral(".key");
}

bool LocalStore::isOpen() const
{
    return m_db.isValid() && m_db.isOpen();
}

StoreStatus LocalStore::open(const QString &path)
{
    close();
    m_thread = QThread::currentThread();
    m_path = QFileInfo(path.isEmpty() ? defaultPath() : path).absoluteFilePath();

    const auto openError = [this](const QString &detail) {
        return StoreError{StoreError::Code::OpenFailed,
                          tr("The local draft store %1 cannot be opened. Check that the folder exists and is "
                             "writable by you and that the disk is not full, then start the program again.")
                              .arg(QDir::toNativeSeparators(m_path)),
                          detail};
    };

    const QString dir = QFileInfo(m_path).absolutePath();
    if (!QDir().mkpath(dir))
        return openError(QStringLiteral("cannot create folder ") + dir);

    m_connectionName = QStringLiteral("ca-store-%1").arg(g_connectionCounter.fetchAndAddRelaxed(1));
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    if (!m_db.isValid()) {
        const StoreError e = openError(QStringLiteral("Qt SQLite driver (QSQLITE) not available"));
        close();
        return e;
    }
    m_db.setDatabaseName(m_path);
    if (!m_db.open()) {
        const StoreError e = openError(m_db.lastError().text());
        close();
        return e;
    }

    StoreStatus st = configureConnection();
    if (st.ok())
        st = m_sealer.loadOrCreateKey(keyPath());
    if (st.ok())
        st = migrate();
    if (!st.ok()) {
        qCWarning(lcCore) << "store: open" << m_path << "failed:" << st.error().detail;
        close();
        return st;
    }
    qCDebug(lcCore) << "store: opened" << m_path << "as" << m_connectionName << "schema" << schemaVersion();
    return {};
}

void LocalStore::close()
{
    if (m_connectionName.isEmpty())
        return;
    if (m_db.isValid())
        m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
    m_connectionName.clear();
}

StoreStatus LocalStore::checkUsable() const
{
    if (!isOpen())
        return StoreError{StoreError::Code::NotOpen,
                          tr("The local draft store is not open; restart the program."),
                          QStringLiteral("LocalStore used before open() succeeded")};
    if (QThread::currentThread() != m_thread)
        return StoreError{StoreError::Code::WrongThread,
                          tr("The local draft store was used from the wrong thread; please report this error."),
                          QStringLiteral("LocalStore used from a thread other than the one that opened it")};
    return {};
}

template<typename T>
StoreResult<QList<T>> LocalStore::selectAll(const QString &sql, const QVariantList &binds,
                                            T (*fromRow)(const QSqlQuery &), const char *step)
{
    if (StoreStatus st = checkUsable(); !st.ok())
        return st.error();
    QSqlQuery q(m_db);
    if (!prepareExec(q, sql, binds))
        return sqlError(q, step);
    QList<T> out;
    while (q.next())
        out << fromRow(q);
    return out;
}

StoreError LocalStore::sqlError(const QSqlQuery &query, const char *step) const
{
    const QSqlError e = query.lastError();
    const QString native = e.nativeErrorCode();
    StoreError out;
    out.code = StoreError::Code::Sql;
    out.detail = QStringLiteral("%1: %2 (sqlite %3)").arg(QLatin1String(step), e.text(), native);
    // Primary SQLite result codes: 5 BUSY, 6 LOCKED, 13 FULL, 8 READONLY, 10 IOERR, 11 CORRUPT, 26 NOTADB.
    const int primary = native.toInt() & 0xff;
    if (primary == 5 || primary == 6)
        out.message = tr("The local draft store is busy in another window of CA Client or in ca-tool. "
                         "Try again in a moment.");
    else if (primary == 13)
        out.message = tr("The disk holding the local draft store is full. Free some space, then try again.");
    else if (primary == 8)
        out.message = tr("The local draft store %1 is read-only. Make it writable for you, then try again.")
                          .arg(QDir::toNativeSeparators(m_path));
    else if (primary == 11 || primary == 26) {
        out.code = StoreError::Code::NotADatabase;
        out.message = tr("The local draft store %1 is damaged or not a database. Move it aside and start the "
                         "program again; drafts saved on the platform are not affected.")
                          .arg(QDir::toNativeSeparators(m_path));
    } else
        out.message = tr("The local draft store %1 could not be read or written. Check that the disk is not full "
                         "and the file is writable, then try again.")
                          .arg(QDir::toNativeSeparators(m_path));
    return out;
}

StoreStatus LocalStore::configureConnection()
{
    QSqlQuery q(m_db);
    // Wait for a writer in another process instead of failing at once.
    if (!q.exec(QStringLiteral("PRAGMA busy_timeout = 5000")))
        return sqlError(q, "PRAGMA busy_timeout");
    // The first read of the file: fails with NOTADB on a file that is not a database.
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next())
        return sqlError(q, "PRAGMA user_version");
    const int version = q.value(0).toInt();
    q.finish();
    if (version > schemaVersion())
        return StoreError{StoreError::Code::NewerSchema,
                          tr("The local draft store %1 was written by a newer version of CA Client. Install the "
                             "newer version again to open your drafts; this version leaves the file untouched.")
                              .arg(QDir::toNativeSeparators(m_path)),
                          QStringLiteral("schema version %1 is newer than %2").arg(version).arg(schemaVersion())};

    if (!q.exec(QStringLiteral("PRAGMA journal_mode = WAL")) || !q.next())
        return sqlError(q, "PRAGMA journal_mode");
    const QString mode = q.value(0).toString();
    q.finish();
    if (mode.compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0)
        return StoreError{StoreError::Code::OpenFailed,
                          tr("The local draft store %1 cannot use its safe write mode (WAL) on this disk. "
                             "Keep the program's data folder on a local disk, then start it again.")
                              .arg(QDir::toNativeSeparators(m_path)),
                          QStringLiteral("journal_mode is %1, expected wal").arg(mode)};
    for (const char *pragma : {"PRAGMA synchronous = FULL", "PRAGMA foreign_keys = ON", "PRAGMA secure_delete = ON"}) {
        if (!q.exec(QLatin1String(pragma)))
            return sqlError(q, pragma);
    }
    return {};
}

StoreStatus LocalStore::begin()
{
    // IMMEDIATE: take the write lock up front, so a read-then-write transaction
    // never fails half-way with SQLITE_BUSY (busy_timeout waits for it instead).
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("BEGIN IMMEDIATE")))
        return sqlError(q, "BEGIN IMMEDIATE");
    return {};
}

StoreStatus LocalStore::commit()
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("COMMIT"))) {
        const StoreError e = sqlError(q, "COMMIT");
        rollback();
        return e;
    }
    return {};
}

void LocalStore::rollback()
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("ROLLBACK")))
        qCDebug(lcCore) << "store: ROLLBACK:" << q.lastError().text();
}

StoreStatus LocalStore::migrate()
{
    StoreStatus st = begin();
    if (!st.ok())
        return st;
    QSqlQuery q(m_db);
    // Read again inside the write transaction: another process may have migrated meanwhile.
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next()) {
        const StoreError e = sqlError(q, "PRAGMA user_version");
        q.finish();
        rollback();
        return e;
    }
    const int from = q.value(0).toInt();
    q.finish();
    if (from == schemaVersion()) {
        rollback(); // nothing written
        return {};
    }

    const auto fail = [&](const MigrationStep &step, const QString &detail) {
        q.finish();
        rollback();
        qCWarning(lcCore) << "store: migration to schema" << step.version << "failed, rolled back:" << detail;
        return StoreError{StoreError::Code::MigrationFailed,
                          tr("The local draft store %1 could not be updated to this version of CA Client; "
                             "it was left as it was. Free some disk space and start the program again, or "
                             "report this error.")
                              .arg(QDir::toNativeSeparators(m_path)),
                          QStringLiteral("step %1 (%2): %3").arg(step.version).arg(QLatin1String(step.what), detail)};
    };

    for (const MigrationStep &step : migrationSteps()) {
        if (step.version <= from)
            continue;
        for (const char *sql : step.sql) {
            if (!q.exec(QLatin1String(sql)))
                return fail(step, q.lastError().text());
        }
        if (step.sanitizeDrafts) {
            struct Row { QString id; QString json; };
            std::vector<Row> rows;
            if (!q.exec(QStringLiteral("SELECT id, json FROM drafts")))
                return fail(step, q.lastError().text());
            while (q.next())
                rows.push_back({q.value(0).toString(), q.value(1).toString()});
            q.finish();
            for (const Row &row : rows) {
                QJsonObject json = QJsonDocument::fromJson(row.json.toUtf8()).object();
                const QStringList stripped = SecretGuard::stripSecrets(json);
                const QJsonObject prot = SecretGuard::splitProtected(json);
                if (stripped.isEmpty() && prot.isEmpty())
                    continue;
                QByteArray sealed;
                if (!prot.isEmpty()) {
                    const auto s = sealFields(prot, row.id);
                    if (!s.ok())
                        return fail(step, s.error().detail);
                    sealed = s.value();
                }
                if (!prepareExec(q, QStringLiteral("UPDATE drafts SET json = ?, sealed = ? WHERE id = ?"),
                                 {jsonText(json), nullableBlob(sealed), row.id}))
                    return fail(step, q.lastError().text());
            }
        }
        if (!q.exec(QStringLiteral("PRAGMA user_version = %1").arg(step.version)))
            return fail(step, q.lastError().text());
        qCInfo(lcCore) << "store: schema step" << step.version << step.what << "applied";
    }
    q.finish();
    st = commit();
    if (!st.ok())
        return StoreError{StoreError::Code::MigrationFailed, st.error().message, st.error().detail};
    return {};
}

StoreResult<QString> LocalStore::integrityCheck()
{
    if (StoreStatus st = checkUsable(); !st.ok())
        return st.error();
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("PRAGMA integrity_check")))
        return sqlError(q, "PRAGMA integrity_check");
    QStringList lines;
    while (q.next())
        lines << q.value(0).toString();
    return lines.join(QLatin1Char('\n'));
}

// ---------------------------------------------------------------------------
// drafts
// ---------------------------------------------------------------------------

StoreResult<QByteArray> LocalStore::sealFields(const QJsonObject &fields, const QString &draftId) const
{
    QByteArray plain = QJsonDocument(fields).toJson(QJsonDocument::Compact);
    auto r = m_sealer.seal(plain, sealAad(draftId));
    plain.fill('\0');
    return r;
}

std::optional<QJsonObject> LocalStore::unsealFields(const QByteArray &blob, const QString &draftId) const
{
    auto r = m_sealer.unseal(blob, sealAad(draftId));
    if (!r.ok()) {
        qCWarning(lcCore) << "store: protected fields of draft" << draftId << "lost:" << r.error().detail;
        return std::nullopt;
    }
    QJsonObject fields = QJsonDocument::fromJson(r.value()).object();
    r.value().fill('\0');
    return fields;
}

StoreResult<Draft> LocalStore::draftFromQuery(const QSqlQuery &q)
{
    Draft d;
    d.id = q.value(0).toString();
    d.serverId = q.value(1).toString();
    d.serverVersion = q.value(2).toLongLong();
    d.kind = q.value(3).toString();
    QJsonParseError perr{};
    const QJsonDocument doc = QJsonDocument::fromJson(q.value(4).toString().toUtf8(), &perr);
    if (perr.error != QJsonParseError::NoError || !doc.isObject())
        return StoreError{StoreError::Code::NotADatabase,
                          tr("A saved draft is damaged and cannot be opened; it is kept unchanged in the local "
                             "draft store. Please report this error."),
                          QStringLiteral("draft %1: JSON parse error %2 at %3")
                              .arg(d.id, perr.errorString())
                              .arg(perr.offset)};
    d.json = doc.object();
    const QByteArray sealed = q.value(5).toByteArray();
    if (!sealed.isEmpty()) {
        if (const auto fields = unsealFields(sealed, d.id))
            SecretGuard::mergeProtected(d.json, *fields);
        else
            d.protectedFieldsLost = true;
    }
    d.page = q.value(6).toString();
    d.dirty = q.value(7).toInt() != 0;
    d.revision = q.value(8).toLongLong();
    d.createdAt = timeFrom(q.value(9));
    d.updatedAt = timeFrom(q.value(10));
    d.hasConflict = q.value(11).toInt() != 0;
    return d;
}

StoreResult<QList<Draft>> LocalStore::queryDrafts(const QString &where, const QVariantList &binds, const QString &order)
{
    if (StoreStatus st = checkUsable(); !st.ok())
        return st.error();
    QSqlQuery q(m_db);
    QString sql = QStringLiteral("SELECT %1 FROM drafts").arg(QLatin1String(DraftColumns));
    if (!where.isEmpty())
        sql += QStringLiteral(" WHERE ") + where;
    if (!order.isEmpty())
        sql += QStringLiteral(" ORDER BY ") + order;
    if (!prepareExec(q, sql, binds))
        return sqlError(q, "SELECT drafts");
    QList<Draft> out;
    while (q.next()) {
        auto d = draftFromQuery(q);
        if (!d.ok())
            return d.error();
        out << d.value();
    }
    return out;
}

StoreResult<qint64> LocalStore::saveDraft(const Draft &draft)
{
    if (StoreStatus st = checkUsable(); !st.ok())
        return st.error();
    if (draft.id.trimmed().isEmpty())
        return StoreError{StoreError::Code::InvalidArgument,
                          tr("The draft has no local identifier, so it was not saved; please report this error."),
                          QStringLiteral("saveDraft: empty draft id")};

    QJsonObject json = draft.json;
    const QStringList stripped = SecretGuard::stripSecrets(json);
    if (!stripped.isEmpty())
        qCWarning(lcCore) << "store: draft" << draft.id << "carried secret keys, not stored:" << stripped;
    const QJsonObject prot = SecretGuard::splitProtected(json);
    QByteArray sealed;
    if (!prot.isEmpty()) {
        auto s = sealFields(prot, draft.id);
        if (!s.ok())
            return s.error();
        sealed = s.value();
    }
    const QString now = nowText();

    if (StoreStatus st = begin(); !st.ok())
        return st.error();
    QSqlQuery q(m_db);
    const bool ok = prepareExec(
        q,
        QStringLiteral(
            "INSERT INTO drafts (id, server_id, server_version, kind, json, sealed, page, dirty, revision, "
            "created_at, updated_at) VALUES (?, ?, ?, COALESCE(?, ''), ?, ?, COALESCE(?, ''), 1, 1, ?, ?) "
            "ON CONFLICT(id) DO UPDATE SET kind = excluded.kind, json = excluded.json, sealed = excluded.sealed, "
            "page = excluded.page, dirty = 1, revision = drafts.revision + 1, updated_at = excluded.updated_at"),
        {draft.id, nullableText(draft.serverId), draft.serverVersion, draft.kind, jsonText(json),
         nullableBlob(sealed), draft.page, now, now});
    if (!ok) {
        const StoreError e = sqlError(q, "INSERT/UPDATE drafts");
        q.finish();
        rollback();
        return e;
    }
    if (!prepareExec(q, QStringLiteral("SELECT revision FROM drafts WHERE id = ?"), {draft.id}) || !q.next()) {
        const StoreError e = sqlError(q, "SELECT revision");
        q.finish();
        rollback();
        return e;
    }
    const qint64 revision = q.value(0).toLongLong();
    q.finish();
    if (StoreStatus st = commit(); !st.ok())
        return st.error();
    return revision;
}

StoreResult<Draft> LocalStore::loadDraft(const QString &draftId)
{
    auto r = queryDrafts(QStringLiteral("id = ?"), {draftId}, QString());
    if (!r.ok())
        return r.error();
    if (r->isEmpty())
        return StoreError{StoreError::Code::NotFound,
                          tr("The draft is no longer in the local draft store; it may have been deleted in another "
                             "window."),
                          QStringLiteral("no draft %1").arg(draftId)};
    return r->first();
}

StoreResult<Draft> LocalStore::findDraftByServerId(const QString &serverId)
{
    auto r = queryDrafts(QStringLiteral("server_id = ?"), {serverId}, QString());
    if (!r.ok())
        return r.error();
    if (r->isEmpty())
        return StoreError{StoreError::Code::NotFound,
                          tr("There is no local draft of application %1.").arg(serverId),
                          QStringLiteral("no draft for server id %1").arg(serverId)};
    return r->first();
}

StoreResult<QList<Draft>> LocalStore::listDrafts()
{
    return queryDrafts(QString(), {}, QStringLiteral("updated_at DESC, id"));
}

StoreResult<QList<Draft>> LocalStore::dirtyDrafts()
{
    return queryDrafts(QStringLiteral("dirty = 1"), {}, QStringLiteral("updated_at ASC, id"));
}

StoreResult<bool> LocalStore::deleteDraft(const QString &draftId)
{
    if (StoreStatus st = checkUsable(); !st.ok())
        return st.error();
    QSqlQuery q(m_db);
    // draft_attachments rows go with it (ON DELETE CASCADE, foreign_keys=ON).
    if (!prepareExec(q, QStringLiteral("DELETE FROM drafts WHERE id = ?"), {draftId}))
        return sqlError(q, "DELETE drafts");
    return q.numRowsAffected() > 0;
}

StoreStatus LocalStore::markSynced(const QString &draftId, const QString &serverId, qint64 version,
                                   std::optional<qint64> savedRevision)
{
    if (StoreStatus st = checkUsable(); !st.ok())
        return st;
    QSqlQuery q(m_db);
    const QVariant rev = savedRevision ? QVariant(*savedRevision) : QVariant(QMetaType(QMetaType::LongLong));
    if (!prepareExec(q,
                     QStringLiteral("UPDATE drafts SET server_id = ?, server_version = ?, "
                                    "dirty = CASE WHEN ? IS NULL OR revision = ? THEN 0 ELSE dirty END "
                                    "WHERE id = ?"),
                     {nullableText(serverId), version, rev, rev, draftId}))
        return sqlError(q, "UPDATE drafts (mark synced)");
    if (q.numRowsAffected() == 0)
        return StoreError{StoreError::Code::NotFound,
                          tr("The draft is no longer in the local draft store; it may have been deleted in another "
                             "window."),
                          QStringLiteral("markSynced: no draft %1").arg(draftId)};
    return {};
}

// ---------------------------------------------------------------------------
// conflicts
// ---------------------------------------------------------------------------

StoreStatus LocalStore::storeConflict(const QString &draftId, const QJsonObject &serverJson, qint64 serverVersion)
{
    if (StoreStatus st = checkUsable(); !st.ok())
        return st;
    QJsonObject json = serverJson;
    const QStringList stripped = SecretGuard::stripSecrets(json);
    if (!stripped.isEmpty())
        qCWarning(lcCore) << "store: server copy of draft" << draftId << "carried secret keys, not stored:" << stripped;
    const QJsonObject prot = SecretGuard::splitProtected(json);
    QByteArray sealed;
    if (!prot.isEmpty()) {
        auto s = sealFields(prot, draftId);
        if (!s.ok())
            return s.error();
        sealed = s.value();
    }
    QSqlQuery q(m_db);
    if (!prepareExec(q,
                     QStringLiteral("UPDATE drafts SET conflict_json = ?, conflict_sealed = ?, conflict_version = ?, "
                                    "conflict_at = ? WHERE id = ?"),
                     {jsonText(json), nullableBlob(sealed), serverVersion, nowText(), draftId}))
        return sqlError(q, "UPDATE drafts (store conflict)");
    if (q.numRowsAffected() == 0)
        return StoreError{StoreError::Code::NotFound,
                          tr("The draft is no longer in the local draft store; it may have been deleted in another "
                             "window."),
                          QStringLiteral("storeConflict: no draft %1").arg(draftId)};
    return {};
}

StoreResult<std::optional<DraftConflict>> LocalStore::conflict(const QString &draftId)
{
    if (StoreStatus st = checkUsable(); !st.ok())
        return st.error();
    QSqlQuery q(m_db);
    if (!prepareExec(q,
                     QStringLiteral("SELECT conflict_json, conflict_sealed, conflict_version, conflict_at "
                                    "FROM drafts WHERE id = ?"),
                     {draftId}))
        return sqlError(q, "SELECT conflict");
    if (!q.next())
        return StoreError{StoreError::Code::NotFound,
                          tr("The draft is no longer in the local draft store; it may have been deleted in another "
                             "window."),
                          QStringLiteral("conflict: no draft %1").arg(draftId)};
    if (q.value(2).isNull())
        return std::optional<DraftConflict>();
    DraftConflict c;
    c.draftId = draftId;
    c.serverJson = QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object();
    const QByteArray sealed = q.value(1).toByteArray();
    if (!sealed.isEmpty()) {
        if (const auto fields = unsealFields(sealed, draftId))
            SecretGuard::mergeProtected(c.serverJson, *fields);
        else
            c.protectedFieldsLost = true;
    }
    c.serverVersion = q.value(2).toLongLong();
    c.receivedAt = timeFrom(q.value(3));
    return std::optional<DraftConflict>(c);
}

StoreStatus LocalStore::resolveConflict(const QString &draftId, ConflictResolution choice)
{
    if (StoreStatus st = checkUsable(); !st.ok())
        return st;
    if (StoreStatus st = begin(); !st.ok())
        return st;
    QSqlQuery q(m_db);
    if (!prepareExec(q, QStringLiteral("SELECT conflict_version IS NOT NULL FROM drafts WHERE id = ?"), {draftId})) {
        const StoreError e = sqlError(q, "SELECT conflict");
        q.finish();
        rollback();
        return e;
    }
    const bool exists = q.next();
    const bool hasConflict = exists && q.value(0).toInt() != 0;
    q.finish();
    if (!hasConflict) {
        rollback();
        return StoreError{StoreError::Code::NotFound,
                          tr("This draft has no conflicting server copy any more; nothing to choose."),
                          QStringLiteral("resolveConflict: draft %1 %2")
                              .arg(draftId, exists ? QStringLiteral("has no conflict") : QStringLiteral("not found"))};
    }
    // The sealed blobs of both copies use the same associated data (the draft
    // id), so the server copy's blob moves over as it is.
    const QString sql = choice == ConflictResolution::KeepLocal
        ? QStringLiteral("UPDATE drafts SET server_version = conflict_version, dirty = 1, revision = revision + 1, "
                         "updated_at = ?, conflict_json = NULL, conflict_sealed = NULL, conflict_version = NULL, "
                         "conflict_at = NULL WHERE id = ?")
        : QStringLiteral("UPDATE drafts SET json = conflict_json, sealed = conflict_sealed, "
                         "server_version = conflict_version, dirty = 0, revision = revision + 1, updated_at = ?, "
                         "conflict_json = NULL, conflict_sealed = NULL, conflict_version = NULL, conflict_at = NULL "
                         "WHERE id = ?");
    if (!prepareExec(q, sql, {nowText(), draftId})) {
        const StoreError e = sqlError(q, "UPDATE drafts (resolve conflict)");
        q.finish();
        rollback();
        return e;
    }
    q.finish();
    return commit();
}

// ---------------------------------------------------------------------------
// attachments
// ---------------------------------------------------------------------------

namespace {

LocalAttachment attachmentFromQuery(const QSqlQuery &q)
{
    LocalAttachment a;
    a.id = q.value(0).toLongLong();
    a.draftId = q.value(1).toString();
    a.category = q.value(2).toString();
    a.localPath = q.value(3).toString();
    a.fileName = q.value(4).toString();
    a.size = q.value(5).toLongLong();
    a.sha256 = q.value(6).toString();
    a.contentType = q.value(7).toString();
    a.state = q.value(8).toString();
    a.serverAttachmentId = q.value(9).toString();
    a.idempotencyKey = q.value(10).toString();
    a.createdAt = timeFrom(q.value(11));
    a.updatedAt = timeFrom(q.value(12));
    return a;
}

bool isAttachmentState(const QString &s)
{
    return isOneOf(s, {"pending", "uploading", "uploaded", "failed"});
}

} // namespace

StoreResult<LocalAttachment> LocalStore::addAttachment(const LocalAttachment &attachment)
{
    if (StoreStatus st = checkUsable(); !st.ok())
        return st.error();
    if (!isOneOf(attachment.category,
                 {"legal_rep_id", "handler_id", "application_form", "authorization_letter", "business_licence"})
        || !isAttachmentState(attachment.state) || attachment.localPath.isEmpty())
        return StoreError{StoreError::Code::InvalidArgument,
                          tr("The attachment could not be recorded because its category, state or file is not "
                             "valid; please report this error."),
                          QStringLiteral("addAttachment: category '%1' state '%2' path empty %3")
                              .arg(attachment.category, attachment.state)
                              .arg(attachment.localPath.isEmpty())};
    if (StoreStatus st = begin(); !st.ok())
        return st.error();
    QSqlQuery q(m_db);
    const auto fail = [&](const char *step) {
        const StoreError e = sqlError(q, step);
        q.finish();
        rollback();
        return e;
    };
    if (!prepareExec(q, QStringLiteral("SELECT 1 FROM drafts WHERE id = ?"), {attachment.draftId}))
        return fail("SELECT drafts");
    if (!q.next()) {
        q.finish();
        rollback();
        return StoreError{StoreError::Code::NotFound,
                          tr("The draft is no longer in the local draft store; it may have been deleted in another "
                             "window."),
                          QStringLiteral("addAttachment: no draft %1").arg(attachment.draftId)};
    }
    q.finish();
    const QString key = newId();
    const QString now = nowText();
    const QString fileName = attachment.fileName.isEmpty() ? QFileInfo(attachment.localPath).fileName()
                                                           : attachment.fileName;
    if (!prepareExec(q,
                     QStringLiteral("INSERT INTO draft_attachments (draft_id, category, local_path, file_name, size, "
                                    "sha256, content_type, state, server_attachment_id, idempotency_key, created_at, "
                                    "updated_at) VALUES (?, ?, ?, ?, ?, COALESCE(?, ''), COALESCE(?, ''), ?, ?, ?, ?, ?)"),
                     {attachment.draftId, attachment.category, attachment.localPath, fileName, attachment.size,
                      attachment.sha256.toLower(), attachment.contentType, attachment.state,
                      nullableText(attachment.serverAttachmentId), key, now, now}))
        return fail("INSERT draft_attachments");
    const qint64 id = q.lastInsertId().toLongLong();
    if (!prepareExec(q, QStringLiteral("SELECT %1 FROM draft_attachments WHERE id = ?").arg(QLatin1String(AttachmentColumns)),
                     {id})
        || !q.next())
        return fail("SELECT draft_attachments");
    const LocalAttachment out = attachmentFromQuery(q);
    q.finish();
    if (StoreStatus st = commit(); !st.ok())
        return st.error();
    return out;
}

StoreResult<QList<LocalAttachment>> LocalStore::attachments(const QString &draftId)
{
    return selectAll(QStringLiteral("SELECT %1 FROM draft_attachments WHERE draft_id = ? ORDER BY id")
                         .arg(QLatin1String(AttachmentColumns)),
                     {draftId}, attachmentFromQuery, "SELECT draft_attachments");
}

StoreResult<QList<LocalAttachment>> LocalStore::unfinishedAttachments()
{
    return selectAll(QStringLiteral("SELECT %1 FROM draft_attachments WHERE state <> 'uploaded' ORDER BY id")
                         .arg(QLatin1String(AttachmentColumns)),
                     {}, attachmentFromQuery, "SELECT draft_attachments");
}

StoreStatus LocalStore::setAttachmentState(qint64 id, const QString &state, const QString &serverAttachmentId)
{
    if (StoreStatus st = checkUsable(); !st.ok())
        return st;
    if (!isAttachmentState(state))
        return StoreError{StoreError::Code::InvalidArgument,
                          tr("The attachment's upload state could not be recorded; please report this error."),
                          QStringLiteral("setAttachmentState: unknown state '%1'").arg(state)};
    QSqlQuery q(m_db);
    if (!prepareExec(q,
                     QStringLiteral("UPDATE draft_attachments SET state = ?, "
                                    "server_attachment_id = COALESCE(?, server_attachment_id), updated_at = ? "
                                    "WHERE id = ?"),
                     {state, nullableText(serverAttachmentId), nowText(), id}))
        return sqlError(q, "UPDATE draft_attachments");
    if (q.numRowsAffected() == 0)
        return StoreError{StoreError::Code::NotFound,
                          tr("The attachment is no longer in the local draft store; it may have been removed in "
                             "another window."),
                          QStringLiteral("setAttachmentState: no attachment %1").arg(id)};
    return {};
}

StoreStatus LocalStore::removeAttachment(qint64 id)
{
    if (StoreStatus st = checkUsable(); !st.ok())
        return st;
    QSqlQuery q(m_db);
    if (!prepareExec(q, QStringLiteral("DELETE FROM draft_attachments WHERE id = ?"), {id}))
        return sqlError(q, "DELETE draft_attachments");
    if (q.numRowsAffected() == 0)
        return StoreError{StoreError::Code::NotFound,
                          tr("The attachment is no longer in the local draft store; it may have been removed in "
                             "another window."),
                          QStringLiteral("removeAttachment: no attachment %1").arg(id)};
    return {};
}

// ---------------------------------------------------------------------------
// payment intents
// ---------------------------------------------------------------------------

namespace {

PaymentIntent intentFromQuery(const QSqlQuery &q)
{
    PaymentIntent p;
    p.id = q.value(0).toLongLong();
    p.applicationId = q.value(1).toString();
    p.channel = q.value(2).toString();
    p.idempotencyKey = q.value(3).toString();
    p.orderNo = q.value(4).toString();
    p.status = q.value(5).toString();
    p.createdAt = timeFrom(q.value(6));
    p.updatedAt = timeFrom(q.value(7));
    p.closedAt = timeFrom(q.value(8));
    return p;
}

} // namespace

StoreResult<PaymentIntent> LocalStore::intentByKey(const QString &idempotencyKey)
{
    QSqlQuery q(m_db);
    if (!prepareExec(q,
                     QStringLiteral("SELECT %1 FROM payment_intents WHERE idempotency_key = ?")
                         .arg(QLatin1String(IntentColumns)),
                     {idempotencyKey}))
        return sqlError(q, "SELECT payment_intents");
    if (!q.next())
        return StoreError{StoreError::Code::NotFound,
                          tr("The payment attempt is not known to this computer; start the payment again."),
                          QStringLiteral("no payment intent with key %1").arg(idempotencyKey)};
    return intentFromQuery(q);
}

StoreResult<PaymentIntent> LocalStore::intentFor(const QString &applicationId, const QString &channel)
{
    if (StoreStatus st = checkUsable(); !st.ok())
        return st.error();
    if (applicationId.isEmpty() || !isOneOf(channel, {"bank", "alipay", "wechat"}))
        return StoreError{StoreError::Code::InvalidArgument,
                          tr("The payment could not be prepared because the application or the payment channel "
                             "is missing; please report this error."),
                          QStringLiteral("intentFor: application '%1' channel '%2'").arg(applicationId, channel)};
    if (StoreStatus st = begin(); !st.ok())
        return st.error();
    QSqlQuery q(m_db);
    const auto fail = [&](const char *step) {
        const StoreError e = sqlError(q, step);
        q.finish();
        rollback();
        return e;
    };
    if (!prepareExec(q,
                     QStringLiteral("SELECT %1 FROM payment_intents WHERE application_id = ? AND channel = ? "
                                    "AND closed_at IS NULL")
                         .arg(QLatin1String(IntentColumns)),
                     {applicationId, channel}))
        return fail("SELECT payment_intents");
    if (q.next()) {
        const PaymentIntent existing = intentFromQuery(q);
        q.finish();
        rollback(); // read only
        return existing;
    }
    q.finish();
    const QString key = newId();
    const QString now = nowText();
    if (!prepareExec(q,
                     QStringLiteral("INSERT INTO payment_intents (application_id, channel, idempotency_key, status, "
                                    "created_at, updated_at) VALUES (?, ?, ?, 'requested', ?, ?)"),
                     {applicationId, channel, key, now, now}))
        return fail("INSERT payment_intents");
    q.finish();
    auto created = intentByKey(key);
    if (!created.ok()) {
        rollback();
        return created;
    }
    if (StoreStatus st = commit(); !st.ok())
        return st.error();
    qCInfo(lcCore) << "store: new payment intent for" << applicationId << channel << "key" << key;
    return created;
}

StoreStatus LocalStore::recordOrder(const QString &idempotencyKey, const QString &orderNo, const QString &status)
{
    if (StoreStatus st = checkUsable(); !st.ok())
        return st;
    if (!isOneOf(status, {"open", "paid", "expired", "closed"}))
        return StoreError{StoreError::Code::InvalidArgument,
                          tr("The payment order's state could not be recorded; please report this error."),
                          QStringLiteral("recordOrder: unknown status '%1'").arg(status)};
    if (StoreStatus st = begin(); !st.ok())
        return st;
    auto current = intentByKey(idempotencyKey);
    if (!current.ok()) {
        rollback();
        return current.error();
    }
    if (current->status == QLatin1String("paid") && status != QLatin1String("paid")) {
        rollback();
        return StoreError{StoreError::Code::InvalidArgument,
                          tr("This application is already paid; a payment is never undone."),
                          QStringLiteral("recordOrder: intent %1 is paid, refusing status '%2'")
                              .arg(idempotencyKey, status)};
    }
    const bool closes = status == QLatin1String("expired") || status == QLatin1String("closed");
    const QString now = nowText();
    QSqlQuery q(m_db);
    if (!prepareExec(q,
                     QStringLiteral("UPDATE payment_intents SET order_no = COALESCE(?, order_no), status = ?, "
                                    "updated_at = ?, closed_at = CASE WHEN ? THEN COALESCE(closed_at, ?) ELSE "
                                    "closed_at END WHERE idempotency_key = ?"),
                     {nullableText(orderNo), status, now, closes ? 1 : 0, now, idempotencyKey})) {
        const StoreError e = sqlError(q, "UPDATE payment_intents");
        q.finish();
        rollback();
        return e;
    }
    q.finish();
    return commit();
}

StoreStatus LocalStore::closeIntent(const QString &idempotencyKey, const QString &status)
{
    if (!isOneOf(status, {"expired", "closed"}))
        return StoreError{StoreError::Code::InvalidArgument,
                          tr("The payment order's state could not be recorded; please report this error."),
                          QStringLiteral("closeIntent: status must be expired or closed, got '%1'").arg(status)};
    return recordOrder(idempotencyKey, QString(), status);
}

StoreResult<QList<PaymentIntent>> LocalStore::pendingIntents()
{
    return selectAll(QStringLiteral("SELECT %1 FROM payment_intents WHERE closed_at IS NULL AND status IN "
                                    "('requested', 'open') ORDER BY id")
                         .arg(QLatin1String(IntentColumns)),
                     {}, intentFromQuery, "SELECT payment_intents");
}

StoreResult<QList<PaymentIntent>> LocalStore::intentsForApplication(const QString &applicationId)
{
    return selectAll(QStringLiteral("SELECT %1 FROM payment_intents WHERE application_id = ? ORDER BY id")
                         .arg(QLatin1String(IntentColumns)),
                     {applicationId}, intentFromQuery, "SELECT payment_intents");
}

// ---------------------------------------------------------------------------
// operation keys
// ---------------------------------------------------------------------------

StoreResult<QString> LocalStore::operationKey(const QString &operation, const QString &subject)
{
    if (StoreStatus st = checkUsable(); !st.ok())
        return st.error();
    if (operation.isEmpty() || subject.isEmpty())
        return StoreError{StoreError::Code::InvalidArgument,
                          tr("The request could not be prepared because its operation or subject is missing; "
                             "please report this error."),
                          QStringLiteral("operationKey: operation '%1' subject '%2'").arg(operation, subject)};
    QSqlQuery q(m_db);
    // INSERT OR IGNORE + SELECT in one statement each; the primary key makes
    // two racing callers (two processes) end up with the same key.
    if (!prepareExec(q,
                     QStringLiteral("INSERT OR IGNORE INTO operation_keys (operation, subject, idempotency_key, "
                                    "created_at) VALUES (?, ?, ?, ?)"),
                     {operation, subject, newId(), nowText()}))
        return sqlError(q, "INSERT operation_keys");
    if (!prepareExec(q,
                     QStringLiteral("SELECT idempotency_key FROM operation_keys WHERE operation = ? AND subject = ?"),
                     {operation, subject})
        || !q.next())
        return sqlError(q, "SELECT operation_keys");
    return q.value(0).toString();
}

StoreStatus LocalStore::finishOperation(const QString &operation, const QString &subject)
{
    if (StoreStatus st = checkUsable(); !st.ok())
        return st;
    QSqlQuery q(m_db);
    if (!prepareExec(q, QStringLiteral("DELETE FROM operation_keys WHERE operation = ? AND subject = ?"),
                     {operation, subject}))
        return sqlError(q, "DELETE operation_keys");
    return {};
}

// ---------------------------------------------------------------------------
// settings
// ---------------------------------------------------------------------------

StoreStatus LocalStore::setValue(const QString &key, const QString &value)
{
    if (StoreStatus st = checkUsable(); !st.ok())
        return st;
    const QStringList parts = key.split(QRegularExpression(QStringLiteral("[./_-]")), Qt::SkipEmptyParts);
    bool secret = SecretGuard::isSecretKey(key);
    for (const QString &p : parts)
        secret = secret || SecretGuard::isSecretKey(p);
    if (key.isEmpty() || secret)
        return StoreError{StoreError::Code::InvalidArgument,
                          tr("A secret (password or PIN) must never be kept in the local store; it was not saved."),
                          QStringLiteral("setValue: refused key '%1'").arg(key)};
    QSqlQuery q(m_db);
    if (!prepareExec(q,
                     QStringLiteral("INSERT INTO settings (key, value) VALUES (?, COALESCE(?, '')) "
                                    "ON CONFLICT(key) DO UPDATE SET value = excluded.value"),
                     {key, value}))
        return sqlError(q, "INSERT settings");
    return {};
}

StoreResult<QString> LocalStore::value(const QString &key, const QString &defaultValue)
{
    if (StoreStatus st = checkUsable(); !st.ok())
        return st.error();
    QSqlQuery q(m_db);
    if (!prepareExec(q, QStringLiteral("SELECT value FROM settings WHERE key = ?"), {key}))
        return sqlError(q, "SELECT settings");
    if (!q.next())
        return defaultValue;
    return q.value(0).toString();
}

StoreStatus LocalStore::removeValue(const QString &key)
{
    if (StoreStatus st = checkUsable(); !st.ok())
        return st;
    QSqlQuery q(m_db);
    if (!prepareExec(q, QStringLiteral("DELETE FROM settings WHERE key = ?"), {key}))
        return sqlError(q, "DELETE settings");
    return {};
}

} // namespace ca
