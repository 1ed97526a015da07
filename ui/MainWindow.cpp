#include "ui/MainWindow.h"

#include "core/model/Application.h"
#include "core/platform/PlatformClient.h"
#include "core/store/LocalStore.h"
#include "core/workflow/WorkflowRules.h"
#include "ui/AppSettings.h"
#include "ui/ApplicationDetailsDialog.h"
#include "ui/ApplicationFilter.h"
#include "ui/ApplicationListModel.h"
#include "ui/ClientContext.h"
#include "ui/Log.h"
#include "ui/LoginDialog.h"
#include "ui/MessageSeam.h"
#include "ui/OfflineBanner.h"
#include "ui/SettingsDialog.h"
#include "ui/StatusNotifier.h"
#include "ui/SubmitCommentDialog.h"
#include "ui/TokenPanel.h"
#include "ui/token/PinResetDialog.h"
#include "ui/token/RenewalDialog.h"

#if __has_include("ui/ApplicationWizard.h")
#include "ui/ApplicationWizard.h"
#include "ui/wizard/PaymentDialog.h"
#include "ui/wizard/WizardPageBase.h"
#define CA_HAVE_WIZARD 1
#endif

#include "ui_MainWindow.h"

#include <QCloseEvent>
#include <QFontMetrics>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QJsonArray>
#include <QStyle>
#include <QTabBar>
#include <QTableView>
#include <QTimer>

namespace ca::ui {

namespace {

struct StatusTab {
    ApplicationFilter::View view;
    const char *text;
    const char *name;
};

// 编辑中, 待审核, 审核通过, 审核不通过
const StatusTab kReviewTabs[] = {
    {ApplicationFilter::View::Editing, QT_TRANSLATE_NOOP("ca::ui::MainWindow", "Editing"), "editing"},
    {ApplicationFilter::View::Pending, QT_TRANSLATE_NOOP("ca::ui::MainWindow", "Pending review"), "pending"},
    {ApplicationFilter::View::Approved, QT_TRANSLATE_NOOP("ca::ui::MainWindow", "Approved"), "approved"},
    {ApplicationFilter::View::Rejected, QT_TRANSLATE_NOOP("ca::ui::MainWindow", "Rejected"), "rejected"},
    {ApplicationFilter::View::All, QT_TRANSLATE_NOOP("ca::ui::MainWindow", "All"), "all"},
};
// 未支付, 已支付, 已办理
const StatusTab kPaymentTabs[] = {
    {ApplicationFilter::View::Unpaid, QT_TRANSLATE_NOOP("ca::ui::MainWindow", "Unpaid"), "unpaid"},
    {ApplicationFilter::View::Paid, QT_TRANSLATE_NOOP("ca::ui::MainWindow", "Paid"), "paid"},
    {ApplicationFilter::View::Handled, QT_TRANSLATE_NOOP("ca::ui::MainWindow", "Handled"), "handled"},
};

bool needsPolling(const Application &app)
{
    if (app.reviewStatus == ReviewStatus::Draft || app.reviewStatus == ReviewStatus::Rejected)
        return false;
    return app.handlingStatus != HandlingStatus::Received && app.handlingStatus != HandlingStatus::Done;
}

// Every column as wide as its header and its widest text over all rows listed and, for kinds and
// statuses, every value there is (ApplicationListModel::possibleTexts), the unit name taking the rest:
// nothing is elided and the columns keep their widths when the tab changes. (ResizeToContents measured
// only the rows of the tab shown when it last ran, so "审核通过" came out as "审核…" on another tab.)
void fitColumns(QTableView *table)
{
    QHeaderView *header = table->horizontalHeader();
    QAbstractItemModel *model = table->model();
    if (!model)
        return;
    const QFontMetrics fm(table->font());
    // The item delegate's text margins on both sides, the grid line and a little air.
    const int extra = 2 * (table->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, table) + 1) + 1
        + fm.averageCharWidth();
    for (int c = 0; c < header->count(); ++c) {
        if (c == ApplicationListModel::UnitColumn)
            continue;
        int width = header->sectionSizeHint(c);
        QStringList texts = ApplicationListModel::possibleTexts(c);
        for (int r = 0; r < model->rowCount(); ++r)
            texts << model->index(r, c).data().toString();
        for (const QString &text : std::as_const(texts))
            width = qMax(width, fm.horizontalAdvance(text) + extra);
        header->resizeSection(c, width);
    }
}

void setupTable(QTableView *table)
{
    table->verticalHeader()->setVisible(false);
    QHeaderView *header = table->horizontalHeader();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(QHeaderView::Fixed);
    header->setSectionResizeMode(ApplicationListModel::UnitColumn, QHeaderView::Stretch);
    table->setSortingEnabled(false);
    table->setWordWrap(false);
    table->setTextElideMode(Qt::ElideMiddle); // a long unit name keeps its end (有限公司)
    auto *refit = new QTimer(table);
    refit->setSingleShot(true);
    refit->setInterval(0);
    QObject::connect(refit, &QTimer::timeout, table, [table] { fitColumns(table); });
    QAbstractItemModel *model = table->model();
    QObject::connect(model, &QAbstractItemModel::modelReset, refit, qOverload<>(&QTimer::start));
    QObject::connect(model, &QAbstractItemModel::layoutChanged, refit, qOverload<>(&QTimer::start));
    QObject::connect(model, &QAbstractItemModel::rowsInserted, refit, qOverload<>(&QTimer::start));
    QObject::connect(model, &QAbstractItemModel::rowsRemoved, refit, qOverload<>(&QTimer::start));
    QObject::connect(model, &QAbstractItemModel::dataChanged, refit, qOverload<>(&QTimer::start));
    fitColumns(table);
}

} // namespace

