// core/store: LocalStore against a real SQLite file in a temporary folder.

#include "core/store/LocalStore.h"
#include "core/store/SecretGuard.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QUuid>
#include <QFileInfo>
#include <QJsonDocument>

using namespace ca;

namespace {

const QString Account = QStringLiteral("6222600810012345678");
const QString ServerAccount = QStringLiteral("6217000010098765432");

QJsonObject sampleJson(const QString &title = QStringLiteral("济南示例科技有限公司"))
{
    return QJsonObject{
        {QStringLiteral("kind"), QStringLiteral("new")},
        {QStringLiteral("organization"),
         QJsonObject{{QStringLiteral("name"), title},
                     {QStringLiteral("uscc"), QStringLiteral("91370100MA3C5XXXXX")},
                     {QStringLiteral("type"), QStringLiteral("supplier")}}},
        {QStringLiteral("order"),
         QJsonObject{{QStringLiteral("pickup"), QStringLiteral("mail")}, {QStringLiteral("quantity"), 1}}},
        {QStringLiteral("invoice"),
         QJsonObject{{QStringLiteral("type"), QStringLiteral("special")},
                     {QStringLiteral("title"), title},
                     {QStringLiteral("bank"), QStringLiteral("中国银行济南分行")},
                     {QStringLiteral("account"), Account}}},
    };
}

Draft sampleDraft(const QString &id = LocalStore::newId())
{
    Draft d;
    d.id = id;
    d.kind = QStringLiteral("new");
    d.page = QStringLiteral("invoice");
    d.json = sampleJson();
    return d;
}

// Every byte SQLite keeps for this database: the file, its WAL and shared memory index.
QByteArray rawDatabaseBytes(const QString &dbPath)
{
    QByteArray all;
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral("-journal")}) {
        QFile f(dbPath + suffix);
        if (f.open(QIODevice::ReadOnly))
            all += f.readAll();
    }
    return all;
}

bool containsText(const QByteArray &bytes, const QString &text)
{
    return bytes.contains(text.toUtf8()) || bytes.contains(QByteArray(reinterpret_cast<const char *>(text.utf16()),
                                                                      text.size() * 2));
}

// A raw connection for building old databases by hand and peeking at files.
class RawDb
{
public:
    explicit RawDb(const QString &path)
        : m_name(QStringLiteral("raw-%1").arg(++s_counter))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        m_ok = db.open();
    }
    ~RawDb()
    {
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
    bool ok() const { return m_ok; }
    bool exec(const QString &sql, const QVariantList &binds = {})
    {
        QSqlQuery q(QSqlDatabase::database(m_name, false));
        q.prepare(sql);
        for (const QVariant &b : binds)
            q.addBindValue(b);
        if (!q.exec()) {
            qWarning() << "raw exec failed:" << sql << q.lastError().text();
            return false;
        }
        return true;
    }
    QVariant scalar(const QString &sql)
    {
        QSqlQuery q(QSqlDatabase::database(m_name, false));
        if (!q.exec(sql) || !q.next())
            return {};
        return q.value(0);
    }
    QStringList column(const QString &sql, int col = 0)
    {
        QStringList out;
        QSqlQuery q(QSqlDatabase::database(m_name, false));
        if (!q.exec(sql))
            return out;
        while (q.next())
            out << q.value(col).toString();
        return out;
    }

private:
    static inline int s_counter = 0;
    QString m_name;
    bool m_ok = false;
};

// Schema version 1 exactly as it was released (the first migration step).
void createV1(const QString &path, const QString &draftJson)
{
    RawDb raw(path);
    QVERIFY(raw.ok());
    QVERIFY(raw.exec(QStringLiteral("CREATE TABLE drafts (id TEXT PRIMARY KEY NOT NULL, server_id TEXT, "
                                    "server_version INTEGER NOT NULL DEFAULT 0, kind TEXT NOT NULL, json TEXT NOT NULL, "
                                    "page TEXT NOT NULL DEFAULT '', dirty INTEGER NOT NULL DEFAULT 1, "
                                    "created_at TEXT NOT NULL, updated_at TEXT NOT NULL)")));
    QVERIFY(raw.exec(QStringLiteral(
        "CREATE UNIQUE INDEX drafts_server_id ON drafts(server_id) WHERE server_id IS NOT NULL")));
    QVERIFY(raw.exec(QStringLiteral("CREATE TABLE settings (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL)")));
    QVERIFY(raw.exec(QStringLiteral("INSERT INTO drafts VALUES ('v1-draft', 'A20261121-0007', 4, 'renewal', ?, "
                                    "'order', 1, '2026-11-20T08:00:00.000Z', '2026-11-20T09:30:00.000Z')"),
                     {draftJson}));
    QVERIFY(raw.exec(QStringLiteral("INSERT INTO settings VALUES ('last_page', 'order')")));
    QVERIFY(raw.exec(QStringLiteral("PRAGMA user_version = 1")));
}

