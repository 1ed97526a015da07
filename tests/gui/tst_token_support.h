#pragma once
// Shared set-up of the token GUI tests that talk to a real ca-sandbox
// (tst_token_renewal, tst_token_screens): a sandbox that trusts the SoftHSM
// fixture's CA (DATA/trusted/fixture.pem), the client objects of one test
// (settings, store, platform client logged in as the demo supplier, context,
// token service on the shim), a certificate put on record for the supplier
// (已有CA registration over HTTP), and an approved, paid renewal application.

#include "SandboxProcess.h"
#include "SoftHsmFixture.h"

#include "core/model/Enums.h"
#include "core/platform/PlatformCall.h"
#include "core/platform/PlatformClient.h"
#include "core/store/LocalStore.h"
#include "core/validation/ApplicationValidator.h"
#include "pkcs11/TokenService.h"
#include "ui/AppSettings.h"
#include "ui/ClientContext.h"
#include "ui/MessageSeam.h"

#include <QDir>
#include <QFile>
#include <QJsonObject>
#include <QString>

#include <memory>

namespace toktest {

// The sandbox's demo supplier (sandbox/Accounts.cpp).
inline QString supplierOrg()
{
    return QStringLiteral("济南示例科技有限公司");
}

inline QString supplierUscc()
{
    const QString base = QStringLiteral("91370100MA3C5QX87");
    return base + SoftHsmFixture::usccCheck(base);
}

inline QList<QPair<QString, QString>> supplierSubject(const QString &commonName = QStringLiteral("王五"))
{
    return {{QStringLiteral("C"), QStringLiteral("CN")},
            {QStringLiteral("O"), supplierOrg()},
            {QStringLiteral("OU"), supplierUscc()},
            {QStringLiteral("serialNumber"), supplierUscc()},
            {QStringLiteral("CN"), commonName}};
}

inline QByteArray pemOf(const QByteArray &der)
{
    const QByteArray b64 = der.toBase64();
    QByteArray pem("-----BEGIN CERTIFICATE-----\n");
    for (qsizetype i = 0; i < b64.size(); i += 64)
        pem += b64.mid(i, 64) + '\n';
    return pem + "-----END CERTIFICATE-----\n";
}

// Writes the fixture's CA into DATA/trusted before the sandbox starts.
inline bool startTrustingFixture(ca::test::SandboxProcess &sandbox, const SoftHsmFixture &hsm)
{
    if (!QDir().mkpath(sandbox.dataDir() + QStringLiteral("/trusted")))
        return false;
    QFile trusted(sandbox.dataDir() + QStringLiteral("/trusted/fixture.pem"));
    if (!trusted.open(QIODevice::WriteOnly))
        return false;
    trusted.write(pemOf(hsm.caCertificateDer()));
    trusted.close();
    return sandbox.start();
}

inline QByteArray idempotencyKey()
{
    return ca::LocalStore::newId().toLatin1();
}

// Puts a certificate on record for the supplier: an existing-CA application and POST .../certificate.
inline bool putOnRecord(ca::test::SandboxHttp &http, const QByteArray &der, const QString &tokenSerial)
{
    const auto created =
        http.post(QStringLiteral("/api/v1/applications"), QJsonObject{{QStringLiteral("kind"), QStringLiteral("existing")}});
    if (created.status != 201)
        return false;
    const QString id = created.json().value(QStringLiteral("id")).toString();
    const auto r = http.post(QStringLiteral("/api/v1/applications/%1/certificate").arg(id),
                             QJsonObject{{QStringLiteral("certificate"), QString::fromLatin1(pemOf(der))},
                                         {QStringLiteral("token_serial"), tokenSerial}});
    if (r.status != 200)
        qWarning() << "putOnRecord:" << r.status << r.body;
    return r.status == 200;
}

// A renewal (or change) application for the certificate `certSerialHex` on key `tokenSerial`,
// submitted, approved and paid (review-first sandbox): handling "processing". Returns its id or "".
inline QString approvedRenewal(ca::test::SandboxProcess &sandbox, ca::test::SandboxHttp &http, const QString &tokenSerial,
                               const QString &certSerialHex, const QString &kind = QStringLiteral("renewal"))
{
    QJsonObject body = ca::test::sampleApplication(kind);
    body.insert(QStringLiteral("certificate"),
                QJsonObject{{QStringLiteral("token_serial"), tokenSerial}, {QStringLiteral("serial"), certSerialHex}});
    const auto created = http.post(QStringLiteral("/api/v1/applications"), body);
    if (created.status != 201) {
        qWarning() << "approvedRenewal: create" << created.status << created.body;
        return QString();
    }
    const QString id = created.json().value(QStringLiteral("id")).toString();
    const ca::ApplicationKind k = kind == QLatin1String("change") ? ca::ApplicationKind::Change : ca::ApplicationKind::Renewal;
    for (ca::AttachmentCategory c : ca::ApplicationValidator::requiredAttachments(k))
        http.upload(QStringLiteral("/api/v1/applications/%1/attachments").arg(id), ca::enumWord(c), QStringLiteral("scan.pdf"),
                    ca::test::tinyPdf(), {{"Idempotency-Key", idempotencyKey()}});
    const auto submitted = http.post(QStringLiteral("/api/v1/applications/%1/submit").arg(id),
                                     QJsonObject{{QStringLiteral("comment"), QStringLiteral("请审核")}},
                                     {{"Idempotency-Key", idempotencyKey()}});
    if (submitted.status != 200) {
        qWarning() << "approvedRenewal: submit" << submitted.status << submitted.body;
        return QString();
    }
    if (sandbox.runAdmin({QStringLiteral("approve"), id, QStringLiteral("--comment"), QStringLiteral("同意续期")}).exitCode != 0)
        return QString();
    const auto order = http.post(QStringLiteral("/api/v1/applications/%1/payments").arg(id),
                                 QJsonObject{{QStringLiteral("channel"), QStringLiteral("wechat")}},
                                 {{"Idempotency-Key", idempotencyKey()}});
    const QString orderNo = order.json().value(QStringLiteral("order_no")).toString();
    if (orderNo.isEmpty() || sandbox.runAdmin({QStringLiteral("pay"), orderNo}).exitCode != 0) {
        qWarning() << "approvedRenewal: pay" << order.status << order.body;
        return QString();
    }
    const QJsonObject now = http.get(QStringLiteral("/api/v1/applications/") + id).json();
    if (now.value(QStringLiteral("handling_status")).toString() != QLatin1String("processing")) {
        qWarning() << "approvedRenewal: not processing:" << now;
        return QString();
    }
    return id;
}

// The client side of one test: settings, store, platform client (logged in as the supplier), context, token service.
struct Client
{
    std::unique_ptr<ca::ui::AppSettings> settings;
    std::unique_ptr<ca::LocalStore> store;
    std::unique_ptr<ca::PlatformClient> client;
    std::unique_ptr<ca::ui::ClientContext> context;
    std::unique_ptr<ca::p11::TokenService> service;
    ca::ui::ScriptedMessageSeam seam;

