// Field rules of design §4: many vectors per rule, the seeds' sample values,
// message content (field named, problem named) in English and zh_CN.

#include "core/validation/FieldValidator.h"
#include "i18n/Translations.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QRandomGenerator>
#include <QTranslator>
#include <QTest>

using ca::Field;
using ca::FieldResult;
using ca::FieldValidator;

class TestFieldValidator : public QObject
{
    Q_OBJECT

private:
    static void addRow(const char *name, Field field, const QString &input, bool valid, const QString &normalized,
                       const QStringList &mustContain = {})
    {
        QTest::newRow(name) << int(field) << input << valid << normalized << mustContain;
    }
    static void columns()
    {
        QTest::addColumn<int>("field");
        QTest::addColumn<QString>("input");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("normalized");
        QTest::addColumn<QStringList>("mustContain");
    }
    static void check()
    {
        QFETCH(int, field);
        QFETCH(QString, input);
        QFETCH(bool, valid);
        QFETCH(QString, normalized);
        QFETCH(QStringList, mustContain);
        const FieldResult r = FieldValidator::validate(Field(field), input);
        QCOMPARE(r.valid, valid);
        if (!normalized.isNull())
            QCOMPARE(r.normalized, normalized);
        if (valid) {
            QVERIFY2(r.message.isEmpty(), qPrintable(r.message));
            return;
        }
        // Every failure message is a whole sentence: capital first, full stop last.
        QVERIFY2(!r.message.isEmpty(), "an invalid value needs a message");
        QVERIFY2(r.message.at(0).isUpper(), qPrintable(r.message));
        QVERIFY2(r.message.endsWith(QLatin1Char('.')), qPrintable(r.message));
        for (const QString &part : mustContain)
            QVERIFY2(r.message.contains(part), qPrintable(QStringLiteral("'%1' not in: %2").arg(part, r.message)));
    }

private Q_SLOTS:
    void checkCharacterAlgorithm();
    void uscc_data();
    void uscc() { check(); }
    void usccNeverRevealsCheckCharacter();
    void taxId_data();
    void taxId() { check(); }
    void residentId();
    void mobile_data();
    void mobile() { check(); }
    void landline_data();
    void landline() { check(); }
    void phone_data();
    void phone() { check(); }
    void bankAccount_data();
    void bankAccount() { check(); }
    void bankAccountNeverInMessage();
    void quantity_data();
    void quantity() { check(); }
    void freeText_data();
    void freeText() { check(); }
    void normalizeCode();
    void fieldNames();
    void everyFieldHasEmptyMessage();
    void randomInputKeepsInvariants();
    void catalogueEmbedded();
    void chinese(); // installs the zh_CN translator: keep last
};

void TestFieldValidator::checkCharacterAlgorithm()
{
    // Worked by hand for 91110108551385082Q (小米科技有限责任公司):
    // values 9 1 1 1 0 1 0 8 5 5 1 3 8 5 0 8 2, weights 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28
    // sum = 9+3+9+27+0+26+0+136+100+145+25+39+64+120+0+240+56 = 999; 999 mod 31 = 7; 31-7 = 24 -> 'Q'.
    QCOMPARE(FieldValidator::usccCheckCharacter(u"91110108551385082"), QLatin1Char('Q'));
    QCOMPARE(FieldValidator::usccCheckCharacter(u"91330100799655058"), QLatin1Char('B'));
    QCOMPARE(FieldValidator::usccCheckCharacter(u"91440300192203821"), QLatin1Char('6'));
    QCOMPARE(FieldValidator::usccCheckCharacter(u"12100000400007180"), QLatin1Char('D'));
    // sum mod 31 == 0 gives '0', not the 32nd character.
    QCOMPARE(FieldValidator::usccCheckCharacter(u"00000000000000000"), QLatin1Char('0'));
    QVERIFY(FieldValidator::usccCheckCharacter(u"9111010855138508O").isNull()); // O is not in the alphabet
    QVERIFY(FieldValidator::usccCheckCharacter(u"9111010855").isNull());
    QVERIFY(FieldValidator::isValidUscc(u"914403001922038216"));
    QVERIFY(!FieldValidator::isValidUscc(u"914403001922038217"));
}

