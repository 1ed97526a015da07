// `ca-tool application` via QProcess against a real ca-sandbox: every
// subcommand, --json output, exit codes, password only from a file.
#include "SandboxProcess.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace ca::test;

class TestPlatformTool : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void usageErrors();
    void wholeFlow();
    void refusedAndNetwork();

private:
    struct Run {
        int code = -1;
        QByteArray out;
        QByteArray err;
        QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
    };
    Run tool(const QStringList &args, bool common = true);

    std::unique_ptr<SandboxProcess> m_sandbox;
    QTemporaryDir m_tmp;
    QString m_passwordFile;
};

void TestPlatformTool::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    m_sandbox = std::make_unique<SandboxProcess>(QStringList{QStringLiteral("--workflow"), QStringLiteral("pay-first")});
    QVERIFY2(m_sandbox->start(), qPrintable(m_sandbox->lastError()));
    m_passwordFile = m_tmp.filePath(QStringLiteral("password"));
    QFile f(m_passwordFile);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(m_sandbox->password(QStringLiteral("supplier")).toUtf8() + "\nsecond line is ignored\n");
}

TestPlatformTool::Run TestPlatformTool::tool(const QStringList &args, bool common)
{
    QStringList all = QStringList{QStringLiteral("application")} + args;
    if (common)
        all << QStringLiteral("--server") << m_sandbox->url().toString() << QStringLiteral("--ca-bundle") << m_sandbox->caCertPath()
            << QStringLiteral("--user") << QStringLiteral("supplier") << QStringLiteral("--password-file") << m_passwordFile
            << QStringLiteral("--store") << m_tmp.filePath(QStringLiteral("tool.sqlite"));
    QProcess p;
    p.setProcessChannelMode(QProcess::SeparateChannels);
    p.setStandardInputFile(QProcess::nullDevice());
    p.start(QStringLiteral(CA_TOOL_BIN), all);
    Run r;
    if (!p.waitForFinished(180000)) {
        p.kill();
        p.waitForFinished();
        return r;
    }
    r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

void TestPlatformTool::usageErrors()
{
    QCOMPARE(tool({}, false).code, 2);
    QCOMPARE(tool({QStringLiteral("--help")}, false).code, 0);
    QCOMPARE(tool({QStringLiteral("frobnicate")}).code, 2);
    QCOMPARE(tool({QStringLiteral("show")}).code, 2); // missing ID
    QCOMPARE(tool({QStringLiteral("pay"), QStringLiteral("A1"), QStringLiteral("--channel"), QStringLiteral("paypal")}).code, 2);
    QCOMPARE(tool({QStringLiteral("submit"), QStringLiteral("A1")}).code, 2); // no comment
    QCOMPARE(tool({QStringLiteral("template"), QStringLiteral("application_form")}).code, 2); // no -o
    // Never a password on the command line.
    const Run pw = tool({QStringLiteral("list"), QStringLiteral("--password"), QStringLiteral("x")});
    QCOMPARE(pw.code, 2);
    // No password file and no terminal: refused as usage, nothing sent.
    const Run noTty = tool({QStringLiteral("list"), QStringLiteral("--server"), m_sandbox->url().toString(), QStringLiteral("--ca-bundle"),
                            m_sandbox->caCertPath(), QStringLiteral("--user"), QStringLiteral("supplier")},
                           false);
    QCOMPARE(noTty.code, 2);
    QVERIFY(noTty.err.contains("--password-file"));
}

void TestPlatformTool::wholeFlow()
{
    const QString appFile = m_tmp.filePath(QStringLiteral("app.json"));
    {
        QFile f(appFile);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QJsonDocument(sampleApplication(QStringLiteral("new"))).toJson());
    }
    // Options before the arguments work as well as after.
    const Run created = tool({QStringLiteral("--json"), QStringLiteral("create"), QStringLiteral("--from"), appFile});
    QVERIFY2(created.code == 0, created.err.constData());
    const QString id = created.json().value(QStringLiteral("id")).toString();
    QVERIFY(!id.isEmpty());
    QCOMPARE(created.json().value(QStringLiteral("review_status")).toString(), QStringLiteral("draft"));

    const Run listed = tool({QStringLiteral("list"), QStringLiteral("--json")});
    QCOMPARE(listed.code, 0);
    QVERIFY(listed.out.contains(id.toUtf8()));

    const Run shown = tool({QStringLiteral("show"), id, QStringLiteral("--json")});
    QCOMPARE(shown.code, 0);
    QCOMPARE(shown.json().value(QStringLiteral("review_status")).toString(), QStringLiteral("draft"));
    QCOMPARE(shown.json().value(QStringLiteral("payment_status")).toString(), QStringLiteral("unpaid"));
    QCOMPARE(shown.json().value(QStringLiteral("handling_status")).toString(), QStringLiteral("none"));

    {
        QJsonObject two = sampleApplication(QStringLiteral("new"), 2);
        QFile f(appFile);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(QJsonDocument(two).toJson());
    }
    const Run updated = tool({QStringLiteral("update"), id, QStringLiteral("--from"), appFile, QStringLiteral("--json")});
    QVERIFY2(updated.code == 0, updated.err.constData());
    QCOMPARE(updated.json().value(QStringLiteral("fee")).toString(), QStringLiteral("600.00"));

    const QString pdf = m_tmp.filePath(QStringLiteral("scan.pdf"));
    {
        QFile f(pdf);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(tinyPdf());
    }
    for (const char *category : {"legal_rep_id", "handler_id", "application_form", "authorization_letter", "business_licence"}) {
        const Run att = tool({QStringLiteral("attach"), id, QLatin1String(category), pdf, QStringLiteral("--json")});
        QVERIFY2(att.code == 0, att.err.constData());
        QCOMPARE(att.json().value(QStringLiteral("category")).toString(), QLatin1String(category));
        QCOMPARE(att.json().value(QStringLiteral("sha256")).toString().size(), 64);
    }
    const QString txt = m_tmp.filePath(QStringLiteral("readme.txt"));
    {
        QFile f(txt);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("plain text");
    }
    const Run badType = tool({QStringLiteral("attach"), id, QStringLiteral("handler_id"), txt});
    QCOMPARE(badType.code, 1);
    QVERIFY(badType.err.contains("readme.txt"));

    const Run wechat = tool({QStringLiteral("pay"), id, QStringLiteral("--channel"), QStringLiteral("wechat")});
    QVERIFY2(wechat.code == 0, wechat.err.constData());
    QVERIFY(wechat.out.contains("\xe2\x96\x88")); // the QR code drawn with block characters
    QVERIFY(wechat.out.contains("/pay/"));
    const Run payJson = tool({QStringLiteral("pay"), id, QStringLiteral("--channel"), QStringLiteral("wechat"), QStringLiteral("--json")});
    QCOMPARE(payJson.code, 0);
    const QJsonObject order = payJson.json();
    for (const char *k : {"order_no", "amount", "pay_url", "expires_at"})
        QVERIFY2(order.contains(QLatin1String(k)), k);
    QCOMPARE(order.value(QStringLiteral("amount")).toString(), QStringLiteral("600.00"));
    // The same intent twice: the one order (its key is in the store).
    QVERIFY(wechat.out.contains(order.value(QStringLiteral("order_no")).toString().toUtf8()));

    QCOMPARE(m_sandbox->runAdmin({QStringLiteral("pay"), order.value(QStringLiteral("order_no")).toString()}).exitCode, 0);
    const Run st = tool({QStringLiteral("status"), id, QStringLiteral("--json")});
    QCOMPARE(st.code, 0);
    QCOMPARE(st.json().value(QStringLiteral("payment_status")).toString(), QStringLiteral("paid"));

    const Run submitted = tool({QStringLiteral("submit"), id, QStringLiteral("--comment"), QStringLiteral("请审核"), QStringLiteral("--json")});
    QVERIFY2(submitted.code == 0, submitted.err.constData());
    QCOMPARE(submitted.json().value(QStringLiteral("review_status")).toString(), QStringLiteral("pending"));

    // status --wait: the reviewer approves meanwhile.
    QProcess waiter;
    waiter.start(QStringLiteral(CA_TOOL_BIN),
                 {QStringLiteral("application"), QStringLiteral("status"), id, QStringLiteral("--wait"), QStringLiteral("--timeout"),
                  QStringLiteral("120"), QStringLiteral("--json"), QStringLiteral("--server"), m_sandbox->url().toString(),
                  QStringLiteral("--ca-bundle"), m_sandbox->caCertPath(), QStringLiteral("--user"), QStringLiteral("supplier"),
                  QStringLiteral("--password-file"), m_passwordFile});
    QVERIFY(waiter.waitForStarted());
    QTest::qWait(1500); // let it take the first look (not an assertion on time)
    QCOMPARE(m_sandbox->runAdmin({QStringLiteral("approve"), id}).exitCode, 0);
    QVERIFY(waiter.waitForFinished(120000));
    QCOMPARE(waiter.exitCode(), 0);
    const QJsonObject waited = QJsonDocument::fromJson(waiter.readAllStandardOutput()).object();
    QCOMPARE(waited.value(QStringLiteral("review_status")).toString(), QStringLiteral("approved"));
    QVERIFY(!waited.value(QStringLiteral("changes")).toArray().isEmpty());

    const Run timedOut = tool({QStringLiteral("status"), id, QStringLiteral("--wait"), QStringLiteral("--timeout"), QStringLiteral("2")});
    QCOMPARE(timedOut.code, 1);

    const Run ev = tool({QStringLiteral("events"), id, QStringLiteral("--json")});
    QCOMPARE(ev.code, 0);
    QStringList actions;
    for (const QJsonValue &v : ev.json().value(QStringLiteral("items")).toArray())
        actions << v.toObject().value(QStringLiteral("action")).toString();
    QVERIFY2(actions.contains(QStringLiteral("submit")) && actions.contains(QStringLiteral("pay")), qPrintable(actions.join(u',')));

    const auto shipped = m_sandbox->runAdmin({QStringLiteral("ship"), id, QStringLiteral("--tracking"), QStringLiteral("SF1234567890")});
    QVERIFY2(shipped.exitCode == 0, shipped.err.constData());
    const Run rec = tool({QStringLiteral("confirm-receipt"), id});
    QVERIFY2(rec.code == 0, rec.err.constData());

    const QString inv = m_tmp.filePath(QStringLiteral("invoice.pdf"));
    const Run invoice = tool({QStringLiteral("invoice"), id, QStringLiteral("-o"), inv});
    QVERIFY2(invoice.code == 0, invoice.err.constData());
    QFile fi(inv);
    QVERIFY(fi.open(QIODevice::ReadOnly));
    QCOMPARE(fi.read(5), QByteArray("%PDF-"));

    const QString tpl = m_tmp.filePath(QStringLiteral("letter.pdf"));
    const Run t = tool({QStringLiteral("template"), QStringLiteral("authorization_letter"), QStringLiteral("-o"), tpl});
    QVERIFY2(t.code == 0, t.err.constData());
    QVERIFY(QFileInfo(tpl).size() > 100);

    // delete: a fresh draft goes; the submitted one is refused (exit 1).
    const Run other = tool({QStringLiteral("create"), QStringLiteral("--from"), appFile, QStringLiteral("--json")});
    const QString otherId = other.json().value(QStringLiteral("id")).toString();
    QCOMPARE(tool({QStringLiteral("delete"), otherId}).code, 0);
    QCOMPARE(tool({QStringLiteral("show"), otherId}).code, 1);
    QCOMPARE(tool({QStringLiteral("delete"), id}).code, 1);
}

