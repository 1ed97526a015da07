// MainWindow against a real ca-sandbox (review-first) and a real LocalStore:
// the status tabs (CA 办理 and CA 支付) show the right rows, local-only drafts
// are listed, Edit/Delete/Submit/Pay/Details follow core/workflow and say why
// when disabled, a draft is deleted after the confirmation, an application is
// submitted from the list with a comment and moves to 待审核, an incomplete one
// is sent to the wizard at its first problem, and an approval made by the
// reviewer (ca-sandbox admin approve) is notified and moves the row.

#include "SandboxProcess.h"

#include "core/platform/PlatformClient.h"
#include "core/store/LocalStore.h"
#include "core/validation/ApplicationValidator.h"
#include "core/workflow/WorkflowRules.h"
#include "i18n/Translations.h"
#include "ui/AppSettings.h"
#include "ui/ApplicationFilter.h"
#include "ui/ApplicationListModel.h"
#include "ui/ClientContext.h"
#include "ui/MainWindow.h"
#include "ui/MessageSeam.h"
#include "ui/StatusNotifier.h"
#include "ui/ApplicationWizard.h"
#include "ui/wizard/PaymentDialog.h"
#include "ui/wizard/PaymentWidget.h"
#include "ui/wizard/WizardPageBase.h"
#include "core/platform/PaymentController.h"

#include <QHeaderView>
#include <QCheckBox>
#include <QJsonArray>
#include <QRadioButton>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace ca;
using namespace ca::ui;

class TestMainWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void tabsShowTheRightRows();
    void actionsFollowTheWorkflow();
    void deleteDraft();
    void deleteLocalDraft();
    void submitFromList();
    void submitIncompleteOpensWizard();
    void approvalIsNotified();
    void offlineBanner();
    void payOpensThePaymentDirectly();
    void problemsOpenTheWizardAtTheFirst();
    void selectionSurvivesRefresh();
    void columnsShowWholeTexts(); // last: installs the zh_CN catalogue

private:
    QString create(const QJsonObject &body);
    void uploadRequired(const QString &id, ApplicationKind kind);
    void submitViaApi(const QString &id);
    // A complete application of `kind` with its scans, submitted for review (pending).
    QString submitted(const QString &kind);
    // Pays an approved application: a WeChat order settled by the reviewer's admin command.
    void payViaSandbox(const QString &id);
    void admin(const QStringList &args);
    QStringList keysInView(QTabBar *bar, int tab, QTableView *table);
    void checkColumnsWhole(const char *lang);
    QPushButton *button(const char *name) const;
    Application serverCopy(const QString &id);

    std::unique_ptr<test::SandboxProcess> m_sandbox;
    std::unique_ptr<test::SandboxHttp> m_http;
    QTemporaryDir m_dir;
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<LocalStore> m_store;
    std::unique_ptr<PlatformClient> m_client;
    std::unique_ptr<ClientContext> m_context;
    ScriptedMessageSeam m_seam;
    std::unique_ptr<MainWindow> m_window;
    QList<WizardRequest> m_wizardRequests;
};

void TestMainWindow::initTestCase()
{
    m_sandbox = std::make_unique<test::SandboxProcess>(QStringList{QStringLiteral("--workflow"), QStringLiteral("review-first")});
    QVERIFY2(m_sandbox->start(), qPrintable(m_sandbox->lastError()));
    m_http = std::make_unique<test::SandboxHttp>(*m_sandbox);
    QVERIFY(m_http->login(QStringLiteral("supplier")));
}

void TestMainWindow::init()
{
    static int n = 0;
    ++n;
    m_settings = std::make_unique<AppSettings>(m_dir.filePath(QStringLiteral("user%1.ini").arg(n)), QString());
    m_settings->setValue(AppSettings::Key::ServerUrl, m_sandbox->url().toString());
    m_settings->setValue(AppSettings::Key::CaBundle, m_sandbox->caCertPath());
    m_settings->setValue(AppSettings::Key::PollIntervalSeconds, 1);
    m_store = std::make_unique<LocalStore>();
    QVERIFY(m_store->open(m_dir.filePath(QStringLiteral("store%1.sqlite").arg(n))).ok());
    m_client = std::make_unique<PlatformClient>();
    m_context = std::make_unique<ClientContext>(*m_client, *m_store, *m_settings);
    m_context->setMessageSeam(&m_seam);
    m_seam = ScriptedMessageSeam();
    QString error;
    QVERIFY2(m_context->applyConnectionSettings(&error), qPrintable(error));
    PlatformCall *login = m_client->login(QStringLiteral("supplier"), m_sandbox->password(QStringLiteral("supplier")));
    QVERIFY(login->waitForFinished(30000));
    QVERIFY(login->ok());
    delete login;
    PlatformCall *info = m_context->refreshPlatformInfo();
    QVERIFY(info->waitForFinished(30000));
    QVERIFY(m_context->platform().loaded);
    Account account;
    account.username = QStringLiteral("supplier");
    account.organization.name = QStringLiteral("济南示例科技有限公司");
    m_context->setAccount(account);
    m_wizardRequests.clear();
}

