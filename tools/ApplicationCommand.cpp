// ca-tool application: the headless twin of the applicant UI, on the same core
// (PlatformClient, AttachmentUpload, PaymentController, StatusPoller, LocalStore).
#include "tools/Commands.h"
#include "tools/PlatformLogin.h"
#include "tools/Terminal.h"

#include "core/platform/AttachmentUpload.h"
#include "core/platform/PaymentController.h"
#include "core/platform/PlatformClient.h"
#include "core/platform/StatusPoller.h"
#include "core/store/LocalStore.h"

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTextStream>
#include <QTimer>

#include <memory>

namespace ca::tool {

namespace {

const char *const kUsage =
    "Usage: ca-tool application <subcommand> [options] [arguments]\n"
    "\n"
    "Subcommands:\n"
    "  list                                   the unit's applications\n"
    "  show ID                                one application\n"
    "  create --from FILE.json                create an application (prints it, with id)\n"
    "  update ID --from FILE.json             save changes (If-Match: the file's version, else the current one)\n"
    "  delete ID                              delete a draft\n"
    "  attach ID CATEGORY FILE                upload a scan (PDF, JPEG, PNG; photos over the limit are compressed)\n"
    "  pay ID --channel bank|alipay|wechat    open a payment order (prints the pay URL, or the QR code for wechat)\n"
    "  status ID [--wait [--timeout S]]       review, payment and handling status (--wait: until one changes)\n"
    "  submit ID --comment TEXT               submit for review\n"
    "  events ID                              the approval record\n"
    "  confirm-receipt ID                     confirm the key arrived\n"
    "  invoice ID -o FILE.pdf                 download the e-invoice\n"
    "  template NAME -o FILE                  download application_form or authorization_letter\n"
    "\n"
    "Options (before or after the arguments):\n"
    "  --server URL          platform address, e.g. https://platform.example:8443\n"
    "  --ca-bundle FILE      also trust the CA certificates in FILE (PEM)\n"
    "  --user NAME           account name\n"
    "  --password-file FILE  read the password from the first line of FILE\n"
    "                        (otherwise it is asked on the terminal; never from arguments or the environment)\n"
    "  --store PATH          local store for payment and upload keys (default: the application data folder)\n"
    "  --json                machine-readable output\n"
    "\n"
    "Exit codes: 0 ok, 1 refused by the server or invalid, 2 usage, 3 network or TLS failure.\n";

class ApplicationCommand
{
    Q_DECLARE_TR_FUNCTIONS(ApplicationCommand)
public:
    explicit ApplicationCommand(Io io) : m_io(io) {}
    int run(const QStringList &args);

private:
    bool parse(const QStringList &args);
    int usage(const QString &message);
    int fail(const PlatformError &error);
    int failText(const QString &message, int code = ExitRefused);
    bool connectAndLogin(int *exitCode);
    LocalStore *store(int *exitCode);
    PlatformCall *wait(PlatformCall *call);
    void printJson(const QJsonValue &value);
    bool needArgs(int n);
    bool readJsonFile(const QString &path, QJsonObject *object, int *exitCode);
    void printApplication(const QJsonObject &app);

    int list();
    int show();
    int create();
    int update();
    int remove();
    int attach();
    int pay();
    int status();
    int submit();
    int events();
    int confirmReceipt();
    int invoice();
    int templ();

