#include "pkcs11/TokenService.h"

#include "pkcs11/Log.h"
#include "pkcs11/TokenWorker.h"

#include <QThread>

namespace ca::p11 {

namespace {

void registerTypes()
{
    static const bool done = [] {
        qRegisterMetaType<ca::p11::TokenResult>();
        qRegisterMetaType<ca::p11::TokenInfo>();
        qRegisterMetaType<QList<ca::p11::TokenInfo>>();
        qRegisterMetaType<ca::p11::Error>();
        return true;
    }();
    Q_UNUSED(done);
}

// SecureBuffers move into shared holders so the (copyable) job closure can
// carry them to the worker; they are wiped when the job is gone.
std::shared_ptr<SecureBuffer> hold(SecureBuffer &&b)
{
    return std::make_shared<SecureBuffer>(std::move(b));
}

} // namespace

// ---- TokenService

TokenService::TokenService(QObject *parent)
    : QObject(parent)
{
    registerTypes();
    m_thread = new QThread(this);
    m_thread->setObjectName(QStringLiteral("ca-token-worker"));
    m_worker = new TokenWorker;
    m_worker->moveToThread(m_thread);
    connect(m_worker, &TokenWorker::jobDone, this, &TokenService::onJobDone, Qt::QueuedConnection);
    connect(m_worker, &TokenWorker::scanned, this, &TokenService::onScanned, Qt::QueuedConnection);
    connect(m_worker, &TokenWorker::moduleError, this, &TokenService::moduleError, Qt::QueuedConnection);
    m_thread->start();
}

TokenService::~TokenService()
{
    // Whatever is queued and not yet running is cancelled; the running
    // command finishes (an install is never cut in the middle).
    for (const QPointer<TokenCommand> &c : std::as_const(m_running)) {
        if (c && c->m_job)
            c->m_job->cancelled = true;
    }
    QMetaObject::invokeMethod(m_worker, [w = m_worker] { w->shutdown(); }, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
    delete m_worker;
}

void TokenService::setModulePath(const QString &path)
{
    m_modulePath = path;
    QMetaObject::invokeMethod(m_worker, [w = m_worker, path] { w->setModulePath(path); }, Qt::QueuedConnection);
}

void TokenService::startWatching(int intervalMs)
{
    QMetaObject::invokeMethod(m_worker, [w = m_worker, intervalMs] { w->startWatching(intervalMs); }, Qt::QueuedConnection);
}

void TokenService::stopWatching()
{
    m_known.clear();
    QMetaObject::invokeMethod(m_worker, [w = m_worker] { w->stopWatching(); }, Qt::QueuedConnection);
}

TokenCommand *TokenService::makeCommand(TokenResult::Kind kind, std::shared_ptr<TokenJob> job)
{
    return new TokenCommand(this, m_nextId++, kind, std::move(job));
}

void TokenService::enqueue(TokenCommand *command)
{
    m_running.insert(command->id(), command);
    const quint64 id = command->id();
    const TokenResult::Kind kind = command->kind();
    std::shared_ptr<TokenJob> job = command->m_job;
    QMetaObject::invokeMethod(m_worker, [w = m_worker, id, kind, job] { w->run(id, kind, job); }, Qt::QueuedConnection);
}

void TokenService::onJobDone(const TokenResult &result)
{
    QPointer<TokenCommand> c = m_running.take(result.id);
    if (c)
        c->deliver(result);
}

void TokenService::onScanned(const QList<TokenInfo> &inserted, const QList<TokenInfo> &removed, const QList<TokenInfo> &now)
{
    m_known = now;
    for (const TokenInfo &t : removed)
        Q_EMIT tokenRemoved(t);
    for (const TokenInfo &t : inserted)
        Q_EMIT tokenInserted(t);
}

TokenCommand *TokenService::listTokens()
{
    auto job = std::make_shared<TokenJob>();
    job->run = [](TokenManager &m, TokenResult &r, const TokenManager::CancelCheck &) {
        auto tokens = m.listTokens();
        if (tokens)
            r.tokens = tokens.value();
        else
            r.error = tokens.error();
    };
    return makeCommand(TokenResult::Kind::ListTokens, job);
}

TokenCommand *TokenService::readToken(const TokenRef &ref, SecureBuffer pin, bool login)
{
    auto job = std::make_shared<TokenJob>();
    job->run = [ref, pin = hold(std::move(pin)), login](TokenManager &m, TokenResult &r, const TokenManager::CancelCheck &) {
        auto c = m.readContents(ref, pin.get(), login);
        if (c)
            r.contents = c.value();
        else
            r.error = c.error();
    };
    return makeCommand(TokenResult::Kind::ReadToken, job);
}

TokenCommand *TokenService::verifyPin(const TokenRef &ref, SecureBuffer pin)
{
    auto job = std::make_shared<TokenJob>();
    job->run = [ref, pin = hold(std::move(pin))](TokenManager &m, TokenResult &r, const TokenManager::CancelCheck &) {
        if (Status s = m.verifyPin(ref, *pin); !s)
            r.error = s.error();
    };
    return makeCommand(TokenResult::Kind::VerifyPin, job);
}

TokenCommand *TokenService::changePin(const TokenRef &ref, SecureBuffer oldPin, SecureBuffer newPin)
{
    auto job = std::make_shared<TokenJob>();
    job->run = [ref, oldPin = hold(std::move(oldPin)), newPin = hold(std::move(newPin))](
                   TokenManager &m, TokenResult &r, const TokenManager::CancelCheck &) {
        if (Status s = m.changePin(ref, *oldPin, *newPin); !s)
            r.error = s.error();
    };
    return makeCommand(TokenResult::Kind::ChangePin, job);
}

TokenCommand *TokenService::resetPin(const TokenRef &ref, SecureBuffer soPin, SecureBuffer newPin)
{
    auto job = std::make_shared<TokenJob>();
    job->run = [ref, soPin = hold(std::move(soPin)), newPin = hold(std::move(newPin))](
                   TokenManager &m, TokenResult &r, const TokenManager::CancelCheck &) {
        if (Status s = m.resetPin(ref, *soPin, *newPin); !s)
            r.error = s.error();
    };
    return makeCommand(TokenResult::Kind::ResetPin, job);
}

TokenCommand *TokenService::generateKey(const TokenRef &ref, SecureBuffer pin, KeySpec spec, const QString &label)
{
    auto job = std::make_shared<TokenJob>();
    job->run = [ref, pin = hold(std::move(pin)), spec, label](TokenManager &m, TokenResult &r, const TokenManager::CancelCheck &) {
        auto k = m.generateKeyPair(ref, *pin, spec, label);
        if (k)
            r.key = k.value();
        else
            r.error = k.error();
    };
    return makeCommand(TokenResult::Kind::GenerateKey, job);
}

TokenCommand *TokenService::createCsr(const TokenRef &ref, SecureBuffer pin, const CsrRequest &request)
{
    auto job = std::make_shared<TokenJob>();
    job->run = [ref, pin = hold(std::move(pin)), request](TokenManager &m, TokenResult &r, const TokenManager::CancelCheck &cancelled) {
        auto csr = m.createCsr(ref, *pin, request, cancelled);
        if (csr)
            r.csrDer = csr.value();
        else
            r.error = csr.error();
    };
    return makeCommand(TokenResult::Kind::CreateCsr, job);
}

TokenCommand *TokenService::installCertificate(const TokenRef &ref, SecureBuffer pin, const QByteArray &certificate,
                                               const QString &label)
{
    auto job = std::make_shared<TokenJob>();
    job->run = [ref, pin = hold(std::move(pin)), certificate, label](TokenManager &m, TokenResult &r,
                                                                     const TokenManager::CancelCheck &cancelled) {
        auto c = m.installCertificate(ref, *pin, certificate, label, cancelled);
        if (c)
            r.certificate = c.value();
        else
            r.error = c.error();
    };
    return makeCommand(TokenResult::Kind::InstallCertificate, job);
}

} // namespace ca::p11
