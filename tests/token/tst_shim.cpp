// The fault-injecting PKCS#11 shim (tests/pkcs11-shim) over a real SoftHSM
// token: loaded with dlopen and driven through its function list, with no
// dependency on pkcs11/. Every test function gets its own SoftHSM token
// directory and SOFTHSM2_CONF (SoftHsmFixture) and shim configuration file.
#include "../pkcs11-shim/ShimConfig.h"
#include "SoftHsmFixture.h"

#include <p11-kit/pkcs11.h>

#include <QtTest>

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <dlfcn.h>

#include <thread>

#define QCOMPARE_RV(actual, expected)                                                                  \
    QCOMPARE(QString::fromStdString(shim::rvName(actual)), QString::fromStdString(shim::rvName(expected)))

namespace {

constexpr const char *kLabel = "shimtest";
const QByteArray kUserPin = "123456";
const QByteArray kSoPin = "87654321";
const QString kUserPinText = QString::fromLatin1(kUserPin);
const QString kSoPinText = QString::fromLatin1(kSoPin);
const QByteArray kWrongPin = "000000";

CK_UTF8CHAR_PTR pinPtr(const QByteArray &pin)
{
    return reinterpret_cast<CK_UTF8CHAR_PTR>(const_cast<char *>(pin.constData()));
}

QString rvString(CK_RV rv)
{
    return QString::fromStdString(shim::rvName(rv));
}

} // namespace

class tst_shim : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    void forwardsToSoftHsm();
    void noLockoutWithoutConfig();
    void lockoutFlagsInTurn();
    void countLowAfterSetting();
    void successfulLoginResetsCounter();
    void soInitPinUnlocks();
    void setPinCountsAndIsRefusedWhenLocked();
    void lockoutSurvivesReloadAndOtherProcesses();
    void faultBeforeHasNoSideEffect();
    void faultAfterKeepsSideEffect();
    void faultOnAnyFunction();
    void faultRemovesToken();
    void removeFaultWithoutPresenceFile();
    void presenceFile();
    void presenceSerialAffectsOneToken();
    void configReloadResetsCounters();
    void invalidConfigKeepsPrevious();
    void pinPadLogin();
    void pinToBeChanged();
    void traceFile();
    void slowCall();
    void waitForSlotEventNotSupported();

private:
    QString path(const QString &name) const { return m_hsm->dir() + QLatin1Char('/') + name; }
    void writeConfig(const QJsonObject &config);
    CK_SLOT_ID slotOf(const QString &label);
    QList<CK_SLOT_ID> presentSlots();
    CK_FLAGS tokenFlags(CK_SLOT_ID slot);
    CK_SESSION_HANDLE openSession(CK_SLOT_ID slot, bool rw = true);
    CK_RV login(CK_SESSION_HANDLE session, const QByteArray &pin, CK_USER_TYPE type = CKU_USER);
    CK_RV createData(CK_SESSION_HANDLE session, const QByteArray &label);
    int countData(CK_SESSION_HANDLE session, const QByteArray &label);
    QStringList traceLines(const QString &file) const;
    void lockUserPin(CK_SLOT_ID slot, int tries);

    void *m_module = nullptr;
    CK_FUNCTION_LIST_PTR m_f = nullptr;
    std::unique_ptr<SoftHsmFixture> m_hsm;
    CK_SLOT_ID m_slot = 0;
    bool m_initialized = false;
};

void tst_shim::initTestCase()
{
    QVERIFY2(QFileInfo::exists(SoftHsmFixture::softHsmModule()), "SoftHSM2 is not installed");
    m_module = ::dlopen(CA_SHIM_PATH, RTLD_NOW | RTLD_LOCAL);
    QVERIFY2(m_module, ::dlerror());
    // The shim must export C_GetFunctionList and nothing that could interpose
    // on the target module's own C_* symbols.
    QVERIFY(::dlsym(m_module, "C_Initialize") == nullptr);
    auto getList = reinterpret_cast<CK_C_GetFunctionList>(::dlsym(m_module, "C_GetFunctionList"));
    QVERIFY(getList);
    QCOMPARE_RV(getList(&m_f), CKR_OK);
    QVERIFY(m_f);
    QCOMPARE(int(m_f->version.major), 2);
    QCOMPARE(int(m_f->version.minor), 40);
    CK_FUNCTION_LIST_PTR again = nullptr;
    QCOMPARE_RV(m_f->C_GetFunctionList(&again), CKR_OK);
    QVERIFY(again == m_f);
}

void tst_shim::init()
{
    m_hsm = std::make_unique<SoftHsmFixture>(); // sets SOFTHSM2_CONF
    QVERIFY2(m_hsm->isValid(), qPrintable(m_hsm->errorString()));
    QVERIFY2(!m_hsm->initToken(QString::fromLatin1(kLabel), kSoPinText, kUserPinText).isEmpty(),
             qPrintable(m_hsm->errorString()));
    qputenv("CA_SHIM_CONFIG", path(QStringLiteral("shim.json")).toUtf8());
    writeConfig(QJsonObject());

    CK_C_INITIALIZE_ARGS args {};
    args.flags = CKF_OS_LOCKING_OK;
    QCOMPARE_RV(m_f->C_Initialize(&args), CKR_OK);
    m_initialized = true;
    m_slot = slotOf(QString::fromLatin1(kLabel));
}

void tst_shim::cleanup()
{
    if (m_initialized)
        QCOMPARE_RV(m_f->C_Finalize(nullptr), CKR_OK);
    m_initialized = false;
    m_hsm.reset();
}

void tst_shim::cleanupTestCase()
{
    // The module stays loaded: SoftHSM keeps process-wide state that does not
    // like being unloaded and loaded again.
}

