// `ca-tool validate` as a user runs it: the built binary through QProcess,
// exit codes 0/1/2, stdout/stderr, --json, --lang, options before and after
// the arguments, and whole application files.

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

namespace {

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

Run runTool(const QStringList &args, const QByteArray &input = QByteArray())
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    // English unless --lang says otherwise, whatever the machine's locale.
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    env.remove(QStringLiteral("LANGUAGE"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(CA_TOOL_BIN), QStringList{QStringLiteral("validate")} + args);
    if (!p.waitForStarted())
        return Run{};
    if (!input.isNull())
        p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(60000) || p.exitStatus() != QProcess::NormalExit)
        return Run{};
    return Run{p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
}

QJsonObject jsonOf(const Run &r)
{
    QJsonParseError e{};
    const QJsonDocument d = QJsonDocument::fromJson(r.out.toUtf8(), &e);
    if (e.error != QJsonParseError::NoError || !d.isObject())
        return QJsonObject();
    return d.object();
}

QString fixture(const char *name)
{
    return QStringLiteral(CA_SOURCE_DIR "/tests/unit/data/validate/") + QLatin1String(name);
}

} // namespace

class TestCaToolValidate : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void validFieldPrintsNormalized_data();
    void validFieldPrintsNormalized();
    void invalidFieldPrintsMessage_data();
    void invalidFieldPrintsMessage();
    void usageErrors_data();
    void usageErrors();
    void jsonOutput();
    void optionOrder_data();
    void optionOrder();
    void valueFromStandardInput();
    void valuesThatLookLikeOptions();
    void help();
    void chinese();
    void applicationFiles_data();
    void applicationFiles();
    void applicationJson();
    void applicationPurpose();
    void badFiles_data();
    void badFiles();
    void documentedExamples();
};

void TestCaToolValidate::validFieldPrintsNormalized_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("normalized");
    QTest::newRow("uscc lower + spaces") << "uscc" << " 9133 0100 7996 5505 8b" << "91330100799655058B";
    QTest::newRow("uscc full width") << "uscc" << "９１１１０１０８５５１３８５０８２Ｑ" << "91110108551385082Q";
    QTest::newRow("tax-id") << "tax-id" << "9133-0100-7996-5505-8B" << "91330100799655058B";
    QTest::newRow("mobile +86") << "mobile" << "+86 187 6962 8833" << "18769628833";
    QTest::newRow("landline ext") << "landline" << "0531-67880028-801" << "053167880028转801";
    QTest::newRow("phone 400") << "phone" << "400-0531-556" << "4000531556";
    QTest::newRow("bank-account") << "bank-account" << "3700 1618 8010 5015 1234" << "37001618801050151234";
    QTest::newRow("quantity full width") << "quantity" << "１２" << "12";
    QTest::newRow("title") << "title" << " 中国（山东）自由贸易试验区 " << "中国（山东）自由贸易试验区";
    QTest::newRow("address") << "address" << "济南市汉峪金谷" << "济南市汉峪金谷";
    QTest::newRow("bank-name") << "bank-name" << "中国工商银行济南高新支行" << "中国工商银行济南高新支行";
    QTest::newRow("recipient") << "recipient" << "买买提·艾力" << "买买提·艾力";
    QTest::newRow("field name upper case") << "USCC" << "91330100799655058B" << "91330100799655058B";
}

void TestCaToolValidate::validFieldPrintsNormalized()
{
    QFETCH(QString, field);
    QFETCH(QString, value);
    QFETCH(QString, normalized);
    const Run r = runTool({QStringLiteral("--field"), field, value});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, normalized + QLatin1Char('\n'));
    QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
}

