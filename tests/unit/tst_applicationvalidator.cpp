// core/validation/ApplicationValidator: which fields are required for which
// purpose and kind, page order, attachments, normalisation.

#include "core/validation/ApplicationValidator.h"

#include <QTest>

using namespace ca;

namespace {

Attachment uploaded(AttachmentCategory c, UploadState state = UploadState::Uploaded)
{
    Attachment a;
    a.id = QStringLiteral("att-") + enumWord(c);
    a.category = c;
    a.fileName = enumWord(c) + QStringLiteral(".pdf");
    a.size = 1000;
    a.state = state;
    return a;
}

// A complete new application, key by mail, ordinary invoice for an enterprise.
Application complete()
{
    Application a;
    a.kind = ApplicationKind::New;
    a.organization = {QStringLiteral("济南示例科技有限公司"), QStringLiteral("91370100MA3C5K7L1X"), Role::Supplier};
    a.order.pickup = Pickup::Mail;
    a.order.mailingAddress = QStringLiteral("济南市高新区舜华路2000号");
    a.order.recipientName = QStringLiteral("张三");
    a.order.recipientPhone = QStringLiteral("18769628833");
    a.order.quantity = 1;
    a.invoice.type = InvoiceType::Normal;
    a.invoice.title = QStringLiteral("济南示例科技有限公司");
    a.invoice.taxId = QStringLiteral("91370100MA3C5K7L1X");
    a.invoice.noticeMobile = QStringLiteral("18769628833");
    for (AttachmentCategory c : enumValues<AttachmentCategory>())
        a.attachments.append(uploaded(c));
    a.fee = Money::fromYuan(300);
    return a;
}

void specialDetails(Application &a)
{
    a.invoice.type = InvoiceType::Special;
    a.invoice.address = QStringLiteral("济南市历下区经十路11111号");
    a.invoice.phone = QStringLiteral("053167880028");
    a.invoice.bank = QStringLiteral("中国建设银行济南历下支行");
    a.invoice.account = QStringLiteral("37050161880109001234");
}

void keepOnly(Application &a, const QList<AttachmentCategory> &categories)
{
    a.attachments.removeIf([&](const Attachment &x) { return !categories.contains(x.category); });
}

// Each case: a named change to complete() (or to an empty draft).
Application build(const QString &c)
{
    Application a = complete();
    if (c == "complete") return a;
    if (c == "empty") return Application();
    if (c == "blank spaces") {
        a.organization.name = QStringLiteral("   ");
        a.invoice.noticeMobile = QStringLiteral("\t ");
        return a;
    }
    if (c == "bad uscc") { a.organization.uscc = QStringLiteral("91370100MA3C5K7L1Y"); return a; }
    if (c == "quantity 0") { a.order.quantity = 0; return a; }
    if (c == "quantity 100") { a.order.quantity = 100; return a; }
    if (c == "quantity 99") { a.order.quantity = 99; return a; }
    if (c == "onsite without mail details") {
        a.order.pickup = Pickup::Onsite;
        a.order.mailingAddress.clear(); a.order.recipientName.clear(); a.order.recipientPhone.clear();
        return a;
    }
    if (c == "onsite with a bad phone") {
        a.order.pickup = Pickup::Onsite;
        a.order.recipientPhone = QStringLiteral("12345");
        return a;
    }
    if (c == "renewal online") {
        a.kind = ApplicationKind::Renewal;
        a.order.mailingAddress.clear(); a.order.recipientName.clear(); a.order.recipientPhone.clear();
        keepOnly(a, {AttachmentCategory::ApplicationForm, AttachmentCategory::BusinessLicence});
        return a;
    }
    if (c == "renewal without licence") {
        a.kind = ApplicationKind::Renewal;
        keepOnly(a, {AttachmentCategory::ApplicationForm});
        return a;
    }
    if (c == "existing without invoice") {
        a.kind = ApplicationKind::Existing;
        a.invoice = Invoice();
        keepOnly(a, {AttachmentCategory::AuthorizationLetter, AttachmentCategory::BusinessLicence});
        return a;
    }
    if (c == "existing without letter") {
        a.kind = ApplicationKind::Existing;
        keepOnly(a, {AttachmentCategory::BusinessLicence});
        return a;
    }
    if (c == "change needs all") {
        a.kind = ApplicationKind::Change;
        keepOnly(a, {AttachmentCategory::BusinessLicence});
        return a;
    }
    if (c == "special complete") { specialDetails(a); return a; }
    if (c == "special empty") { a.invoice.type = InvoiceType::Special; return a; }
    if (c == "special without tax id, not an enterprise") {
        specialDetails(a);
        a.organization.uscc = QStringLiteral("113701000043125974");
        a.invoice.taxId.clear();
        return a;
    }
    if (c == "normal without tax id, enterprise") { a.invoice.taxId.clear(); return a; }
    if (c == "normal without tax id, not an enterprise") {
        a.organization.uscc = QStringLiteral("113701000043125974");
        a.invoice.taxId.clear();
        return a;
    }
    if (c == "normal with bad optional fields") {
        a.invoice.account = QStringLiteral("12ab");
        a.invoice.address = QStringLiteral("济南市-历下区");
        return a;
    }
    if (c == "notice landline") { a.invoice.noticeMobile = QStringLiteral("053167880028"); return a; }
    if (c == "uploading") {
        a.attachments[0].state = UploadState::Uploading;
        return a;
    }
    if (c == "failed") {
        a.attachments[1].state = UploadState::Failed;
        return a;
    }
    if (c == "failed and retried") {
        a.attachments[1].state = UploadState::Failed;
        a.attachments.append(uploaded(a.attachments[1].category));
        return a;
    }
    if (c == "no attachments") { a.attachments.clear(); return a; }
    if (c == "errors on every page") {
        a.attachments.clear();
        a.invoice.noticeMobile = QStringLiteral("188");
        a.order.recipientName = QStringLiteral("张#三");
        a.organization.name.clear();
        return a;
    }
    qFatal("unknown case %s", qPrintable(c));
    return a;
}

const QStringList kAllAttachments = {"attachments.legal_rep_id", "attachments.handler_id", "attachments.application_form",
                                     "attachments.authorization_letter", "attachments.business_licence"};

} // namespace