void TestFieldValidator::uscc_data()
{
    columns();
    const Field f = Field::Uscc;
    // Real codes of well-known companies (public registration data) and
    // synthetic ones computed with both check digits.
    addRow("huawei", f, QStringLiteral("914403001922038216"), true, QStringLiteral("914403001922038216"));
    addRow("alibaba", f, QStringLiteral("91330100799655058B"), true, QStringLiteral("91330100799655058B"));
    addRow("tencent X org check", f, QStringLiteral("9144030071526726XG"), true, QStringLiteral("9144030071526726XG"));
    addRow("xiaomi", f, QStringLiteral("91110108551385082Q"), true, QStringLiteral("91110108551385082Q"));
    addRow("baidu", f, QStringLiteral("91110000802100433B"), true, QStringLiteral("91110000802100433B"));
    addRow("individual business MA", f, QStringLiteral("92370102MA3C5K7P44"), true, QStringLiteral("92370102MA3C5K7P44"));
    addRow("social organisation", f, QStringLiteral("51370000MJD12345XA"), true, QStringLiteral("51370000MJD12345XA"));
    addRow("public institution", f, QStringLiteral("12100000400007180D"), true, QStringLiteral("12100000400007180D"));
    addRow("cooperative", f, QStringLiteral("93370181MA94X1R28K"), true, QStringLiteral("93370181MA94X1R28K"));
    addRow("other authority Y", f, QStringLiteral("Y1370100MB1A2B3CXF"), true, QStringLiteral("Y1370100MB1A2B3CXF"));
    addRow("lower case", f, QStringLiteral("91330100799655058b"), true, QStringLiteral("91330100799655058B"));
    addRow("spaces", f, QStringLiteral(" 9133 0100 7996 5505 8B "), true, QStringLiteral("91330100799655058B"));
    addRow("dashes", f, QStringLiteral("91330100-79965505-8B"), true, QStringLiteral("91330100799655058B"));
    addRow("full width", f, QStringLiteral("９１３３０１００７９９６５５０５８Ｂ"), true, QStringLiteral("91330100799655058B"));
    addRow("full width lower + ideographic space", f, QStringLiteral("９１３３０１００　７９９６５５０５８ｂ"), true,
           QStringLiteral("91330100799655058B"));
    addRow("zero width space", f, QStringLiteral("91330100\u200B799655058B"), true, QStringLiteral("91330100799655058B"));

    addRow("empty", f, QString(), false, QString(), {"unified social credit code", "empty"});
    addRow("blank", f, QStringLiteral("   "), false, QString(), {"unified social credit code", "empty"});
    addRow("17 chars", f, QStringLiteral("91330100799655058"), false, {}, {"unified social credit code", "exactly 18", "has 17"});
    addRow("19 chars", f, QStringLiteral("91330100799655058B1"), false, {}, {"exactly 18", "has 19"});
    addRow("letter O", f, QStringLiteral("91330100799655O58B"), false, {},
           {"unified social credit code", "letter 'O' at position 15", "digit 0", "I, O, S, V and Z"});
    addRow("letter I", f, QStringLiteral("9I330100799655058B"), false, {}, {"letter 'I' at position 2", "digit 1"});
    addRow("letter S", f, QStringLiteral("91330100799655058S"), false, {}, {"letter 'S' at position 18", "digit 5"});
    addRow("letter Z", f, QStringLiteral("91330100Z99655058B"), false, {}, {"letter 'Z' at position 9", "digit 2"});
    addRow("letter V", f, QStringLiteral("91330100799V55058B"), false, {}, {"letter 'V' at position 12", "I, O, S, V and Z"});
    addRow("lower-case o", f, QStringLiteral("91330100799655o58b"), false, QStringLiteral("91330100799655O58B"),
           {"letter 'O' at position 15"});
    addRow("letter in division code", f, QStringLiteral("9133A100799655058B"), false, {},
           {"letter 'A' at position 5", "positions 3 to 8", "administrative division code", "digits"});
    addRow("wrong check character", f, QStringLiteral("91330100799655058C"), false, {},
           {"unified social credit code", "check character", "does not match", "business licence"});
    addRow("transposed digits", f, QStringLiteral("91330100796955058B"), false, {}, {"check character"});
    addRow("punctuation", f, QStringLiteral("913301007996/5058B"), false, {}, {"character '/' at position 13"});
    addRow("chinese character", f, QStringLiteral("代码91330100799655058B"), false, {}, {"character '代' at position 1"});
    // Seed 000, 订单信息: 统一社会信用代码 123456789012345678. Its check character
    // happens to fit, but its organization-code part fails its own check digit.
    addRow("seed 123456789012345678", f, QStringLiteral("123456789012345678"), false, {},
           {"unified social credit code", "organization code", "check digit"});
    // Seed 000, 延期续费: 123456788887654321 fails the check character.
    addRow("seed 123456788887654321", f, QStringLiteral("123456788887654321"), false, {},
           {"unified social credit code", "check character", "does not match"});
    addRow("example placeholder", f, QStringLiteral("91370100MA3C5XXXXX"), false, {}, {"check character"});
}

void TestFieldValidator::usccNeverRevealsCheckCharacter()
{
    // The right check character of 91110108551385082? is Q; a message must
    // not give it away.
    for (const char *code : {"91110108551385082R", "91110108551385082A", "911101085513850820"}) {
        const FieldResult r = FieldValidator::validate(Field::Uscc, QLatin1String(code));
        QVERIFY(!r.valid);
        QVERIFY2(!r.message.contains(QLatin1Char('Q')), qPrintable(r.message));
        const FieldResult t = FieldValidator::validate(Field::TaxId, QLatin1String(code));
        QVERIFY(!t.valid);
        QVERIFY2(!t.message.contains(QLatin1Char('Q')), qPrintable(t.message));
    }
}