MainWindow::MainWindow(ClientContext &context, QWidget *parent)
    : QMainWindow(parent)
    , m_context(context)
    , m_ui(std::make_unique<Ui::MainWindow>())
{
    m_ui->setupUi(this);
    m_model = new ApplicationListModel(this);
    m_filter = new ApplicationFilter(this);
    m_filter->setSourceModel(m_model);
    m_paymentFilter = new ApplicationFilter(this);
    m_paymentFilter->setSourceModel(m_model);
    m_ui->applicationsTable->setModel(m_filter);
    m_ui->paymentsTable->setModel(m_paymentFilter);
    setupTable(m_ui->applicationsTable);
    setupTable(m_ui->paymentsTable);

    m_offlineBanner = new OfflineBanner(this);
    m_notifier = new StatusNotifier(statusBar(), this);
    m_ui->centralLayout->insertWidget(1, m_offlineBanner);
    m_ui->centralLayout->insertWidget(2, m_notifier);

    setupTabs();

    // 我的证书: the USB keys, live (the panel starts the token service's watch).
    m_tokenPanel = new TokenPanel(m_context, m_ui->keysTab);
    m_ui->keysLayout->addWidget(m_tokenPanel);
    connect(m_tokenPanel, &TokenPanel::renewRequested, this, &MainWindow::onRenewRequested);
    // 写入CA锁 depends on what the keys hold (an issued certificate not on any key yet)
    connect(m_tokenPanel, &TokenPanel::scanned, this, &MainWindow::updateActions);
    connect(m_tokenPanel, &TokenPanel::openApplicationRequested, this, [this](const QString &id) {
        openWizard({WizardRequest::Purpose::Edit, id, std::nullopt, QString()});
    });
    // 写入证书: an approved renewal/change is written to the key from the list.
    m_writeKeyButton = new QPushButton(tr("Write to &key"), m_ui->applicationsTab);
    m_writeKeyButton->setObjectName(QStringLiteral("writeKeyButton"));
    m_writeKeyButton->setAccessibleName(tr("Write the certificate of the selected application to the USB key"));
    m_ui->actionsLayout->insertWidget(m_ui->actionsLayout->indexOf(m_ui->detailsButton) + 1, m_writeKeyButton);
    setTabOrder(m_ui->detailsButton, m_writeKeyButton);
    connect(m_writeKeyButton, &QPushButton::clicked, this, &MainWindow::writeSelectedToKey);

    m_ui->kindFilterCombo->addItem(tr("All types"), -1);
    for (ApplicationKind kind : enumValues<ApplicationKind>())
        m_ui->kindFilterCombo->addItem(enumDisplayName(kind), int(kind));

    connect(m_ui->newButton, &QPushButton::clicked, this, &MainWindow::newApplication);
    connect(m_ui->editButton, &QPushButton::clicked, this, &MainWindow::editSelected);
    connect(m_ui->deleteButton, &QPushButton::clicked, this, &MainWindow::deleteSelected);
    connect(m_ui->submitButton, &QPushButton::clicked, this, &MainWindow::submitSelected);
    connect(m_ui->payButton, &QPushButton::clicked, this, &MainWindow::paySelected);
    connect(m_ui->detailsButton, &QPushButton::clicked, this, &MainWindow::showDetails);
    connect(m_ui->refreshButton, &QPushButton::clicked, this, &MainWindow::refresh);
    connect(m_ui->actionNewApplication, &QAction::triggered, this, &MainWindow::newApplication);
    connect(m_ui->actionRefresh, &QAction::triggered, this, &MainWindow::refresh);
    connect(m_ui->actionQuit, &QAction::triggered, this, &QWidget::close);
    connect(m_ui->actionSettings, &QAction::triggered, this, &MainWindow::openSettings);
    connect(m_ui->actionAbout, &QAction::triggered, this, &MainWindow::about);
    connect(m_ui->actionLogout, &QAction::triggered, this, &MainWindow::logoutRequested);
    connect(m_ui->searchEdit, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_filter->setSearchText(text);
        m_paymentFilter->setSearchText(text);
        updateActions();
    });
    connect(m_ui->kindFilterCombo, &QComboBox::currentIndexChanged, this, [this] {
        const int kind = m_ui->kindFilterCombo->currentData().toInt();
        const std::optional<ApplicationKind> filter =
            kind < 0 ? std::nullopt : std::optional<ApplicationKind>(ApplicationKind(kind));
        m_filter->setKind(filter);
        m_paymentFilter->setKind(filter);
        updateActions();
    });
    for (QTableView *table : {m_ui->applicationsTable, m_ui->paymentsTable}) {
        connect(table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &MainWindow::updateActions);
        connect(table, &QTableView::doubleClicked, this, [this] {
            const ApplicationRow *row = currentRow();
            if (!row)
                return;
            if (row->localOnly || (m_ui->editButton->isEnabled() && row->app.reviewStatus == ReviewStatus::Draft))
                editSelected();
            else
                showDetails();
        });
    }
    connect(m_filter, &QAbstractItemModel::modelReset, this, &MainWindow::updateActions);
    connect(m_filter, &QAbstractItemModel::layoutChanged, this, &MainWindow::updateActions);
    connect(m_paymentFilter, &QAbstractItemModel::modelReset, this, &MainWindow::updateActions);
    connect(m_ui->mainTabs, &QTabWidget::currentChanged, this, &MainWindow::onCurrentPageChanged);

    connect(m_offlineBanner, &OfflineBanner::retryRequested, this, &MainWindow::refresh);
    connect(&m_context, &ClientContext::offlineChanged, this, [this](bool offline) {
        m_offlineBanner->setHost(m_context.client().host());
        m_offlineBanner->setVisible(offline);
        if (offline)
            statusBar()->showMessage(tr("The platform cannot be reached."), 10000);
    });
    connect(&m_context, &ClientContext::platformInfoChanged, this, [this] {
        applyWorkflow();
        updateHeader();
    });
    connect(&m_context, &ClientContext::loggedIn, this, [this] {
        updateHeader();
        refresh();
    });
    connect(&m_context, &ClientContext::applicationsChanged, this, &MainWindow::refresh);
    connect(&m_context.client(), &PlatformClient::authenticationRequired, this, &MainWindow::onAuthenticationRequired);

    const QByteArray geometry = m_context.settings().value(AppSettings::Key::WindowGeometry).toByteArray();
    if (!geometry.isEmpty())
        restoreGeometry(geometry);

    // The whole list is read again now and then too: it catches changes of
    // applications no poller watches yet (and new ones made elsewhere).
    m_listTimer = new QTimer(this);
    m_listTimer->setInterval(std::chrono::seconds(
        4 * qMax(1, m_context.settings().value(AppSettings::Key::PollIntervalSeconds).toInt())));
    connect(m_listTimer, &QTimer::timeout, this, [this] {
        if (m_context.isLoggedIn())
            refresh();
    });
    m_listTimer->start();

    m_offlineBanner->setVisible(m_context.isOffline());
    applyWorkflow();
    updateHeader();
    updateActions();
    if (m_context.isLoggedIn())
        refresh();
    else
        rebuildRows();
}