Q_DECLARE_METATYPE(ca::ValidationPurpose)

class TestApplicationValidator : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void validate_data();
    void validate();
    void messages();
    void requiredAttachments();
    void steps();
    void normalized();
};

void TestApplicationValidator::validate_data()
{
    QTest::addColumn<QString>("change");
    QTest::addColumn<ValidationPurpose>("purpose");
    QTest::addColumn<QStringList>("paths");
    const auto row = [](const char *change, ValidationPurpose purpose, const QStringList &paths) {
        const char *p = purpose == ValidationPurpose::SaveDraft ? "save" : purpose == ValidationPurpose::Pay ? "pay" : "submit";
        QTest::newRow(qPrintable(QStringLiteral("%1 / %2").arg(QLatin1String(change), QLatin1String(p))))
            << QString::fromLatin1(change) << purpose << paths;
    };
    using P = ValidationPurpose;
    const QStringList emptyPay = {"organization.name", "organization.uscc", "order.mailing_address",
                                  "order.recipient_name", "order.recipient_phone", "invoice.title",
                                  "invoice.notice_mobile"};
    row("complete", P::SaveDraft, {});
    row("complete", P::Pay, {});
    row("complete", P::Submit, {});
    row("empty", P::SaveDraft, {});
    row("empty", P::Pay, emptyPay);
    row("empty", P::Submit, emptyPay + kAllAttachments);
    row("blank spaces", P::SaveDraft, {});
    row("blank spaces", P::Submit, {"organization.name", "invoice.notice_mobile"});
    row("bad uscc", P::SaveDraft, {"organization.uscc"});
    row("quantity 0", P::SaveDraft, {});
    row("quantity 0", P::Pay, {"order.quantity"});
    row("quantity 100", P::SaveDraft, {"order.quantity"});
    row("quantity 99", P::Submit, {});
    row("onsite without mail details", P::Submit, {});
    row("onsite with a bad phone", P::Submit, {"order.recipient_phone"});
    row("renewal online", P::Submit, {});
    row("renewal without licence", P::Submit, {"attachments.business_licence"});
    row("existing without invoice", P::Submit, {});
    row("existing without letter", P::Submit, {"attachments.authorization_letter"});
    row("change needs all", P::Submit, {"attachments.legal_rep_id", "attachments.handler_id",
                                        "attachments.application_form", "attachments.authorization_letter"});
    row("special complete", P::Submit, {});
    row("special empty", P::SaveDraft, {});
    row("special empty", P::Pay, {"invoice.address", "invoice.phone", "invoice.bank", "invoice.account"});
    row("special without tax id, not an enterprise", P::Pay, {"invoice.tax_id"});
    row("normal without tax id, enterprise", P::Pay, {"invoice.tax_id"});
    row("normal without tax id, enterprise", P::SaveDraft, {});
    row("normal without tax id, not an enterprise", P::Submit, {});
    row("normal with bad optional fields", P::SaveDraft, {"invoice.address", "invoice.account"});
    row("normal with bad optional fields", P::Submit, {"invoice.address", "invoice.account"});
    row("notice landline", P::SaveDraft, {"invoice.notice_mobile"});
    row("uploading", P::Submit, {"attachments.legal_rep_id"});
    row("uploading", P::Pay, {});
    row("failed", P::Submit, {"attachments.handler_id"});
    row("failed", P::SaveDraft, {});
    row("failed and retried", P::Submit, {});
    row("no attachments", P::Pay, {});
    row("no attachments", P::Submit, kAllAttachments);
    row("errors on every page", P::SaveDraft, {"order.recipient_name", "invoice.notice_mobile"});
    row("errors on every page", P::Submit, QStringList{"organization.name", "order.recipient_name", "invoice.notice_mobile"}
                                               + kAllAttachments);
}

