#include "Applications.h"

#include "Accounts.h"
#include "ApplicationStore.h"
#include "Context.h"
#include "Idempotency.h"
#include "JsonBody.h"
#include "Module.h"
#include "SandboxServer.h"
#include "Sql.h"

#include "core/validation/ApplicationValidator.h"
#include "core/workflow/WorkflowRules.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

namespace ca::sandbox {

namespace {

const QStringList kTopKeys = {
    QStringLiteral("id"), QStringLiteral("version"), QStringLiteral("kind"), QStringLiteral("organization"),
    QStringLiteral("order"), QStringLiteral("invoice"), QStringLiteral("attachments"), QStringLiteral("fee"),
    QStringLiteral("review_status"), QStringLiteral("payment_status"), QStringLiteral("handling_status"),
    QStringLiteral("payment"), QStringLiteral("fulfilment"), QStringLiteral("certificate"),
    QStringLiteral("approval_records"), QStringLiteral("created_at"), QStringLiteral("updated_at")};
const QStringList kOrgKeys = {QStringLiteral("name"), QStringLiteral("uscc"), QStringLiteral("type")};
const QStringList kOrderKeys = {QStringLiteral("pickup"), QStringLiteral("mailing_address"), QStringLiteral("recipient_name"),
                                QStringLiteral("recipient_phone"), QStringLiteral("quantity")};
const QStringList kInvoiceKeys = {QStringLiteral("type"), QStringLiteral("title"), QStringLiteral("tax_id"), QStringLiteral("address"),
                                  QStringLiteral("phone"), QStringLiteral("notice_mobile"), QStringLiteral("bank"), QStringLiteral("account")};
const QStringList kCertKeys = {QStringLiteral("token_serial"), QStringLiteral("serial"), QStringLiteral("subject"), QStringLiteral("not_after")};

QString newApplicationId(Context &ctx)
{
    const QString prefix = QLatin1Char('A') + ctx.now().toString(QStringLiteral("yyyyMMdd")) + QLatin1Char('-');
    QSqlQuery q = Sql::exec(ctx.db(), QStringLiteral("SELECT id FROM applications WHERE id LIKE ? ORDER BY id DESC LIMIT 1"),
                            {QString(prefix + QLatin1Char('%'))});
    int next = 1;
    if (q.next())
        next = q.value(0).toString().mid(prefix.size()).toInt() + 1;
    return prefix + QStringLiteral("%1").arg(next, 4, 10, QLatin1Char('0'));
}

ca::Organization organizationOf(Context &ctx, const Account &account)
{
    const auto org = Accounts::organization(ctx, account.organizationId);
    if (!org)
        throw HttpError(403, QStringLiteral("forbidden"), QCoreApplication::translate("ca::sandbox", "Only an account of an applicant organisation may do this."));
    ca::Organization o;
    o.name = org->name;
    o.uscc = org->uscc;
    o.type = enumFromWord<Role>(org->type).value_or(Role::Supplier);
    return o;
}

void requireApplicant(const Account &account)
{
    if (account.isReviewer() || account.organizationId <= 0)
        throw HttpError(403, QStringLiteral("forbidden"), QCoreApplication::translate("ca::sandbox", "Only an account of an applicant organisation may do this."));
}

Reply appReply(Context &ctx, int status, const StoredApplication &app)
{
    Reply r = Reply::json(status, ApplicationStore::toJson(ctx, app));
    r.withHeader("ETag", Applications::etag(app.version));
    if (status == 201)
        r.withHeader("Location", QByteArray("/api/v1/applications/") + app.id.toUtf8());
    return r;
}

void validateOrThrow(const ca::Application &app, ValidationPurpose purpose)
{
    const QList<ca::FieldError> errors = ApplicationValidator::validate(app, purpose);
    JsonBody::throwFields(Applications::toFieldErrors(errors));
}

Reply conflict(const Decision &d)
{
    return Reply::error(409, QStringLiteral("invalid_state"), d.reason);
}

QString filterWord(const Request &r, const char *name, const QStringList &allowed)
{
    const QString v = r.query.queryItemValue(QLatin1String(name), QUrl::FullyDecoded);
    if (!v.isEmpty() && !allowed.contains(v))
        throw HttpError(400, QStringLiteral("validation_failed"),
                        QCoreApplication::translate("ca::sandbox", "The filter %1 must be one of: %2.").arg(QLatin1String(name), allowed.join(QStringLiteral(", "))),
                        {{QLatin1String(name), QStringLiteral("invalid"),
                          QCoreApplication::translate("ca::sandbox", "The filter %1 must be one of: %2.").arg(QLatin1String(name), allowed.join(QStringLiteral(", ")))}});
    return v;
}

} // namespace

QJsonObject Applications::list(Context &ctx, const Request &r, qint64 organizationId)
{
    QString sql = QStringLiteral("SELECT id FROM applications WHERE 1 = 1");
    QVariantList binds;
    if (organizationId > 0) {
        sql += QStringLiteral(" AND organization_id = ?");
        binds << organizationId;
    }
    const struct {
        const char *param;
        const char *column;
        QStringList words;
    } filters[] = {
        {"review_status", "review_status", enumWords<ReviewStatus>()},
        {"payment_status", "payment_status", enumWords<PaymentStatus>()},
        {"handling_status", "handling_status", enumWords<HandlingStatus>()},
        {"kind", "kind", enumWords<ApplicationKind>()},
    };
    for (const auto &f : filters) {
        const QString v = filterWord(r, f.param, f.words);
        if (!v.isEmpty()) {
            sql += QStringLiteral(" AND %1 = ?").arg(QLatin1String(f.column));
            binds << v;
        }
    }
    const QString q = r.query.queryItemValue(QStringLiteral("q"), QUrl::FullyDecoded).trimmed();
    if (!q.isEmpty()) {
        sql += QStringLiteral(" AND (id LIKE ? ESCAPE '\\' OR json LIKE ? ESCAPE '\\')");
        QString esc = q;
        esc.replace(QLatin1Char('\\'), QStringLiteral("\\\\")).replace(QLatin1Char('%'), QStringLiteral("\\%")).replace(QLatin1Char('_'), QStringLiteral("\\_"));
        binds << QString(QLatin1Char('%') + esc + QLatin1Char('%')) << QString(QLatin1Char('%') + esc + QLatin1Char('%'));
    }
    sql += QStringLiteral(" ORDER BY created_at DESC, id DESC");
    QSqlQuery rows = Sql::exec(ctx.db(), sql, binds);
    QStringList ids;
    while (rows.next())
        ids << rows.value(0).toString();
    QJsonArray items;
    for (const QString &id : std::as_const(ids))
        if (const auto app = ApplicationStore::find(ctx, id))
            items.append(ApplicationStore::toJson(ctx, *app));
    return QJsonObject{{QStringLiteral("items"), items}};
}

QList<FieldError> Applications::toFieldErrors(const QList<ca::FieldError> &errors)
{
    QList<FieldError> out;
    for (const ca::FieldError &e : errors)
        out.append({e.path, e.path.startsWith(QLatin1String("attachments.")) ? QStringLiteral("missing") : QStringLiteral("invalid"), e.message});
    return out;
}

ca::Application Applications::parseBody(const QByteArray &body)
{
    if (body.trimmed().isEmpty())
        throw HttpError(400, QStringLiteral("malformed_json"), QCoreApplication::translate("ca::sandbox", "The request body is empty; send the application as a JSON object."));
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject())
        throw HttpError(400, QStringLiteral("malformed_json"),
                        QCoreApplication::translate("ca::sandbox", "The request body is not a valid JSON object; send the application as JSON."));
    const QJsonObject o = doc.object();
    QList<FieldError> errors;
    JsonBody::unknownKeys(o, kTopKeys, QString(), &errors);
    const struct {
        const char *key;
        const QStringList *keys;
    } nested[] = {{"organization", &kOrgKeys}, {"order", &kOrderKeys}, {"invoice", &kInvoiceKeys}, {"certificate", &kCertKeys}};
    for (const auto &n : nested) {
        const QJsonValue v = o.value(QLatin1String(n.key));
        if (v.isObject())
            JsonBody::unknownKeys(v.toObject(), *n.keys, QLatin1String(n.key) + QLatin1Char('.'), &errors);
    }
    // Server-owned parts are ignored; read only what the client may write.
    QJsonObject writable;
    for (const char *k : {"kind", "order", "invoice", "certificate"})
        if (o.contains(QLatin1String(k)))
            writable.insert(QLatin1String(k), o.value(QLatin1String(k)));
    const Parsed<ca::Application> p = ca::Application::fromJson(writable);
    for (const JsonIssue &i : p.issues)
        errors.append({i.path.isEmpty() ? QStringLiteral("body") : i.path, QStringLiteral("type"), i.message});
    JsonBody::throwFields(errors);
    return p.value;
}