void tst_shim::writeConfig(const QJsonObject &config)
{
    // QSaveFile writes a new file and renames it over the old one, so the shim
    // sees a new inode even when size and mtime happen to be equal.
    QSaveFile f(path(QStringLiteral("shim.json")));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QJsonDocument(config).toJson());
    QVERIFY(f.commit());
}

QList<CK_SLOT_ID> tst_shim::presentSlots()
{
    CK_ULONG n = 0;
    CK_RV rv = m_f->C_GetSlotList(CK_TRUE, nullptr, &n);
    if (rv != CKR_OK) {
        qWarning() << "C_GetSlotList" << rvString(rv);
        return {};
    }
    std::vector<CK_SLOT_ID> slotIds(n);
    rv = m_f->C_GetSlotList(CK_TRUE, slotIds.data(), &n);
    if (rv != CKR_OK) {
        qWarning() << "C_GetSlotList" << rvString(rv);
        return {};
    }
    return QList<CK_SLOT_ID>(slotIds.begin(), slotIds.begin() + long(n));
}

CK_SLOT_ID tst_shim::slotOf(const QString &label)
{
    const QList<CK_SLOT_ID> slotIds = presentSlots();
    for (CK_SLOT_ID slot : slotIds) {
        CK_TOKEN_INFO info {};
        if (m_f->C_GetTokenInfo(slot, &info) != CKR_OK)
            continue;
        const QString l = QString::fromUtf8(reinterpret_cast<const char *>(info.label), sizeof info.label).trimmed();
        if (l == label)
            return slot;
    }
    qWarning() << "no token labelled" << label;
    return CK_SLOT_ID(-1);
}

CK_FLAGS tst_shim::tokenFlags(CK_SLOT_ID slot)
{
    CK_TOKEN_INFO info {};
    const CK_RV rv = m_f->C_GetTokenInfo(slot, &info);
    if (rv != CKR_OK) {
        qWarning() << "C_GetTokenInfo" << rvString(rv);
        return ~CK_FLAGS(0);
    }
    return info.flags;
}

CK_SESSION_HANDLE tst_shim::openSession(CK_SLOT_ID slot, bool rw)
{
    CK_SESSION_HANDLE h = CK_INVALID_HANDLE;
    const CK_RV rv = m_f->C_OpenSession(slot, CKF_SERIAL_SESSION | (rw ? CKF_RW_SESSION : 0), nullptr, nullptr, &h);
    if (rv != CKR_OK)
        qWarning() << "C_OpenSession" << rvString(rv);
    return h;
}

CK_RV tst_shim::login(CK_SESSION_HANDLE session, const QByteArray &pin, CK_USER_TYPE type)
{
    return m_f->C_Login(session, type, pinPtr(pin), CK_ULONG(pin.size()));
}

CK_RV tst_shim::createData(CK_SESSION_HANDLE session, const QByteArray &label)
{
    CK_OBJECT_CLASS cls = CKO_DATA;
    CK_BBOOL yes = CK_TRUE;
    QByteArray l = label;
    QByteArray value = "payload of " + label;
    CK_ATTRIBUTE t[] = {
        {CKA_CLASS, &cls, sizeof cls},
        {CKA_TOKEN, &yes, sizeof yes},
        {CKA_LABEL, l.data(), CK_ULONG(l.size())},
        {CKA_VALUE, value.data(), CK_ULONG(value.size())},
    };
    CK_OBJECT_HANDLE h = CK_INVALID_HANDLE;
    return m_f->C_CreateObject(session, t, 4, &h);
}

int tst_shim::countData(CK_SESSION_HANDLE session, const QByteArray &label)
{
    CK_OBJECT_CLASS cls = CKO_DATA;
    QByteArray l = label;
    CK_ATTRIBUTE t[] = {
        {CKA_CLASS, &cls, sizeof cls},
        {CKA_LABEL, l.data(), CK_ULONG(l.size())},
    };
    CK_RV rv = m_f->C_FindObjectsInit(session, t, 2);
    if (rv != CKR_OK) {
        qWarning() << "C_FindObjectsInit" << rvString(rv);
        return -1;
    }
    CK_OBJECT_HANDLE found[32];
    CK_ULONG n = 0;
    rv = m_f->C_FindObjects(session, found, 32, &n);
    m_f->C_FindObjectsFinal(session);
    if (rv != CKR_OK) {
        qWarning() << "C_FindObjects" << rvString(rv);
        return -1;
    }
    return int(n);
}

QStringList tst_shim::traceLines(const QString &file) const
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

void tst_shim::lockUserPin(CK_SLOT_ID slot, int tries)
{
    const CK_SESSION_HANDLE s = openSession(slot);
    for (int i = 0; i < tries; ++i)
        QCOMPARE_RV(login(s, kWrongPin), CKR_PIN_INCORRECT);
    QCOMPARE_RV(m_f->C_CloseSession(s), CKR_OK);
}

// ---------------------------------------------------------------------------