void TestApplicationValidator::validate()
{
    QFETCH(QString, change);
    QFETCH(ValidationPurpose, purpose);
    QFETCH(QStringList, paths);
    const QList<FieldError> errors = ApplicationValidator::validate(build(change), purpose);
    QStringList actual;
    for (const FieldError &e : errors) {
        actual.append(e.path);
        QVERIFY2(e.message.size() > 20 && e.message.endsWith(QLatin1Char('.')), qPrintable(e.message));
        QCOMPARE(e.step, ApplicationValidator::stepOf(e.path));
    }
    QCOMPARE(actual, paths);
    // Page order: the steps never go backwards.
    for (qsizetype i = 1; i < errors.size(); ++i)
        QVERIFY(int(errors[i - 1].step) <= int(errors[i].step));
}

void TestApplicationValidator::messages()
{
    // Required-field sentences say why; value errors come from FieldValidator.
    const QList<FieldError> special = ApplicationValidator::validate(build("special empty"), ValidationPurpose::Pay);
    QCOMPARE(special.at(0).message, QStringLiteral("Enter the unit's address: a special VAT invoice needs it."));
    const QList<FieldError> enterprise =
        ApplicationValidator::validate(build("normal without tax id, enterprise"), ValidationPurpose::Pay);
    QCOMPARE(enterprise.at(0).message, QStringLiteral("Enter the tax ID: an ordinary invoice for an enterprise needs it."));
    const QList<FieldError> mail = ApplicationValidator::validate(Application(), ValidationPurpose::Pay);
    QCOMPARE(mail.at(2).message, QStringLiteral("Enter the mailing address: the USB key is sent by mail."));
    const QList<FieldError> bad = ApplicationValidator::validate(build("bad uscc"), ValidationPurpose::Submit);
    QCOMPARE(bad.at(0).message, FieldValidator::validate(Field::Uscc, QStringLiteral("91370100MA3C5K7L1Y")).message);
    const QList<FieldError> busy = ApplicationValidator::validate(build("uploading"), ValidationPurpose::Submit);
    QCOMPARE(busy.at(0).message, QStringLiteral("The file for \"Legal representative's ID card\" is still being uploaded; "
                                                "wait until the upload has finished, then submit."));
}

