#pragma once

#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QString>
#include <QStringView>

namespace ca {

// The fields ca-tool validate --field knows (and the UI validates as the user types).
// The rules in detail (and the decisions behind them) are the comment block at
// the top of FieldValidator.cpp.
enum class Field {
    Uscc,        // unified social credit code, GB 32100-2015
    TaxId,       // 15, 17, 18 or 20 chars; an 18-char one is a USCC or a resident ID (GB 11643)
    Mobile,      // 1[3-9] + 9 digits, +86/86/0086 prefix stripped
    Landline,    // area code + 7-8 digits (optional extension), or a 400/800 number
    Phone,       // mobile or landline
    BankAccount, // digits only, 9..32 digits (no Luhn: corporate accounts have none)
    Quantity,    // 1..99
    Title,       // invoice title (开票单位名称): no special characters except （）() and ·, at most 100 chars
    Address,     // unit address on the invoice (单位地址): as Title, at most 100 chars
    BankName,    // bank (开户银行): as Title, at most 60 chars
    Recipient,   // recipient name (收件人姓名): as Title, at most 30 chars; single spaces between Latin words
    UnitName,    // unit name (单位名称, organization.name): as Title, at most 100 chars
    MailingAddress, // mailing address (邮寄地址, order.mailing_address): as Address
};

// The outcome of validating one value. `normalized` is the cleaned value the
// user should see (full-width to half-width, spaces and '-' removed, upper
// case where the rule asks for it); `message` is a whole translated sentence
// that names the field, says what is wrong and how to fix it (empty when valid).
// `normalized` is filled in for invalid values too (the cleaned input).
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
    // "quantity", "title", "address", "bank-name", "recipient", "unit-name",
    // "mailing-address"; false when unknown.
    static bool fieldFromName(const QString &name, Field *field);
    static QString fieldName(Field field);      // the machine name above
    static QString fieldLabel(Field field);     // translated label, e.g. "Unified social credit code"
    static QList<Field> allFields();

    // Normalisation alone (no verdict): full-width -> half-width, spaces and '-'
    // removed, upper case. Used for phone, account and tax-ID style fields.
    static QString normalizeCode(const QString &value);
    // Full-width ASCII forms (U+FF01..U+FF5E) -> ASCII, U+3000 -> space; nothing else.
    static QString toHalfWidth(const QString &value);

    // Longest value accepted for a free-text field (characters, after trimming);
    // 0 for the code-like fields.
    static int maxLength(Field field);

    // Bank account numbers have this many digits (inclusive).
    static constexpr int kBankAccountMinDigits = 9;
    static constexpr int kBankAccountMaxDigits = 32;

    // GB 32100-2015 check character for the first 17 characters of a USCC
    // (already normalised); a null QChar when one of them is outside the code's
    // alphabet. For tests and the sandbox's fixtures; never shown to users.
    static QChar usccCheckCharacter(QStringView first17);
    // Whole-code checks on a normalised value (no messages).
    static bool isValidUscc(QStringView code);
    // GB 11643 resident ID number: 17 digits + check (0-9/X) and a plausible
    // birth date (1900-01-01 .. today).
    static bool isValidResidentId(QStringView id, QDate today = QDate::currentDate());
};

} // namespace ca