void tst_shim::forwardsToSoftHsm()
{
    CK_INFO info {};
    QCOMPARE_RV(m_f->C_GetInfo(&info), CKR_OK);
    QCOMPARE(QByteArray(reinterpret_cast<const char *>(info.manufacturerID), sizeof info.manufacturerID).trimmed(),
             QByteArray("SoftHSM"));

    CK_TOKEN_INFO ti {};
    QCOMPARE_RV(m_f->C_GetTokenInfo(m_slot, &ti), CKR_OK);
    QCOMPARE(QByteArray(reinterpret_cast<const char *>(ti.label), sizeof ti.label).trimmed(), QByteArray(kLabel));
    QVERIFY(ti.flags & CKF_TOKEN_INITIALIZED);
    QVERIFY(ti.flags & CKF_USER_PIN_INITIALIZED);
    QVERIFY(!(ti.flags & CKF_PROTECTED_AUTHENTICATION_PATH));
    QVERIFY(!QByteArray(reinterpret_cast<const char *>(ti.serialNumber), sizeof ti.serialNumber).trimmed().isEmpty());

    CK_SLOT_INFO si {};
    QCOMPARE_RV(m_f->C_GetSlotInfo(m_slot, &si), CKR_OK);
    QVERIFY(si.flags & CKF_TOKEN_PRESENT);

    CK_ULONG mechCount = 0;
    QCOMPARE_RV(m_f->C_GetMechanismList(m_slot, nullptr, &mechCount), CKR_OK);
    QVERIFY(mechCount > 0);

    const CK_SESSION_HANDLE s = openSession(m_slot);
    QVERIFY(s != CK_INVALID_HANDLE);
    QCOMPARE_RV(login(s, kUserPin), CKR_OK);
    CK_SESSION_INFO sess {};
    QCOMPARE_RV(m_f->C_GetSessionInfo(s, &sess), CKR_OK);
    QCOMPARE(sess.state, CK_STATE(CKS_RW_USER_FUNCTIONS));

    QCOMPARE(countData(s, "alpha"), 0);
    QCOMPARE_RV(createData(s, "alpha"), CKR_OK);
    QCOMPARE_RV(createData(s, "beta"), CKR_OK);
    QCOMPARE(countData(s, "alpha"), 1);
    QCOMPARE(countData(s, "beta"), 1);

    // A signature made through the shim verifies through the shim.
    CK_MECHANISM genMech {CKM_EC_KEY_PAIR_GEN, nullptr, 0};
    const unsigned char p256[] = {0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07};
    CK_BBOOL yes = CK_TRUE;
    CK_ATTRIBUTE pubT[] = {{CKA_EC_PARAMS, const_cast<unsigned char *>(p256), sizeof p256},
                           {CKA_VERIFY, &yes, sizeof yes}};
    CK_ATTRIBUTE privT[] = {{CKA_SIGN, &yes, sizeof yes}};
    CK_OBJECT_HANDLE pub = 0, priv = 0;
    QCOMPARE_RV(m_f->C_GenerateKeyPair(s, &genMech, pubT, 2, privT, 1, &pub, &priv), CKR_OK);
    CK_MECHANISM ecdsa {CKM_ECDSA, nullptr, 0};
    unsigned char digest[32] = {1, 2, 3};
    unsigned char sig[128];
    CK_ULONG sigLen = sizeof sig;
    QCOMPARE_RV(m_f->C_SignInit(s, &ecdsa, priv), CKR_OK);
    QCOMPARE_RV(m_f->C_Sign(s, digest, sizeof digest, sig, &sigLen), CKR_OK);
    QCOMPARE(sigLen, CK_ULONG(64));
    QCOMPARE_RV(m_f->C_VerifyInit(s, &ecdsa, pub), CKR_OK);
    QCOMPARE_RV(m_f->C_Verify(s, digest, sizeof digest, sig, sigLen), CKR_OK);
    sig[5] ^= 0x40;
    QCOMPARE_RV(m_f->C_VerifyInit(s, &ecdsa, pub), CKR_OK);
    QCOMPARE_RV(m_f->C_Verify(s, digest, sizeof digest, sig, sigLen), CKR_SIGNATURE_INVALID);

    QCOMPARE_RV(m_f->C_Logout(s), CKR_OK);
    QCOMPARE_RV(m_f->C_CloseSession(s), CKR_OK);
    QCOMPARE_RV(m_f->C_CloseSession(s), CKR_SESSION_HANDLE_INVALID);
}

void tst_shim::noLockoutWithoutConfig()
{
    // Without max_pin_tries the shim passes SoftHSM through, and SoftHSM never locks.
    const CK_SESSION_HANDLE s = openSession(m_slot);
    for (int i = 0; i < 6; ++i)
        QCOMPARE_RV(login(s, kWrongPin), CKR_PIN_INCORRECT);
    QVERIFY(!(tokenFlags(m_slot) & CKF_USER_PIN_LOCKED));
    QCOMPARE_RV(login(s, kUserPin), CKR_OK);
    QVERIFY(!QFileInfo::exists(path(QStringLiteral("shim.json.state"))));
}

void tst_shim::lockoutFlagsInTurn()
{
    writeConfig({{"max_pin_tries", 3}, {"count_low_after", 1}});
    constexpr CK_FLAGS pinFlags = CKF_USER_PIN_COUNT_LOW | CKF_USER_PIN_FINAL_TRY | CKF_USER_PIN_LOCKED;
    QCOMPARE(tokenFlags(m_slot) & pinFlags, CK_FLAGS(0));

    const CK_SESSION_HANDLE s = openSession(m_slot);
    QCOMPARE_RV(login(s, kWrongPin), CKR_PIN_INCORRECT);
    QCOMPARE(tokenFlags(m_slot) & pinFlags, CK_FLAGS(CKF_USER_PIN_COUNT_LOW));
    QCOMPARE_RV(login(s, kWrongPin), CKR_PIN_INCORRECT);
    QCOMPARE(tokenFlags(m_slot) & pinFlags, CK_FLAGS(CKF_USER_PIN_COUNT_LOW | CKF_USER_PIN_FINAL_TRY));
    QCOMPARE_RV(login(s, kWrongPin), CKR_PIN_INCORRECT);
    QCOMPARE(tokenFlags(m_slot) & pinFlags, CK_FLAGS(CKF_USER_PIN_LOCKED));

    // Locked: the right PIN is refused too, wrong ones stay locked.
    QCOMPARE_RV(login(s, kUserPin), CKR_PIN_LOCKED);
    QCOMPARE_RV(login(s, kWrongPin), CKR_PIN_LOCKED);
    CK_SESSION_INFO info {};
    QCOMPARE_RV(m_f->C_GetSessionInfo(s, &info), CKR_OK);
    QCOMPARE(info.state, CK_STATE(CKS_RW_PUBLIC_SESSION));
    QCOMPARE(tokenFlags(m_slot) & pinFlags, CK_FLAGS(CKF_USER_PIN_LOCKED));
    // The SO can still log in (to reset the PIN).
    QCOMPARE_RV(login(s, kSoPin, CKU_SO), CKR_OK);
}

