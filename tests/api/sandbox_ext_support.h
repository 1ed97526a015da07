#pragma once
// Helpers shared by the sandbox-ext api tests.

#include "SandboxProcess.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QUrl>
#include <QUrlQuery>

namespace sandbox_ext_api {

using ca::test::SandboxHttp;
using ca::test::SandboxProcess;

// Creates an application of the signed-in account; "" on failure.
inline QString createApplication(SandboxHttp &http, const QString &kind, int quantity = 1, const QJsonObject &extra = {})
{
    QJsonObject body = ca::test::sampleApplication(kind, quantity);
    for (auto it = extra.begin(); it != extra.end(); ++it)
        body.insert(it.key(), it.value());
    const auto r = http.post(QStringLiteral("/api/v1/applications"), body);
    if (r.status != 201) {
        qWarning("create %s failed: %d %s", qPrintable(kind), r.status, r.body.constData());
        return {};
    }
    return r.json().value(QStringLiteral("id")).toString();
}

// Uploads a small PDF for every attachment category the platform requires for `kind`.
inline bool uploadRequired(SandboxHttp &http, const QString &appId, const QString &kind)
{
    const QJsonArray cats = http.get(QStringLiteral("/api/v1/platform")).json().value(QStringLiteral("attachment_categories")).toArray();
    for (const QJsonValue &v : cats) {
        const QJsonObject c = v.toObject();
        if (!c.value(QStringLiteral("required_for")).toArray().contains(kind))
            continue;
        const QString cat = c.value(QStringLiteral("category")).toString();
        const auto r = http.upload(QStringLiteral("/api/v1/applications/%1/attachments").arg(appId), cat, cat + QStringLiteral(".pdf"),
                                   ca::test::tinyPdf());
        if (r.status != 201) {
            qWarning("upload %s failed: %d %s", qPrintable(cat), r.status, r.body.constData());
            return false;
        }
    }
    return true;
}

// Uploads, submits with a comment and has the reviewer approve; false on any failure.
inline bool submitAndApprove(const SandboxProcess &sandbox, SandboxHttp &http, const QString &appId, const QString &kind)
{
    if (!uploadRequired(http, appId, kind))
        return false;
    const auto submit = http.post(QStringLiteral("/api/v1/applications/%1/submit").arg(appId),
                                  QJsonObject{{QStringLiteral("comment"), QStringLiteral("请审核")}});
    if (submit.status != 200) {
        qWarning("submit failed: %d %s", submit.status, submit.body.constData());
        return false;
    }
    SandboxHttp reviewer(sandbox);
    if (!reviewer.login(QStringLiteral("reviewer")))
        return false;
    const auto approved = reviewer.post(QStringLiteral("/api/v1/review/applications/%1/approve").arg(appId), QJsonObject{});
    if (approved.status != 200) {
        qWarning("approve failed: %d %s", approved.status, approved.body.constData());
        return false;
    }
    return true;
}

inline SandboxHttp::Response openOrder(SandboxHttp &http, const QString &appId, const QString &channel, const QByteArray &key)
{
    SandboxHttp::Headers h;
    if (!key.isEmpty())
        h.append({"Idempotency-Key", key});
    return http.post(QStringLiteral("/api/v1/applications/%1/payments").arg(appId), QJsonObject{{QStringLiteral("channel"), channel}}, h);
}

// The path and token of a pay_url ("https://host:port/pay/NO?t=TOKEN").
inline QString payPath(const QString &payUrl)
{
    const QUrl u(payUrl);
    return u.path() + QLatin1Char('?') + u.query();
}
inline QByteArray payToken(const QString &payUrl)
{
    return QUrlQuery(QUrl(payUrl)).queryItemValue(QStringLiteral("t")).toLatin1();
}

// What a browser sends when the Pay / Cancel button of the cashier page is pressed.
inline SandboxHttp::Response pressCashierButton(const SandboxProcess &sandbox, const QString &orderNo, const QByteArray &token,
                                                const QString &button)
{
    SandboxHttp browser(sandbox); // no bearer token: the cashier is public
    return browser.request("POST", QStringLiteral("/pay/%1/%2").arg(orderNo, button), "t=" + token + "&action=" + button.toLatin1(),
                           {}, "application/x-www-form-urlencoded");
}

inline QStringList recordActions(const QJsonObject &app)
{
    QStringList out;
    for (const QJsonValue &v : app.value(QStringLiteral("approval_records")).toArray())
        out << v.toObject().value(QStringLiteral("action")).toString();
    return out;
}

inline QString pdfToText(const QByteArray &pdf)
{
    QTemporaryDir dir;
    QFile f(dir.filePath(QStringLiteral("x.pdf")));
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write(pdf);
    f.close();
    QProcess p;
    p.start(QStringLiteral("pdftotext"), {QStringLiteral("-enc"), QStringLiteral("UTF-8"), f.fileName(), QStringLiteral("-")});
    if (!p.waitForFinished(60000) || p.exitCode() != 0)
        return {};
    return QString::fromUtf8(p.readAllStandardOutput());
}

inline QByteArray runOpenssl(const QStringList &args, const QString &workDir, bool *ok)
{
    QProcess p;
    p.setWorkingDirectory(workDir);
    p.start(QStringLiteral("openssl"), args);
    *ok = p.waitForFinished(60000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    if (!*ok)
        qWarning("openssl %s: %s", qPrintable(args.join(QLatin1Char(' '))), p.readAllStandardError().constData());
    return p.readAllStandardOutput();
}

} // namespace sandbox_ext_api
