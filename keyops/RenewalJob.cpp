#include "keyops/RenewalJob.h"

#include "core/platform/PlatformClient.h"
#include "keyops/Log.h"
#include "pkcs11/TokenService.h"

#include <QTimer>
#include <QUuid>

namespace ca::keyops {

RenewalJob::RenewalJob(PlatformClient &client, p11::TokenService &tokens, QObject *parent)
    : QObject(parent), m_client(client), m_tokens(tokens)
{
    qRegisterMetaType<ca::keyops::RenewalPlan>();
    qRegisterMetaType<ca::keyops::RenewalJob::Outcome>();
}

RenewalJob::~RenewalJob() = default;

QString RenewalJob::stepText(Step step)
{
    switch (step) {
    case Step::Check: return tr("Checking the application");
    case Step::ReadKey: return tr("Reading the key");
    case Step::Csr: return tr("Creating the certificate request on the key");
    case Step::Submit: return tr("Sending the certificate request to the platform");
    case Step::Install: return tr("Writing the new certificate to the key");
    case Step::Verify: return tr("Checking the new certificate on the key");
    case Step::Done: return tr("The new certificate is on the key");
    }
    return QString();
}

void RenewalJob::prepare(const Options &options)
{
    m_options = options;
    m_idempotencyKey = QUuid::createUuid().toString(QUuid::WithoutBraces);
    QTimer::singleShot(0, this, [this] {
        fail(Step::Check, KeyState::Unchanged, tr("Renewal on the key is not available yet."), QStringLiteral("stub"), false);
    });
}

void RenewalJob::start(p11::SecureBuffer pin) { m_pin = std::move(pin); }
void RenewalJob::retry(p11::SecureBuffer pin) { m_pin = std::move(pin); }
void RenewalJob::cancel() { m_cancelRequested = true; }

void RenewalJob::setStep(Step step)
{
    m_step = step;
    Q_EMIT stepChanged(step);
}

void RenewalJob::fail(Step step, KeyState state, const QString &message, const QString &detail, bool canRetry)
{
    m_running = false;
    m_failedStep = step;
    m_keyState = state;
    qCWarning(lcKeyops).noquote() << "renewal failed at step" << int(step) << detail;
    Outcome o;
    o.ok = false;
    o.failedStep = step;
    o.keyState = state;
    o.message = message;
    o.detail = detail;
    o.canRetry = canRetry;
    o.oldCertificate = m_plan.oldCertificate;
    Q_EMIT finished(o);
}

} // namespace ca::keyops