void tst_shim::countLowAfterSetting()
{
    writeConfig({{"max_pin_tries", 5}, {"count_low_after", 2}});
    constexpr CK_FLAGS pinFlags = CKF_USER_PIN_COUNT_LOW | CKF_USER_PIN_FINAL_TRY | CKF_USER_PIN_LOCKED;
    const CK_SESSION_HANDLE s = openSession(m_slot);
    const CK_FLAGS expected[] = {
        0,                                               // 1 wrong
        CKF_USER_PIN_COUNT_LOW,                          // 2 wrong
        CKF_USER_PIN_COUNT_LOW,                          // 3 wrong
        CKF_USER_PIN_COUNT_LOW | CKF_USER_PIN_FINAL_TRY, // 4 wrong: one try left
        CKF_USER_PIN_LOCKED,                             // 5 wrong
    };
    for (int i = 0; i < 5; ++i) {
        QCOMPARE_RV(login(s, kWrongPin), CKR_PIN_INCORRECT);
        QCOMPARE(tokenFlags(m_slot) & pinFlags, expected[i]);
    }
    QCOMPARE_RV(login(s, kUserPin), CKR_PIN_LOCKED);
}

void tst_shim::successfulLoginResetsCounter()
{
    writeConfig({{"max_pin_tries", 3}});
    const CK_SESSION_HANDLE s = openSession(m_slot);
    QCOMPARE_RV(login(s, kWrongPin), CKR_PIN_INCORRECT);
    QCOMPARE_RV(login(s, kWrongPin), CKR_PIN_INCORRECT);
    QVERIFY(tokenFlags(m_slot) & CKF_USER_PIN_FINAL_TRY);
    QCOMPARE_RV(login(s, kUserPin), CKR_OK);
    QCOMPARE(tokenFlags(m_slot) & (CKF_USER_PIN_COUNT_LOW | CKF_USER_PIN_FINAL_TRY | CKF_USER_PIN_LOCKED),
             CK_FLAGS(0));
    QCOMPARE_RV(m_f->C_Logout(s), CKR_OK);
    // Only consecutive wrong tries count: two more do not lock.
    QCOMPARE_RV(login(s, kWrongPin), CKR_PIN_INCORRECT);
    QCOMPARE_RV(login(s, kWrongPin), CKR_PIN_INCORRECT);
    QVERIFY(!(tokenFlags(m_slot) & CKF_USER_PIN_LOCKED));
    QCOMPARE_RV(login(s, kUserPin), CKR_OK);
}

void tst_shim::soInitPinUnlocks()
{
    writeConfig({{"max_pin_tries", 3}});
    lockUserPin(m_slot, 3);
    QVERIFY(tokenFlags(m_slot) & CKF_USER_PIN_LOCKED);

    const CK_SESSION_HANDLE so = openSession(m_slot);
    QCOMPARE_RV(login(so, kWrongPin, CKU_SO), CKR_PIN_INCORRECT);
    QVERIFY(tokenFlags(m_slot) & CKF_USER_PIN_LOCKED); // a wrong SO PIN changes nothing
    QCOMPARE_RV(login(so, kSoPin, CKU_SO), CKR_OK);
    const QByteArray newPin = "654321";
    QCOMPARE_RV(m_f->C_InitPIN(so, pinPtr(newPin), CK_ULONG(newPin.size())), CKR_OK);
    QCOMPARE_RV(m_f->C_Logout(so), CKR_OK);
    QCOMPARE_RV(m_f->C_CloseSession(so), CKR_OK);

    QCOMPARE(tokenFlags(m_slot) & (CKF_USER_PIN_COUNT_LOW | CKF_USER_PIN_FINAL_TRY | CKF_USER_PIN_LOCKED),
             CK_FLAGS(0));
    const CK_SESSION_HANDLE s = openSession(m_slot);
    QCOMPARE_RV(login(s, kUserPin), CKR_PIN_INCORRECT); // the old PIN is gone
    QCOMPARE_RV(login(s, newPin), CKR_OK);
}

void tst_shim::setPinCountsAndIsRefusedWhenLocked()
{
    writeConfig({{"max_pin_tries", 2}});
    const CK_SESSION_HANDLE s = openSession(m_slot);
    const QByteArray newPin = "112233";
    QCOMPARE_RV(m_f->C_SetPIN(s, pinPtr(kWrongPin), 6, pinPtr(newPin), 6), CKR_PIN_INCORRECT);
    QVERIFY(tokenFlags(m_slot) & CKF_USER_PIN_FINAL_TRY);
    QCOMPARE_RV(m_f->C_SetPIN(s, pinPtr(kWrongPin), 6, pinPtr(newPin), 6), CKR_PIN_INCORRECT);
    QVERIFY(tokenFlags(m_slot) & CKF_USER_PIN_LOCKED);
    QCOMPARE_RV(m_f->C_SetPIN(s, pinPtr(kUserPin), 6, pinPtr(newPin), 6), CKR_PIN_LOCKED);

    // Unlock, then a change with the right PIN works and the new PIN is the one that logs in.
    QVERIFY(QFile::remove(path(QStringLiteral("shim.json.state"))));
    QVERIFY(!(tokenFlags(m_slot) & CKF_USER_PIN_LOCKED));
    QCOMPARE_RV(m_f->C_SetPIN(s, pinPtr(kUserPin), 6, pinPtr(newPin), 6), CKR_OK);
    QCOMPARE_RV(login(s, kUserPin), CKR_PIN_INCORRECT);
    QCOMPARE_RV(login(s, newPin), CKR_OK);
}