    Io m_io;
    QString m_sub;
    QStringList m_pos;
    PlatformLogin m_login; // --server, --ca-bundle, --user, --password-file
    QString m_storePath, m_from, m_channel, m_comment, m_output;
    bool m_json = false;
    bool m_wait = false;
    int m_timeout = 0;
    bool m_help = false;
    std::unique_ptr<PlatformClient> m_client;
    std::unique_ptr<LocalStore> m_store;
};

bool ApplicationCommand::parse(const QStringList &args)
{
    const QStringList valued{QStringLiteral("--server"), QStringLiteral("--ca-bundle"), QStringLiteral("--user"),
                             QStringLiteral("--password-file"), QStringLiteral("--store"), QStringLiteral("--from"),
                             QStringLiteral("--channel"), QStringLiteral("--comment"), QStringLiteral("-o"),
                             QStringLiteral("--output"), QStringLiteral("--timeout")};
    QStringList positional;
    for (int i = 0; i < args.size(); ++i) {
        QString a = args.at(i);
        QString value;
        bool hasInline = false;
        if (a.startsWith(QLatin1String("--")) && a.contains(QLatin1Char('='))) {
            value = a.mid(a.indexOf(QLatin1Char('=')) + 1);
            a = a.left(a.indexOf(QLatin1Char('=')));
            hasInline = true;
        }
        if (a == QLatin1String("--help") || a == QLatin1String("-h")) {
            m_help = true;
        } else if (a == QLatin1String("--json")) {
            m_json = true;
        } else if (a == QLatin1String("--wait")) {
            m_wait = true;
        } else if (a == QLatin1String("--password")) {
            m_io.err << tr("ca-tool: a password is never taken from the command line; use --password-file FILE or type it when asked.") << '\n';
            return false;
        } else if (valued.contains(a)) {
            if (!hasInline) {
                if (i + 1 >= args.size()) {
                    m_io.err << tr("ca-tool: the option %1 needs a value.").arg(a) << '\n';
                    return false;
                }
                value = args.at(++i);
            }
            if (m_login.takeOption(a, value))
                continue;
            if (a == QLatin1String("--store")) m_storePath = value;
            else if (a == QLatin1String("--from")) m_from = value;
            else if (a == QLatin1String("--channel")) m_channel = value;
            else if (a == QLatin1String("--comment")) m_comment = value;
            else if (a == QLatin1String("-o") || a == QLatin1String("--output")) m_output = value;
            else if (a == QLatin1String("--timeout")) {
                bool ok = false;
                m_timeout = value.toInt(&ok);
                if (!ok || m_timeout <= 0) {
                    m_io.err << tr("ca-tool: --timeout needs a number of seconds greater than 0.") << '\n';
                    return false;
                }
            }
        } else if (a.startsWith(QLatin1Char('-')) && a.size() > 1) {
            m_io.err << tr("ca-tool: unknown option %1.").arg(a) << '\n';
            return false;
        } else {
            positional << args.at(i);
        }
    }
    if (!positional.isEmpty())
        m_sub = positional.takeFirst();
    m_pos = positional;
    return true;
}

int ApplicationCommand::usage(const QString &message)
{
    if (!message.isEmpty())
        m_io.err << "ca-tool: " << message << "\n\n";
    m_io.err << kUsage;
    return ExitUsage;
}

int ApplicationCommand::fail(const PlatformError &error)
{
    if (!m_json)
        return reportPlatformError(error, m_io.err);
    QJsonArray fields;
    for (const PlatformFieldError &f : error.fields)
        fields.append(QJsonObject{{QStringLiteral("field"), f.field}, {QStringLiteral("code"), f.code}, {QStringLiteral("message"), f.message}});
    QJsonObject o{{QStringLiteral("error"), error.kindName()},
                  {QStringLiteral("http_status"), error.httpStatus},
                  {QStringLiteral("code"), error.serverCode},
                  {QStringLiteral("request_id"), error.requestId},
                  {QStringLiteral("message"), error.userMessage},
                  {QStringLiteral("fields"), fields}};
    m_io.err << QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)) << '\n';
    m_io.err.flush();
    return error.kind == PlatformError::Kind::Network || error.kind == PlatformError::Kind::Tls
            || error.kind == PlatformError::Kind::Cancelled
        ? ExitNetwork : ExitRefused;
}

int ApplicationCommand::failText(const QString &message, int code)
{
    m_io.err << "ca-tool: " << message << '\n';
    return code;
}

PlatformCall *ApplicationCommand::wait(PlatformCall *call)
{
    call->setParent(m_client.get()); // freed with the client
    call->waitForFinished();
    return call;
}

void ApplicationCommand::printJson(const QJsonValue &value)
{
    const QJsonDocument doc = value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
    m_io.out << QString::fromUtf8(doc.toJson(QJsonDocument::Indented));
    m_io.out.flush();
}

bool ApplicationCommand::needArgs(int n)
{
    return m_pos.size() == n;
}

bool ApplicationCommand::connectAndLogin(int *exitCode)
{
    // ca-tool cannot ask again in the middle of a command: a 401 later ends it.
    m_client = m_login.connect(m_io.err, exitCode);
    return m_client != nullptr;
}

