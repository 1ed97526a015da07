#pragma once

#include <QCoreApplication>
#include <QString>

namespace ca {

// The fields ca-tool validate --field knows (and the UI validates as the user types).
enum class Field {
    Uscc,        // unified social credit code, GB 32100-2015
    TaxId,       // 15, 17, 18 or 20 chars; an 18-char one is a USCC or a resident ID (GB 11643)
    Mobile,      // 1[3-9] + 9 digits, +86/86 prefix stripped
    Landline,    // area code + 7-8 digits, or a 400/800 number
    Phone,       // mobile or landline
    BankAccount, // digits only (no Luhn: corporate accounts have none)
    Quantity,    // 1..99
    Title,       // invoice title / unit name: no special characters except （）()
    Address,     // free text address: as Title
    BankName,    // free text: as Title
    Recipient,   // recipient name: as Title
};

// The outcome of validating one value. `normalized` is the cleaned value the
// user should see (full-width to half-width, spaces and '-' removed, upper
// case where the rule asks for it); `message` is a whole translated sentence
// that names the field, says what is wrong and how to fix it (empty when valid).
struct FieldResult {
    bool valid = false;
    QString normalized;
    QString message;
};

class FieldValidator
{
    Q_DECLARE_TR_FUNCTIONS(FieldValidator)
public:
    static FieldResult validate(Field field, const QString &value);

    // "uscc", "tax-id", "mobile", "landline", "phone", "bank-account",
    // "quantity", "title", "address", "bank-name", "recipient"; false when unknown.
    static bool fieldFromName(const QString &name, Field *field);
    static QString fieldName(Field field);      // the machine name above
    static QString fieldLabel(Field field);     // translated label, e.g. "Unified social credit code"

    // Normalisation alone (no verdict): full-width -> half-width, spaces and '-'
    // removed, upper case. Used for phone, account and tax-ID style fields.
    static QString normalizeCode(const QString &value);
};

} // namespace ca