void tst_shim::lockoutSurvivesReloadAndOtherProcesses()
{
    writeConfig({{"max_pin_tries", 3}});
    lockUserPin(m_slot, 3);
    QVERIFY(QFileInfo::exists(path(QStringLiteral("shim.json.state"))));

    // A reload (new config content) keeps the lockout.
    writeConfig({{"max_pin_tries", 3}, {"trace_file", path(QStringLiteral("trace.txt"))}});
    QVERIFY(tokenFlags(m_slot) & CKF_USER_PIN_LOCKED);
    QVERIFY(!traceLines(path(QStringLiteral("trace.txt"))).isEmpty()); // the new config is in force

    // A second process through the shim (OpenSC's pkcs11-tool) sees the lock.
#if defined(__SANITIZE_ADDRESS__)
    QSKIP("pkcs11-tool cannot load a module built with AddressSanitizer");
#endif
    const QString shim = QStringLiteral(CA_SHIM_PATH);
    bool ok = true;
    m_hsm->listObjects(QString::fromLatin1(kLabel), kUserPinText, shim, &ok);
    QVERIFY(!ok);
    QVERIFY2(m_hsm->errorString().contains(QLatin1String("CKR_PIN_LOCKED")), qPrintable(m_hsm->errorString()));

    // And a wrong PIN given by the other process counts here (state file shared).
    writeConfig({{"max_pin_tries", 5}});
    QVERIFY(!(tokenFlags(m_slot) & CKF_USER_PIN_LOCKED));
    QVERIFY(tokenFlags(m_slot) & CKF_USER_PIN_COUNT_LOW);
    m_hsm->listObjects(QString::fromLatin1(kLabel), QString::fromLatin1(kWrongPin), shim, &ok);
    QVERIFY(!ok);
    QVERIFY2(m_hsm->errorString().contains(QLatin1String("CKR_PIN_INCORRECT")), qPrintable(m_hsm->errorString()));
    QVERIFY(tokenFlags(m_slot) & CKF_USER_PIN_FINAL_TRY); // 4 of 5
}

void tst_shim::faultBeforeHasNoSideEffect()
{
    const CK_SESSION_HANDLE s = openSession(m_slot);
    QCOMPARE_RV(login(s, kUserPin), CKR_OK);
    writeConfig({{"faults", QJsonArray{QJsonObject{
                                {"function", "C_CreateObject"}, {"call", 2}, {"rv", "CKR_DEVICE_ERROR"}}}}});
    QCOMPARE_RV(createData(s, "one"), CKR_OK);
    QCOMPARE_RV(createData(s, "two"), CKR_DEVICE_ERROR);
    QCOMPARE_RV(createData(s, "three"), CKR_OK);
    QCOMPARE(countData(s, "one"), 1);
    QCOMPARE(countData(s, "two"), 0); // not forwarded: no object
    QCOMPARE(countData(s, "three"), 1);
}

void tst_shim::faultAfterKeepsSideEffect()
{
    const CK_SESSION_HANDLE s = openSession(m_slot);
    QCOMPARE_RV(login(s, kUserPin), CKR_OK);
    writeConfig({{"faults", QJsonArray{QJsonObject{{"function", "C_CreateObject"},
                                                   {"call", 1},
                                                   {"when", "after"},
                                                   {"rv", "CKR_DEVICE_REMOVED"}}}}});
    QCOMPARE_RV(createData(s, "ghost"), CKR_DEVICE_REMOVED);
    QCOMPARE(countData(s, "ghost"), 1); // the object was created all the same
    // The token is still there (no "remove").
    QVERIFY(presentSlots().contains(m_slot));
    QCOMPARE_RV(createData(s, "next"), CKR_OK);
}

void tst_shim::faultOnAnyFunction()
{
    // "*": the Kth call of any function, counted since the reload.
    writeConfig({{"faults", QJsonArray{QJsonObject{{"function", "*"}, {"call", 3}, {"rv", 0x30}}}}});
    CK_INFO info {};
    QCOMPARE_RV(m_f->C_GetInfo(&info), CKR_OK);
    QVERIFY(tokenFlags(m_slot) != ~CK_FLAGS(0));
    CK_SLOT_INFO si {};
    QCOMPARE_RV(m_f->C_GetSlotInfo(m_slot, &si), CKR_DEVICE_ERROR);
    QCOMPARE_RV(m_f->C_GetSlotInfo(m_slot, &si), CKR_OK);

    // "call" 0 (or absent): every call of that function.
    writeConfig({{"faults", QJsonArray{QJsonObject{{"function", "C_GetInfo"}, {"rv", "CKR_GENERAL_ERROR"}}}}});
    for (int i = 0; i < 3; ++i)
        QCOMPARE_RV(m_f->C_GetInfo(&info), CKR_GENERAL_ERROR);
    QCOMPARE_RV(m_f->C_GetSlotInfo(m_slot, &si), CKR_OK);
}

