// The application wizard against a real ca-sandbox (both workflows) and a real
// LocalStore: a new application of each of the five kinds through every page
// to submission (pay-first: paid through `ca-sandbox admin pay ORDER_NO`);
// validation messages on bad input block Next (the seeds' values); full-width
// digits converted as typed; resume after the wizard is destroyed mid-way
// (same page, same fields, upload intact); Submit with something missing lists
// every problem and jumps to the first; a rejected application edited and
// resubmitted; offline save keeps the local draft with a banner.

#include "tst_wizard_support.h"

#include <QApplication>
#include <QFileDialog>
#include <QJsonArray>
#include <QLabel>
#include <QTcpServer>

using namespace ca;
using namespace ca::ui;
using namespace wiztest;

class TestWizard : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void everyKindToSubmission_data();
    void everyKindToSubmission();
    void badInputBlocksNext();
    void resumeAfterDestroy();
    void submitListsProblemsAndJumps();
    void rejectedEditedAndResubmitted();
    void offlineSaveKeepsDraft();
    void templateDownload();

private:
    test::SandboxProcess &sandbox(bool payFirst) { return payFirst ? *m_payFirst : *m_reviewFirst; }
    bool openSession(bool payFirst);
    void goToOrderPage(ApplicationWizard &w, const QString &kind);
    void fillOrder(ApplicationWizard &w, const QString &kind);
    void fillInvoice(ApplicationWizard &w);
    void uploadRequired(ApplicationWizard &w, ApplicationKind kind);
    void payOnPaymentPage(ApplicationWizard &w, bool payFirst);
    void submitAndWait(ApplicationWizard &w, bool payFirst);
    QJsonObject serverCopy(bool payFirst, const QString &id);
    QString runToSubmission(bool payFirst, const QString &kind);

    std::unique_ptr<test::SandboxProcess> m_payFirst;
    std::unique_ptr<test::SandboxProcess> m_reviewFirst;
    QTemporaryDir m_dir;
    Session m_s;
    QString m_pdf;
    QString m_png;
    int m_n = 0;
};

void TestWizard::initTestCase()
{
    m_payFirst = std::make_unique<test::SandboxProcess>(QStringList{QStringLiteral("--workflow"), QStringLiteral("pay-first")});
    QVERIFY2(m_payFirst->start(), qPrintable(m_payFirst->lastError()));
    m_reviewFirst = std::make_unique<test::SandboxProcess>(QStringList{QStringLiteral("--workflow"), QStringLiteral("review-first")});
    QVERIFY2(m_reviewFirst->start(), qPrintable(m_reviewFirst->lastError()));
    m_pdf = writeFile(m_dir.path(), QStringLiteral("scan.pdf"), test::tinyPdf());
    m_png = writeFile(m_dir.path(), QStringLiteral("photo.png"), test::tinyPng());
    QVERIFY(!m_pdf.isEmpty() && !m_png.isEmpty());
}

void TestWizard::cleanup()
{
    m_s.close();
}

bool TestWizard::openSession(bool payFirst)
{
    m_s.close();
    m_s.seam = ScriptedMessageSeam();
    return m_s.open(sandbox(payFirst), m_dir.path(), QString::number(++m_n));
}

void TestWizard::goToOrderPage(ApplicationWizard &w, const QString &kind)
{
    QTRY_VERIFY_WITH_TIMEOUT(w.isLoaded(), 30000);
    QCOMPARE(w.currentId(), int(ApplicationWizard::NoticePageId));
    QVERIFY(w.currentPage()->title().startsWith(QStringLiteral("Step 1/")));
    auto *next = child<QPushButton>(&w, "nextButton");
    QVERIFY(!next->isEnabled()); // the consent box is not ticked yet
    child<QCheckBox>(&w, "consentCheck")->setChecked(true);
    QVERIFY(next->isEnabled());
    next->click();
    QCOMPARE(w.currentId(), int(ApplicationWizard::KindPageId));
    child<QRadioButton>(&w, qPrintable(kindRadio(kind)))->setChecked(true);
    QCOMPARE(enumWord(w.application().kind), kind);
    next->click();
    QCOMPARE(w.currentId(), int(ApplicationWizard::OrderPageId));
    QCOMPARE(w.currentPage()->title().left(7), QStringLiteral("Step 3/"));
}

