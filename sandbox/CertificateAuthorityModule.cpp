// Certificates for applications (see CertificateAuthority.h for the CA itself):
//   POST /api/v1/applications/{id}/csr {"csr": PEM[, "token_serial"]}
//        renewal/change, approved and settled (handling "processing") -> 201 {"certificate", "chain"};
//        records the certificate on the application ("certificate" record) and completes it ("done").
//        Renewal: the CSR key must be the key of the certificate on record (the application's
//        certificate.serial among the organisation's known certificates, else the latest one).
//   POST /api/v1/applications/{id}/certificate {"certificate": PEM[, "token_serial"]}
//        existing CA registration: chains to a trusted CA, is valid, and names the applicant's
//        organisation (USCC in a subject field, else O = organisation name) -> 200 certificate ref.
//        CA_SANDBOX_CSR_REPLY=no-pem|other-key|wrong-subject in the environment makes it answer
//        wrongly on purpose (client tests of bad replies; see wrongCsrReply).
//   GET /api/v1/applications/{id}/certificate
//        the certificate issued (renewal/change) or registered (existing) for that application:
//        200 {"certificate", "chain"} PEM (chain: the issuing sandbox CA for an issued one, empty for a
//        registered one); 404 when there is none yet. The client finishes an interrupted install with it.
//   ca-sandbox admin --data DIR issue CSR_FILE USCC [TOKEN_SERIAL] [--days N]
//        issues a certificate (valid N days, default 730) outside any application (the centre writing
//        a new key) and records it for that organisation, so renewal tests have a certificate on
//        record; prints the PEM.
#include "Accounts.h"
#include "ApplicationStore.h"
#include "CertificateAuthority.h"
#include "Context.h"
#include "Idempotency.h"
#include "JsonBody.h"
#include "Module.h"
#include "Reply.h"
#include "SandboxServer.h"
#include "Sql.h"

#include "core/workflow/WorkflowRules.h"

#include <QFile>
#include <QJsonDocument>

#include <memory>

