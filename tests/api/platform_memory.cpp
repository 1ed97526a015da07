// A 100 MB upload streamed from disk: the client's peak RSS grows by less
// than 30 MB (measured in this process with VmHWM; not timed).
#include "SandboxProcess.h"

#include "core/platform/AttachmentUpload.h"
#include "core/platform/PlatformClient.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace ca;
using namespace ca::test;

namespace {

// kB of a /proc/self/status line ("VmHWM:", "VmRSS:").
qint64 statusKb(const char *key)
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> lines = f.readAll().split('\n');
    for (const QByteArray &l : lines)
        if (l.startsWith(key))
            return l.mid(int(qstrlen(key))).trimmed().split(' ').first().toLongLong();
    return -1;
}

// Resets the peak (VmHWM) to the current RSS, if the kernel lets us.
bool resetPeak()
{
    QFile f(QStringLiteral("/proc/self/clear_refs"));
    return f.open(QIODevice::WriteOnly) && f.write("5") == 1;
}

} // namespace

class TestPlatformMemory : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void hundredMegabytes();
};

void TestPlatformMemory::hundredMegabytes()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    SandboxProcess sandbox({QStringLiteral("--workflow"), QStringLiteral("pay-first"), QStringLiteral("--max-upload-mb"), QStringLiteral("200")});
    QVERIFY2(sandbox.start(), qPrintable(sandbox.lastError()));

    // 100 MB with PDF magic, written in 1 MB pieces (the test itself must not hold it).
    const QString path = tmp.filePath(QStringLiteral("scan-100mb.pdf"));
    QCryptographicHash hash(QCryptographicHash::Sha256);
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QByteArray chunk(1024 * 1024, '\0');
        for (int i = 0; i < 100; ++i) {
            chunk.fill(char('a' + i % 26));
            if (i == 0)
                chunk.replace(0, 9, "%PDF-1.4\n");
            QCOMPARE(f.write(chunk), qint64(chunk.size()));
            hash.addData(chunk);
        }
    }
    const QString expectedSha = QString::fromLatin1(hash.result().toHex());

    PlatformClient client;
    client.setBaseUrl(sandbox.url());
    QVERIFY(client.setCaBundle(sandbox.caCertPath()));
    client.setTransferTimeout(std::chrono::milliseconds(120000));
    std::unique_ptr<PlatformCall> login(client.login(QStringLiteral("supplier"), sandbox.password(QStringLiteral("supplier"))));
    QVERIFY(login->waitForFinished(60000) && login->ok());
    std::unique_ptr<PlatformCall> created(client.createApplication(sampleApplication(QStringLiteral("new"))));
    QVERIFY(created->waitForFinished(60000) && created->ok());
    const QString id = created->json().value(QStringLiteral("id")).toString();

    // Warm up the TLS connection and the code paths with a small upload first.
    const QString small = tmp.filePath(QStringLiteral("small.pdf"));
    {
        QFile f(small);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(tinyPdf());
    }
    AttachmentUpload warm(&client, id, QStringLiteral("handler_id"), small);
    warm.start();
    QVERIFY(warm.waitForFinished(60000) && warm.ok());

    const bool reset = resetPeak();
    const qint64 before = reset ? statusKb("VmHWM:") : statusKb("VmHWM:");
    QVERIFY(before > 0);
    AttachmentUpload up(&client, id, QStringLiteral("business_licence"), path);
    qint64 lastSent = 0;
    connect(&up, &AttachmentUpload::progress, this, [&lastSent](qint64 sent, qint64) { lastSent = qMax(lastSent, sent); });
    up.start();
    QVERIFY(up.waitForFinished(600000));
    QVERIFY2(up.ok(), qPrintable(up.error().userMessage + QLatin1Char(' ') + up.error().detail));
    const qint64 after = statusKb("VmHWM:");
    QCOMPARE(up.attachment().value(QStringLiteral("sha256")).toString(), expectedSha);
    QCOMPARE(up.attachment().value(QStringLiteral("size")).toInteger(), qint64(100) * 1024 * 1024);
    QVERIFY2(lastSent > qint64(50) * 1024 * 1024, qPrintable(QString::number(lastSent))); // progress was reported along the way
    const qint64 growthKb = after - before;
    qInfo() << "peak RSS before" << before << "kB, after" << after << "kB, growth" << growthKb << "kB (peak reset:" << reset << ")";
    QVERIFY2(growthKb < 30 * 1024, qPrintable(QStringLiteral("peak RSS grew by %1 kB").arg(growthKb)));
}

QTEST_GUILESS_MAIN(TestPlatformMemory)
#include "platform_memory.moc"
