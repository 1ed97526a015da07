#include "ui/ApplicationWizard.h"

#include "core/platform/DraftSync.h"
#include "core/platform/PlatformCall.h"
#include "core/platform/PlatformClient.h"
#include "core/store/DraftAutosaver.h"
#include "core/store/LocalStore.h"
#include "core/workflow/WorkflowRules.h"
#include "ui/ClientContext.h"
#include "ui/Log.h"
#include "ui/MessageSeam.h"
#include "ui/SubmitCommentDialog.h"
#include "ui/wizard/AttachmentsPage.h"
#include "ui/wizard/InvoicePage.h"
#include "ui/wizard/KindPage.h"
#include "ui/wizard/NoticePage.h"
#include "ui/wizard/OrderPage.h"
#include "ui/wizard/PaymentPage.h"
#include "ui/wizard/SummaryPage.h"

#include <QAbstractButton>
#include <QCloseEvent>
#include <QTimer>

namespace ca::ui {

ApplicationWizard::ApplicationWizard(ClientContext &ctx, const QString &draftOrServerId, QWidget *parent)
    : QWizard(parent)
    , m_ctx(ctx)
    , m_autosaver(new DraftAutosaver(&ctx.store(), this))
    , m_sync(new DraftSync(&ctx.client(), &ctx.store(), this))
{
    setObjectName(QStringLiteral("applicationWizard"));
    setWindowTitle(tr("CA application"));
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::IndependentPages, true);
    setOption(QWizard::HaveCustomButton1, true);
    setOption(QWizard::NoBackButtonOnStartPage, true);
    setButtonText(QWizard::CustomButton1, tr("&Save changes"));
    setButtonText(QWizard::FinishButton, tr("S&ubmit"));
    button(QWizard::CustomButton1)->setObjectName(QStringLiteral("saveButton"));
    button(QWizard::CustomButton1)->setToolTip(tr("Save the application to the platform without submitting it for review."));
    button(QWizard::FinishButton)->setObjectName(QStringLiteral("submitButton"));
    button(QWizard::NextButton)->setObjectName(QStringLiteral("nextButton"));
    button(QWizard::BackButton)->setObjectName(QStringLiteral("backButton"));
    button(QWizard::CancelButton)->setObjectName(QStringLiteral("cancelButton"));
    setButtonLayout({QWizard::CustomButton1, QWizard::Stretch, QWizard::BackButton, QWizard::NextButton,
                     QWizard::FinishButton, QWizard::CancelButton});
    setMinimumSize(640, 520);
    resize(880, 680); // the notice and the scans list readable without scrolling at once

    m_noticePage = new NoticePage(this);
    m_kindPage = new KindPage(this);
    m_orderPage = new OrderPage(this);
    m_invoicePage = new InvoicePage(this);
    m_attachmentsPage = new AttachmentsPage(this);
    m_summaryPage = new SummaryPage(this);
    m_paymentPage = new PaymentPage(this);
    setPage(NoticePageId, m_noticePage);
    setPage(KindPageId, m_kindPage);
    setPage(OrderPageId, m_orderPage);
    setPage(InvoicePageId, m_invoicePage);
    setPage(AttachmentsPageId, m_attachmentsPage);
    setPage(SummaryPageId, m_summaryPage);
    setPage(PaymentPageId, m_paymentPage);
    setStartId(NoticePageId);
    m_noticePage->loadFromModel();
    retitle();

