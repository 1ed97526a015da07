// The submission comment dialog (请输入意见 → 确认提交): the dialog itself
// (summary line, characters counted and capped at the platform's limit,
// keyboard: focus in the comment, Tab to the buttons, Ctrl+Enter confirms, Esc
// cancels), and the real dialog (the default DialogMessageSeam, no scripted
// seam) in the wizard's Submit and the list's Submit against a review-first
// ca-sandbox: the comment typed there is the one in the approval record.

#include "tst_wizard_support.h"

#include "ui/ApplicationListModel.h"
#include "ui/MainWindow.h"
#include "ui/SubmitCommentDialog.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QJsonArray>
#include <QLabel>
#include <QPlainTextEdit>
#include <QTimer>

#include <functional>

using namespace ca;
using namespace ca::ui;
using namespace wiztest;

class TestWizardComment : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void dialogItself();
    void wizardSubmitUsesTheDialog();
    void listSubmitUsesTheDialog();

private:
    QString completeApplication(const QString &kind);
    QStringList submissionComments(const QString &id);
    // Acts on the comment dialog once `parent` opened it (it runs its own event loop meanwhile).
    void whenDialogOpens(QWidget *parent, std::function<void(SubmitCommentDialog *)> act);

    std::unique_ptr<test::SandboxProcess> m_sandbox;
    std::unique_ptr<test::SandboxHttp> m_http;
    QTemporaryDir m_dir;
    Session m_s;
    int m_n = 0;
    int m_dialogsSeen = 0;
};

void TestWizardComment::initTestCase()
{
    m_sandbox = std::make_unique<test::SandboxProcess>(QStringList{QStringLiteral("--workflow"), QStringLiteral("review-first")});
    QVERIFY2(m_sandbox->start(), qPrintable(m_sandbox->lastError()));
    m_http = std::make_unique<test::SandboxHttp>(*m_sandbox);
    QVERIFY(m_http->login(QStringLiteral("supplier")));
}

void TestWizardComment::cleanup()
{
    m_s.close();
}

QString TestWizardComment::completeApplication(const QString &kind)
{
    const auto r = m_http->post(QStringLiteral("/api/v1/applications"), test::sampleApplication(kind));
    const QString id = r.json().value(QStringLiteral("id")).toString();
    const auto app = Application::fromJson(r.json()).value;
    for (AttachmentCategory c : ApplicationValidator::requiredAttachments(app.kind))
        m_http->upload(QStringLiteral("/api/v1/applications/%1/attachments").arg(id), enumWord(c), QStringLiteral("scan.pdf"),
                       test::tinyPdf(), {{"Idempotency-Key", LocalStore::newId().toLatin1()}});
    return id;
}

QStringList TestWizardComment::submissionComments(const QString &id)
{
    QStringList comments;
    const QJsonArray events =
        m_http->get(QStringLiteral("/api/v1/applications/%1/events").arg(id)).json().value(QStringLiteral("items")).toArray();
    for (const QJsonValue &e : events)
        if (e.toObject().value(QStringLiteral("action")).toString() == QLatin1String("submit"))
            comments << e.toObject().value(QStringLiteral("comment")).toString();
    return comments;
}

void TestWizardComment::whenDialogOpens(QWidget *parent, std::function<void(SubmitCommentDialog *)> act)
{
    auto *timer = new QTimer(parent);
    timer->setInterval(20);
    connect(timer, &QTimer::timeout, parent, [this, timer, parent, act] {
        auto *dialog = parent->findChild<SubmitCommentDialog *>(QStringLiteral("submitCommentDialog"));
        if (!dialog || !dialog->isVisible())
            return;
        timer->stop();
        timer->deleteLater();
        ++m_dialogsSeen;
        act(dialog);
    });
    timer->start();
}