int Applications::parseVersionTag(const QByteArray &value)
{
    QByteArray v = value.trimmed();
    if (v.startsWith("W/"))
        v = v.mid(2);
    if (v.size() >= 2 && v.startsWith('"') && v.endsWith('"'))
        v = v.mid(1, v.size() - 2);
    bool ok = false;
    const int n = v.toInt(&ok);
    return ok && n >= 0 ? n : -1;
}

QByteArray Applications::etag(int version)
{
    return '"' + QByteArray::number(version) + '"';
}

namespace {

class ApplicationsModule : public Module
{
public:
    QString name() const override { return QStringLiteral("applications"); }
    int order() const override { return 20; }

    void addMigrations(Context &context) override
    {
        context.addMigration(QStringLiteral("applications-001"), {
            QStringLiteral("CREATE TABLE applications (id TEXT PRIMARY KEY, organization_id INTEGER NOT NULL REFERENCES organizations(id), "
                           "version INTEGER NOT NULL, kind TEXT NOT NULL, review_status TEXT NOT NULL, payment_status TEXT NOT NULL, "
                           "handling_status TEXT NOT NULL, fee_fen INTEGER NOT NULL, json TEXT NOT NULL, created_at TEXT NOT NULL, "
                           "updated_at TEXT NOT NULL)"),
            QStringLiteral("CREATE INDEX applications_org ON applications(organization_id)"),
            QStringLiteral("CREATE TABLE approval_records (id INTEGER PRIMARY KEY, application_id TEXT NOT NULL, time TEXT NOT NULL, "
                           "actor TEXT NOT NULL, action TEXT NOT NULL, comment TEXT NOT NULL DEFAULT '')"),
            QStringLiteral("CREATE INDEX approval_records_app ON approval_records(application_id)"),
            QStringLiteral("CREATE TABLE idempotency_keys (account_id INTEGER NOT NULL, key TEXT NOT NULL, fingerprint TEXT NOT NULL, "
                           "status INTEGER NOT NULL, content_type TEXT NOT NULL, body BLOB, headers TEXT NOT NULL, created_at TEXT NOT NULL, "
                           "PRIMARY KEY (account_id, key))"),
            QStringLiteral("CREATE TABLE attachments (id TEXT PRIMARY KEY, application_id TEXT NOT NULL, category TEXT NOT NULL, "
                           "file_name TEXT NOT NULL, size INTEGER NOT NULL, sha256 TEXT NOT NULL, content_type TEXT NOT NULL, "
                           "stored_name TEXT NOT NULL, created_at TEXT NOT NULL)"),
            QStringLiteral("CREATE INDEX attachments_app ON attachments(application_id)"),
        });
    }

