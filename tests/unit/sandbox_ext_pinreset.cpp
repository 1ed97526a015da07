// Unit test of the PIN reset and outbox on a real SQLite file: codes, tries,
// expiry (the context clock moved forward) and the SO PIN derivation, checked
// against the openssl command line tool.
#include "sandbox/Context.h"
#include "sandbox/Outbox.h"
#include "sandbox/PinReset.h"
#include "sandbox/Reply.h"
#include "sandbox_ext_support.h"

#include <QFileInfo>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace ca::sandbox;

class SandboxExtPinResetTest : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<Context> m_ctx;
    const qint64 m_org = 7;
    const QString m_mobile = QStringLiteral("18769628833");

    // The code of the latest message to the organisation.
    QString lastCode()
    {
        const QJsonArray items = Outbox::list(*m_ctx, m_org);
        if (items.isEmpty())
            return {};
        const auto m = QRegularExpression(QStringLiteral("验证码：([0-9]{6})")).match(items.last().toObject().value(QStringLiteral("text")).toString());
        return m.captured(1);
    }
    static QString wrongCode(const QString &code)
    {
        return QStringLiteral("%1").arg((code.toInt() + 1) % 1000000, 6, 10, QLatin1Char('0'));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        Config config;
        config.dataDir = m_dir.path();
        m_ctx = std::make_unique<Context>(config);
        QString error;
        QVERIFY2(m_ctx->open(&error), qPrintable(error));
        Outbox::addMigrations(*m_ctx);
        PinReset::addMigrations(*m_ctx);
        QVERIFY2(m_ctx->migrate(&error), qPrintable(error));
    }
    void cleanupTestCase() { m_ctx.reset(); }

    void masterKeyFile()
    {
        const QByteArray key = PinReset::masterKey(*m_ctx);
        QCOMPARE(key.size(), 32);
        const QFileInfo info(m_dir.filePath(QStringLiteral("master.key")));
        QVERIFY(info.exists());
        QCOMPARE(info.permissions() & (QFile::ReadGroup | QFile::WriteGroup | QFile::ReadOther | QFile::WriteOther), QFile::Permissions());
        QCOMPARE(PinReset::masterKey(*m_ctx), key); // stable across calls
    }

    void soPinIsHmacOfSerial()
    {
        const QByteArray key = PinReset::masterKey(*m_ctx);
        bool ok = false;
        QProcess p;
        p.start(QStringLiteral("openssl"), {QStringLiteral("dgst"), QStringLiteral("-sha256"), QStringLiteral("-mac"), QStringLiteral("HMAC"),
                                            QStringLiteral("-macopt"), QStringLiteral("hexkey:") + QString::fromLatin1(key.toHex())});
        QVERIFY(p.waitForStarted());
        p.write("a1b2c3d4e5f60718");
        p.closeWriteChannel();
        QVERIFY(p.waitForFinished());
        ok = p.exitCode() == 0;
        QVERIFY(ok);
        const QString out = QString::fromLatin1(p.readAllStandardOutput()).trimmed();
        const QString mac = out.section(QLatin1Char(' '), -1);
        QCOMPARE(mac.size(), 64);
        QCOMPARE(PinReset::deriveSoPin(key, QStringLiteral("a1b2c3d4e5f60718")), mac.left(16));
        QCOMPARE(PinReset::deriveSoPin(key, QStringLiteral("  a1b2c3d4e5f60718  ")), mac.left(16)); // space padding
        QVERIFY(PinReset::deriveSoPin(key, QStringLiteral("a1b2c3d4e5f60719")) != mac.left(16));
        QVERIFY(!PinReset::isValidSerial(QStringLiteral("has space")));
        QVERIFY(!PinReset::isValidSerial(QString()));
        QVERIFY(PinReset::isValidSerial(QStringLiteral("a1b2c3d4e5f60718      ")));
    }

    void codesAreSixDigits()
    {
        static const QRegularExpression re(QStringLiteral("^[0-9]{6}$"));
        QSet<QString> seen;
        for (int i = 0; i < 200; ++i) {
            const QString c = PinReset::generateCode();
            QVERIFY2(re.match(c).hasMatch(), qPrintable(c));
            seen.insert(c);
        }
        QVERIFY(seen.size() > 190); // random, not a counter or constant
    }

    void rightCodeGivesSoPin()
    {
        const PinReset::Created created = PinReset::request(*m_ctx, m_org, m_mobile, QStringLiteral("TOKEN0001"));
        QCOMPARE(created.mobileHint, QStringLiteral("187****8833"));
        QVERIFY(created.expiresAt > m_ctx->now().addSecs(290));
        const QJsonObject msg = Outbox::list(*m_ctx, m_org).last().toObject();
        QCOMPARE(msg.value(QStringLiteral("to")).toString(), QStringLiteral("187****8833"));
        QVERIFY(msg.value(QStringLiteral("text")).toString().contains(QStringLiteral("TOKEN0001")));
        const QString code = lastCode();
        QCOMPARE(code.size(), 6);
        QVERIFY(Outbox::list(*m_ctx, m_org + 1).isEmpty()); // other organisations see nothing

        QString soPin;
        int left = -1;
        QCOMPARE(PinReset::verify(*m_ctx, m_org, created.id, wrongCode(code), &soPin, &left), PinReset::Verdict::CodeInvalid);
        QCOMPARE(left, 2);
        QVERIFY(soPin.isEmpty());
        // Another organisation cannot use the request.
        QCOMPARE(PinReset::verify(*m_ctx, m_org + 1, created.id, code, &soPin, &left), PinReset::Verdict::NotFound);
        QCOMPARE(PinReset::verify(*m_ctx, m_org, created.id, code, &soPin, &left), PinReset::Verdict::Ok);
        QCOMPARE(soPin, PinReset::deriveSoPin(PinReset::masterKey(*m_ctx), QStringLiteral("TOKEN0001")));
        // Used once only.
        QCOMPARE(PinReset::verify(*m_ctx, m_org, created.id, code, &soPin, &left), PinReset::Verdict::RequestClosed);
    }

    void threeWrongCodesCloseTheRequest()
    {
        const PinReset::Created created = PinReset::request(*m_ctx, m_org, m_mobile, QStringLiteral("TOKEN0002"));
        const QString code = lastCode();
        QString soPin;
        int left = -1;
        QCOMPARE(PinReset::verify(*m_ctx, m_org, created.id, wrongCode(code), &soPin, &left), PinReset::Verdict::CodeInvalid);
        QCOMPARE(left, 2);
        QCOMPARE(PinReset::verify(*m_ctx, m_org, created.id, wrongCode(code), &soPin, &left), PinReset::Verdict::CodeInvalid);
        QCOMPARE(left, 1);
        QCOMPARE(PinReset::verify(*m_ctx, m_org, created.id, wrongCode(code), &soPin, &left), PinReset::Verdict::RequestClosed);
        // Even the right code is refused now.
        QCOMPARE(PinReset::verify(*m_ctx, m_org, created.id, code, &soPin, &left), PinReset::Verdict::RequestClosed);
        QVERIFY(soPin.isEmpty());
    }

    void newRequestClosesTheOldOne()
    {
        const PinReset::Created first = PinReset::request(*m_ctx, m_org, m_mobile, QStringLiteral("TOKEN0003"));
        const QString firstCode = lastCode();
        const PinReset::Created second = PinReset::request(*m_ctx, m_org, m_mobile, QStringLiteral("TOKEN0003"));
        QVERIFY(first.id != second.id);
        QString soPin;
        int left = 0;
        QCOMPARE(PinReset::verify(*m_ctx, m_org, first.id, firstCode, &soPin, &left), PinReset::Verdict::RequestClosed);
        QCOMPARE(PinReset::verify(*m_ctx, m_org, second.id, lastCode(), &soPin, &left), PinReset::Verdict::Ok);
    }

    void codesExpireAfterFiveMinutes()
    {
        const PinReset::Created created = PinReset::request(*m_ctx, m_org, m_mobile, QStringLiteral("TOKEN0004"));
        const QString code = lastCode();
        m_ctx->config.clockOffsetSeconds = PinReset::kCodeTtlSeconds + 1;
        QString soPin;
        int left = 0;
        QCOMPARE(PinReset::verify(*m_ctx, m_org, created.id, code, &soPin, &left), PinReset::Verdict::CodeExpired);
        QVERIFY(soPin.isEmpty());
        m_ctx->config.clockOffsetSeconds = PinReset::kCodeTtlSeconds - 5; // still valid just before
        const PinReset::Created again = PinReset::request(*m_ctx, m_org, m_mobile, QStringLiteral("TOKEN0005"));
        m_ctx->config.clockOffsetSeconds += PinReset::kCodeTtlSeconds - 5;
        QCOMPARE(PinReset::verify(*m_ctx, m_org, again.id, lastCode(), &soPin, &left), PinReset::Verdict::Ok);
        m_ctx->config.clockOffsetSeconds = 0;
    }
};

QTEST_GUILESS_MAIN(SandboxExtPinResetTest)
#include "sandbox_ext_pinreset.moc"