    connect(this, &QWizard::customButtonClicked, this, [this](int which) {
        if (which == QWizard::CustomButton1)
            saveToServer();
    });
    connect(this, &QWizard::currentIdChanged, this, &ApplicationWizard::onPageChanged);
    connect(m_autosaver, &DraftAutosaver::failed, this, [this](const QString &, const StoreError &error) {
        setBanner(tr("Your changes could not be saved on this computer: %1 They are still in this window.").arg(error.message), true);
    });
    connect(m_sync, &DraftSync::synced, this, [this](const QString &draftId, const QString &serverId, qint64 version) {
        if (draftId != m_draft.id)
            return;
        const bool created = m_app.id.isEmpty();
        m_app.id = serverId;
        m_app.version = version;
        m_draft.serverId = serverId;
        m_draft.serverVersion = version;
        setBanner(created ? tr("Saved to the platform as application %1. It has not been submitted for review yet.").arg(serverId)
                          : tr("Your changes to application %1 were saved to the platform.").arg(serverId),
                  false);
        Q_EMIT savedToServer(serverId);
        m_ctx.notifyApplicationsChanged(serverId);
        reloadFromServer([this] { finishSave(true); });
    });
    connect(m_sync, &DraftSync::pushFailed, this, [this](const QString &draftId, const PlatformError &error) {
        if (draftId != m_draft.id)
            return;
        QStringList lines{error.userMessage};
        QList<FieldError> fieldErrors;
        for (const PlatformFieldError &f : error.fields) {
            lines << QStringLiteral("• ") + f.message;
            fieldErrors << FieldError{f.field, f.message, ApplicationValidator::stepOf(f.field)};
        }
        setBanner(lines.join(QLatin1Char('\n')), true);
        for (WizardStep s : {WizardStep::Kind, WizardStep::Order, WizardStep::Invoice, WizardStep::Attachments}) {
            QList<FieldError> mine;
            for (const FieldError &e : fieldErrors)
                if (e.step == s)
                    mine << e;
            if (!mine.isEmpty())
                if (WizardPageBase *p = pageFor(s))
                    p->showErrors(mine);
        }
        finishSave(false);
    });
    connect(m_sync, &DraftSync::onlineChanged, this, [this](bool online) {
        if (!online) {
            setBanner(tr("The platform cannot be reached. Everything is kept on this computer and will be saved to the "
                         "platform when the connection is back."),
                      true);
            finishSave(false);
        } else {
            setBanner(tr("The platform can be reached again; your changes are being saved."), false);
        }
    });
    connect(m_sync, &DraftSync::conflictDetected, this, [this](const QString &draftId) {
        if (draftId != m_draft.id)
            return;
        // Only this window edits the application's fields; the platform's version moved because of our
        // own uploads or a status change: keep what the user typed on top of the new version.
        qCInfo(lcUi) << "version conflict on" << m_app.id << "- keeping the wizard's fields";
        m_sync->resolve(draftId, ConflictResolution::KeepLocal);
    });
    connect(m_sync, &DraftSync::idle, this, [this] {
        if (m_saveWaiters.isEmpty() || m_reloading)
            return;
        const auto d = m_ctx.store().loadDraft(m_draft.id);
        finishSave(d.ok() && !d->dirty && !d->serverId.isEmpty());
    });

    restart();
    load(draftOrServerId);
}

ApplicationWizard::~ApplicationWizard()
{
    m_autosaver->flush();
}

ApplicationWizard *ApplicationWizard::openAtPayment(ClientContext &ctx, const QString &draftOrServerId, QWidget *parent)
{
    auto *w = new ApplicationWizard(ctx, draftOrServerId, parent);
    w->m_pendingJump = Jump{PaymentPageId, QString()};
    if (w->m_loaded)
        w->applyPendingJump();
    return w;
}

ApplicationWizard *ApplicationWizard::openAtProblem(ClientContext &ctx, const QString &draftOrServerId, WizardStep step,
                                                    const QString &path, QWidget *parent)
{
    auto *w = new ApplicationWizard(ctx, draftOrServerId, parent);
    w->m_pendingJump = Jump{pageIdFor(step), path};
    if (w->m_loaded)
        w->applyPendingJump();
    return w;
}

// ---- loading ----

