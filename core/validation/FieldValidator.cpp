#include "core/validation/FieldValidator.h"

#include <QRegularExpression>
#include <QStringList>

#include <array>
#include <optional>

// Field rules (design §4) and the decisions taken where the design left room:
//
// Code-like fields (USCC, tax ID, mobile, landline, phone, bank account) are
// normalised first: full-width forms to ASCII, every kind of space, '-' and the
// other dashes, zero-width characters removed, ASCII letters upper-cased. The
// cleaned value is reported back as `normalized`, valid or not.
//
// USCC (GB 32100-2015): 18 characters of 0-9A-HJ-NPQRTUWXY; characters 3-8 (the
//   administrative division code) are digits; characters 9-17 are the
//   organization code (GB 11714), whose 9th character is its own check digit
//   (weights 3 7 9 10 5 8 4 2, 11 - sum mod 11, 10 = X, 11 = 0); character 18 is
//   the check character C[(31 - sum(v_i * w_i) mod 31) mod 31]. The first two
//   characters (registration authority, unit class) are not restricted beyond
//   the alphabet: authorities have been added since 2015 and no closed list is
//   published in the standard. Messages never reveal the expected check
//   character (that would only help fabricate codes).
// Tax ID: 15, 17, 18 or 20 of [0-9A-Z]. An 18-character one is a valid USCC or
//   a valid resident ID number (GB 11643: 17 digits + check 0-9/X, plausible
//   birth date). When it is neither, it is judged as an ID number when its
//   shape says so (17 digits + digit/X with a real birth date), else as a USCC.
// Mobile: 1[3-9] + 9 digits; a +86, 0086 or (for 13 digits) 86 prefix is dropped.
// Landline: 0 + area code (3 digits in all: 010 and 02x; 4 digits in all:
//   03x-09x) + 7 or 8 digits; or a 400/800 service number (10 digits). A +86 /
//   0086 prefix is dropped (the area code's 0 is put back). Parentheses around
//   the area code are dropped. An extension (1-6 digits) may follow after
//   转, 分机, ext, x, # or a third '-' group; it is kept as "转<digits>",
//   because invoices accept no '-' or '#'.
// Phone: a mobile or a landline number.
// Bank account: digits only, 9 to 32 of them (corporate accounts of Chinese
//   banks run from 9 digits, old 民生银行 accounts, to 20-odd); no Luhn check.
//   A run of consecutive or identical digits (12345678, 00000000000) is sample
//   data, not an account. Account numbers never appear in messages.
// Quantity: a whole number 1..99 (full-width digits accepted, leading zeros
//   dropped).
// Free-text fields (unit name, invoice title, addresses, bank name, recipient):
//   trimmed; allowed are letters of every script (CJK included, also the rare
//   ones outside the BMP), decimal digits, （）(), 〇 and the middle dot ·
//   (minority and foreign names: 买买提·艾力; ・ • ･ ‧ are turned into ·).
//   Everything else is a "special character" as the platform says: spaces
//   (invoice data must not carry any; only a recipient name may have single
//   spaces between Latin words), '-', '#', and also Chinese punctuation such
//   as ，、。 which no real address needs (3号楼 instead of 3#, 5单元 instead of
//   5-). The message names the first offending character and its position
//   (1-based, in characters). A value must contain at least one letter or
//   Chinese character (321321 is not a unit name, 12345678 not a bank).
//   Maximum lengths: unit name and invoice title 100, addresses 100, bank name
//   60, recipient 30 characters.