void TestFieldValidator::taxId_data()
{
    columns();
    const Field f = Field::TaxId;
    addRow("uscc", f, QStringLiteral("91330100799655058B"), true, QStringLiteral("91330100799655058B"));
    addRow("uscc lower + spaces", f, QStringLiteral("9133 0100 7996 5505 8b"), true, QStringLiteral("91330100799655058B"));
    addRow("uscc full width", f, QStringLiteral("９１１１０１０８５５１３８５０８２ｑ"), true, QStringLiteral("91110108551385082Q"));
    addRow("15 digits (old registration)", f, QStringLiteral("370102163022345"), true, QStringLiteral("370102163022345"));
    addRow("15 with letters", f, QStringLiteral("37010216302234X"), true, QStringLiteral("37010216302234X"));
    addRow("17 chars", f, QStringLiteral("3701021630223450A"), true, QStringLiteral("3701021630223450A"));
    addRow("20 chars", f, QStringLiteral("37010519800101123401"), true, QStringLiteral("37010519800101123401"));
    addRow("resident ID (GB 11643 example)", f, QStringLiteral("11010519491231002X"), true, QStringLiteral("11010519491231002X"));
    addRow("resident ID lower x", f, QStringLiteral("11010519491231002x"), true, QStringLiteral("11010519491231002X"));
    addRow("dashes removed", f, QStringLiteral("91330100-79965505-8B"), true, QStringLiteral("91330100799655058B"));
    // Seed 000, 开票信息: 税号 913700007535433330 is sample data on the page, but
    // it passes both the GB 32100 check character and the GB 11714
    // organization-code check digit: nothing in the code is wrong.
    addRow("seed 913700007535433330 is well-formed", f, QStringLiteral("913700007535433330"), true,
           QStringLiteral("913700007535433330"));

    addRow("empty", f, QString(), false, QString(), {"tax ID", "empty"});
    addRow("16 chars", f, QStringLiteral("9133010079965505"), false, {}, {"tax ID", "has 16 characters", "15, 17, 18 or 20"});
    addRow("21 chars", f, QStringLiteral("913301007996550581234"), false, {}, {"has 21 characters"});
    addRow("special character", f, QStringLiteral("91330100*99655058B"), false, {}, {"tax ID", "character '*' at position 9"});
    addRow("chinese", f, QStringLiteral("税号91330100799655058B"), false, {}, {"character '税' at position 1"});
    addRow("18 with O", f, QStringLiteral("91330100799655O58B"), false, {},
           {"tax ID", "unified social credit code", "letter 'O' at position 15"});
    addRow("18 with letter in division", f, QStringLiteral("9133A100799655058B"), false, {},
           {"tax ID", "letter 'A' at position 5", "administrative division code"});
    addRow("18 wrong check", f, QStringLiteral("91330100799655058C"), false, {},
           {"tax ID", "check character", "does not match"});
    addRow("seed 123456789012345678", f, QStringLiteral("123456789012345678"), false, {},
           {"tax ID", "organization code"});
    addRow("seed 123456788887654321", f, QStringLiteral("123456788887654321"), false, {}, {"tax ID", "check character"});
    addRow("resident ID wrong check", f, QStringLiteral("110105194912310021"), false, {},
           {"tax ID", "resident ID number", "check digit"});
}

void TestFieldValidator::residentId()
{
    const QDate today(2026, 11, 21);
    QVERIFY(FieldValidator::isValidResidentId(u"11010519491231002X", today));
    QVERIFY(!FieldValidator::isValidResidentId(u"110105194912310021", today)); // check digit
    // A check-consistent number with an impossible birth date (1949-13-31).
    QVERIFY(!FieldValidator::isValidResidentId(u"110105194913310021", today));
    // Born in the future relative to `today`.
    QVERIFY(!FieldValidator::isValidResidentId(u"110105202712310014", today));
    QVERIFY(!FieldValidator::isValidResidentId(u"11010519491231002", today));
}