void ApplicationWizard::load(const QString &key)
{
    LocalStore &store = m_ctx.store();
    if (key.isEmpty()) {
        Draft d;
        d.id = LocalStore::newId();
        m_app = Application();
        m_app.order.quantity = 1;
        startFrom(d, QString());
        return;
    }
    std::optional<Draft> local;
    if (const auto byId = store.loadDraft(key); byId.ok())
        local = byId.value();
    else if (const auto byServer = store.findDraftByServerId(key); byServer.ok())
        local = byServer.value();
    const QString serverId = local ? local->serverId : key;
    if (local && serverId.isEmpty()) {
        startFrom(*local, local->page);
        return;
    }
    setBanner(tr("Loading application %1 from the platform…").arg(serverId), false);
    m_loadingBanner = true;
    PlatformCall *call = m_ctx.client().application(serverId);
    connect(call, &PlatformCall::finished, this, [this, call, local] {
        call->deleteLater();
        if (!call->ok()) {
            if (local) {
                // Offline: the local copy has everything the user typed.
                startFrom(*local, local->page);
                setBanner(tr("The platform cannot be reached; you are editing the copy kept on this computer. It will be "
                             "saved to the platform when the connection is back."),
                          true);
                return;
            }
            setBanner(call->error().userMessage, true);
            Q_EMIT loadFailed(call->error().userMessage);
            return;
        }
        useServerCopy(call->json(), local);
    });
}

void ApplicationWizard::useServerCopy(const QJsonObject &json, const std::optional<Draft> &local)
{
    LocalStore &store = m_ctx.store();
    const Application server = Application::fromJson(json).value;
    if (local && local->dirty && local->serverVersion == server.version) {
        // Unsaved local edits on top of the platform's current version: keep them, take the statuses.
        Draft d = *local;
        Application app = Application::fromJson(d.json).value;
        app.id = server.id;
        app.version = server.version;
        app.organization = server.organization;
        app.fee = server.fee;
        app.attachments = server.attachments;
        app.reviewStatus = server.reviewStatus;
        app.paymentStatus = server.paymentStatus;
        app.handlingStatus = server.handlingStatus;
        app.payment = server.payment;
        app.approvalRecords = server.approvalRecords;
        d.json = app.toJson();
        startFrom(d, d.page);
        return;
    }
    Draft d;
    if (local)
        d = *local;
    else
        d.id = LocalStore::newId();
    d.serverId = server.id;
    d.serverVersion = server.version;
    d.kind = enumWord(server.kind);
    d.json = server.toJson();
    if (store.saveDraft(d).ok())
        store.markSynced(d.id, server.id, server.version);
    d.dirty = false;
    startFrom(d, local ? local->page : QString());
}

void ApplicationWizard::startFrom(const Draft &draft, const QString &pageName)
{
    m_draft = draft;
    const bool existing = !draft.json.isEmpty();
    if (existing) {
        m_app = Application::fromJson(draft.json).value;
        m_app.id = draft.serverId;
        if (draft.serverVersion > 0)
            m_app.version = draft.serverVersion;
    }
    if (draft.protectedFieldsLost)
        setBanner(tr("The bank account number could not be read back on this computer. Please type it again."), true);
    else if (m_loadingBanner)
        setBanner(QString(), false);
    m_loadingBanner = false;
    prefillOrganization();
    m_loaded = true;
    for (WizardPageBase *p : std::initializer_list<WizardPageBase *>{m_noticePage, m_kindPage, m_orderPage, m_invoicePage,
                                                                    m_attachmentsPage, m_summaryPage})
        p->loadFromModel();
    retitle();
    if (existing)
        m_noticePage->setAccepted(true); // accepted when the application was begun
    m_touched = existing;
    Q_EMIT loaded();
    if (m_pendingJump) {
        applyPendingJump();
        return;
    }
    int saved = pageIdFromKey(pageName);
    if (saved <= NoticePageId && existing && !draft.serverId.isEmpty())
        saved = KindPageId; // the notice was accepted when the application was begun
    if (saved > NoticePageId)
        goToPage(saved);
}

