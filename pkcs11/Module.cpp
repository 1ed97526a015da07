#include "pkcs11/Module.h"

#include "pkcs11/CkrNames.h"
#include "pkcs11/Quirks.h"

#include <QFileInfo>
#include <QHash>
#include <QMutex>
#include <QMutexLocker>

#include <memory>

namespace ca::p11 {

namespace {

QMutex &registryMutex()
{
    static QMutex m;
    return m;
}

QHash<QString, std::weak_ptr<Module>> &registry()
{
    static QHash<QString, std::weak_ptr<Module>> r;
    return r;
}

QMutex &observerMutex()
{
    static QMutex m;
    return m;
}

Module::CallObserver &observerSlot()
{
    static Module::CallObserver o;
    return o;
}

QString versionText(const CK_VERSION &v)
{
    return QStringLiteral("%1.%2").arg(v.major).arg(v.minor);
}

} // namespace

Module::Module(const QString &path)
{
    m_info.path = path;
}

Module::~Module()
{
    if (m_fl && m_initialisedByUs) {
        const CK_RV rv = m_fl->C_Finalize(nullptr);
        observe("C_Finalize", rv);
        if (rv != CKR_OK)
            qCWarning(lcP11) << "C_Finalize:" << ckrName(rv);
        else
            qCDebug(lcP11) << "finalised" << m_info.path;
    }
    // quirks::keepLibraryMapped(): ModuleLibrary never unloads.
}

Result<std::shared_ptr<Module>> Module::load(const QString &path)
{
    const QFileInfo fi(path);
    const QString key = fi.exists() ? fi.canonicalFilePath() : path;
    QMutexLocker lock(&registryMutex());
    if (auto existing = registry().value(key).lock())
        return existing;

    std::shared_ptr<Module> m(new Module(path));
    QString loadError;
    if (!m->m_lib.load(path, &loadError)) {
        qCWarning(lcP11).noquote() << "cannot load PKCS#11 library:" << loadError;
        return Error::make(ErrorKind::ModuleLoad, loadError);
    }
    auto getList = reinterpret_cast<CK_C_GetFunctionList>(m->m_lib.resolve("C_GetFunctionList"));
    if (!getList) {
        qCWarning(lcP11) << path << "exports no C_GetFunctionList";
        return Error::make(ErrorKind::ModuleLoad, QStringLiteral("%1 exports no C_GetFunctionList").arg(path));
    }
    CK_FUNCTION_LIST *fl = nullptr;
    const CK_RV rv = getList(&fl);
    m->observe("C_GetFunctionList", rv);
    if (rv != CKR_OK || !fl) {
        Error e = Error::fromRv("C_GetFunctionList", rv == CKR_OK ? CKR_GENERAL_ERROR : rv);
        qCWarning(lcP11) << "C_GetFunctionList:" << e.ckrName();
        return Error::make(ErrorKind::ModuleLoad, e.logText());
    }
    m->m_fl = fl;
    if (Status s = m->initialise(); !s)
        return s.error();
    registry().insert(key, m);
    return m;
}

Status Module::initialise()
{
    CK_C_INITIALIZE_ARGS args{};
    args.flags = CKF_OS_LOCKING_OK;
    const CK_RV rv = callRaw("C_Initialize", &CK_FUNCTION_LIST::C_Initialize, &args);
    if (quirks::alreadyInitialisedIsSuccess(rv)) {
        qCInfo(lcP11) << m_info.path << "was already initialised in this process";
    } else if (rv != CKR_OK) {
        Status s = check("C_Initialize", rv);
        return Error::make(ErrorKind::ModuleLoad, s.error().logText());
    } else {
        m_initialisedByUs = true;
    }

    CK_INFO info{};
    if (Status s = call("C_GetInfo", &CK_FUNCTION_LIST::C_GetInfo, &info); s.ok()) {
        m_info.manufacturer = quirks::fixedString(info.manufacturerID, sizeof info.manufacturerID);
        m_info.description = quirks::fixedString(info.libraryDescription, sizeof info.libraryDescription);
        m_info.cryptokiVersion = versionText(info.cryptokiVersion);
        m_info.libraryVersion = versionText(info.libraryVersion);
    }
    qCDebug(lcP11).noquote() << "loaded" << m_info.path << "-" << m_info.manufacturer << m_info.description
                            << m_info.libraryVersion << "(Cryptoki" << m_info.cryptokiVersion << ")";
    return {};
}

Status Module::check(const char *name, CK_RV rv)
{
    if (rv == CKR_OK)
        return {};
    Error e = Error::fromRv(name, rv);
    qCWarning(lcP11).noquote() << QStringLiteral("%1: %2").arg(e.function(), e.ckrName());
    return e;
}

void Module::setCallObserver(CallObserver observer)
{
    QMutexLocker lock(&observerMutex());
    observerSlot() = std::move(observer);
}

void Module::observe(const char *name, CK_RV rv) const
{
    CallObserver o;
    {
        QMutexLocker lock(&observerMutex());
        o = observerSlot();
    }
    if (o)
        o(name, rv);
    if (rv != CKR_OK)
        qCDebug(lcP11) << name << ckrName(rv);
}

} // namespace ca::p11