LocalStore *ApplicationCommand::store(int *exitCode)
{
    if (m_store)
        return m_store.get();
    auto s = std::make_unique<LocalStore>();
    const QString path = m_storePath.isEmpty() ? LocalStore::defaultPath() : m_storePath;
    if (m_storePath.isEmpty())
        QDir().mkpath(QFileInfo(path).absolutePath());
    const StoreStatus st = s->open(path);
    if (!st) {
        *exitCode = failText(st.error().message);
        return nullptr;
    }
    m_store = std::move(s);
    return m_store.get();
}

bool ApplicationCommand::readJsonFile(const QString &path, QJsonObject *object, int *exitCode)
{
    if (path.isEmpty()) {
        *exitCode = usage(tr("give the application file with --from FILE.json."));
        return false;
    }
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *exitCode = failText(tr("The file %1 cannot be read: %2.").arg(path, f.errorString()), ExitUsage);
        return false;
    }
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject()) {
        *exitCode = failText(tr("The file %1 is not a JSON object (%2). Check its syntax.").arg(path, pe.errorString()));
        return false;
    }
    *object = doc.object();
    return true;
}

void ApplicationCommand::printApplication(const QJsonObject &app)
{
    if (m_json) {
        printJson(app);
        return;
    }
    m_io.out << tr("Application %1 (%2), version %3").arg(app.value(QStringLiteral("id")).toString(),
                                                           app.value(QStringLiteral("kind")).toString())
                    .arg(app.value(QStringLiteral("version")).toInteger())
             << '\n';
    m_io.out << tr("  organization: %1").arg(app.value(QStringLiteral("organization")).toObject().value(QStringLiteral("name")).toString()) << '\n';
    m_io.out << tr("  fee: %1 yuan").arg(app.value(QStringLiteral("fee")).toString()) << '\n';
    m_io.out << tr("  review: %1, payment: %2, handling: %3")
                    .arg(app.value(QStringLiteral("review_status")).toString(), app.value(QStringLiteral("payment_status")).toString(),
                         app.value(QStringLiteral("handling_status")).toString())
             << '\n';
    const QJsonArray atts = app.value(QStringLiteral("attachments")).toArray();
    for (const QJsonValue &v : atts) {
        const QJsonObject a = v.toObject();
        m_io.out << tr("  attachment %1: %2 (%3 bytes)").arg(a.value(QStringLiteral("category")).toString(),
                                                              a.value(QStringLiteral("file_name")).toString())
                        .arg(a.value(QStringLiteral("size")).toInteger())
                 << '\n';
    }
    m_io.out.flush();
}

int ApplicationCommand::run(const QStringList &args)
{
    if (!parse(args))
        return ExitUsage;
    if (m_help) {
        m_io.out << kUsage;
        return ExitOk;
    }
    using Fn = int (ApplicationCommand::*)();
    struct Sub {
        const char *name;
        int args;
        Fn fn;
    };
    const Sub subs[] = {
        {"list", 0, &ApplicationCommand::list},           {"show", 1, &ApplicationCommand::show},
        {"create", 0, &ApplicationCommand::create},       {"update", 1, &ApplicationCommand::update},
        {"delete", 1, &ApplicationCommand::remove},       {"attach", 3, &ApplicationCommand::attach},
        {"pay", 1, &ApplicationCommand::pay},             {"status", 1, &ApplicationCommand::status},
        {"submit", 1, &ApplicationCommand::submit},       {"events", 1, &ApplicationCommand::events},
        {"confirm-receipt", 1, &ApplicationCommand::confirmReceipt},
        {"invoice", 1, &ApplicationCommand::invoice},     {"template", 1, &ApplicationCommand::templ},
    };
    if (m_sub.isEmpty())
        return usage(tr("name a subcommand."));
    for (const Sub &s : subs) {
        if (m_sub != QLatin1String(s.name))
            continue;
        if (!needArgs(s.args))
            return usage(tr("'%1' takes %n argument(s).", nullptr, s.args).arg(m_sub));
        if (m_sub == QLatin1String("pay") && m_channel != QLatin1String("bank") && m_channel != QLatin1String("alipay")
            && m_channel != QLatin1String("wechat"))
            return usage(tr("pay needs --channel bank, alipay or wechat."));
        if (m_sub == QLatin1String("submit") && m_comment.trimmed().isEmpty())
            return usage(tr("submit needs --comment TEXT (the opinion shown to the reviewer)."));
        if ((m_sub == QLatin1String("invoice") || m_sub == QLatin1String("template")) && m_output.isEmpty())
            return usage(tr("'%1' needs -o FILE.").arg(m_sub));
        if ((m_sub == QLatin1String("create") || m_sub == QLatin1String("update")) && m_from.isEmpty())
            return usage(tr("'%1' needs --from FILE.json.").arg(m_sub));
        if (m_sub != QLatin1String("status") && (m_wait || m_timeout > 0))
            return usage(tr("--wait and --timeout belong to 'status'."));
        if (m_timeout > 0 && !m_wait)
            return usage(tr("--timeout needs --wait."));
        int code = ExitOk;
        if (!connectAndLogin(&code))
            return code;
        code = (this->*s.fn)();
        wait(m_client->logout()); // end the session on the server; the token never outlives the command
        return code;
    }
    return usage(tr("unknown subcommand '%1'.").arg(m_sub));
}