void ApplicationWizard::goToPage(int id)
{
    if (currentId() == id)
        return;
    // QWizard::setCurrentId() does nothing while the wizard has no current page (not started, or
    // reset by Cancel) and refuses to leave a page whose validatePage() fails: jumping to a saved
    // page or a problem must not be stopped by either.
    if (currentId() < 0)
        restart();
    QWizard::setCurrentId(id);
    if (currentId() != id) {
        restart();
        QWizard::setCurrentId(id);
    }
    if (currentId() != id)
        qCWarning(lcUi) << "wizard: could not show page" << pageKey(id) << "- showing" << pageKey(currentId());
}

void ApplicationWizard::prefillOrganization()
{
    if (!m_app.isLocalDraft() && !m_app.organization.name.isEmpty())
        return;
    const Organization &org = m_ctx.account().organization;
    if (!org.name.isEmpty())
        m_app.organization = org;
    if (!m_app.organization.uscc.isEmpty())
        return;
    PlatformCall *call = m_ctx.client().organization();
    connect(call, &PlatformCall::finished, this, [this, call] {
        call->deleteLater();
        if (!call->ok())
            return;
        const Organization org = parseJson<Organization>(QJsonValue(call->json())).value;
        if (org.name.isEmpty())
            return;
        if (m_app.isLocalDraft() || m_app.organization.uscc.isEmpty()) {
            m_app.organization = org;
            m_orderPage->loadFromModel();
            autosave();
        }
    });
}

void ApplicationWizard::applyPendingJump()
{
    if (!m_pendingJump)
        return;
    const Jump j = *m_pendingJump;
    m_pendingJump.reset();
    goToPage(j.pageId);
    if (!j.path.isEmpty()) {
        const QList<FieldError> all = problems(ValidationPurpose::Submit);
        for (const FieldError &e : all)
            if (e.path == j.path) {
                showProblem(e);
                return;
            }
        if (auto *p = qobject_cast<WizardPageBase *>(page(j.pageId)))
            if (QWidget *w = p->widgetForPath(j.path))
                w->setFocus();
    }
}

// ---- model ----

bool ApplicationWizard::feeFieldsEditable() const
{
    return m_app.isLocalDraft() || WorkflowRules::mayEditFeeFields(m_app, m_ctx.workflow()).allowed;
}

bool ApplicationWizard::needsPaymentPage() const
{
    return m_ctx.workflow() == Workflow::PayFirst && !m_ctx.platform().priceOf(m_app.kind).isZero();
}

void ApplicationWizard::applicationEdited()
{
    m_touched = true;
    autosave();
    retitle();
    m_orderPage->updateFee();
}

void ApplicationWizard::preset(ApplicationKind kind, const std::optional<CertificateRef> &certificate)
{
    m_app.kind = kind;
    if (certificate)
        m_app.certificate = certificate;
    if (auto *kindPage = qobject_cast<WizardPageBase *>(page(KindPageId)))
        kindPage->loadFromModel();
    // Not an edit: like a plain New, the draft is kept once the user goes past the notice.
    retitle();
    m_orderPage->updateFee();
}

void ApplicationWizard::flushDraft()
{
    m_touched = true;
    autosave();
    m_autosaver->flush();
}

QList<FieldError> ApplicationWizard::problems(ValidationPurpose purpose) const
{
    return ApplicationValidator::validate(m_app, purpose);
}

void ApplicationWizard::autosave()
{
    // A new application is kept once the user did something (not when the wizard is closed at the notice).
    if (!m_loaded || m_draft.id.isEmpty() || !m_touched)
        return;
    Draft d = m_draft;
    d.kind = enumWord(m_app.kind);
    d.json = m_app.toJson();
    // No current page (Cancel/close reset the wizard, or it is not started): keep the page last shown.
    if (currentId() >= 0)
        m_draft.page = pageKey(currentId());
    d.page = m_draft.page;
    m_autosaver->change(d);
}