    void install(Context &context, SandboxServer &server) override
    {
        Context *ctx = &context;
        const QString base = QStringLiteral("/api/v1/applications");
        server.route(Method::Get, base, Access::User, [ctx](Request &r) {
            requireApplicant(r.account);
            return Reply::json(200, Applications::list(*ctx, r, r.account.organizationId));
        });
        // A create whose answer was lost is retried with the same Idempotency-Key
        // (the client's DraftSync sends one): the repeat replays the first reply.
        server.route(Method::Post, base, Access::User, [ctx](Request &r) {
            return Idempotency::run(*ctx, r, [&] { return create(*ctx, r); });
        });
        // Reading one application and its record is open to reviewers too.
        server.route(Method::Get, base + QStringLiteral("/{id}"), Access::User, [ctx](Request &r) {
            const StoredApplication app = ApplicationStore::require(*ctx, r.account, r.param(QStringLiteral("id")));
            const QByteArray inm = r.header("If-None-Match");
            if (!inm.isEmpty() && (inm.trimmed() == "*" || Applications::parseVersionTag(inm) == app.version))
                return Reply::empty(304).withHeader("ETag", Applications::etag(app.version));
            return appReply(*ctx, 200, app);
        });
        server.route(Method::Put, base + QStringLiteral("/{id}"), Access::User, [ctx](Request &r) { return update(*ctx, r); });
        server.route(Method::Delete, base + QStringLiteral("/{id}"), Access::User, [ctx](Request &r) { return remove(*ctx, r); });
        server.route(Method::Post, base + QStringLiteral("/{id}/submit"), Access::User, [ctx](Request &r) {
            requireApplicant(r.account);
            ApplicationStore::require(*ctx, r.account, r.param(QStringLiteral("id"))); // 404 before the key is looked at
            return Idempotency::run(*ctx, r, [&] { return submit(*ctx, r); });
        });
        server.route(Method::Get, base + QStringLiteral("/{id}/events"), Access::User, [ctx](Request &r) {
            const StoredApplication app = ApplicationStore::require(*ctx, r.account, r.param(QStringLiteral("id")));
            const QJsonObject json = ApplicationStore::toJson(*ctx, app);
            return Reply::json(200, QJsonObject{{QStringLiteral("items"), json.value(QStringLiteral("approval_records")).toArray()}});
        });
        server.route(Method::Post, base + QStringLiteral("/{id}/confirm-receipt"), Access::User, [ctx](Request &r) {
            requireApplicant(r.account);
            const StoredApplication stored = ApplicationStore::require(*ctx, r.account, r.param(QStringLiteral("id")));
            JsonBody::rejectUnknown(JsonBody::object(r, true), {QStringLiteral("comment")});
            ca::Application app = ApplicationStore::model(*ctx, stored);
            const Decision d = WorkflowRules::apply(Transition::Receive, app, ApplicationStore::workflow(*ctx));
            if (!d.allowed)
                return conflict(d);
            Fulfilment f = app.fulfilment.value_or(Fulfilment());
            f.receivedAt = ctx->now();
            app.fulfilment = f;
            ApplicationStore::save(*ctx, stored.id, app);
            ApplicationStore::addRecord(*ctx, stored.id, r.account.username, QStringLiteral("receive"), QString());
            return appReply(*ctx, 200, *ApplicationStore::find(*ctx, stored.id));
        });
    }