void TestWizardComment::dialogItself()
{
    Application app;
    app.id = QStringLiteral("A20261121-0042");
    app.kind = ApplicationKind::Reissue;
    app.organization.name = QStringLiteral("济南示例科技有限公司");
    app.order.quantity = 2;
    app.fee = Money::fromString(QStringLiteral("600.00")).value_or(Money());
    SubmitCommentDialog d(app);
    d.show();
    QVERIFY(QTest::qWaitForWindowExposed(&d));
    // The summary line names the application.
    const QString summary = child<QLabel>(&d, "summaryLabel")->text();
    for (const QString &part : {app.id, app.organization.name, enumDisplayName(app.kind), QStringLiteral("600.00")})
        QVERIFY2(summary.contains(part), qPrintable(summary));
    auto *edit = child<QPlainTextEdit>(&d, "commentEdit");
    auto *counter = child<QLabel>(&d, "counterLabel");
    QTRY_COMPARE(QApplication::focusWidget(), edit);
    QVERIFY(counter->text().contains(QStringLiteral("0/500")));
    QTest::keyClicks(edit, QStringLiteral("ok"));
    QVERIFY2(counter->text().contains(QStringLiteral("2/500")), qPrintable(counter->text()));
    // More than the platform takes: the first 500 characters stay.
    edit->insertPlainText(QString(600, QChar(0x5BA1)));
    QCOMPARE(d.comment().size(), SubmitCommentDialog::maxLength());
    QVERIFY(counter->text().contains(QStringLiteral("500/500")));
    QVERIFY(d.comment().startsWith(QStringLiteral("ok")));
    // Tab leaves the comment (it does not insert a tab) for the buttons.
    QTest::keyClick(edit, Qt::Key_Tab);
    QVERIFY(!d.comment().contains(QLatin1Char('\t')));
    QVERIFY(child<QDialogButtonBox>(&d, "buttonBox")->isAncestorOf(QApplication::focusWidget()));
    // Enter alone is a new line in the comment; Ctrl+Enter confirms; Esc cancels.
    d.setComment(QStringLiteral("请审核"));
    edit->setFocus();
    QTest::keyClick(edit, Qt::Key_Return);
    QVERIFY(d.isVisible());
    QTest::keyClick(edit, Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(d.result(), int(QDialog::Accepted));
    QCOMPARE(d.comment(), QStringLiteral("请审核"));

    SubmitCommentDialog cancelled(app);
    cancelled.show();
    QVERIFY(QTest::qWaitForWindowExposed(&cancelled));
    QTest::keyClick(child<QPlainTextEdit>(&cancelled, "commentEdit"), Qt::Key_Escape);
    QCOMPARE(cancelled.result(), int(QDialog::Rejected));
}

void TestWizardComment::wizardSubmitUsesTheDialog()
{
    QVERIFY(m_s.open(*m_sandbox, m_dir.path(), QString::number(++m_n)));
    m_s.context->setMessageSeam(nullptr); // the program's own dialogs
    const QString id = completeApplication(QStringLiteral("new"));
    QVERIFY(!id.isEmpty());
    ApplicationWizard w(*m_s.context, id);
    w.show();
    QTRY_VERIFY_WITH_TIMEOUT(w.isLoaded(), 30000);
    const QList<FieldError> problems = w.problems(ValidationPurpose::Submit);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.isEmpty() ? QString() : problems.first().message));
    while (w.currentId() != int(ApplicationWizard::SummaryPageId)) {
        const int was = w.currentId();
        w.next();
        QVERIFY(w.currentId() != was);
    }
    QSignalSpy submitted(&w, &ApplicationWizard::submitted);
    const int seen = m_dialogsSeen;
    QString summary;
    whenDialogOpens(&w, [&summary](SubmitCommentDialog *d) {
        summary = d->summary();
        QInputMethodEvent commit;
        commit.setCommitString(QStringLiteral("资料已齐全，请审核"));
        QCoreApplication::sendEvent(d->findChild<QPlainTextEdit *>(QStringLiteral("commentEdit")), &commit);
        QTest::keyClick(d->findChild<QPlainTextEdit *>(QStringLiteral("commentEdit")), Qt::Key_Return, Qt::ControlModifier);
    });
    child<QPushButton>(&w, "submitButton")->click();
    QTRY_COMPARE_WITH_TIMEOUT(submitted.size(), 1, 60000);
    QCOMPARE(m_dialogsSeen, seen + 1);
    QVERIFY2(summary.contains(id), qPrintable(summary));
    QCOMPARE(submissionComments(id), QStringList{QStringLiteral("资料已齐全，请审核")});
}

void TestWizardComment::listSubmitUsesTheDialog()
{
    QVERIFY(m_s.open(*m_sandbox, m_dir.path(), QString::number(++m_n)));
    m_s.context->setMessageSeam(nullptr);
    const QString id = completeApplication(QStringLiteral("renewal"));
    QVERIFY(!id.isEmpty());
    MainWindow window(*m_s.context);
    window.show();
    QTRY_VERIFY_WITH_TIMEOUT(window.refreshCount() >= 1, 30000);
    QVERIFY(window.selectApplication(id));
    auto *submit = window.findChild<QPushButton *>(QStringLiteral("submitButton"));
    QVERIFY(submit && submit->isEnabled());

    // Cancel (Esc): nothing is submitted.
    whenDialogOpens(&window, [](SubmitCommentDialog *d) {
        QTest::keyClick(d->findChild<QPlainTextEdit *>(QStringLiteral("commentEdit")), Qt::Key_Escape);
    });
    const int seen = m_dialogsSeen;
    submit->click();
    QCOMPARE(m_dialogsSeen, seen + 1);
    QTest::qWait(0);
    QCOMPARE(Application::fromJson(m_http->get(QStringLiteral("/api/v1/applications/") + id).json()).value.reviewStatus,
             ReviewStatus::Draft);

    // Confirm with the button: submitted with the comment.
    QVERIFY(window.selectApplication(id));
    whenDialogOpens(&window, [](SubmitCommentDialog *d) {
        QTest::keyClicks(d->findChild<QPlainTextEdit *>(QStringLiteral("commentEdit")), QStringLiteral("please review"));
        d->findChild<QPushButton *>(QStringLiteral("confirmButton"))->click();
    });
    submit->click();
    QCOMPARE(m_dialogsSeen, seen + 2);
    QTRY_COMPARE_WITH_TIMEOUT(Application::fromJson(m_http->get(QStringLiteral("/api/v1/applications/") + id).json()).value.reviewStatus,
                              ReviewStatus::Pending, 30000);
    QCOMPARE(submissionComments(id), QStringList{QStringLiteral("please review")});
}

QTEST_MAIN(TestWizardComment)
#include "tst_wizard_comment.moc"