int ApplicationCommand::list()
{
    PlatformCall *c = wait(m_client->listApplications());
    if (!c->ok())
        return fail(c->error());
    const QJsonArray items = c->json().value(QStringLiteral("items")).toArray();
    if (m_json) {
        printJson(c->json());
        return ExitOk;
    }
    for (const QJsonValue &v : items) {
        const QJsonObject a = v.toObject();
        m_io.out << a.value(QStringLiteral("id")).toString() << '\t' << a.value(QStringLiteral("kind")).toString() << '\t'
                 << a.value(QStringLiteral("review_status")).toString() << '\t' << a.value(QStringLiteral("payment_status")).toString()
                 << '\t' << a.value(QStringLiteral("handling_status")).toString() << '\t' << a.value(QStringLiteral("fee")).toString() << '\n';
    }
    if (items.isEmpty())
        m_io.out << tr("No applications.") << '\n';
    return ExitOk;
}

int ApplicationCommand::show()
{
    PlatformCall *c = wait(m_client->application(m_pos.at(0)));
    if (!c->ok())
        return fail(c->error());
    printApplication(c->json());
    return ExitOk;
}

int ApplicationCommand::create()
{
    QJsonObject app;
    int code = ExitOk;
    if (!readJsonFile(m_from, &app, &code))
        return code;
    PlatformCall *c = wait(m_client->createApplication(app));
    if (!c->ok())
        return fail(c->error());
    if (m_json)
        printJson(c->json());
    else
        m_io.out << tr("Created application %1.").arg(c->json().value(QStringLiteral("id")).toString()) << '\n';
    return ExitOk;
}

int ApplicationCommand::update()
{
    QJsonObject app;
    int code = ExitOk;
    if (!readJsonFile(m_from, &app, &code))
        return code;
    qint64 version = app.value(QStringLiteral("version")).toInteger(0);
    if (version <= 0) {
        PlatformCall *cur = wait(m_client->application(m_pos.at(0)));
        if (!cur->ok())
            return fail(cur->error());
        version = cur->json().value(QStringLiteral("version")).toInteger();
    }
    PlatformCall *c = wait(m_client->updateApplication(m_pos.at(0), app, version));
    if (!c->ok())
        return fail(c->error());
    if (m_json)
        printJson(c->json());
    else
        m_io.out << tr("Saved application %1 (version %2).").arg(m_pos.at(0)).arg(c->json().value(QStringLiteral("version")).toInteger()) << '\n';
    return ExitOk;
}

int ApplicationCommand::remove()
{
    PlatformCall *c = wait(m_client->deleteApplication(m_pos.at(0)));
    if (!c->ok())
        return fail(c->error());
    if (m_json)
        printJson(QJsonObject{{QStringLiteral("id"), m_pos.at(0)}, {QStringLiteral("deleted"), true}});
    else
        m_io.out << tr("Deleted application %1.").arg(m_pos.at(0)) << '\n';
    return ExitOk;
}

