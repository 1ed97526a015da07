#include "keyops/RenewalJob.h"

#include "core/platform/PlatformClient.h"
#include "keyops/KeyMaterial.h"
#include "keyops/Log.h"
#include "pkcs11/CertificateParser.h"
#include "pkcs11/CsrBuilder.h"
#include "pkcs11/TokenCommand.h"
#include "pkcs11/TokenService.h"

#include <QJsonObject>
#include <QMetaEnum>
#include <QTimer>
#include <QUuid>

namespace ca::keyops {

namespace {

const QLatin1String kRenewal("renewal");
const QLatin1String kChange("change");

QString stepCode(RenewalJob::Step step)
{
    return QString::fromLatin1(QMetaEnum::fromType<RenewalJob::Step>().valueToKey(int(step)));
}

QString normalizedSerial(QString serial)
{
    serial = serial.toUpper().remove(QLatin1Char(':')).remove(QLatin1Char(' '));
    while (serial.size() > 1 && serial.startsWith(QLatin1Char('0')))
        serial.remove(0, 1);
    return serial;
}

bool isRemoval(const p11::Error &error)
{
    return error.kind() == p11::ErrorKind::TokenRemoved || error.kind() == p11::ErrorKind::TokenNotFound;
}

QString platformDetail(const PlatformCall *call, const PlatformError &error)
{
    const PlatformRequest &rq = call->request();
    return QStringLiteral("%1 %2: HTTP %3 %4 request %5 (%6) %7")
        .arg(QString::fromLatin1(rq.method), rq.path)
        .arg(error.httpStatus)
        .arg(error.serverCode, error.requestId.isEmpty() ? call->requestId() : error.requestId, error.kindName(), error.detail);
}

// The subject of a change: the old certificate's fields with the
// application's organisation name in O and its USCC wherever the old one was;
// without an old certificate CN and O name the organisation, OU its USCC.
QList<QPair<QString, QString>> changeSubject(const p11::CertificateInfo &old, const QString &name, const QString &uscc)
{
    QList<QPair<QString, QString>> fields = old.der.isEmpty() ? QList<QPair<QString, QString>>() : KeyMaterial::subjectFields(old.der);
    if (fields.isEmpty()) {
        fields = {{QStringLiteral("C"), QStringLiteral("CN")}, {QStringLiteral("O"), name}, {QStringLiteral("CN"), name}};
        if (!uscc.isEmpty())
            fields.append({QStringLiteral("OU"), uscc});
        return fields;
    }
    bool hasO = false;
    for (auto &f : fields) {
        if (f.first == QLatin1String("O")) {
            f.second = name;
            hasO = true;
        } else if (!old.uscc.isEmpty() && !uscc.isEmpty() && f.second.contains(old.uscc, Qt::CaseInsensitive)) {
            f.second.replace(old.uscc, uscc, Qt::CaseInsensitive);
        } else if (f.first == QLatin1String("CN") && !old.organization.isEmpty() && f.second == old.organization) {
            f.second = name;
        }
    }
    if (!hasO)
        fields.append({QStringLiteral("O"), name});
    return fields;
}

} // namespace

RenewalJob::RenewalJob(PlatformClient &client, p11::TokenService &tokens, QObject *parent)
    : QObject(parent), m_client(client), m_tokens(tokens)
{
    qRegisterMetaType<ca::keyops::RenewalPlan>();
    qRegisterMetaType<ca::keyops::RenewalJob::Outcome>();
    qRegisterMetaType<ca::keyops::RenewalJob::Step>();
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

void RenewalJob::reset()
{
    ++m_generation;
    m_plan = RenewalPlan();
    m_prepared = false;
    m_startAfterPrepare = false;
    m_cancelRequested = false;
    m_pin.clear();
    m_idempotencyKey = QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_subject.clear();
    m_keyGenerated = false;
    m_reusedKey = false;
    m_csrDer.clear();
    m_fetchIssued = false;
    m_issuedDer.clear();
    m_alreadyInstalled = false;
    m_installDone = false;
    m_installed = p11::CertificateInfo();
    m_keyPublicDer.clear();
    m_failedStep = Step::Check;
    m_keyState = KeyState::Unchanged;
}

p11::SecureBuffer RenewalJob::pinCopy() const
{
    return p11::SecureBuffer(reinterpret_cast<const char *>(m_pin.data()), m_pin.size());
}

p11::TokenRef RenewalJob::tokenRef() const
{
    return m_plan.token.isValid() ? m_plan.token.ref() : m_options.token;
}

void RenewalJob::setStep(Step step)
{
    m_step = step;
    qCInfo(lcKeyops).noquote() << "renewal of" << m_options.applicationId << "step" << stepCode(step);
    Q_EMIT stepChanged(step);
}

bool RenewalJob::stopIfCancelled()
{
    if (!m_cancelRequested)
        return false;
    const KeyState state = m_installDone ? KeyState::NewCertificateInstalled : KeyState::Unchanged;
    fail(m_step, state,
         state != KeyState::Unchanged
             ? tr("The renewal was cancelled after the new certificate was written to the key; choose Retry to check it.")
             : m_keyGenerated ? tr("The renewal was cancelled. The old certificate is still on the key; choose Retry to go on.")
                              : tr("The renewal was cancelled. Nothing was changed on the key: the old certificate is still there; choose Retry to go on."),
         QStringLiteral("cancelled by the user"));
    return true;
}

void RenewalJob::fail(Step step, KeyState state, const QString &message, const QString &detail, bool canRetry)
{
    m_running = false;
    m_pin.clear();
    m_failedStep = step;
    m_keyState = state;
    qCWarning(lcKeyops).noquote() << "renewal of" << m_options.applicationId << "failed at step" << stepCode(step)
                                  << "key state" << int(state) << ":" << detail;
    Outcome o;
    o.ok = false;
    o.failedStep = step;
    o.keyState = state;
    o.message = message;
    if (m_keyGenerated && !m_plan.keyId.isEmpty()) {
        o.newKeyId = m_plan.keyId;
        if (state != KeyState::NewCertificateInstalled)
            o.message += QLatin1Char(' ')
                         + tr("A new key pair for application %1 is on the key without its certificate yet (key ID %2); Retry uses it and makes no other.")
                               .arg(m_options.applicationId, QString::fromLatin1(m_plan.keyId.toHex()));
    }
    o.pinStateKnown = m_pinStateKnown;
    o.pinState = m_pinState;
    m_pinStateKnown = false;
    if (o.pinStateKnown && o.pinState == p11::PinState::Locked)
        canRetry = false;
    o.detail = QStringLiteral("%1: %2").arg(stepCode(step), detail);
    o.canRetry = canRetry;
    o.networkError = m_networkFailure;
    m_networkFailure = false;
    o.oldCertificate = m_plan.oldCertificate;
    o.newCertificate = m_installed;
    Q_EMIT finished(o);
}

void RenewalJob::succeed()
{
    m_running = false;
    m_pin.clear();
    m_keyState = KeyState::NewCertificateInstalled;
    setStep(Step::Done);
    qCInfo(lcKeyops).noquote() << "renewal of" << m_options.applicationId << "done: certificate" << m_installed.serialHex
                               << "valid until" << m_installed.notAfter.toString(Qt::ISODate) << "on key id"
                               << QString::fromLatin1(m_installed.id.toHex());
    Outcome o;
    o.ok = true;
    o.failedStep = Step::Done;
    o.keyState = KeyState::NewCertificateInstalled;
    o.message = tr("The new certificate is on the key under the same key and valid until %1 (%n days from now).", nullptr,
                   m_installed.daysLeft)
                    .arg(m_installed.notAfter.toString(QStringLiteral("yyyy-MM-dd")));
    if (m_plan.newKey)
        o.message = tr("The new certificate is on the key with its new key pair and valid until %1 (%n days from now); the old key and certificate are kept.",
                       nullptr, m_installed.daysLeft)
                        .arg(m_installed.notAfter.toString(QStringLiteral("yyyy-MM-dd")));
    o.detail = QStringLiteral("certificate %1 key id %2").arg(m_installed.serialHex, QString::fromLatin1(m_installed.id.toHex()));
    o.oldCertificate = m_plan.oldCertificate;
    o.newCertificate = m_installed;
    Q_EMIT finished(o);
}

void RenewalJob::runToken(p11::TokenCommand *command, std::function<void(const p11::TokenResult &)> onResult)
{
    const quint64 gen = m_generation;
    connect(command, &p11::TokenCommand::finished, this, [this, gen, onResult = std::move(onResult)](const p11::TokenResult &r) {
        if (gen == m_generation)  // else: the answer belongs to a job that was prepared again
            onResult(r);
    });
    command->start();
}

void RenewalJob::whenAnswered(PlatformCall *call, std::function<void(PlatformCall *)> onAnswer)
{
    const quint64 gen = m_generation;
    connect(call, &PlatformCall::finished, this, [this, gen, call, onAnswer = std::move(onAnswer)] {
        call->deleteLater();
        if (gen == m_generation)
            onAnswer(call);
    });
}

// ---------------------------------------------------------------- prepare

void RenewalJob::prepare(const Options &options)
{
    if (m_running) {
        qCWarning(lcKeyops) << "prepare() while the renewal is running: ignored";
        return;
    }
    reset();
    m_options = options;
    m_plan.applicationId = options.applicationId;
    m_plan.newKey = options.newKey;
    m_running = true;
    setStep(Step::Check);
    readApplication();
}

void RenewalJob::readApplication()
{
    whenAnswered(m_client.application(m_options.applicationId), [this](PlatformCall *call) {
        if (!call->ok()) {
            failPlatform(Step::Check, call,
                         tr("Application %1 could not be read from the platform. %2 Nothing was changed on the key.")
                             .arg(m_options.applicationId, call->error().userMessage));
            return;
        }
        onApplication(call->json());
    });
}

void RenewalJob::onApplication(const QJsonObject &app)
{
    const QString id = m_options.applicationId;
    m_plan.application = app;
    m_plan.kind = app.value(QStringLiteral("kind")).toString();
    m_plan.status = app.value(QStringLiteral("handling_status")).toString();
    const QJsonObject org = app.value(QStringLiteral("organization")).toObject();
    m_plan.organizationName = org.value(QStringLiteral("name")).toString();
    m_plan.uscc = org.value(QStringLiteral("uscc")).toString();
    const QString review = app.value(QStringLiteral("review_status")).toString();

    if (m_plan.kind == kRenewal && m_options.newKey) {
        fail(Step::Check, KeyState::Unchanged,
             tr("Application %1 is a renewal, which certifies the key pair already on the key again; a new key pair is made only for a change application (信息变更). Start the renewal without a new key pair.")
                 .arg(id),
             QStringLiteral("newKey refused for a renewal (the platform certifies only the key on record)"), false);
        return;
    }
    if (m_plan.kind != kRenewal && m_plan.kind != kChange) {
        fail(Step::Check, KeyState::Unchanged,
             tr("Application %1 is neither a renewal nor a change application; only those are written to the key online, the centre makes the key for the others.")
                 .arg(id),
             QStringLiteral("kind %1").arg(m_plan.kind), false);
        return;
    }
    if (review != QLatin1String("approved")) {
        fail(Step::Check, KeyState::Unchanged,
             tr("Application %1 has not been approved yet; the new certificate can be written to the key once the centre has approved it.").arg(id),
             QStringLiteral("review_status %1").arg(review));
        return;
    }
    if (m_plan.status == QLatin1String("done")) {
        // Issued before (the install was interrupted, or the program closed): install only.
        m_plan.installOnly = true;
        fetchIssued();
        return;
    }
    if (m_plan.status != QLatin1String("processing")) {
        fail(Step::Check, KeyState::Unchanged,
             tr("The fee of application %1 has not been settled yet; pay it and refresh the payment status, then write the certificate to the key.").arg(id),
             QStringLiteral("payment_status %1 handling_status %2").arg(app.value(QStringLiteral("payment_status")).toString(), m_plan.status));
        return;
    }
    readKey();
}

void RenewalJob::fetchIssued()
{
    const Step step = m_prepared ? Step::Submit : Step::Check;
    whenAnswered(m_client.issuedCertificate(m_options.applicationId), [this, step](PlatformCall *call) {
        if (!call->ok()) {
            if (call->httpStatus() == 404) {
                failPlatform(step, call,
                             tr("The platform has issued the certificate of application %1 but does not hand it out; nothing was changed on the key. Contact the CA centre.")
                                 .arg(m_options.applicationId),
                             false);
                return;
            }
            failPlatform(step, call,
                         tr("The issued certificate could not be fetched from the platform. %1 Nothing was changed on the key: the old certificate is still there; choose Retry.")
                             .arg(call->error().userMessage));
            return;
        }
        const QByteArray pem = call->json().value(QStringLiteral("certificate")).toString().toLatin1();
        if (!m_prepared) {
            const QByteArray der = KeyMaterial::firstCertificateDer(pem);
            if (der.isEmpty()) {
                fail(Step::Check, KeyState::Unchanged,
                     tr("The platform's answer held no certificate, so nothing was written to the key: the old certificate is still there. Choose Retry, or contact the CA centre if it happens again."),
                     QStringLiteral("GET certificate: no PEM certificate in the answer (request %1)").arg(call->requestId()));
                return;
            }
            m_issuedDer = der;
            readKey();
            return;
        }
        m_fetchIssued = false;
        acceptIssued(pem, Step::Submit);
    });
}

void RenewalJob::readKey()
{
    setStep(Step::ReadKey);
    runToken(m_tokens.readToken(m_options.token), [this](const p11::TokenResult &r) {
        if (!r.ok()) {
            failToken(Step::ReadKey, *r.error, KeyState::Unchanged);
            return;
        }
        onKeyRead(r.contents);
    });
}

void RenewalJob::onKeyRead(const p11::TokenContents &contents)
{
    m_plan.token = contents.token;
    const bool renewal = m_plan.kind == kRenewal;
    // Without the PIN the key pairs are seen through their public-key
    // objects, which some keys do not have: a certificate under the CKA_ID
    // is then taken as "cannot tell yet", and the CSR step (logged in) checks.
    const auto keyExists = [&contents](const QByteArray &id) {
        if (id.isEmpty())
            return false;
        for (const p11::PrivateKeyInfo &k : contents.keys)
            if (k.id == id)
                return true;
        if (contents.loggedIn)
            return false;
        for (const p11::CertificateInfo &c : contents.certificates)
            if (c.id == id)
                return true;
        return false;
    };
    const auto failRead = [this](const QString &message, const QString &detail) {
        fail(Step::ReadKey, KeyState::Unchanged, message, detail);
    };

    p11::CertificateInfo old;
    if (m_plan.installOnly) {
        const QByteArray issuedKey = KeyMaterial::certificatePublicKey(m_issuedDer);
        for (const p11::CertificateInfo &c : contents.certificates) {
            if (c.der == m_issuedDer) {
                m_alreadyInstalled = true;
                m_plan.keyId = c.id;
            } else if (KeyMaterial::certificatePublicKey(c.der) == issuedKey && (old.der.isEmpty() || c.hasPrivateKey)) {
                old = c;
            }
        }
        if (m_plan.keyId.isEmpty())
            m_plan.keyId = old.id;
        m_keyPublicDer = issuedKey;
    } else {
        const QString serial = normalizedSerial(
            m_plan.application.value(QStringLiteral("certificate")).toObject().value(QStringLiteral("serial")).toString());
        if (!m_options.keyId.isEmpty()) {
            for (const p11::CertificateInfo &c : contents.certificates)
                if (c.id == m_options.keyId && (old.der.isEmpty() || c.notAfter > old.notAfter))
                    old = c;
            if (!m_options.newKey && !keyExists(m_options.keyId)) {
                failRead(tr("The key pair chosen for the renewal is not on this key; insert the USB key that holds it and choose Retry."),
                         QStringLiteral("no key pair with CKA_ID %1").arg(QString::fromLatin1(m_options.keyId.toHex())));
                return;
            }
            m_plan.keyId = m_options.keyId;
        } else if (!serial.isEmpty()) {
            for (const p11::CertificateInfo &c : contents.certificates)
                if (normalizedSerial(c.serialHex) == serial)
                    old = c;
            if (old.der.isEmpty() && renewal) {
                failRead(tr("The certificate named in application %1 (serial %2) is not on this key; insert the USB key that holds it and choose Retry.")
                             .arg(m_options.applicationId, serial),
                         QStringLiteral("certificate serial %1 not on token %2").arg(serial, contents.token.serial));
                return;
            }
        } else {
            QList<p11::CertificateInfo> withKey, ours;
            // No key pair visible without the PIN: any end-entity certificate with a CKA_ID may be it.
            const bool keysHidden = contents.keys.isEmpty() && !contents.loggedIn;
            for (const p11::CertificateInfo &c : contents.certificates) {
                if (!(c.hasPrivateKey || (keysHidden && !c.id.isEmpty() && !c.isCa)))
                    continue;
                withKey.append(c);
                if ((!m_plan.uscc.isEmpty() && c.uscc.compare(m_plan.uscc, Qt::CaseInsensitive) == 0)
                    || (!m_plan.organizationName.isEmpty() && c.organization == m_plan.organizationName))
                    ours.append(c);
            }
            const QList<p11::CertificateInfo> &pick = ours.isEmpty() ? withKey : ours;
            if (pick.size() == 1) {
                old = pick.first();
            } else if (pick.size() > 1) {
                QStringList serials;
                for (const p11::CertificateInfo &c : pick)
                    serials.append(c.serialHex);
                failRead(tr("This key holds several certificates of your organisation (serials %1) and application %2 does not name the one to renew. Start the renewal from that certificate's Renew action in My keys (我的证书), which names it.")
                             .arg(serials.join(QStringLiteral(", ")), m_options.applicationId),
                         QStringLiteral("%1 candidate certificates on token %2").arg(pick.size()).arg(contents.token.serial));
                return;
            }
        }
        if (m_plan.keyId.isEmpty() && !old.der.isEmpty())
            m_plan.keyId = old.id;
        if (!m_options.newKey) {
            if (m_plan.keyId.isEmpty() || !keyExists(m_plan.keyId)) {
                failRead(tr("No certificate with its key pair was found on this key to renew; insert the USB key that holds your current certificate and choose Retry."),
                         QStringLiteral("no certificate with a key pair on token %1").arg(contents.token.serial));
                return;
            }
            if (!old.der.isEmpty())
                m_keyPublicDer = KeyMaterial::certificatePublicKey(old.der);
        } else {
            m_plan.keyId.clear();  // made at start()
            // A key pair made for this application by an earlier attempt (its label, no certificate): use it.
            for (const p11::PrivateKeyInfo &k : contents.keys) {
                if (k.label == newKeyLabel() && !k.hasCertificate && !k.id.isEmpty()) {
                    m_plan.keyId = k.id;
                    m_keyGenerated = true;
                    m_reusedKey = true;
                    m_keyPublicDer = k.publicKeyDer;
                    qCInfo(lcKeyops).noquote() << "using the key pair made by an earlier attempt, CKA_ID" << QString::fromLatin1(k.id.toHex());
                    break;
                }
            }
        }
        if (renewal) {
            if (old.der.isEmpty()) {
                failRead(tr("No certificate was found on this key to renew; insert the USB key that holds your current certificate and choose Retry."),
                         QStringLiteral("renewal without a certificate on token %1").arg(contents.token.serial));
                return;
            }
            m_subject = KeyMaterial::subjectFields(old.der);
        } else {
            m_subject = changeSubject(old, m_plan.organizationName, m_plan.uscc);
        }
    }
    m_plan.oldCertificate = old;

    if (m_plan.installOnly && m_alreadyInstalled && old.der.isEmpty()) {
        // The certificate the platform issued is on the key and no older one
        // of that key pair is left: nothing to do.
        p11::CertificateInfo there;
        for (const p11::CertificateInfo &c : contents.certificates)
            if (c.der == m_issuedDer)
                there = c;
        m_running = false;
        m_installed = there;
        qCInfo(lcKeyops).noquote() << "renewal of" << m_options.applicationId << ": certificate" << there.serialHex
                                   << "is already on token" << contents.token.serial;
        Outcome o;
        o.ok = true;
        o.nothingToDo = true;
        o.failedStep = Step::Done;
        o.keyState = KeyState::NewCertificateInstalled;
        o.message = tr("The certificate of application %1 (serial %2) is already on the key %3 and valid until %4; nothing needs to be done.")
                        .arg(m_options.applicationId, there.serialHex, contents.token.serial,
                             there.notAfter.toString(QStringLiteral("yyyy-MM-dd")));
        o.detail = QStringLiteral("certificate %1 already under CKA_ID %2").arg(there.serialHex, QString::fromLatin1(there.id.toHex()));
        o.newCertificate = there;
        Q_EMIT finished(o);
        return;
    }

    if (m_reusedKey)
        m_plan.warnings.append(tr("A key pair made for application %1 by an earlier attempt is on the key without a certificate; it is used, and no other key pair is made.")
                                   .arg(m_options.applicationId));
    if (m_plan.newKey)
        m_plan.warnings.append(tr("A new key pair will be made on the key. Bid files encrypted to the old certificate can only be opened with the old key, which stays on the key with its certificate: do not delete it."));
    if (m_plan.installOnly)
        m_plan.warnings.append(tr("The platform has already issued the new certificate; it will only be written to the key."));
    switch (contents.token.pinState) {
    case p11::PinState::Locked:
        m_plan.warnings.append(tr("The PIN of this key is locked; reset it (密码重置) before the certificate can be written."));
        break;
    case p11::PinState::FinalTry:
        m_plan.warnings.append(tr("Only one PIN try is left on this key: a wrong PIN locks it."));
        break;
    case p11::PinState::CountLow:
        m_plan.warnings.append(tr("A wrong PIN was entered on this key before; fewer tries are left."));
        break;
    default:
        break;
    }
    if (contents.token.protectedAuthPath)
        m_plan.warnings.append(tr("This key has a PIN pad: type the PIN on the key when it asks."));

    m_prepared = true;
    m_running = false;
    qCInfo(lcKeyops).noquote() << "renewal of" << m_options.applicationId << "prepared: kind" << m_plan.kind << "token"
                               << m_plan.token.serial << "key id" << QString::fromLatin1(m_plan.keyId.toHex()) << "new key"
                               << m_plan.newKey << "install only" << m_plan.installOnly;
    Q_EMIT prepared(m_plan);
    if (m_startAfterPrepare) {
        m_startAfterPrepare = false;
        m_running = true;
        advance();
    }
}

// ---------------------------------------------------------------- run

void RenewalJob::start(p11::SecureBuffer pin)
{
    if (m_running || !m_prepared) {
        qCWarning(lcKeyops) << "start() ignored:" << (m_running ? "already running" : "not prepared");
        return;
    }
    m_pin = std::move(pin);
    m_cancelRequested = false;
    m_running = true;
    advance();
}

void RenewalJob::retry(p11::SecureBuffer pin)
{
    if (m_running) {
        qCWarning(lcKeyops) << "retry() ignored: running";
        return;
    }
    m_cancelRequested = false;
    if (!m_prepared) {
        // The check or the key reading failed: prepare again, then go on.
        const Options options = m_options;
        prepare(options);
        m_pin = std::move(pin);
        m_startAfterPrepare = true;
        return;
    }
    m_pin = std::move(pin);
    m_running = true;
    advance();
}

void RenewalJob::cancel()
{
    if (m_running)
        m_cancelRequested = true;
}

void RenewalJob::advance()
{
    if (stopIfCancelled())
        return;
    if (m_installDone)
        verify();
    else if (!m_issuedDer.isEmpty())
        install();
    else if (m_fetchIssued) {
        setStep(Step::Submit);
        fetchIssued();
    } else if (!m_csrDer.isEmpty())
        submit();
    else if (m_plan.newKey && !m_keyGenerated)
        generateKey();
    else
        createCsr();
}

void RenewalJob::generateKey()
{
    setStep(Step::Csr);
    runToken(m_tokens.generateKey(tokenRef(), pinCopy(), m_options.keySpec, newKeyLabel()), [this](const p11::TokenResult &r) {
        if (!r.ok()) {
            failToken(Step::Csr, *r.error, KeyState::Unchanged);
            return;
        }
        m_keyGenerated = true;
        m_plan.keyId = r.key.id;
        qCInfo(lcKeyops).noquote() << "new key pair made, CKA_ID" << QString::fromLatin1(r.key.id.toHex());
        advance();
    });
}

void RenewalJob::createCsr()
{
    setStep(Step::Csr);
    p11::CsrRequest request;
    request.keyId = m_plan.keyId;
    request.publicKeyDer = m_keyPublicDer;  // several key pairs may share the CKA_ID
    request.subjectFields = m_subject;
    runToken(m_tokens.createCsr(tokenRef(), pinCopy(), request), [this](const p11::TokenResult &r) {
        if (!r.ok()) {
            failToken(Step::Csr, *r.error, KeyState::Unchanged);
            return;
        }
        const QByteArray key = KeyMaterial::requestPublicKey(r.csrDer);
        if (!m_keyPublicDer.isEmpty() && key != m_keyPublicDer) {
            fail(Step::Csr, KeyState::Unchanged,
                 tr("The certificate request was signed with a key other than the certificate's own, so it was not sent. The old certificate is still on the key; contact support."),
                 QStringLiteral("CSR public key differs from the old certificate's"), false);
            return;
        }
        m_keyPublicDer = key;
        m_csrDer = r.csrDer;
        advance();
    });
}

void RenewalJob::submit()
{
    setStep(Step::Submit);
    whenAnswered(m_client.submitCsr(m_options.applicationId, p11::CsrBuilder::derToPem(m_csrDer), m_plan.token.serial,
                                            m_idempotencyKey), [this](PlatformCall *call) {
        if (!call->ok()) {
            const PlatformError &e = call->error();
            if (call->httpStatus() == 409) {
                onSubmitConflict(call);
                return;
            }
            if (e.isTransient() || e.kind == PlatformError::Kind::Network)
                failPlatform(Step::Submit, call,
                             tr("The certificate request could not be sent to the platform. %1 The old certificate is still on the key; choose Retry: the same request is sent again and the platform never issues twice.")
                                 .arg(e.userMessage));
            else
                failPlatform(Step::Submit, call,
                             m_keyGenerated ? tr("The platform did not certify the request. %1 The old certificate is still on the key.").arg(e.userMessage)
                                            : tr("The platform did not certify the request. %1 Nothing was changed on the key: the old certificate is still there.")
                                                  .arg(e.userMessage));
            return;
        }
        qCInfo(lcKeyops).noquote() << "certificate request answered, HTTP" << call->httpStatus() << "request" << call->requestId()
                                   << (call->rawHeader("Idempotent-Replayed").isEmpty() ? "" : "(replayed)");
        acceptIssued(call->json().value(QStringLiteral("certificate")).toString().toLatin1(), Step::Submit);
    });
}

// Checks the platform's certificate before anything is written: a PEM
// certificate, for the key the request was signed with, naming the subject asked for.
void RenewalJob::acceptIssued(const QByteArray &pem, Step step)
{
    const QByteArray der = KeyMaterial::firstCertificateDer(pem);
    if (der.isEmpty()) {
        m_fetchIssued = true;  // a retry asks GET .../certificate instead of re-sending
        fail(step, KeyState::Unchanged,
             tr("The platform's answer held no certificate, so nothing was written to the key: the old certificate is still there. Choose Retry, or contact the CA centre if it happens again."),
             QStringLiteral("no PEM certificate in the answer"));
        return;
    }
    auto parsed = p11::CertificateParser::parse(der);
    if (!parsed) {
        m_fetchIssued = true;
        fail(step, KeyState::Unchanged,
             tr("The platform's answer held no certificate, so nothing was written to the key: the old certificate is still there. Choose Retry, or contact the CA centre if it happens again."),
             parsed.error().logText());
        return;
    }
    if (!m_keyPublicDer.isEmpty() && KeyMaterial::certificatePublicKey(der) != m_keyPublicDer) {
        m_fetchIssued = true;
        fail(step, KeyState::Unchanged,
             tr("The platform returned a certificate for another key than the one on your USB key, so it was not written. The old certificate is still on the key; contact the CA centre."),
             QStringLiteral("issued certificate %1: public key differs from the key's").arg(parsed->serialHex));
        return;
    }
    QString expectedSubject;
    if (!m_csrDer.isEmpty())
        expectedSubject = KeyMaterial::requestSubject(m_csrDer);
    else if (m_plan.kind == kRenewal && !m_plan.oldCertificate.der.isEmpty())
        expectedSubject = m_plan.oldCertificate.subject;
    bool subjectOk = expectedSubject.isEmpty() || parsed->subject == expectedSubject;
    if (subjectOk && m_plan.kind == kChange) {
        if (!parsed->uscc.isEmpty() && !m_plan.uscc.isEmpty())
            subjectOk = parsed->uscc.compare(m_plan.uscc, Qt::CaseInsensitive) == 0;
        else
            subjectOk = parsed->organization == m_plan.organizationName;
    }
    if (!subjectOk) {
        m_fetchIssued = true;
        fail(step, KeyState::Unchanged,
             tr("The platform returned a certificate whose subject does not name your organisation as requested, so it was not written. The old certificate is still on the key; contact the CA centre."),
             QStringLiteral("issued certificate %1 subject \"%2\", expected \"%3\"").arg(parsed->serialHex, parsed->subject, expectedSubject));
        return;
    }
    m_issuedDer = der;
    advance();
}

void RenewalJob::install()
{
    setStep(Step::Install);
    runToken(m_tokens.installCertificate(tokenRef(), pinCopy(), m_issuedDer, m_plan.oldCertificate.label), [this](const p11::TokenResult &r) {
        if (!r.ok()) {
            onInstallFailed(*r.error);
            return;
        }
        m_installDone = true;
        m_installed = r.certificate;
        advance();
    });
}

// What is on the key now? Read it (certificates need no PIN); if the key is
// gone, the state is unknown (the safe install leaves the old or the new one).
void RenewalJob::onInstallFailed(const p11::Error &error)
{
    if (error.kind() == p11::ErrorKind::CertificateKeyMismatch) {
        fail(Step::Install, KeyState::Unchanged,
             tr("The certificate the platform issued belongs to a key pair that is not on this USB key, so it was not written. %1").arg(expectedKeyText()),
             error.logText());
        return;
    }
    if (error.kind() == p11::ErrorKind::EmptyKeyId) {
        fail(Step::Install, KeyState::Unchanged, error.userMessage(), error.logText(), false);
        return;
    }
    if (error.kind() == p11::ErrorKind::PinIncorrect || error.kind() == p11::ErrorKind::PinLocked) {
        failPin(Step::Install, error, KeyState::Unchanged);
        return;
    }
    if (error.kind() == p11::ErrorKind::Cancelled) {
        m_cancelRequested = true;
        stopIfCancelled();
        return;
    }
    if (error.kind() == p11::ErrorKind::TokenNotFound) {
        // The key was not there when the install began: nothing was written.
        failMissingKey(Step::Install, error, KeyState::Unchanged);
        return;
    }
    const p11::Error installError = error;
    runToken(m_tokens.readToken(tokenRef()), [this, installError](const p11::TokenResult &r) {
        if (!r.ok()) {
            fail(Step::Install, KeyState::Unknown,
                 tr("The key was removed while the new certificate was being written to it. It holds the old or the new certificate, never neither; plug the key in and choose Retry to finish writing the certificate the platform issued."),
                 QStringLiteral("%1; reading the key afterwards: %2").arg(installError.logText(), r.error->logText()));
            return;
        }
        bool newThere = false;
        bool oldThere = false;
        for (const p11::CertificateInfo &c : r.contents.certificates) {
            if (c.der == m_issuedDer)
                newThere = true;
            else if (!m_plan.oldCertificate.der.isEmpty() && c.der == m_plan.oldCertificate.der)
                oldThere = true;
        }
        if (newThere) {
            fail(Step::Install, KeyState::NewCertificateInstalled,
                 oldThere ? tr("The new certificate was written to the key, but the old certificate could not be removed yet. Choose Retry to finish.")
                          : tr("The new certificate was written to the key, but the writing did not end cleanly. Choose Retry to check it."),
                 installError.logText());
            return;
        }
        if (isRemoval(installError))
            fail(Step::Install, KeyState::Unchanged,
                 tr("The key was removed before the new certificate was written to it. The old certificate is still on the key; plug the key in and choose Retry: the certificate the platform issued is written without a new request."),
                 installError.logText());
        else
            fail(Step::Install, KeyState::Unchanged,
                 tr("The new certificate could not be written to the key. %1 The old certificate is still on the key; choose Retry: the certificate the platform issued is written without a new request.")
                     .arg(tokenErrorText(installError)),
                 installError.logText());
    });
}

// The new certificate read back (without the PIN: certificates are public)
// under the key's CKA_ID with the key's public key; the private key looked
// up logged in (a PIN typed on the computer: a logged-in read here; a PIN pad:
// the install's own logged-in lookup, so that the pad does not ask again).
void RenewalJob::verify()
{
    setStep(Step::Verify);
    const bool pad = m_plan.token.protectedAuthPath && m_pin.isEmpty();
    runToken(m_tokens.readToken(tokenRef(), pad ? p11::SecureBuffer() : pinCopy()), [this, pad](const p11::TokenResult &r) {
        if (!r.ok()) {
            failToken(Step::Verify, *r.error, KeyState::NewCertificateInstalled);
            return;
        }
        const QByteArray keyId = m_installed.id;
        p11::CertificateInfo found;
        int others = 0;
        bool oldThere = false;
        for (const p11::CertificateInfo &c : r.contents.certificates) {
            if (!m_plan.oldCertificate.der.isEmpty() && c.der == m_plan.oldCertificate.der)
                oldThere = true;
            if (c.id != keyId)
                continue;
            if (c.der == m_issuedDer)
                found = c;
            else if (!c.isCa && !m_keyPublicDer.isEmpty() && KeyMaterial::certificatePublicKey(c.der) == m_keyPublicDer)
                ++others;  // an older certificate of the same key pair
        }
        if (found.der.isEmpty()) {
            m_installDone = false;  // a retry writes it again
            fail(Step::Verify, KeyState::Unchanged,
                 oldThere ? tr("The new certificate was not found on the key after it was written. The old certificate is still on the key; choose Retry to write it again.")
                          : tr("The new certificate was not found on the key after it was written, and the old certificate is not there either. Choose Retry to write the certificate the platform issued again; if it fails again, contact the CA centre."),
                 QStringLiteral("certificate %1 not under CKA_ID %2 (old certificate present: %3)")
                     .arg(m_installed.serialHex, QString::fromLatin1(keyId.toHex()))
                     .arg(oldThere));
            return;
        }
        const QByteArray certKey = KeyMaterial::certificatePublicKey(found.der);
        bool privateKeyOk = false;
        if (r.contents.loggedIn) {
            for (const p11::PrivateKeyInfo &k : r.contents.keys)
                if (k.id == keyId && (k.publicKeyDer.isEmpty() || k.publicKeyDer == certKey))
                    privateKeyOk = true;
        } else {
            privateKeyOk = pad && m_installed.hasPrivateKey;  // the install found the private key logged in
        }
        if (!privateKeyOk || (!m_keyPublicDer.isEmpty() && certKey != m_keyPublicDer)) {
            fail(Step::Verify, KeyState::NewCertificateInstalled,
                 tr("The new certificate on the key does not match the key's own key pair. The old key was not changed; contact the CA centre."),
                 QStringLiteral("certificate %1 under CKA_ID %2: private key found logged in %3 (logged in %4), public key equal %5")
                     .arg(found.serialHex, QString::fromLatin1(keyId.toHex()))
                     .arg(privateKeyOk)
                     .arg(r.contents.loggedIn)
                     .arg(certKey == m_keyPublicDer),
                 false);
            return;
        }
        if (others > 0) {
            m_installDone = false;  // the install removes the older ones when run again
            fail(Step::Verify, KeyState::NewCertificateInstalled,
                 tr("The new certificate was written to the key, but the old certificate could not be removed yet. Choose Retry to finish."),
                 QStringLiteral("%1 older certificate(s) of the key pair still under CKA_ID %2").arg(others).arg(QString::fromLatin1(keyId.toHex())));
            return;
        }
        found.hasPrivateKey = true;
        m_installed = found;
        succeed();
    });
}

// ---------------------------------------------------------------- failures

QString RenewalJob::newKeyLabel() const
{
    return QStringLiteral("ca-client %1").arg(m_options.applicationId);
}

// "Insert the USB key with serial X of <unit> and choose Retry." (whole sentence)
QString RenewalJob::expectedKeyText() const
{
    const QString serial = m_plan.token.serial.isEmpty() ? m_options.token.serial : m_plan.token.serial;
    const QString unit = m_plan.oldCertificate.organization.isEmpty() ? m_plan.organizationName : m_plan.oldCertificate.organization;
    if (serial.isEmpty())
        return tr("Insert the USB key that holds the certificate of %1 and choose Retry.").arg(unit);
    return tr("Insert the USB key with serial number %1 (certificate of %2) and choose Retry.").arg(serial, unit);
}

// What the key holds after a failure at `step` that changed nothing (one whole sentence).
QString RenewalJob::keyStateSentence(Step step) const
{
    switch (step) {
    case Step::Check:
    case Step::ReadKey:
    case Step::Csr:
    case Step::Submit:
        return tr("Nothing was written to the key: the old certificate is still there.");
    case Step::Install:
        return tr("The old certificate is still on the key; Retry writes the certificate the platform issued without a new request.");
    case Step::Verify:
    case Step::Done:
        break;
    }
    return tr("The new certificate was written to the key; Retry checks it again.");
}

// The token's sentence for the job's screens: no advice meant for ca-tool
// (key identifiers, labels to give on the command line).
QString RenewalJob::tokenErrorText(const p11::Error &error) const
{
    switch (error.kind()) {
    case p11::ErrorKind::KeyNotFound:
        return tr("The key pair of the certificate was not found on this USB key.");
    case p11::ErrorKind::TokenAmbiguous: {
        const QString serial = m_plan.token.serial.isEmpty() ? m_options.token.serial : m_plan.token.serial;
        if (serial.isEmpty())
            return tr("More than one USB key is inserted; leave only the USB key that holds the certificate of %1 plugged in.")
                .arg(m_plan.organizationName);
        return tr("More than one USB key is inserted; remove the keys other than the one with serial number %1.").arg(serial);
    }
    case p11::ErrorKind::TokenNotFound:
        return tr("The USB key was not found.");
    case p11::ErrorKind::CertificateKeyMismatch:
        return tr("The certificate belongs to no key pair on this USB key.");
    case p11::ErrorKind::InvalidInput:
        return tr("The USB key refused the request as malformed.");
    default:
        return error.userMessage();
    }
}

void RenewalJob::failToken(Step step, const p11::Error &error, KeyState state)
{
    if (error.kind() == p11::ErrorKind::PinIncorrect || error.kind() == p11::ErrorKind::PinLocked) {
        failPin(step, error, state);
        return;
    }
    const bool removed = isRemoval(error);
    if (removed && (!m_plan.token.serial.isEmpty() || !m_options.token.serial.isEmpty())) {
        failMissingKey(step, error, state);
        return;
    }
    QString message;
    switch (step) {
    case Step::Check:
    case Step::ReadKey:
        message = removed ? tr("No key was found. Insert the USB key that holds the certificate and choose Retry.")
                          : tr("The key could not be read. %1 Nothing was changed on it.").arg(tokenErrorText(error));
        break;
    case Step::Csr:
    case Step::Submit:
        message = error.kind() == p11::ErrorKind::KeyNotFound
                      ? tr("The key pair of the certificate was not found on this USB key, so no certificate request was made. The old certificate is still on the key. %1").arg(expectedKeyText())
                      : tr("The certificate request could not be made on the key. %1 The old certificate is still on the key; choose Retry when this is fixed.")
                            .arg(tokenErrorText(error));
        break;
    case Step::Install:
        message = tr("The new certificate could not be written to the key. %1 The old certificate is still on the key; choose Retry.").arg(tokenErrorText(error));
        break;
    case Step::Verify:
    case Step::Done:
        message = tr("The new certificate could not be checked on the key. %1 It was written to the key; choose Retry to check it again.")
                      .arg(tokenErrorText(error));
        break;
    }
    fail(step, state, message, error.logText());
}

// A wrong or locked PIN: the key's PIN state is read again (no PIN needed)
// so that the message and the Outcome say how many tries are left.
void RenewalJob::failPin(Step step, const p11::Error &error, KeyState state)
{
    const p11::Error pinError = error;
    runToken(m_tokens.readToken(tokenRef()), [this, step, state, pinError](const p11::TokenResult &r) {
        p11::PinState pin = pinError.kind() == p11::ErrorKind::PinLocked ? p11::PinState::Locked : p11::PinState::Ok;
        bool known = pinError.kind() == p11::ErrorKind::PinLocked;
        if (r.ok()) {
            m_plan.token = r.contents.token;
            pin = r.contents.token.pinState;
            known = true;
        }
        const QString serial = m_plan.token.serial;
        QString message;
        if (pin == p11::PinState::Locked) {
            message = tr("The PIN of key %1 is locked after too many wrong tries, so the certificate cannot be written now. Reset the PIN (密码重置) and then write the certificate to the key again.")
                          .arg(serial)
                      + QLatin1Char(' ') + keyStateSentence(step);
        } else {
            QString pinSentence;
            if (pin == p11::PinState::FinalTry)
                pinSentence = tr("The PIN was wrong. Only one try is left: one more wrong PIN locks key %1.").arg(serial);
            else if (pin == p11::PinState::CountLow)
                pinSentence = tr("The PIN was wrong, and key %1 says fewer tries are left (it does not say how many).").arg(serial);
            else
                pinSentence = tr("The PIN was wrong.");
            message = pinSentence + QLatin1Char(' ') + keyStateSentence(step) + QLatin1Char(' ')
                      + tr("Type the correct PIN and choose Retry.");
        }
        m_pinStateKnown = known;
        m_pinState = pin;
        fail(step, state, message,
             QStringLiteral("%1; PIN state afterwards %2").arg(pinError.logText(), known ? p11::PinStates::code(pin) : QStringLiteral("unknown")),
             pin != p11::PinState::Locked);
    });
}

// The key the job works on is not there: is another one plugged in instead?
void RenewalJob::failMissingKey(Step step, const p11::Error &error, KeyState state)
{
    const p11::Error missing = error;
    runToken(m_tokens.listTokens(), [this, step, state, missing](const p11::TokenResult &r) {
        const QString expected = m_plan.token.serial.isEmpty() ? m_options.token.serial : m_plan.token.serial;
        QStringList others;
        if (r.ok())
            for (const p11::TokenInfo &t : r.tokens)
                if (t.serial != expected)
                    others.append(t.serial);
        const QString where = others.isEmpty()
                                  ? tr("The USB key was removed or is not plugged in.")
                                  : tr("The USB key plugged in now (serial number %1) is not the one this renewal writes to.").arg(others.join(QStringLiteral(", ")));
        QString stateText;
        if (state == KeyState::Unknown)
            stateText = tr("The key holds the old or the new certificate, never neither; Retry finishes writing the certificate the platform issued.");
        else
            stateText = keyStateSentence(step);
        fail(step, state, where + QLatin1Char(' ') + stateText + QLatin1Char(' ') + expectedKeyText(),
             QStringLiteral("%1; other tokens present: %2").arg(missing.logText(), others.isEmpty() ? QStringLiteral("none") : others.join(QLatin1Char(','))));
    });
}

// 409 to the POST: if the platform has issued the certificate meanwhile
// (another computer or ca-tool finished first, or the idempotency record was
// lost), install that one; otherwise report the refusal.
void RenewalJob::onSubmitConflict(PlatformCall *conflict)
{
    const PlatformError conflictError = conflict->error();
    const QString conflictDetail = platformDetail(conflict, conflictError);
    whenAnswered(m_client.application(m_options.applicationId), [this, conflictError, conflictDetail](PlatformCall *call) {
        if (call->ok() && call->json().value(QStringLiteral("handling_status")).toString() == QLatin1String("done")) {
            qCInfo(lcKeyops).noquote() << "renewal of" << m_options.applicationId
                                       << ": the platform had already issued the certificate (" << conflictDetail << "); installing it";
            m_plan.installOnly = true;
            m_fetchIssued = true;
            fetchIssued();
            return;
        }
        const QString message = m_keyGenerated
                                    ? tr("The platform did not certify the request. %1 The old certificate is still on the key.").arg(conflictError.userMessage)
                                    : tr("The platform did not certify the request. %1 Nothing was changed on the key: the old certificate is still there.")
                                          .arg(conflictError.userMessage);
        fail(Step::Submit, KeyState::Unchanged, message, conflictDetail, false);
    });
}

void RenewalJob::failPlatform(Step step, const PlatformCall *call, const QString &message, bool canRetry)
{
    const PlatformError::Kind kind = call->error().kind;
    m_networkFailure = kind == PlatformError::Kind::Network || kind == PlatformError::Kind::Tls;
    fail(step, KeyState::Unchanged, message, platformDetail(call, call->error()), canRetry);
}

} // namespace ca::keyops