void TestMainWindow::cleanup()
{
    m_window.reset();
    m_context.reset();
    m_client.reset();
    m_store.reset();
    m_settings.reset();
}

QString TestMainWindow::create(const QJsonObject &body)
{
    const auto r = m_http->post(QStringLiteral("/api/v1/applications"), body);
    if (r.status != 201)
        qWarning() << "create failed" << r.status << r.body;
    return r.json().value(QStringLiteral("id")).toString();
}

void TestMainWindow::uploadRequired(const QString &id, ApplicationKind kind)
{
    for (AttachmentCategory c : ApplicationValidator::requiredAttachments(kind)) {
        const auto r = m_http->upload(QStringLiteral("/api/v1/applications/%1/attachments").arg(id), enumWord(c),
                                      QStringLiteral("scan.pdf"), test::tinyPdf(),
                                      {{"Idempotency-Key", LocalStore::newId().toLatin1()}});
        QCOMPARE(r.status, 201);
    }
}

void TestMainWindow::submitViaApi(const QString &id)
{
    const auto r = m_http->post(QStringLiteral("/api/v1/applications/%1/submit").arg(id),
                                QJsonObject{{QStringLiteral("comment"), QStringLiteral("ok")}},
                                {{"Idempotency-Key", LocalStore::newId().toLatin1()}});
    QVERIFY2(r.status == 200 || r.status == 201, r.body.constData());
}

QString TestMainWindow::submitted(const QString &kind)
{
    const QString id = create(test::sampleApplication(kind));
    uploadRequired(id, *enumFromWord<ApplicationKind>(kind));
    submitViaApi(id);
    return id;
}

void TestMainWindow::payViaSandbox(const QString &id)
{
    const auto order = m_http->post(QStringLiteral("/api/v1/applications/%1/payments").arg(id),
                                    QJsonObject{{QStringLiteral("channel"), QStringLiteral("wechat")}},
                                    {{"Idempotency-Key", LocalStore::newId().toLatin1()}});
    QCOMPARE(order.status, 201);
    admin({QStringLiteral("pay"), order.json().value(QStringLiteral("order_no")).toString()});
}

void TestMainWindow::admin(const QStringList &args)
{
    const auto r = m_sandbox->runAdmin(args);
    QVERIFY2(r.exitCode == 0, r.err.constData());
}

Application TestMainWindow::serverCopy(const QString &id)
{
    return Application::fromJson(m_http->get(QStringLiteral("/api/v1/applications/%1").arg(id)).json()).value;
}

QStringList TestMainWindow::keysInView(QTabBar *bar, int tab, QTableView *table)
{
    bar->setCurrentIndex(tab);
    QStringList keys;
    for (int r = 0; r < table->model()->rowCount(); ++r)
        keys << table->model()->index(r, 0).data(ApplicationListModel::KeyRole).toString();
    keys.sort();
    return keys;
}

QPushButton *TestMainWindow::button(const char *name) const
{
    return m_window->findChild<QPushButton *>(QLatin1String(name));
}