void TestCaToolValidate::invalidFieldPrintsMessage_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QStringList>("mustContain");
    // The seeds' sample values.
    QTest::newRow("seed uscc 123456789012345678") << "uscc" << "123456789012345678"
                                                  << QStringList{"unified social credit code", "organization code"};
    QTest::newRow("seed uscc 123456788887654321") << "uscc" << "123456788887654321"
                                                  << QStringList{"unified social credit code", "check character"};
    QTest::newRow("seed bank account 12345678") << "bank-account" << "12345678"
                                                << QStringList{"bank account number", "only 8 digits"};
    QTest::newRow("seed bank name 12345678") << "bank-name" << "12345678"
                                             << QStringList{"bank name", "no Chinese characters or letters"};
    QTest::newRow("seed unit name 321321") << "unit-name" << "321321" << QStringList{"unit name", "no Chinese characters"};
    QTest::newRow("uscc letter O") << "uscc" << "91330100799655O58B" << QStringList{"letter 'O' at position 15"};
    QTest::newRow("tax-id length") << "tax-id" << "9133010079965505" << QStringList{"tax ID", "16 characters"};
    QTest::newRow("mobile short") << "mobile" << "1381234567" << QStringList{"mobile number", "10 digits"};
    QTest::newRow("landline no area") << "landline" << "67880028" << QStringList{"landline number", "area code"};
    QTest::newRow("phone neither") << "phone" << "67880028" << QStringList{"phone number", "neither"};
    QTest::newRow("quantity 1.5") << "quantity" << "1.5" << QStringList{"quantity", "not a whole number"};
    QTest::newRow("quantity 100") << "quantity" << "100" << QStringList{"more than 99"};
    QTest::newRow("quantity 0") << "quantity" << "0" << QStringList{"at least 1"};
    QTest::newRow("title dash") << "title" << "济南-示例" << QStringList{"invoice title", "'-' at position 3"};
    QTest::newRow("address space") << "address" << "济南 汉峪" << QStringList{"unit address", "space at position 3"};
    QTest::newRow("recipient digit") << "recipient" << "张三1" << QStringList{"recipient name", "'1' at position 3"};
    QTest::newRow("empty value") << "uscc" << "" << QStringList{"unified social credit code", "empty"};
}

void TestCaToolValidate::invalidFieldPrintsMessage()
{
    QFETCH(QString, field);
    QFETCH(QString, value);
    QFETCH(QStringList, mustContain);
    const Run r = runTool({QStringLiteral("--field"), field, value});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.out.endsWith(QLatin1Char('\n')));
    QCOMPARE(r.out.count(QLatin1Char('\n')), 1);
    for (const QString &part : mustContain)
        QVERIFY2(r.out.contains(part), qPrintable(QStringLiteral("'%1' not in: %2").arg(part, r.out)));
}

void TestCaToolValidate::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("mustContain");
    QTest::newRow("nothing") << QStringList{} << "Nothing to check";
    QTest::newRow("unknown field") << QStringList{"--field", "iban", "123"} << "'iban' is unknown";
    QTest::newRow("missing value") << QStringList{"--field", "uscc"} << "value to check is missing";
    QTest::newRow("missing field name") << QStringList{"--field"} << "--field needs a value";
    QTest::newRow("unknown option") << QStringList{"--field", "uscc", "X", "--verbose"} << "--verbose is unknown";
    QTest::newRow("unknown option first") << QStringList{"--frob", "--field", "uscc", "X"} << "--frob is unknown";
    QTest::newRow("two values") << QStringList{"--field", "landline", "0531", "67880028"} << "More than one value";
    QTest::newRow("purpose with field") << QStringList{"--field", "uscc", "X", "--purpose", "pay"} << "--purpose";
    QTest::newRow("unknown purpose") << QStringList{fixture("valid-new.json"), "--purpose", "later"} << "'later' is unknown";
    QTest::newRow("two files") << QStringList{fixture("valid-new.json"), fixture("valid-new.json")} << "one application";
}

void TestCaToolValidate::usageErrors()
{
    QFETCH(QStringList, args);
    QFETCH(QString, mustContain);
    const Run r = runTool(args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.out.isEmpty(), qPrintable(r.out));
    QVERIFY2(r.err.contains(mustContain), qPrintable(r.err));
    QVERIFY2(r.err.contains(QLatin1String("Usage:")), qPrintable(r.err));
}

