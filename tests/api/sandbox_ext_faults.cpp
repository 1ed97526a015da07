// ca-sandbox --faults FILE: injected status (first N requests), delay, dropped
// connections and seeded probabilities that repeat exactly after a restart.
#include "sandbox_ext_support.h"

#include <QElapsedTimer>
#include <QtTest>

using namespace ca::test;
using namespace sandbox_ext_api;

class TestSandboxExtFaults : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void statusForTheFirstRequests();
    void delay();
    void dropAfterBytes();
    void seededProbabilityRepeats();
    void badFaultsFileStopsTheStart();

private:
    QList<int> probabilitySequence(int n)
    {
        SandboxHttp anonymous(*m_sandbox);
        QList<int> out;
        for (int i = 0; i < n; ++i)
            out << anonymous.get(QStringLiteral("/api/v1/payments/370100cazf20261121000001")).status;
        return out;
    }

    QTemporaryDir m_dir;
    std::unique_ptr<SandboxProcess> m_sandbox;
};

void TestSandboxExtFaults::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QFile f(m_dir.filePath(QStringLiteral("faults.json")));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("{\"seed\": 20261121, \"rules\": [\n"
            " {\"route\": \"GET /api/v1/platform\", \"status\": 503, \"times\": 2},\n"
            " {\"route\": \"POST /api/v1/session\", \"delay_ms\": 400},\n"
            " {\"route\": \"GET /api/v1/organization\", \"drop_after_bytes\": 5},\n"
            " {\"route\": \"GET /api/v1/payments/*\", \"status\": 502, \"probability\": 0.5}\n"
            "]}\n");
    f.close();
    m_sandbox = std::make_unique<SandboxProcess>(QStringList{QStringLiteral("--faults"), f.fileName()});
    QVERIFY2(m_sandbox->start(), qPrintable(m_sandbox->lastError()));
}

void TestSandboxExtFaults::cleanupTestCase()
{
    if (m_sandbox)
        QCOMPARE(m_sandbox->stop(), 0);
}

void TestSandboxExtFaults::statusForTheFirstRequests()
{
    SandboxHttp http(*m_sandbox);
    auto r = http.get(QStringLiteral("/api/v1/platform"));
    QCOMPARE(r.status, 503);
    QCOMPARE(r.json().value(QStringLiteral("code")).toString(), QStringLiteral("fault_injected"));
    QVERIFY(!r.json().value(QStringLiteral("request_id")).toString().isEmpty());
    QCOMPARE(http.get(QStringLiteral("/api/v1/platform")).status, 503);
    r = http.get(QStringLiteral("/api/v1/platform"));
    QCOMPARE(r.status, 200);
    QVERIFY(r.json().contains(QStringLiteral("prices")));
}

void TestSandboxExtFaults::delay()
{
    SandboxHttp http(*m_sandbox);
    QElapsedTimer t;
    t.start();
    QVERIFY(http.login(QStringLiteral("supplier"))); // still answered correctly
    QVERIFY2(t.elapsed() >= 400, qPrintable(QString::number(t.elapsed()))); // the server held the answer back
}

void TestSandboxExtFaults::dropAfterBytes()
{
    SandboxHttp http(*m_sandbox);
    QVERIFY(http.login(QStringLiteral("supplier")));
    const auto r = http.get(QStringLiteral("/api/v1/organization"));
    QCOMPARE(r.status, 0);
    QVERIFY(!r.error.isEmpty());
    // Other routes are untouched.
    QCOMPARE(http.get(QStringLiteral("/api/v1/applications")).status, 200);
}

void TestSandboxExtFaults::seededProbabilityRepeats()
{
    const QList<int> first = probabilitySequence(24);
    QVERIFY(first.contains(502));
    QVERIFY(first.contains(401)); // no fault: the route wants a session
    for (int s : first)
        QVERIFY(s == 502 || s == 401);
    QVERIFY2(m_sandbox->restart(), qPrintable(m_sandbox->lastError()));
    QCOMPARE(probabilitySequence(24), first);
}

void TestSandboxExtFaults::badFaultsFileStopsTheStart()
{
    QFile f(m_dir.filePath(QStringLiteral("bad.json")));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("[{\"route\": \"/x\", \"probability\": 2}]");
    f.close();
    QTemporaryDir data;
    QProcess p;
    p.start(SandboxProcess::binary(), {QStringLiteral("--data"), data.path(), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                                       QStringLiteral("--faults"), f.fileName()});
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitCode(), 2);
    QVERIFY(p.readAllStandardError().contains("probability"));
}

QTEST_GUILESS_MAIN(TestSandboxExtFaults)
#include "sandbox_ext_faults.moc"