void TestMainWindow::tabsShowTheRightRows()
{
    // One application in every state, made through the API and the reviewer's admin commands.
    const QString draft = create(test::sampleApplication(QStringLiteral("new")));
    const QString pending = submitted(QStringLiteral("reissue"));
    const QString approved = submitted(QStringLiteral("new"));
    admin({QStringLiteral("approve"), approved});
    const QString rejected = submitted(QStringLiteral("change"));
    admin({QStringLiteral("reject"), rejected, QStringLiteral("--comment"), QStringLiteral("营业执照不清晰")});
    const QString paid = submitted(QStringLiteral("new"));
    admin({QStringLiteral("approve"), paid});
    payViaSandbox(paid);
    QVERIFY(!draft.isEmpty() && !pending.isEmpty() && !approved.isEmpty() && !rejected.isEmpty() && !paid.isEmpty());

    // A draft that exists only on this computer.
    Draft local;
    local.id = LocalStore::newId();
    local.kind = QStringLiteral("renewal");
    local.json = test::sampleApplication(QStringLiteral("renewal"));
    QVERIFY(m_store->saveDraft(local).ok());

    m_window = std::make_unique<MainWindow>(*m_context);
    m_window->show();
    QTRY_VERIFY_WITH_TIMEOUT(m_window->refreshCount() >= 1, 30000);

    auto *status = m_window->findChild<QTabBar *>(QStringLiteral("statusTabBar"));
    auto *payment = m_window->findChild<QTabBar *>(QStringLiteral("paymentTabBar"));
    auto *mainTabs = m_window->findChild<QTabWidget *>(QStringLiteral("mainTabs"));
    auto *table = m_window->findChild<QTableView *>(QStringLiteral("applicationsTable"));
    auto *paymentsTable = m_window->findChild<QTableView *>(QStringLiteral("paymentsTable"));
    QVERIFY(status && payment && mainTabs && table && paymentsTable);
    QCOMPARE(status->count(), 5);
    QCOMPARE(status->tabText(0), QStringLiteral("Editing"));
    QCOMPARE(status->tabText(1), QStringLiteral("Pending review"));
    QCOMPARE(status->tabText(2), QStringLiteral("Approved"));
    QCOMPARE(status->tabText(3), QStringLiteral("Rejected"));

    // Rows made by other tests may be there too: check that ours are where they belong and nowhere else.
    auto in = [&](int tab, const QString &key) { return keysInView(status, tab, table).contains(key); };
    QVERIFY(in(0, draft) && in(0, local.id));
    QVERIFY(!in(0, pending) && !in(0, approved) && !in(0, rejected) && !in(0, paid));
    QVERIFY(in(1, pending) && !in(1, draft) && !in(1, approved));
    QVERIFY(in(2, approved) && in(2, paid) && !in(2, pending) && !in(2, rejected));
    QVERIFY(in(3, rejected) && !in(3, draft));

    // The local-only draft is marked.
    const int localRow = m_window->model()->indexOfKey(local.id);
    QVERIFY(localRow >= 0);
    QVERIFY(m_window->model()->rows().at(localRow).localOnly);
    QVERIFY(m_window->model()->index(localRow, ApplicationListModel::UnitColumn).data().toString().contains(QStringLiteral("this computer")));

    // Review-first: the CA 支付 page with 未支付 / 已支付 / 已办理.
    QVERIFY(mainTabs->indexOf(m_window->findChild<QWidget *>(QStringLiteral("paymentsTab"))) >= 0);
    QVERIFY(mainTabs->indexOf(m_window->findChild<QWidget *>(QStringLiteral("keysTab"))) >= 0);
    mainTabs->setCurrentWidget(m_window->findChild<QWidget *>(QStringLiteral("paymentsTab")));
    QCOMPARE(payment->count(), 3);
    QVERIFY(keysInView(payment, 0, paymentsTable).contains(approved));
    QVERIFY(!keysInView(payment, 0, paymentsTable).contains(paid));
    QVERIFY(keysInView(payment, 1, paymentsTable).contains(paid));
    QVERIFY(!keysInView(payment, 1, paymentsTable).contains(approved));
    QVERIFY(!keysInView(payment, 2, paymentsTable).contains(paid));
    // The action bar follows the page in front.
    QVERIFY(button("payButton")->isVisibleTo(m_window.get()));
    QCOMPARE(button("payButton")->parentWidget()->parentWidget(), m_window->findChild<QWidget *>(QStringLiteral("paymentsTab")));

    // Search narrows the list.
    mainTabs->setCurrentIndex(0);
    status->setCurrentIndex(4); // All
    auto *search = m_window->findChild<QLineEdit *>(QStringLiteral("searchEdit"));
    search->setText(rejected);
    QCOMPARE(table->model()->rowCount(), 1);
    search->clear();
    QVERIFY(table->model()->rowCount() >= 6);
}