void TestWizard::fillOrder(ApplicationWizard &w, const QString &kind)
{
    const Account &acc = m_s.context->account();
    auto *unit = child<QLineEdit>(&w, "unitNameEdit");
    QTRY_COMPARE(unit->text(), acc.organization.name);
    QCOMPARE(child<QLineEdit>(&w, "usccEdit")->text(), acc.organization.uscc);
    // From the organisation record: read-only and not looking editable (no frame, no box colour, not
    // on the Tab path); the hint and the accessible description say how to change them (信息变更).
    const QString changeKind = enumDisplayName(ApplicationKind::Change);
    for (QLineEdit *org : {unit, child<QLineEdit>(&w, "usccEdit")}) {
        QVERIFY(org->isReadOnly());
        QVERIFY(!org->hasFrame());
        QVERIFY(!(org->focusPolicy() & Qt::TabFocus));
        QCOMPARE(org->palette().color(QPalette::Base).alpha(), 0);
        QVERIFY2(org->accessibleDescription().contains(changeKind), qPrintable(org->accessibleDescription()));
    }
    QVERIFY(child<QLabel>(&w, "orgHintLabel")->isVisible());
    QVERIFY(child<QLabel>(&w, "orgHintLabel")->text().contains(changeKind));
    const bool keyKind = kind == QLatin1String("new") || kind == QLatin1String("reissue");
    QCOMPARE(child<QWidget>(&w, "pickupGroup")->isVisible(), keyKind);
    if (keyKind) {
        child<QRadioButton>(&w, "pickupOnsiteRadio")->setChecked(true);
        QVERIFY(!child<QWidget>(&w, "mailPanel")->isVisible());
        child<QRadioButton>(&w, "pickupMailRadio")->setChecked(true);
        QVERIFY(child<QWidget>(&w, "mailPanel")->isVisible());
        type(field(w, "mailingAddressEdit"), QStringLiteral("济南市历下区经十路1号"));
        type(field(w, "recipientNameEdit"), QStringLiteral("张三"));
        type(field(w, "recipientPhoneEdit"), QStringLiteral("18769628833"));
    }
    // The fee follows the quantity live.
    const Money price = m_s.context->platform().priceOf(*enumFromWord<ApplicationKind>(kind));
    child<QSpinBox>(&w, "quantitySpin")->setValue(2);
    QVERIFY2(child<QLabel>(&w, "feeLabel")->text().contains((price * 2).toString()), qPrintable(child<QLabel>(&w, "feeLabel")->text()));
    child<QSpinBox>(&w, "quantitySpin")->setValue(1);
    QVERIFY(child<QLabel>(&w, "feeLabel")->text().contains(price.toString()));
    child<QPushButton>(&w, "nextButton")->click();
    QCOMPARE(w.currentId(), ApplicationValidator::needsInvoice(w.application().kind) ? int(ApplicationWizard::InvoicePageId)
                                                                                    : int(ApplicationWizard::AttachmentsPageId));
}

void TestWizard::fillInvoice(ApplicationWizard &w)
{
    type(field(w, "titleEdit"), QStringLiteral("济南示例科技有限公司"));
    type(field(w, "taxIdEdit"), QStringLiteral("91370100MA3C5QX875"));
    type(field(w, "noticeMobileEdit"), QStringLiteral("18769628833"));
    child<QPushButton>(&w, "nextButton")->click();
    QCOMPARE(w.currentId(), int(ApplicationWizard::AttachmentsPageId));
}

