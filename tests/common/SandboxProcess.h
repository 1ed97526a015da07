#pragma once

// Test fixture: runs the built ca-sandbox on 127.0.0.1:0 with a temporary
// data directory and talks to it over HTTPS, trusting only the sandbox CA.
//
//   SandboxProcess sandbox({"--workflow", "pay-first"});
//   QVERIFY2(sandbox.start(), qPrintable(sandbox.lastError()));
//   SandboxHttp http(sandbox);
//   QVERIFY(http.login("supplier"));
//   auto r = http.get("/api/v1/applications");

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>
#include <QVariantList>

#include <memory>

class QNetworkAccessManager;
class QProcess;

namespace ca::test {

class SandboxProcess
{
public:
    // extraArgs are appended to "--data DIR --listen 127.0.0.1:0".
    explicit SandboxProcess(QStringList extraArgs = {});
    ~SandboxProcess();
    SandboxProcess(const SandboxProcess &) = delete;
    SandboxProcess &operator=(const SandboxProcess &) = delete;

    // Starts and waits for the ready line (false with lastError() on failure).
    bool start();
    // SIGTERM, then waits for the exit; returns the exit code (-1 if it had to be killed).
    int stop();
    // stop() and start() on the same data directory (the port may change).
    bool restart();
    bool isRunning() const;

    QUrl url() const { return m_url; }
    QString caCertPath() const { return m_caCert; }
    QString workflow() const { return m_workflow; }
    QJsonArray accounts() const { return m_accounts; }
    QString password(const QString &username) const;
    // DIR given to --data: a "data" folder inside a private temporary root
    // (rootDir()), so that a test can check nothing was written beside it.
    QString dataDir() const { return m_dir.path() + QStringLiteral("/data"); }
    QString rootDir() const { return m_dir.path(); }
    QString lastError() const { return m_error; }
    void setExtraArgs(const QStringList &args) { m_extraArgs = args; }

    struct AdminResult {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };
    // `ca-sandbox admin --data DIR args…`
    AdminResult runAdmin(const QStringList &args) const;
    // The first column of the first row of a read-only query on the sandbox's
    // SQLite file (e.g. a COUNT(*)), or -1 when the query fails. The server
    // may be running: WAL and a busy timeout let both read.
    int queryInt(const QString &sql, const QVariantList &binds = {}) const;
    static QString binary();

private:
    QTemporaryDir m_dir;
    QStringList m_extraArgs;
    std::unique_ptr<QProcess> m_process;
    QUrl m_url;
    QString m_caCert;
    QString m_workflow;
    QJsonArray m_accounts;
    QString m_error;
};

// A small synchronous HTTPS client for tests.
class SandboxHttp
{
public:
    struct Response {
        int status = 0;          // 0: no HTTP answer (see error)
        QByteArray body;
        QList<QPair<QByteArray, QByteArray>> headers;
        QString error;           // network error text, empty when fine
        QJsonObject json() const;
        QByteArray header(const QByteArray &name) const;
    };
    using Headers = QList<QPair<QByteArray, QByteArray>>;

    explicit SandboxHttp(const SandboxProcess &sandbox);
    ~SandboxHttp();

    // POST /api/v1/session; keeps the token for later requests. Password from the ready line.
    bool login(const QString &username);
    Response loginWith(const QString &username, const QString &password);
    void setToken(const QString &token) { m_token = token; }
    QString token() const { return m_token; }
    // Follow the sandbox after restart() (new port).
    void rebase(const SandboxProcess &sandbox);

    Response request(const QByteArray &verb, const QString &path, const QByteArray &body = {},
                     const Headers &headers = {}, const QByteArray &contentType = "application/json");
    Response get(const QString &path, const Headers &headers = {}) { return request("GET", path, {}, headers); }
    Response del(const QString &path, const Headers &headers = {}) { return request("DELETE", path, {}, headers); }
    Response post(const QString &path, const QJsonObject &body, const Headers &headers = {});
    Response put(const QString &path, const QJsonObject &body, const Headers &headers = {});
    // multipart/form-data with fields "category" and "file".
    Response upload(const QString &path, const QString &category, const QString &fileName, const QByteArray &data,
                    const Headers &headers = {});

private:
    std::unique_ptr<QNetworkAccessManager> m_nam;
    QUrl m_base;
    QString m_caCert;
    QJsonArray m_accounts;
    QString m_token;
};

// Minimal valid files for uploads.
QByteArray tinyPdf();
QByteArray tinyPng();

// A complete, valid application body of `kind` (new, reissue, change, renewal,
// existing) for the demo supplier: mailed key, ordinary invoice.
QJsonObject sampleApplication(const QString &kind, int quantity = 1);

} // namespace ca::test