void TestPlatformTool::refusedAndNetwork()
{
    const QString bad = m_tmp.filePath(QStringLiteral("bad.json"));
    {
        QJsonObject app = sampleApplication(QStringLiteral("new"));
        QJsonObject order = app.value(QStringLiteral("order")).toObject();
        order.insert(QStringLiteral("recipient_phone"), QStringLiteral("12345"));
        app.insert(QStringLiteral("order"), order);
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QJsonDocument(app).toJson());
    }
    const Run refused = tool({QStringLiteral("create"), QStringLiteral("--from"), bad, QStringLiteral("--json")});
    QCOMPARE(refused.code, 1);
    // The JSON error is the one line on stderr that is a JSON object (log lines may surround it).
    QJsonObject e;
    for (const QByteArray &line : refused.err.split('\n'))
        if (line.startsWith('{'))
            e = QJsonDocument::fromJson(line).object();
    QVERIFY2(e.value(QStringLiteral("error")).toString() == QLatin1String("validation"), refused.err.constData());
    QCOMPARE(e.value(QStringLiteral("fields")).toArray().first().toObject().value(QStringLiteral("field")).toString(),
             QStringLiteral("order.recipient_phone"));

    // Wrong password: refused (1). Untrusted server (no --ca-bundle): TLS (3). Nobody listening: network (3).
    const QString wrong = m_tmp.filePath(QStringLiteral("wrong"));
    {
        QFile f(wrong);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("not-the-password\n");
    }
    const QStringList base{QStringLiteral("list"), QStringLiteral("--user"), QStringLiteral("supplier")};
    QCOMPARE(tool(base + QStringList{QStringLiteral("--server"), m_sandbox->url().toString(), QStringLiteral("--ca-bundle"),
                                     m_sandbox->caCertPath(), QStringLiteral("--password-file"), wrong},
                  false)
                 .code,
             1);
    const Run tls = tool(base + QStringList{QStringLiteral("--server"), m_sandbox->url().toString(), QStringLiteral("--password-file"), m_passwordFile},
                         false);
    QCOMPARE(tls.code, 3);
    QVERIFY2(tls.err.contains(m_sandbox->url().host().toUtf8()), tls.err.constData());
    QUrl dead = m_sandbox->url();
    dead.setPort(1);
    QCOMPARE(tool(base + QStringList{QStringLiteral("--server"), dead.toString(), QStringLiteral("--ca-bundle"), m_sandbox->caCertPath(),
                                     QStringLiteral("--password-file"), m_passwordFile},
                  false)
                 .code,
             3);
}

QTEST_GUILESS_MAIN(TestPlatformTool)
#include "platform_tool.moc"