MainWindow::~MainWindow()
{
    if (m_listCall)
        m_listCall->cancel();
}

void MainWindow::setupTabs()
{
    m_statusTabs = new QTabBar(m_ui->applicationsTab);
    m_statusTabs->setObjectName(QStringLiteral("statusTabBar"));
    m_statusTabs->setAccessibleName(tr("Review status"));
    m_statusTabs->setExpanding(false);
    m_statusTabs->setDrawBase(true);
    for (const StatusTab &tab : kReviewTabs) {
        const int i = m_statusTabs->addTab(tr(tab.text));
        m_statusTabs->setTabData(i, int(tab.view));
    }
    m_ui->applicationsLayout->insertWidget(0, m_statusTabs);
    m_filter->setView(ApplicationFilter::View::Editing);
    connect(m_statusTabs, &QTabBar::currentChanged, this, [this](int i) {
        m_filter->setView(ApplicationFilter::View(m_statusTabs->tabData(i).toInt()));
        updateActions();
    });

    m_paymentTabs = new QTabBar(m_ui->paymentsTab);
    m_paymentTabs->setObjectName(QStringLiteral("paymentTabBar"));
    m_paymentTabs->setAccessibleName(tr("Payment status"));
    m_paymentTabs->setExpanding(false);
    for (const StatusTab &tab : kPaymentTabs) {
        const int i = m_paymentTabs->addTab(tr(tab.text));
        m_paymentTabs->setTabData(i, int(tab.view));
    }
    m_ui->paymentsLayout->insertWidget(0, m_paymentTabs);
    m_paymentFilter->setView(ApplicationFilter::View::Unpaid);
    connect(m_paymentTabs, &QTabBar::currentChanged, this, [this](int i) {
        m_paymentFilter->setView(ApplicationFilter::View(m_paymentTabs->tabData(i).toInt()));
        updateActions();
    });
}

QWidget *MainWindow::keysPage() const
{
    return m_ui->keysTab;
}

QTableView *MainWindow::currentTable() const
{
    return m_ui->mainTabs->currentWidget() == m_ui->paymentsTab ? m_ui->paymentsTable : m_ui->applicationsTable;
}

const ApplicationRow *MainWindow::currentRow() const
{
    if (m_ui->mainTabs->currentWidget() == m_ui->keysTab)
        return nullptr;
    QTableView *table = currentTable();
    const QModelIndex current = table->selectionModel()->currentIndex();
    if (!current.isValid() || !table->selectionModel()->isRowSelected(current.row(), current.parent()))
        return nullptr;
    return m_model->find(current.data(ApplicationListModel::KeyRole).toString());
}

bool MainWindow::selectApplication(const QString &key)
{
    return selectIn(currentTable(), key);
}