    static Reply create(Context &ctx, Request &r)
    {
        requireApplicant(r.account);
        ca::Application app = Applications::parseBody(r.body);
        app.organization = organizationOf(ctx, r.account);
        app = ApplicationValidator::normalized(app);
        validateOrThrow(app, ValidationPurpose::SaveDraft);
        Sql::Transaction tx(ctx.db());
        const QString id = newApplicationId(ctx);
        const QString now = ctx.nowIso();
        Sql::exec(ctx.db(), QStringLiteral("INSERT INTO applications (id, organization_id, version, kind, review_status, payment_status, "
                                           "handling_status, fee_fen, json, created_at, updated_at) VALUES (?, ?, 0, ?, 'draft', 'unpaid', 'none', 0, '{}', ?, ?)"),
                  {id, r.account.organizationId, enumWord(app.kind), now, now});
        app.reviewStatus = ReviewStatus::Draft;
        app.paymentStatus = PaymentStatus::Unpaid;
        app.handlingStatus = HandlingStatus::None;
        app.fulfilment.reset();
        ApplicationStore::save(ctx, id, app); // version 1
        ApplicationStore::addRecord(ctx, id, r.account.username, QStringLiteral("create"), QString());
        tx.commit();
        return appReply(ctx, 201, *ApplicationStore::find(ctx, id));
    }