void TestMainWindow::actionsFollowTheWorkflow()
{
    const QString draft = create(test::sampleApplication(QStringLiteral("new")));
    const QString pending = submitted(QStringLiteral("new"));
    const QString approved = submitted(QStringLiteral("new"));
    admin({QStringLiteral("approve"), approved});
    const QString rejected = submitted(QStringLiteral("new"));
    admin({QStringLiteral("reject"), rejected, QStringLiteral("--comment"), QStringLiteral("授权委托书缺少公章")});
    const QString paid = submitted(QStringLiteral("new"));
    admin({QStringLiteral("approve"), paid});
    payViaSandbox(paid);

    m_window = std::make_unique<MainWindow>(*m_context);
    m_window->show();
    QTRY_VERIFY_WITH_TIMEOUT(m_window->refreshCount() >= 1, 30000);
    m_window->findChild<QTabBar *>(QStringLiteral("statusTabBar"))->setCurrentIndex(4); // All

    // Nothing selected: every row action is off and says so.
    QVERIFY(!button("editButton")->isEnabled());
    QVERIFY(!button("editButton")->toolTip().isEmpty());
    QVERIFY(button("newButton")->isEnabled());

    const Workflow wf = Workflow::ReviewFirst;
    struct Expect {
        QString id;
        bool edit, del, submit, pay;
    };
    const QList<Expect> expectations{
        {draft, true, true, true, false},
        {pending, false, false, false, false},
        {approved, false, false, false, true},
        {rejected, true, false, true, false},
        {paid, false, false, false, false},
    };
    for (const Expect &e : expectations) {
        QVERIFY2(m_window->selectApplication(e.id), qPrintable(e.id));
        const Application app = m_window->currentRow()->app;
        QCOMPARE(m_window->currentRow()->key(), e.id);
        const struct {
            const char *name;
            bool expected;
            Decision decision;
        } checks[] = {
            {"editButton", e.edit, WorkflowRules::mayEdit(app, wf)},
            {"deleteButton", e.del, WorkflowRules::mayDelete(app, wf)},
            {"submitButton", e.submit, WorkflowRules::maySubmit(app, wf)},
            {"payButton", e.pay, WorkflowRules::mayPay(app, wf)},
        };
        for (const auto &c : checks) {
            QPushButton *b = button(c.name);
            QVERIFY2(b->isEnabled() == c.expected, qPrintable(QStringLiteral("%1 on %2").arg(QLatin1String(c.name), e.id)));
            QCOMPARE(c.decision.allowed, c.expected);
            if (!c.expected) {
                QVERIFY(!b->toolTip().isEmpty());
                QCOMPARE(b->toolTip(), c.decision.reason);
            }
        }
        QVERIFY(button("detailsButton")->isEnabled());
    }
}

