#pragma once

#include "core/platform/PlatformCall.h"

#include "core/model/CertificateRef.h"
#include "core/model/Enums.h"
#include "core/platform/StatusPoller.h"
#include "core/validation/ApplicationValidator.h"

#include <QHash>
#include <QMainWindow>
#include <QPointer>
#include <QSet>

#include <functional>
#include <memory>
#include <optional>

class QPushButton;
class QTabBar;
class QTableView;
class QTimer;

namespace Ui {
class MainWindow;
}

namespace ca::ui {

class ApplicationDetailsDialog;
class ApplicationFilter;
class ApplicationListModel;
class ClientContext;
class TokenPanel;
class OfflineBanner;
class StatusNotifier;
struct ApplicationRow;

// What the main window asks the wizard to do.
struct WizardRequest {
    enum class Purpose { New, Edit, FixProblems, Pay };
    Purpose purpose = Purpose::New;
    QString key;                       // server id or local draft id; empty for New
    std::optional<WizardStep> step;    // FixProblems: the page of the first problem
    QString fieldPath;                 // FixProblems: the first offending field
    std::optional<ApplicationKind> kind = std::nullopt;      // New: the kind preselected (Renew on the token panel: renewal)
    std::optional<CertificateRef> certificate = std::nullopt; // New: the certificate the application concerns
};

// The main window: header with the account (unit, role, user) and platform,
// the "CA 办理" list with status tabs, the "CA 支付" list (review-first
// platforms), the "我的证书" tab (filled by the token panel), actions that
// follow core/workflow (disabled ones say why in their tooltip), search,
// refresh, offline banner and status notifications.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(ClientContext &context, QWidget *parent = nullptr);
    ~MainWindow() override;

    ApplicationListModel *model() const { return m_model; }
    StatusNotifier *notifier() const { return m_notifier; }
    // The row selected in the visible list, or nullptr.
    const ApplicationRow *currentRow() const;
    // Selects the row with this key (server id or draft id) in the visible list; false if not shown.
    bool selectApplication(const QString &key);
    // The table of the visible list page (applicationsTable or paymentsTable).
    QTableView *currentTable() const;

    // How New/Edit/Pay/fix-problems open the wizard (tests replace it).
    using WizardOpener = std::function<void(const WizardRequest &)>;
    void setWizardOpener(WizardOpener opener) { m_wizardOpener = std::move(opener); }

    // The "我的证书" page, for the token panel to fill.
    QWidget *keysPage() const;
    TokenPanel *tokenPanel() const { return m_tokenPanel; }
    // The renewal/change application of the unit whose certificate can be written to a key now (approved
    // and settled: handling "processing"; or "done" — issued — while its certificate is on no inserted key,
    // e.g. after an interrupted install); the one naming `tokenSerial` first. nullptr if none.
    const Application *writableRenewal(const QString &tokenSerial = QString()) const;
    // Why the certificate of `app` cannot be written to a key now; "" when it can (写入CA锁).
    QString writeToKeyBlocker(const Application &app) const;
    // The renewal/change application of the unit still open (draft, pending review, unpaid, approved but
    // unpaid): Renew opens it instead of starting a second one. The one naming `tokenSerial` first; nullptr if none.
    const ApplicationRow *openRenewal(const QString &tokenSerial = QString()) const;
    // True while a certificate is being written to a key or a PIN being reset (the window does not close then).
    bool isKeyBusy() const;

    // True while a list request is running.
    bool isRefreshing() const { return m_listCall; }
    int refreshCount() const { return m_refreshCount; }
    // The status poller of a server application (nullptr when it is not watched).
    StatusPoller *pollerFor(const QString &id) const { return m_pollers.value(id); }

public Q_SLOTS:
    void refresh();
    void newApplication();
    void editSelected();
    void deleteSelected();
    void submitSelected();
    void paySelected();
    void showDetails();
    // 写入证书: writes the certificate of the selected approved renewal/change application to the key.
    void writeSelectedToKey();

Q_SIGNALS:
    void refreshed();
    void logoutRequested();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    // The key (server id, else draft id) of the row selected in `table`, or "".
    QString selectedKey(QTableView *table) const;
    bool selectIn(QTableView *table, const QString &key);
    void setupTabs();
    void updateHeader();
    void applyWorkflow();
    void updateActions();
    void onListFinished();
    void rebuildRows();
    void syncPollers();
    void onStatusChanged(const QString &id, const QList<ca::StatusChange> &changes);
    void notifyChanges(const QString &id, const QList<ca::StatusChange> &changes);
    void onCurrentPageChanged();
    void openWizard(const WizardRequest &request);
    void defaultOpenWizard(const WizardRequest &request);
    void setActionState(QPushButton *button, bool allowed, const QString &reason, const QString &enabledTip);
    void showError(const QString &title, const ca::PlatformError &error);
    void openSettings();
    void about();
    void onAuthenticationRequired();
    void onRenewRequested(const QString &tokenSerial, const QString &certificateSerialHex);
    // Opens the dialog that writes the certificate of application `id` to its key (我的证书 shown).
    void writeToKey(const QString &id);
    // 写入CA锁 in a details dialog: enabled as in the list (writeToKeyBlocker), opens writeToKey().
    void wireWriteToKey(ApplicationDetailsDialog *dialog);

    ClientContext &m_context;
    std::unique_ptr<Ui::MainWindow> m_ui;
    ApplicationListModel *m_model = nullptr;
    ApplicationFilter *m_filter = nullptr;
    ApplicationFilter *m_paymentFilter = nullptr;
    QTabBar *m_statusTabs = nullptr;
    QTabBar *m_paymentTabs = nullptr;
    OfflineBanner *m_offlineBanner = nullptr;
    StatusNotifier *m_notifier = nullptr;
    TokenPanel *m_tokenPanel = nullptr;
    QPushButton *m_writeKeyButton = nullptr;
    QPointer<PlatformCall> m_listCall;
    QList<ca::Application> m_serverApps;
    bool m_serverListLoaded = false;
    QHash<QString, StatusPoller *> m_pollers;
    WizardOpener m_wizardOpener;
    QSet<QString> m_ownChanges; // changed by this window (submit): no notification for them
    int m_refreshCount = 0;
    bool m_reloginOpen = false;
    bool m_refreshAgain = false;
    QTimer *m_listTimer = nullptr;
};

} // namespace ca::ui