void ApplicationWizard::onPageChanged(int id)
{
    // QWizard::done(Rejected) (Cancel, Esc, closing the window) resets the wizard to no page (-1)
    // after our done() saved the draft: that is not a page the user is on, and saving it made a
    // resumed application open at the kind page instead of the page it was closed on.
    if (id < 0)
        return;
    if (m_loaded && id != NoticePageId)
        m_touched = true;
    autosave();
    if (auto *p = qobject_cast<WizardPageBase *>(page(id)))
        p->setBanner(m_bannerText, m_bannerWarning);
    button(QWizard::FinishButton)->setToolTip(
        m_ctx.workflow() == Workflow::PayFirst && needsPaymentPage()
            ? tr("Submit the application for review (after paying).")
            : tr("Submit the application for review."));
}

// ---- pages ----

QList<int> ApplicationWizard::pageSequence() const
{
    QList<int> ids{NoticePageId, KindPageId, OrderPageId};
    if (ApplicationValidator::needsInvoice(m_app.kind))
        ids << InvoicePageId;
    ids << AttachmentsPageId << SummaryPageId;
    if (needsPaymentPage())
        ids << PaymentPageId;
    return ids;
}

int ApplicationWizard::stepNumber(int pageId) const
{
    return int(pageSequence().indexOf(pageId)) + 1;
}

int ApplicationWizard::stepCount() const
{
    return int(pageSequence().size());
}

QString ApplicationWizard::pageName(int pageId) const
{
    switch (pageId) {
    case NoticePageId: return tr("Notice and consent");
    case KindPageId: return tr("Kind of application");
    case OrderPageId: return tr("Order information");
    case InvoicePageId: return tr("Invoice information");
    case AttachmentsPageId: return tr("Scans");
    case SummaryPageId: return tr("Check and submit");
    case PaymentPageId: return tr("Payment");
    }
    return QString();
}

void ApplicationWizard::retitle()
{
    const QList<int> seq = pageSequence();
    const int count = int(seq.size());
    for (int id : pageIds()) {
        const int n = int(seq.indexOf(id)) + 1;
        QString name = pageName(id);
        if (id == SummaryPageId && needsPaymentPage())
            name = tr("Summary");
        page(id)->setTitle(n > 0 ? tr("Step %1/%2 · %3").arg(n).arg(count).arg(name) : name);
    }
}

int ApplicationWizard::nextId() const
{
    switch (currentId()) {
    case NoticePageId: return KindPageId;
    case KindPageId: return OrderPageId;
    case OrderPageId: return ApplicationValidator::needsInvoice(m_app.kind) ? InvoicePageId : AttachmentsPageId;
    case InvoicePageId: return AttachmentsPageId;
    case AttachmentsPageId: return SummaryPageId;
    case SummaryPageId: return needsPaymentPage() ? PaymentPageId : -1;
    default: return -1;
    }
}

int ApplicationWizard::pageIdFor(WizardStep step)
{
    switch (step) {
    case WizardStep::Kind: return KindPageId;
    case WizardStep::Order: return OrderPageId;
    case WizardStep::Invoice: return InvoicePageId;
    case WizardStep::Attachments: return AttachmentsPageId;
    }
    return KindPageId;
}

WizardPageBase *ApplicationWizard::pageFor(WizardStep step) const
{
    return qobject_cast<WizardPageBase *>(page(pageIdFor(step)));
}

QString ApplicationWizard::pageKey(int id)
{
    switch (id) {
    case NoticePageId: return QStringLiteral("notice");
    case KindPageId: return QStringLiteral("kind");
    case OrderPageId: return QStringLiteral("order");
    case InvoicePageId: return QStringLiteral("invoice");
    case AttachmentsPageId: return QStringLiteral("attachments");
    case SummaryPageId: return QStringLiteral("summary");
    case PaymentPageId: return QStringLiteral("payment");
    }
    return QString();
}

int ApplicationWizard::pageIdFromKey(const QString &key)
{
    for (int id = NoticePageId; id <= PaymentPageId; ++id)
        if (pageKey(id) == key)
            return id;
    return -1;
}