    static Reply update(Context &ctx, Request &r)
    {
        requireApplicant(r.account);
        const StoredApplication stored = ApplicationStore::require(ctx, r.account, r.param(QStringLiteral("id")));
        const QByteArray ifMatch = r.header("If-Match");
        if (ifMatch.isEmpty())
            return Reply::error(428, QStringLiteral("precondition_required"),
                                QCoreApplication::translate("ca::sandbox", "Send the version you edited in the If-Match header, so that no change is overwritten."));
        const int version = ifMatch.trimmed() == "*" ? stored.version : Applications::parseVersionTag(ifMatch);
        if (version != stored.version) {
            QJsonObject body{{QStringLiteral("code"), QStringLiteral("version_conflict")},
                             {QStringLiteral("message"), QCoreApplication::translate("ca::sandbox", "The application was changed elsewhere (now version %1); "
                                                                                             "reload it and merge your changes.").arg(stored.version)},
                             {QStringLiteral("fields"), QJsonArray()},
                             {QStringLiteral("current_version"), stored.version},
                             {QStringLiteral("current"), ApplicationStore::toJson(ctx, stored)}};
            return Reply::json(409, body).withHeader("ETag", Applications::etag(stored.version));
        }
        ca::Application incoming = Applications::parseBody(r.body);
        ca::Application app = ApplicationStore::model(ctx, stored);
        const Workflow wf = ApplicationStore::workflow(ctx);
        Decision d = WorkflowRules::mayEdit(app, wf);
        if (!d.allowed)
            return conflict(d);
        if (incoming.kind != app.kind || incoming.order.quantity != app.order.quantity) {
            d = WorkflowRules::mayEditFeeFields(app, wf);
            if (!d.allowed)
                return conflict(d);
        }
        app.kind = incoming.kind;
        app.order = incoming.order;
        app.invoice = incoming.invoice;
        app.certificate = incoming.certificate;
        app.organization = organizationOf(ctx, r.account);
        app = ApplicationValidator::normalized(app);
        validateOrThrow(app, ValidationPurpose::SaveDraft);
        Sql::Transaction tx(ctx.db());
        ApplicationStore::save(ctx, stored.id, app);
        ApplicationStore::addRecord(ctx, stored.id, r.account.username, QStringLiteral("save"), QString());
        tx.commit();
        return appReply(ctx, 200, *ApplicationStore::find(ctx, stored.id));
    }

    static Reply remove(Context &ctx, Request &r)
    {
        requireApplicant(r.account);
        const StoredApplication stored = ApplicationStore::require(ctx, r.account, r.param(QStringLiteral("id")));
        const Decision d = WorkflowRules::mayDelete(ApplicationStore::model(ctx, stored), ApplicationStore::workflow(ctx));
        if (!d.allowed)
            return conflict(d);
        QStringList files;
        QSqlQuery q = Sql::exec(ctx.db(), QStringLiteral("SELECT stored_name FROM attachments WHERE application_id = ?"), {stored.id});
        while (q.next())
            files << q.value(0).toString();
        Sql::Transaction tx(ctx.db());
        Sql::exec(ctx.db(), QStringLiteral("DELETE FROM attachments WHERE application_id = ?"), {stored.id});
        Sql::exec(ctx.db(), QStringLiteral("DELETE FROM approval_records WHERE application_id = ?"), {stored.id});
        Sql::exec(ctx.db(), QStringLiteral("DELETE FROM applications WHERE id = ?"), {stored.id});
        tx.commit();
        for (const QString &f : std::as_const(files))
            QFile::remove(QDir(ctx.path(QStringLiteral("files"))).filePath(f));
        return Reply::empty(204);
    }

    static Reply submit(Context &ctx, Request &r)
    {
        const StoredApplication stored = ApplicationStore::require(ctx, r.account, r.param(QStringLiteral("id")));
        const QJsonObject body = JsonBody::object(r, true);
        JsonBody::rejectUnknown(body, {QStringLiteral("comment")});
        const QString comment = JsonBody::string(body, QStringLiteral("comment"), false).trimmed();
        if (comment.size() > 500)
            JsonBody::throwFields({{QStringLiteral("comment"), QStringLiteral("invalid"), QCoreApplication::translate("ca::sandbox", "Keep the comment under 500 characters.")}});
        ca::Application app = ApplicationStore::model(ctx, stored);
        const Workflow wf = ApplicationStore::workflow(ctx);
        const Decision may = WorkflowRules::maySubmit(app, wf);
        if (!may.allowed)
            return conflict(may);
        validateOrThrow(app, ValidationPurpose::Submit);
        const Decision d = WorkflowRules::apply(Transition::Submit, app, wf);
        if (!d.allowed)
            return conflict(d);
        Sql::Transaction tx(ctx.db());
        ApplicationStore::save(ctx, stored.id, app);
        ApplicationStore::addRecord(ctx, stored.id, r.account.username, QStringLiteral("submit"), comment);
        tx.commit();
        return appReply(ctx, 200, *ApplicationStore::find(ctx, stored.id));
    }
};

} // namespace

CA_SANDBOX_MODULE(ApplicationsModule)

} // namespace ca::sandbox