void TestMainWindow::deleteDraft()
{
    const QString draft = create(test::sampleApplication(QStringLiteral("new")));
    m_window = std::make_unique<MainWindow>(*m_context);
    m_window->show();
    QTRY_VERIFY_WITH_TIMEOUT(m_window->refreshCount() >= 1, 30000);
    QVERIFY(m_window->selectApplication(draft));

    // Declining the confirmation keeps it.
    m_seam.answers = {false};
    QTest::mouseClick(button("deleteButton"), Qt::LeftButton);
    QCOMPARE(m_seam.textsOf(ScriptedMessageSeam::Entry::Type::Ask).size(), 1);
    QVERIFY(m_seam.lastQuestion().contains(draft));
    QCOMPARE(m_http->get(QStringLiteral("/api/v1/applications/%1").arg(draft)).status, 200);

    m_seam.answers = {true};
    QTest::mouseClick(button("deleteButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->model()->indexOfKey(draft), -1, 30000);
    QCOMPARE(m_http->get(QStringLiteral("/api/v1/applications/%1").arg(draft)).status, 404);
}

void TestMainWindow::deleteLocalDraft()
{
    Draft local;
    local.id = LocalStore::newId();
    local.kind = QStringLiteral("new");
    local.json = test::sampleApplication(QStringLiteral("new"));
    QVERIFY(m_store->saveDraft(local).ok());
    m_window = std::make_unique<MainWindow>(*m_context);
    m_window->show();
    QTRY_VERIFY_WITH_TIMEOUT(m_window->refreshCount() >= 1, 30000);
    QVERIFY(m_window->selectApplication(local.id));
    QVERIFY(!button("detailsButton")->isEnabled());
    QVERIFY(!button("payButton")->isEnabled());
    m_seam.answers = {true};
    QTest::mouseClick(button("deleteButton"), Qt::LeftButton);
    QCOMPARE(m_window->model()->indexOfKey(local.id), -1);
    QVERIFY(!m_store->loadDraft(local.id).ok());
}

void TestMainWindow::submitFromList()
{
    const QString id = create(test::sampleApplication(QStringLiteral("new")));
    uploadRequired(id, ApplicationKind::New);
    m_window = std::make_unique<MainWindow>(*m_context);
    m_window->show();
    QTRY_VERIFY_WITH_TIMEOUT(m_window->refreshCount() >= 1, 30000);
    QVERIFY(m_window->selectApplication(id)); // 编辑中 tab is in front
    QVERIFY(button("submitButton")->isEnabled());

    // Cancelling the comment dialog sends nothing.
    m_seam.texts = {std::nullopt};
    QTest::mouseClick(button("submitButton"), Qt::LeftButton);
    QCOMPARE(serverCopy(id).reviewStatus, ReviewStatus::Draft);

    m_seam.texts = {QStringLiteral("请审核，谢谢")};
    QTest::mouseClick(button("submitButton"), Qt::LeftButton);
    QCOMPARE(m_seam.textsOf(ScriptedMessageSeam::Entry::Type::AskText).size(), 2);
    QTRY_COMPARE_WITH_TIMEOUT(serverCopy(id).reviewStatus, ReviewStatus::Pending, 30000);
    // The row moves from 编辑中 to 待审核.
    auto *status = m_window->findChild<QTabBar *>(QStringLiteral("statusTabBar"));
    auto *table = m_window->findChild<QTableView *>(QStringLiteral("applicationsTable"));
    QTRY_VERIFY_WITH_TIMEOUT(!keysInView(status, 0, table).contains(id), 30000);
    QVERIFY(keysInView(status, 1, table).contains(id));
    // The comment is in the approval record.
    const QJsonArray events = m_http->get(QStringLiteral("/api/v1/applications/%1/events").arg(id)).json().value(QStringLiteral("items")).toArray();
    bool found = false;
    for (const QJsonValue &v : events)
        found = found || v.toObject().value(QStringLiteral("comment")).toString() == QStringLiteral("请审核，谢谢");
    QVERIFY(found);
}

void TestMainWindow::submitIncompleteOpensWizard()
{
    QJsonObject body = test::sampleApplication(QStringLiteral("new"));
    body.remove(QStringLiteral("invoice"));
    const QString id = create(body); // no invoice, no scans
    QVERIFY(!id.isEmpty());
    m_window = std::make_unique<MainWindow>(*m_context);
    m_window->setWizardOpener([this](const WizardRequest &r) { m_wizardRequests << r; });
    m_window->show();
    QTRY_VERIFY_WITH_TIMEOUT(m_window->refreshCount() >= 1, 30000);
    QVERIFY(m_window->selectApplication(id));
    // Submit is never silently inert: it lists what is missing and offers the wizard at the first problem.
    QVERIFY(button("submitButton")->isEnabled());
    m_seam.answers = {true};
    QTest::mouseClick(button("submitButton"), Qt::LeftButton);
    const QString said = m_seam.lastQuestion();
    QVERIFY2(said.contains(QStringLiteral("cannot be submitted")), qPrintable(said));
    QCOMPARE(m_wizardRequests.size(), 1);
    QCOMPARE(m_wizardRequests.first().purpose, WizardRequest::Purpose::FixProblems);
    QCOMPARE(m_wizardRequests.first().key, id);
    QVERIFY(m_wizardRequests.first().step.has_value());
    QCOMPARE(*m_wizardRequests.first().step, WizardStep::Invoice);
    QCOMPARE(serverCopy(id).reviewStatus, ReviewStatus::Draft);

    // Edit opens the wizard on the row.
    QTest::mouseClick(button("editButton"), Qt::LeftButton);
    QCOMPARE(m_wizardRequests.size(), 2);
    QCOMPARE(m_wizardRequests.last().purpose, WizardRequest::Purpose::Edit);
    QCOMPARE(m_wizardRequests.last().key, id);
}

void TestMainWindow::approvalIsNotified()
{
    const QString id = submitted(QStringLiteral("new"));
    m_window = std::make_unique<MainWindow>(*m_context);
    m_window->show();
    QTRY_VERIFY_WITH_TIMEOUT(m_window->refreshCount() >= 1, 30000);
    auto *status = m_window->findChild<QTabBar *>(QStringLiteral("statusTabBar"));
    auto *table = m_window->findChild<QTableView *>(QStringLiteral("applicationsTable"));
    QVERIFY(keysInView(status, 1, table).contains(id));
    const int before = m_window->notifier()->count();
    // The application is watched (its poller has its first answer) before the reviewer acts.
    QTRY_VERIFY_WITH_TIMEOUT(m_window->pollerFor(id) && m_window->pollerFor(id)->pollCount() >= 1, 30000);

    admin({QStringLiteral("approve"), id, QStringLiteral("--comment"), QStringLiteral("资料齐全")});

    QTRY_VERIFY_WITH_TIMEOUT(m_window->notifier()->count() > before, 60000);
    QVERIFY2(m_window->notifier()->lastMessage().contains(id), qPrintable(m_window->notifier()->lastMessage()));
    auto *banner = m_window->findChild<QWidget *>(QStringLiteral("notificationBanner"));
    QVERIFY(banner && banner->isVisible());
    QVERIFY(m_window->findChild<QLabel *>(QStringLiteral("notificationLabel"))->text().contains(id));
    QTRY_VERIFY_WITH_TIMEOUT(keysInView(status, 2, table).contains(id), 30000);
    QVERIFY(!keysInView(status, 1, table).contains(id));
}

void TestMainWindow::offlineBanner()
{
    m_window = std::make_unique<MainWindow>(*m_context);
    m_window->show();
    QTRY_VERIFY_WITH_TIMEOUT(m_window->refreshCount() >= 1, 30000);
    auto *banner = m_window->findChild<QWidget *>(QStringLiteral("offlineBanner"));
    QVERIFY(banner);
    QVERIFY(!banner->isVisible());
    const int rows = m_window->model()->rowCount();
    // Point the client at a closed port: the next refresh fails, the banner shows, the rows stay.
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
    const quint16 port = probe.serverPort();
    probe.close();
    m_client->setRetryPolicy({1, std::chrono::milliseconds(10), std::chrono::milliseconds(10)});
    m_client->setBaseUrl(QUrl(QStringLiteral("https://127.0.0.1:%1").arg(port)));
    const int count = m_window->refreshCount();
    m_window->refresh();
    QTRY_VERIFY_WITH_TIMEOUT(m_window->refreshCount() > count, 30000);
    QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), 10000);
    QCOMPARE(m_window->model()->rowCount(), rows);
}

