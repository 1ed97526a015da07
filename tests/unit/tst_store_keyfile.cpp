// The local store's sealing key file, on disk as the platform keeps it
// (core/store/KeyFile.h): owner-only raw bytes on POSIX, a DPAPI blob of the
// current user on Windows (this test runs in both builds; under Wine in the
// Windows one). A key file that cannot be used is a lost key: the store still
// opens, only the sealed field (the bank account number) is lost, the old
// file is kept aside, and the store says it replaced the key.
#include "core/store/LocalStore.h"

#include <QDir>
#include <QFile>
#include <QJsonObject>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace ca;

namespace {

const QString Account = QStringLiteral("6222600810012345678");

Draft sampleDraft()
{
    Draft d;
    d.id = QStringLiteral("draft-keyfile");
    d.kind = QStringLiteral("new");
    d.page = QStringLiteral("invoice");
    d.json = QJsonObject{
        {QStringLiteral("kind"), QStringLiteral("new")},
        {QStringLiteral("invoice"),
         QJsonObject{{QStringLiteral("type"), QStringLiteral("special")},
                     {QStringLiteral("title"), QStringLiteral("济南示例科技有限公司")},
                     {QStringLiteral("bank"), QStringLiteral("中国银行济南分行")},
                     {QStringLiteral("account"), Account}}},
    };
    return d;
}

bool onWindows()
{
    return QSysInfo::productType() == QLatin1String("windows");
}

} // namespace

class TestStoreKeyFile : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void keyFileAsThePlatformKeepsIt();
    void damagedKeyFileIsALostKey_data();
    void damagedKeyFileIsALostKey();

private:
    QString dbPath() const { return m_dir->filePath(QStringLiteral("store.sqlite")); }
    QString keyPath() const { return dbPath() + QStringLiteral(".key"); }
    void writeKeyFile(const QByteArray &bytes) const;
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestStoreKeyFile::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    LocalStore store;
    QVERIFY(store.open(dbPath()).ok());
    QVERIFY(!store.sealingKeyReplaced());
    QVERIFY(store.saveDraft(sampleDraft()).ok());
}

void TestStoreKeyFile::writeKeyFile(const QByteArray &bytes) const
{
    QFile f(keyPath());
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(f.write(bytes), bytes.size());
}

void TestStoreKeyFile::keyFileAsThePlatformKeepsIt()
{
    QFile key(keyPath());
    QVERIFY(key.open(QIODevice::ReadOnly));
    const QByteArray stored = key.readAll();
    key.close();
    QVERIFY(!stored.contains(Account.toUtf8()));
    if (onWindows()) {
        // A DPAPI blob, larger than the 32-byte key it wraps (its layout is
        // the system's: Windows and Wine differ, so only the size is checked;
        // that it is no raw key is shown by damagedKeyFileIsALostKey("another key")).
        QVERIFY2(stored.size() > 32 + 16, qPrintable(QString::number(stored.size())));
    } else {
        QCOMPARE(stored.size(), 32);
        QCOMPARE(key.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteGroup
                                      | QFileDevice::WriteOther),
                 QFileDevice::Permissions());
    }
    // Reopened: the same key, the account is back.
    LocalStore store;
    QVERIFY(store.open(dbPath()).ok());
    QVERIFY(!store.sealingKeyReplaced());
    const auto d = store.loadDraft(sampleDraft().id);
    QVERIFY2(d.ok(), qPrintable(d.error().detail));
    QVERIFY(!d->protectedFieldsLost);
    QCOMPARE(d->json.value(QStringLiteral("invoice")).toObject().value(QStringLiteral("account")).toString(), Account);
}

void TestStoreKeyFile::damagedKeyFileIsALostKey_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("truncated") << QByteArray("\x01\x02\x03\x04\x05", 5);
    QTest::newRow("too long") << QByteArray(4096, 'x');
    // 32 bytes are a well-formed POSIX key, but not the key that sealed the
    // field (and on Windows not a DPAPI blob at all): the field is lost either way.
    QTest::newRow("another key") << QByteArray(32, '\x5a');
}

void TestStoreKeyFile::damagedKeyFileIsALostKey()
{
    QFETCH(QByteArray, content);
    writeKeyFile(content);
    const bool wellFormed = content.size() == 32 && !onWindows();

    LocalStore store;
    const StoreStatus opened = store.open(dbPath());
    QVERIFY2(opened.ok(), qPrintable(opened.error().detail));
    QCOMPARE(store.sealingKeyReplaced(), !wellFormed);
    const QStringList aside = QDir(m_dir->path()).entryList({QStringLiteral("store.sqlite.key.damaged-*")}, QDir::Files);
    QCOMPARE(aside.size(), wellFormed ? 0 : 1);

    // The draft is there; only its sealed account is gone.
    const auto d = store.loadDraft(sampleDraft().id);
    QVERIFY2(d.ok(), qPrintable(d.error().detail));
    QVERIFY(d->protectedFieldsLost);
    const QJsonObject inv = d->json.value(QStringLiteral("invoice")).toObject();
    QVERIFY(!inv.contains(QStringLiteral("account")));
    QCOMPARE(inv.value(QStringLiteral("bank")).toString(), QStringLiteral("中国银行济南分行"));

    // The account typed again is sealed under the new key and survives a restart.
    QVERIFY(store.saveDraft(sampleDraft()).ok());
    store.close();
    LocalStore again;
    QVERIFY(again.open(dbPath()).ok());
    QVERIFY(!again.sealingKeyReplaced());
    const auto d2 = again.loadDraft(sampleDraft().id);
    QVERIFY(!d2->protectedFieldsLost);
    QCOMPARE(d2->json.value(QStringLiteral("invoice")).toObject().value(QStringLiteral("account")).toString(), Account);
}

QTEST_GUILESS_MAIN(TestStoreKeyFile)
#include "tst_store_keyfile.moc"
