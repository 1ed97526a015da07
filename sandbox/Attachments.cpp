#include "Attachments.h"

#include "ApplicationStore.h"
#include "Context.h"
#include "Idempotency.h"
#include "Module.h"
#include "Multipart.h"
#include "SandboxServer.h"
#include "Sql.h"

#include "core/workflow/WorkflowRules.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QSaveFile>
#include <QUuid>

namespace ca::sandbox {

QByteArray Attachments::sniff(const QByteArray &data)
{
    if (data.startsWith("\xFF\xD8\xFF"))
        return "image/jpeg";
    if (data.startsWith("\x89PNG\r\n\x1A\n"))
        return "image/png";
    if (data.startsWith("%PDF-"))
        return "application/pdf";
    return {};
}

QString Attachments::safeFileName(const QString &name)
{
    const QString n = name.trimmed();
    if (n.isEmpty() || n.size() > 200 || n == QLatin1String(".") || n.contains(QLatin1String("..")))
        return {};
    for (const QChar c : n) {
        if (c == QLatin1Char('/') || c == QLatin1Char('\\') || c == QLatin1Char(':') || c.unicode() < 0x20 || c.unicode() == 0x7f)
            return {};
    }
    return n;
}

namespace {

QString filesDir(Context &ctx)
{
    return ctx.path(QStringLiteral("files"));
}

QJsonObject attachmentJson(const QSqlQuery &q)
{
    return QJsonObject{{QStringLiteral("id"), q.value(0).toString()},
                       {QStringLiteral("category"), q.value(1).toString()},
                       {QStringLiteral("file_name"), q.value(2).toString()},
                       {QStringLiteral("size"), double(q.value(3).toLongLong())},
                       {QStringLiteral("sha256"), q.value(4).toString()},
                       {QStringLiteral("content_type"), q.value(5).toString()},
                       {QStringLiteral("state"), QStringLiteral("uploaded")}};
}

// Reviewers may list and download (to review) but not change an applicant's files.
void requireApplicant(const Account &account)
{
    if (account.isReviewer())
        throw HttpError(403, QStringLiteral("forbidden"), QCoreApplication::translate("ca::sandbox", "Only the applicant organisation may change its attachments."));
}

const char kColumns[] = "SELECT id, category, file_name, size, sha256, content_type, stored_name FROM attachments";

Reply badUpload(const QString &field, const QString &code, const QString &message, int status = 400)
{
    return Reply::error(status, status == 400 ? QStringLiteral("validation_failed") : code, message, {{field, code, message}});
}

Reply upload(Context &ctx, Request &r)
{
    const StoredApplication stored = ApplicationStore::require(ctx, r.account, r.param(QStringLiteral("id")));
    const QByteArray boundary = Multipart::boundary(r.header("Content-Type"));
    if (boundary.isEmpty())
        return Reply::error(415, QStringLiteral("unsupported_media_type"),
                            QCoreApplication::translate("ca::sandbox", "Send the attachment as multipart/form-data with the fields category and file."));
    QString why;
    const auto parts = Multipart::parse(r.body, boundary, &why);
    if (!parts)
        return Reply::error(400, QStringLiteral("malformed_multipart"),
                            QCoreApplication::translate("ca::sandbox", "The multipart body is broken (%1); send it again.").arg(why));
    QString category;
    const Multipart::Part *file = nullptr;
    QList<FieldError> errors;
    for (const Multipart::Part &p : *parts) {
        if (p.name == QLatin1String("category"))
            category = QString::fromUtf8(p.data).trimmed();
        else if (p.name == QLatin1String("file"))
            file = &p;
        else
            errors.append({p.name, QStringLiteral("unknown"), QCoreApplication::translate("ca::sandbox", "The form field %1 is not known; send only category and file.").arg(p.name.left(40))});
    }
    if (!enumFromWord<AttachmentCategory>(category))
        errors.append({QStringLiteral("category"), category.isEmpty() ? QStringLiteral("required") : QStringLiteral("invalid"),
                       QCoreApplication::translate("ca::sandbox", "Choose the attachment category: one of %1.").arg(enumWords<AttachmentCategory>().join(QStringLiteral(", ")))});
    if (!file)
        errors.append({QStringLiteral("file"), QStringLiteral("required"), QCoreApplication::translate("ca::sandbox", "Choose the file to upload.")});
    if (!errors.isEmpty())
        return Reply::error(400, QStringLiteral("validation_failed"), errors.first().message, errors);
    const QString name = Attachments::safeFileName(file->fileName);
    if (name.isEmpty())
        return badUpload(QStringLiteral("file"), QStringLiteral("invalid_name"),
                         QCoreApplication::translate("ca::sandbox", "The file name is not allowed (no folders, \"..\" or control characters); rename the file and upload it again."));
    if (file->data.size() > ctx.config.maxUploadBytes)
        return Reply::error(413, QStringLiteral("too_large"),
                            QCoreApplication::translate("ca::sandbox", "The file is larger than %1 MB; scan it at a lower resolution or compress it and upload it again.")
                                .arg(ctx.config.maxUploadBytes / (1024 * 1024)),
                            {{QStringLiteral("file"), QStringLiteral("too_large"), QCoreApplication::translate("ca::sandbox", "The file is too large.")}});
    if (file->data.isEmpty())
        return badUpload(QStringLiteral("file"), QStringLiteral("empty"), QCoreApplication::translate("ca::sandbox", "The file is empty; choose the scanned file again."));
    const QByteArray type = Attachments::sniff(file->data);
    if (type.isEmpty())
        return Reply::error(415, QStringLiteral("unsupported_type"),
                            QCoreApplication::translate("ca::sandbox", "The file is not a JPEG, PNG or PDF document; upload a scan in one of these formats."),
                            {{QStringLiteral("file"), QStringLiteral("unsupported_type"), QCoreApplication::translate("ca::sandbox", "The file is not a JPEG, PNG or PDF document.")}});
    const Decision d = WorkflowRules::mayUploadAttachments(ApplicationStore::model(ctx, stored), ApplicationStore::workflow(ctx));
    if (!d.allowed)
        return Reply::error(409, QStringLiteral("invalid_state"), d.reason);

    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString storedName = QUuid::createUuid().toString(QUuid::WithoutBraces);
    QDir().mkpath(filesDir(ctx));
    QSaveFile out(QDir(filesDir(ctx)).filePath(storedName));
    if (!out.open(QIODevice::WriteOnly) || out.write(file->data) != file->data.size() || !out.commit())
        return Reply::error(500, QStringLiteral("internal"), QCoreApplication::translate("ca::sandbox", "The server could not store the file. Try again later."));
    const QString sha = QString::fromLatin1(QCryptographicHash::hash(file->data, QCryptographicHash::Sha256).toHex());
    Sql::exec(ctx.db(), QStringLiteral("INSERT INTO attachments (id, application_id, category, file_name, size, sha256, content_type, stored_name, created_at) "
                                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
              {id, stored.id, category, name, qint64(file->data.size()), sha, QString::fromLatin1(type), storedName, ctx.nowIso()});
    Sql::exec(ctx.db(), QStringLiteral("UPDATE applications SET version = version + 1, updated_at = ? WHERE id = ?"), {ctx.nowIso(), stored.id});
    QSqlQuery q = Sql::exec(ctx.db(), QLatin1String(kColumns) + QStringLiteral(" WHERE id = ?"), {id});
    q.next();
    return Reply::json(201, attachmentJson(q))
        .withHeader("Location", QByteArray("/api/v1/applications/") + stored.id.toUtf8() + "/attachments/" + id.toUtf8());
}

class AttachmentsModule : public Module
{
public:
    QString name() const override { return QStringLiteral("attachments"); }
    int order() const override { return 30; }

    void install(Context &context, SandboxServer &server) override
    {
        Context *ctx = &context;
        const QString base = QStringLiteral("/api/v1/applications/{id}/attachments");
        server.route(Method::Get, base, Access::User, [ctx](Request &r) {
            const StoredApplication app = ApplicationStore::require(*ctx, r.account, r.param(QStringLiteral("id")));
            QSqlQuery q = Sql::exec(ctx->db(), QLatin1String(kColumns) + QStringLiteral(" WHERE application_id = ? ORDER BY created_at, rowid"), {app.id});
            QJsonArray items;
            while (q.next())
                items.append(attachmentJson(q));
            return Reply::json(200, QJsonObject{{QStringLiteral("items"), items}});
        });
        server.route(Method::Post, base, Access::User, [ctx](Request &r) {
            requireApplicant(r.account);
            ApplicationStore::require(*ctx, r.account, r.param(QStringLiteral("id")));
            return Idempotency::run(*ctx, r, [&] { return upload(*ctx, r); });
        });
        server.route(Method::Get, base + QStringLiteral("/{attachment_id}"), Access::User, [ctx](Request &r) {
            const StoredApplication app = ApplicationStore::require(*ctx, r.account, r.param(QStringLiteral("id")));
            QSqlQuery q = Sql::exec(ctx->db(), QLatin1String(kColumns) + QStringLiteral(" WHERE id = ? AND application_id = ?"),
                                    {r.param(QStringLiteral("attachment_id")), app.id});
            if (!q.next())
                return Reply::error(404, QStringLiteral("not_found"), QCoreApplication::translate("ca::sandbox", "This attachment does not exist; reload the list of attachments."));
            QFile f(QDir(ctx->path(QStringLiteral("files"))).filePath(q.value(6).toString()));
            if (!f.open(QIODevice::ReadOnly))
                return Reply::error(500, QStringLiteral("internal"), QCoreApplication::translate("ca::sandbox", "The server could not read the stored file. Try again later."));
            QString ascii = q.value(2).toString();
            for (QChar &c : ascii)
                if (c.unicode() > 0x7e || c == QLatin1Char('"') || c.unicode() < 0x20)
                    c = QLatin1Char('_');
            return Reply::bytes(200, f.readAll(), q.value(5).toString().toLatin1())
                .withHeader("Content-Disposition", "attachment; filename=\"" + ascii.toLatin1() + "\"; filename*=UTF-8''"
                                + QUrl::toPercentEncoding(q.value(2).toString()))
                .withHeader("ETag", '"' + q.value(4).toString().toLatin1() + '"');
        });
        server.route(Method::Delete, base + QStringLiteral("/{attachment_id}"), Access::User, [ctx](Request &r) {
            requireApplicant(r.account);
            const StoredApplication app = ApplicationStore::require(*ctx, r.account, r.param(QStringLiteral("id")));
            QSqlQuery q = Sql::exec(ctx->db(), QLatin1String(kColumns) + QStringLiteral(" WHERE id = ? AND application_id = ?"),
                                    {r.param(QStringLiteral("attachment_id")), app.id});
            if (!q.next())
                return Reply::error(404, QStringLiteral("not_found"), QCoreApplication::translate("ca::sandbox", "This attachment does not exist; reload the list of attachments."));
            const Decision d = WorkflowRules::mayUploadAttachments(ApplicationStore::model(*ctx, app), ApplicationStore::workflow(*ctx));
            if (!d.allowed)
                return Reply::error(409, QStringLiteral("invalid_state"), d.reason);
            const QString storedName = q.value(6).toString();
            Sql::exec(ctx->db(), QStringLiteral("DELETE FROM attachments WHERE id = ?"), {q.value(0).toString()});
            Sql::exec(ctx->db(), QStringLiteral("UPDATE applications SET version = version + 1, updated_at = ? WHERE id = ?"), {ctx->nowIso(), app.id});
            QFile::remove(QDir(ctx->path(QStringLiteral("files"))).filePath(storedName));
            return Reply::empty(204);
        });
    }
};

} // namespace

CA_SANDBOX_MODULE(AttachmentsModule)

} // namespace ca::sandbox