void TestWizard::uploadRequired(ApplicationWizard &w, ApplicationKind kind)
{
    bool photo = true;
    for (AttachmentCategory c : ApplicationValidator::requiredAttachments(kind)) {
        w.attachmentsPage()->chooseFile(c, photo ? m_png : m_pdf);
        photo = false;
    }
    for (AttachmentCategory c : ApplicationValidator::requiredAttachments(kind)) {
        AttachmentRow *row = w.attachmentsPage()->row(c);
        QVERIFY(row);
        QTRY_VERIFY2_WITH_TIMEOUT(row->isUploaded(), qPrintable(enumWord(c)), 60000);
    }
    QTRY_COMPARE_WITH_TIMEOUT(w.application().attachments.size(), ApplicationValidator::requiredAttachments(kind).size(), 30000);
}

void TestWizard::payOnPaymentPage(ApplicationWizard &w, bool payFirst)
{
    PaymentWidget *pay = w.paymentWidget();
    pay->setOpensCashier(false);
    QTRY_COMPARE_WITH_TIMEOUT(pay->applicationId(), w.serverId(), 30000);
    auto *payButton = child<QPushButton>(pay, "payButton");
    QVERIFY(!payButton->isEnabled()); // the non-refund acknowledgement comes first
    child<QCheckBox>(pay, "nonRefundCheck")->setChecked(true);
    QVERIFY(payButton->isEnabled());
    child<QRadioButton>(pay, "channelBankRadio")->setChecked(true);
    payButton->click();
    QTRY_VERIFY_WITH_TIMEOUT(!pay->controller()->orderNo().isEmpty(), 30000);
    QTRY_VERIFY(child<QWidget>(pay, "cashierPanel")->isVisible());
    QVERIFY(child<QLineEdit>(pay, "urlEdit")->text().contains(pay->controller()->orderNo()));
    const auto r = sandbox(payFirst).runAdmin({QStringLiteral("pay"), pay->controller()->orderNo()});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QTRY_VERIFY_WITH_TIMEOUT(pay->isPaid(), 60000);
    QTRY_COMPARE_WITH_TIMEOUT(w.application().paymentStatus, PaymentStatus::Paid, 30000);
}

void TestWizard::submitAndWait(ApplicationWizard &w, bool)
{
    QSignalSpy submitted(&w, &ApplicationWizard::submitted);
    m_s.seam.texts << std::optional<QString>(QStringLiteral("请审核"));
    auto *submit = child<QPushButton>(&w, "submitButton");
    QVERIFY(submit->isVisible());
    submit->click();
    QTRY_COMPARE_WITH_TIMEOUT(submitted.size(), 1, 60000);
    QCOMPARE(w.result(), int(QDialog::Accepted));
}

QJsonObject TestWizard::serverCopy(bool payFirst, const QString &id)
{
    test::SandboxHttp http(sandbox(payFirst));
    if (!http.login(QStringLiteral("supplier")))
        return {};
    return http.get(QStringLiteral("/api/v1/applications/") + id).json();
}

QString TestWizard::runToSubmission(bool payFirst, const QString &kind)
{
    ApplicationWizard w(*m_s.context);
    w.resize(900, 760);
    w.show();
    goToOrderPage(w, kind);
    if (QTest::currentTestFailed())
        return {};
    fillOrder(w, kind);
    if (QTest::currentTestFailed())
        return {};
    const ApplicationKind k = *enumFromWord<ApplicationKind>(kind);
    if (ApplicationValidator::needsInvoice(k)) {
        fillInvoice(w);
        if (QTest::currentTestFailed())
            return {};
    }
    uploadRequired(w, k);
    if (QTest::currentTestFailed())
        return {};
    const QString id = w.serverId();
    child<QPushButton>(&w, "nextButton")->click();
    [&] { QCOMPARE(w.currentId(), int(ApplicationWizard::SummaryPageId)); }();
    const bool paymentPage = payFirst && !m_s.context->platform().priceOf(k).isZero();
    if (paymentPage) {
        [&] { QVERIFY(child<QPushButton>(&w, "nextButton")->isVisible()); }();
        child<QPushButton>(&w, "nextButton")->click();
        [&] { QCOMPARE(w.currentId(), int(ApplicationWizard::PaymentPageId)); }();
        [&] { QCOMPARE(w.currentPage()->title().left(7), QStringLiteral("Step %1/").arg(w.stepCount())); }();
        payOnPaymentPage(w, payFirst);
        if (QTest::currentTestFailed())
            return {};
    }
    submitAndWait(w, payFirst);
    if (QTest::currentTestFailed())
        return {};
    return id;
}

