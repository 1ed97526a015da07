// DraftAutosaver: debounced saving through a real LocalStore.

#include "core/store/DraftAutosaver.h"
#include "core/store/LocalStore.h"

#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace ca;
using namespace std::chrono_literals;

namespace {
Draft edit(const QString &id, int n)
{
    Draft d;
    d.id = id;
    d.kind = QStringLiteral("new");
    d.page = QStringLiteral("organization");
    d.json = QJsonObject{{QStringLiteral("kind"), QStringLiteral("new")},
                         {QStringLiteral("organization"),
                          QJsonObject{{QStringLiteral("name"), QStringLiteral("济南示例科技有限公司").left(n % 10 + 1)}}},
                         {QStringLiteral("edit"), n}};
    return d;
}
} // namespace

class TestStoreAutosaver : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void coalescesEditsAndSavesTheLast();
    void flushSavesAtOnce();
    void destructionFlushes();
    void failureIsReportedAndKept();
    void draftWithoutIdGetsOne();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<LocalStore> m_store;
    QString dbPath() const { return m_dir->filePath(QStringLiteral("ca-client.sqlite")); }
};

void TestStoreAutosaver::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_store = std::make_unique<LocalStore>();
    const auto st = m_store->open(dbPath());
    QVERIFY2(st.ok(), qPrintable(st.error().detail));
}

void TestStoreAutosaver::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

void TestStoreAutosaver::coalescesEditsAndSavesTheLast()
{
    DraftAutosaver saver(m_store.get());
    saver.setDelay(200ms);
    QSignalSpy saved(&saver, &DraftAutosaver::saved);
    QSignalSpy failed(&saver, &DraftAutosaver::failed);
    const QString id = LocalStore::newId();
    constexpr int Edits = 50;
    // A burst of typing: nothing is written while it goes on (no event loop runs).
    for (int i = 1; i <= Edits; ++i)
        saver.change(edit(id, i));
    QVERIFY(saver.isPending(id));
    QCOMPARE(m_store->loadDraft(id).error().code, StoreError::Code::NotFound);

    QTRY_VERIFY(!saved.isEmpty()); // eventually saved, by the timer
    QVERIFY(!saver.hasPending());
    QCOMPARE(failed.count(), 0);
    QVERIFY2(saved.count() < Edits, "the edits were not coalesced");
    QCOMPARE(saved.last().at(0).toString(), id);
    const auto d = m_store->loadDraft(id);
    QVERIFY(d.ok());
    QCOMPARE(d->json.value(QStringLiteral("edit")).toInt(), Edits); // the newest state
    QVERIFY(d->revision < Edits);
    QCOMPARE(saved.last().at(1).toLongLong(), d->revision);
}

void TestStoreAutosaver::flushSavesAtOnce()
{
    DraftAutosaver saver(m_store.get());
    saver.setDelay(1h); // only flush() can save here
    QSignalSpy saved(&saver, &DraftAutosaver::saved);
    const QString a = saver.change(edit(LocalStore::newId(), 1));
    const QString b = saver.change(edit(LocalStore::newId(), 2));
    saver.change(edit(a, 3));
    QVERIFY(saver.flush());
    QCOMPARE(saved.count(), 2); // one per draft, synchronously
    QVERIFY(!saver.hasPending());
    QCOMPARE(m_store->loadDraft(a)->json.value(QStringLiteral("edit")).toInt(), 3);
    QCOMPARE(m_store->loadDraft(b)->json.value(QStringLiteral("edit")).toInt(), 2);
    QVERIFY(saver.flush()); // nothing pending: no save
    QCOMPARE(saved.count(), 2);
}

void TestStoreAutosaver::destructionFlushes()
{
    const QString id = LocalStore::newId();
    {
        DraftAutosaver saver(m_store.get());
        saver.setDelay(1h);
        saver.change(edit(id, 7));
        QCOMPARE(m_store->loadDraft(id).error().code, StoreError::Code::NotFound);
    }
    const auto d = m_store->loadDraft(id);
    QVERIFY(d.ok());
    QCOMPARE(d->json.value(QStringLiteral("edit")).toInt(), 7);
}

void TestStoreAutosaver::failureIsReportedAndKept()
{
    DraftAutosaver saver(m_store.get());
    saver.setDelay(10ms);
    saver.setRetryDelay(1h);
    QSignalSpy saved(&saver, &DraftAutosaver::saved);
    QSignalSpy failed(&saver, &DraftAutosaver::failed);
    m_store->close(); // the store is gone (e.g. disk unplugged)
    const QString id = saver.change(edit(LocalStore::newId(), 1));
    QTRY_VERIFY(!failed.isEmpty());
    QCOMPARE(failed.first().at(0).toString(), id);
    const auto err = failed.first().at(1).value<StoreError>();
    QCOMPARE(err.code, StoreError::Code::NotOpen);
    QVERIFY(!err.message.isEmpty());
    QVERIFY(saver.isPending(id)); // nothing typed is dropped
    QCOMPARE(saved.count(), 0);

    QVERIFY(m_store->open(dbPath()).ok());
    QVERIFY(saver.flush());
    QCOMPARE(saved.count(), 1);
    QCOMPARE(m_store->loadDraft(id)->json.value(QStringLiteral("edit")).toInt(), 1);
}

void TestStoreAutosaver::draftWithoutIdGetsOne()
{
    DraftAutosaver saver(m_store.get());
    Draft d = edit(QString(), 1);
    const QString id = saver.change(d);
    QVERIFY(!id.isEmpty());
    QVERIFY(saver.flush());
    QVERIFY(m_store->loadDraft(id).ok());
}

QTEST_GUILESS_MAIN(TestStoreAutosaver)
#include "tst_store_autosaver.moc"