namespace ca {

namespace {

constexpr QStringView kUsccAlphabet = u"0123456789ABCDEFGHJKLMNPQRTUWXY";
constexpr std::array<int, 17> kUsccWeights{1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
constexpr std::array<int, 8> kOrgCodeWeights{3, 7, 9, 10, 5, 8, 4, 2};
constexpr std::array<int, 17> kIdWeights{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
constexpr QStringView kIdCheck = u"10X98765432";

bool isAsciiDigit(QChar c) { return c >= QLatin1Char('0') && c <= QLatin1Char('9'); }
bool isAsciiUpper(QChar c) { return c >= QLatin1Char('A') && c <= QLatin1Char('Z'); }

bool allDigits(QStringView s)
{
    for (QChar c : s)
        if (!isAsciiDigit(c))
            return false;
    return true;
}

bool isDash(char32_t c)
{
    return c == U'-' || (c >= 0x2010 && c <= 0x2015) || c == 0x2212 || c == 0xFE58 || c == 0xFE63;
}

bool isZeroWidth(char32_t c)
{
    return (c >= 0x200B && c <= 0x200D) || c == 0x2060 || c == 0xFEFF;
}

// Characters are counted as the user sees them: one per code point.
QList<char32_t> codePoints(const QString &s)
{
    QList<char32_t> out;
    out.reserve(s.size());
    for (uint u : s.toUcs4())
        out.append(char32_t(u));
    return out;
}

QString fromCodePoint(char32_t c)
{
    return QString::fromUcs4(&c, 1);
}

QString codePointName(char32_t c)
{
    return QStringLiteral("U+") + QString::number(uint(c), 16).toUpper().rightJustified(4, QLatin1Char('0'));
}

int usccValue(QChar c)
{
    return int(kUsccAlphabet.indexOf(c));
}

// The GB 11714 check digit of an 8-character organization code body; a null QChar when a
// character is neither digit nor capital letter.
QChar orgCodeCheck(QStringView body8)
{
    int sum = 0;
    for (int i = 0; i < 8; ++i) {
        const QChar c = body8[i];
        int v;
        if (isAsciiDigit(c))
            v = c.unicode() - '0';
        else if (isAsciiUpper(c))
            v = c.unicode() - 'A' + 10;
        else
            return QChar();
        sum += v * kOrgCodeWeights[size_t(i)];
    }
    const int r = 11 - sum % 11;
    if (r == 10)
        return QLatin1Char('X');
    if (r == 11)
        return QLatin1Char('0');
    return QChar(u'0' + r);
}

// ----- USCC analysis shared by the USCC and the tax-ID rules -----

enum class UsccProblem {
    None,
    Length,        // arg: length
    ConfusedLetter,// I O S Z: args: letter, position, digit it probably was
    BadCharacter,  // args: character, position
    RegionLetter,  // args: character, position (3..8)
    CheckCharacter,
    OrgCode,
};

struct UsccFinding {
    UsccProblem problem = UsccProblem::None;
    QString character;
    int position = 0;
    QString digit;
};

UsccFinding analyseUscc(const QString &code)
{
    UsccFinding f;
    if (code.size() != 18) {
        f.problem = UsccProblem::Length;
        return f;
    }
    for (int i = 0; i < 18; ++i) {
        const QChar c = code.at(i);
        if (usccValue(c) >= 0)
            continue;
        f.character = QString(c);
        f.position = i + 1;
        switch (c.unicode()) {
        case 'I': f.problem = UsccProblem::ConfusedLetter; f.digit = QStringLiteral("1"); break;
        case 'O': f.problem = UsccProblem::ConfusedLetter; f.digit = QStringLiteral("0"); break;
        case 'S': f.problem = UsccProblem::ConfusedLetter; f.digit = QStringLiteral("5"); break;
        case 'Z': f.problem = UsccProblem::ConfusedLetter; f.digit = QStringLiteral("2"); break;
        default: f.problem = UsccProblem::BadCharacter; break;
        }
        return f;
    }
    for (int i = 2; i < 8; ++i) {
        if (!isAsciiDigit(code.at(i))) {
            f.problem = UsccProblem::RegionLetter;
            f.character = QString(code.at(i));
            f.position = i + 1;
            return f;
        }
    }
    if (FieldValidator::usccCheckCharacter(QStringView(code).left(17)) != code.at(17)) {
        f.problem = UsccProblem::CheckCharacter;
        return f;
    }
    if (orgCodeCheck(QStringView(code).mid(8, 8)) != code.at(16)) {
        f.problem = UsccProblem::OrgCode;
        return f;
    }
    return f;
}

FieldResult invalid(const QString &normalized, const QString &message)
{
    return FieldResult{false, normalized, message};
}

FieldResult valid(const QString &normalized)
{
    return FieldResult{true, normalized, QString()};
}

// The first character of a normalised code that is not a digit or capital letter.
std::optional<std::pair<QString, int>> firstNonAlnum(const QString &s)
{
    const QList<char32_t> cps = codePoints(s);
    for (int i = 0; i < cps.size(); ++i) {
        const char32_t c = cps.at(i);
        if ((c >= U'0' && c <= U'9') || (c >= U'A' && c <= U'Z'))
            continue;
        return std::make_pair(fromCodePoint(c), i + 1);
    }
    return std::nullopt;
}

// A letter as the user typed it: normalisation upper-cases, but a message
// about "a" in a phone number should not speak of "A".
QString asTyped(const QString &character, const QString &input)
{
    if (character.size() == 1 && isAsciiUpper(character.at(0)) && !FieldValidator::toHalfWidth(input).contains(character))
        return character.toLower();
    return character;
}

std::optional<QString> firstNonDigit(const QString &s)
{
    for (char32_t c : codePoints(s))
        if (!(c >= U'0' && c <= U'9'))
            return fromCodePoint(c);
    return std::nullopt;
}

// ----- USCC -----

FieldResult validateUscc(const QString &value)
{
    const QString code = FieldValidator::normalizeCode(value);
    if (code.isEmpty())
        return invalid(code, FieldValidator::tr("The unified social credit code is empty. Enter the 18-character code printed on the unit's business licence."));
    if (code.size() != 18 && !firstNonAlnum(code)) {
        return invalid(code, FieldValidator::tr("The unified social credit code must have exactly 18 characters, but the value entered has %1. "
                                    "Copy the code exactly from the business licence.").arg(codePoints(code).size()));
    }
    if (const auto bad = firstNonAlnum(code); bad) {
        return invalid(code, FieldValidator::tr("The unified social credit code contains the character '%1' at position %2, which is not allowed: "
                                    "the code has only digits and capital letters. Remove the character or correct it.")
                                 .arg(bad->first).arg(bad->second));
    }
    const UsccFinding f = analyseUscc(code);
    switch (f.problem) {
    case UsccProblem::None:
        return valid(code);
    case UsccProblem::Length: // handled above
        break;
    case UsccProblem::ConfusedLetter:
        return invalid(code, FieldValidator::tr("The unified social credit code contains the letter '%1' at position %2, but the letters I, O, S, V and Z "
                                    "never occur in these codes. It is probably the digit %3; copy the code exactly from the business licence.")
                                 .arg(f.character).arg(f.position).arg(f.digit));
    case UsccProblem::BadCharacter:
        return invalid(code, FieldValidator::tr("The unified social credit code contains the letter '%1' at position %2, but the letters I, O, S, V and Z "
                                    "never occur in these codes. Copy the code exactly from the business licence.")
                                 .arg(f.character).arg(f.position));
    case UsccProblem::RegionLetter:
        return invalid(code, FieldValidator::tr("The unified social credit code has the letter '%1' at position %2, but positions 3 to 8 are the "
                                    "administrative division code and must be digits. Copy the code exactly from the business licence.")
                                 .arg(f.character).arg(f.position));
    case UsccProblem::CheckCharacter:
        return invalid(code, FieldValidator::tr("The unified social credit code is not valid: its last character (the check character) does not match "
                                    "the first 17 characters, so the code contains a typo. Copy the code exactly from the business licence."));
    case UsccProblem::OrgCode:
        return invalid(code, FieldValidator::tr("The unified social credit code is not valid: characters 9 to 17 are the organization code, and its "
                                    "check digit (character 17) does not match characters 9 to 16. Copy the code exactly from the business licence."));
    }
    return valid(code);
}

// ----- tax ID -----

bool looksLikeResidentId(const QString &s)
{
    if (s.size() != 18 || !allDigits(QStringView(s).left(17)))
        return false;
    const QChar last = s.at(17);
    if (!isAsciiDigit(last) && last != QLatin1Char('X'))
        return false;
    const QDate birth = QDate::fromString(s.mid(6, 8), QStringLiteral("yyyyMMdd"));
    return birth.isValid() && birth.year() >= 1900 && birth <= QDate::currentDate();
}

FieldResult validateTaxId(const QString &value)
{
    const QString id = FieldValidator::normalizeCode(value);
    if (id.isEmpty())
        return invalid(id, FieldValidator::tr("The tax ID is empty. Enter the unit's tax ID, normally its 18-character unified social credit code."));
    if (const auto bad = firstNonAlnum(id); bad) {
        return invalid(id, FieldValidator::tr("The tax ID contains the character '%1' at position %2, but a tax ID has only digits and capital letters. "
                                  "Remove the character or correct it.")
                               .arg(bad->first).arg(bad->second));
    }
    const int n = int(id.size());
    if (n != 15 && n != 17 && n != 18 && n != 20) {
        return invalid(id, FieldValidator::tr("The tax ID has %1 characters, but a tax ID has 15, 17, 18 or 20. "
                                  "Copy it exactly from the business licence or the tax registration certificate.").arg(n));
    }
    if (n != 18)
        return valid(id);
    if (FieldValidator::isValidUscc(id) || FieldValidator::isValidResidentId(id))
        return valid(id);
    if (looksLikeResidentId(id)) {
        return invalid(id, FieldValidator::tr("The tax ID looks like a resident ID number, but its last character (the check digit) does not match "
                                  "the first 17 digits. Copy the number exactly from the identity card."));
    }
    const UsccFinding f = analyseUscc(id);
    switch (f.problem) {
    case UsccProblem::None:
    case UsccProblem::Length:
        break;
    case UsccProblem::ConfusedLetter:
    case UsccProblem::BadCharacter:
        return invalid(id, FieldValidator::tr("The tax ID has 18 characters, so it must be the unit's unified social credit code, but it contains "
                                  "the letter '%1' at position %2, which never occurs in these codes. Copy the tax ID exactly from the business licence.")
                               .arg(f.character).arg(f.position));
    case UsccProblem::RegionLetter:
        return invalid(id, FieldValidator::tr("The tax ID has 18 characters, so it must be the unit's unified social credit code, but it has the letter "
                                  "'%1' at position %2, where the administrative division code (positions 3 to 8) needs digits. "
                                  "Copy the tax ID exactly from the business licence.")
                               .arg(f.character).arg(f.position));
    case UsccProblem::CheckCharacter:
        return invalid(id, FieldValidator::tr("The tax ID has 18 characters, so it must be a unified social credit code or a resident ID number, but its "
                                  "last character (the check character) does not match the first 17. Copy the tax ID exactly from the business licence."));
    case UsccProblem::OrgCode:
        return invalid(id, FieldValidator::tr("The tax ID has 18 characters, so it must be a unified social credit code, but characters 9 to 17 (the "
                                  "organization code) do not match their own check digit. Copy the tax ID exactly from the business licence."));
    }
    return invalid(id, FieldValidator::tr("The tax ID has 18 characters, so it must be a unified social credit code or a resident ID number, but its "
                              "last character (the check character) does not match the first 17. Copy the tax ID exactly from the business licence."));
}

// ----- phone numbers -----

enum class PhoneKind { Mobile, Landline };

enum class PhoneProblem {
    None,
    Empty,
    BadCharacter,    // arg: character
    MobileLength,    // arg: digit count
    MobilePrefix,    // arg: first two digits
    NoAreaCode,
    LocalLength,     // args: digit count after the area code, area code
    ServiceLength,   // args: prefix (400/800), digit count
    Extension,
    MobileAsLandline,
    LandlineAsMobile,
};

struct PhoneFinding {
    PhoneProblem problem = PhoneProblem::None;
    PhoneKind kind = PhoneKind::Mobile;
    QString normalized;
    QString arg1;
    QString arg2;
};

// Strips an explicit +86 / 0086 prefix (a bare 86 is taken off by the mobile
// rule, and only from a 13-digit number).
QString stripCountryCode(const QString &digits, bool *hadPrefix)
{
    *hadPrefix = false;
    if (digits.startsWith(QLatin1String("+86"))) {
        *hadPrefix = true;
        return digits.mid(3);
    }
    if (digits.startsWith(QLatin1String("0086"))) {
        *hadPrefix = true;
        return digits.mid(4);
    }
    return digits;
}

PhoneFinding analyseMobile(const QString &value)
{
    PhoneFinding f;
    f.kind = PhoneKind::Mobile;
    bool prefixed = false;
    QString d = FieldValidator::normalizeCode(value);
    d.remove(QLatin1Char('('));
    d.remove(QLatin1Char(')'));
    d = stripCountryCode(d, &prefixed);
    if (!prefixed && d.size() == 13 && d.startsWith(QLatin1String("86")))
        d = d.mid(2);
    f.normalized = d;
    if (d.isEmpty()) {
        f.problem = PhoneProblem::Empty;
    } else if (const auto bad = firstNonDigit(d); bad) {
        f.problem = PhoneProblem::BadCharacter;
        f.arg1 = asTyped(*bad, value);
    } else if (d.size() >= 2 && (d.at(0) != QLatin1Char('1') || d.at(1) < QLatin1Char('3'))) {
        f.problem = d.at(0) == QLatin1Char('0') ? PhoneProblem::LandlineAsMobile : PhoneProblem::MobilePrefix;
        f.arg1 = d.left(2);
    } else if (d.size() != 11) {
        f.problem = PhoneProblem::MobileLength;
        f.arg1 = QString::number(d.size());
    }
    return f;
}

PhoneFinding analyseLandline(const QString &value)
{
    PhoneFinding f;
    f.kind = PhoneKind::Landline;
    QString s = FieldValidator::toHalfWidth(value).trimmed();

    // Explicit extension markers first.
    QString extension;
    bool hasExtension = false;
    static const QStringList markers{QStringLiteral("分机"), QStringLiteral("转"), QStringLiteral("ext."),
                                     QStringLiteral("ext"), QStringLiteral("x"), QStringLiteral("#"),
                                     QStringLiteral(","), QStringLiteral(";"), QStringLiteral("，")};
    int cut = -1;
    int cutLen = 0;
    for (const QString &m : markers) {
        const int at = int(s.indexOf(m, 0, Qt::CaseInsensitive));
        if (at > 0 && (cut < 0 || at < cut)) {
            cut = at;
            cutLen = int(m.size());
        }
    }
    QString main = s;
    if (cut > 0) {
        main = s.left(cut);
        extension = FieldValidator::normalizeCode(s.mid(cut + cutLen));
        hasExtension = true;
    }

    auto clean = [](const QString &part, bool *prefixed) {
        QString d = FieldValidator::normalizeCode(part);
        d.remove(QLatin1Char('('));
        d.remove(QLatin1Char(')'));
        d = stripCountryCode(d, prefixed);
        if (*prefixed && !d.isEmpty() && d.at(0) != QLatin1Char('0') && !d.startsWith(QLatin1String("400"))
            && !d.startsWith(QLatin1String("800")))
            d.prepend(QLatin1Char('0'));
        return d;
    };

    // Judges a cleaned main number (no extension).
    auto judge = [&value](const QString &d) {
        PhoneFinding r;
        r.kind = PhoneKind::Landline;
        r.normalized = d;
        if (d.isEmpty()) {
            r.problem = PhoneProblem::Empty;
        } else if (const auto bad = firstNonDigit(d); bad) {
            r.problem = PhoneProblem::BadCharacter;
            r.arg1 = asTyped(*bad, value);
        } else if (d.startsWith(QLatin1String("400")) || d.startsWith(QLatin1String("800"))) {
            if (d.size() != 10) {
                r.problem = PhoneProblem::ServiceLength;
                r.arg1 = d.left(3);
                r.arg2 = QString::number(d.size());
            }
        } else if (d.at(0) == QLatin1Char('0')) {
            if (d.size() < 2 || d.at(1) == QLatin1Char('0')) {
                r.problem = PhoneProblem::NoAreaCode;
            } else {
                const int areaLen = (d.at(1) == QLatin1Char('1') || d.at(1) == QLatin1Char('2')) ? 3 : 4;
                const int local = int(d.size()) - areaLen;
                if (local != 7 && local != 8) {
                    r.problem = PhoneProblem::LocalLength;
                    r.arg1 = QString::number(qMax(local, 0));
                    r.arg2 = d.left(areaLen);
                }
            }
        } else if (d.size() == 11 && d.at(0) == QLatin1Char('1')) {
            r.problem = PhoneProblem::MobileAsLandline;
        } else {
            r.problem = PhoneProblem::NoAreaCode;
        }
        return r;
    };

    bool prefixed = false;
    if (!hasExtension) {
        // 0531-67880028-801: a third '-' group is an extension, unless the whole
        // thing is already a valid number (400-0531-556, 0531-6788-0028).
        const QStringList groups = main.split(QRegularExpression(QStringLiteral("[-\\x{2010}-\\x{2015}\\x{2212}]")), Qt::SkipEmptyParts);
        if (groups.size() >= 3) {
            PhoneFinding whole = judge(clean(main, &prefixed));
            if (whole.problem == PhoneProblem::None)
                return whole;
            const QString last = FieldValidator::normalizeCode(groups.last());
            if (last.size() <= 6 && allDigits(last)) {
                PhoneFinding head = judge(clean(groups.mid(0, groups.size() - 1).join(QLatin1Char('-')), &prefixed));
                if (head.problem == PhoneProblem::None) {
                    head.normalized += QStringLiteral("转") + last;
                    return head;
                }
            }
            return whole;
        }
    }
    f = judge(clean(main, &prefixed));
    if (f.problem == PhoneProblem::None && hasExtension) {
        if (extension.isEmpty() || extension.size() > 6 || !allDigits(extension)) {
            f.problem = PhoneProblem::Extension;
            return f;
        }
        f.normalized += QStringLiteral("转") + extension;
    }
    return f;
}

FieldResult mobileResult(const PhoneFinding &f)
{
    switch (f.problem) {
    case PhoneProblem::None:
        return valid(f.normalized);
    case PhoneProblem::Empty:
        return invalid(f.normalized, FieldValidator::tr("The mobile number is empty. Enter an 11-digit mobile number that starts with 1, for example 13812345678."));
    case PhoneProblem::BadCharacter:
        return invalid(f.normalized, FieldValidator::tr("The mobile number contains the character '%1', but a mobile number has only digits. Remove the character.").arg(f.arg1));
    case PhoneProblem::MobileLength:
        return invalid(f.normalized, FieldValidator::tr("The mobile number has %1 digits, but a mobile number in mainland China has 11. "
                                            "Check for a missing or extra digit.").arg(f.arg1));
    case PhoneProblem::LandlineAsMobile:
        return invalid(f.normalized, FieldValidator::tr("The mobile number starts with 0 like a landline number. Enter an 11-digit mobile number "
                                            "that starts with 1, for example 13812345678."));
    default:
        return invalid(f.normalized, FieldValidator::tr("The mobile number starts with %1, but mobile numbers in mainland China start with 13 to 19. "
                                            "Enter an 11-digit mobile number, for example 13812345678.").arg(f.arg1));
    }
}

FieldResult landlineResult(const PhoneFinding &f)
{
    switch (f.problem) {
    case PhoneProblem::None:
        return valid(f.normalized);
    case PhoneProblem::Empty:
        return invalid(f.normalized, FieldValidator::tr("The landline number is empty. Enter the number with its area code, for example 053167880028, "
                                            "or a 400 or 800 number."));
    case PhoneProblem::BadCharacter:
        return invalid(f.normalized, FieldValidator::tr("The landline number contains the character '%1', but a landline number has only digits "
                                            "(an extension may follow after 转 or ext). Remove the character.").arg(f.arg1));
    case PhoneProblem::LocalLength:
        return invalid(f.normalized, FieldValidator::tr("The landline number has %1 digits after the area code %2, but a local number has 7 or 8. "
                                            "Check for a missing or extra digit.").arg(f.arg1, f.arg2));
    case PhoneProblem::ServiceLength:
        return invalid(f.normalized, FieldValidator::tr("The landline number starts with %1 like a 400 or 800 service number, but it has %2 digits "
                                            "instead of 10. Check for a missing or extra digit.").arg(f.arg1, f.arg2));
    case PhoneProblem::Extension:
        return invalid(f.normalized, FieldValidator::tr("The extension of the landline number must have 1 to 6 digits. Write it after 转 or ext, "
                                            "for example 053167880028转801."));
    case PhoneProblem::MobileAsLandline:
        return invalid(f.normalized, FieldValidator::tr("The landline number looks like a mobile number. Enter a landline number with its area code here, "
                                            "for example 053167880028."));
    default:
        return invalid(f.normalized, FieldValidator::tr("The landline number has no area code. Put the area code in front of the number, "
                                            "for example 0531 for Jinan: 053167880028."));
    }
}

FieldResult phoneResult(const PhoneFinding &f)
{
    switch (f.problem) {
    case PhoneProblem::None:
        return valid(f.normalized);
    case PhoneProblem::Empty:
        return invalid(f.normalized, FieldValidator::tr("The phone number is empty. Enter a mobile number (11 digits starting with 1) or a landline "
                                            "number with its area code, for example 053167880028."));
    case PhoneProblem::BadCharacter:
        return invalid(f.normalized, FieldValidator::tr("The phone number contains the character '%1', but a phone number has only digits "
                                            "(an extension may follow after 转 or ext). Remove the character.").arg(f.arg1));
    case PhoneProblem::MobileLength:
        return invalid(f.normalized, FieldValidator::tr("The phone number starts with 1 like a mobile number but has %1 digits instead of 11. "
                                            "Check for a missing or extra digit, or enter a landline number with its area code.").arg(f.arg1));
    case PhoneProblem::LocalLength:
        return invalid(f.normalized, FieldValidator::tr("The phone number has %1 digits after the area code %2, but a local number has 7 or 8. "
                                            "Check for a missing or extra digit.").arg(f.arg1, f.arg2));
    case PhoneProblem::ServiceLength:
        return invalid(f.normalized, FieldValidator::tr("The phone number starts with %1 like a 400 or 800 service number, but it has %2 digits "
                                            "instead of 10. Check for a missing or extra digit.").arg(f.arg1, f.arg2));
    case PhoneProblem::Extension:
        return invalid(f.normalized, FieldValidator::tr("The extension of the phone number must have 1 to 6 digits. Write it after 转 or ext, "
                                            "for example 053167880028转801."));
    default:
        return invalid(f.normalized, FieldValidator::tr("The phone number is neither a mobile number (11 digits starting with 13 to 19) nor a landline "
                                            "number with its area code (for example 053167880028). Check the number and add the area code "
                                            "if it is missing."));
    }
}

FieldResult validatePhone(const QString &value)
{
    // A value that starts with 1 (after a country code) is judged as a mobile
    // number, everything else as a landline number.
    const PhoneFinding mobile = analyseMobile(value);
    if (mobile.problem == PhoneProblem::None)
        return valid(mobile.normalized);
    if (mobile.problem == PhoneProblem::Empty)
        return phoneResult(mobile);
    const PhoneFinding landline = analyseLandline(value);
    if (landline.problem == PhoneProblem::None)
        return valid(landline.normalized);
    if (mobile.problem == PhoneProblem::MobileLength && !mobile.normalized.isEmpty()
        && mobile.normalized.at(0) == QLatin1Char('1'))
        return phoneResult(mobile);
    if (landline.problem == PhoneProblem::MobileAsLandline)
        return phoneResult(mobile);
    return phoneResult(landline);
}

// ----- bank account -----

bool isSampleDigitRun(const QString &d)
{
    if (d.size() < 2)
        return false;
    bool same = true, up = true, down = true;
    for (int i = 1; i < d.size(); ++i) {
        const int a = d.at(i - 1).unicode() - '0';
        const int b = d.at(i).unicode() - '0';
        same = same && a == b;
        up = up && b == (a + 1) % 10;
        down = down && b == (a + 9) % 10;
    }
    return same || up || down;
}

FieldResult validateBankAccount(const QString &value)
{
    const QString d = FieldValidator::normalizeCode(value);
    if (d.isEmpty())
        return invalid(d, FieldValidator::tr("The bank account number is empty. Enter the number of the unit's bank account, digits only."));
    if (const auto bad = firstNonDigit(d); bad) {
        return invalid(d, FieldValidator::tr("The bank account number contains the character '%1', but an account number has only digits. "
                                 "Remove the character.").arg(asTyped(*bad, value)));
    }
    if (d.size() < FieldValidator::kBankAccountMinDigits) {
        return invalid(d, FieldValidator::tr("The bank account number has only %1 digits, but bank account numbers have at least %2. "
                                 "Copy the number exactly from the account opening permit or a bank statement.")
                              .arg(d.size()).arg(FieldValidator::kBankAccountMinDigits));
    }
    if (d.size() > FieldValidator::kBankAccountMaxDigits) {
        return invalid(d, FieldValidator::tr("The bank account number has %1 digits, but bank account numbers have at most %2. "
                                 "Check for extra digits.")
                              .arg(d.size()).arg(FieldValidator::kBankAccountMaxDigits));
    }
    if (isSampleDigitRun(d)) {
        return invalid(d, FieldValidator::tr("The bank account number is a run of consecutive or repeated digits, which is sample data and "
                                 "not a real account. Enter the unit's actual bank account number."));
    }
    return valid(d);
}

// ----- quantity -----

FieldResult validateQuantity(const QString &value)
{
    const QString q = FieldValidator::toHalfWidth(value).trimmed();
    if (q.isEmpty())
        return invalid(q, FieldValidator::tr("The quantity is empty. Enter how many USB keys you need, a whole number from 1 to 99."));
    static const QRegularExpression decimal(QStringLiteral("^[+-]?[0-9]*[.][0-9]+$|^[+-]?[0-9]+[.][0-9]*$"));
    if (decimal.match(q).hasMatch())
        return invalid(q, FieldValidator::tr("The quantity %1 is not a whole number. Enter how many USB keys you need, a whole number from 1 to 99.").arg(q));
    QString digits = q;
    const bool negative = digits.startsWith(QLatin1Char('-'));
    if (negative)
        digits.remove(0, 1);
    if (const auto bad = firstNonDigit(digits); bad) {
        return invalid(q, FieldValidator::tr("The quantity contains the character '%1', but it must be a whole number from 1 to 99. Enter digits only.")
                              .arg(*bad));
    }
    while (digits.size() > 1 && digits.startsWith(QLatin1Char('0')))
        digits.remove(0, 1);
    if (negative || digits == QLatin1String("0"))
        return invalid(q, FieldValidator::tr("The quantity must be at least 1. Enter how many USB keys you need."));
    if (digits.size() > 2)
        return invalid(q, FieldValidator::tr("The quantity %1 is more than 99, the most one application can order. Enter a number from 1 to 99 "
                                 "and apply again for more.").arg(digits));
    return valid(digits);
}

// ----- free text -----

struct TextMessages {
    const char *empty;
    const char *tooLong;    // %1 length, %2 maximum
    const char *noLetters;
    const char *space;      // %1 position
    const char *character;  // %1 character, %2 position
    const char *invisible;  // %1 U+XXXX, %2 position
};

const TextMessages kUnitName{
    QT_TRANSLATE_NOOP("FieldValidator", "The unit name is empty. Enter the unit's full name as printed on the business licence."),
    QT_TRANSLATE_NOOP("FieldValidator", "The unit name has %1 characters, but at most %2 are allowed. Enter the registered name without additions."),
    QT_TRANSLATE_NOOP("FieldValidator", "The unit name contains no Chinese characters or letters. Enter the unit's full name as printed on the business licence."),
    QT_TRANSLATE_NOOP("FieldValidator", "The unit name contains a space at position %1. Remove it: the name is written without spaces."),
    QT_TRANSLATE_NOOP("FieldValidator", "The unit name contains the character '%1' at position %2, which is not allowed. Remove it: only Chinese characters, letters, digits, parentheses and the middle dot (·) may be used."),
    QT_TRANSLATE_NOOP("FieldValidator", "The unit name contains an invisible character (%1) at position %2. Remove it, for example by typing the name again instead of pasting it."),
};
const TextMessages kTitle{
    QT_TRANSLATE_NOOP("FieldValidator", "The invoice title is empty. Enter the name to print on the invoice, normally the unit's full name."),
    QT_TRANSLATE_NOOP("FieldValidator", "The invoice title has %1 characters, but at most %2 are allowed. Enter the unit's registered name without additions."),
    QT_TRANSLATE_NOOP("FieldValidator", "The invoice title contains no Chinese characters or letters. Enter the name to print on the invoice, normally the unit's full name."),
    QT_TRANSLATE_NOOP("FieldValidator", "The invoice title contains a space at position %1. Remove it: invoice details must not contain spaces."),
    QT_TRANSLATE_NOOP("FieldValidator", "The invoice title contains the character '%1' at position %2, which invoices do not accept. Remove it: only Chinese characters, letters, digits, parentheses and the middle dot (·) may be used."),
    QT_TRANSLATE_NOOP("FieldValidator", "The invoice title contains an invisible character (%1) at position %2. Remove it, for example by typing the title again instead of pasting it."),
};
const TextMessages kAddress{
    QT_TRANSLATE_NOOP("FieldValidator", "The unit address is empty. Enter the unit's address as it should appear on the invoice."),
    QT_TRANSLATE_NOOP("FieldValidator", "The unit address has %1 characters, but at most %2 are allowed. Shorten the address."),
    QT_TRANSLATE_NOOP("FieldValidator", "The unit address contains no Chinese characters or letters. Enter the full address with city, street and building."),
    QT_TRANSLATE_NOOP("FieldValidator", "The unit address contains a space at position %1. Remove it: invoice details must not contain spaces."),
    QT_TRANSLATE_NOOP("FieldValidator", "The unit address contains the character '%1' at position %2, which invoices do not accept. Remove it or write it in words, for example 3号楼 instead of 3#."),
    QT_TRANSLATE_NOOP("FieldValidator", "The unit address contains an invisible character (%1) at position %2. Remove it, for example by typing the address again instead of pasting it."),
};
const TextMessages kMailingAddress{
    QT_TRANSLATE_NOOP("FieldValidator", "The mailing address is empty. Enter the address the USB key should be sent to."),
    QT_TRANSLATE_NOOP("FieldValidator", "The mailing address has %1 characters, but at most %2 are allowed. Shorten the address."),
    QT_TRANSLATE_NOOP("FieldValidator", "The mailing address contains no Chinese characters or letters. Enter the full address with city, street and building."),
    QT_TRANSLATE_NOOP("FieldValidator", "The mailing address contains a space at position %1. Remove it: the address is written without spaces."),
    QT_TRANSLATE_NOOP("FieldValidator", "The mailing address contains the character '%1' at position %2, which is not allowed. Remove it or write it in words, for example 3号楼 instead of 3#."),
    QT_TRANSLATE_NOOP("FieldValidator", "The mailing address contains an invisible character (%1) at position %2. Remove it, for example by typing the address again instead of pasting it."),
};
const TextMessages kBankName{
    QT_TRANSLATE_NOOP("FieldValidator", "The bank name is empty. Enter the full name of the bank branch where the unit's account is held."),
    QT_TRANSLATE_NOOP("FieldValidator", "The bank name has %1 characters, but at most %2 are allowed. Enter only the name of the bank branch."),
    QT_TRANSLATE_NOOP("FieldValidator", "The bank name contains no Chinese characters or letters. Enter the name of the bank branch here, not the account number."),
    QT_TRANSLATE_NOOP("FieldValidator", "The bank name contains a space at position %1. Remove it: invoice details must not contain spaces."),
    QT_TRANSLATE_NOOP("FieldValidator", "The bank name contains the character '%1' at position %2, which invoices do not accept. Remove it: only Chinese characters, letters, digits and parentheses may be used."),
    QT_TRANSLATE_NOOP("FieldValidator", "The bank name contains an invisible character (%1) at position %2. Remove it, for example by typing the name again instead of pasting it."),
};
const TextMessages kRecipient{
    QT_TRANSLATE_NOOP("FieldValidator", "The recipient name is empty. Enter the name of the person who will receive the USB key."),
    QT_TRANSLATE_NOOP("FieldValidator", "The recipient name has %1 characters, but at most %2 are allowed. Enter only the person's name."),
    QT_TRANSLATE_NOOP("FieldValidator", "The recipient name contains no Chinese characters or letters. Enter the name of the person who will receive the USB key."),
    QT_TRANSLATE_NOOP("FieldValidator", "The recipient name contains a space at position %1. Remove it: only a name in Latin letters may have single spaces between its words."),
    QT_TRANSLATE_NOOP("FieldValidator", "The recipient name contains the character '%1' at position %2, which is not allowed. Remove it: only Chinese characters, letters, the middle dot (·) and parentheses may be used."),
    QT_TRANSLATE_NOOP("FieldValidator", "The recipient name contains an invisible character (%1) at position %2. Remove it, for example by typing the name again instead of pasting it."),
};

const TextMessages &textMessages(Field field)
{
    switch (field) {
    case Field::UnitName: return kUnitName;
    case Field::Address: return kAddress;
    case Field::MailingAddress: return kMailingAddress;
    case Field::BankName: return kBankName;
    case Field::Recipient: return kRecipient;
    default: return kTitle;
    }
}

bool isMiddleDotVariant(char32_t c)
{
    return c == 0x30FB || c == 0x2022 || c == 0xFF65 || c == 0x2027 || c == 0x2219;
}

bool isLatinLetter(char32_t c)
{
    return (c >= U'A' && c <= U'Z') || (c >= U'a' && c <= U'z');
}

FieldResult validateText(Field field, const QString &value)
{
    const TextMessages &m = textMessages(field);
    QList<char32_t> cps = codePoints(value.trimmed());
    // The trimmed value, middle dot look-alikes unified.
    for (char32_t &c : cps)
        if (isMiddleDotVariant(c))
            c = 0x00B7;
    const QString text = QString::fromUcs4(cps.constData(), cps.size());
    if (cps.isEmpty())
        return invalid(text, QCoreApplication::translate("FieldValidator", m.empty));
    const int maxLen = FieldValidator::maxLength(field);
    if (cps.size() > maxLen)
        return invalid(text, QCoreApplication::translate("FieldValidator", m.tooLong).arg(cps.size()).arg(maxLen));

    bool anyLetter = false;
    for (int i = 0; i < cps.size(); ++i) {
        const char32_t c = cps.at(i);
        const int position = i + 1;
        if (QChar::isLetter(c)) {
            anyLetter = true;
            continue;
        }
        if (QChar::category(c) == QChar::Number_DecimalDigit && field != Field::Recipient)
            continue;
        if (c == 0x3007)
            continue;
        if (c == U'(' || c == U')' || c == 0xFF08 || c == 0xFF09)
            continue;
        if (c == 0x00B7 && field != Field::BankName)
            continue;
        if (c == U' ' && field == Field::Recipient && i > 0 && i + 1 < cps.size()
            && isLatinLetter(cps.at(i - 1)) && isLatinLetter(cps.at(i + 1)))
            continue;
        if (QChar::isSpace(c))
            return invalid(text, QCoreApplication::translate("FieldValidator", m.space).arg(position));
        const QChar::Category cat = QChar::category(c);
        if (isZeroWidth(c) || cat == QChar::Other_Control || cat == QChar::Other_Format || cat == QChar::Other_NotAssigned
            || cat == QChar::Other_PrivateUse || cat == QChar::Other_Surrogate || cat == QChar::Mark_NonSpacing
            || cat == QChar::Mark_Enclosing || cat == QChar::Separator_Line || cat == QChar::Separator_Paragraph) {
            return invalid(text, QCoreApplication::translate("FieldValidator", m.invisible).arg(codePointName(c)).arg(position));
        }
        return invalid(text, QCoreApplication::translate("FieldValidator", m.character).arg(fromCodePoint(c)).arg(position));
    }
    if (!anyLetter)
        return invalid(text, QCoreApplication::translate("FieldValidator", m.noLetters));
    return valid(text);
}

struct FieldName {
    Field field;
    const char *name;
};

constexpr std::array<FieldName, 13> kFieldNames{{
    {Field::Uscc, "uscc"},
    {Field::TaxId, "tax-id"},
    {Field::Mobile, "mobile"},
    {Field::Landline, "landline"},
    {Field::Phone, "phone"},
    {Field::BankAccount, "bank-account"},
    {Field::Quantity, "quantity"},
    {Field::Title, "title"},
    {Field::Address, "address"},
    {Field::BankName, "bank-name"},
    {Field::Recipient, "recipient"},
    {Field::UnitName, "unit-name"},
    {Field::MailingAddress, "mailing-address"},
}};

} // namespace

FieldResult FieldValidator::validate(Field field, const QString &value)
{
    switch (field) {
    case Field::Uscc: return validateUscc(value);
    case Field::TaxId: return validateTaxId(value);
    case Field::Mobile: return mobileResult(analyseMobile(value));
    case Field::Landline: return landlineResult(analyseLandline(value));
    case Field::Phone: return validatePhone(value);
    case Field::BankAccount: return validateBankAccount(value);
    case Field::Quantity: return validateQuantity(value);
    case Field::Title:
    case Field::Address:
    case Field::BankName:
    case Field::Recipient:
    case Field::UnitName:
    case Field::MailingAddress:
        return validateText(field, value);
    }
    return FieldResult{};
}

bool FieldValidator::fieldFromName(const QString &name, Field *field)
{
    const QString n = name.trimmed().toLower().replace(QLatin1Char('_'), QLatin1Char('-'));
    for (const FieldName &f : kFieldNames) {
        if (n == QLatin1String(f.name)) {
            if (field)
                *field = f.field;
            return true;
        }
    }
    return false;
}

QString FieldValidator::fieldName(Field field)
{
    for (const FieldName &f : kFieldNames)
        if (f.field == field)
            return QLatin1String(f.name);
    return QString();
}

QList<Field> FieldValidator::allFields()
{
    QList<Field> out;
    for (const FieldName &f : kFieldNames)
        out.append(f.field);
    return out;
}

QString FieldValidator::fieldLabel(Field field)
{
    switch (field) {
    case Field::Uscc: return tr("Unified social credit code");
    case Field::TaxId: return tr("Tax ID");
    case Field::Mobile: return tr("Mobile number");
    case Field::Landline: return tr("Landline number");
    case Field::Phone: return tr("Phone number");
    case Field::BankAccount: return tr("Bank account number");
    case Field::Quantity: return tr("Quantity");
    case Field::Title: return tr("Invoice title");
    case Field::Address: return tr("Unit address");
    case Field::BankName: return tr("Bank name");
    case Field::Recipient: return tr("Recipient name");
    case Field::UnitName: return tr("Unit name");
    case Field::MailingAddress: return tr("Mailing address");
    }
    return QString();
}

QString FieldValidator::toHalfWidth(const QString &value)
{
    QString out = value;
    for (QChar &c : out) {
        const char16_t u = c.unicode();
        if (u >= 0xFF01 && u <= 0xFF5E)
            c = QChar(char16_t(u - 0xFEE0));
        else if (u == 0x3000)
            c = QLatin1Char(' ');
    }
    return out;
}

QString FieldValidator::normalizeCode(const QString &value)
{
    const QString half = toHalfWidth(value);
    QString out;
    out.reserve(half.size());
    for (char32_t c : codePoints(half)) {
        if (QChar::isSpace(c) || isDash(c) || isZeroWidth(c))
            continue;
        if (c >= U'a' && c <= U'z')
            c = c - U'a' + U'A';
        out.append(fromCodePoint(c));
    }
    return out;
}

int FieldValidator::maxLength(Field field)
{
    switch (field) {
    case Field::Title:
    case Field::UnitName:
    case Field::Address:
    case Field::MailingAddress:
        return 100;
    case Field::BankName:
        return 60;
    case Field::Recipient:
        return 30;
    default:
        return 0;
    }
}

QChar FieldValidator::usccCheckCharacter(QStringView first17)
{
    if (first17.size() != 17)
        return QChar();
    int sum = 0;
    for (int i = 0; i < 17; ++i) {
        const int v = usccValue(first17[i]);
        if (v < 0)
            return QChar();
        sum += v * kUsccWeights[size_t(i)];
    }
    return kUsccAlphabet[(31 - sum % 31) % 31];
}

bool FieldValidator::isValidUscc(QStringView code)
{
    return code.size() == 18 && analyseUscc(code.toString()).problem == UsccProblem::None;
}

bool FieldValidator::isValidResidentId(QStringView id, QDate today)
{
    if (id.size() != 18 || !allDigits(id.left(17)))
        return false;
    if (id[0] == QLatin1Char('0') || id[0] == QLatin1Char('9'))
        return false;
    const QDate birth = QDate::fromString(id.mid(6, 8).toString(), QStringLiteral("yyyyMMdd"));
    if (!birth.isValid() || birth.year() < 1900 || birth > today)
        return false;
    int sum = 0;
    for (int i = 0; i < 17; ++i)
        sum += (id[i].unicode() - '0') * kIdWeights[size_t(i)];
    return kIdCheck[sum % 11] == id[17];
}

} // namespace ca