int ApplicationCommand::attach()
{
    int code = ExitOk;
    LocalStore *s = store(&code);
    if (!s)
        return code;
    AttachmentUpload upload(m_client.get(), m_pos.at(0), m_pos.at(1), m_pos.at(2));
    upload.setStore(s);
    upload.start();
    upload.waitForFinished();
    if (!upload.ok())
        return fail(upload.error());
    if (upload.wasCompressed())
        m_io.err << upload.compressionNotice() << '\n';
    if (m_json) {
        QJsonObject o = upload.attachment();
        o.insert(QStringLiteral("compressed"), upload.wasCompressed());
        printJson(o);
    } else {
        m_io.out << tr("Uploaded %1 as attachment %2 (%3 bytes, sha256 %4).")
                        .arg(upload.prepared().fileName, upload.attachment().value(QStringLiteral("id")).toString())
                        .arg(upload.prepared().size)
                        .arg(upload.prepared().sha256)
                 << '\n';
    }
    return ExitOk;
}

int ApplicationCommand::pay()
{
    int code = ExitOk;
    LocalStore *s = store(&code);
    if (!s)
        return code;
    PaymentController pc(m_client.get(), s);
    pc.setOpensCashier(false); // ca-tool prints the address instead
    QEventLoop loop;
    PlatformError error;
    bool answered = false;
    QObject::connect(&pc, &PaymentController::orderChanged, &loop, [&] {
        answered = true;
        loop.quit();
    });
    QObject::connect(&pc, &PaymentController::failed, &loop, [&](const PlatformError &e) {
        error = e;
        loop.quit();
    });
    pc.pay(m_pos.at(0), m_channel); // the platform's answer always arrives later (never inside pay())
    if (!answered && !error.isError())
        loop.exec();
    pc.stop();
    if (error.isError())
        return fail(error);
    const QJsonObject order = pc.order();
    if (m_json) {
        printJson(order);
        return ExitOk;
    }
    m_io.out << tr("Order %1: %2 yuan by %3, status %4, expires at %5.")
                    .arg(order.value(QStringLiteral("order_no")).toString(), order.value(QStringLiteral("amount")).toString(),
                         order.value(QStringLiteral("channel")).toString(), order.value(QStringLiteral("status")).toString(),
                         order.value(QStringLiteral("expires_at")).toString())
             << '\n';
    if (m_channel == QLatin1String("wechat") && !pc.qr().isNull()) {
        m_io.out << tr("Scan this code with WeChat within %n second(s):", nullptr, pc.secondsLeft()) << '\n';
        m_io.out << PaymentQr::toText(pc.qr());
    }
    m_io.out << tr("Pay at: %1").arg(order.value(QStringLiteral("pay_url")).toString()) << '\n';
    return ExitOk;
}

int ApplicationCommand::status()
{
    const QString id = m_pos.at(0);
    StatusPoller poller(m_client.get(), id);
    poller.setIntervals(std::chrono::seconds(2), std::chrono::seconds(30));
    QEventLoop loop;
    PlatformError error;
    QList<StatusChange> changes;
    bool first = true;
    QObject::connect(&poller, &StatusPoller::applicationChanged, &loop, [&](const QJsonObject &) {
        if (first) {
            first = false;
            if (!m_wait)
                loop.quit();
        }
    });
    QObject::connect(&poller, &StatusPoller::statusChanged, &loop, [&](const QString &, const QList<StatusChange> &c) {
        changes = c;
        loop.quit();
    });
    QObject::connect(&poller, &StatusPoller::pollFailed, &loop, [&](const PlatformError &e) {
        if (e.kind != PlatformError::Kind::Network || !m_wait) { // a network hiccup while waiting: keep waiting
            error = e;
            loop.quit();
        }
    });
    bool timedOut = false;
    QTimer timeout;
    timeout.setSingleShot(true);
    QObject::connect(&timeout, &QTimer::timeout, &loop, [&] {
        timedOut = true;
        loop.quit();
    });
    if (m_wait && m_timeout > 0)
        timeout.start(m_timeout * 1000);
    poller.start();
    loop.exec();
    poller.stop();
    if (error.isError())
        return fail(error);
    const QJsonObject app = poller.application();
    QJsonObject o{{QStringLiteral("id"), id},
                  {QStringLiteral("version"), app.value(QStringLiteral("version"))},
                  {QStringLiteral("review_status"), app.value(QStringLiteral("review_status"))},
                  {QStringLiteral("payment_status"), app.value(QStringLiteral("payment_status"))},
                  {QStringLiteral("handling_status"), app.value(QStringLiteral("handling_status"))}};
    QJsonArray changed;
    for (const StatusChange &c : std::as_const(changes))
        changed.append(QJsonObject{{QStringLiteral("key"), c.key}, {QStringLiteral("from"), c.from}, {QStringLiteral("to"), c.to}});
    if (m_wait) {
        o.insert(QStringLiteral("changes"), changed);
        o.insert(QStringLiteral("timed_out"), timedOut);
    }
    if (m_json) {
        printJson(o);
    } else {
        for (const StatusChange &c : std::as_const(changes))
            m_io.out << tr("%1 changed from %2 to %3.").arg(c.key, c.from, c.to) << '\n';
        m_io.out << tr("review: %1, payment: %2, handling: %3")
                        .arg(o.value(QStringLiteral("review_status")).toString(), o.value(QStringLiteral("payment_status")).toString(),
                             o.value(QStringLiteral("handling_status")).toString())
                 << '\n';
    }
    if (timedOut) {
        m_io.err << tr("ca-tool: no status changed within %n second(s).", nullptr, m_timeout) << '\n';
        return ExitRefused;
    }
    return ExitOk;
}