void TestApplicationValidator::requiredAttachments()
{
    using C = AttachmentCategory;
    const QList<C> all = {C::LegalRepId, C::HandlerId, C::ApplicationForm, C::AuthorizationLetter, C::BusinessLicence};
    QCOMPARE(ApplicationValidator::requiredAttachments(ApplicationKind::New), all);
    QCOMPARE(ApplicationValidator::requiredAttachments(ApplicationKind::Reissue), all);
    QCOMPARE(ApplicationValidator::requiredAttachments(ApplicationKind::Change), all);
    QCOMPARE(ApplicationValidator::requiredAttachments(ApplicationKind::Renewal),
             (QList<C>{C::ApplicationForm, C::BusinessLicence}));
    QCOMPARE(ApplicationValidator::requiredAttachments(ApplicationKind::Existing),
             (QList<C>{C::AuthorizationLetter, C::BusinessLicence}));
    QVERIFY(!ApplicationValidator::needsInvoice(ApplicationKind::Existing));
    QVERIFY(ApplicationValidator::needsInvoice(ApplicationKind::Renewal));
}

void TestApplicationValidator::steps()
{
    QCOMPARE(ApplicationValidator::stepOf("kind"), WizardStep::Kind);
    QCOMPARE(ApplicationValidator::stepOf("organization.uscc"), WizardStep::Order);
    QCOMPARE(ApplicationValidator::stepOf("order.quantity"), WizardStep::Order);
    QCOMPARE(ApplicationValidator::stepOf("invoice.tax_id"), WizardStep::Invoice);
    QCOMPARE(ApplicationValidator::stepOf("attachments.handler_id"), WizardStep::Attachments);
    Field f{};
    QVERIFY(ApplicationValidator::fieldForPath("invoice.tax_id", &f));
    QCOMPARE(f, Field::TaxId);
    QVERIFY(ApplicationValidator::fieldForPath("order.quantity", &f));
    QCOMPARE(f, Field::Quantity);
    QVERIFY(ApplicationValidator::fieldForPath("organization.name", &f));
    QCOMPARE(f, Field::UnitName);
    QVERIFY(!ApplicationValidator::fieldForPath("invoice.type", &f));
}

void TestApplicationValidator::normalized()
{
    Application a = complete();
    a.organization.uscc = QStringLiteral("９１３７０１００ｍａ３ｃ５ｋ７ｌ１ｘ"); // full-width, lower case
    a.order.recipientPhone = QStringLiteral("187-6962 8833");
    a.invoice.taxId = QStringLiteral(" 91370100-MA3C5K7L1X ");
    a.invoice.noticeMobile = QStringLiteral("12345"); // invalid: left as typed
    const Application n = ApplicationValidator::normalized(a);
    QCOMPARE(n.organization.uscc, QStringLiteral("91370100MA3C5K7L1X"));
    QCOMPARE(n.order.recipientPhone, QStringLiteral("18769628833"));
    QCOMPARE(n.invoice.taxId, QStringLiteral("91370100MA3C5K7L1X"));
    QCOMPARE(n.invoice.noticeMobile, QStringLiteral("12345"));
    QCOMPARE(n.organization.name, a.organization.name);
    QCOMPARE(ApplicationValidator::normalized(complete()), complete());
}

QTEST_GUILESS_MAIN(TestApplicationValidator)
#include "tst_applicationvalidator.moc"
