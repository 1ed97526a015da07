// docs/examples/*.json: every example parses strictly, round-trips, fits a
// workflow, and validates for submission: the valid ones without a single
// error, the invalid ones with exactly the errors listed here.

#include "core/validation/ApplicationValidator.h"
#include "core/workflow/WorkflowRules.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace ca;

namespace {

const QString kExamples = QStringLiteral(CA_SOURCE_DIR "/docs/examples");

// The expected ValidationPurpose::Submit errors of each invalid example, as "path" in order.
const QHash<QString, QStringList> kInvalid = {
    {QStringLiteral("invalid-seed-sample-data.json"),
     {
         "organization.name",     // "321321": a unit name needs letters (seed 000's sample)
         "organization.uscc",     // 123456789012345678: the seed's sample code, wrong check character
         "order.mailing_address", // sent by mail, but no address
         "order.recipient_phone", // 10 digits
         "order.quantity",        // 120 > 99
         "invoice.address",       // a space (the seed: no spaces, no '-')
         "invoice.bank",          // "12345678" is no bank name
         "invoice.account",       // "12345678": too short, and a run of digits
         "attachments.handler_id",       // upload failed
         "attachments.business_licence", // missing
     }},
};

// GB 32100-2015 check character, written here independently of FieldValidator.
QChar usccCheck(const QString &first17)
{
    static const QString alphabet = QStringLiteral("0123456789ABCDEFGHJKLMNPQRTUWXY");
    static const int weights[17] = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    int sum = 0;
    for (int i = 0; i < 17; ++i)
        sum += int(alphabet.indexOf(first17.at(i))) * weights[i];
    return alphabet.at((31 - sum % 31) % 31);
}

QStringList exampleFiles()
{
    return QDir(kExamples).entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
}

Application load(const QString &name)
{
    QFile f(kExamples + QLatin1Char('/') + name);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot open %s", qPrintable(f.fileName()));
    const Parsed<Application> p = Application::fromJsonText(f.readAll());
    for (const JsonIssue &i : p.issues)
        qWarning("%s: %s: %s", qPrintable(name), qPrintable(i.path), qPrintable(i.message));
    return p.ok() ? p.value : Application();
}

} // namespace

class TestExamples : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void coverage();
    void examples_data();
    void examples();
    void usccsComputedIndependently();
};

void TestExamples::coverage()
{
    // At least one valid example of each kind, and the invalid ones known to this test.
    QSet<ApplicationKind> kinds;
    int invalid = 0;
    for (const QString &name : exampleFiles()) {
        const Application a = load(name);
        if (name.startsWith(QLatin1String("invalid-"))) {
            QVERIFY2(kInvalid.contains(name), qPrintable(name + QLatin1String(" has no expectation in this test")));
            ++invalid;
        } else {
            kinds.insert(a.kind);
        }
    }
    QCOMPARE(kinds.size(), 5);
    QCOMPARE(invalid, kInvalid.size());
}

void TestExamples::examples_data()
{
    QTest::addColumn<QString>("name");
    for (const QString &name : exampleFiles())
        QTest::newRow(qPrintable(name)) << name;
}

void TestExamples::examples()
{
    QFETCH(QString, name);
    QFile f(kExamples + QLatin1Char('/') + name);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const Parsed<Application> p = Application::fromJsonText(f.readAll());
    QVERIFY2(p.ok(), qPrintable(p.issues.isEmpty() ? QString() : p.issues.first().path + QLatin1String(": ") + p.issues.first().message));
    const Application &a = p.value;
    QCOMPARE(Application::fromJson(a.toJson()).value, a);
    QVERIFY2(WorkflowRules::isConsistent(a, Workflow::PayFirst) || WorkflowRules::isConsistent(a, Workflow::ReviewFirst),
             "the statuses must fit one of the workflows");

    QStringList paths;
    const QList<FieldError> errors = ApplicationValidator::validate(a, ValidationPurpose::Submit);
    for (const FieldError &e : errors) {
        paths.append(e.path);
        QVERIFY2(e.message.endsWith(QLatin1Char('.')), qPrintable(e.message));
        QCOMPARE(e.step, ApplicationValidator::stepOf(e.path));
    }
    if (kInvalid.contains(name)) {
        for (const FieldError &e : errors)
            qDebug("%s: %s", qPrintable(e.path), qPrintable(e.message));
        QCOMPARE(paths, kInvalid.value(name));
    } else {
        for (const FieldError &e : errors)
            qWarning("%s: %s", qPrintable(e.path), qPrintable(e.message));
        QCOMPARE(paths, QStringList());
        // Valid for the earlier purposes too, and already in normal form.
        QVERIFY(ApplicationValidator::validate(a, ValidationPurpose::Pay).isEmpty());
        QVERIFY(ApplicationValidator::validate(a, ValidationPurpose::SaveDraft).isEmpty());
        QCOMPARE(ApplicationValidator::normalized(a), a);
    }
}

void TestExamples::usccsComputedIndependently()
{
    // Every USCC and 18-character tax ID of the valid examples carries the right check character.
    int checked = 0;
    for (const QString &name : exampleFiles()) {
        if (name.startsWith(QLatin1String("invalid-")))
            continue;
        const Application a = load(name);
        for (const QString &code : {a.organization.uscc, a.invoice.taxId}) {
            if (code.size() != 18)
                continue;
            QCOMPARE(usccCheck(code.left(17)), code.at(17));
            QCOMPARE(FieldValidator::usccCheckCharacter(code.left(17)), code.at(17));
            ++checked;
        }
    }
    QVERIFY(checked >= 8);
    // The seed's sample code 123456789012345678 happens to end in the right check
    // character; it is refused for its organization-code check digit instead.
    QCOMPARE(usccCheck(QStringLiteral("12345678901234567")), QLatin1Char('8'));
    QVERIFY(!FieldValidator::isValidUscc(u"123456789012345678"));
}

QTEST_GUILESS_MAIN(TestExamples)
#include "tst_applicationvalidator_examples.moc"
