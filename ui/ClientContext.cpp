#include "ui/ClientContext.h"

#include "core/platform/PlatformClient.h"
#include "pkcs11/TokenService.h"
#include "ui/AppSettings.h"
#include "ui/Log.h"
#include "ui/MessageSeam.h"

#include <QJsonArray>
#include <QUrl>

namespace ca::ui {

QList<AttachmentCategoryInfo> PlatformInfo::requiredCategories(ApplicationKind kind) const
{
    QList<AttachmentCategoryInfo> out;
    for (const AttachmentCategoryInfo &c : attachmentCategories) {
        if (c.isRequiredFor(kind))
            out << c;
    }
    return out;
}

PlatformInfo PlatformInfo::fromJson(const QJsonObject &json)
{
    PlatformInfo info;
    info.raw = json;
    info.loaded = true;
    info.name = json.value(QStringLiteral("name")).toString();
    info.workflow = json.value(QStringLiteral("workflow")).toString() == QLatin1String("review-first")
        ? Workflow::ReviewFirst
        : Workflow::PayFirst;
    const QJsonObject prices = json.value(QStringLiteral("prices")).toObject();
    for (auto it = prices.begin(); it != prices.end(); ++it) {
        const auto kind = enumFromWord<ApplicationKind>(it.key());
        const auto money = Money::fromString(it.value().toString());
        if (kind && money)
            info.prices.insert(*kind, *money);
    }
    info.maxUploadBytes = qint64(json.value(QStringLiteral("max_upload_bytes")).toDouble());
    info.wechatOrderTtlSeconds = json.value(QStringLiteral("wechat_order_ttl_seconds")).toInt(300);
    const QJsonObject notice = json.value(QStringLiteral("notice")).toObject();
    info.noticeTitle = notice.value(QStringLiteral("title")).toString();
    info.noticeText = notice.value(QStringLiteral("text")).toString();
    const QJsonArray categories = json.value(QStringLiteral("attachment_categories")).toArray();
    for (const QJsonValue &v : categories) {
        const QJsonObject o = v.toObject();
        const auto category = enumFromWord<AttachmentCategory>(o.value(QStringLiteral("category")).toString());
        if (!category)
            continue;
        AttachmentCategoryInfo c;
        c.category = *category;
        c.label = o.value(QStringLiteral("label")).toString();
        c.description = o.value(QStringLiteral("description")).toString();
        for (const QJsonValue &k : o.value(QStringLiteral("required_for")).toArray()) {
            if (const auto kind = enumFromWord<ApplicationKind>(k.toString()))
                c.requiredFor << *kind;
        }
        info.attachmentCategories << c;
    }
    return info;
}

ClientContext::ClientContext(PlatformClient &client, LocalStore &store, AppSettings &settings, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_store(store)
    , m_settings(settings)
    , m_defaultSeam(std::make_unique<DialogMessageSeam>())
    , m_seam(m_defaultSeam.get())
{
    connect(&m_client, &PlatformClient::reachabilityChanged, this, [this](bool reachable) {
        if (m_offline == !reachable)
            return;
        m_offline = !reachable;
        Q_EMIT offlineChanged(m_offline);
    });
}

ClientContext::~ClientContext() = default;

MessageSeam &ClientContext::messages() const
{
    return *m_seam;
}

void ClientContext::setMessageSeam(MessageSeam *seam)
{
    m_seam = seam ? seam : m_defaultSeam.get();
}

void ClientContext::setTokenService(p11::TokenService *service)
{
    m_tokenService = service;
    Q_EMIT tokenServiceChanged();
}

bool ClientContext::applyConnectionSettings(QString *error)
{
    const QUrl url = QUrl::fromUserInput(m_settings.serverUrl().trimmed());
    if (!url.isValid() || url.host().isEmpty()) {
        if (error)
            *error = tr("No platform server is set. Open Settings and enter the server address the CA centre gave you.");
        return false;
    }
    if (url.scheme() != QLatin1String("https")) {
        if (error)
            *error = tr("The server address %1 does not start with https://. Open Settings and enter the secure address.")
                         .arg(url.toString());
        return false;
    }
    m_client.setBaseUrl(url);
    const QString bundle = m_settings.caBundle();
    if (!bundle.isEmpty()) {
        QString why;
        if (!m_client.setCaBundle(bundle, &why)) {
            if (error)
                *error = why;
            return false;
        }
    }
    return true;
}

void ClientContext::setPlatformInfo(const PlatformInfo &info)
{
    m_platform = info;
    Q_EMIT platformInfoChanged();
}

PlatformCall *ClientContext::refreshPlatformInfo()
{
    PlatformCall *call = m_client.platformInfo();
    connect(call, &PlatformCall::finished, this, [this, call] {
        call->deleteLater();
        if (call->ok()) {
            setPlatformInfo(PlatformInfo::fromJson(call->json()));
        } else {
            qCWarning(lcUi) << "platform info failed:" << call->error().detail << call->error().requestId;
            Q_EMIT platformInfoFailed(call->error().userMessage);
        }
    });
    return call;
}

void ClientContext::setAccount(const Account &account)
{
    m_account = account;
    Q_EMIT loggedIn();
}

void ClientContext::logout()
{
    if (m_client.isLoggedIn()) {
        PlatformCall *call = m_client.logout();
        call->setAutoDelete(true);
    }
    m_account = Account();
    Q_EMIT loggedOut();
}

void ClientContext::notifyApplicationsChanged(const QString &applicationOrDraftId)
{
    Q_EMIT applicationsChanged(applicationOrDraftId);
}

} // namespace ca::ui