void TestWizard::everyKindToSubmission_data()
{
    QTest::addColumn<bool>("payFirst");
    QTest::addColumn<QString>("kind");
    for (bool payFirst : {true, false})
        for (const QString &kind : enumWords<ApplicationKind>())
            QTest::addRow("%s-%s", payFirst ? "pay-first" : "review-first", qPrintable(kind)) << payFirst << kind;
}

void TestWizard::everyKindToSubmission()
{
    QFETCH(bool, payFirst);
    QFETCH(QString, kind);
    QVERIFY(openSession(payFirst));
    const QString id = runToSubmission(payFirst, kind);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(!id.isEmpty());
    const QJsonObject app = serverCopy(payFirst, id);
    QCOMPARE(app.value(QStringLiteral("review_status")).toString(), QStringLiteral("pending"));
    QCOMPARE(app.value(QStringLiteral("kind")).toString(), kind);
    const bool paid = payFirst && kind != QLatin1String("existing");
    if (paid)
        QCOMPARE(app.value(QStringLiteral("payment_status")).toString(), QStringLiteral("paid"));
    // The comment of the 请输入意见 dialog is in the approval record.
    bool commented = false;
    test::SandboxHttp http(sandbox(payFirst));
    QVERIFY(http.login(QStringLiteral("supplier")));
    const QJsonArray events = http.get(QStringLiteral("/api/v1/applications/%1/events").arg(id)).json().value(QStringLiteral("items")).toArray();
    for (const QJsonValue &r : events)
        commented |= r.toObject().value(QStringLiteral("action")).toString() == QLatin1String("submit")
            && r.toObject().value(QStringLiteral("comment")).toString() == QStringLiteral("请审核");
    QVERIFY(commented);
    // The local draft is gone once the platform has everything.
    QVERIFY(!m_s.store->findDraftByServerId(id).ok());
}