void tst_shim::faultRemovesToken()
{
    const QString presence = path(QStringLiteral("present"));
    QFile(presence).open(QIODevice::WriteOnly);
    const CK_SESSION_HANDLE s = openSession(m_slot);
    QCOMPARE_RV(login(s, kUserPin), CKR_OK);
    QCOMPARE_RV(createData(s, "old"), CKR_OK);
    writeConfig({{"presence_file", presence},
                 {"faults", QJsonArray{QJsonObject{{"function", "C_CreateObject"},
                                                   {"call", 1},
                                                   {"when", "after"},
                                                   {"remove", true},
                                                   {"rv", "CKR_DEVICE_REMOVED"}}}}});
    QCOMPARE_RV(createData(s, "new"), CKR_DEVICE_REMOVED);
    QVERIFY(!QFileInfo::exists(presence)); // "unplugged"
    QVERIFY(presentSlots().isEmpty());
    CK_TOKEN_INFO ti {};
    QCOMPARE_RV(m_f->C_GetTokenInfo(m_slot, &ti), CKR_TOKEN_NOT_PRESENT);
    QCOMPARE(countData(s, "old"), -1);
    QCOMPARE_RV(createData(s, "more"), CKR_DEVICE_REMOVED);

    // Plugged in again: the old session is gone, a new one sees both objects.
    QFile(presence).open(QIODevice::WriteOnly);
    QVERIFY(presentSlots().contains(m_slot));
    CK_SESSION_INFO info {};
    QCOMPARE_RV(m_f->C_GetSessionInfo(s, &info), CKR_SESSION_HANDLE_INVALID);
    const CK_SESSION_HANDLE s2 = openSession(m_slot);
    QCOMPARE_RV(m_f->C_GetSessionInfo(s2, &info), CKR_OK);
    QCOMPARE(info.state, CK_STATE(CKS_RW_PUBLIC_SESSION)); // removal logged the user out
    QCOMPARE_RV(login(s2, kUserPin), CKR_OK);
    QCOMPARE(countData(s2, "old"), 1);
    QCOMPARE(countData(s2, "new"), 1);
    QCOMPARE(countData(s2, "more"), 0);
}

void tst_shim::removeFaultWithoutPresenceFile()
{
    const CK_SESSION_HANDLE s = openSession(m_slot);
    writeConfig({{"faults", QJsonArray{QJsonObject{
                                {"function", "C_Login"}, {"call", 1}, {"remove", true}}}}}); // rv defaults to CKR_DEVICE_REMOVED
    QCOMPARE_RV(login(s, kUserPin), CKR_DEVICE_REMOVED);
    QVERIFY(presentSlots().isEmpty());
    CK_SLOT_INFO si {};
    QCOMPARE_RV(m_f->C_GetSlotInfo(m_slot, &si), CKR_OK);
    QVERIFY(!(si.flags & CKF_TOKEN_PRESENT));
    CK_SESSION_HANDLE h = CK_INVALID_HANDLE;
    QCOMPARE_RV(m_f->C_OpenSession(m_slot, CKF_SERIAL_SESSION, nullptr, nullptr, &h), CKR_TOKEN_NOT_PRESENT);
    // Without a presence file the token comes back when the configuration is reloaded.
    writeConfig(QJsonObject{{"max_pin_tries", 0}});
    QVERIFY(presentSlots().contains(m_slot));
    QCOMPARE_RV(m_f->C_GetSlotInfo(m_slot, &si), CKR_OK);
    QVERIFY(si.flags & CKF_TOKEN_PRESENT);
}

void tst_shim::presenceFile()
{
    const QString presence = path(QStringLiteral("present"));
    QFile(presence).open(QIODevice::WriteOnly);
    writeConfig({{"presence_file", presence}});
    const QList<CK_SLOT_ID> before = presentSlots();
    QVERIFY(before.contains(m_slot));
    const CK_SESSION_HANDLE s = openSession(m_slot);
    QCOMPARE_RV(login(s, kUserPin), CKR_OK);
    QCOMPARE_RV(createData(s, "kept"), CKR_OK);

    QVERIFY(QFile::remove(presence));
    QVERIFY(presentSlots().isEmpty());
    CK_ULONG all = 0;
    QCOMPARE_RV(m_f->C_GetSlotList(CK_FALSE, nullptr, &all), CKR_OK);
    QCOMPARE(int(all), before.size());
    CK_SLOT_INFO si {};
    QCOMPARE_RV(m_f->C_GetSlotInfo(m_slot, &si), CKR_OK);
    QVERIFY(!(si.flags & CKF_TOKEN_PRESENT));
    CK_TOKEN_INFO ti {};
    QCOMPARE_RV(m_f->C_GetTokenInfo(m_slot, &ti), CKR_TOKEN_NOT_PRESENT);
    CK_SESSION_HANDLE h = CK_INVALID_HANDLE;
    QCOMPARE_RV(m_f->C_OpenSession(m_slot, CKF_SERIAL_SESSION, nullptr, nullptr, &h), CKR_TOKEN_NOT_PRESENT);
    CK_SESSION_INFO info {};
    QCOMPARE_RV(m_f->C_GetSessionInfo(s, &info), CKR_DEVICE_REMOVED);
    QCOMPARE_RV(createData(s, "lost"), CKR_DEVICE_REMOVED);
    // A buffer of the right size for zero slotIds.
    CK_ULONG zero = 0;
    QCOMPARE_RV(m_f->C_GetSlotList(CK_TRUE, nullptr, &zero), CKR_OK);
    QCOMPARE(zero, CK_ULONG(0));

    QFile(presence).open(QIODevice::WriteOnly);
    QCOMPARE(presentSlots(), before);
    QVERIFY(tokenFlags(m_slot) & CKF_TOKEN_INITIALIZED);
    QCOMPARE_RV(m_f->C_GetSessionInfo(s, &info), CKR_SESSION_HANDLE_INVALID);
    QCOMPARE_RV(m_f->C_CloseSession(s), CKR_SESSION_HANDLE_INVALID);
    QCOMPARE_RV(m_f->C_CloseSession(s), CKR_SESSION_HANDLE_INVALID);
    // SoftHSM hands out the freed handle number again: it is a live session then.
    const CK_SESSION_HANDLE s2 = openSession(m_slot);
    QCOMPARE_RV(m_f->C_GetSessionInfo(s2, &info), CKR_OK);
    QCOMPARE_RV(login(s2, kUserPin), CKR_OK);
    QCOMPARE(countData(s2, "kept"), 1);
    QCOMPARE(countData(s2, "lost"), 0);
}

