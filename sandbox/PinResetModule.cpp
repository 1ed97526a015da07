// Routes and admin verb of the PIN reset (see PinReset.h) and the dev outbox:
//   POST /api/v1/pin-resets {"token_serial"} -> 201 {"id", "expires_at", "mobile_hint"}
//        (404 when the platform records that key for another organisation)
//   POST /api/v1/pin-resets/{id}/verify {"code"} -> 200 {"so_pin"}
//        errors: 422 code_invalid, 410 code_expired, 410 request_closed, 404 not_found
//   GET  /api/v1/dev/outbox -> {"items": [{"time", "to", "text"}]}   (sandbox only)
//   ca-sandbox admin --data DIR so-pin SERIAL
#include "Accounts.h"
#include "Context.h"
#include "JsonBody.h"
#include "Module.h"
#include "Outbox.h"
#include "PinReset.h"
#include "Reply.h"
#include "SandboxServer.h"
#include "Sql.h"

#include <QJsonObject>
#include <QRegularExpression>

namespace ca::sandbox {

namespace {

Organization callerOrganization(Context &context, const Request &request)
{
    if (request.account.organizationId <= 0)
        throw HttpError(403, QStringLiteral("forbidden"),
                        QStringLiteral("Only an applicant account with an organisation may do this; sign in as the applicant."));
    const auto org = Accounts::organization(context, request.account.organizationId);
    if (!org)
        throw HttpError(404, QStringLiteral("not_found"), QStringLiteral("This account belongs to no organisation."));
    return *org;
}

Reply createReset(Context &context, Request &request)
{
    const Organization org = callerOrganization(context, request);
    const QJsonObject body = JsonBody::object(request);
    JsonBody::rejectUnknown(body, {QStringLiteral("token_serial")});
    const QString serial = JsonBody::string(body, QStringLiteral("token_serial"), true);
    if (!PinReset::isValidSerial(serial))
        JsonBody::throwFields({{QStringLiteral("token_serial"), QStringLiteral("invalid"),
                                QStringLiteral("The USB key serial number must be 1 to 32 printable characters without spaces; read it from the key again.")}});
    // A key the platform knows as another organisation's is not this one's to reset.
    QSqlQuery owner = Sql::exec(context.db(), QStringLiteral("SELECT 1 FROM certificates WHERE token_serial = ? AND organization_id <> ? LIMIT 1"),
                                {PinReset::normalizeSerial(serial), org.id});
    if (owner.next())
        throw HttpError(404, QStringLiteral("not_found"),
                        QStringLiteral("The USB key %1 is not registered to your organisation; reset the PIN of your own key.").arg(serial.trimmed().left(32)));
    if (org.mobile.isEmpty())
        throw HttpError(409, QStringLiteral("no_mobile"),
                        QStringLiteral("Your organisation has no registered mobile number to send the code to; register one with the platform first."));
    const PinReset::Created created = PinReset::request(context, org.id, org.mobile, serial);
    return Reply::json(201, QJsonObject{{QStringLiteral("id"), created.id},
                                        {QStringLiteral("expires_at"), Context::isoTime(created.expiresAt)},
                                        {QStringLiteral("mobile_hint"), created.mobileHint}});
}

Reply verifyReset(Context &context, Request &request)
{
    const Organization org = callerOrganization(context, request);
    const QJsonObject body = JsonBody::object(request);
    JsonBody::rejectUnknown(body, {QStringLiteral("code")});
    const QString code = JsonBody::string(body, QStringLiteral("code"), true).trimmed();
    static const QRegularExpression sixDigits(QStringLiteral("^[0-9]{6}$"));
    if (!sixDigits.match(code).hasMatch())
        JsonBody::throwFields({{QStringLiteral("code"), QStringLiteral("invalid"),
                                QStringLiteral("The verification code has 6 digits; type the code from the text message.")}});
    QString soPin;
    int triesLeft = 0;
    switch (PinReset::verify(context, org.id, request.param(QStringLiteral("id")), code, &soPin, &triesLeft)) {
    case PinReset::Verdict::Ok:
        qCInfo(lcSandbox) << "PIN reset" << request.param(QStringLiteral("id")) << "authorised"; // never the PIN
        return Reply::json(200, QJsonObject{{QStringLiteral("so_pin"), soPin}});
    case PinReset::Verdict::NotFound:
        throw HttpError(404, QStringLiteral("not_found"), QStringLiteral("This PIN reset request does not exist; start a new PIN reset."));
    case PinReset::Verdict::CodeInvalid:
        throw HttpError(422, QStringLiteral("code_invalid"),
                        triesLeft == 1
                            ? QStringLiteral("The verification code is wrong; check the text message and try again (1 try left).")
                            : QStringLiteral("The verification code is wrong; check the text message and try again (%1 tries left).").arg(triesLeft),
                        {{QStringLiteral("code"), QStringLiteral("invalid"), QStringLiteral("The verification code is wrong.")}});
    case PinReset::Verdict::CodeExpired:
        throw HttpError(410, QStringLiteral("code_expired"),
                        QStringLiteral("The verification code has expired (codes are valid for 5 minutes); start a new PIN reset to get a new code."));
    case PinReset::Verdict::RequestClosed:
        throw HttpError(410, QStringLiteral("request_closed"),
                        QStringLiteral("This PIN reset request is closed (after 3 wrong codes, or already used); start a new PIN reset."));
    }
    throw HttpError(500, QStringLiteral("internal"), QStringLiteral("The server failed to handle the request. Try again later."));
}

class PinResetModule : public Module
{
public:
    QString name() const override { return QStringLiteral("pin-reset"); }
    int order() const override { return 120; }

    void addMigrations(Context &context) override
    {
        Outbox::addMigrations(context);
        PinReset::addMigrations(context);
    }

    void prepare(Context &context) override
    {
        PinReset::masterKey(context); // create DIR/master.key on first start
    }

    void install(Context &context, SandboxServer &server) override
    {
        Context *ctx = &context;
        server.route(Method::Post, QStringLiteral("/api/v1/pin-resets"), Access::User,
                     [ctx](Request &r) { return createReset(*ctx, r); });
        server.route(Method::Post, QStringLiteral("/api/v1/pin-resets/{id}/verify"), Access::User,
                     [ctx](Request &r) { return verifyReset(*ctx, r); });
        server.route(Method::Get, QStringLiteral("/api/v1/dev/outbox"), Access::User, [ctx](Request &r) {
            const Organization org = callerOrganization(*ctx, r);
            return Reply::json(200, QJsonObject{{QStringLiteral("items"), Outbox::list(*ctx, org.id)}});
        });
    }

    QStringList adminVerbs() const override { return {QStringLiteral("so-pin")}; }

    int runAdmin(Context &context, const QStringList &args, QTextStream &out, QTextStream &err) override
    {
        if (args.size() != 2 || !PinReset::isValidSerial(args.at(1))) {
            err << "usage: ca-sandbox admin --data DIR so-pin SERIAL\n";
            return 2;
        }
        try {
            out << PinReset::deriveSoPin(PinReset::masterKey(context), args.at(1)) << '\n';
        } catch (const HttpError &e) {
            err << "ca-sandbox: cannot derive the SO PIN: the master key in the data directory is missing or damaged\n";
            return 1;
        }
        return 0;
    }
};

} // namespace

CA_SANDBOX_MODULE(PinResetModule)

} // namespace ca::sandbox