namespace ca::sandbox {

namespace {

constexpr int kValidityDays = 730;

QString normalizeSerial(QString serial)
{
    serial = serial.toUpper().remove(QLatin1Char(':')).remove(QLatin1Char(' '));
    while (serial.size() > 1 && serial.startsWith(QLatin1Char('0')))
        serial.remove(0, 1);
    return serial;
}

void recordCertificate(Context &context, qint64 organizationId, const QString &applicationId, const CertificateInfo &info,
                       const QString &tokenSerial, const QString &source)
{
    Sql::exec(context.db(),
              QStringLiteral("INSERT INTO certificates (organization_id, application_id, serial, token_serial, subject, not_after, pem, source, created_at) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
              {organizationId, applicationId.isEmpty() ? QVariant() : QVariant(applicationId), normalizeSerial(info.serial),
               tokenSerial, info.subject, Context::isoTime(info.notAfter), QString::fromLatin1(info.pem), source, context.nowIso()});
}

QJsonObject certificateRef(const CertificateInfo &info, const QString &tokenSerial)
{
    QJsonObject o{{QStringLiteral("serial"), info.serial},
                  {QStringLiteral("subject"), info.subject},
                  {QStringLiteral("not_after"), Context::isoTime(info.notAfter)}};
    if (!tokenSerial.isEmpty())
        o.insert(QStringLiteral("token_serial"), tokenSerial);
    return o;
}

// The certificate on record for a renewal: the application's certificate
// serial among the organisation's certificates, else the latest one.
QByteArray certificateOnRecord(Context &context, const StoredApplication &app)
{
    const QString serial = app.data.value(QStringLiteral("certificate")).toObject().value(QStringLiteral("serial")).toString();
    if (!serial.isEmpty()) {
        QSqlQuery q = Sql::exec(context.db(), QStringLiteral("SELECT pem FROM certificates WHERE organization_id = ? AND serial = ? "
                                                             "ORDER BY id DESC LIMIT 1"),
                                {app.organizationId, normalizeSerial(serial)});
        if (q.next())
            return q.value(0).toString().toLatin1();
        throw HttpError(409, QStringLiteral("certificate_not_on_record"),
                        QStringLiteral("The certificate %1 named in this application is not known to the platform; register it first "
                                       "(已有CA) or check the USB key.").arg(serial.left(64)));
    }
    QSqlQuery q = Sql::exec(context.db(), QStringLiteral("SELECT pem FROM certificates WHERE organization_id = ? ORDER BY id DESC LIMIT 1"),
                            {app.organizationId});
    if (q.next())
        return q.value(0).toString().toLatin1();
    throw HttpError(409, QStringLiteral("certificate_not_on_record"),
                    QStringLiteral("Your organisation has no certificate on record to renew; register the current certificate first (已有CA)."));
}

// The subject names the applicant: a USCC found in it must be the
// organisation's; without one, O must be the organisation's name.
void checkSubject(const CertificateInfo &info, const QString &orgName, const QString &uscc, const QString &field)
{
    bool ok;
    if (!info.uscc.isEmpty())
        ok = info.uscc.compare(uscc, Qt::CaseInsensitive) == 0;
    else
        ok = !info.organization.isEmpty() && info.organization == orgName;
    if (!ok)
        throw HttpError(422, QStringLiteral("subject_mismatch"),
                        QStringLiteral("The certificate subject (%1) does not name your organisation %2 (%3); use the USB key of your own organisation.")
                            .arg(info.subject.left(200), orgName, uscc),
                        {{field, QStringLiteral("invalid"), QStringLiteral("The certificate subject does not name your organisation.")}});
}

[[noreturn]] void throwCaError(CertificateAuthority::Error error, const QString &field)
{
    const int status = error == CertificateAuthority::Error::NotLoaded || error == CertificateAuthority::Error::Internal ? 503 : 422;
    if (status == 503)
        throw HttpError(status, CertificateAuthority::errorCode(error), CertificateAuthority::errorMessage(error));
    throw HttpError(status, CertificateAuthority::errorCode(error), CertificateAuthority::errorMessage(error),
                    {{field, QStringLiteral("invalid"), CertificateAuthority::errorMessage(error)}});
}

// CA_SANDBOX_CSR_REPLY (client tests only): answer a valid POST /csr with a
// 201 a client must refuse: "no-pem" (no certificate in it), "other-key" (a
// certificate for another key), "wrong-subject" (the request's key, another
// organisation). Nothing is recorded and the application is unchanged.
Reply wrongCsrReply(CertificateAuthority &ca, const QByteArray &csr, const QString &knob)
{
    qCWarning(lcSandbox) << "CA_SANDBOX_CSR_REPLY:" << knob << "- answering the certificate request wrongly on purpose";
    if (knob == QLatin1String("no-pem"))
        return Reply::json(201, QJsonObject{{QStringLiteral("certificate"), QStringLiteral("issued")}, {QStringLiteral("chain"), QString()}});
    CertificateAuthority::Tamper tamper;
    tamper.otherKey = knob == QLatin1String("other-key");
    if (knob == QLatin1String("wrong-subject"))
        tamper.organization = QStringLiteral("别的科技有限公司");
    CertificateAuthority::Error error;
    const IssuedCertificate issued = ca.issueTampered(csr, tamper, kValidityDays, &error);
    if (error != CertificateAuthority::Error::None)
        throwCaError(error, QStringLiteral("csr"));
    return Reply::json(201, QJsonObject{{QStringLiteral("certificate"), QString::fromLatin1(issued.certificatePem)},
                                        {QStringLiteral("chain"), QString::fromLatin1(issued.chainPem)}});
}

Reply postCsr(Context &context, CertificateAuthority &ca, Request &request)
{
    if (request.account.isReviewer())
        throw HttpError(403, QStringLiteral("forbidden"), QStringLiteral("Only the applicant can send a certificate request; sign in as the applicant."));
    const StoredApplication app = ApplicationStore::require(context, request.account, request.param(QStringLiteral("id")));
    const QJsonObject body = JsonBody::object(request);
    JsonBody::rejectUnknown(body, {QStringLiteral("csr"), QStringLiteral("token_serial")});
    const QByteArray csr = JsonBody::string(body, QStringLiteral("csr"), true).toUtf8();
    QString tokenSerial = JsonBody::string(body, QStringLiteral("token_serial"), false).trimmed();
    return Idempotency::run(context, request, [&] {
        if (app.kind != QLatin1String("renewal") && app.kind != QLatin1String("change"))
            throw HttpError(409, QStringLiteral("invalid_state"),
                            QStringLiteral("Only a renewal or change application receives a certificate online; this application's key is made by the centre."));
        if (app.reviewStatus != QLatin1String("approved"))
            throw HttpError(409, QStringLiteral("invalid_state"),
                            QStringLiteral("This application has not been approved yet; send the certificate request once it has been approved."));
        if (app.handlingStatus == QLatin1String("done"))
            throw HttpError(409, QStringLiteral("invalid_state"),
                            QStringLiteral("The certificate of this application has already been issued; open a new application for another one."));
        if (app.handlingStatus != QLatin1String("processing"))
            throw HttpError(409, QStringLiteral("invalid_state"),
                            QStringLiteral("The fee of this application has not been paid yet; pay it, refresh the payment status and send the request again."));
        const QByteArray onRecord = app.kind == QLatin1String("renewal") ? certificateOnRecord(context, app) : QByteArray();

        CertificateAuthority::Error error;
        const CertificateInfo subject = ca.inspectCsr(csr, &error);
        if (error != CertificateAuthority::Error::None)
            throwCaError(error, QStringLiteral("csr"));
        const QJsonObject org = app.data.value(QStringLiteral("organization")).toObject();
        checkSubject(subject, org.value(QStringLiteral("name")).toString(), org.value(QStringLiteral("uscc")).toString(), QStringLiteral("csr"));
        if (const QString knob = qEnvironmentVariable("CA_SANDBOX_CSR_REPLY"); !knob.isEmpty())
            return wrongCsrReply(ca, csr, knob);
        const IssuedCertificate issued = ca.issue(csr, onRecord, kValidityDays, &error);
        if (error != CertificateAuthority::Error::None)
            throwCaError(error, QStringLiteral("csr"));

        if (tokenSerial.isEmpty())
            tokenSerial = app.data.value(QStringLiteral("certificate")).toObject().value(QStringLiteral("token_serial")).toString();
        const Reply reply = Reply::json(201, QJsonObject{{QStringLiteral("certificate"), QString::fromLatin1(issued.certificatePem)},
                                                         {QStringLiteral("chain"), QString::fromLatin1(issued.chainPem)}});
        // The certificate, the application's "done" and the replayable answer
        // commit together: a repeat with the same Idempotency-Key always gets
        // this answer, never 409 "already issued".
        Sql::Transaction tx(context.db());
        recordCertificate(context, app.organizationId, app.id, issued.info, tokenSerial, QStringLiteral("issued"));
        ApplicationStore::setCertificate(context, app.id, certificateRef(issued.info, tokenSerial), request.account.username);
        ApplicationStore::review(context, app.id, QStringLiteral("done"), QStringLiteral("ca"),
                                 QStringLiteral("证书已签发，序列号 %1").arg(issued.info.serial), QString(), QString());
        Idempotency::record(context, request, reply);
        tx.commit();
        qCInfo(lcSandbox) << "issued certificate" << issued.info.serial << "for" << app.id;
        return reply;
    });
}

Reply postCertificate(Context &context, CertificateAuthority &ca, Request &request)
{
    if (request.account.isReviewer())
        throw HttpError(403, QStringLiteral("forbidden"), QStringLiteral("Only the applicant can register a certificate; sign in as the applicant."));
    const StoredApplication app = ApplicationStore::require(context, request.account, request.param(QStringLiteral("id")));
    const QJsonObject body = JsonBody::object(request);
    JsonBody::rejectUnknown(body, {QStringLiteral("certificate"), QStringLiteral("token_serial")});
    const QByteArray pem = JsonBody::string(body, QStringLiteral("certificate"), true).toUtf8();
    QString tokenSerial = JsonBody::string(body, QStringLiteral("token_serial"), false).trimmed();
    if (app.kind != QLatin1String("existing"))
        throw HttpError(409, QStringLiteral("invalid_state"),
                        QStringLiteral("Only an existing-CA application registers a certificate; choose the kind 已有CA."));
    const ca::Application model = ApplicationStore::model(context, app);
    const bool editable = WorkflowRules::mayEdit(model, ApplicationStore::workflow(context)).allowed;
    const bool processing = app.handlingStatus == QLatin1String("processing");
    if (!editable && !processing)
        throw HttpError(409, QStringLiteral("invalid_state"),
                        QStringLiteral("The certificate can be registered while the application is being edited or processed, not now."));

    CertificateAuthority::Error error;
    QString detail;
    const CertificateInfo info = ca.verifyExisting(pem, &error, &detail);
    if (error != CertificateAuthority::Error::None) {
        if (!detail.isEmpty())
            qCInfo(lcSandbox) << "existing certificate refused for" << app.id << ":" << detail;
        throwCaError(error, QStringLiteral("certificate"));
    }
    const auto org = Accounts::organization(context, app.organizationId);
    if (!org)
        throw HttpError(404, QStringLiteral("not_found"), QStringLiteral("This account belongs to no organisation."));
    checkSubject(info, org->name, org->uscc, QStringLiteral("certificate"));

    if (tokenSerial.isEmpty())
        tokenSerial = app.data.value(QStringLiteral("certificate")).toObject().value(QStringLiteral("token_serial")).toString();
    const QJsonObject ref = certificateRef(info, tokenSerial);
    Sql::Transaction tx(context.db());
    recordCertificate(context, app.organizationId, app.id, info, tokenSerial, QStringLiteral("registered"));
    ApplicationStore::setCertificate(context, app.id, ref, request.account.username);
    if (processing && !editable)
        ApplicationStore::review(context, app.id, QStringLiteral("done"), QStringLiteral("ca"),
                                 QStringLiteral("已有CA证书已登记"), QString(), QString());
    tx.commit();
    return Reply::json(200, ref);
}

Reply getCertificate(Context &context, CertificateAuthority &ca, Request &request)
{
    const StoredApplication app = ApplicationStore::require(context, request.account, request.param(QStringLiteral("id")));
    QSqlQuery q = Sql::exec(context.db(), QStringLiteral("SELECT pem, source FROM certificates WHERE application_id = ? "
                                                         "ORDER BY id DESC LIMIT 1"),
                            {app.id});
    if (!q.next())
        throw HttpError(404, QStringLiteral("not_found"),
                        QStringLiteral("No certificate has been issued or registered for this application yet."));
    const bool issued = q.value(1).toString() == QLatin1String("issued");
    return Reply::json(200, QJsonObject{{QStringLiteral("certificate"), q.value(0).toString()},
                                        {QStringLiteral("chain"), issued ? QString::fromLatin1(ca.caCertificatePem()) : QString()}});
}

class CertificatesModule : public Module
{
public:
    QString name() const override { return QStringLiteral("certificates"); }
    int order() const override { return 130; }

    void addMigrations(Context &context) override
    {
        context.addMigration(QStringLiteral("certificates-001"), {
            QStringLiteral("CREATE TABLE certificates (id INTEGER PRIMARY KEY, organization_id INTEGER NOT NULL, application_id TEXT, "
                           "serial TEXT NOT NULL, token_serial TEXT, subject TEXT NOT NULL, not_after TEXT NOT NULL, pem TEXT NOT NULL, "
                           "source TEXT NOT NULL, created_at TEXT NOT NULL)"), // source: issued | registered | admin
            QStringLiteral("CREATE INDEX certificates_org ON certificates (organization_id, serial)"),
        });
    }

    void install(Context &context, SandboxServer &server) override
    {
        auto ca = std::make_shared<CertificateAuthority>();
        QString error;
        if (!ca->load(context.config.dataDir, &error))
            qCWarning(lcSandbox) << "certificate authority not available:" << error;
        Context *ctx = &context;
        server.route(Method::Post, QStringLiteral("/api/v1/applications/{id}/csr"), Access::User,
                     [ctx, ca](Request &r) { return postCsr(*ctx, *ca, r); });
        server.route(Method::Post, QStringLiteral("/api/v1/applications/{id}/certificate"), Access::User,
                     [ctx, ca](Request &r) { return postCertificate(*ctx, *ca, r); });
        server.route(Method::Get, QStringLiteral("/api/v1/applications/{id}/certificate"), Access::User,
                     [ctx, ca](Request &r) { return getCertificate(*ctx, *ca, r); });
    }

    QStringList adminVerbs() const override { return {QStringLiteral("issue")}; }

    int runAdmin(Context &context, const QStringList &allArgs, QTextStream &out, QTextStream &err) override
    {
        QStringList args = allArgs;
        int days = kValidityDays;
        if (const qsizetype at = args.indexOf(QStringLiteral("--days")); at >= 0) {
            bool ok = false;
            days = args.value(at + 1).toInt(&ok);
            if (!ok || days < 1 || days > 36500) {
                err << "ca-sandbox: --days wants a number of days from 1 to 36500\n";
                return 2;
            }
            args.remove(at, 2);
        }
        if (args.size() < 3 || args.size() > 4) {
            err << "usage: ca-sandbox admin --data DIR issue CSR_FILE USCC [TOKEN_SERIAL] [--days N]\n";
            return 2;
        }
        QFile f(args.at(1));
        if (!f.open(QIODevice::ReadOnly)) {
            err << "ca-sandbox: cannot read " << args.at(1) << ": " << f.errorString() << '\n';
            return 1;
        }
        QSqlQuery q = Sql::exec(context.db(), QStringLiteral("SELECT id FROM organizations WHERE uscc = ?"), {args.at(2).toUpper()});
        if (!q.next()) {
            err << "ca-sandbox: no organisation has the unified social credit code " << args.at(2) << '\n';
            return 1;
        }
        const qint64 orgId = q.value(0).toLongLong();
        CertificateAuthority ca;
        QString loadError;
        if (!ca.load(context.config.dataDir, &loadError)) {
            err << "ca-sandbox: " << loadError << '\n';
            return 1;
        }
        CertificateAuthority::Error error;
        const IssuedCertificate issued = ca.issue(f.readAll(), QByteArray(), days, &error);
        if (error != CertificateAuthority::Error::None) {
            err << "ca-sandbox: " << CertificateAuthority::errorMessage(error) << '\n';
            return 1;
        }
        recordCertificate(context, orgId, QString(), issued.info, args.value(3), QStringLiteral("admin"));
        out << issued.certificatePem;
        return 0;
    }
};

} // namespace

CA_SANDBOX_MODULE(CertificatesModule)

} // namespace ca::sandbox