QString sha256Of(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromLatin1(QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256).toHex());
}

} // namespace

class TestStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void freshDatabase();
    void defaultPathIsAppData();
    void migratesFromV0();
    void migratesFromV1();
    void failedMigrationLeavesOldVersion();
    void refusesNewerSchema();
    void refusesNonDatabase();
    void notOpenAndWrongThreadAreErrors();
    void draftUpsertLoadListDelete();
    void saveKeepsServerFieldsOfExistingRow();
    void markSyncedRespectsNewerEdits();
    void conflictKeepsBothAndResolves();
    void attachmentsSurviveReopenAndCascade();
    void paymentIntentReusedAfterRestart();
    void paymentIntentSharedBetweenTwoStores();
    void operationKeysSurviveRestart();
    void secretGuardStripsSecrets();
    void settingsRefuseSecretKeys();
    void bankAccountEncryptedAtRest();
    void lostKeyLosesOnlyTheAccount();
    void sealedFieldBoundToItsDraft();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString dbPath() const { return m_dir->filePath(QStringLiteral("ca-client.sqlite")); }
};

void TestStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestStore::freshDatabase()
{
    LocalStore store;
    const auto st = store.open(dbPath());
    QVERIFY2(st.ok(), qPrintable(st.error().detail));
    QVERIFY(store.isOpen());
    QCOMPARE(store.integrityCheck().value(), QStringLiteral("ok"));
    QVERIFY(QFile::exists(store.keyPath()));
#ifdef Q_OS_UNIX
    QCOMPARE(QFile::permissions(store.keyPath()) & ~(QFileDevice::ReadUser | QFileDevice::WriteUser),
             QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    QCOMPARE(QFileInfo(store.keyPath()).size(), qint64(32));
#endif
    store.close();

    RawDb raw(dbPath());
    QCOMPARE(raw.scalar(QStringLiteral("PRAGMA user_version")).toInt(), LocalStore::schemaVersion());
    QCOMPARE(raw.scalar(QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
    const QStringList tables = raw.column(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"));
    for (const char *t : {"drafts", "draft_attachments", "payment_intents", "operation_keys", "settings"})
        QVERIFY2(tables.contains(QLatin1String(t)), t);
}

void TestStore::defaultPathIsAppData()
{
    QStandardPaths::setTestModeEnabled(true);
    const QString expectedDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QCOMPARE(LocalStore::defaultPath(), expectedDir + QStringLiteral("/ca-client.sqlite"));
    QFile::remove(LocalStore::defaultPath());
    QFile::remove(LocalStore::defaultPath() + QStringLiteral(".key"));
    {
        LocalStore store;
        const auto st = store.open();
        QVERIFY2(st.ok(), qPrintable(st.error().detail));
        QCOMPARE(store.path(), LocalStore::defaultPath());
        QVERIFY(store.saveDraft(sampleDraft()).ok());
    }
    QVERIFY(QFile::exists(LocalStore::defaultPath()));
    QVERIFY(QFile::remove(LocalStore::defaultPath()));
    QVERIFY(QFile::remove(LocalStore::defaultPath() + QStringLiteral(".key")));
    QStandardPaths::setTestModeEnabled(false);
}

void TestStore::migratesFromV0()
{
    // v0: an SQLite database without any of our tables (user_version 0).
    {
        RawDb raw(dbPath());
        QVERIFY(raw.ok());
        QVERIFY(raw.exec(QStringLiteral("CREATE TABLE leftover (x INTEGER)")));
    }
    QCOMPARE(RawDb(dbPath()).scalar(QStringLiteral("PRAGMA user_version")).toInt(), 0);
    LocalStore store;
    const auto st = store.open(dbPath());
    QVERIFY2(st.ok(), qPrintable(st.error().detail));
    QVERIFY(store.saveDraft(sampleDraft()).ok());
    QCOMPARE(store.listDrafts()->size(), 1);
    store.close();
    QCOMPARE(RawDb(dbPath()).scalar(QStringLiteral("PRAGMA user_version")).toInt(), LocalStore::schemaVersion());
}

void TestStore::migratesFromV1()
{
    // v1 kept the whole JSON in plain text, bank account (and, by a bug we
    // guard against, a password) included: the migration must seal the
    // account and strip the secret from the old row.
    QJsonObject old = sampleJson(QStringLiteral("旧版本单位"));
    old.insert(QStringLiteral("password"), QStringLiteral("hunter2-secret"));
    const QString oldJson = QString::fromUtf8(QJsonDocument(old).toJson(QJsonDocument::Compact));
    createV1(dbPath(), oldJson);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(containsText(rawDatabaseBytes(dbPath()), Account)); // the fixture really is plain text

    {
        LocalStore store;
        const auto st = store.open(dbPath());
        QVERIFY2(st.ok(), qPrintable(st.error().detail));
        const auto d = store.loadDraft(QStringLiteral("v1-draft"));
        QVERIFY2(d.ok(), qPrintable(d.error().detail));
        QCOMPARE(d->serverId, QStringLiteral("A20261121-0007"));
        QCOMPARE(d->serverVersion, qint64(4));
        QCOMPARE(d->kind, QStringLiteral("renewal"));
        QCOMPARE(d->page, QStringLiteral("order"));
        QVERIFY(d->dirty);
        QCOMPARE(d->revision, qint64(1));
        QVERIFY(!d->hasConflict);
        QCOMPARE(d->updatedAt, QDateTime(QDate(2026, 11, 20), QTime(9, 30), Qt::UTC));
        QCOMPARE(d->json.value(QStringLiteral("invoice")).toObject().value(QStringLiteral("account")).toString(), Account);
        QCOMPARE(d->json.value(QStringLiteral("organization")).toObject().value(QStringLiteral("name")).toString(),
                 QStringLiteral("旧版本单位"));
        QVERIFY(!d->json.contains(QStringLiteral("password")));
        QCOMPARE(store.value(QStringLiteral("last_page")).value(), QStringLiteral("order"));
        // The tables of later steps work.
        QVERIFY(store.intentFor(QStringLiteral("A20261121-0007"), QStringLiteral("bank")).ok());
        LocalAttachment a;
        a.draftId = QStringLiteral("v1-draft");
        a.category = QStringLiteral("business_licence");
        a.localPath = QStringLiteral("/tmp/licence.pdf");
        a.size = 1;
        QVERIFY(store.addAttachment(a).ok());
    }
    // Closed: WAL checkpointed into the file. Neither the account nor the password is left in any byte.
    const QByteArray bytes = rawDatabaseBytes(dbPath());
    QVERIFY(!bytes.isEmpty());
    QVERIFY(!containsText(bytes, Account));
    QVERIFY(!containsText(bytes, QStringLiteral("hunter2-secret")));
    QCOMPARE(RawDb(dbPath()).scalar(QStringLiteral("PRAGMA user_version")).toInt(), LocalStore::schemaVersion());
}

void TestStore::failedMigrationLeavesOldVersion()
{
    createV1(dbPath(), QString::fromUtf8(QJsonDocument(sampleJson()).toJson(QJsonDocument::Compact)));
    if (QTest::currentTestFailed())
        return;
    // A table in the way of step 3: the whole migration (steps 2 and 3) must roll back.
    QVERIFY(RawDb(dbPath()).exec(QStringLiteral("CREATE TABLE payment_intents (x INTEGER)")));

    LocalStore store;
    const auto st = store.open(dbPath());
    QVERIFY(!st.ok());
    QCOMPARE(st.error().code, StoreError::Code::MigrationFailed);
    QVERIFY(!st.error().message.isEmpty());
    QVERIFY(st.error().detail.contains(QStringLiteral("step 3")));
    QVERIFY(!store.isOpen());

    RawDb raw(dbPath());
    QCOMPARE(raw.scalar(QStringLiteral("PRAGMA user_version")).toInt(), 1);
    const QStringList columns = raw.column(QStringLiteral("PRAGMA table_info(drafts)"), 1);
    QVERIFY(columns.contains(QStringLiteral("json")));
    QVERIFY2(!columns.contains(QStringLiteral("sealed")), "step 2 was not rolled back");
    // The v1 row is untouched (still plain: it was never migrated).
    QVERIFY(raw.scalar(QStringLiteral("SELECT json FROM drafts")).toString().contains(Account));
}

void TestStore::refusesNewerSchema()
{
    {
        RawDb raw(dbPath());
        QVERIFY(raw.exec(QStringLiteral("CREATE TABLE future (x INTEGER)")));
        QVERIFY(raw.exec(QStringLiteral("PRAGMA user_version = %1").arg(LocalStore::schemaVersion() + 1)));
    }
    const QString before = sha256Of(dbPath());
    QVERIFY(!before.isEmpty());

    LocalStore store;
    const auto st = store.open(dbPath());
    QVERIFY(!st.ok());
    QCOMPARE(st.error().code, StoreError::Code::NewerSchema);
    QVERIFY(st.error().message.contains(QStringLiteral("newer version")));
    QVERIFY(!store.isOpen());
    QVERIFY(!store.saveDraft(sampleDraft()).ok());
    QCOMPARE(sha256Of(dbPath()), before); // not touched: no WAL switch, no migration
    QVERIFY(!QFile::exists(dbPath() + QStringLiteral(".key")));
}

void TestStore::refusesNonDatabase()
{
    QFile f(dbPath());
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QByteArray("this is a text file, not an SQLite database\n").repeated(100));
    f.close();
    LocalStore store;
    const auto st = store.open(dbPath());
    QVERIFY(!st.ok());
    QCOMPARE(st.error().code, StoreError::Code::NotADatabase);
    QVERIFY(!st.error().message.isEmpty());
}

void TestStore::notOpenAndWrongThreadAreErrors()
{
    LocalStore closed;
    const auto r = closed.loadDraft(QStringLiteral("x"));
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, StoreError::Code::NotOpen);

    LocalStore store;
    QVERIFY(store.open(dbPath()).ok());
    StoreError::Code seen = StoreError::Code::None;
    std::unique_ptr<QThread> t(QThread::create([&] { seen = store.saveDraft(sampleDraft()).error().code; }));
    t->start();
    QVERIFY(t->wait(30000));
    QCOMPARE(seen, StoreError::Code::WrongThread);
    QCOMPARE(store.listDrafts()->size(), 0);
}

void TestStore::draftUpsertLoadListDelete()
{
    LocalStore store;
    QVERIFY(store.open(dbPath()).ok());

    Draft a = sampleDraft();
    const auto r1 = store.saveDraft(a);
    QVERIFY2(r1.ok(), qPrintable(r1.error().detail));
    QCOMPARE(r1.value(), qint64(1));
    auto la = store.loadDraft(a.id);
    QVERIFY(la.ok());
    QCOMPARE(la->json, a.json);
    QCOMPARE(la->kind, QStringLiteral("new"));
    QCOMPARE(la->page, QStringLiteral("invoice"));
    QVERIFY(la->dirty);
    QVERIFY(la->serverId.isEmpty());
    QCOMPARE(la->serverVersion, qint64(0));
    QVERIFY(la->createdAt.isValid());
    const QDateTime created = la->createdAt;

    a.json.insert(QStringLiteral("kind"), QStringLiteral("reissue"));
    a.kind = QStringLiteral("reissue");
    a.page = QStringLiteral("attachments");
    QTest::qWait(5); // distinct updated_at for the order check below
    QCOMPARE(store.saveDraft(a).value(), qint64(2));
    la = store.loadDraft(a.id);
    QCOMPARE(la->json, a.json);
    QCOMPARE(la->kind, QStringLiteral("reissue"));
    QCOMPARE(la->page, QStringLiteral("attachments"));
    QCOMPARE(la->revision, qint64(2));
    QCOMPARE(la->createdAt, created);
    QVERIFY(la->updatedAt >= created);

    QTest::qWait(5);
    Draft b = sampleDraft();
    b.json = sampleJson(QStringLiteral("第二家公司"));
    QVERIFY(store.saveDraft(b).ok());
    const auto list = store.listDrafts();
    QVERIFY(list.ok());
    QCOMPARE(list->size(), 2);
    QCOMPARE(list->at(0).id, b.id); // most recent first
    QCOMPARE(list->at(1).id, a.id);

    QCOMPARE(store.deleteDraft(a.id).value(), true);
    QCOMPARE(store.deleteDraft(a.id).value(), false);
    const auto gone = store.loadDraft(a.id);
    QVERIFY(!gone.ok());
    QCOMPARE(gone.error().code, StoreError::Code::NotFound);
    QVERIFY(!gone.error().message.isEmpty());
    QCOMPARE(store.listDrafts()->size(), 1);

    Draft noId = sampleDraft(QString());
    QCOMPARE(store.saveDraft(noId).error().code, StoreError::Code::InvalidArgument);
}

void TestStore::saveKeepsServerFieldsOfExistingRow()
{
    LocalStore store;
    QVERIFY(store.open(dbPath()).ok());
    Draft d = sampleDraft();
    d.serverId = QStringLiteral("A20261121-0001");
    d.serverVersion = 3;
    QVERIFY(store.saveDraft(d).ok());
    QVERIFY(store.markSynced(d.id, d.serverId, 5).ok());
    // A stale in-memory copy (version 3) is saved again: the row stays at 5.
    QVERIFY(store.saveDraft(d).ok());
    const auto l = store.loadDraft(d.id);
    QCOMPARE(l->serverId, QStringLiteral("A20261121-0001"));
    QCOMPARE(l->serverVersion, qint64(5));
    QVERIFY(l->dirty);
    QCOMPARE(store.findDraftByServerId(QStringLiteral("A20261121-0001"))->id, d.id);
    QCOMPARE(store.findDraftByServerId(QStringLiteral("A-none")).error().code, StoreError::Code::NotFound);
}

void TestStore::markSyncedRespectsNewerEdits()
{
    LocalStore store;
    QVERIFY(store.open(dbPath()).ok());
    Draft d = sampleDraft();
    const qint64 rev1 = store.saveDraft(d).value();
    QCOMPARE(store.dirtyDrafts()->size(), 1);
    QVERIFY(store.markSynced(d.id, QStringLiteral("A1"), 1, rev1).ok());
    auto l = store.loadDraft(d.id);
    QVERIFY(!l->dirty);
    QCOMPARE(l->serverId, QStringLiteral("A1"));
    QCOMPARE(l->serverVersion, qint64(1));
    QCOMPARE(store.dirtyDrafts()->size(), 0);

    // Sent revision 2; the user typed on (revision 3) before the answer came.
    const qint64 rev2 = store.saveDraft(d).value();
    QVERIFY(store.saveDraft(d).ok());
    QVERIFY(store.markSynced(d.id, QStringLiteral("A1"), 2, rev2).ok());
    l = store.loadDraft(d.id);
    QCOMPARE(l->serverVersion, qint64(2));
    QVERIFY2(l->dirty, "edits made after the sent revision must stay dirty");
    QCOMPARE(store.dirtyDrafts()->size(), 1);

    QCOMPARE(store.markSynced(QStringLiteral("nope"), QStringLiteral("A9"), 1).error().code,
             StoreError::Code::NotFound);
}

void TestStore::conflictKeepsBothAndResolves()
{
    LocalStore store;
    QVERIFY(store.open(dbPath()).ok());
    Draft d = sampleDraft();
    QVERIFY(store.saveDraft(d).ok());
    QVERIFY(store.markSynced(d.id, QStringLiteral("A7"), 3).ok());
    QVERIFY(store.conflict(d.id).ok());
    QVERIFY(!store.conflict(d.id)->has_value());

    QJsonObject server = sampleJson(QStringLiteral("服务器上的名称"));
    QJsonObject inv = server.value(QStringLiteral("invoice")).toObject();
    inv.insert(QStringLiteral("account"), ServerAccount);
    server.insert(QStringLiteral("invoice"), inv);
    QVERIFY(store.storeConflict(d.id, server, 5).ok());

    auto l = store.loadDraft(d.id);
    QVERIFY(l->hasConflict);
    QCOMPARE(l->json, d.json); // local copy untouched
    QCOMPARE(l->serverVersion, qint64(3));
    auto c = store.conflict(d.id);
    QVERIFY(c.ok() && c->has_value());
    QCOMPARE((*c)->serverJson, server);
    QCOMPARE((*c)->serverVersion, qint64(5));
    QVERIFY((*c)->receivedAt.isValid());

    // Keep mine: local content, now based on version 5, still to be sent.
    QVERIFY(store.resolveConflict(d.id, ConflictResolution::KeepLocal).ok());
    l = store.loadDraft(d.id);
    QVERIFY(!l->hasConflict);
    QCOMPARE(l->json, d.json);
    QCOMPARE(l->serverVersion, qint64(5));
    QVERIFY(l->dirty);
    QVERIFY(!store.conflict(d.id)->has_value());
    QCOMPARE(store.resolveConflict(d.id, ConflictResolution::KeepLocal).error().code, StoreError::Code::NotFound);

    // Take theirs: server content (with its account) and version, clean.
    QVERIFY(store.storeConflict(d.id, server, 6).ok());
    QVERIFY(store.resolveConflict(d.id, ConflictResolution::TakeServer).ok());
    l = store.loadDraft(d.id);
    QVERIFY(!l->hasConflict);
    QCOMPARE(l->json, server);
    QCOMPARE(l->serverVersion, qint64(6));
    QVERIFY(!l->dirty);
    QCOMPARE(store.storeConflict(QStringLiteral("nope"), server, 1).error().code, StoreError::Code::NotFound);
}

void TestStore::attachmentsSurviveReopenAndCascade()
{
    const Draft d = sampleDraft();
    qint64 attId = 0;
    QString key;
    {
        LocalStore store;
        QVERIFY(store.open(dbPath()).ok());
        QVERIFY(store.saveDraft(d).ok());
        LocalAttachment a;
        a.draftId = d.id;
        a.category = QStringLiteral("business_licence");
        a.localPath = QStringLiteral("/home/user/扫描/licence.pdf");
        a.size = 12345;
        a.sha256 = QStringLiteral("ABCDEF0123");
        a.contentType = QStringLiteral("application/pdf");
        const auto added = store.addAttachment(a);
        QVERIFY2(added.ok(), qPrintable(added.error().detail));
        QVERIFY(added->id > 0);
        QCOMPARE(added->fileName, QStringLiteral("licence.pdf"));
        QCOMPARE(added->sha256, QStringLiteral("abcdef0123"));
        QCOMPARE(added->state, QStringLiteral("pending"));
        QVERIFY(!added->idempotencyKey.isEmpty());
        attId = added->id;
        key = added->idempotencyKey;
        QVERIFY(store.setAttachmentState(attId, QStringLiteral("uploading")).ok());

        a.category = QStringLiteral("selfie");
        QCOMPARE(store.addAttachment(a).error().code, StoreError::Code::InvalidArgument);
        a.category = QStringLiteral("handler_id");
        a.draftId = QStringLiteral("no-such-draft");
        QCOMPARE(store.addAttachment(a).error().code, StoreError::Code::NotFound);
        QCOMPARE(store.setAttachmentState(attId, QStringLiteral("done")).error().code,
                 StoreError::Code::InvalidArgument);
    }
    LocalStore store;
    QVERIFY(store.open(dbPath()).ok());
    auto unfinished = store.unfinishedAttachments();
    QVERIFY(unfinished.ok());
    QCOMPARE(unfinished->size(), 1);
    QCOMPARE(unfinished->at(0).id, attId);
    QCOMPARE(unfinished->at(0).state, QStringLiteral("uploading"));
    QCOMPARE(unfinished->at(0).idempotencyKey, key); // the retry reuses the key
    QCOMPARE(unfinished->at(0).localPath, QStringLiteral("/home/user/扫描/licence.pdf"));

    QVERIFY(store.setAttachmentState(attId, QStringLiteral("uploaded"), QStringLiteral("att-42")).ok());
    QCOMPARE(store.unfinishedAttachments()->size(), 0);
    QCOMPARE(store.attachments(d.id)->at(0).serverAttachmentId, QStringLiteral("att-42"));

    QVERIFY(store.deleteDraft(d.id).value());
    QCOMPARE(store.attachments(d.id)->size(), 0); // cascaded
    QCOMPARE(store.removeAttachment(attId).error().code, StoreError::Code::NotFound);
}

void TestStore::paymentIntentReusedAfterRestart()
{
    const QString app = QStringLiteral("A20261121-0001");
    QString key;
    {
        LocalStore store;
        QVERIFY(store.open(dbPath()).ok());
        const auto i = store.intentFor(app, QStringLiteral("wechat"));
        QVERIFY2(i.ok(), qPrintable(i.error().detail));
        QCOMPARE(i->status, QStringLiteral("requested"));
        QVERIFY(i->orderNo.isEmpty());
        QVERIFY(!i->isClosed());
        key = i->idempotencyKey;
        QVERIFY(!QUuid::fromString(key).isNull());
        // ... and the program is killed before the platform answered.
    }
    LocalStore store;
    QVERIFY(store.open(dbPath()).ok());
    auto again = store.intentFor(app, QStringLiteral("wechat"));
    QCOMPARE(again->idempotencyKey, key);
    const auto pending = store.pendingIntents();
    QCOMPARE(pending->size(), 1);
    QCOMPARE(pending->at(0).idempotencyKey, key);

    const auto other = store.intentFor(app, QStringLiteral("alipay"));
    QVERIFY(other->idempotencyKey != key);

    QVERIFY(store.recordOrder(key, QStringLiteral("P20261121001"), QStringLiteral("open")).ok());
    again = store.intentFor(app, QStringLiteral("wechat"));
    QCOMPARE(again->idempotencyKey, key);
    QCOMPARE(again->orderNo, QStringLiteral("P20261121001"));
    QCOMPARE(again->status, QStringLiteral("open"));

    // The QR code expired: closed, and the next attempt gets a fresh key.
    QVERIFY(store.closeIntent(key, QStringLiteral("expired")).ok());
    const auto fresh = store.intentFor(app, QStringLiteral("wechat"));
    QVERIFY(fresh->idempotencyKey != key);
    QCOMPARE(fresh->status, QStringLiteral("requested"));
    const auto all = store.intentsForApplication(app);
    QCOMPARE(all->size(), 3);
    QCOMPARE(all->at(0).status, QStringLiteral("expired"));
    QVERIFY(all->at(0).isClosed());
    QCOMPARE(all->at(0).orderNo, QStringLiteral("P20261121001"));

    // Paid is final: never closed, never a new key.
    QVERIFY(store.recordOrder(fresh->idempotencyKey, QStringLiteral("P20261121002"), QStringLiteral("paid")).ok());
    const auto refused = store.closeIntent(fresh->idempotencyKey);
    QCOMPARE(refused.error().code, StoreError::Code::InvalidArgument);
    QCOMPARE(store.intentFor(app, QStringLiteral("wechat"))->idempotencyKey, fresh->idempotencyKey);
    QCOMPARE(store.pendingIntents()->size(), 1); // only the alipay one still waits

    QCOMPARE(store.intentFor(app, QStringLiteral("paypal")).error().code, StoreError::Code::InvalidArgument);
    QCOMPARE(store.intentFor(QString(), QStringLiteral("bank")).error().code, StoreError::Code::InvalidArgument);
    QCOMPARE(store.recordOrder(QStringLiteral("no-such-key"), QStringLiteral("P1"), QStringLiteral("open")).error().code,
             StoreError::Code::NotFound);
}

void TestStore::paymentIntentSharedBetweenTwoStores()
{
    // Two stores in one process on the same file (ca-client and ca-tool share
    // it the same way): distinct connections, one intent.
    LocalStore a;
    LocalStore b;
    QVERIFY(a.open(dbPath()).ok());
    QVERIFY(b.open(dbPath()).ok());
    const auto ia = a.intentFor(QStringLiteral("A1"), QStringLiteral("bank"));
    const auto ib = b.intentFor(QStringLiteral("A1"), QStringLiteral("bank"));
    QVERIFY(ia.ok() && ib.ok());
    QCOMPARE(ib->idempotencyKey, ia->idempotencyKey);
    const Draft d = sampleDraft();
    QVERIFY(a.saveDraft(d).ok());
    QCOMPARE(b.loadDraft(d.id)->json, d.json); // same install key, same file
    // A third store on another file does not see it.
    LocalStore c;
    QVERIFY(c.open(m_dir->filePath(QStringLiteral("other.sqlite"))).ok());
    QCOMPARE(c.listDrafts()->size(), 0);
}

void TestStore::operationKeysSurviveRestart()
{
    QString key;
    {
        LocalStore store;
        QVERIFY(store.open(dbPath()).ok());
        const auto k = store.operationKey(QStringLiteral("submit"), QStringLiteral("A1"));
        QVERIFY2(k.ok(), qPrintable(k.error().detail));
        key = k.value();
        QVERIFY(!QUuid::fromString(key).isNull());
        QCOMPARE(store.operationKey(QStringLiteral("submit"), QStringLiteral("A1")).value(), key);
        QVERIFY(store.operationKey(QStringLiteral("submit"), QStringLiteral("A2")).value() != key);
        QVERIFY(store.operationKey(QStringLiteral("create"), QStringLiteral("A1")).value() != key);
        QCOMPARE(store.operationKey(QString(), QStringLiteral("A1")).error().code, StoreError::Code::InvalidArgument);
    }
    LocalStore store;
    QVERIFY(store.open(dbPath()).ok());
    QCOMPARE(store.operationKey(QStringLiteral("submit"), QStringLiteral("A1")).value(), key);
    QVERIFY(store.finishOperation(QStringLiteral("submit"), QStringLiteral("A1")).ok());
    QVERIFY(store.operationKey(QStringLiteral("submit"), QStringLiteral("A1")).value() != key);
}

void TestStore::secretGuardStripsSecrets()
{
    LocalStore store;
    QVERIFY(store.open(dbPath()).ok());
    Draft d = sampleDraft();
    d.json.insert(QStringLiteral("password"), QStringLiteral("Secret-Password-1"));
    d.json.insert(QStringLiteral("certificate"),
                  QJsonObject{{QStringLiteral("token_serial"), QStringLiteral("SN-1234")},
                              {QStringLiteral("PIN"), QStringLiteral("Secret-Pin-2")},
                              {QStringLiteral("so_pin"), QStringLiteral("Secret-SoPin-3")}});
    d.json.insert(QStringLiteral("approval_records"),
                  QJsonArray{QJsonObject{{QStringLiteral("action"), QStringLiteral("save")},
                                         {QStringLiteral("token"), QStringLiteral("Secret-Bearer-4")}}});
    QVERIFY(store.saveDraft(d).ok());

    const auto l = store.loadDraft(d.id);
    QVERIFY(!l->json.contains(QStringLiteral("password")));
    const QJsonObject cert = l->json.value(QStringLiteral("certificate")).toObject();
    QCOMPARE(cert.value(QStringLiteral("token_serial")).toString(), QStringLiteral("SN-1234")); // not a secret
    QVERIFY(!cert.contains(QStringLiteral("PIN")));
    QVERIFY(!cert.contains(QStringLiteral("so_pin")));
    const QJsonObject rec = l->json.value(QStringLiteral("approval_records")).toArray().at(0).toObject();
    QCOMPARE(rec.value(QStringLiteral("action")).toString(), QStringLiteral("save"));
    QVERIFY(!rec.contains(QStringLiteral("token")));

    // The server copy of a conflict goes through the same guard.
    QJsonObject server = d.json;
    server.insert(QStringLiteral("so_pin"), QStringLiteral("Secret-SoPin-5"));
    QVERIFY(store.storeConflict(d.id, server, 2).ok());
    QVERIFY(!store.conflict(d.id)->value().serverJson.contains(QStringLiteral("so_pin")));

    const QByteArray bytes = rawDatabaseBytes(dbPath());
    for (const char *s : {"Secret-Password-1", "Secret-Pin-2", "Secret-SoPin-3", "Secret-Bearer-4", "Secret-SoPin-5"})
        QVERIFY2(!bytes.contains(s), s);
    QVERIFY(bytes.contains("SN-1234")); // the scan really sees the stored text

    QStringList removed;
    QJsonObject j{{QStringLiteral("invoice"), QJsonObject{{QStringLiteral("passphrase"), 1}}}};
    removed = SecretGuard::stripSecrets(j);
    QCOMPARE(removed, QStringList{QStringLiteral("invoice.passphrase")});
}

void TestStore::settingsRefuseSecretKeys()
{
    LocalStore store;
    QVERIFY(store.open(dbPath()).ok());
    QVERIFY(store.setValue(QStringLiteral("wizard/last_page"), QStringLiteral("invoice")).ok());
    QCOMPARE(store.value(QStringLiteral("wizard/last_page")).value(), QStringLiteral("invoice"));
    QCOMPARE(store.value(QStringLiteral("missing"), QStringLiteral("dflt")).value(), QStringLiteral("dflt"));
    for (const char *k : {"password", "token.so_pin", "user_pin", "login/password"}) {
        const auto st = store.setValue(QLatin1String(k), QStringLiteral("x"));
        QVERIFY2(!st.ok(), k);
        QCOMPARE(st.error().code, StoreError::Code::InvalidArgument);
    }
    QVERIFY(store.removeValue(QStringLiteral("wizard/last_page")).ok());
    QCOMPARE(store.value(QStringLiteral("wizard/last_page")).value(), QString());
}

void TestStore::bankAccountEncryptedAtRest()
{
    Draft d = sampleDraft();
    {
        LocalStore store;
        QVERIFY(store.open(dbPath()).ok());
        QVERIFY(store.saveDraft(d).ok());
        QJsonObject server = sampleJson();
        QJsonObject inv = server.value(QStringLiteral("invoice")).toObject();
        inv.insert(QStringLiteral("account"), ServerAccount);
        server.insert(QStringLiteral("invoice"), inv);
        QVERIFY(store.storeConflict(d.id, server, 2).ok());

        // While open (data in the WAL) ...
        QByteArray bytes = rawDatabaseBytes(dbPath());
        QVERIFY(bytes.contains("中国银行济南分行")); // non-secret invoice fields are plain and findable
        QVERIFY(!containsText(bytes, Account));
        QVERIFY(!containsText(bytes, ServerAccount));

        // ... and they come back decrypted.
        QCOMPARE(store.loadDraft(d.id)->json, d.json);
        QCOMPARE(store.conflict(d.id)->value().serverJson, server);
        QCOMPARE(store.listDrafts()->at(0).json, d.json);
    }
    // After close (checkpointed into the main file).
    const QByteArray bytes = rawDatabaseBytes(dbPath());
    QVERIFY(!containsText(bytes, Account));
    QVERIFY(!containsText(bytes, ServerAccount));
    // The key file holds no account either (it is random).
    QFile key(dbPath() + QStringLiteral(".key"));
    QVERIFY(key.open(QIODevice::ReadOnly));
    QVERIFY(!key.readAll().contains(Account.toUtf8()));

    // Reopen: same key, account back.
    LocalStore store;
    QVERIFY(store.open(dbPath()).ok());
    const auto l = store.loadDraft(d.id);
    QVERIFY(!l->protectedFieldsLost);
    QCOMPARE(l->json.value(QStringLiteral("invoice")).toObject().value(QStringLiteral("account")).toString(), Account);
}

void TestStore::lostKeyLosesOnlyTheAccount()
{
    const Draft d = sampleDraft();
    {
        LocalStore store;
        QVERIFY(store.open(dbPath()).ok());
        QVERIFY(store.saveDraft(d).ok());
    }
    QVERIFY(QFile::remove(dbPath() + QStringLiteral(".key")));
    LocalStore store;
    QVERIFY(store.open(dbPath()).ok()); // makes a new key
    const auto l = store.loadDraft(d.id);
    QVERIFY2(l.ok(), qPrintable(l.error().detail));
    QVERIFY(l->protectedFieldsLost);
    const QJsonObject inv = l->json.value(QStringLiteral("invoice")).toObject();
    QVERIFY(!inv.contains(QStringLiteral("account")));
    QCOMPARE(inv.value(QStringLiteral("bank")).toString(), QStringLiteral("中国银行济南分行"));
    // Saving again with the re-typed account works under the new key.
    QVERIFY(store.saveDraft(d).ok());
    QVERIFY(!store.loadDraft(d.id)->protectedFieldsLost);
}

void TestStore::sealedFieldBoundToItsDraft()
{
    Draft a = sampleDraft(QStringLiteral("draft-a"));
    Draft b = sampleDraft(QStringLiteral("draft-b"));
    QJsonObject inv = b.json.value(QStringLiteral("invoice")).toObject();
    inv.insert(QStringLiteral("account"), ServerAccount);
    b.json.insert(QStringLiteral("invoice"), inv);
    {
        LocalStore store;
        QVERIFY(store.open(dbPath()).ok());
        QVERIFY(store.saveDraft(a).ok());
        QVERIFY(store.saveDraft(b).ok());
    }
    // Copy b's ciphertext onto a: it must not decrypt as a's account.
    QVERIFY(RawDb(dbPath()).exec(QStringLiteral(
        "UPDATE drafts SET sealed = (SELECT sealed FROM drafts WHERE id = 'draft-b') WHERE id = 'draft-a'")));
    LocalStore store;
    QVERIFY(store.open(dbPath()).ok());
    const auto la = store.loadDraft(QStringLiteral("draft-a"));
    QVERIFY(la.ok());
    QVERIFY(la->protectedFieldsLost);
    QVERIFY(!la->json.value(QStringLiteral("invoice")).toObject().contains(QStringLiteral("account")));
    QVERIFY(!store.loadDraft(QStringLiteral("draft-b"))->protectedFieldsLost);
}

QTEST_GUILESS_MAIN(TestStore)
#include "tst_store.moc"