void TestFieldValidator::mobile_data()
{
    columns();
    const Field f = Field::Mobile;
    addRow("plain", f, QStringLiteral("13812345678"), true, QStringLiteral("13812345678"));
    addRow("19x", f, QStringLiteral("19912345678"), true, QStringLiteral("19912345678"));
    // Seed 000, 开票信息 手机号码 18769628833: a well-formed mainland number.
    addRow("seed 18769628833", f, QStringLiteral("18769628833"), true, QStringLiteral("18769628833"));
    addRow("+86 and spaces", f, QStringLiteral("+86 138 1234 5678"), true, QStringLiteral("13812345678"));
    addRow("86 prefix", f, QStringLiteral("8613812345678"), true, QStringLiteral("13812345678"));
    addRow("0086 prefix", f, QStringLiteral("0086-138-1234-5678"), true, QStringLiteral("13812345678"));
    addRow("(+86)", f, QStringLiteral("(+86)13812345678"), true, QStringLiteral("13812345678"));
    addRow("full width", f, QStringLiteral("１３８１２３４５６７８"), true, QStringLiteral("13812345678"));
    addRow("full width plus", f, QStringLiteral("＋８６　１３８１２３４５６７８"), true, QStringLiteral("13812345678"));
    addRow("dashes", f, QStringLiteral("138-1234-5678"), true, QStringLiteral("13812345678"));

    addRow("empty", f, QString(), false, QString(), {"mobile number", "empty", "11-digit"});
    addRow("10 digits", f, QStringLiteral("1381234567"), false, {}, {"mobile number", "has 10 digits", "11"});
    addRow("12 digits", f, QStringLiteral("138123456789"), false, {}, {"has 12 digits"});
    addRow("starts 12", f, QStringLiteral("12812345678"), false, {}, {"mobile number", "starts with 12", "13 to 19"});
    addRow("starts 2", f, QStringLiteral("23812345678"), false, {}, {"starts with 23"});
    addRow("landline", f, QStringLiteral("0531-67880028"), false, {}, {"mobile number", "landline"});
    addRow("letter", f, QStringLiteral("1381234567a"), false, {}, {"mobile number", "character 'a'", "only digits"});
    addRow("letter o for zero", f, QStringLiteral("138o2345678"), false, {}, {"character 'o'"});
    addRow("chinese", f, QStringLiteral("手机13812345678"), false, {}, {"character '手'"});
    addRow("86 + 10 digits", f, QStringLiteral("+861381234567"), false, {}, {"has 10 digits"});
}

void TestFieldValidator::landline_data()
{
    columns();
    const Field f = Field::Landline;
    addRow("jinan dash", f, QStringLiteral("0531-67880028"), true, QStringLiteral("053167880028"));
    // The seeds' service numbers.
    addRow("seed 0531-86196993", f, QStringLiteral("0531-86196993"), true, QStringLiteral("053186196993"));
    addRow("seed 0512-58188000", f, QStringLiteral("0512-58188000"), true, QStringLiteral("051258188000"));
    addRow("seed 400-0531-556", f, QStringLiteral("400-0531-556"), true, QStringLiteral("4000531556"));
    addRow("800", f, QStringLiteral("800-820-8820"), true, QStringLiteral("8008208820"));
    addRow("beijing", f, QStringLiteral("010-12345678"), true, QStringLiteral("01012345678"));
    addRow("shanghai 021", f, QStringLiteral("021 6123 4567"), true, QStringLiteral("02161234567"));
    addRow("7-digit local", f, QStringLiteral("0635-8123456"), true, QStringLiteral("06358123456"));
    addRow("parentheses", f, QStringLiteral("(0531)67880028"), true, QStringLiteral("053167880028"));
    addRow("full-width parentheses", f, QStringLiteral("（０５３１）６７８８００２８"), true, QStringLiteral("053167880028"));
    addRow("grouped local", f, QStringLiteral("0531-6788-0028"), true, QStringLiteral("053167880028"));
    addRow("extension dash", f, QStringLiteral("0531-67880028-801"), true, QStringLiteral("053167880028转801"));
    addRow("extension 转", f, QStringLiteral("0531-67880028转801"), true, QStringLiteral("053167880028转801"));
    addRow("extension ext.", f, QStringLiteral("0531-67880028 ext. 801"), true, QStringLiteral("053167880028转801"));
    addRow("extension x", f, QStringLiteral("053167880028x8"), true, QStringLiteral("053167880028转8"));
    addRow("+86 area without 0", f, QStringLiteral("+86 531 67880028"), true, QStringLiteral("053167880028"));

    addRow("empty", f, QString(), false, QString(), {"landline number", "empty", "area code"});
    addRow("no area code", f, QStringLiteral("67880028"), false, {}, {"landline number", "no area code", "0531"});
    addRow("local too short", f, QStringLiteral("0531-678800"), false, {},
           {"landline number", "6 digits after the area code 0531", "7 or 8"});
    addRow("local too long", f, QStringLiteral("0531-678800281"), false, {}, {"9 digits after the area code 0531"});
    addRow("beijing too long", f, QStringLiteral("010-123456789"), false, {}, {"9 digits after the area code 010"});
    addRow("400 too short", f, QStringLiteral("400-0531-55"), false, {}, {"starts with 400", "has 9 digits", "10"});
    addRow("mobile", f, QStringLiteral("13812345678"), false, {}, {"landline number", "mobile number"});
    addRow("empty extension", f, QStringLiteral("0531-67880028转"), false, {}, {"extension", "1 to 6 digits"});
    addRow("long extension", f, QStringLiteral("0531-67880028转1234567"), false, {}, {"extension"});
    addRow("letter", f, QStringLiteral("0531-6788A028"), false, {}, {"landline number", "character 'A'"});
    addRow("00 prefix", f, QStringLiteral("0012345678"), false, {}, {"area code"});
}

