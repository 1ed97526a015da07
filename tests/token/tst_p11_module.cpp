// Module loading, the one error path, discovery data, and the small pure
// pieces of the token layer (CKR names, SecureBuffer, subject parsing, USCC).
#include "SoftHsmFixture.h"

#include "pkcs11/CertificateParser.h"
#include "pkcs11/CkrNames.h"
#include "pkcs11/Cryptoki.h"
#include "pkcs11/CsrBuilder.h"
#include "pkcs11/Module.h"
#include "pkcs11/ModuleDiscovery.h"
#include "pkcs11/Quirks.h"
#include "pkcs11/SecureBuffer.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QFileInfo>
#include <QTest>

#include <type_traits>

using namespace ca::p11;

class TestP11Module : public QObject
{
    Q_OBJECT

private:
    SoftHsmFixture m_hsm;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_hsm.isValid(), qPrintable(m_hsm.errorString()));
        QVERIFY(!m_hsm.initToken(QStringLiteral("module"), QStringLiteral("87654321"), QStringLiteral("123456")).isEmpty());
    }

    void loadsAndFinalises()
    {
        std::vector<QString> calls;
        Module::setCallObserver([&](const char *fn, CK_RV) { calls.push_back(QString::fromLatin1(fn)); });
        {
            auto m = Module::load(SoftHsmFixture::softHsmModule());
            QVERIFY2(m, qPrintable(m ? QString() : m.error().logText()));
            QCOMPARE(m.value()->info().manufacturer, QStringLiteral("SoftHSM"));
            QCOMPARE(m.value()->info().cryptokiVersion, QStringLiteral("2.40"));
            QVERIFY(!m.value()->info().libraryVersion.isEmpty());
            // the same library twice is the same Module (one C_Initialize)
            auto again = Module::load(SoftHsmFixture::softHsmModule());
            QVERIFY(again);
            QCOMPARE(again.value().get(), m.value().get());
        }
        Module::setCallObserver({});
        QCOMPARE(std::count(calls.begin(), calls.end(), QStringLiteral("C_Initialize")), 1);
        QCOMPARE(std::count(calls.begin(), calls.end(), QStringLiteral("C_Finalize")), 1);
        QCOMPARE(calls.back(), QStringLiteral("C_Finalize"));
        // and loads again after that
        QVERIFY(Module::load(SoftHsmFixture::softHsmModule()));
    }

    void loadFailures()
    {
        auto missing = Module::load(m_hsm.dir() + QStringLiteral("/missing.so"));
        QVERIFY(!missing);
        QCOMPARE(missing.error().kind(), ErrorKind::ModuleLoad);
        QVERIFY(!missing.error().userMessage().isEmpty());
        // a bare name is never handed to the system loader's search order
        auto bare = Module::load(QStringLiteral("libsofthsm2.so"));
        QVERIFY(!bare);
        QCOMPARE(bare.error().kind(), ErrorKind::ModuleLoad);
        QVERIFY2(bare.error().logText().contains(QStringLiteral("absolute path")), qPrintable(bare.error().logText()));
        // a shared library that is not a PKCS#11 module
        const QString libz = QStringLiteral("/usr/lib/x86_64-linux-gnu/libz.so.1");
        if (!QFileInfo::exists(libz))
            QSKIP("no libz.so.1 at /usr/lib/x86_64-linux-gnu (not a Debian amd64 system)");
        auto notP11 = Module::load(libz);
        QVERIFY(!notP11);
        QCOMPARE(notP11.error().kind(), ErrorKind::ModuleLoad);
        QVERIFY(notP11.error().logText().contains(QStringLiteral("C_GetFunctionList")));
    }

    void errorPath()
    {
        QCOMPARE(QString::fromLatin1(ckrName(CKR_PIN_INCORRECT)), QStringLiteral("CKR_PIN_INCORRECT"));
        QCOMPARE(QString::fromLatin1(ckrName(CKR_DEVICE_REMOVED)), QStringLiteral("CKR_DEVICE_REMOVED"));
        QCOMPARE(QString::fromLatin1(ckrName(CKR_CRYPTOKI_ALREADY_INITIALIZED)), QStringLiteral("CKR_CRYPTOKI_ALREADY_INITIALIZED"));
        QCOMPARE(QString::fromLatin1(ckrName(CKR_VENDOR_DEFINED | 7)), QStringLiteral("CKR_VENDOR_DEFINED"));
        QCOMPARE(QString::fromLatin1(ckrName(0x7777)), QStringLiteral("CKR_UNKNOWN"));

        Error e = Error::fromRv("C_Login", CKR_PIN_INCORRECT);
        QCOMPARE(e.kind(), ErrorKind::PinIncorrect);
        QCOMPARE(e.function(), QStringLiteral("C_Login"));
        QCOMPARE(e.ckrName(), QStringLiteral("CKR_PIN_INCORRECT"));
        QCOMPARE(e.code(), CKR_PIN_INCORRECT);
        QCOMPARE(e.logText(), QStringLiteral("C_Login failed: CKR_PIN_INCORRECT (0xa0)"));

        const struct { CK_RV rv; ErrorKind kind; } table[] = {
            {CKR_PIN_LOCKED, ErrorKind::PinLocked}, {CKR_DEVICE_REMOVED, ErrorKind::TokenRemoved},
            {CKR_TOKEN_NOT_PRESENT, ErrorKind::TokenRemoved}, {CKR_USER_NOT_LOGGED_IN, ErrorKind::NotLoggedIn},
            {CKR_FUNCTION_NOT_SUPPORTED, ErrorKind::FunctionNotSupported}, {CKR_DEVICE_ERROR, ErrorKind::DeviceError},
            {CKR_PIN_LEN_RANGE, ErrorKind::PinLenRange}, {CKR_PIN_EXPIRED, ErrorKind::PinExpired},
            {CKR_TOKEN_WRITE_PROTECTED, ErrorKind::WriteProtected}, {CKR_ATTRIBUTE_VALUE_INVALID, ErrorKind::Generic},
        };
        QSet<QString> sentences;
        for (const auto &row : table) {
            const Error err = Error::fromRv("C_X", row.rv);
            QCOMPARE(err.kind(), row.kind);
            const QString s = err.userMessage();
            QVERIFY(s.endsWith(QLatin1Char('.')));
            sentences.insert(s);
        }
        QCOMPARE(sentences.size(), int(std::size(table)) - 1);  // the two "removed" kinds share a sentence
        // a real failing call through the module
        auto m = Module::load(SoftHsmFixture::softHsmModule());
        CK_TOKEN_INFO ti{};
        Status s = CA_P11(*m.value(), C_GetTokenInfo, CK_SLOT_ID(0xdeadbeef), &ti);
        QVERIFY(!s);
        QCOMPARE(s.error().function(), QStringLiteral("C_GetTokenInfo"));
        QCOMPARE(s.error().ckrName(), QStringLiteral("CKR_SLOT_ID_INVALID"));
    }

    void discovery()
    {
        const auto windows = ModuleDiscovery::knownModules(QStringLiteral("windows"));
        QVERIFY(windows.size() >= 6);
        QStringList files;
        for (const KnownModule &k : windows) {
            files << k.file;
            if (!k.verified)
                QVERIFY2(!k.note.isEmpty(), qPrintable(k.file));
        }
        QVERIFY(files.contains(QStringLiteral("HtPkcs11.dll")));
        QVERIFY(files.contains(QStringLiteral("WDPKCS.dll")));
        QVERIFY(files.contains(QStringLiteral("gm3000_pkcs11.dll")));
        const auto linux = ModuleDiscovery::knownModules(QStringLiteral("linux"));
        QVERIFY(linux.first().file.endsWith(QStringLiteral("p11-kit-proxy.so")));
        QVERIFY(ModuleDiscovery::softHsmPaths().contains(SoftHsmFixture::softHsmModule()));

        // the configured path comes first, SoftHSM last
        const QStringList c = ModuleDiscovery::candidates(QStringLiteral("/opt/vendor/libvendor.so"));
        QCOMPARE(c.first(), QStringLiteral("/opt/vendor/libvendor.so"));
        QCOMPARE(c.last(), SoftHsmFixture::softHsmModule());
        // a configured module that works is used; a broken one falls through to one that shows a token
        auto chosen = ModuleDiscovery::discover(SoftHsmFixture::softHsmModule());
        QVERIFY(chosen);
        QCOMPARE(chosen.value()->path(), SoftHsmFixture::softHsmModule());
        chosen = Result<std::shared_ptr<Module>>(Error());
        auto fallback = ModuleDiscovery::discover(m_hsm.dir() + QStringLiteral("/broken.so"));
        QVERIFY(fallback);
        QVERIFY(fallback.value()->path() != m_hsm.dir() + QStringLiteral("/broken.so"));
    }

    void secureBuffer()
    {
        static_assert(!std::is_copy_constructible_v<SecureBuffer>);
        static_assert(!std::is_copy_assignable_v<SecureBuffer>);
        static_assert(std::is_nothrow_move_constructible_v<SecureBuffer>);
        QString text = QStringLiteral("654321");
        SecureBuffer a = SecureBuffer::takeString(text);
        QVERIFY(text.isEmpty());
        QCOMPARE(a.size(), std::size_t(6));
        QByteArray bytes("654321");
        SecureBuffer b = SecureBuffer::takeBytes(bytes);
        QVERIFY(bytes.isEmpty());
        QVERIFY(a.equals(b));
        SecureBuffer c = std::move(a);
        QVERIFY(a.isEmpty());
        QVERIFY(c.equals(b));
        c.chop(1);
        QVERIFY(!c.equals(b));
        c.append('1');
        QVERIFY(c.equals(b));
        c.clear();
        QVERIFY(c.isEmpty());
    }

    // wipe() overwrites the shared data: a copy sharing it (a line edit's
    // text, a kept QByteArray) reads as zeros afterwards, not the secret.
    void wipeOverwritesSharedData()
    {
        QByteArray bytes = QByteArray("87654321").repeated(2);
        const QByteArray sharer = bytes;
        QVERIFY(!sharer.isDetached());
        wipe(bytes);
        QVERIFY(bytes.isEmpty());
        QCOMPARE(sharer.size(), 16);
        QCOMPARE(sharer.count('\0'), 16);

        QString text = QString::fromLatin1("13572468");
        const QString sharedText = text;
        SecureBuffer b = SecureBuffer::takeString(text);
        QCOMPARE(b.size(), std::size_t(8));
        QVERIFY(text.isEmpty());
        QCOMPARE(sharedText.size(), 8);
        QCOMPARE(sharedText.count(QChar(0)), 8);

        QByteArray literal = QByteArrayLiteral("static");  // read-only data: released, not written
        wipe(literal);
        QVERIFY(literal.isEmpty());
    }

    void takeJsonString()
    {
        QByteArray json = " {\"id\": \"r-1\", \"nested\": {\"so_pin\": \"no\"}, \"list\": [1, \"so_pin\", {\"a\": [true, null]}], \"n\": -1.5e3,"
                         " \"so_pin\" : \"87\\\"65\\\\4\\u0033\\u4e2d21\", \"after\": \"x\"} ";
        QByteArray sharer = json;
        SecureBuffer so = SecureBuffer::takeJsonString(json, "so_pin");
        const QByteArray expected = QByteArray("87\"65\\43") + QStringLiteral("中").toUtf8() + "21";
        QCOMPARE(QByteArray(reinterpret_cast<const char *>(so.data()), qsizetype(so.size())), expected);
        QVERIFY(json.isEmpty());
        QCOMPARE(sharer.count('\0'), sharer.size());  // the text itself was overwritten

        QByteArray missing = "{\"id\": \"r-1\", \"nested\": {\"so_pin\": \"no\"}}";
        QVERIFY(SecureBuffer::takeJsonString(missing, "so_pin").isEmpty());
        QVERIFY(missing.isEmpty());
        QByteArray notString = "{\"so_pin\": 12345678}";
        QVERIFY(SecureBuffer::takeJsonString(notString, "so_pin").isEmpty());
        QByteArray broken = "{\"so_pin\": \"1234";
        QVERIFY(SecureBuffer::takeJsonString(broken, "so_pin").isEmpty());
        QByteArray array = "[\"so_pin\", \"1234\"]";
        QVERIFY(SecureBuffer::takeJsonString(array, "so_pin").isEmpty());
    }

    void subjects()
    {
        auto s = CsrBuilder::parseSubject(QStringLiteral("/C=CN/O=北京某某（集团）有限公司/CN=张\\/三"));
        QVERIFY(s);
        QCOMPARE(s->size(), 3);
        QCOMPARE(s->at(1).second, QStringLiteral("北京某某（集团）有限公司"));
        QCOMPARE(s->at(2).second, QStringLiteral("张/三"));
        QVERIFY(!CsrBuilder::parseSubject(QStringLiteral("CN=x")));
        QVERIFY(!CsrBuilder::parseSubject(QStringLiteral("/CNx")));
    }

    void uscc()
    {
        QVERIFY(CertificateParser::usccChecksumOk(SoftHsmFixture::uscc()));
        QString broken = SoftHsmFixture::uscc();
        broken[17] = broken[17] == QLatin1Char('0') ? QLatin1Char('1') : QLatin1Char('0');
        QVERIFY(!CertificateParser::usccChecksumOk(broken));
        QCOMPARE(CertificateParser::findUscc({QStringLiteral("NTRCN-") + SoftHsmFixture::uscc()}), SoftHsmFixture::uscc());
        QCOMPARE(CertificateParser::findUscc({QStringLiteral("部门"), broken, SoftHsmFixture::uscc()}), SoftHsmFixture::uscc());
        QCOMPARE(CertificateParser::findUscc({broken}), broken);  // shape only, when nothing better
        QVERIFY(CertificateParser::findUscc({QStringLiteral("91110108MA01ABCD2IO")}).isEmpty());
        QCOMPARE(CertificateParser::daysLeft(QDateTime(QDate(2030, 1, 2), QTime(0, 0), Qt::UTC), QDateTime(QDate(2030, 1, 1), QTime(0, 0), Qt::UTC)), 1);
        QCOMPARE(CertificateParser::daysLeft(QDateTime(QDate(2030, 1, 1), QTime(0, 0), Qt::UTC), QDateTime(QDate(2030, 1, 1), QTime(0, 0, 1), Qt::UTC)), -1);
    }

    void quirks()
    {
        const unsigned char padded[8] = {'a', 'b', ' ', ' ', 0, 0, 0, 0};
        QCOMPARE(quirks::fixedString(padded, 8), QStringLiteral("ab"));
        const unsigned char nul[8] = {'x', 0, 'y', ' ', ' ', ' ', ' ', ' '};
        QCOMPARE(quirks::fixedString(nul, 8), QStringLiteral("x"));
        QVERIFY(quirks::ecPointIsBare(QByteArray(1, '\x04') + QByteArray(64, 'a'), 32));
        QVERIFY(!quirks::ecPointIsBare(QByteArray("\x04\x41", 2) + QByteArray(65, 'a'), 32));
        QVERIFY(quirks::ecdsaSignatureIsDer(QByteArray("\x30\x44", 2) + QByteArray(68, 'a'), 32));
        QVERIFY(!quirks::ecdsaSignatureIsDer(QByteArray(64, '\x30'), 32));
    }

    void onlyCertificatesAreEverDestroyed()
    {
        // Structural guarantee: C_DestroyObject appears exactly once in the
        // library, inside destroyCertificateObject, after the CKA_CLASS check.
        int count = 0;
        QString where;
        QDirIterator it(QStringLiteral(CA_SOURCE_DIR "/pkcs11"), {QStringLiteral("*.cpp"), QStringLiteral("*.h")});
        while (it.hasNext()) {
            const QString path = it.next();
            QFile f(path);
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QString text = QString::fromUtf8(f.readAll());
            const int n = int(text.count(QStringLiteral("C_DestroyObject")));
            if (n) {
                count += n;
                where = text;
            }
        }
        QCOMPARE(count, 1);
        const int fn = int(where.indexOf(QStringLiteral("Status destroyCertificateObject(")));
        const int check = int(where.indexOf(QStringLiteral("!= CKO_CERTIFICATE"), fn));
        const int call = int(where.indexOf(QStringLiteral("C_DestroyObject")));
        QVERIFY(fn > 0);
        QVERIFY(check > fn);
        QVERIFY(call > check);
    }
};

QTEST_GUILESS_MAIN(TestP11Module)
#include "tst_p11_module.moc"
