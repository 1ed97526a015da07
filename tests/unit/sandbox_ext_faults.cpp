// Unit test of ca::sandbox::Faults: rule parsing, route matching, times and
// seeded probabilities (the same seed gives the same sequence).
#include "sandbox/Faults.h"

#include <QTest>

using namespace ca::sandbox;

class SandboxExtFaultsTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void rejectsBadFiles_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("not json") << QByteArray("{");
        QTest::newRow("scalar") << QByteArray("42");
        QTest::newRow("no route") << QByteArray("[{\"status\": 500}]");
        QTest::newRow("unknown key") << QByteArray("[{\"route\": \"/x\", \"stauts\": 500}]");
        QTest::newRow("bad status") << QByteArray("[{\"route\": \"/x\", \"status\": 42}]");
        QTest::newRow("bad probability") << QByteArray("[{\"route\": \"/x\", \"probability\": 1.5}]");
        QTest::newRow("fraction delay") << QByteArray("[{\"route\": \"/x\", \"delay_ms\": 1.5}]");
        QTest::newRow("unknown top key") << QByteArray("{\"seed\": 1, \"rulez\": []}");
    }
    void rejectsBadFiles()
    {
        QFETCH(QByteArray, json);
        Faults f;
        QString error;
        QVERIFY(!f.load(json, &error));
        QVERIFY(!error.isEmpty());
    }

    void matchesPatternPathAndPrefix()
    {
        Faults f;
        QString error;
        const QByteArray json = "{\"rules\": [\n"
"            {\"route\": \"POST /api/v1/applications/{id}/attachments\", \"status\": 503},\n"
"            {\"route\": \"GET /api/v1/payments/*\", \"delay_ms\": 250},\n"
"            {\"route\": \"/api/v1/platform\", \"drop_after_bytes\": 17}\n"
"        ]}";
        QVERIFY2(f.load(json, &error), qPrintable(error));
        QCOMPARE(f.ruleCount(), 3);

        FaultDecision d = f.decide(Method::Post, QStringLiteral("/api/v1/applications/A1/attachments"),
                                   QStringLiteral("/api/v1/applications/{id}/attachments"));
        QCOMPARE(d.status, 503);
        QCOMPARE(d.delayMs, 0);
        QCOMPARE(d.dropAfterBytes, qint64(-1));
        // Method must match.
        d = f.decide(Method::Get, QStringLiteral("/api/v1/applications/A1/attachments"),
                     QStringLiteral("/api/v1/applications/{id}/attachments"));
        QCOMPARE(d.status, 0);
        // Prefix on the path.
        d = f.decide(Method::Get, QStringLiteral("/api/v1/payments/370100cazf20261121000001"),
                     QStringLiteral("/api/v1/payments/{order_no}"));
        QCOMPARE(d.delayMs, 250);
        QCOMPARE(d.status, 0);
        // Exact path, any method.
        d = f.decide(Method::Get, QStringLiteral("/api/v1/platform"), QStringLiteral("/api/v1/platform"));
        QCOMPARE(d.dropAfterBytes, qint64(17));
        d = f.decide(Method::Get, QStringLiteral("/api/v1/platformx"), QStringLiteral("/api/v1/platformx"));
        QCOMPARE(d.dropAfterBytes, qint64(-1));
    }

    void timesLimitsToFirstMatches()
    {
        Faults f;
        const QByteArray json = "[{\"route\": \"POST /api/v1/session\", \"status\": 500, \"times\": 2}]";
        QVERIFY(f.load(json, nullptr));
        QList<int> seen;
        for (int i = 0; i < 4; ++i)
            seen << f.decide(Method::Post, QStringLiteral("/api/v1/session"), QStringLiteral("/api/v1/session")).status;
        QCOMPARE(seen, (QList<int>{500, 500, 0, 0}));
    }

    void rulesCombine()
    {
        Faults f;
        const QByteArray json = "[{\"route\": \"/api/*\", \"delay_ms\": 100},\n"
"                           {\"route\": \"GET /api/v1/organization\", \"delay_ms\": 50, \"status\": 502},\n"
"                           {\"route\": \"*\", \"status\": 500, \"drop_after_bytes\": 3}]";
        QVERIFY(f.load(json, nullptr));
        const FaultDecision d = f.decide(Method::Get, QStringLiteral("/api/v1/organization"), QStringLiteral("/api/v1/organization"));
        QCOMPARE(d.delayMs, 150);
        QCOMPARE(d.status, 502);
        QCOMPARE(d.dropAfterBytes, qint64(3));
    }

    void probabilityIsSeeded()
    {
        const QByteArray json = "{\"seed\": 20261121, \"rules\": [{\"route\": \"/x\", \"status\": 503, \"probability\": 0.5}]}";
        auto run = [&json](int n) {
            Faults f;
            if (!f.load(json, nullptr))
                return QList<int>();
            QList<int> out;
            for (int i = 0; i < n; ++i)
                out << f.decide(Method::Get, QStringLiteral("/x"), QStringLiteral("/x")).status;
            return out;
        };
        const QList<int> a = run(64);
        const QList<int> b = run(64);
        QCOMPARE(a, b);
        const auto fired = a.count(503);
        // Seeded, so this is a fixed number; both outcomes must occur.
        QVERIFY(fired > 0 && fired < 64);

        Faults other;
        const QByteArray otherJson = "{\"seed\": 1, \"rules\": [{\"route\": \"/x\", \"status\": 503, \"probability\": 0.5}]}";
        QVERIFY(other.load(otherJson, nullptr));
        QList<int> c;
        for (int i = 0; i < 64; ++i)
            c << other.decide(Method::Get, QStringLiteral("/x"), QStringLiteral("/x")).status;
        QVERIFY(c != a);

        Faults never;
        const QByteArray neverJson = "[{\"route\": \"/x\", \"status\": 503, \"probability\": 0}]";
        QVERIFY(never.load(neverJson, nullptr));
        for (int i = 0; i < 20; ++i)
            QCOMPARE(never.decide(Method::Get, QStringLiteral("/x"), QStringLiteral("/x")).status, 0);
    }
};

QTEST_GUILESS_MAIN(SandboxExtFaultsTest)
#include "sandbox_ext_faults.moc"