void TestFieldValidator::phone_data()
{
    columns();
    const Field f = Field::Phone;
    addRow("mobile", f, QStringLiteral("+86 187 6962 8833"), true, QStringLiteral("18769628833"));
    addRow("landline", f, QStringLiteral("0531-67880028"), true, QStringLiteral("053167880028"));
    addRow("400", f, QStringLiteral("400-0531-556"), true, QStringLiteral("4000531556"));
    addRow("landline ext", f, QStringLiteral("0531-67880028转801"), true, QStringLiteral("053167880028转801"));
    addRow("full width mobile", f, QStringLiteral("１８７６９６２８８３３"), true, QStringLiteral("18769628833"));

    addRow("empty", f, QString(), false, QString(), {"phone number", "empty", "mobile number", "landline number"});
    addRow("short mobile", f, QStringLiteral("1876962883"), false, {}, {"phone number", "like a mobile number", "10 digits"});
    addRow("no area code", f, QStringLiteral("67880028"), false, {},
           {"phone number", "neither a mobile number", "landline number", "area code"});
    addRow("starts 12", f, QStringLiteral("12812345678"), false, {}, {"phone number", "neither"});
    addRow("local too short", f, QStringLiteral("0531-678800"), false, {}, {"phone number", "after the area code 0531"});
    addRow("400 too long", f, QStringLiteral("400-0531-5567"), false, {}, {"phone number", "400", "11 digits"});
    addRow("letters", f, QStringLiteral("phone"), false, {}, {"phone number", "character 'p'"});
    addRow("bad extension", f, QStringLiteral("0531-67880028转"), false, {}, {"extension of the phone number"});
}

void TestFieldValidator::bankAccount_data()
{
    columns();
    const Field f = Field::BankAccount;
    addRow("20 digits", f, QStringLiteral("37001618801050151234"), true, QStringLiteral("37001618801050151234"));
    addRow("19 digits spaced", f, QStringLiteral("1602 0012 0920 0012 345"), true, QStringLiteral("1602001209200012345"));
    addRow("9 digits", f, QStringLiteral("691234517"), true, QStringLiteral("691234517"));
    addRow("32 digits", f, QStringLiteral("31415926535897932384626433832795"), true,
           QStringLiteral("31415926535897932384626433832795"));
    addRow("full width", f, QStringLiteral("３７００１６１８８０１０５０１５１２３４"), true, QStringLiteral("37001618801050151234"));
    addRow("dashes", f, QStringLiteral("3700-1618-8010-5015-1234"), true, QStringLiteral("37001618801050151234"));

    addRow("empty", f, QString(), false, QString(), {"bank account number", "empty"});
    // Seed 000, 开票信息: 银行账号 12345678.
    addRow("seed 12345678", f, QStringLiteral("12345678"), false, {},
           {"bank account number", "only 8 digits", "at least 9"});
    addRow("sequence", f, QStringLiteral("123456789012"), false, {}, {"bank account number", "consecutive", "sample data"});
    addRow("descending", f, QStringLiteral("9876543210"), false, {}, {"consecutive or repeated"});
    addRow("zeros", f, QStringLiteral("000000000000"), false, {}, {"consecutive or repeated"});
    addRow("33 digits", f, QStringLiteral("314159265358979323846264338327950"), false, {},
           {"bank account number", "has 33 digits", "at most 32"});
    addRow("letter", f, QStringLiteral("6222 0216 0200 123X"), false, {}, {"bank account number", "character 'X'", "only digits"});
    addRow("bank name typed", f, QStringLiteral("中国银行"), false, {}, {"character '中'"});
}

void TestFieldValidator::bankAccountNeverInMessage()
{
    for (const char *acct : {"12345678", "314159265358979323846264338327950", "123456789012", "31415926535X"}) {
        const FieldResult r = FieldValidator::validate(Field::BankAccount, QLatin1String(acct));
        QVERIFY(!r.valid);
        QVERIFY2(!r.message.contains(QLatin1String(acct).left(6)), qPrintable(r.message));
    }
}

void TestFieldValidator::quantity_data()
{
    columns();
    const Field f = Field::Quantity;
    addRow("1", f, QStringLiteral("1"), true, QStringLiteral("1"));
    addRow("99", f, QStringLiteral("99"), true, QStringLiteral("99"));
    addRow("leading zero", f, QStringLiteral("07"), true, QStringLiteral("7"));
    addRow("full width", f, QStringLiteral("１２"), true, QStringLiteral("12"));
    addRow("spaces", f, QStringLiteral(" 5 "), true, QStringLiteral("5"));

    addRow("empty", f, QString(), false, QString(), {"quantity", "empty", "1 to 99"});
    addRow("0", f, QStringLiteral("0"), false, {}, {"quantity", "at least 1"});
    addRow("00", f, QStringLiteral("00"), false, {}, {"at least 1"});
    addRow("negative", f, QStringLiteral("-1"), false, {}, {"at least 1"});
    addRow("100", f, QStringLiteral("100"), false, {}, {"quantity", "100", "more than 99"});
    addRow("huge", f, QStringLiteral("99999999999999999999"), false, {}, {"more than 99"});
    addRow("1.5", f, QStringLiteral("1.5"), false, {}, {"quantity", "1.5", "not a whole number"});
    addRow("1.0", f, QStringLiteral("1.0"), false, {}, {"not a whole number"});
    addRow("full width 1.5", f, QStringLiteral("１．５"), false, {}, {"not a whole number"});
    addRow("letters", f, QStringLiteral("abc"), false, {}, {"quantity", "character 'a'", "1 to 99"});
    addRow("chinese numeral", f, QStringLiteral("五"), false, {}, {"character '五'"});
    addRow("exponent", f, QStringLiteral("1e2"), false, {}, {"character 'e'"});
}

