#pragma once

// Whole-application validation (design §4, seeds 000/003; the rules in full are
// in docs/application-json.md, "Validation"):
//
//   QList<FieldError> errors = ApplicationValidator::validate(app, ValidationPurpose::Submit);
//   if (!errors.isEmpty()) jumpTo(errors.first().step, errors.first().path);
//
// Errors come in page order (kind, order, invoice, attachments; fields in the
// order of the form), at most one per field. Field values are judged by
// ca::FieldValidator; "required" is decided here per purpose and kind.

#include "core/model/Application.h"
#include "core/validation/FieldValidator.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace ca {

enum class ValidationPurpose {
    SaveDraft, // only fields that are filled in are checked
    Pay,       // kind, order and invoice complete (the fee and the invoice are fixed by paying)
    Submit,    // everything complete, required attachments uploaded
};

// The wizard page a field lives on, in page order.
enum class WizardStep { Kind, Order, Invoice, Attachments };

struct FieldError {
    QString path;    // JSON key path: "invoice.tax_id"; a missing attachment: "attachments.business_licence"
    QString message; // whole translated sentence
    WizardStep step = WizardStep::Order;
    bool operator==(const FieldError &) const = default;
};

class ApplicationValidator
{
    Q_DECLARE_TR_FUNCTIONS(ca::ApplicationValidator)
public:
    static QList<FieldError> validate(const Application &app, ValidationPurpose purpose);

    // Categories that must be uploaded before submitting, in table order.
    static QList<AttachmentCategory> requiredAttachments(ApplicationKind kind);
    // A key is sent by mail: mailing address, recipient name and phone are required.
    static bool needsMailingDetails(const Application &app);
    // Every kind with a fee needs invoice details: all but "existing".
    static bool needsInvoice(ApplicationKind kind);
    // The validator's field for a key path ("invoice.tax_id" -> Field::TaxId); false for other paths.
    static bool fieldForPath(const QString &path, Field *field);
    // The page of a key path ("order.*" and "organization.*" -> Order, ...).
    static WizardStep stepOf(const QString &path);

    // A copy with every valid field replaced by its normalised form (codes
    // cleaned, free text trimmed); invalid values are left as typed.
    static Application normalized(const Application &app);
};

} // namespace ca
