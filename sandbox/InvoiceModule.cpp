// GET /api/v1/applications/{id}/invoice (owner, after payment) and
// GET /api/v1/templates/{name} (any signed-in account): application/pdf.
#include "ApplicationStore.h"
#include "Context.h"
#include "Invoice.h"
#include "Module.h"
#include "Reply.h"
#include "SandboxServer.h"
#include "Templates.h"

namespace ca::sandbox {

namespace {

class InvoiceModule : public Module
{
public:
    QString name() const override { return QStringLiteral("invoice"); }
    int order() const override { return 140; }

    void install(Context &context, SandboxServer &server) override
    {
        Context *ctx = &context;
        server.route(Method::Get, QStringLiteral("/api/v1/applications/{id}/invoice"), Access::User, [ctx](Request &r) {
            const StoredApplication app = ApplicationStore::require(*ctx, r.account, r.param(QStringLiteral("id")));
            const QByteArray pdf = Invoice::pdf(*ctx, app);
            return Reply::bytes(200, pdf, "application/pdf")
                .withHeader("Content-Disposition", QByteArray("attachment; filename=\"invoice-") + app.id.toLatin1() + ".pdf\"");
        });
        server.route(Method::Get, QStringLiteral("/api/v1/templates/{name}"), Access::User, [ctx](Request &r) {
            const QString name = r.param(QStringLiteral("name"));
            const QByteArray pdf = Templates::pdf(*ctx, name);
            return Reply::bytes(200, pdf, "application/pdf")
                .withHeader("Content-Disposition", QByteArray("attachment; filename=\"") + name.toLatin1() + ".pdf\"");
        });
    }
};

} // namespace

CA_SANDBOX_MODULE(InvoiceModule)

} // namespace ca::sandbox