PaymentWidget *ApplicationWizard::paymentWidget() const
{
    return m_paymentPage->paymentWidget();
}

void ApplicationWizard::setBanner(const QString &text, bool warning)
{
    m_bannerText = text;
    m_bannerWarning = warning;
    for (int id : pageIds())
        if (auto *p = qobject_cast<WizardPageBase *>(page(id)))
            p->setBanner(text, warning);
}

// ---- save, reload ----

void ApplicationWizard::saveToServer(std::function<void(bool)> done)
{
    if (!m_loaded) {
        if (done)
            done(false);
        return;
    }
    if (done)
        m_saveWaiters << std::move(done);
    autosave();
    m_autosaver->flush();
    const auto d = m_ctx.store().loadDraft(m_draft.id);
    if (d.ok() && !d->dirty && !d->serverId.isEmpty() && !d->hasConflict) {
        setBanner(tr("Application %1 is saved on the platform.").arg(d->serverId), false);
        QTimer::singleShot(0, this, [this] { finishSave(true); });
        return;
    }
    if (!m_sync->isOnline()) {
        setBanner(tr("The platform cannot be reached. Everything is kept on this computer and will be saved to the "
                     "platform when the connection is back."),
                  true);
        m_sync->push(m_draft.id); // queued until the probe finds the platform again
        QTimer::singleShot(0, this, [this] { finishSave(false); });
        return;
    }
    setBanner(tr("Saving to the platform…"), false);
    m_sync->push(m_draft.id);
}

void ApplicationWizard::finishSave(bool ok)
{
    const auto waiters = std::exchange(m_saveWaiters, {});
    for (const auto &w : waiters)
        w(ok);
}

void ApplicationWizard::reloadFromServer(std::function<void()> done)
{
    if (m_app.id.isEmpty()) {
        if (done)
            done();
        return;
    }
    m_reloading = true;
    PlatformCall *call = m_ctx.client().application(m_app.id);
    connect(call, &PlatformCall::finished, this, [this, call, done] {
        call->deleteLater();
        m_reloading = false;
        if (call->ok()) {
            const Application server = Application::fromJson(call->json()).value;
            const qint64 oldVersion = m_draft.serverVersion;
            m_app.version = server.version;
            m_app.organization = server.organization;
            m_app.fee = server.fee;
            m_app.attachments = server.attachments;
            m_app.reviewStatus = server.reviewStatus;
            m_app.paymentStatus = server.paymentStatus;
            m_app.handlingStatus = server.handlingStatus;
            m_app.payment = server.payment;
            m_app.approvalRecords = server.approvalRecords;
            m_app.createdAt = server.createdAt;
            m_app.updatedAt = server.updatedAt;
            if (server.version != oldVersion) {
                // Our own uploads (or a status change) moved the version: later PUTs go on top of it.
                m_autosaver->flush();
                const auto d = m_ctx.store().loadDraft(m_draft.id);
                const bool wasClean = d.ok() && !d->dirty;
                const bool sameFields = DraftSync::writablePart(server.toJson()) == DraftSync::writablePart(m_app.toJson());
                m_ctx.store().markSynced(m_draft.id, m_app.id, server.version,
                                         (wasClean && sameFields && d.ok()) ? std::optional<qint64>(d->revision)
                                                                            : std::optional<qint64>(-1));
                m_draft.serverVersion = server.version;
            }
            autosave();
            if (currentId() == SummaryPageId)
                m_summaryPage->loadFromModel();
        }
        if (done)
            done();
        if (m_sync && !m_saveWaiters.isEmpty() && !m_sync->isBusy()) {
            const auto d = m_ctx.store().loadDraft(m_draft.id);
            finishSave(d.ok() && !d->serverId.isEmpty());
        }
    });
}

// ---- submit ----

void ApplicationWizard::showProblem(const FieldError &error)
{
    showProblem(error.step, error.path);
    if (WizardPageBase *p = pageFor(error.step)) {
        QList<FieldError> mine;
        for (const FieldError &e : problems(ValidationPurpose::Submit))
            if (e.step == error.step)
                mine << e;
        p->showErrors(mine);
        if (QWidget *w = p->widgetForPath(error.path))
            w->setFocus();
    }
}

