// `ca-tool token …` as a user runs it (QProcess), against a private SoftHSM.
// PINs go in through --pin-file / --new-pin-file / --so-pin-file only.
#include "SoftHsmFixture.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

namespace {
const QString kSo = QStringLiteral("87654321");
const QString kPin = QStringLiteral("123456");

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QString err;
    QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
};
}

class TestToolToken : public QObject
{
    Q_OBJECT

private:
    SoftHsmFixture m_hsm;
    QString m_label;
    QString m_serial;
    QString m_pinFile;

    Run tool(const QStringList &args, bool withoutTerminal = false)
    {
        QProcess p;
        if (withoutTerminal) {
            // a new session has no controlling terminal: nothing can be asked
            p.start(QStringLiteral("setsid"), QStringList{QStringLiteral(CA_TOOL_BIN), QStringLiteral("token")} + args);
        } else {
            p.start(QStringLiteral(CA_TOOL_BIN), QStringList{QStringLiteral("token")} + args);
        }
        Run r;
        if (!p.waitForStarted(30000) || !p.waitForFinished(120000))
            return r;
        r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
        r.out = p.readAllStandardOutput();
        r.err = QString::fromUtf8(p.readAllStandardError());
        return r;
    }
    QStringList common() const
    {
        return {QStringLiteral("--module"), SoftHsmFixture::softHsmModule(), QStringLiteral("--token"), m_label};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_hsm.isValid(), qPrintable(m_hsm.errorString()));
        QVERIFY(QFile::exists(QStringLiteral(CA_TOOL_BIN)));
        m_label = QStringLiteral("工具令牌");
        m_serial = m_hsm.initToken(m_label, kSo, kPin);
        QVERIFY2(!m_serial.isEmpty(), qPrintable(m_hsm.errorString()));
        QVERIFY(!m_hsm.initToken(QStringLiteral("tool-2"), kSo, kPin).isEmpty());
        m_pinFile = m_hsm.writeFile(QStringLiteral("pin.txt"), kPin.toUtf8() + "\n");
    }

    void listWithOptionsBeforeOrAfter()
    {
        for (const QStringList &args : {QStringList{QStringLiteral("list"), QStringLiteral("--module"), SoftHsmFixture::softHsmModule(), QStringLiteral("--json")},
                                        QStringList{QStringLiteral("--json"), QStringLiteral("--module"), SoftHsmFixture::softHsmModule(), QStringLiteral("list")}}) {
            const Run r = tool(args);
            QVERIFY2(r.exitCode == 0, qPrintable(r.err));
            const QJsonObject o = r.json();
            QCOMPARE(o.value(QStringLiteral("module")).toString(), SoftHsmFixture::softHsmModule());
            const QJsonArray tokens = o.value(QStringLiteral("tokens")).toArray();
            QCOMPARE(tokens.size(), 2);
            bool found = false;
            for (const QJsonValue &v : tokens) {
                const QJsonObject t = v.toObject();
                if (t.value(QStringLiteral("serial")).toString() == m_serial) {
                    found = true;
                    QCOMPARE(t.value(QStringLiteral("label")).toString(), m_label);
                    QCOMPARE(t.value(QStringLiteral("pin_state")).toString(), QStringLiteral("ok"));
                    QCOMPARE(t.value(QStringLiteral("min_pin_length")).toInt(), 4);
                    QCOMPARE(t.value(QStringLiteral("manufacturer")).toString(), QStringLiteral("SoftHSM project"));
                }
            }
            QVERIFY(found);
        }
        const Run text = tool({QStringLiteral("list"), QStringLiteral("--module"), SoftHsmFixture::softHsmModule()});
        QCOMPARE(text.exitCode, 0);
        QVERIFY(QString::fromUtf8(text.out).contains(m_label));
    }

    void usageErrors()
    {
        QCOMPARE(tool({}).exitCode, 2);
        QCOMPARE(tool({QStringLiteral("frobnicate")}).exitCode, 2);
        QCOMPARE(tool({QStringLiteral("list"), QStringLiteral("--bogus")}).exitCode, 2);
        const Run pinOnArgv = tool(QStringList{QStringLiteral("show"), QStringLiteral("--pin"), kPin} + common());
        QCOMPARE(pinOnArgv.exitCode, 2);
        QVERIFY(pinOnArgv.err.contains(QStringLiteral("--pin-file")));
        QCOMPARE(tool(QStringList{QStringLiteral("keygen"), QStringLiteral("--type"), QStringLiteral("dsa1024"), QStringLiteral("--pin-file"), m_pinFile} + common()).exitCode, 2);
        // two tokens and none chosen
        const Run ambiguous = tool({QStringLiteral("show"), QStringLiteral("--module"), SoftHsmFixture::softHsmModule()});
        QCOMPARE(ambiguous.exitCode, 1);
        QVERIFY(ambiguous.err.contains(QStringLiteral("More than one USB key")));
        // no PIN file and no terminal to ask on
        const Run noTerminal = tool(QStringList{QStringLiteral("keygen"), QStringLiteral("--type"), QStringLiteral("ec256")} + common(), true);
        QCOMPARE(noTerminal.exitCode, 2);
        QVERIFY2(noTerminal.err.contains(QStringLiteral("--pin-file")), qPrintable(noTerminal.err));
    }

    void keygenCsrInstallShow_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("keyType");
        QTest::newRow("rsa2048") << QStringLiteral("rsa2048") << QStringLiteral("rsa");
        QTest::newRow("ec256") << QStringLiteral("ec256") << QStringLiteral("ec");
    }
    void keygenCsrInstallShow()
    {
        QFETCH(QString, type);
        QFETCH(QString, keyType);
        const Run gen = tool(QStringList{QStringLiteral("keygen"), QStringLiteral("--type"), type, QStringLiteral("--pin-file"), m_pinFile, QStringLiteral("--json")} + common());
        QVERIFY2(gen.exitCode == 0, qPrintable(gen.err));
        const QJsonObject key = gen.json().value(QStringLiteral("key")).toObject();
        const QString id = key.value(QStringLiteral("id")).toString();
        QCOMPARE(id.size(), 40);
        QCOMPARE(key.value(QStringLiteral("type")).toString(), keyType);

        const QString csrPath = m_hsm.dir() + QStringLiteral("/req-%1.pem").arg(type);
        const Run csr = tool(QStringList{QStringLiteral("csr"), QStringLiteral("--subject"),
                                         QStringLiteral("/CN=张三/O=%1/OU=%2").arg(SoftHsmFixture::organisation(), SoftHsmFixture::uscc()),
                                         QStringLiteral("--key-id"), id, QStringLiteral("-o"), csrPath,
                                         QStringLiteral("--ext"), QStringLiteral("keyUsage=critical,digitalSignature"),
                                         QStringLiteral("--pin-file"), m_pinFile} + common());
        QVERIFY2(csr.exitCode == 0, qPrintable(csr.err));
        bool ok = false;
        m_hsm.run(QStringLiteral("openssl"), {QStringLiteral("req"), QStringLiteral("-verify"), QStringLiteral("-noout"), QStringLiteral("-in"), csrPath}, &ok);
        QVERIFY2(ok, qPrintable(m_hsm.errorString()));

        const QByteArray spki = m_hsm.publicKeyDer(m_label, kPin, id);
        const QString certPath = m_hsm.writeFile(QStringLiteral("cert-%1.der").arg(type),
                                                 m_hsm.issueCertificate(spki, SoftHsmFixture::chineseSubject(), 365));
        const Run install = tool(QStringList{QStringLiteral("install-cert"), certPath, QStringLiteral("--json"), QStringLiteral("--pin-file"), m_pinFile} + common());
        QVERIFY2(install.exitCode == 0, qPrintable(install.err));
        QCOMPARE(install.json().value(QStringLiteral("certificate")).toObject().value(QStringLiteral("id")).toString(), id);

        const Run show = tool(QStringList{QStringLiteral("show"), QStringLiteral("--json"), QStringLiteral("--pin-file"), m_pinFile} + common());
        QVERIFY2(show.exitCode == 0, qPrintable(show.err));
        const QJsonObject o = show.json();
        QVERIFY(o.value(QStringLiteral("logged_in")).toBool());
        QCOMPARE(o.value(QStringLiteral("token")).toObject().value(QStringLiteral("serial")).toString(), m_serial);
        bool found = false;
        for (const QJsonValue &v : o.value(QStringLiteral("certificates")).toArray()) {
            const QJsonObject c = v.toObject();
            if (c.value(QStringLiteral("id")).toString() != id)
                continue;
            found = true;
            QCOMPARE(c.value(QStringLiteral("organization")).toString(), SoftHsmFixture::organisation());
            QCOMPARE(c.value(QStringLiteral("uscc")).toString(), SoftHsmFixture::uscc());
            QCOMPARE(c.value(QStringLiteral("key_type")).toString(), keyType);
            QVERIFY(c.value(QStringLiteral("has_private_key")).toBool());
            QVERIFY(c.value(QStringLiteral("days_left")).toInt() >= 364);
        }
        QVERIFY(found);
        // and pkcs11-tool sees it under the key's ID
        QCOMPARE(SoftHsmFixture::objectsWithId(m_hsm.listObjects(m_label, kPin), QStringLiteral("Certificate Object"), id).size(), 1);
    }

    void wrongPinIsReported()
    {
        const QString wrong = m_hsm.writeFile(QStringLiteral("wrong.txt"), "000000\n");
        const Run r = tool(QStringList{QStringLiteral("show"), QStringLiteral("--json"), QStringLiteral("--pin-file"), wrong} + common());
        QCOMPARE(r.exitCode, 1);
        const QJsonObject e = r.json().value(QStringLiteral("error")).toObject();
        QCOMPARE(e.value(QStringLiteral("ckr")).toString(), QStringLiteral("CKR_PIN_INCORRECT"));
        QCOMPARE(e.value(QStringLiteral("function")).toString(), QStringLiteral("C_Login"));
        QVERIFY(!e.value(QStringLiteral("message")).toString().isEmpty());
        QVERIFY(!r.err.contains(QStringLiteral("000000")));
    }

    void pinChangeAndReset()
    {
        const QString newPin = m_hsm.writeFile(QStringLiteral("new.txt"), "24681357\n");
        const Run change = tool(QStringList{QStringLiteral("pin-change"), QStringLiteral("--pin-file"), m_pinFile, QStringLiteral("--new-pin-file"), newPin} + common());
        QVERIFY2(change.exitCode == 0, qPrintable(change.err));
        QCOMPARE(tool(QStringList{QStringLiteral("show"), QStringLiteral("--pin-file"), m_pinFile} + common()).exitCode, 1);
        QCOMPARE(tool(QStringList{QStringLiteral("show"), QStringLiteral("--pin-file"), newPin} + common()).exitCode, 0);

        const QString soFile = m_hsm.writeFile(QStringLiteral("so.txt"), kSo.toUtf8() + "\n");
        const QString resetPin = m_hsm.writeFile(QStringLiteral("reset.txt"), "13572468\n");
        const QString badSo = m_hsm.writeFile(QStringLiteral("badso.txt"), "11111111\n");
        QCOMPARE(tool(QStringList{QStringLiteral("pin-reset"), QStringLiteral("--so-pin-file"), badSo, QStringLiteral("--new-pin-file"), resetPin} + common()).exitCode, 1);
        const Run reset = tool(QStringList{QStringLiteral("pin-reset"), QStringLiteral("--so-pin-file"), soFile, QStringLiteral("--new-pin-file"), resetPin} + common());
        QVERIFY2(reset.exitCode == 0, qPrintable(reset.err));
        QCOMPARE(tool(QStringList{QStringLiteral("show"), QStringLiteral("--pin-file"), newPin} + common()).exitCode, 1);
        QCOMPARE(tool(QStringList{QStringLiteral("show"), QStringLiteral("--pin-file"), resetPin} + common()).exitCode, 0);
        // a new PIN the token cannot take
        const QString shortPin = m_hsm.writeFile(QStringLiteral("short.txt"), "12\n");
        const Run tooShort = tool(QStringList{QStringLiteral("pin-change"), QStringLiteral("--pin-file"), resetPin, QStringLiteral("--new-pin-file"), shortPin} + common());
        QCOMPARE(tooShort.exitCode, 1);
        QCOMPARE(tool(QStringList{QStringLiteral("show"), QStringLiteral("--pin-file"), resetPin} + common()).exitCode, 0);
    }
};

QTEST_GUILESS_MAIN(TestToolToken)
#include "tst_tool_token.moc"