// Review-first: Pay on an approved application in CA 支付 opens the payment window (PaymentDialog) for
// it, not the wizard; paying there through the sandbox moves the row to 已支付.
void TestMainWindow::payOpensThePaymentDirectly()
{
    const QString id = submitted(QStringLiteral("new"));
    admin({QStringLiteral("approve"), id});
    m_window = std::make_unique<MainWindow>(*m_context); // the program's own opener
    m_window->show();
    QTRY_VERIFY_WITH_TIMEOUT(m_window->refreshCount() >= 1, 30000);
    auto *mainTabs = m_window->findChild<QTabWidget *>(QStringLiteral("mainTabs"));
    mainTabs->setCurrentWidget(m_window->findChild<QWidget *>(QStringLiteral("paymentsTab")));
    auto *payment = m_window->findChild<QTabBar *>(QStringLiteral("paymentTabBar"));
    payment->setCurrentIndex(0); // 未支付
    QVERIFY(m_window->selectApplication(id));
    QVERIFY(button("payButton")->isEnabled());
    QTest::mouseClick(button("payButton"), Qt::LeftButton);
    PaymentDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_window->findChild<PaymentDialog *>()) && dialog->isVisible());
    QVERIFY(!m_window->findChild<ApplicationWizard *>());
    PaymentWidget *pay = dialog->paymentWidget();
    pay->setOpensCashier(false);
    QTRY_COMPARE_WITH_TIMEOUT(pay->applicationId(), id, 30000);
    QVERIFY(!pay->isPaid());
    pay->findChild<QCheckBox *>(QStringLiteral("nonRefundCheck"))->setChecked(true);
    pay->findChild<QRadioButton *>(QStringLiteral("channelBankRadio"))->setChecked(true);
    pay->findChild<QPushButton *>(QStringLiteral("payButton"))->click();
    QTRY_VERIFY_WITH_TIMEOUT(!pay->controller()->orderNo().isEmpty(), 30000);
    admin({QStringLiteral("pay"), pay->controller()->orderNo()});
    QTRY_VERIFY_WITH_TIMEOUT(pay->isPaid(), 60000);
    QTRY_VERIFY_WITH_TIMEOUT(keysInView(payment, 1, m_window->findChild<QTableView *>(QStringLiteral("paymentsTable"))).contains(id),
                             30000);
}