void TestWizard::badInputBlocksNext()
{
    QVERIFY(openSession(false));
    ApplicationWizard w(*m_s.context);
    w.show();
    goToOrderPage(w, QStringLiteral("new"));
    auto *next = child<QPushButton>(&w, "nextButton");
    // Mailed key without any mailing details: Next stays, every field says what is missing.
    next->click();
    QCOMPARE(w.currentId(), int(ApplicationWizard::OrderPageId));
    QVERIFY(field(w, "mailingAddressEdit")->hasError());
    QVERIFY(field(w, "recipientNameEdit")->hasError());
    QVERIFY(!field(w, "recipientNameEdit")->message().isEmpty());
    QVERIFY(field(w, "mailingAddressEdit")->lineEdit()->hasFocus() || QApplication::focusWidget() == nullptr
            || field(w, "mailingAddressEdit")->isAncestorOf(QApplication::focusWidget()));
    // A bad phone number is reported as typed.
    type(field(w, "recipientPhoneEdit"), QStringLiteral("1876962883"));
    QVERIFY(field(w, "recipientPhoneEdit")->hasError());
    QVERIFY(field(w, "recipientPhoneEdit")->messageLabel()->isVisible());
    // Full-width digits are converted as they are typed, with a note.
    type(field(w, "recipientPhoneEdit"), QStringLiteral("１８７６９６２８８３３"));
    QCOMPARE(field(w, "recipientPhoneEdit")->text(), QStringLiteral("18769628833"));
    QVERIFY(!field(w, "recipientPhoneEdit")->hasError());
    QVERIFY(!field(w, "recipientPhoneEdit")->message().isEmpty()); // the conversion note
    type(field(w, "mailingAddressEdit"), QStringLiteral("济南市汉峪金谷"));
    type(field(w, "recipientNameEdit"), QStringLiteral("张三"));
    next->click();
    QCOMPARE(w.currentId(), int(ApplicationWizard::InvoicePageId));

    // The seeds' values: USCC-looking tax id 123456789012345678, bank account 12345678, a title with '-'.
    child<QRadioButton>(&w, "invoiceSpecialRadio")->setChecked(true);
    type(field(w, "titleEdit"), QStringLiteral("张六-公司"));
    QVERIFY(field(w, "titleEdit")->hasError());
    type(field(w, "taxIdEdit"), QStringLiteral("123456789012345678"));
    QVERIFY(field(w, "taxIdEdit")->hasError());
    type(field(w, "accountEdit"), QStringLiteral("12345678"));
    QVERIFY(field(w, "accountEdit")->hasError());
    type(field(w, "noticeMobileEdit"), QStringLiteral("18769628833"));
    next->click();
    QCOMPARE(w.currentId(), int(ApplicationWizard::InvoicePageId));
    QVERIFY(field(w, "addressEdit")->hasError()); // required for a 专票
    QVERIFY(child<QLabel>(w.currentPage(), "syncBanner")->isVisible());
    // Normalised values are shown: spaces and '-' in a tax id are removed, lower case raised.
    type(field(w, "taxIdEdit"), QStringLiteral("91370100ma3c5qx875"));
    QVERIFY(!field(w, "taxIdEdit")->hasError());
    QVERIFY(field(w, "taxIdEdit")->message().contains(QStringLiteral("91370100MA3C5QX875")));
    QCOMPARE(w.application().invoice.taxId, QStringLiteral("91370100MA3C5QX875"));
    type(field(w, "titleEdit"), QStringLiteral("张六公司"));
    type(field(w, "addressEdit"), QStringLiteral("济南市汉峪金谷"));
    type(field(w, "phoneEdit"), QStringLiteral("0531-86196993"));
    type(field(w, "bankEdit"), QStringLiteral("中国银行济南分行"));
    type(field(w, "accountEdit"), QStringLiteral("6216610200016587010"));
    next->click();
    QCOMPARE(w.currentId(), int(ApplicationWizard::AttachmentsPageId));
}