int ApplicationCommand::submit()
{
    int code = ExitOk;
    LocalStore *s = store(&code);
    if (!s)
        return code;
    const QString id = m_pos.at(0);
    const StoreResult<QString> key = s->operationKey(QStringLiteral("submit"), id);
    if (!key)
        return failText(key.error().message);
    PlatformCall *c = wait(m_client->submitApplication(id, m_comment, *key));
    if (!c->ok())
        return fail(c->error());
    s->finishOperation(QStringLiteral("submit"), id);
    if (m_json)
        printJson(c->json());
    else
        m_io.out << tr("Submitted application %1; review status: %2.").arg(id, c->json().value(QStringLiteral("review_status")).toString()) << '\n';
    return ExitOk;
}

int ApplicationCommand::events()
{
    PlatformCall *c = wait(m_client->events(m_pos.at(0)));
    if (!c->ok())
        return fail(c->error());
    if (m_json) {
        printJson(c->json());
        return ExitOk;
    }
    const QJsonArray items = c->json().value(QStringLiteral("items")).toArray();
    for (const QJsonValue &v : items) {
        const QJsonObject e = v.toObject();
        m_io.out << e.value(QStringLiteral("time")).toString() << '\t' << e.value(QStringLiteral("actor")).toString() << '\t'
                 << e.value(QStringLiteral("action")).toString() << '\t' << e.value(QStringLiteral("comment")).toString() << '\n';
    }
    return ExitOk;
}

int ApplicationCommand::confirmReceipt()
{
    PlatformCall *c = wait(m_client->confirmReceipt(m_pos.at(0)));
    if (!c->ok())
        return fail(c->error());
    if (m_json)
        printJson(c->json());
    else
        m_io.out << tr("Confirmed the receipt of the key for application %1.").arg(m_pos.at(0)) << '\n';
    return ExitOk;
}

int ApplicationCommand::invoice()
{
    PlatformCall *c = wait(m_client->downloadInvoice(m_pos.at(0), m_output));
    if (!c->ok())
        return fail(c->error());
    if (m_json)
        printJson(QJsonObject{{QStringLiteral("file"), m_output}, {QStringLiteral("size"), QFileInfo(m_output).size()}});
    else
        m_io.out << tr("Saved the e-invoice to %1.").arg(m_output) << '\n';
    return ExitOk;
}

int ApplicationCommand::templ()
{
    PlatformCall *c = wait(m_client->downloadTemplate(m_pos.at(0), m_output));
    if (!c->ok())
        return fail(c->error());
    if (m_json)
        printJson(QJsonObject{{QStringLiteral("file"), m_output}, {QStringLiteral("size"), QFileInfo(m_output).size()}});
    else
        m_io.out << tr("Saved the template %1 to %2.").arg(m_pos.at(0), m_output) << '\n';
    return ExitOk;
}

} // namespace

int runApplication(const QStringList &args, Io io)
{
    ApplicationCommand command(io);
    return command.run(args);
}

} // namespace ca::tool