    bool open(const ca::test::SandboxProcess &sandbox, const QString &dir, int n, const QString &module)
    {
        settings = std::make_unique<ca::ui::AppSettings>(settingsPath(dir, n), QString());
        store = std::make_unique<ca::LocalStore>();
        if (!store->open(storePath(dir, n)).ok())
            return false;
        client = std::make_unique<ca::PlatformClient>();
        context = std::make_unique<ca::ui::ClientContext>(*client, *store, *settings);
        seam = ca::ui::ScriptedMessageSeam(); // no answers or log from an earlier client
        context->setMessageSeam(&seam);
        if (!connect(sandbox))
            return false;
        ca::PlatformCall *info = context->refreshPlatformInfo(); // deleted by the context
        info->waitForFinished(30000);
        ca::ui::Account account;
        account.username = QStringLiteral("supplier");
        account.organization.name = supplierOrg();
        account.organization.uscc = supplierUscc();
        context->setAccount(account);
        service = std::make_unique<ca::p11::TokenService>();
        service->setModulePath(module);
        context->setTokenService(service.get());
        return true;
    }

    // Points the client at the sandbox (again, e.g. after a restart on another port) and logs in as the supplier.
    bool connect(const ca::test::SandboxProcess &sandbox)
    {
        settings->setValue(ca::ui::AppSettings::Key::ServerUrl, sandbox.url().toString());
        settings->setValue(ca::ui::AppSettings::Key::CaBundle, sandbox.caCertPath());
        if (!context->applyConnectionSettings())
            return false;
        std::unique_ptr<ca::PlatformCall> login(
            client->login(QStringLiteral("supplier"), sandbox.password(QStringLiteral("supplier"))));
        return login->waitForFinished(30000) && login->ok();
    }

    // The files open() writes for client n in dir (tests scan them for secrets).
    static QString settingsPath(const QString &dir, int n) { return QStringLiteral("%1/user%2.ini").arg(dir).arg(n); }
    static QString storePath(const QString &dir, int n) { return QStringLiteral("%1/store%2.sqlite").arg(dir).arg(n); }

    void close()
    {
        context.reset();
        service.reset();
        client.reset();
        store.reset();
        settings.reset();
    }
};

} // namespace toktest
