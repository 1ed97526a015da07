#include "SandboxProcess.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcess>
#include <QSslCertificate>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSslConfiguration>
#include <QTimer>
#include <QUuid>

namespace ca::test {

QString SandboxProcess::binary()
{
#ifdef CA_SANDBOX_BIN
    return QStringLiteral(CA_SANDBOX_BIN);
#else
    return QStringLiteral("ca-sandbox");
#endif
}

SandboxProcess::SandboxProcess(QStringList extraArgs)
    : m_extraArgs(std::move(extraArgs))
{
}

SandboxProcess::~SandboxProcess()
{
    stop();
}

bool SandboxProcess::start()
{
    if (!m_dir.isValid()) {
        m_error = QStringLiteral("cannot create a temporary directory");
        return false;
    }
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QStringList args{QStringLiteral("--data"), dataDir(), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")};
    args += m_extraArgs;
    m_process->start(binary(), args);
    if (!m_process->waitForStarted(30000)) {
        m_error = QStringLiteral("ca-sandbox did not start: ") + m_process->errorString();
        return false;
    }
    QByteArray buffer;
    QDeadlineTimer deadline(60000);
    while (!buffer.contains('\n')) {
        if (m_process->state() != QProcess::Running) {
            m_error = QStringLiteral("ca-sandbox exited before it was ready (exit code %1)").arg(m_process->exitCode());
            return false;
        }
        if (deadline.hasExpired()) {
            m_error = QStringLiteral("ca-sandbox printed no ready line");
            return false;
        }
        m_process->waitForReadyRead(500);
        buffer += m_process->readAllStandardOutput();
    }
    const QByteArray line = buffer.left(buffer.indexOf('\n'));
    QJsonParseError pe;
    const QJsonObject ready = QJsonDocument::fromJson(line, &pe).object();
    if (pe.error != QJsonParseError::NoError) {
        m_error = QStringLiteral("the ready line is not JSON: ") + QString::fromUtf8(line);
        return false;
    }
    m_url = QUrl(ready.value(QStringLiteral("url")).toString());
    m_caCert = ready.value(QStringLiteral("ca_cert")).toString();
    m_workflow = ready.value(QStringLiteral("workflow")).toString();
    m_accounts = ready.value(QStringLiteral("accounts")).toArray();
    return m_url.isValid();
}

int SandboxProcess::stop()
{
    if (!m_process)
        return -1;
    int code = -1;
    if (m_process->state() != QProcess::NotRunning) {
        m_process->terminate(); // SIGTERM
        if (!m_process->waitForFinished(30000)) {
            m_process->kill();
            m_process->waitForFinished(5000);
            m_process.reset();
            return -1;
        }
    }
    code = m_process->exitStatus() == QProcess::NormalExit ? m_process->exitCode() : -1;
    m_process.reset();
    return code;
}

bool SandboxProcess::restart()
{
    stop();
    return start();
}

bool SandboxProcess::isRunning() const
{
    return m_process && m_process->state() == QProcess::Running;
}

QString SandboxProcess::password(const QString &username) const
{
    for (const QJsonValue &v : m_accounts)
        if (v.toObject().value(QStringLiteral("username")).toString() == username)
            return v.toObject().value(QStringLiteral("password")).toString();
    return {};
}

SandboxProcess::AdminResult SandboxProcess::runAdmin(const QStringList &args) const
{
    QProcess p;
    p.start(binary(), QStringList{QStringLiteral("admin"), QStringLiteral("--data"), dataDir()} + args);
    AdminResult r;
    if (!p.waitForFinished(60000)) {
        p.kill();
        p.waitForFinished();
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

int SandboxProcess::queryInt(const QString &sql, const QVariantList &binds) const
{
    const QString name = QUuid::createUuid().toString();
    int n = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(dataDir() + QStringLiteral("/sandbox.sqlite"));
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"));
        if (db.open()) {
            QSqlQuery q(db);
            q.prepare(sql);
            for (const QVariant &b : binds)
                q.addBindValue(b);
            if (q.exec() && q.next())
                n = q.value(0).toInt();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return n;
}

QJsonObject SandboxHttp::Response::json() const
{
    return QJsonDocument::fromJson(body).object();
}

QByteArray SandboxHttp::Response::header(const QByteArray &name) const
{
    for (const auto &h : headers)
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    return {};
}

SandboxHttp::SandboxHttp(const SandboxProcess &sandbox)
    : m_nam(std::make_unique<QNetworkAccessManager>())
{
    rebase(sandbox);
}

SandboxHttp::~SandboxHttp() = default;

void SandboxHttp::rebase(const SandboxProcess &sandbox)
{
    m_base = sandbox.url();
    m_caCert = sandbox.caCertPath();
    m_accounts = sandbox.accounts();
    m_nam = std::make_unique<QNetworkAccessManager>(); // no connection reuse across restarts
}

SandboxHttp::Response SandboxHttp::loginWith(const QString &username, const QString &password)
{
    const QString saved = m_token;
    m_token.clear();
    Response r = post(QStringLiteral("/api/v1/session"),
                      QJsonObject{{QStringLiteral("username"), username}, {QStringLiteral("password"), password}});
    m_token = r.status == 200 ? r.json().value(QStringLiteral("token")).toString() : saved;
    return r;
}

bool SandboxHttp::login(const QString &username)
{
    for (const QJsonValue &v : std::as_const(m_accounts)) {
        const QJsonObject a = v.toObject();
        if (a.value(QStringLiteral("username")).toString() == username)
            return loginWith(username, a.value(QStringLiteral("password")).toString()).status == 200;
    }
    return false;
}

SandboxHttp::Response SandboxHttp::request(const QByteArray &verb, const QString &path, const QByteArray &body,
                                           const Headers &headers, const QByteArray &contentType)
{
    QUrl url = m_base;
    const int q = int(path.indexOf(QLatin1Char('?')));
    url.setPath(q < 0 ? path : path.left(q), QUrl::TolerantMode);
    if (q >= 0)
        url.setQuery(path.mid(q + 1));
    QNetworkRequest req(url);
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    ssl.setCaCertificates(QSslCertificate::fromPath(m_caCert)); // trust only the sandbox CA
    ssl.setPeerVerifyMode(QSslSocket::VerifyPeer);
    req.setSslConfiguration(ssl);
    req.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    if (!body.isEmpty() || verb == "POST" || verb == "PUT")
        req.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    if (!m_token.isEmpty())
        req.setRawHeader("Authorization", "Bearer " + m_token.toLatin1());
    for (const auto &h : headers)
        req.setRawHeader(h.first, h.second);
    QNetworkReply *reply = m_nam->sendCustomRequest(req, verb, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(120000, reply, &QNetworkReply::abort); // a hung server fails the test instead of hanging it
    loop.exec();
    Response r;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.body = reply->readAll();
    r.headers = reply->rawHeaderPairs();
    if (reply->error() != QNetworkReply::NoError && r.status == 0)
        r.error = reply->errorString();
    reply->deleteLater();
    return r;
}

SandboxHttp::Response SandboxHttp::post(const QString &path, const QJsonObject &body, const Headers &headers)
{
    return request("POST", path, QJsonDocument(body).toJson(QJsonDocument::Compact), headers);
}

SandboxHttp::Response SandboxHttp::put(const QString &path, const QJsonObject &body, const Headers &headers)
{
    return request("PUT", path, QJsonDocument(body).toJson(QJsonDocument::Compact), headers);
}

SandboxHttp::Response SandboxHttp::upload(const QString &path, const QString &category, const QString &fileName,
                                          const QByteArray &data, const Headers &headers)
{
    const QByteArray boundary = "----catest" + QUuid::createUuid().toByteArray(QUuid::Id128);
    QByteArray body;
    body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"category\"\r\n\r\n" + category.toUtf8() + "\r\n";
    body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName.toUtf8()
        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + data + "\r\n";
    body += "--" + boundary + "--\r\n";
    return request("POST", path, body, headers, "multipart/form-data; boundary=" + boundary);
}

QByteArray tinyPdf()
{
    return QByteArrayLiteral("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
                             "2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");
}

QByteArray tinyPng()
{
    return QByteArray::fromBase64("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
}

QJsonObject sampleApplication(const QString &kind, int quantity)
{
    QJsonObject app{
        {QStringLiteral("kind"), kind},
        {QStringLiteral("order"), QJsonObject{{QStringLiteral("pickup"), QStringLiteral("mail")},
                                              {QStringLiteral("mailing_address"), QStringLiteral("济南市历下区经十路1号")},
                                              {QStringLiteral("recipient_name"), QStringLiteral("张三")},
                                              {QStringLiteral("recipient_phone"), QStringLiteral("18769628833")},
                                              {QStringLiteral("quantity"), quantity}}},
    };
    if (kind != QLatin1String("existing"))
        app.insert(QStringLiteral("invoice"), QJsonObject{{QStringLiteral("type"), QStringLiteral("normal")},
                                                          {QStringLiteral("title"), QStringLiteral("济南示例科技有限公司")},
                                                          {QStringLiteral("tax_id"), QStringLiteral("91370100MA3C5QX875")},
                                                          {QStringLiteral("notice_mobile"), QStringLiteral("18769628833")}});
    return app;
}

} // namespace ca::test