// A refresh (button, timer or a change elsewhere) keeps the row each list had selected,
// in the list on show and in the other one, so the helpdesk's "select it and click Pay"
// is not undone by a refresh in between.
void TestMainWindow::selectionSurvivesRefresh()
{
    // Two drafts, so that the row is found again rather than being the only one.
    QVERIFY(!create(test::sampleApplication(QStringLiteral("new"))).isEmpty());
    const QString second = create(test::sampleApplication(QStringLiteral("reissue")));
    const QString approved = submitted(QStringLiteral("renewal"));
    admin({QStringLiteral("approve"), approved});
    m_window = std::make_unique<MainWindow>(*m_context);
    m_window->show();
    QTRY_VERIFY_WITH_TIMEOUT(m_window->refreshCount() >= 1, 30000);
    auto *mainTabs = m_window->findChild<QTabWidget *>(QStringLiteral("mainTabs"));
    auto *status = m_window->findChild<QTabBar *>(QStringLiteral("statusTabBar"));
    status->setCurrentIndex(0); // 编辑中
    QVERIFY(m_window->selectApplication(second));
    mainTabs->setCurrentWidget(m_window->findChild<QWidget *>(QStringLiteral("paymentsTab")));
    m_window->findChild<QTabBar *>(QStringLiteral("paymentTabBar"))->setCurrentIndex(0); // 未支付
    QVERIFY(m_window->selectApplication(approved));
    mainTabs->setCurrentIndex(0);
    QCOMPARE(m_window->currentRow()->app.id, second);

    const int before = m_window->refreshCount();
    QTest::mouseClick(button("refreshButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->refreshCount() > before, 30000);
    QVERIFY(m_window->currentRow());
    QCOMPARE(m_window->currentRow()->app.id, second);
    mainTabs->setCurrentWidget(m_window->findChild<QWidget *>(QStringLiteral("paymentsTab")));
    QVERIFY(m_window->currentRow());
    QCOMPARE(m_window->currentRow()->app.id, approved);
    QVERIFY(button("payButton")->isEnabled());
}

// Submit on an application with problems: after the list of problems, the wizard opens at the page of the
// first one with its field focused (not at the notice or the kind page).
void TestMainWindow::problemsOpenTheWizardAtTheFirst()
{
    QJsonObject body = test::sampleApplication(QStringLiteral("new"));
    body.remove(QStringLiteral("invoice"));
    const QString id = create(body);
    QVERIFY(!id.isEmpty());
    m_window = std::make_unique<MainWindow>(*m_context);
    m_window->show();
    QTRY_VERIFY_WITH_TIMEOUT(m_window->refreshCount() >= 1, 30000);
    QVERIFY(m_window->selectApplication(id));
    m_seam.answers = {true}; // "Open it in the wizard at the first problem?"
    QTest::mouseClick(button("submitButton"), Qt::LeftButton);
    ApplicationWizard *wizard = nullptr;
    QTRY_VERIFY((wizard = m_window->findChild<ApplicationWizard *>()) && wizard->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(wizard->isLoaded(), 30000);
    QTRY_COMPARE(wizard->currentId(), int(ApplicationWizard::InvoicePageId));
    const QList<FieldError> problems = wizard->problems(ValidationPurpose::Submit);
    QVERIFY(!problems.isEmpty());
    QCOMPARE(problems.first().step, WizardStep::Invoice);
    auto *page = qobject_cast<WizardPageBase *>(wizard->currentPage());
    QWidget *field = page ? page->widgetForPath(problems.first().path) : nullptr;
    QVERIFY2(field, qPrintable(problems.first().path));
    QWidget *focused = wizard->focusWidget();
    QVERIFY2(focused && (focused == field || field->isAncestorOf(focused)),
             qPrintable(problems.first().path + QLatin1String(" / ") + (focused ? focused->objectName() : QString())));
    wizard->close();
}

// Every column of both lists shows its whole header and every value in it (no "审核…") at the default
// window size, on every status tab, without a horizontal scroll bar.
void TestMainWindow::checkColumnsWhole(const char *lang)
{
    // No list refresh by the pollers while measuring: a new list would size the columns again and hide
    // what a tab switch alone does.
    m_settings->setValue(AppSettings::Key::PollIntervalSeconds, 3600);
    m_window = std::make_unique<MainWindow>(*m_context);
    m_window->show(); // the size of forms/MainWindow.ui (no saved geometry in these settings)
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QTRY_VERIFY_WITH_TIMEOUT(m_window->refreshCount() >= 1, 30000);
    // The search box shows its whole hint (beside its clear button and margins).
    auto *search = m_window->findChild<QLineEdit *>(QStringLiteral("searchEdit"));
    QTRY_VERIFY2(search->width() >= search->fontMetrics().horizontalAdvance(search->placeholderText()) + 40,
             qPrintable(QStringLiteral("%1: search box %2 px for \"%3\"").arg(QLatin1String(lang)).arg(search->width()).arg(search->placeholderText())));
    auto *mainTabs = m_window->findChild<QTabWidget *>(QStringLiteral("mainTabs"));
    const QList<std::pair<const char *, const char *>> lists{{"applicationsTab", "statusTabBar"}, {"paymentsTab", "paymentTabBar"}};
    for (const auto &[tabName, barName] : lists) {
        mainTabs->setCurrentWidget(m_window->findChild<QWidget *>(QLatin1String(tabName)));
        auto *bar = m_window->findChild<QTabBar *>(QLatin1String(barName));
        auto *table = m_window->findChild<QTabWidget *>(QStringLiteral("mainTabs"))->currentWidget()->findChild<QTableView *>();
        QVERIFY(bar && table);
        for (int tab = 0; tab < bar->count(); ++tab) {
            bar->setCurrentIndex(tab);
            QCoreApplication::processEvents();
            QTRY_VERIFY(!table->horizontalScrollBar()->isVisible());
            QHeaderView *header = table->horizontalHeader();
            for (int c = 0; c < table->model()->columnCount(); ++c) {
                const QString what = QStringLiteral("%1 %2 tab %3 column %4 (%5): width %6, header needs %7, rows need %8")
                                         .arg(QLatin1String(lang), QLatin1String(tabName), bar->tabText(tab))
                                         .arg(c)
                                         .arg(table->model()->headerData(c, Qt::Horizontal).toString())
                                         .arg(table->columnWidth(c))
                                         .arg(header->sectionSizeHint(c))
                                         .arg(static_cast<QAbstractItemView *>(table)->sizeHintForColumn(c));
                QTRY_VERIFY2(table->columnWidth(c) >= header->sectionSizeHint(c), qPrintable(what));
                QTRY_VERIFY2(table->columnWidth(c) >= static_cast<QAbstractItemView *>(table)->sizeHintForColumn(c), qPrintable(what));
            }
        }
    }
    m_window.reset();
}

void TestMainWindow::columnsShowWholeTexts()
{
    // Rows in every review status (and paid, shipped) so that each status text is listed somewhere.
    const QString pending = submitted(QStringLiteral("reissue"));
    const QString shipped = submitted(QStringLiteral("new"));
    admin({QStringLiteral("approve"), shipped});
    payViaSandbox(shipped);
    admin({QStringLiteral("ship"), shipped, QStringLiteral("--tracking"), QStringLiteral("EMS1234567890CN"),
           QStringLiteral("--carrier"), QStringLiteral("EMS")});

    checkColumnsWhole("en");
    if (QTest::currentTestFailed())
        return;
    ca::i18n::install(*qApp, QStringLiteral("zh_CN"));
    QCOMPARE(ApplicationListModel().headerData(ApplicationListModel::ReviewColumn, Qt::Horizontal).toString(),
             QStringLiteral("审核状态"));
    checkColumnsWhole("zh_CN");
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