void TestCaToolValidate::jsonOutput()
{
    const Run ok = runTool({QStringLiteral("--json"), QStringLiteral("--field"), QStringLiteral("mobile"),
                            QStringLiteral("＋８６ １８７６９６２８８３３")});
    QCOMPARE(ok.exitCode, 0);
    QCOMPARE(ok.out.count(QLatin1Char('\n')), 1); // one line
    const QJsonObject o = jsonOf(ok);
    QCOMPARE(o.value(QStringLiteral("valid")).toBool(false), true);
    QCOMPARE(o.value(QStringLiteral("normalized")).toString(), QStringLiteral("18769628833"));
    QCOMPARE(o.value(QStringLiteral("message")).toString(), QString());
    QCOMPARE(o.value(QStringLiteral("field")).toString(), QStringLiteral("mobile"));

    const Run bad = runTool({QStringLiteral("--field"), QStringLiteral("title"), QStringLiteral("济南 示例"), QStringLiteral("--json")});
    QCOMPARE(bad.exitCode, 1);
    const QJsonObject b = jsonOf(bad);
    QVERIFY2(!b.isEmpty(), qPrintable(bad.out));
    QCOMPARE(b.value(QStringLiteral("valid")).toBool(true), false);
    QCOMPARE(b.value(QStringLiteral("normalized")).toString(), QStringLiteral("济南 示例")); // UTF-8 round trip
    QVERIFY(b.value(QStringLiteral("message")).toString().contains(QLatin1String("space at position 3")));
}

void TestCaToolValidate::optionOrder_data()
{
    QTest::addColumn<QStringList>("args");
    const QString v = QStringLiteral("91330100799655058b");
    QTest::newRow("json first") << QStringList{"--json", "--field", "uscc", v};
    QTest::newRow("json last") << QStringList{"--field", "uscc", v, "--json"};
    QTest::newRow("value first") << QStringList{v, "--field", "uscc", "--json"};
    QTest::newRow("field=") << QStringList{"--json", "--field=uscc", v};
    QTest::newRow("lang in between") << QStringList{"--field", "uscc", "--lang", "en", v, "--json"};
    QTest::newRow("lang=") << QStringList{"--lang=en", "--json", "--field", "uscc", v};
}

void TestCaToolValidate::optionOrder()
{
    QFETCH(QStringList, args);
    const Run r = runTool(args);
    QCOMPARE(r.exitCode, 0);
    const QJsonObject o = jsonOf(r);
    QCOMPARE(o.value(QStringLiteral("valid")).toBool(false), true);
    QCOMPARE(o.value(QStringLiteral("normalized")).toString(), QStringLiteral("91330100799655058B"));
}

void TestCaToolValidate::valueFromStandardInput()
{
    // A bank account number need not appear in the process list.
    const Run r = runTool({QStringLiteral("--field"), QStringLiteral("bank-account"), QStringLiteral("-")},
                          QByteArrayLiteral("3700 1618 8010 5015 1234\n"));
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, QStringLiteral("37001618801050151234\n"));
    const Run bad = runTool({QStringLiteral("--field"), QStringLiteral("bank-account"), QStringLiteral("-")},
                            QByteArrayLiteral("12345678\n"));
    QCOMPARE(bad.exitCode, 1);
    QVERIFY(bad.out.contains(QLatin1String("only 8 digits")));
}

void TestCaToolValidate::valuesThatLookLikeOptions()
{
    // "-1" is a value, not an option.
    const Run neg = runTool({QStringLiteral("--field"), QStringLiteral("quantity"), QStringLiteral("-1")});
    QCOMPARE(neg.exitCode, 1);
    QVERIFY2(neg.out.contains(QLatin1String("at least 1")), qPrintable(neg.out));
    // After "--" everything is a value.
    const Run dashes = runTool({QStringLiteral("--field"), QStringLiteral("title"), QStringLiteral("--"), QStringLiteral("--json")});
    QCOMPARE(dashes.exitCode, 1);
    QVERIFY2(dashes.out.contains(QLatin1String("'-' at position 1")), qPrintable(dashes.out));
}