void TestFieldValidator::freeText_data()
{
    columns();
    addRow("title", Field::Title, QStringLiteral("济南示例科技有限公司"), true, QStringLiteral("济南示例科技有限公司"));
    addRow("title trimmed", Field::Title, QStringLiteral("  济南示例科技有限公司\u3000"), true, QStringLiteral("济南示例科技有限公司"));
    addRow("title full-width parentheses", Field::Title, QStringLiteral("中国（山东）自由贸易试验区济南片区管理委员会"), true,
           QStringLiteral("中国（山东）自由贸易试验区济南片区管理委员会"));
    addRow("title ascii parentheses", Field::Title, QStringLiteral("山东大学(威海)"), true, QStringLiteral("山东大学(威海)"));
    addRow("title latin", Field::Title, QStringLiteral("Acme(China)Ltd"), true, QStringLiteral("Acme(China)Ltd"));
    addRow("title seed 张六", Field::Title, QStringLiteral("张六"), true, QStringLiteral("张六"));
    addRow("title rare CJK outside BMP", Field::Title, QStringLiteral("𠮷野家（中国）"), true, QStringLiteral("𠮷野家（中国）"));
    addRow("title digits inside", Field::Title, QStringLiteral("济南第2建筑有限公司"), true, QStringLiteral("济南第2建筑有限公司"));
    addRow("title 100 chars", Field::Title, QString(100, QChar(0x6D4E)), true, QString(100, QChar(0x6D4E)));

    addRow("title empty", Field::Title, QString(), false, QString(), {"invoice title", "empty"});
    addRow("title blank", Field::Title, QStringLiteral(" \u3000 "), false, QString(), {"invoice title", "empty"});
    addRow("title 101 chars", Field::Title, QString(101, QChar(0x6D4E)), false, {},
           {"invoice title", "has 101 characters", "at most 100"});
    addRow("title digits only", Field::Title, QStringLiteral("321321"), false, {},
           {"invoice title", "no Chinese characters or letters"});
    addRow("title space", Field::Title, QStringLiteral("济南 示例"), false, {}, {"invoice title", "space at position 3"});
    addRow("title dash", Field::Title, QStringLiteral("济南-示例"), false, {},
           {"invoice title", "character '-' at position 3", "Remove it"});
    addRow("title comma", Field::Title, QStringLiteral("济南，示例"), false, {}, {"character '，' at position 3"});
    addRow("title zero width", Field::Title, QStringLiteral("济南\u200B示例"), false, {},
           {"invoice title", "invisible character (U+200B) at position 3"});
    addRow("title tab", Field::Title, QStringLiteral("济南\t示例"), false, {}, {"space at position 3"});
    addRow("title only parentheses", Field::Title, QStringLiteral("（）"), false, {}, {"no Chinese characters or letters"});
    addRow("title position counts characters", Field::Title, QStringLiteral("𠮷野家-"), false, {}, {"'-' at position 4"});

    // Seed 000, 订单信息: 单位名称 321321.
    addRow("unit name seed 321321", Field::UnitName, QStringLiteral("321321"), false, {},
           {"unit name", "no Chinese characters or letters", "business licence"});
    addRow("unit name", Field::UnitName, QStringLiteral("济南示例科技有限公司"), true, QStringLiteral("济南示例科技有限公司"));
    addRow("unit name slash", Field::UnitName, QStringLiteral("济南示例/科技"), false, {}, {"unit name", "'/' at position 5"});

    // Seed 000, 开票信息: 单位地址 济南市汉峪金谷.
    addRow("address seed", Field::Address, QStringLiteral("济南市汉峪金谷"), true, QStringLiteral("济南市汉峪金谷"));
    addRow("address full", Field::Address, QStringLiteral("济南市高新区舜华路2000号舜泰广场8号楼"), true,
           QStringLiteral("济南市高新区舜华路2000号舜泰广场8号楼"));
    addRow("address full-width digits kept", Field::Address, QStringLiteral("济南市经十路１２３号"), true,
           QStringLiteral("济南市经十路１２３号"));
    addRow("address dash", Field::Address, QStringLiteral("汉峪金谷A5-3"), false, {},
           {"unit address", "'-' at position 7", "3号楼"});
    addRow("address hash", Field::Address, QStringLiteral("3#楼"), false, {}, {"unit address", "'#' at position 2"});
    addRow("address enumeration comma", Field::Address, QStringLiteral("济南市、历下区"), false, {}, {"'、' at position 4"});
    addRow("address 101", Field::Address, QString(101, QChar(0x8DEF)), false, {}, {"unit address", "at most 100"});
    addRow("mailing address", Field::MailingAddress, QStringLiteral("山东省济南市历城区唐冶街道1号"), true,
           QStringLiteral("山东省济南市历城区唐冶街道1号"));
    addRow("mailing address empty", Field::MailingAddress, QString(), false, QString(), {"mailing address", "empty"});
    addRow("mailing address space", Field::MailingAddress, QStringLiteral("济南市 历下区"), false, {},
           {"mailing address", "space at position 4"});

    // Seed 000, 开票信息: 开户银行 12345678.
    addRow("bank name seed 12345678", Field::BankName, QStringLiteral("12345678"), false, {},
           {"bank name", "no Chinese characters or letters", "not the account number"});
    addRow("bank name", Field::BankName, QStringLiteral("中国工商银行股份有限公司济南高新支行"), true,
           QStringLiteral("中国工商银行股份有限公司济南高新支行"));
    addRow("bank name 61", Field::BankName, QString(61, QChar(0x884C)), false, {}, {"bank name", "has 61 characters", "at most 60"});
    addRow("bank name middle dot", Field::BankName, QStringLiteral("银行·支行"), false, {}, {"bank name", "'·' at position 3"});

    addRow("recipient", Field::Recipient, QStringLiteral("张三"), true, QStringLiteral("张三"));
    addRow("recipient latin", Field::Recipient, QStringLiteral("John Smith"), true, QStringLiteral("John Smith"));
    addRow("recipient middle dot", Field::Recipient, QStringLiteral("买买提·艾力"), true, QStringLiteral("买买提·艾力"));
    addRow("recipient katakana dot unified", Field::Recipient, QStringLiteral("买买提・艾力"), true, QStringLiteral("买买提·艾力"));
    addRow("recipient empty", Field::Recipient, QString(), false, QString(), {"recipient name", "empty"});
    addRow("recipient cjk space", Field::Recipient, QStringLiteral("张 三"), false, {}, {"recipient name", "space at position 2"});
    addRow("recipient double space", Field::Recipient, QStringLiteral("John  Smith"), false, {}, {"space at position 5"});
    addRow("recipient digit", Field::Recipient, QStringLiteral("张三2"), false, {}, {"recipient name", "'2' at position 3"});
    addRow("recipient 31", Field::Recipient, QString(31, QChar(0x5F20)), false, {}, {"recipient name", "at most 30"});
    addRow("recipient phone typed", Field::Recipient, QStringLiteral("18769628833"), false, {},
           {"recipient name", "'1' at position 1"});
}

