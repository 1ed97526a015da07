#pragma once

#include "core/model/Application.h"
#include "core/store/Draft.h"
#include "core/validation/ApplicationValidator.h"

#include <QPointer>
#include <QString>
#include <QWizard>

#include <functional>
#include <optional>

namespace ca {
class DraftAutosaver;
class DraftSync;
struct PlatformError;
}

namespace ca::ui {

class AttachmentsPage;
class ClientContext;
class InvoicePage;
class KindPage;
class NoticePage;
class OrderPage;
class PaymentPage;
class PaymentWidget;
class SummaryPage;
class WizardPageBase;

// The CA application wizard (issue 6 item 3; seeds 000 and 003).
//
// Pages (fixed ids, PageId): notice and consent → kind → order → invoice
// (not for 已有CA) → scans → summary → payment (pay-first platforms, when
// there is a fee) → 提交信息 (Finish: the 请输入意见 comment, then 确认提交).
// On review-first platforms submission follows the summary and payment is
// offered from the list once approved (PaymentDialog). Each page is titled
// "步骤 n/N · name"; N follows the kind and the workflow.
//
// The wizard holds one Application (the model); every edit is autosaved to
// the LocalStore (DraftAutosaver, with the current page) so closing and
// reopening resumes at the same page with every field and upload. 修改保存
// (CustomButton1, "saveButton") saves to the platform (DraftSync: create, or
// PUT with If-Match); offline, the local draft keeps everything and a banner
// (objectName "syncBanner" on each page) says it will be sent later.
//
// Submit (the Finish button, "提交信息") is never silently inert: it lists
// every problem (ApplicationValidator, page order) through the MessageSeam and
// jumps to the first problem page with the field focused.
//
// For MainWindow:
//   new ApplicationWizard(ctx)                      a new application
//   new ApplicationWizard(ctx, draftOrServerId)     edit / resume (the saved page)
//   ApplicationWizard::openAtPayment(ctx, id, parent)   "Pay" from the list (pay-first)
//   ApplicationWizard::openAtProblem(ctx, id, step, path, parent)
//                                                   "Submit" from the list when incomplete
//   PaymentDialog (ui/wizard/PaymentDialog.h)       "Pay" once approved on review-first platforms
// All return/are non-modal windows (show() them; WA_DeleteOnClose is up to the caller).
class ApplicationWizard : public QWizard
{
    Q_OBJECT
public:
    enum PageId { NoticePageId = 0, KindPageId, OrderPageId, InvoicePageId, AttachmentsPageId, SummaryPageId, PaymentPageId };
    Q_ENUM(PageId)

    ApplicationWizard(ClientContext &ctx, const QString &draftOrServerId = {}, QWidget *parent = nullptr);
    ~ApplicationWizard() override;

    // Opens at the payment page (pay-first) once loaded.
    static ApplicationWizard *openAtPayment(ClientContext &ctx, const QString &draftOrServerId, QWidget *parent = nullptr);
    // Opens at the page of `step` with the field of `path` focused (the first problem) once loaded.
    static ApplicationWizard *openAtProblem(ClientContext &ctx, const QString &draftOrServerId, WizardStep step,
                                            const QString &path = QString(), QWidget *parent = nullptr);

    // ---- for the pages and tests ----
    ClientContext &context() const { return m_ctx; }
    const Application &application() const { return m_app; }
    Application &application() { return m_app; }
    bool isLoaded() const { return m_loaded; }
    QString draftId() const { return m_draft.id; }
    QString serverId() const { return m_app.id; }
    bool feeFieldsEditable() const;
    bool needsPaymentPage() const;
    // Pages call this after changing the model: autosave and refresh the titles/fee.
    void applicationEdited();
    // A new application whose kind (and certificate) were chosen by the caller (Renew on the
    // token panel). Unlike applicationEdited() this does not keep a draft by itself: closing the
    // wizard at the notice leaves nothing behind, as with a plain New.
    void preset(ApplicationKind kind, const std::optional<CertificateRef> &certificate);
    // Writes the local draft now (before records that refer to it, e.g. attachment files).
    void flushDraft();
    // Page number (1-based) and page count for the current kind/workflow.
    int stepNumber(int pageId) const;
    int stepCount() const;
    QList<int> pageSequence() const;
    QString pageName(int pageId) const;

    // 修改保存: save to the platform; `done(ok)` when the answer is in (ok false offline or refused).
    void saveToServer(std::function<void(bool ok)> done = {});
    // 提交信息 (the Finish button).
    void submit();
    // Jump to the page of a problem and focus its field.
    void showProblem(WizardStep step, const QString &path);
    void showProblem(const FieldError &error);
    // Re-read the application from the platform (after uploads, payment).
    void reloadFromServer(std::function<void()> done = {});
    // Problems for this purpose (the current model).
    QList<FieldError> problems(ValidationPurpose purpose) const;
    QString bannerText() const { return m_bannerText; }

    PaymentWidget *paymentWidget() const;
    AttachmentsPage *attachmentsPage() const { return m_attachmentsPage; }

    int nextId() const override;

Q_SIGNALS:
    void loaded();
    void loadFailed(const QString &message);
    void savedToServer(const QString &serverId);
    void submitted(const QString &serverId);

protected:
    void done(int result) override;
    void closeEvent(QCloseEvent *event) override;

private:
    void load(const QString &key);
    void startFrom(const Draft &draft, const QString &pageName);
    void useServerCopy(const QJsonObject &json, const std::optional<Draft> &local);
    void prefillOrganization();
    void retitle();
    void setBanner(const QString &text, bool warning);
    void autosave();
    void onPageChanged(int id);
    void finishSave(bool ok);
    void doSubmit();
    void applyPendingJump();
    // Shows page `id` even when the wizard is not started or the current page would not validate.
    void goToPage(int id);
    static int pageIdFor(WizardStep step);
    WizardPageBase *pageFor(WizardStep step) const;
    static QString pageKey(int id);
    static int pageIdFromKey(const QString &key);

    ClientContext &m_ctx;
    Application m_app;
    Draft m_draft;
    bool m_loaded = false;
    bool m_submitting = false;
    bool m_submitted = false;
    bool m_reloading = false;
    bool m_loadingBanner = false;
    bool m_touched = false;
    bool m_bannerWarning = false;
    QString m_bannerText;
    DraftAutosaver *m_autosaver;
    DraftSync *m_sync;
    QList<std::function<void(bool)>> m_saveWaiters;
    struct Jump {
        int pageId = -1;
        QString path;
    };
    std::optional<Jump> m_pendingJump;

    NoticePage *m_noticePage;
    KindPage *m_kindPage;
    OrderPage *m_orderPage;
    InvoicePage *m_invoicePage;
    AttachmentsPage *m_attachmentsPage;
    SummaryPage *m_summaryPage;
    PaymentPage *m_paymentPage;
};

} // namespace ca::ui
