#pragma once

#include "core/model/Enums.h"
#include "core/model/Money.h"
#include "core/model/Organization.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include <memory>

namespace ca {
class LocalStore;
class PlatformClient;
class PlatformCall;
namespace p11 {
class TokenService;
}
} // namespace ca

namespace ca::ui {

class AppSettings;
class MessageSeam;

// One entry of GET /api/v1/platform "attachment_categories".
struct AttachmentCategoryInfo {
    AttachmentCategory category = AttachmentCategory::BusinessLicence;
    QString label;       // as the platform names it (e.g. 营业执照)
    QString description; // the 说明 text
    QList<ApplicationKind> requiredFor;
    bool isRequiredFor(ApplicationKind kind) const { return requiredFor.contains(kind); }
};

// GET /api/v1/platform.
struct PlatformInfo {
    bool loaded = false;
    QString name;
    Workflow workflow = Workflow::PayFirst;
    QHash<ApplicationKind, Money> prices;
    qint64 maxUploadBytes = 0;
    int wechatOrderTtlSeconds = 300;
    QString noticeTitle; // CA网上办理告知及确认书
    QString noticeText;
    QList<AttachmentCategoryInfo> attachmentCategories;
    QJsonObject raw;

    Money priceOf(ApplicationKind kind) const { return prices.value(kind); }
    // Categories required for a kind, in the platform's order.
    QList<AttachmentCategoryInfo> requiredCategories(ApplicationKind kind) const;
    static PlatformInfo fromJson(const QJsonObject &json);
};

// The logged-in account (POST /api/v1/session answer).
struct Account {
    QString username;
    Role role = Role::Supplier;
    Organization organization;
    bool isValid() const { return !username.isEmpty(); }
};

// The object shared by every window and the wizard: the platform client, the
// local store, the token service, the platform info, the logged-in account,
// the settings and the message seam. It owns none of the services (app/main.cpp
// or the test does); it outlives every window.
class ClientContext : public QObject
{
    Q_OBJECT
public:
    ClientContext(PlatformClient &client, LocalStore &store, AppSettings &settings, QObject *parent = nullptr);
    ~ClientContext() override;

    PlatformClient &client() const { return m_client; }
    LocalStore &store() const { return m_store; }
    AppSettings &settings() const { return m_settings; }

    // The message seam (a DialogMessageSeam unless a test installs its own; the context does not own it then).
    MessageSeam &messages() const;
    void setMessageSeam(MessageSeam *seam);

    // Null until the token helper wires it.
    p11::TokenService *tokenService() const { return m_tokenService; }
    void setTokenService(p11::TokenService *service);

    // Points the platform client at the configured server and CA bundle
    // (settings, with command-line overrides). False with a sentence when the
    // URL is missing or not https, or the bundle cannot be read.
    bool applyConnectionSettings(QString *error = nullptr);

    // ---- platform info ----
    const PlatformInfo &platform() const { return m_platform; }
    Workflow workflow() const { return m_platform.workflow; }
    void setPlatformInfo(const PlatformInfo &info);
    // GET /api/v1/platform; platformInfoChanged() on success, platformInfoFailed() otherwise.
    PlatformCall *refreshPlatformInfo();

    // ---- account ----
    const Account &account() const { return m_account; }
    bool isLoggedIn() const { return m_account.isValid(); }
    // Called after a successful login (LoginDialog does it from the session answer).
    void setAccount(const Account &account);
    // DELETE /session (best effort) and forget the account.
    void logout();

    // ---- reachability ----
    bool isOffline() const { return m_offline; }

    // Anyone who changed applications on the server or drafts locally (wizard
    // saved, submitted, paid; list deleted) calls this so every view refreshes.
    void notifyApplicationsChanged(const QString &applicationOrDraftId = QString());

Q_SIGNALS:
    void platformInfoChanged();
    void platformInfoFailed(const QString &message);
    void loggedIn();
    void loggedOut();
    void offlineChanged(bool offline);
    void applicationsChanged(const QString &applicationOrDraftId);
    void tokenServiceChanged();

private:
    PlatformClient &m_client;
    LocalStore &m_store;
    AppSettings &m_settings;
    std::unique_ptr<MessageSeam> m_defaultSeam;
    MessageSeam *m_seam = nullptr;
    p11::TokenService *m_tokenService = nullptr; // not owned
    PlatformInfo m_platform;
    Account m_account;
    bool m_offline = false;
};

} // namespace ca::ui