void TestFieldValidator::normalizeCode()
{
    QCOMPARE(FieldValidator::normalizeCode(QStringLiteral("ａｂ－１２　３")), QStringLiteral("AB123"));
    QCOMPARE(FieldValidator::normalizeCode(QStringLiteral(" 9133\t0100–7996—5505\u200B8b ")), QStringLiteral("91330100799655058B"));
    QCOMPARE(FieldValidator::normalizeCode(QStringLiteral("（0531）")), QStringLiteral("(0531)"));
    QCOMPARE(FieldValidator::toHalfWidth(QStringLiteral("！～　Ａ")), QStringLiteral("!~ A"));
    QCOMPARE(FieldValidator::toHalfWidth(QStringLiteral("中文（）")), QStringLiteral("中文()"));
}

void TestFieldValidator::fieldNames()
{
    const QList<Field> all = FieldValidator::allFields();
    QCOMPARE(all.size(), 13);
    for (Field f : all) {
        Field back = Field::Quantity;
        QVERIFY(FieldValidator::fieldFromName(FieldValidator::fieldName(f), &back));
        QCOMPARE(int(back), int(f));
        QVERIFY(!FieldValidator::fieldLabel(f).isEmpty());
    }
    for (const char *name : {"uscc", "tax-id", "mobile", "landline", "phone", "bank-account", "quantity", "title",
                             "address", "bank-name", "recipient", "unit-name", "mailing-address", "TAX_ID"})
        QVERIFY2(FieldValidator::fieldFromName(QLatin1String(name), nullptr), name);
    QVERIFY(!FieldValidator::fieldFromName(QStringLiteral("bogus"), nullptr));
    QVERIFY(!FieldValidator::fieldFromName(QString(), nullptr));
    QCOMPARE(FieldValidator::fieldLabel(Field::Uscc), QStringLiteral("Unified social credit code"));
}

void TestFieldValidator::everyFieldHasEmptyMessage()
{
    for (Field f : FieldValidator::allFields()) {
        const FieldResult r = FieldValidator::validate(f, QString());
        QVERIFY(!r.valid);
        QVERIFY2(r.message.contains(QLatin1String("empty")), qPrintable(r.message));
    }
}

void TestFieldValidator::catalogueEmbedded()
{
    // ca::i18n::install() loads ":/i18n/ca-client_zh_CN.qm"; the build must put it there.
    QVERIFY2(ca::i18n::catalogueAvailable(), "the compiled zh_CN catalogue is not at :/i18n/ca-client_zh_CN.qm");
}