void TestWizard::resumeAfterDestroy()
{
    QVERIFY(openSession(false));
    QString draftId;
    QString serverId;
    {
        auto w = std::make_unique<ApplicationWizard>(*m_s.context);
        w->show();
        goToOrderPage(*w, QStringLiteral("reissue"));
        fillOrder(*w, QStringLiteral("reissue"));
        type(field(*w, "titleEdit"), QStringLiteral("济南示例科技有限公司"));
        type(field(*w, "taxIdEdit"), QStringLiteral("91370100MA3C5QX875"));
        type(field(*w, "noticeMobileEdit"), QStringLiteral("18769628833"));
        child<QPushButton>(w.get(), "nextButton")->click();
        QCOMPARE(w->currentId(), int(ApplicationWizard::AttachmentsPageId));
        w->attachmentsPage()->chooseFile(AttachmentCategory::BusinessLicence, m_pdf);
        QTRY_VERIFY_WITH_TIMEOUT(w->attachmentsPage()->row(AttachmentCategory::BusinessLicence)->isUploaded(), 60000);
        draftId = w->draftId();
        serverId = w->serverId();
        QVERIFY(!serverId.isEmpty());
        // One more edit that only the local draft has (not saved to the server).
        w->back();
        type(field(*w, "noticeMobileEdit"), QStringLiteral("13912345678"));
        w->next();
        QCOMPARE(w->currentId(), int(ApplicationWizard::AttachmentsPageId));
    } // destroyed mid-way, like a closed window or a crash after the autosave

    const auto d = m_s.store->loadDraft(draftId);
    QVERIFY(d.ok());
    QCOMPARE(d->page, QStringLiteral("attachments"));

    for (const QString &key : {draftId, serverId}) {
        ApplicationWizard w(*m_s.context, key);
        w.show();
        QTRY_VERIFY_WITH_TIMEOUT(w.isLoaded(), 30000);
        // The saved page, for the draft id and for the server id alike (the second
        // pass opens the draft the first pass closed with Cancel).
        QTRY_COMPARE(w.currentId(), int(ApplicationWizard::AttachmentsPageId));
        QCOMPARE(w.draftId(), draftId);
        QCOMPARE(w.application().kind, ApplicationKind::Reissue);
        QCOMPARE(field(w, "recipientNameEdit")->text(), QStringLiteral("张三"));
        QCOMPARE(field(w, "noticeMobileEdit")->text(), QStringLiteral("13912345678"));
        QCOMPARE(field(w, "taxIdEdit")->text(), QStringLiteral("91370100MA3C5QX875"));
        AttachmentRow *row = w.attachmentsPage()->row(AttachmentCategory::BusinessLicence);
        QVERIFY(row->isUploaded());
        QCOMPARE(row->findChild<QPushButton *>(QStringLiteral("chooseButton"))->text().remove(QLatin1Char('&')),
                 QStringLiteral("Replace…"));
        QVERIFY(!w.attachmentsPage()->row(AttachmentCategory::HandlerId)->isUploaded());
        // Replace: a new file for the same category leaves one file on the platform.
        if (key == serverId) {
            w.attachmentsPage()->chooseFile(AttachmentCategory::BusinessLicence, m_png);
            QTRY_VERIFY_WITH_TIMEOUT(w.attachmentsPage()->row(AttachmentCategory::BusinessLicence)->isUploaded()
                                         && w.application().attachmentsOf(AttachmentCategory::BusinessLicence).size() == 1
                                         && w.application().attachmentsOf(AttachmentCategory::BusinessLicence).first().fileName
                                             == QLatin1String("photo.png"),
                                     60000);
            // 修改保存 sends the local-only edit.
            click(w, "saveButton");
            QTRY_VERIFY_WITH_TIMEOUT(serverCopy(false, serverId).value(QStringLiteral("invoice")).toObject()
                                             .value(QStringLiteral("notice_mobile")).toString() == QLatin1String("13912345678"),
                                     30000);
        }
        // Cancel (also Esc and closing the window) keeps the page the user was on.
        w.reject();
        QCOMPARE(w.currentId(), -1);
        QCOMPARE(m_s.store->loadDraft(draftId)->page, QStringLiteral("attachments"));
    }
    // ... also once the window is gone (the autosaver writes what is pending when destroyed).
    QCOMPARE(m_s.store->loadDraft(draftId)->page, QStringLiteral("attachments"));
}