void TestCaToolValidate::help()
{
    const Run r = runTool({QStringLiteral("--help")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains(QLatin1String("ca-tool validate --field FIELD VALUE")));
    QVERIFY(r.out.contains(QLatin1String("bank-account")));
}

void TestCaToolValidate::chinese()
{
    const Run r = runTool({QStringLiteral("--field"), QStringLiteral("uscc"), QStringLiteral("123456788887654321"),
                           QStringLiteral("--lang"), QStringLiteral("zh_CN")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.out.contains(QStringLiteral("统一社会信用代码")) && r.out.contains(QStringLiteral("校验码")), qPrintable(r.out));

    const Run j = runTool({QStringLiteral("--lang"), QStringLiteral("zh_CN"), QStringLiteral("--json"), QStringLiteral("--field"),
                           QStringLiteral("bank-name"), QStringLiteral("12345678")});
    QCOMPARE(j.exitCode, 1);
    QVERIFY2(jsonOf(j).value(QStringLiteral("message")).toString().contains(QStringLiteral("开户银行")), qPrintable(j.out));

    const Run file = runTool({fixture("seed-000-sample.json"), QStringLiteral("--lang"), QStringLiteral("zh_CN")});
    QCOMPARE(file.exitCode, 1);
    QVERIFY2(file.out.contains(QStringLiteral("organization.uscc: 统一社会信用代码")), qPrintable(file.out));

    const Run usage = runTool({QStringLiteral("--lang"), QStringLiteral("zh_CN"), QStringLiteral("--field"), QStringLiteral("iban"),
                               QStringLiteral("1")});
    QCOMPARE(usage.exitCode, 2);
    QVERIFY2(usage.err.contains(QStringLiteral("未知字段名")), qPrintable(usage.err));

    // --lang en wins over a Chinese environment.
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("zh_CN.UTF-8"));
    env.insert(QStringLiteral("LANG"), QStringLiteral("zh_CN.UTF-8"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(CA_TOOL_BIN), {QStringLiteral("validate"), QStringLiteral("--field"), QStringLiteral("uscc"),
                                          QString(), QStringLiteral("--lang"), QStringLiteral("en")});
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitCode(), 1);
    QVERIFY(QString::fromUtf8(p.readAllStandardOutput()).contains(QLatin1String("unified social credit code is empty")));
}

void TestCaToolValidate::applicationFiles_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QStringList>("mustContain");
    QTest::newRow("valid new") << fixture("valid-new.json") << 0 << QStringList{"is valid"};
    // Seed 000's sample data: unit name 321321, USCC 123456789012345678,
    // bank 12345678, account 12345678 are all refused, each with its reason.
    QTest::newRow("seed 000 sample data")
        << fixture("seed-000-sample.json") << 1
        << QStringList{"organization.name: The unit name contains no Chinese characters or letters",
                       "organization.uscc: The unified social credit code is not valid",
                       "invoice.bank: The bank name contains no Chinese characters or letters",
                       "invoice.account: The bank account number has only 8 digits"};
    QTest::newRow("wrong types") << fixture("wrong-types.json") << 1 << QStringList{"kind: ", "\"bogus\"", "order.quantity: "};
}

