// Token behaviour SoftHSM cannot show, through the fault-injecting shim
// (tests/pkcs11-shim): PIN lockout states, a PIN pad, and a USB key pulled
// out at every single PKCS#11 call of a certificate install.
#include "SoftHsmFixture.h"

#include "pkcs11/CkrNames.h"
#include "pkcs11/Cryptoki.h"
#include "pkcs11/Module.h"
#include "pkcs11/TokenManager.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <vector>

using namespace ca::p11;

namespace {
const QString kSo = QStringLiteral("87654321");
const QString kPin = QStringLiteral("123456");

SecureBuffer pin(const QString &text)
{
    QString copy = text;
    return SecureBuffer::takeString(copy);
}

struct Call
{
    QString function;
    unsigned long rv;
};
}

class TestP11Shim : public QObject
{
    Q_OBJECT

private:
    SoftHsmFixture m_hsm;
    int m_counter = 0;

    void writeConfig(const QJsonObject &o = QJsonObject()) { QVERIFY(m_hsm.writeShimConfig(o)); }
    void plugIn(bool present) { QVERIFY(m_hsm.setTokenPresent(present)); }
    QString newToken(const QString &prefix)
    {
        const QString label = QStringLiteral("%1-%2").arg(prefix).arg(++m_counter);
        return m_hsm.initToken(label, kSo, kPin).isEmpty() ? QString() : label;
    }
    std::unique_ptr<TokenManager> manager()
    {
        auto m = Module::load(QStringLiteral(CA_SHIM_PATH));
        if (!m)
            return nullptr;
        return std::make_unique<TokenManager>(std::move(m).value());
    }
    PinState pinState(TokenManager &tm, const QString &label)
    {
        auto t = tm.findToken(TokenRef{{}, label, {}});
        return t ? t->pinState : PinState::Uninitialised;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_hsm.isValid(), qPrintable(m_hsm.errorString()));
        m_hsm.useShim();
    }
    void cleanup()
    {
        Module::setCallObserver({});
        plugIn(true);
    }

    void lockoutStates()
    {
        const QString label = newToken(QStringLiteral("lock"));
        QVERIFY(!label.isEmpty());
        QFile::remove(m_hsm.shimConfigPath() + QStringLiteral(".state"));
        writeConfig({{QStringLiteral("max_pin_tries"), 3}, {QStringLiteral("count_low_after"), 1}});
        auto tm = manager();
        QVERIFY(tm);
        const TokenRef ref{{}, label, {}};
        QCOMPARE(pinState(*tm, label), PinState::Ok);
        QVERIFY(PinStates::warning(PinState::Ok).isEmpty());

        Status wrong = tm->verifyPin(ref, pin(QStringLiteral("000000")));
        QCOMPARE(wrong.error().kind(), ErrorKind::PinIncorrect);
        QCOMPARE(pinState(*tm, label), PinState::CountLow);
        QVERIFY(!PinStates::warning(PinState::CountLow).isEmpty());

        QCOMPARE(tm->verifyPin(ref, pin(QStringLiteral("000000"))).error().kind(), ErrorKind::PinIncorrect);
        QCOMPARE(pinState(*tm, label), PinState::FinalTry);
        QVERIFY(PinStates::warning(PinState::FinalTry).contains(QStringLiteral("next wrong PIN locks")));
        QVERIFY(PinStates::canAskForPin(PinState::FinalTry));

        // the right PIN resets the count
        QVERIFY(tm->verifyPin(ref, pin(kPin)));
        QCOMPARE(pinState(*tm, label), PinState::Ok);

        for (int i = 0; i < 3; ++i)
            QCOMPARE(tm->verifyPin(ref, pin(QStringLiteral("000000"))).error().kind(), ErrorKind::PinIncorrect);
        QCOMPARE(pinState(*tm, label), PinState::Locked);
        QVERIFY(!PinStates::canAskForPin(PinState::Locked));
        auto t = tm->findToken(ref);
        QVERIFY(t->flags & CKF_USER_PIN_LOCKED);
        // the right PIN is refused now: our side stops before C_Login (flags say locked)
        Status locked = tm->verifyPin(ref, pin(kPin));
        QCOMPARE(locked.error().kind(), ErrorKind::PinLocked);
        QVERIFY(!locked.error().userMessage().isEmpty());
        QCOMPARE(tm->changePin(ref, pin(kPin), pin(QStringLiteral("55555555"))).error().kind(), ErrorKind::PinLocked);

        // a PIN reset by the SO unlocks the key
        QVERIFY(tm->resetPin(ref, pin(kSo), pin(QStringLiteral("24682468"))));
        QCOMPARE(pinState(*tm, label), PinState::Ok);
        QVERIFY(tm->verifyPin(ref, pin(QStringLiteral("24682468"))));
    }

    void lockedAnswerFromTheToken()
    {
        // A token whose flags do not (yet) say locked but whose C_Login answers
        // CKR_PIN_LOCKED: the answer is classified the same way.
        const QString label = newToken(QStringLiteral("lockrv"));
        writeConfig({{QStringLiteral("faults"), QJsonArray{QJsonObject{{QStringLiteral("function"), QStringLiteral("C_Login")},
                                                                      {QStringLiteral("call"), 1},
                                                                      {QStringLiteral("rv"), QStringLiteral("CKR_PIN_LOCKED")}}}}});
        auto tm = manager();
        Status s = tm->verifyPin(TokenRef{{}, label, {}}, pin(kPin));
        QVERIFY(!s);
        QCOMPARE(s.error().kind(), ErrorKind::PinLocked);
        QCOMPARE(s.error().ckrName(), QStringLiteral("CKR_PIN_LOCKED"));
        QCOMPARE(s.error().function(), QStringLiteral("C_Login"));
    }

    void pinStateFlags()
    {
        const unsigned long base = CKF_TOKEN_INITIALIZED | CKF_USER_PIN_INITIALIZED;
        QCOMPARE(PinStates::userFromFlags(base), PinState::Ok);
        QCOMPARE(PinStates::userFromFlags(CKF_TOKEN_INITIALIZED), PinState::Uninitialised);
        QCOMPARE(PinStates::userFromFlags(base | CKF_USER_PIN_TO_BE_CHANGED), PinState::MustChange);
        QCOMPARE(PinStates::userFromFlags(base | CKF_USER_PIN_COUNT_LOW | CKF_USER_PIN_FINAL_TRY), PinState::FinalTry);
        QCOMPARE(PinStates::userFromFlags(base | CKF_USER_PIN_LOCKED | CKF_USER_PIN_COUNT_LOW), PinState::Locked);
        QCOMPARE(PinStates::soFromFlags(CKF_TOKEN_INITIALIZED | CKF_SO_PIN_FINAL_TRY), PinState::FinalTry);
        QCOMPARE(PinStates::code(PinState::MustChange), QStringLiteral("must_change"));
        QVERIFY(!PinStates::warning(PinState::MustChange).isEmpty());
        QVERIFY(!PinStates::soWarning(PinState::FinalTry).isEmpty());
    }

    // PIN reset: an SO PIN on its final try or locked is refused before any
    // login (its own kind and sentence); on a PIN-pad key the SO PIN and the
    // new PIN given are sent (the pad's SO PIN here is wrong on purpose); a
    // pad that refuses them gets its own sentence.
    void pinResetSoStatesAndPinPad()
    {
        const QString label = newToken(QStringLiteral("soreset"));
        QVERIFY(!label.isEmpty());
        const TokenRef ref{{}, label, {}};
        for (const QString &state : {QStringLiteral("final_try"), QStringLiteral("locked")}) {
            writeConfig(QJsonObject{{QStringLiteral("so_pin_state"), state},
                                    {QStringLiteral("trace_file"), QString(m_hsm.dir() + QStringLiteral("/so-trace.txt"))}});
            QFile::remove(m_hsm.dir() + QStringLiteral("/so-trace.txt"));
            auto tm = manager();
            QVERIFY(tm);
            Status s = tm->resetPin(ref, pin(kSo), pin(QStringLiteral("24682468")));
            QVERIFY(!s);
            QCOMPARE(s.error().kind(), ErrorKind::SoPinLocked);
            QVERIFY(s.error().userMessage().contains(QLatin1String("CA centre")));
            QFile trace(m_hsm.dir() + QStringLiteral("/so-trace.txt"));
            QVERIFY(trace.open(QIODevice::ReadOnly));
            QVERIFY2(!trace.readAll().contains("C_Login"), qPrintable(state));  // nothing was tried
        }
        writeConfig({{QStringLiteral("pin_pad"), true}, {QStringLiteral("pin_pad_pin"), kPin}, {QStringLiteral("pin_pad_so_pin"), QStringLiteral("00000000")}});
        {
            auto tm = manager();
            QVERIFY(tm->findToken(ref)->protectedAuthPath);
            Status s = tm->resetPin(ref, pin(kSo), pin(QStringLiteral("24682468")));
            QVERIFY2(s, qPrintable(s ? QString() : s.error().logText()));
        }
        bool ok = false;
        m_hsm.listObjects(label, QStringLiteral("24682468"), QString(), &ok);  // SoftHSM directly
        QVERIFY(ok);
        writeConfig({{QStringLiteral("pin_pad"), true}, {QStringLiteral("pin_pad_pin"), kPin},
                     {QStringLiteral("faults"), QJsonArray{QJsonObject{{QStringLiteral("function"), QStringLiteral("C_Login")},
                                                                      {QStringLiteral("rv"), QStringLiteral("CKR_ARGUMENTS_BAD")}}}}});
        {
            auto tm = manager();
            Status s = tm->resetPin(ref, pin(kSo), pin(QStringLiteral("13571357")));
            QVERIFY(!s);
            QCOMPARE(s.error().kind(), ErrorKind::PinPadRefused);
            QCOMPARE(s.error().ckrName(), QStringLiteral("CKR_ARGUMENTS_BAD"));
            QVERIFY(s.error().userMessage().contains(QLatin1String("PIN pad")));
        }
        m_hsm.listObjects(label, QStringLiteral("24682468"), QString(), &ok);
        QVERIFY(ok);  // unchanged
    }

    void pinPad()
    {
        const QString label = newToken(QStringLiteral("pad"));
        QVERIFY(m_hsm.generateKeyPair(label, kPin, QStringLiteral("EC:prime256v1"), QStringLiteral("0a"), QStringLiteral("k")));
        writeConfig({{QStringLiteral("pin_pad"), true}, {QStringLiteral("pin_pad_pin"), kPin}});
        auto tm = manager();
        const TokenRef ref{{}, label, {}};
        auto t = tm->findToken(ref);
        QVERIFY(t);
        QVERIFY(t->protectedAuthPath);
        // no PIN from us: the "reader" supplies it
        QVERIFY(tm->verifyPin(ref, SecureBuffer()));
        auto c = tm->readContents(ref, nullptr, true);
        QVERIFY2(c, qPrintable(c ? QString() : c.error().logText()));
        QVERIFY(c->loggedIn);
        QCOMPARE(c->keys.size(), 1);
        CsrRequest req;
        req.subject = QStringLiteral("/CN=张三/O=%1").arg(SoftHsmFixture::organisation());
        QVERIFY(tm->createCsr(ref, SecureBuffer(), req));
    }

    void removalDuringInstall_data()
    {
        QTest::addColumn<QString>("keyType");
        QTest::addColumn<bool>("pullAfter");
        QTest::newRow("rsa, call fails with CKR_DEVICE_REMOVED") << QStringLiteral("rsa:2048") << false;
        QTest::newRow("rsa, key pulled right after the call") << QStringLiteral("rsa:2048") << true;
        QTest::newRow("ec, call fails with CKR_DEVICE_REMOVED") << QStringLiteral("EC:prime256v1") << false;
        QTest::newRow("ec, key pulled right after the call") << QStringLiteral("EC:prime256v1") << true;
    }
    void removalDuringInstall()
    {
        QFETCH(QString, keyType);
        QFETCH(bool, pullAfter);
        const QString label = newToken(QStringLiteral("pull"));
        const QString idHex = QStringLiteral("abcd01");
        const QByteArray id = QByteArray::fromHex(idHex.toLatin1());
        QVERIFY(m_hsm.generateKeyPair(label, kPin, keyType, idHex, QStringLiteral("key")));
        const QByteArray spki = m_hsm.publicKeyDer(label, kPin, idHex);
        const QByteArray certA = m_hsm.issueCertificate(spki, SoftHsmFixture::chineseSubject(), 10, 7001);
        const QByteArray certB = m_hsm.issueCertificate(spki, SoftHsmFixture::chineseSubject(), 400, 7002);
        QVERIFY(m_hsm.writeCertificate(label, kPin, certA, idHex, QStringLiteral("A")));
        writeConfig({});
        auto tm = manager();
        QVERIFY(tm);
        const TokenRef ref{{}, label, {}};

        // The install sequence, call by call (dry run: B over A, then A back over B).
        std::vector<Call> calls;
        Module::setCallObserver([&calls](const char *fn, CK_RV rv) { calls.push_back({QString::fromLatin1(fn), rv}); });
        QVERIFY(tm->installCertificate(ref, pin(kPin), certB));
        const std::vector<Call> sequence = calls;
        Module::setCallObserver({});
        QVERIFY(tm->installCertificate(ref, pin(kPin), certA));
        QVERIFY(sequence.size() > 10);
        QStringList names;
        for (const Call &c : sequence)
            names << c.function;
        qInfo().noquote() << "install sequence:" << sequence.size() << "calls:" << names.join(QLatin1Char(' '));
        bool sawCreate = false, sawDestroy = false;
        for (const Call &c : sequence) {
            sawCreate |= c.function == QLatin1String("C_CreateObject");
            sawDestroy |= c.function == QLatin1String("C_DestroyObject");
        }
        QVERIFY(sawCreate && sawDestroy);

        QByteArray current = certA;
        QMap<QString, int> seen;
        int step = 0;
        for (const Call &c : sequence) {
            const int k = ++seen[c.function];
            ++step;
            const QByteArray target = current == certA ? certB : certA;
            const QString where = QStringLiteral("step %1: %2 #%3").arg(step).arg(c.function).arg(k);

            // Arm: either the Kth call of F answers CKR_DEVICE_REMOVED, or it
            // succeeds and the key is pulled out right after it.
            int occurrences = 0;
            bool fired = false;
            if (pullAfter) {
                writeConfig({});
                Module::setCallObserver([&, fn = c.function, k](const char *f, CK_RV) {
                    if (fn == QLatin1String(f) && ++occurrences == k) {
                        QFile::remove(m_hsm.presencePath());
                        fired = true;
                    }
                });
            } else {
                writeConfig({{QStringLiteral("faults"), QJsonArray{QJsonObject{{QStringLiteral("function"), c.function},
                                                                              {QStringLiteral("call"), k},
                                                                              {QStringLiteral("rv"), QStringLiteral("CKR_DEVICE_REMOVED")}}}}});
                Module::setCallObserver([&, fn = c.function, k](const char *f, CK_RV rv) {
                    if (fn == QLatin1String(f) && ++occurrences == k) {
                        fired = rv == CKR_DEVICE_REMOVED;
                        QFile::remove(m_hsm.presencePath());  // and the key is gone from now on
                    }
                });
            }
            auto result = tm->installCertificate(ref, pin(kPin), target);
            Module::setCallObserver({});
            QVERIFY2(fired, qPrintable(where + QStringLiteral(": the removal did not happen")));
            plugIn(true);
            writeConfig({});

            // What is on the token for that key now: the old or the new certificate, never neither.
            const SecureBuffer p = pin(kPin);
            auto contents = tm->readContents(ref, &p);
            QVERIFY2(contents, qPrintable(where + QStringLiteral(": ") + (contents ? QString() : contents.error().logText())));
            QCOMPARE(contents->keys.size(), 1);  // the key is never touched
            QList<QByteArray> present;
            for (const CertificateInfo &ci : contents->certificates) {
                if (ci.id == id)
                    present.append(ci.der);
            }
            QVERIFY2(present.contains(current) || present.contains(target),
                     qPrintable(where + QStringLiteral(": no usable certificate left (%1 objects)").arg(present.size())));
            for (const QByteArray &d : present)
                QVERIFY2(d == current || d == target, qPrintable(where));
            if (result.ok())
                QVERIFY2(present == QList<QByteArray>{target}, qPrintable(where + QStringLiteral(": reported success")));

            // Running the install again finishes the job: exactly the new certificate.
            auto again = tm->installCertificate(ref, pin(kPin), target);
            QVERIFY2(again, qPrintable(where + QStringLiteral(": retry: ") + (again ? QString() : again.error().logText())));
            auto after = tm->readContents(ref, &p);
            QVERIFY(after);
            QCOMPARE(after->certificates.size(), 1);
            QCOMPARE(after->certificates[0].der, target);
            current = target;
        }
    }
};

QTEST_GUILESS_MAIN(TestP11Shim)
#include "tst_p11_shim.moc"