void TestWizard::submitListsProblemsAndJumps()
{
    QVERIFY(openSession(false));
    ApplicationWizard w(*m_s.context);
    w.show();
    goToOrderPage(w, QStringLiteral("renewal"));
    fillOrder(w, QStringLiteral("renewal"));
    fillInvoice(w);
    // No scans: go on to the summary anyway and press Submit.
    child<QPushButton>(&w, "nextButton")->click();
    QCOMPARE(w.currentId(), int(ApplicationWizard::SummaryPageId));
    QVERIFY(child<QLabel>(&w, "problemsLabel")->text().contains(QStringLiteral("problem:0")));
    auto *submit = child<QPushButton>(&w, "submitButton");
    QVERIFY(submit->isVisible() && submit->isEnabled());
    submit->click();
    QCOMPARE(m_s.seam.log.size(), 1);
    const QString said = m_s.seam.lastInform();
    const QList<FieldError> errors = w.problems(ValidationPurpose::Submit);
    QCOMPARE(errors.size(), ApplicationValidator::requiredAttachments(ApplicationKind::Renewal).size());
    for (const FieldError &e : errors)
        QVERIFY2(said.contains(e.message), qPrintable(said));
    QCOMPARE(w.currentId(), int(ApplicationWizard::AttachmentsPageId));
    // The window may not be active offscreen: ask the wizard which child holds
    // its focus (the one that gets the keyboard when the window is active).
    QWidget *focus = w.focusWidget();
    QVERIFY(focus);
    QCOMPARE(focus->objectName(), QStringLiteral("chooseButton"));
    QCOMPARE(focus->parentWidget()->objectName(), QStringLiteral("attachmentRow_") + errors.first().path.mid(12));

    // Opening at the first problem (MainWindow's Submit on an incomplete row) focuses the field.
    w.setCurrentId(ApplicationWizard::InvoicePageId);
    QCOMPARE(w.currentId(), int(ApplicationWizard::InvoicePageId));
    type(field(w, "taxIdEdit"), QString());
    w.reject();
    ApplicationWizard *w2 = ApplicationWizard::openAtProblem(*m_s.context, w.draftId(), WizardStep::Invoice,
                                                             QStringLiteral("invoice.tax_id"));
    std::unique_ptr<ApplicationWizard> own(w2);
    w2->show();
    QTRY_VERIFY_WITH_TIMEOUT(w2->isLoaded(), 30000);
    QTRY_COMPARE(w2->currentId(), int(ApplicationWizard::InvoicePageId));
    QTRY_VERIFY(field(*w2, "taxIdEdit")->isAncestorOf(w2->focusWidget()) || w2->focusWidget() == field(*w2, "taxIdEdit"));
}

void TestWizard::rejectedEditedAndResubmitted()
{
    QVERIFY(openSession(false));
    const QString id = runToSubmission(false, QStringLiteral("new"));
    if (QTest::currentTestFailed())
        return;
    const auto r = m_reviewFirst->runAdmin({QStringLiteral("reject"), id, QStringLiteral("--comment"), QStringLiteral("营业执照不清晰")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(serverCopy(false, id).value(QStringLiteral("review_status")).toString(), QStringLiteral("rejected"));

    ApplicationWizard w(*m_s.context, id);
    w.show();
    QTRY_VERIFY_WITH_TIMEOUT(w.isLoaded(), 30000);
    QCOMPARE(w.application().reviewStatus, ReviewStatus::Rejected);
    QCOMPARE(field(w, "recipientNameEdit")->text(), QStringLiteral("张三"));
    w.setCurrentId(ApplicationWizard::OrderPageId);
    type(field(w, "recipientNameEdit"), QStringLiteral("李四"));
    w.setCurrentId(ApplicationWizard::SummaryPageId);
    QVERIFY(child<QWidget>(&w, "summaryBrowser"));
    submitAndWait(w, false);
    const QJsonObject app = serverCopy(false, id);
    QCOMPARE(app.value(QStringLiteral("review_status")).toString(), QStringLiteral("pending"));
    QCOMPARE(app.value(QStringLiteral("order")).toObject().value(QStringLiteral("recipient_name")).toString(), QStringLiteral("李四"));
}

void TestWizard::offlineSaveKeepsDraft()
{
    QVERIFY(openSession(false));
    // A port nobody listens on: the platform is unreachable.
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost));
    const quint16 port = closed.serverPort();
    closed.close();
    QUrl dead = m_reviewFirst->url();
    dead.setPort(port);
    m_s.client->setBaseUrl(dead);
    PlatformClient::RetryPolicy quick;
    quick.maxAttempts = 1;
    m_s.client->setRetryPolicy(quick);

    ApplicationWizard w(*m_s.context);
    w.show();
    goToOrderPage(w, QStringLiteral("change"));
    type(field(w, "recipientPhoneEdit"), QString());
    child<QSpinBox>(&w, "quantitySpin")->setValue(3);
    click(w, "saveButton");
    QTRY_VERIFY_WITH_TIMEOUT(w.bannerText().contains(QStringLiteral("connection is back")), 60000);
    QVERIFY(child<QLabel>(w.currentPage(), "syncBanner")->isVisible());
    const auto d = m_s.store->loadDraft(w.draftId());
    QVERIFY(d.ok());
    QVERIFY(d->dirty);
    QVERIFY(d->serverId.isEmpty());
    QCOMPARE(d->json.value(QStringLiteral("order")).toObject().value(QStringLiteral("quantity")).toInt(), 3);
}