void TestCaToolValidate::applicationFiles()
{
    QFETCH(QString, file);
    QFETCH(int, exitCode);
    QFETCH(QStringList, mustContain);
    const Run r = runTool({file});
    QCOMPARE(r.exitCode, exitCode);
    for (const QString &part : mustContain)
        QVERIFY2(r.out.contains(part), qPrintable(QStringLiteral("'%1' not in: %2").arg(part, r.out)));
    if (exitCode == 1) {
        // One "path: sentence" line per error.
        for (const QString &line : r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
            QVERIFY2(line.contains(QLatin1String(": ")) && line.endsWith(QLatin1Char('.')), qPrintable(line));
    }
    // The seed's tax ID 913700007535433330 is well-formed: no error for it.
    if (file.endsWith(QLatin1String("seed-000-sample.json")))
        QVERIFY(!r.out.contains(QLatin1String("invoice.tax_id")));
}

void TestCaToolValidate::applicationJson()
{
    const Run r = runTool({QStringLiteral("--json"), fixture("seed-000-sample.json")});
    QCOMPARE(r.exitCode, 1);
    const QJsonObject o = jsonOf(r);
    QVERIFY2(!o.isEmpty(), qPrintable(r.out));
    QCOMPARE(o.value(QStringLiteral("valid")).toBool(true), false);
    const QJsonArray errors = o.value(QStringLiteral("errors")).toArray();
    QStringList fields;
    for (const QJsonValue &e : errors) {
        fields << e.toObject().value(QStringLiteral("field")).toString();
        QVERIFY(!e.toObject().value(QStringLiteral("message")).toString().isEmpty());
    }
    QCOMPARE(fields, (QStringList{"organization.name", "organization.uscc", "invoice.bank", "invoice.account"}));
    // The account number itself never appears in the output.
    QVERIFY(!errors.at(3).toObject().value(QStringLiteral("message")).toString().contains(QLatin1String("12345678")));

    const Run ok = runTool({fixture("valid-new.json"), QStringLiteral("--json")});
    QCOMPARE(ok.exitCode, 0);
    QCOMPARE(jsonOf(ok), (QJsonObject{{QStringLiteral("valid"), true}, {QStringLiteral("errors"), QJsonArray()}}));
}

void TestCaToolValidate::applicationPurpose()
{
    // wrong-types.json has no invoice at all: a draft may lack it, a submission may not.
    const Run draft = runTool({fixture("wrong-types.json"), QStringLiteral("--purpose"), QStringLiteral("draft")});
    QCOMPARE(draft.exitCode, 1); // "kind" and "order.quantity" are still wrong
    QVERIFY(!draft.out.contains(QLatin1String("invoice.title")));
    const Run submit = runTool({fixture("wrong-types.json"), QStringLiteral("--purpose=submit")});
    QCOMPARE(submit.exitCode, 1);
    QVERIFY2(submit.out.contains(QLatin1String("invoice.title")), qPrintable(submit.out));
}

void TestCaToolValidate::badFiles_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("mustContain");
    QTest::newRow("missing") << fixture("no-such-file.json") << "cannot be read";
    QTest::newRow("directory") << fixture("") << "cannot be read";
    QTest::newRow("syntax error") << fixture("broken.json") << "is not valid JSON";
    QTest::newRow("array") << fixture("array.json") << "does not hold a JSON object";
}

void TestCaToolValidate::badFiles()
{
    QFETCH(QString, file);
    QFETCH(QString, mustContain);
    const Run r = runTool({file, QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(mustContain), qPrintable(r.err));
    QVERIFY2(r.err.contains(file), qPrintable(r.err));
}

void TestCaToolValidate::documentedExamples()
{
    // docs/examples/*.json (docs/application-json.md): every example is an
    // application ca-tool can read; one whose name says "invalid" must be
    // refused, every other one accepted.
    const QDir dir(QStringLiteral(CA_SOURCE_DIR "/docs/examples"));
    const QStringList files = dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    if (files.isEmpty())
        QSKIP("docs/examples holds no JSON examples yet");
    for (const QString &name : files) {
        const Run r = runTool({dir.filePath(name), QStringLiteral("--json")});
        const QJsonObject o = jsonOf(r);
        QVERIFY2(!o.isEmpty(), qPrintable(name + QLatin1String(": ") + r.out + r.err));
        const bool expectValid = !name.contains(QLatin1String("invalid"));
        QVERIFY2(r.exitCode == (expectValid ? 0 : 1), qPrintable(name + QLatin1String(": ") + r.out));
        QCOMPARE(o.value(QStringLiteral("valid")).toBool(!expectValid), expectValid);
    }
}

QTEST_GUILESS_MAIN(TestCaToolValidate)
#include "tst_catoolvalidate.moc"