void ApplicationWizard::showProblem(WizardStep step, const QString &path)
{
    goToPage(pageIdFor(step)); // jumping back must not be stopped by the current page's own checks
    if (QWidget *w = pageFor(step)->widgetForPath(path))
        w->setFocus();
}

void ApplicationWizard::submit()
{
    if (!m_loaded || m_submitting)
        return;
    const QList<FieldError> errors = problems(ValidationPurpose::Submit);
    if (!errors.isEmpty()) {
        QStringList lines;
        for (const FieldError &e : errors)
            lines << QStringLiteral("• ") + e.message;
        m_ctx.messages().inform(this, tr("Submit"),
                                tr("The application cannot be submitted yet. Please complete the following; the "
                                   "wizard now shows the first of them:")
                                    + QLatin1Char('\n') + lines.join(QLatin1Char('\n')),
                                MessageSeam::Severity::Warning);
        showProblem(errors.first());
        return;
    }
    const Decision may = WorkflowRules::maySubmit(m_app, m_ctx.workflow());
    if (!may.allowed) {
        m_ctx.messages().inform(this, tr("Submit"), may.reason, MessageSeam::Severity::Warning);
        if (m_ctx.workflow() == Workflow::PayFirst && m_app.paymentStatus != PaymentStatus::Paid && needsPaymentPage()
            && currentId() != PaymentPageId)
            goToPage(PaymentPageId);
        return;
    }
    m_submitting = true;
    button(QWizard::FinishButton)->setEnabled(false);
    saveToServer([this](bool ok) {
        if (!ok || m_app.id.isEmpty()) {
            m_submitting = false;
            button(QWizard::FinishButton)->setEnabled(true);
            m_ctx.messages().inform(this, tr("Submit"),
                                    tr("The application could not be saved to the platform, so it was not submitted. "
                                       "Everything is kept on this computer; try again when the connection is back."),
                                    MessageSeam::Severity::Warning);
            return;
        }
        doSubmit();
    });
}

void ApplicationWizard::doSubmit()
{
    const std::optional<QString> comment = SubmitCommentDialog::ask(m_ctx, this, m_app);
    if (!comment) {
        m_submitting = false;
        button(QWizard::FinishButton)->setEnabled(true);
        return;
    }
    const QString id = m_app.id;
    const auto key = m_ctx.store().operationKey(QStringLiteral("submit"), id);
    PlatformCall *call = m_ctx.client().submitApplication(id, *comment, key.ok() ? key.value() : LocalStore::newId());
    setBanner(tr("Submitting application %1…").arg(id), false);
    connect(call, &PlatformCall::finished, this, [this, call, id] {
        call->deleteLater();
        m_submitting = false;
        button(QWizard::FinishButton)->setEnabled(true);
        if (!call->ok()) {
            setBanner(call->error().userMessage, true);
            m_ctx.messages().inform(this, tr("Submit"), call->error().userMessage, MessageSeam::Severity::Error);
            return;
        }
        m_ctx.store().finishOperation(QStringLiteral("submit"), id);
        m_autosaver->flush();
        m_ctx.store().deleteDraft(m_draft.id); // the platform has it all now
        m_submitted = true;
        m_ctx.notifyApplicationsChanged(id);
        Q_EMIT submitted(id);
        QWizard::done(QDialog::Accepted);
    });
}

void ApplicationWizard::done(int result)
{
    if (result == QDialog::Accepted && !m_submitted) {
        submit();
        return;
    }
    if (!m_submitted)
        autosave();
    m_autosaver->flush();
    QWizard::done(result);
}

void ApplicationWizard::closeEvent(QCloseEvent *event)
{
    autosave();
    m_autosaver->flush();
    QWizard::closeEvent(event);
}

} // namespace ca::ui