void tst_shim::presenceSerialAffectsOneToken()
{
    const QString serial = m_hsm->initToken(QStringLiteral("second"), kSoPinText, kUserPinText);
    QVERIFY2(!serial.isEmpty(), qPrintable(m_hsm->errorString()));
    // SoftHSM lists tokens initialised after C_Initialize only after a restart.
    QCOMPARE_RV(m_f->C_Finalize(nullptr), CKR_OK);
    QCOMPARE_RV(m_f->C_Initialize(nullptr), CKR_OK);
    m_slot = slotOf(QString::fromLatin1(kLabel));
    const CK_SLOT_ID second = slotOf(QStringLiteral("second"));
    CK_TOKEN_INFO ti {};
    QCOMPARE_RV(m_f->C_GetTokenInfo(second, &ti), CKR_OK);
    QCOMPARE(QString::fromLatin1(reinterpret_cast<const char *>(ti.serialNumber), sizeof ti.serialNumber).trimmed(),
             serial);

    const QString presence = path(QStringLiteral("present"));
    writeConfig({{"presence_file", presence}, {"presence_serial", serial}});
    const CK_SESSION_HANDLE first = openSession(m_slot);
    CK_SESSION_HANDLE h = CK_INVALID_HANDLE;
    QCOMPARE_RV(m_f->C_OpenSession(second, CKF_SERIAL_SESSION, nullptr, nullptr, &h), CKR_TOKEN_NOT_PRESENT);
    const QList<CK_SLOT_ID> slotIds = presentSlots();
    QVERIFY(slotIds.contains(m_slot));
    QVERIFY(!slotIds.contains(second));
    CK_SESSION_INFO info {};
    QCOMPARE_RV(m_f->C_GetSessionInfo(first, &info), CKR_OK);

    QFile(presence).open(QIODevice::WriteOnly);
    QVERIFY(presentSlots().contains(second));
    QVERIFY(openSession(second) != CK_INVALID_HANDLE);
}

void tst_shim::configReloadResetsCounters()
{
    const QJsonObject faultOnFirstGetInfo{
        {"faults", QJsonArray{QJsonObject{{"function", "C_GetInfo"}, {"call", 1}, {"rv", "CKR_DEVICE_ERROR"}}}}};
    writeConfig(faultOnFirstGetInfo);
    CK_INFO info {};
    QCOMPARE_RV(m_f->C_GetInfo(&info), CKR_DEVICE_ERROR);
    QCOMPARE_RV(m_f->C_GetInfo(&info), CKR_OK);
    // Rewriting the same content is a reload: counting starts again.
    writeConfig(faultOnFirstGetInfo);
    QCOMPARE_RV(m_f->C_GetInfo(&info), CKR_DEVICE_ERROR);
    QCOMPARE_RV(m_f->C_GetInfo(&info), CKR_OK);
    // A different fault replaces the first while the module stays loaded.
    writeConfig({{"faults", QJsonArray{QJsonObject{{"function", "C_GetInfo"}, {"call", 2}, {"rv", "CKR_HOST_MEMORY"}}}}});
    QCOMPARE_RV(m_f->C_GetInfo(&info), CKR_OK);
    QCOMPARE_RV(m_f->C_GetInfo(&info), CKR_HOST_MEMORY);
    // Content changed in place (same inode) is seen too.
    {
        QFile f(path(QStringLiteral("shim.json")));
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(R"({"faults": [{"function": "C_GetInfo", "call": 1, "rv": "CKR_CANCEL"}]})");
    }
    QCOMPARE_RV(m_f->C_GetInfo(&info), CKR_CANCEL);
    // No faults: plain forwarding.
    writeConfig(QJsonObject());
    QCOMPARE_RV(m_f->C_GetInfo(&info), CKR_OK);
}