void TestWizard::templateDownload()
{
    QVERIFY(openSession(false));
    ApplicationWizard w(*m_s.context);
    w.show();
    goToOrderPage(w, QStringLiteral("new"));
    fillOrder(w, QStringLiteral("new"));
    fillInvoice(w); // on to the scans
    auto *status = child<QLabel>(&w, "templateStatusLabel");

    // Answers the save dialog (a QFileDialog: it runs its own event loop) with `target`, or cancels it.
    QString suggested;
    auto answerSaveDialog = [&suggested](const QString &target) {
        auto *timer = new QTimer;
        timer->setInterval(20);
        QObject::connect(timer, &QTimer::timeout, [timer, target, &suggested] {
            auto *dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
            auto *name = dialog ? dialog->findChild<QLineEdit *>(QStringLiteral("fileNameEdit")) : nullptr;
            if (!dialog || !dialog->isVisible() || !name)
                return;
            timer->stop();
            timer->deleteLater();
            suggested = dialog->selectedFiles().value(0);
            if (target.isEmpty()) {
                QTest::keyClick(name, Qt::Key_Escape);
                return;
            }
            // Typed into the file name box and Enter, as a user does.
            name->setFocus();
            name->setText(target);
            QTest::keyClick(name, Qt::Key_Return);
        });
        timer->start();
    };

    // The file goes where the user chose, with the platform's bytes (".pdf" added to a name without it).
    const QString target = m_dir.filePath(QStringLiteral("我的申请表.pdf"));
    answerSaveDialog(m_dir.filePath(QStringLiteral("我的申请表")));
    click(w, "applicationFormTemplateButton");
    QVERIFY2(suggested.endsWith(QStringLiteral(".pdf")), qPrintable(suggested));
    QTRY_VERIFY2_WITH_TIMEOUT(status->text().contains(QDir::toNativeSeparators(target)), qPrintable(status->text()), 30000);
    QVERIFY(status->isVisible());
    test::SandboxHttp http(sandbox(false));
    QVERIFY(http.login(QStringLiteral("supplier")));
    const auto expected = http.get(QStringLiteral("/api/v1/templates/application_form"));
    QCOMPARE(expected.status, 200);
    QVERIFY(expected.body.startsWith("%PDF"));
    QFile saved(target);
    QVERIFY(saved.open(QIODevice::ReadOnly));
    QCOMPARE(saved.readAll(), expected.body);

    // Cancelled: nothing is downloaded, the message stays.
    const QString before = status->text();
    answerSaveDialog(QString());
    click(w, "authorizationLetterTemplateButton");
    QCOMPARE(status->text(), before);

    // The platform cannot be reached: a sentence naming the template, no file left behind.
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost));
    QUrl dead = m_reviewFirst->url();
    dead.setPort(closed.serverPort());
    closed.close();
    m_s.client->setBaseUrl(dead);
    PlatformClient::RetryPolicy quick;
    quick.maxAttempts = 1;
    m_s.client->setRetryPolicy(quick);
    const QString failed = m_dir.filePath(QStringLiteral("letter.pdf"));
    answerSaveDialog(failed);
    click(w, "authorizationLetterTemplateButton");
    QTRY_VERIFY_WITH_TIMEOUT(status->text() != before && !status->text().endsWith(QStringLiteral("…")), 60000);
    QVERIFY2(status->text().contains(QStringLiteral("authorisation letter template")), qPrintable(status->text()));
    QVERIFY(!QFile::exists(failed));
}

QTEST_MAIN(TestWizard)
#include "tst_wizard.moc"