bool MainWindow::selectIn(QTableView *table, const QString &key)
{
    QAbstractItemModel *proxy = table->model();
    for (int r = 0; r < proxy->rowCount(); ++r) {
        const QModelIndex index = proxy->index(r, 0);
        const QString rowKey = index.data(ApplicationListModel::KeyRole).toString();
        const ApplicationRow *row = m_model->find(rowKey);
        if (rowKey == key || (row && row->draftId == key)) {
            table->selectionModel()->setCurrentIndex(
                index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
            table->scrollTo(index);
            updateActions();
            return true;
        }
    }
    return false;
}

QString MainWindow::selectedKey(QTableView *table) const
{
    const QModelIndex current = table->selectionModel()->currentIndex();
    if (!current.isValid() || !table->selectionModel()->isRowSelected(current.row(), current.parent()))
        return QString();
    return current.data(ApplicationListModel::KeyRole).toString();
}

void MainWindow::onCurrentPageChanged()
{
    // One action bar, shown on the list page in front.
    QWidget *page = m_ui->mainTabs->currentWidget();
    if (page == m_ui->paymentsTab)
        m_ui->paymentsLayout->insertWidget(1, m_ui->actionsBar);
    else if (page == m_ui->applicationsTab)
        m_ui->applicationsLayout->insertWidget(1, m_ui->actionsBar);
    m_ui->actionsBar->setVisible(page != m_ui->keysTab);
    updateActions();
}

void MainWindow::updateHeader()
{
    const Account &account = m_context.account();
    if (account.isValid()) {
        m_ui->accountLabel->setText(tr("%1 · %2 · logged in as %3")
                                        .arg(account.organization.name.isEmpty() ? tr("(no unit)")
                                                                                 : account.organization.name,
                                             enumDisplayName(account.role), account.username));
    } else {
        m_ui->accountLabel->setText(tr("Not logged in"));
    }
    const PlatformInfo &platform = m_context.platform();
    if (platform.loaded) {
        const QString flow = platform.workflow == Workflow::PayFirst ? tr("pay first, then review")
                                                                     : tr("review first, then pay");
        m_ui->platformLabel->setText(tr("%1 (%2)").arg(platform.name, flow));
    } else {
        m_ui->platformLabel->clear();
    }
    setWindowTitle(account.isValid() ? tr("CA Certificate Assistant — %1").arg(account.organization.name)
                                     : tr("CA Certificate Assistant"));
}

void MainWindow::applyWorkflow()
{
    const bool reviewFirst = m_context.workflow() == Workflow::ReviewFirst;
    const int paymentsIndex = m_ui->mainTabs->indexOf(m_ui->paymentsTab);
    if (reviewFirst && paymentsIndex < 0)
        m_ui->mainTabs->insertTab(1, m_ui->paymentsTab, tr("CA Payment"));
    else if (!reviewFirst && paymentsIndex >= 0)
        m_ui->mainTabs->removeTab(paymentsIndex);
    if (reviewFirst) {
        m_ui->hintLabel->setText(
            tr("Steps: 1. New — fill in and save the application. 2. Submit — enter a comment and confirm. "
               "3. After approval, pay under CA Payment. 4. A mailed key: confirm receipt in View details."));
    } else {
        m_ui->hintLabel->setText(
            tr("Steps: 1. Pay online. 2. Refresh the payment status. 3. Submit. "
               "The unit knows that because of the nature of CA certificates, once paid, the application cannot be "
               "cancelled or refunded."));
    }
    updateActions();
}

void MainWindow::setActionState(QPushButton *button, bool allowed, const QString &reason, const QString &enabledTip)
{
    button->setEnabled(allowed);
    button->setToolTip(allowed ? enabledTip : reason);
}

void MainWindow::updateActions()
{
    const ApplicationRow *row = currentRow();
    const Workflow workflow = m_context.workflow();
    const bool online = m_context.isLoggedIn();
    m_ui->newButton->setEnabled(true);
    m_ui->newButton->setToolTip(tr("Start a new CA application."));
    if (!row) {
        const QString why = tr("Select an application in the list first.");
        for (QPushButton *b : {m_ui->editButton, m_ui->deleteButton, m_ui->submitButton, m_ui->payButton,
                               m_ui->detailsButton, m_writeKeyButton})
            setActionState(b, false, why, QString());
        return;
    }
    const Application &app = row->app;
    const Decision edit = WorkflowRules::mayEdit(app, workflow);
    setActionState(m_ui->editButton, edit.allowed, edit.reason, tr("Open the application in the wizard to change it."));

    Decision del = WorkflowRules::mayDelete(app, workflow);
    setActionState(m_ui->deleteButton, del.allowed, del.reason, tr("Delete this application (asks first)."));

    Decision submit = WorkflowRules::maySubmit(app, workflow);
    if (submit.allowed && !online)
        submit = Decision::no(tr("Log in to the platform to submit the application."));
    setActionState(m_ui->submitButton, submit.allowed, submit.reason,
                   tr("Send the application to the CA centre for review, with a comment."));

    Decision pay = WorkflowRules::mayPay(app, workflow);
    if (pay.allowed && row->localOnly)
        pay = Decision::no(tr("This draft is on this computer only. Open it with Edit and save it to the platform "
                              "before paying."));
    setActionState(m_ui->payButton, pay.allowed, pay.reason, tr("Pay the fee online."));

    const Decision details = row->localOnly
        ? Decision::no(tr("This draft is on this computer only and has no platform record yet. Open it with Edit."))
        : Decision::yes();
    setActionState(m_ui->detailsButton, details.allowed, details.reason,
                   tr("Show every field, the approval record, payment and handling."));

    const QString writeWhy = row->localOnly
        ? tr("Only a renewal or change application is written to the USB key here; the centre makes the key of the "
             "other kinds.")
        : writeToKeyBlocker(app);
    setActionState(m_writeKeyButton, writeWhy.isEmpty(), writeWhy,
                   tr("Write the renewed or changed certificate to the USB key now."));
}

namespace {
// Certificate serial numbers compared as numbers written in hex ("0A1B" == "a1b").
QString normalSerial(const QString &hex)
{
    QString s = hex.trimmed().toUpper();
    s.remove(QLatin1Char(':'));
    while (s.size() > 1 && s.startsWith(QLatin1Char('0')))
        s.remove(0, 1);
    return s;
}
} // namespace

QString MainWindow::writeToKeyBlocker(const Application &app) const
{
    if (app.kind != ApplicationKind::Renewal && app.kind != ApplicationKind::Change)
        return tr("Only a renewal or change application is written to the USB key here; the centre makes the key "
                  "of the other kinds.");
    if (app.reviewStatus != ReviewStatus::Approved)
        return tr("The application must be approved before its certificate can be written to the USB key.");
    if (app.handlingStatus == HandlingStatus::Done) {
        // Issued: writable until its certificate is on a key (an install may have been interrupted).
        // (an issued certificate names its serial and validity; without them there is nothing to write)
        if (!app.certificate || app.certificate->serial.isEmpty() || !app.certificate->notAfter.isValid())
            return tr("The certificate of this application has already been written to the key.");
        const QList<p11::TokenContents> tokens = m_tokenPanel->tokens();
        // the key that holds a certificate with this serial, or ""
        const auto keyHolding = [&tokens](const QString &serialHex) {
            const QString serial = normalSerial(serialHex);
            for (const p11::TokenContents &t : tokens)
                for (const p11::CertificateInfo &cert : t.certificates)
                    if (normalSerial(cert.serialHex) == serial)
                        return t.token.serial;
            return QString();
        };
        if (const QString key = keyHolding(app.certificate->serial); !key.isEmpty())
            return tr("The certificate of this application is already on USB key %1.").arg(key);
        if (app.certificate->notAfter < QDateTime::currentDateTimeUtc())
            return tr("The certificate of this application has expired; apply for a renewal instead.");
        // superseded: a later renewal/change of the unit has its certificate on a key, or the key holds one of
        // the unit that lasts longer
        for (const Application &other : m_serverApps) {
            if (other.id == app.id || (other.kind != ApplicationKind::Renewal && other.kind != ApplicationKind::Change)
                || other.handlingStatus != HandlingStatus::Done || !other.certificate)
                continue;
            const bool later = other.createdAt > app.createdAt || (other.createdAt == app.createdAt && other.id > app.id);
            if (const QString key = later ? keyHolding(other.certificate->serial) : QString(); !key.isEmpty())
                return tr("USB key %1 already holds the certificate of a later application (%2) of this unit.")
                    .arg(key, other.id);
        }
        for (const p11::TokenContents &t : tokens)
            for (const p11::CertificateInfo &cert : t.certificates)
                if (TokenPanel::isOwnCertificate(cert) && cert.notAfter > app.certificate->notAfter
                    && (cert.organization == app.organization.name || t.token.serial == app.certificate->tokenSerial))
                    return tr("USB key %1 already holds a newer certificate of this unit than the one of this "
                              "application.")
                        .arg(t.token.serial);
        if (tokens.isEmpty())
            return tr("Insert the USB key: the certificate of this application was issued and is written to the key "
                      "once the key is inserted.");
    } else if (app.handlingStatus == HandlingStatus::Received) {
        return tr("The certificate of this application has already been written to the key.");
    } else if (app.handlingStatus != HandlingStatus::Processing) {
        return tr("Pay the fee first: the certificate is written to the key once the payment is settled.");
    }
    if (!m_context.tokenService())
        return tr("The USB key service is not available. Restart the program.");
    return QString();
}

const Application *MainWindow::writableRenewal(const QString &tokenSerial) const
{
    const Application *found = nullptr;
    for (const Application &app : m_serverApps) {
        if (!writeToKeyBlocker(app).isEmpty())
            continue;
        if (!tokenSerial.isEmpty() && app.certificate && app.certificate->tokenSerial == tokenSerial)
            return &app;
        if (!found)
            found = &app;
    }
    return found;
}

const ApplicationRow *MainWindow::openRenewal(const QString &tokenSerial) const
{
    const ApplicationRow *found = nullptr;
    for (const ApplicationRow &row : m_model->rows()) {
        const Application &app = row.app;
        if (app.kind != ApplicationKind::Renewal && app.kind != ApplicationKind::Change)
            continue;
        const bool open = row.localOnly || app.reviewStatus == ReviewStatus::Draft
            || app.reviewStatus == ReviewStatus::Pending
            || (app.reviewStatus == ReviewStatus::Approved && app.handlingStatus == HandlingStatus::None);
        if (!open)
            continue;
        if (!tokenSerial.isEmpty() && app.certificate && app.certificate->tokenSerial == tokenSerial)
            return &row;
        if (!found)
            found = &row;
    }
    return found;
}

bool MainWindow::isKeyBusy() const
{
    for (const RenewalDialog *dialog : m_tokenPanel->findChildren<RenewalDialog *>())
        if (dialog->isRunning())
            return true;
    for (const PinResetDialog *dialog : m_tokenPanel->findChildren<PinResetDialog *>())
        if (dialog->isBusy())
            return true;
    return false;
}

void MainWindow::onRenewRequested(const QString &tokenSerial, const QString &certificateSerialHex)
{
    if (const Application *app = writableRenewal(tokenSerial)) {
        m_tokenPanel->openRenewal(app->id, tokenSerial);
        return;
    }
    // A renewal or change of this unit is already under way: open it (wizard, payment or details) rather
    // than starting a second one (a second fee).
    if (const ApplicationRow *row = openRenewal(tokenSerial)) {
        const QString key = row->key();
        const Workflow workflow = m_context.workflow();
        statusBar()->showMessage(tr("Application %1 (%2) for this certificate is already under way; it was opened "
                                    "instead of a new one.")
                                     .arg(row->localOnly ? tr("draft") : row->app.id, enumDisplayName(row->app.kind)),
                                 15000);
        if (!row->localOnly && row->app.reviewStatus == ReviewStatus::Approved
            && WorkflowRules::mayPay(row->app, workflow).allowed) {
            openWizard({WizardRequest::Purpose::Pay, key, std::nullopt, QString()});
        } else if (WorkflowRules::mayEdit(row->app, workflow).allowed || row->localOnly) {
            openWizard({WizardRequest::Purpose::Edit, key, std::nullopt, QString()});
        } else {
            auto *dialog = new ApplicationDetailsDialog(m_context, row->app, this);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            wireWriteToKey(dialog);
            dialog->show();
        }
        return;
    }
    // No approved renewal yet: a new renewal application for the certificate on this key.
    CertificateRef ref;
    ref.tokenSerial = tokenSerial;
    ref.serial = certificateSerialHex;
    if (const auto token = m_tokenPanel->currentToken()) {
        ref.tokenSerial = token->token.serial;
        for (const auto &cert : token->certificates) {
            if (cert.serialHex == certificateSerialHex) {
                ref.subject = cert.subject;
                ref.notAfter = cert.notAfter;
            }
        }
    }
    statusBar()->showMessage(tr("A new renewal application for the certificate on USB key %1 was started.").arg(tokenSerial),
                             15000);
    WizardRequest request{WizardRequest::Purpose::New, QString(), std::nullopt, QString()};
    request.kind = ApplicationKind::Renewal;
    request.certificate = ref;
    openWizard(request);
}

void MainWindow::writeSelectedToKey()
{
    const ApplicationRow *row = currentRow();
    if (!row || !m_writeKeyButton->isEnabled())
        return;
    writeToKey(row->app.id);
}

void MainWindow::writeToKey(const QString &id)
{
    QString serial;
    for (const Application &app : std::as_const(m_serverApps))
        if (app.id == id && app.certificate)
            serial = app.certificate->tokenSerial;
    m_ui->mainTabs->setCurrentWidget(m_ui->keysTab);
    m_tokenPanel->openRenewal(id, m_tokenPanel->selectToken(serial) ? serial : QString());
}

void MainWindow::wireWriteToKey(ApplicationDetailsDialog *dialog)
{
    dialog->setWriteToKeyCheck([this](const Application &app) { return writeToKeyBlocker(app); });
    connect(dialog, &ApplicationDetailsDialog::writeToKeyRequested, this, [this, dialog](const QString &id) {
        dialog->close();
        writeToKey(id);
    });
}

void MainWindow::refresh()
{
    if (!m_context.isLoggedIn()) {
        rebuildRows();
        return;
    }
    if (m_listCall) {
        m_refreshAgain = true; // something changed while the list was loading
        return;
    }
    statusBar()->showMessage(tr("Loading the applications…"));
    m_ui->refreshButton->setEnabled(false);
    m_listCall = m_context.client().listApplications();
    connect(m_listCall, &PlatformCall::finished, this, &MainWindow::onListFinished);
}

void MainWindow::onListFinished()
{
    PlatformCall *call = m_listCall;
    m_listCall = nullptr;
    m_ui->refreshButton->setEnabled(true);
    if (!call)
        return;
    call->deleteLater();
    ++m_refreshCount;
    if (call->ok()) {
        QList<Application> apps;
        const QJsonArray items = call->json().value(QStringLiteral("items")).toArray();
        for (const QJsonValue &v : items) {
            const auto parsed = Application::fromJson(v.toObject());
            if (!parsed.ok())
                qCWarning(lcUi) << "application in the list has issues:" << parsed.issues.size();
            if (!parsed.value.id.isEmpty())
                apps << parsed.value;
        }
        // Status changes seen by the list itself (e.g. before a poller watched the application).
        if (m_serverListLoaded) {
            for (const Application &now : std::as_const(apps)) {
                for (const Application &was : std::as_const(m_serverApps)) {
                    if (was.id != now.id)
                        continue;
                    QList<StatusChange> changes;
                    if (was.reviewStatus != now.reviewStatus)
                        changes.append({QStringLiteral("review_status"), enumWord(was.reviewStatus), enumWord(now.reviewStatus)});
                    if (was.paymentStatus != now.paymentStatus)
                        changes.append({QStringLiteral("payment_status"), enumWord(was.paymentStatus), enumWord(now.paymentStatus)});
                    if (was.handlingStatus != now.handlingStatus)
                        changes.append({QStringLiteral("handling_status"), enumWord(was.handlingStatus), enumWord(now.handlingStatus)});
                    if (!changes.isEmpty() && !m_ownChanges.contains(now.id))
                        notifyChanges(now.id, changes);
                }
            }
        }
        m_ownChanges.clear();
        m_serverApps = apps;
        m_serverListLoaded = true;
        statusBar()->showMessage(tr("%n application(s) loaded.", nullptr, int(apps.size())), 5000);
    } else if (call->error().kind != PlatformError::Kind::Cancelled) {
        qCWarning(lcUi) << "listing applications failed:" << call->error().detail << call->error().requestId;
        statusBar()->showMessage(call->error().userMessage, 10000);
    }
    rebuildRows();
    syncPollers();
    Q_EMIT refreshed();
    if (m_refreshAgain) {
        m_refreshAgain = false;
        refresh();
    }
}

void MainWindow::rebuildRows()
{
    QList<ApplicationRow> rows;
    QHash<QString, Draft> draftsByServerId;
    QList<Draft> localOnly;
    const auto drafts = m_context.store().isOpen() ? m_context.store().listDrafts()
                                                   : StoreResult<QList<Draft>>(QList<Draft>());
    if (drafts.ok()) {
        for (const Draft &d : drafts.value()) {
            if (d.serverId.isEmpty())
                localOnly << d;
            else
                draftsByServerId.insert(d.serverId, d);
        }
    } else {
        qCWarning(lcUi) << "reading local drafts failed:" << drafts.error().detail;
    }
    for (const Draft &d : std::as_const(localOnly)) {
        ApplicationRow row;
        row.app = Application::fromJson(d.json).value;
        if (const auto kind = enumFromWord<ApplicationKind>(d.kind))
            row.app.kind = *kind;
        row.app.id.clear();
        row.app.reviewStatus = ReviewStatus::Draft;
        row.app.paymentStatus = PaymentStatus::Unpaid;
        row.app.handlingStatus = HandlingStatus::None;
        if (row.app.fee.isZero() && m_context.platform().loaded)
            row.app.fee = m_context.platform().priceOf(row.app.kind) * row.app.order.quantity;
        row.app.updatedAt = d.updatedAt;
        row.draftId = d.id;
        row.localOnly = true;
        rows << row;
    }
    for (const Application &app : std::as_const(m_serverApps)) {
        ApplicationRow row;
        row.app = app;
        const auto it = draftsByServerId.constFind(app.id);
        if (it != draftsByServerId.constEnd()) {
            row.draftId = it->id;
            row.localChanges = it->dirty;
        }
        rows << row;
    }
    // Both lists keep their selection across the refresh (a row whose local
    // draft was just created on the server is found again by its draft id).
    QHash<QTableView *, QStringList> selected; // server id and/or draft id of the selected row
    for (QTableView *table : {m_ui->applicationsTable, m_ui->paymentsTable}) {
        const QString key = selectedKey(table);
        if (const ApplicationRow *row = key.isEmpty() ? nullptr : m_model->find(key))
            selected.insert(table, QStringList{row->app.id, row->draftId});
    }
    m_model->setRows(rows);
    for (auto it = selected.cbegin(); it != selected.cend(); ++it) {
        for (const QString &key : it.value()) {
            if (!key.isEmpty() && selectIn(it.key(), key))
                break;
        }
    }
    updateActions();
}

void MainWindow::syncPollers()
{
    const int seconds = qMax(1, m_context.settings().value(AppSettings::Key::PollIntervalSeconds).toInt());
    QSet<QString> wanted;
    for (const Application &app : std::as_const(m_serverApps)) {
        if (needsPolling(app))
            wanted.insert(app.id);
    }
    for (auto it = m_pollers.begin(); it != m_pollers.end();) {
        if (!wanted.contains(it.key())) {
            it.value()->stop();
            it.value()->deleteLater();
            it = m_pollers.erase(it);
        } else {
            ++it;
        }
    }
    for (const QString &id : std::as_const(wanted)) {
        if (m_pollers.contains(id))
            continue;
        auto *poller = new StatusPoller(&m_context.client(), id, this);
        poller->setIntervals(std::chrono::seconds(seconds), std::chrono::seconds(seconds * 8));
        connect(poller, &StatusPoller::statusChanged, this, &MainWindow::onStatusChanged);
        m_pollers.insert(id, poller);
        poller->start();
    }
}

void MainWindow::onStatusChanged(const QString &id, const QList<ca::StatusChange> &changes)
{
    // Take the poller's copy into the list, so the next refresh does not report the same change again.
    if (StatusPoller *poller = m_pollers.value(id)) {
        const auto parsed = Application::fromJson(poller->application());
        for (Application &app : m_serverApps) {
            if (app.id == id && !parsed.value.id.isEmpty())
                app = parsed.value;
        }
    }
    notifyChanges(id, changes);
    refresh();
}

void MainWindow::notifyChanges(const QString &id, const QList<ca::StatusChange> &changes)
{
    QString unit;
    for (const Application &app : std::as_const(m_serverApps)) {
        if (app.id == id)
            unit = app.organization.name;
    }
    QStringList sentences;
    for (const StatusChange &change : changes) {
        if (change.key == QLatin1String("review_status")) {
            const auto to = enumFromWord<ReviewStatus>(change.to);
            if (to)
                sentences << tr("Application %1 of %2: the review status is now \"%3\".")
                                 .arg(id, unit, enumDisplayName(*to));
        } else if (change.key == QLatin1String("payment_status")) {
            const auto to = enumFromWord<PaymentStatus>(change.to);
            if (to)
                sentences << tr("Application %1 of %2: the payment status is now \"%3\".")
                                 .arg(id, unit, enumDisplayName(*to));
        } else if (change.key == QLatin1String("handling_status")) {
            const auto to = enumFromWord<HandlingStatus>(change.to);
            if (to)
                sentences << tr("Application %1 of %2: the handling status is now \"%3\".")
                                 .arg(id, unit, enumDisplayName(*to));
        }
    }
    if (!sentences.isEmpty())
        m_notifier->notify(tr("CA application status"), sentences.join(QLatin1Char(' ')));
}

void MainWindow::openWizard(const WizardRequest &request)
{
    if (m_wizardOpener)
        m_wizardOpener(request);
    else
        defaultOpenWizard(request);
}

void MainWindow::defaultOpenWizard(const WizardRequest &request)
{
#ifdef CA_HAVE_WIZARD
    QDialog *window = nullptr;
    switch (request.purpose) {
    case WizardRequest::Purpose::New:
    case WizardRequest::Purpose::Edit: {
        auto *wizard = new ApplicationWizard(m_context, request.key, this);
        if (request.purpose == WizardRequest::Purpose::New && request.kind && wizard->isLoaded()) {
            // Renew on the token panel: the kind (and the certificate concerned) chosen already
            wizard->preset(*request.kind, request.certificate);
        }
        window = wizard;
        break;
    }
    case WizardRequest::Purpose::FixProblems:
        window = ApplicationWizard::openAtProblem(m_context, request.key, request.step.value_or(WizardStep::Kind),
                                                  request.fieldPath, this);
        break;
    case WizardRequest::Purpose::Pay:
        // Pay-first: the wizard's payment page; review-first: the standalone payment window once approved.
        if (m_context.workflow() == Workflow::PayFirst)
            window = ApplicationWizard::openAtPayment(m_context, request.key, this);
        else
            window = new PaymentDialog(m_context, request.key, this);
        break;
    }
    if (!window)
        return;
    window->setAttribute(Qt::WA_DeleteOnClose);
    connect(window, &QDialog::finished, this, &MainWindow::refresh);
    window->show();
#else
    m_context.messages().inform(this, tr("CA application"),
                                tr("The application wizard is not part of this build."),
                                MessageSeam::Severity::Warning);
    Q_UNUSED(request);
#endif
}

void MainWindow::newApplication()
{
    openWizard({WizardRequest::Purpose::New, QString(), std::nullopt, QString()});
}

void MainWindow::editSelected()
{
    const ApplicationRow *row = currentRow();
    if (!row)
        return;
    const Decision edit = WorkflowRules::mayEdit(row->app, m_context.workflow());
    if (!edit.allowed) {
        m_context.messages().inform(this, tr("Edit application"), edit.reason, MessageSeam::Severity::Warning);
        return;
    }
    openWizard({WizardRequest::Purpose::Edit, row->key(), std::nullopt, QString()});
}

void MainWindow::deleteSelected()
{
    const ApplicationRow *row = currentRow();
    if (!row)
        return;
    const Decision del = WorkflowRules::mayDelete(row->app, m_context.workflow());
    if (!del.allowed) {
        m_context.messages().inform(this, tr("Delete application"), del.reason, MessageSeam::Severity::Warning);
        return;
    }
    const QString unit = row->app.organization.name.isEmpty() ? tr("a new unit") : row->app.organization.name;
    const QString question = row->localOnly
        ? tr("Delete the draft application of %1 (%2) saved on this computer? This cannot be undone.")
              .arg(unit, enumDisplayName(row->app.kind))
        : tr("Delete application %1 of %2 (%3) from the platform? This cannot be undone.")
              .arg(row->app.id, unit, enumDisplayName(row->app.kind));
    if (!m_context.messages().ask(this, tr("Delete application"), question, tr("Delete")))
        return;
    const QString draftId = row->draftId;
    if (row->localOnly) {
        const auto removed = m_context.store().deleteDraft(draftId);
        if (!removed.ok())
            m_context.messages().inform(this, tr("Delete application"), removed.error().message,
                                        MessageSeam::Severity::Error);
        else
            statusBar()->showMessage(tr("The draft was deleted."), 5000);
        rebuildRows();
        m_context.notifyApplicationsChanged(draftId);
        return;
    }
    const QString id = row->app.id;
    PlatformCall *call = m_context.client().deleteApplication(id);
    statusBar()->showMessage(tr("Deleting application %1…").arg(id));
    connect(call, &PlatformCall::finished, this, [this, call, id, draftId] {
        call->deleteLater();
        if (!call->ok()) {
            showError(tr("Delete application"), call->error());
            return;
        }
        if (!draftId.isEmpty())
            m_context.store().deleteDraft(draftId);
        statusBar()->showMessage(tr("Application %1 was deleted.").arg(id), 5000);
        m_context.notifyApplicationsChanged(id);
    });
}

void MainWindow::submitSelected()
{
    const ApplicationRow *row = currentRow();
    if (!row)
        return;
    const Decision submit = WorkflowRules::maySubmit(row->app, m_context.workflow());
    if (!submit.allowed) {
        m_context.messages().inform(this, tr("Submit"), submit.reason, MessageSeam::Severity::Warning);
        return;
    }
    if (row->localOnly || row->localChanges) {
        if (m_context.messages().ask(this, tr("Submit"),
                                     tr("This application has changes saved on this computer only. Open it in the "
                                        "wizard to save it to the platform and submit it there?"),
                                     tr("Open in the wizard")))
            openWizard({WizardRequest::Purpose::Edit, row->key(), std::nullopt, QString()});
        return;
    }
    const QList<FieldError> errors = ApplicationValidator::validate(row->app, ValidationPurpose::Submit);
    if (!errors.isEmpty()) {
        QStringList lines;
        for (qsizetype i = 0; i < errors.size() && i < 8; ++i)
            lines << QStringLiteral("• ") + errors.at(i).message;
        if (errors.size() > 8)
            lines << tr("…and %n more.", nullptr, int(errors.size() - 8));
        const QString text = tr("The application cannot be submitted yet:") + QLatin1Char('\n') + lines.join(QLatin1Char('\n'))
            + QLatin1String("\n\n") + tr("Open it in the wizard at the first problem?");
        if (m_context.messages().ask(this, tr("Submit"), text, tr("Open at the problem")))
            openWizard({WizardRequest::Purpose::FixProblems, row->key(), errors.first().step, errors.first().path});
        return;
    }
    const QString id = row->app.id; // the list may be read again while the comment dialog is open
    const std::optional<QString> comment = SubmitCommentDialog::ask(m_context, this, row->app);
    if (!comment)
        return;
    const auto key = m_context.store().operationKey(QStringLiteral("submit"), id);
    const QString idempotencyKey = key.ok() ? key.value() : LocalStore::newId();
    PlatformCall *call = m_context.client().submitApplication(id, *comment, idempotencyKey);
    m_ui->submitButton->setEnabled(false);
    statusBar()->showMessage(tr("Submitting application %1…").arg(id));
    connect(call, &PlatformCall::finished, this, [this, call, id] {
        call->deleteLater();
        if (!call->ok()) {
            updateActions();
            showError(tr("Submit"), call->error());
            return;
        }
        m_context.store().finishOperation(QStringLiteral("submit"), id);
        m_ownChanges.insert(id);
        statusBar()->showMessage(tr("Application %1 was submitted and waits for review.").arg(id), 10000);
        m_context.notifyApplicationsChanged(id);
    });
}

void MainWindow::paySelected()
{
    const ApplicationRow *row = currentRow();
    if (!row)
        return;
    const Decision pay = WorkflowRules::mayPay(row->app, m_context.workflow());
    if (!pay.allowed || row->localOnly) {
        m_context.messages().inform(this, tr("Pay online"), m_ui->payButton->toolTip(), MessageSeam::Severity::Warning);
        return;
    }
    openWizard({WizardRequest::Purpose::Pay, row->key(), std::nullopt, QString()});
}

void MainWindow::showDetails()
{
    const ApplicationRow *row = currentRow();
    if (!row || row->localOnly)
        return;
    auto *dialog = new ApplicationDetailsDialog(m_context, row->app, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    wireWriteToKey(dialog);
    dialog->show();
}

void MainWindow::showError(const QString &title, const PlatformError &error)
{
    qCWarning(lcUi) << title << "failed:" << error.detail << "request id" << error.requestId;
    QString text = error.userMessage;
    if (!error.requestId.isEmpty())
        text += QLatin1Char(' ') + tr("(Request number for the helpdesk: %1.)").arg(error.requestId);
    statusBar()->showMessage(error.userMessage, 10000);
    m_context.messages().inform(this, title, text, MessageSeam::Severity::Error);
}

void MainWindow::openSettings()
{
    SettingsDialog dialog(m_context.settings(), this);
    if (dialog.exec() == QDialog::Accepted)
        statusBar()->showMessage(tr("Settings saved. A new server applies at the next login; a new language at the next start."), 10000);
}

void MainWindow::about()
{
    m_context.messages().inform(
        this, tr("About"),
        tr("CA Certificate Assistant %1\nApply for CA certificates (USB keys) on the procurement platform, pay, follow "
           "the review and look after your keys.")
            .arg(QCoreApplication::applicationVersion()));
}

void MainWindow::onAuthenticationRequired()
{
    if (m_reloginOpen)
        return;
    m_reloginOpen = true;
    auto *dialog = new LoginDialog(m_context, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::finished, this, [this](int result) {
        m_reloginOpen = false;
        if (result != QDialog::Accepted)
            m_context.client().abandonAuthentication();
    });
    dialog->open();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    // Never close (and never wait on the key in the destructor) while a certificate is being written to
    // the key or a PIN being reset: say why, and let the user close once the step has ended.
    if (isKeyBusy()) {
        event->ignore();
        m_context.messages().inform(this, tr("USB key in use"),
                                    tr("A certificate is being written to the USB key or its PIN is being reset. Keep "
                                       "the key inserted and close the program when the key window shows the "
                                       "result."),
                                    MessageSeam::Severity::Warning);
        return;
    }
    m_context.settings().setValue(AppSettings::Key::WindowGeometry, saveGeometry());
    QMainWindow::closeEvent(event);
}

} // namespace ca::ui