void TestFieldValidator::randomInputKeepsInvariants()
{
    // Deterministic random strings over the characters the rules care about
    // (including a lone surrogate): no crash, a message exactly when invalid,
    // and a valid value's normalised form is valid and normalises to itself.
    const QList<QString> pool{
        QStringLiteral("0"), QStringLiteral("1"), QStringLiteral("3"), QStringLiteral("5"), QStringLiteral("8"),
        QStringLiteral("9"), QStringLiteral("A"), QStringLiteral("x"), QStringLiteral("O"), QStringLiteral("-"),
        QStringLiteral(" "), QStringLiteral("+"), QStringLiteral("."), QStringLiteral("#"), QStringLiteral("("),
        QStringLiteral("）"), QStringLiteral("（"), QStringLiteral("转"), QStringLiteral("济"), QStringLiteral("·"),
        QStringLiteral("１"), QStringLiteral("Ａ"), QStringLiteral("　"), QStringLiteral("\u200B"), QStringLiteral("𠮷"),
        QString(QChar(0xD800)), QStringLiteral("86"), QStringLiteral("0531"), QStringLiteral("ext"), QStringLiteral("\n")};
    QRandomGenerator rng(20261121);
    for (int round = 0; round < 20000; ++round) {
        QString input;
        const int n = int(rng.bounded(24));
        for (int i = 0; i < n; ++i)
            input += pool.at(int(rng.bounded(pool.size())));
        for (Field f : FieldValidator::allFields()) {
            const FieldResult r = FieldValidator::validate(f, input);
            QVERIFY2(r.valid == r.message.isEmpty(), qPrintable(FieldValidator::fieldName(f) + QLatin1String(": ") + input));
            if (!r.valid)
                continue;
            const FieldResult again = FieldValidator::validate(f, r.normalized);
            QVERIFY2(again.valid, qPrintable(FieldValidator::fieldName(f) + QLatin1String(": ") + input + QLatin1String(" -> ")
                                             + r.normalized + QLatin1String(": ") + again.message));
            QCOMPARE(again.normalized, r.normalized);
        }
    }
}

void TestFieldValidator::chinese()
{
    if (ca::i18n::catalogueAvailable()) {
        QCOMPARE(ca::i18n::install(*QCoreApplication::instance(), QStringLiteral("zh_CN")), QStringLiteral("zh_CN"));
    } else {
        // catalogueEmbedded() reports the missing resource; still check the
        // translations themselves with the .qm that lrelease built from
        // translations/ca-client_zh_CN.ts.
        QDirIterator it(QStringLiteral(CA_BINARY_DIR "/i18n"), {QStringLiteral("ca-client_zh_CN.qm")}, QDir::Files,
                        QDirIterator::Subdirectories);
        QVERIFY2(it.hasNext(), "no ca-client_zh_CN.qm in the build tree");
        auto *translator = new QTranslator(QCoreApplication::instance());
        QVERIFY(translator->load(it.next()));
        QCoreApplication::installTranslator(translator);
    }

    const FieldResult seedUscc = FieldValidator::validate(Field::Uscc, QStringLiteral("123456788887654321"));
    QVERIFY(seedUscc.message.contains(QStringLiteral("统一社会信用代码")));
    QVERIFY2(seedUscc.message.contains(QStringLiteral("校验码")), qPrintable(seedUscc.message));
    QVERIFY(!seedUscc.message.contains(QLatin1String("check")));

    const FieldResult empty = FieldValidator::validate(Field::TaxId, QString());
    QVERIFY2(empty.message.contains(QStringLiteral("税号")), qPrintable(empty.message));

    const FieldResult bank = FieldValidator::validate(Field::BankName, QStringLiteral("12345678"));
    QVERIFY2(bank.message.contains(QStringLiteral("开户银行")), qPrintable(bank.message));

    const FieldResult account = FieldValidator::validate(Field::BankAccount, QStringLiteral("12345678"));
    QVERIFY2(account.message.contains(QStringLiteral("银行账号")) && account.message.contains(QLatin1String("8"))
                 && account.message.contains(QLatin1String("9")),
             qPrintable(account.message));

    const FieldResult dash = FieldValidator::validate(Field::Title, QStringLiteral("济南-示例"));
    QVERIFY2(dash.message.contains(QStringLiteral("开票单位名称")) && dash.message.contains(QStringLiteral("第3个字符")),
             qPrintable(dash.message));

    const FieldResult phone = FieldValidator::validate(Field::Phone, QStringLiteral("67880028"));
    QVERIFY2(phone.message.contains(QStringLiteral("区号")), qPrintable(phone.message));

    QCOMPARE(FieldValidator::fieldLabel(Field::Uscc), QStringLiteral("统一社会信用代码"));
    QCOMPARE(FieldValidator::fieldLabel(Field::Recipient), QStringLiteral("收件人姓名"));
}

QTEST_GUILESS_MAIN(TestFieldValidator)
#include "tst_fieldvalidator.moc"
