#include "core/validation/ApplicationValidator.h"

#include <functional>

namespace ca {

namespace {

struct FieldSpec {
    const char *path;
    Field field;
    WizardStep step;
};

// Every validated text field, in page and form order (seed 000: 订单信息, 开票信息).
constexpr FieldSpec kFields[] = {
    {"organization.name", Field::UnitName, WizardStep::Order},
    {"organization.uscc", Field::Uscc, WizardStep::Order},
    {"order.mailing_address", Field::MailingAddress, WizardStep::Order},
    {"order.recipient_name", Field::Recipient, WizardStep::Order},
    {"order.recipient_phone", Field::Phone, WizardStep::Order},
    {"invoice.title", Field::Title, WizardStep::Invoice},
    {"invoice.tax_id", Field::TaxId, WizardStep::Invoice},
    {"invoice.address", Field::Address, WizardStep::Invoice},
    {"invoice.phone", Field::Phone, WizardStep::Invoice},
    {"invoice.notice_mobile", Field::Mobile, WizardStep::Invoice},
    {"invoice.bank", Field::BankName, WizardStep::Invoice},
    {"invoice.account", Field::BankAccount, WizardStep::Invoice},
};

QString *textAt(Application &app, QStringView path)
{
    if (path == u"organization.name") return &app.organization.name;
    if (path == u"organization.uscc") return &app.organization.uscc;
    if (path == u"order.mailing_address") return &app.order.mailingAddress;
    if (path == u"order.recipient_name") return &app.order.recipientName;
    if (path == u"order.recipient_phone") return &app.order.recipientPhone;
    if (path == u"invoice.title") return &app.invoice.title;
    if (path == u"invoice.tax_id") return &app.invoice.taxId;
    if (path == u"invoice.address") return &app.invoice.address;
    if (path == u"invoice.phone") return &app.invoice.phone;
    if (path == u"invoice.notice_mobile") return &app.invoice.noticeMobile;
    if (path == u"invoice.bank") return &app.invoice.bank;
    if (path == u"invoice.account") return &app.invoice.account;
    return nullptr;
}

bool isBlank(const QString &value)
{
    return value.trimmed().isEmpty();
}

} // namespace

QList<AttachmentCategory> ApplicationValidator::requiredAttachments(ApplicationKind kind)
{
    switch (kind) {
    case ApplicationKind::New:
    case ApplicationKind::Reissue:
    case ApplicationKind::Change:
        // Seed 000's CA办理电子件 table: all four items are marked (*).
        return {AttachmentCategory::LegalRepId, AttachmentCategory::HandlerId, AttachmentCategory::ApplicationForm,
                AttachmentCategory::AuthorizationLetter, AttachmentCategory::BusinessLicence};
    case ApplicationKind::Renewal:
        // The unit and its certificate are known; the form names the certificate to extend.
        return {AttachmentCategory::ApplicationForm, AttachmentCategory::BusinessLicence};
    case ApplicationKind::Existing:
        // Registering a key the unit holds: who the unit is and who acts for it.
        return {AttachmentCategory::AuthorizationLetter, AttachmentCategory::BusinessLicence};
    }
    return {};
}

bool ApplicationValidator::needsMailingDetails(const Application &app)
{
    return kindShipsKey(app.kind) && app.order.pickup == Pickup::Mail;
}

bool ApplicationValidator::needsInvoice(ApplicationKind kind)
{
    return kind != ApplicationKind::Existing;
}

bool ApplicationValidator::fieldForPath(const QString &path, Field *field)
{
    for (const FieldSpec &spec : kFields) {
        if (path == QLatin1StringView(spec.path)) {
            if (field)
                *field = spec.field;
            return true;
        }
    }
    if (path == QLatin1StringView("order.quantity")) {
        if (field)
            *field = Field::Quantity;
        return true;
    }
    return false;
}

WizardStep ApplicationValidator::stepOf(const QString &path)
{
    if (path.startsWith(QLatin1StringView("invoice")))
        return WizardStep::Invoice;
    if (path.startsWith(QLatin1StringView("attachments")))
        return WizardStep::Attachments;
    if (path.startsWith(QLatin1StringView("order")) || path.startsWith(QLatin1StringView("organization")))
        return WizardStep::Order;
    return WizardStep::Kind;
}

QList<FieldError> ApplicationValidator::validate(const Application &app, ValidationPurpose purpose)
{
    const bool complete = purpose != ValidationPurpose::SaveDraft;
    const bool mail = needsMailingDetails(app);
    const bool invoiceNeeded = needsInvoice(app.kind);
    const bool special = app.invoice.type == InvoiceType::Special;

    // The sentence for a required field left empty; empty when the field may stay empty.
    const auto missingMessage = [&](QStringView path) -> QString {
        if (!complete)
            return QString();
        if (path == u"organization.name")
            return tr("Enter the unit's name as printed on its business licence.");
        if (path == u"organization.uscc")
            return tr("Enter the unit's unified social credit code, the 18 characters printed on its business licence.");
        if (mail && path == u"order.mailing_address")
            return tr("Enter the mailing address: the USB key is sent by mail.");
        if (mail && path == u"order.recipient_name")
            return tr("Enter the name of the person who receives the USB key sent by mail.");
        if (mail && path == u"order.recipient_phone")
            return tr("Enter the phone number of the person who receives the USB key, so that the courier can call.");
        if (!invoiceNeeded)
            return QString();
        if (path == u"invoice.title")
            return tr("Enter the invoice title, normally the unit's full name.");
        if (path == u"invoice.tax_id") {
            if (special)
                return tr("Enter the tax ID: a special VAT invoice needs it.");
            if (app.organization.isEnterprise())
                return tr("Enter the tax ID: an ordinary invoice for an enterprise needs it.");
            return QString();
        }
        if (path == u"invoice.notice_mobile")
            return tr("Enter the mobile number that receives the notice when the invoice has been issued.");
        if (!special)
            return QString();
        if (path == u"invoice.address")
            return tr("Enter the unit's address: a special VAT invoice needs it.");
        if (path == u"invoice.phone")
            return tr("Enter the unit's phone number: a special VAT invoice needs it.");
        if (path == u"invoice.bank")
            return tr("Enter the bank where the unit's account is held: a special VAT invoice needs it.");
        if (path == u"invoice.account")
            return tr("Enter the unit's bank account number: a special VAT invoice needs it.");
        return QString();
    };

    QList<FieldError> errors;
    Application copy = app; // textAt() needs a mutable object; nothing is changed
    for (const FieldSpec &spec : kFields) {
        const QString path = QString::fromLatin1(spec.path);
        const QString value = *textAt(copy, path);
        if (isBlank(value)) {
            const QString missing = missingMessage(path);
            if (!missing.isEmpty())
                errors.append({path, missing, spec.step});
        } else {
            const FieldResult result = FieldValidator::validate(spec.field, value);
            if (!result.valid)
                errors.append({path, result.message, spec.step});
        }
        // The quantity follows the recipient's phone on the order page.
        if (spec.field == Field::Phone && spec.step == WizardStep::Order
            && (complete || app.order.quantity != 0)) {
            const FieldResult q = FieldValidator::validate(Field::Quantity, QString::number(app.order.quantity));
            if (!q.valid)
                errors.append({QStringLiteral("order.quantity"), q.message, WizardStep::Order});
        }
    }

    if (purpose == ValidationPurpose::Submit) {
        for (const AttachmentCategory category : requiredAttachments(app.kind)) {
            const QString path = QStringLiteral("attachments.") + enumWord(category);
            const QList<Attachment> files = app.attachmentsOf(category);
            bool uploaded = false, busy = false, failed = false;
            for (const Attachment &a : files) {
                uploaded = uploaded || a.state == UploadState::Uploaded;
                busy = busy || a.state == UploadState::Pending || a.state == UploadState::Uploading;
                failed = failed || a.state == UploadState::Failed;
            }
            if (uploaded)
                continue;
            QString message;
            if (busy)
                message = tr("The file for \"%1\" is still being uploaded; wait until the upload has finished, then "
                             "submit.").arg(enumDisplayName(category));
            else if (failed)
                message = tr("The upload of the file for \"%1\" failed; upload the file again.")
                              .arg(enumDisplayName(category));
            else {
                switch (category) {
                case AttachmentCategory::LegalRepId:
                    message = tr("Upload the legal representative's ID card, stamped with the company seal; this "
                                 "application needs it.");
                    break;
                case AttachmentCategory::HandlerId:
                    message = tr("Upload the handler's ID card, stamped with the company seal; this application needs "
                                 "it.");
                    break;
                case AttachmentCategory::ApplicationForm:
                    message = tr("Upload the filled-in CA certificate application form; this application needs it.");
                    break;
                case AttachmentCategory::AuthorizationLetter:
                    message = tr("Upload the signed letter of authorisation; this application needs it.");
                    break;
                case AttachmentCategory::BusinessLicence:
                    message = tr("Upload the business licence, stamped with the company seal; this application needs "
                                 "it.");
                    break;
                }
            }
            errors.append({path, message, WizardStep::Attachments});
        }
    }
    return errors;
}

Application ApplicationValidator::normalized(const Application &app)
{
    Application out = app;
    for (const FieldSpec &spec : kFields) {
        QString *value = textAt(out, QString::fromLatin1(spec.path));
        if (isBlank(*value))
            continue;
        const FieldResult result = FieldValidator::validate(spec.field, *value);
        if (result.valid)
            *value = result.normalized;
    }
    return out;
}

} // namespace ca