void tst_shim::invalidConfigKeepsPrevious()
{
    writeConfig({{"faults", QJsonArray{QJsonObject{{"function", "C_GetInfo"}, {"rv", "CKR_DEVICE_ERROR"}}}}});
    CK_INFO info {};
    QCOMPARE_RV(m_f->C_GetInfo(&info), CKR_DEVICE_ERROR);
    const QByteArray broken[] = {
        "{ \"faults\": [ ",                                              // not JSON
        R"({"faults": [{"function": "C_NoSuchThing", "rv": "CKR_OK"}]})", // unknown function
        R"({"faults": [{"function": "C_GetInfo", "rv": "CKR_NOPE"}]})",   // unknown rv
        R"({"max_pin_tries": "three"})",                                  // wrong type
        R"({"faults": [{"call": 1, "rv": "CKR_OK"}]})",                    // no function
        R"({"slow": [{"function": "C_GetInfo", "ms": -5}]})",             // negative time
        R"({"faults": [{"function": "C_GetInfo", "when": "later"}]})",    // bad "when"
    };
    for (const QByteArray &text : broken) {
        QSaveFile f(path(QStringLiteral("shim.json")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(text);
        QVERIFY(f.commit());
        QCOMPARE_RV(m_f->C_GetInfo(&info), CKR_DEVICE_ERROR);
    }
    writeConfig(QJsonObject());
    QCOMPARE_RV(m_f->C_GetInfo(&info), CKR_OK);
}

void tst_shim::pinPadLogin()
{
    const CK_SESSION_HANDLE s = openSession(m_slot);
    // Without the PIN pad a NULL PIN is SoftHSM's business (it refuses it).
    QVERIFY(m_f->C_Login(s, CKU_USER, nullptr, 0) != CKR_OK);

    writeConfig({{"pin_pad", true}, {"pin_pad_pin", QString::fromLatin1(kWrongPin)}, {"max_pin_tries", 3}});
    QVERIFY(tokenFlags(m_slot) & CKF_PROTECTED_AUTHENTICATION_PATH);
    QCOMPARE_RV(m_f->C_Login(s, CKU_USER, nullptr, 0), CKR_PIN_INCORRECT); // "typed" wrong on the pad
    QVERIFY(tokenFlags(m_slot) & CKF_USER_PIN_COUNT_LOW);

    writeConfig({{"pin_pad", true}, {"pin_pad_pin", QString::fromLatin1(kUserPin)}, {"max_pin_tries", 3}});
    QCOMPARE_RV(m_f->C_Login(s, CKU_USER, nullptr, 0), CKR_OK);
    CK_SESSION_INFO info {};
    QCOMPARE_RV(m_f->C_GetSessionInfo(s, &info), CKR_OK);
    QCOMPARE(info.state, CK_STATE(CKS_RW_USER_FUNCTIONS));
    QVERIFY(!(tokenFlags(m_slot) & CKF_USER_PIN_COUNT_LOW));
    QCOMPARE_RV(m_f->C_Logout(s), CKR_OK);

    // PIN change on the pad: old from pin_pad_pin, new from pin_pad_new_pin.
    writeConfig({{"pin_pad", true},
                 {"pin_pad_pin", QString::fromLatin1(kUserPin)},
                 {"pin_pad_new_pin", QStringLiteral("246810")}});
    QCOMPARE_RV(m_f->C_SetPIN(s, nullptr, 0, nullptr, 0), CKR_OK);
    QCOMPARE_RV(login(s, kUserPin), CKR_PIN_INCORRECT);
    QCOMPARE_RV(login(s, "246810"), CKR_OK);
}

void tst_shim::pinToBeChanged()
{
    QVERIFY(!(tokenFlags(m_slot) & CKF_USER_PIN_TO_BE_CHANGED));
    writeConfig({{"pin_to_be_changed", true}});
    QVERIFY(tokenFlags(m_slot) & CKF_USER_PIN_TO_BE_CHANGED);
    QVERIFY(tokenFlags(m_slot) & CKF_TOKEN_INITIALIZED); // the other flags are SoftHSM's
}

void tst_shim::traceFile()
{
    const QString trace = path(QStringLiteral("trace.txt"));
    writeConfig({{"trace_file", trace}});
    const QList<CK_SLOT_ID> slotIds = presentSlots();
    QVERIFY(!slotIds.isEmpty());
    const CK_SESSION_HANDLE s = openSession(m_slot, false);
    QCOMPARE_RV(login(s, kWrongPin), CKR_PIN_INCORRECT);
    QCOMPARE_RV(m_f->C_CloseSession(s), CKR_OK);
    const QStringList expected{
        QStringLiteral("C_GetSlotList CKR_OK"),  QStringLiteral("C_GetSlotList CKR_OK"),
        QStringLiteral("C_OpenSession CKR_OK"),  QStringLiteral("C_Login CKR_PIN_INCORRECT"),
        QStringLiteral("C_CloseSession CKR_OK"),
    };
    QCOMPARE(traceLines(trace), expected);

    // Injected answers are traced as the caller sees them.
    writeConfig({{"trace_file", trace},
                 {"faults", QJsonArray{QJsonObject{{"function", "C_OpenSession"}, {"rv", "CKR_TOKEN_NOT_PRESENT"}}}}});
    CK_SESSION_HANDLE h = CK_INVALID_HANDLE;
    QCOMPARE_RV(m_f->C_OpenSession(m_slot, CKF_SERIAL_SESSION, nullptr, nullptr, &h), CKR_TOKEN_NOT_PRESENT);
    QCOMPARE(traceLines(trace).constLast(), QStringLiteral("C_OpenSession CKR_TOKEN_NOT_PRESENT"));
}

void tst_shim::slowCall()
{
    writeConfig({{"slow", QJsonArray{QJsonObject{{"function", "C_GenerateRandom"}, {"ms", 300}}}}});
    const CK_SESSION_HANDLE s = openSession(m_slot);
    unsigned char buf[16] = {};
    QElapsedTimer t;
    t.start();
    QCOMPARE_RV(m_f->C_GenerateRandom(s, buf, sizeof buf), CKR_OK);
    // A lower bound only (the shim sleeps at least that long): it cannot be flaky.
    QVERIFY2(t.elapsed() >= 300, qPrintable(QString::number(t.elapsed())));
    // Smoke test of the locking: while one thread sleeps in a slow call, another
    // thread's call goes through (a deadlock would hang here).
    writeConfig({{"slow", QJsonArray{QJsonObject{{"function", "C_GenerateRandom"}, {"ms", 1500}}}}});
    CK_RV slowRv = CKR_GENERAL_ERROR;
    std::thread worker([&] { slowRv = m_f->C_GenerateRandom(s, buf, sizeof buf); });
    CK_INFO info {};
    const CK_RV fastRv = m_f->C_GetInfo(&info);
    worker.join();
    QCOMPARE_RV(fastRv, CKR_OK);
    QCOMPARE_RV(slowRv, CKR_OK);
}

void tst_shim::waitForSlotEventNotSupported()
{
    CK_SLOT_ID slot = 0;
    QCOMPARE_RV(m_f->C_WaitForSlotEvent(CKF_DONT_BLOCK, &slot, nullptr), CKR_FUNCTION_NOT_SUPPORTED);
    QCOMPARE_RV(m_f->C_WaitForSlotEvent(0, &slot, nullptr), CKR_FUNCTION_NOT_SUPPORTED);
}

QTEST_GUILESS_MAIN(tst_shim)
#include "tst_shim.moc"
