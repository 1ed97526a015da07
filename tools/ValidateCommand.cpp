// ca-tool validate: one field value, or a whole application JSON file.
//
//   ca-tool validate --field FIELD VALUE [--json]
//   ca-tool validate FILE.json [--purpose draft|pay|submit] [--json]
//
// Exit codes (tools/Commands.h): 0 valid, 1 invalid, 2 usage error or a file
// that cannot be read or is not a JSON object. Options may stand before or after
// the arguments; "--" ends the options. VALUE "-" reads the value from standard
// input, which keeps bank account numbers out of the process list. Output is
// UTF-8 on stdout; usage errors go to stderr.

#include "tools/Commands.h"

#include "core/model/Application.h"
#include "core/validation/ApplicationValidator.h"
#include "core/validation/FieldValidator.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QSet>
#include <QTextStream>

#include <cstdio>
#include <utility>

namespace ca::tool {

namespace {

QString usageText()
{
    return QCoreApplication::translate("ca::tool::ValidateCommand",
        "Usage:\n"
        "  ca-tool validate --field FIELD VALUE [--json] [--lang zh_CN|en]\n"
        "  ca-tool validate FILE.json [--purpose draft|pay|submit] [--json] [--lang zh_CN|en]\n"
        "\n"
        "Checks one field value, or a whole application in the JSON of docs/application-json.md.\n"
        "FIELD is one of: uscc, tax-id, mobile, landline, phone, bank-account, quantity, title,\n"
        "address, bank-name, recipient, unit-name, mailing-address.\n"
        "VALUE - reads the value from standard input (use it for bank account numbers).\n"
        "--purpose says how complete the application must be (default: submit).\n"
        "--json prints one JSON object instead of text.\n"
        "\n"
        "Exit status: 0 valid, 1 invalid, 2 usage error or unreadable file.\n");
}

int usageError(Io io, const QString &sentence)
{
    io.err << QStringLiteral("ca-tool validate: ") << sentence << '\n' << '\n' << usageText();
    io.err.flush();
    return ExitUsage;
}

void printJson(Io io, const QJsonObject &object)
{
    io.out << QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)) << '\n';
    io.out.flush();
}

QString readStandardInput()
{
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly))
        return QString();
    QString text = QString::fromUtf8(in.readAll());
    while (text.endsWith(QLatin1Char('\n')) || text.endsWith(QLatin1Char('\r')))
        text.chop(1);
    return text;
}

int validateField(Field field, const QString &value, bool json, Io io)
{
    const FieldResult r = FieldValidator::validate(field, value);
    if (json) {
        printJson(io, QJsonObject{{QStringLiteral("field"), FieldValidator::fieldName(field)},
                                  {QStringLiteral("valid"), r.valid},
                                  {QStringLiteral("normalized"), r.normalized},
                                  {QStringLiteral("message"), r.message}});
    } else {
        io.out << (r.valid ? r.normalized : r.message) << '\n';
        io.out.flush();
    }
    return r.valid ? ExitOk : ExitRefused;
}

bool purposeFromName(const QString &name, ValidationPurpose *purpose)
{
    const QString n = name.trimmed().toLower();
    if (n == QLatin1String("draft") || n == QLatin1String("save"))
        *purpose = ValidationPurpose::SaveDraft;
    else if (n == QLatin1String("pay"))
        *purpose = ValidationPurpose::Pay;
    else if (n == QLatin1String("submit"))
        *purpose = ValidationPurpose::Submit;
    else
        return false;
    return true;
}

int validateFile(const QString &fileName, ValidationPurpose purpose, bool json, Io io)
{
    QFile file(fileName);
    if (!QFileInfo(fileName).isFile() || !file.open(QIODevice::ReadOnly)) {
        io.err << QStringLiteral("ca-tool validate: ")
               << QCoreApplication::translate("ca::tool::ValidateCommand",
                                              "The file %1 cannot be read. Check the name and that you may read it.")
                      .arg(fileName)
               << '\n';
        io.err.flush();
        return ExitUsage;
    }
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        io.err << QStringLiteral("ca-tool validate: ")
               << QCoreApplication::translate("ca::tool::ValidateCommand",
                                              "The file %1 is not valid JSON: %2 at character %3. Fix the file and try again.")
                      .arg(fileName, parseError.errorString())
                      .arg(parseError.offset)
               << '\n';
        io.err.flush();
        return ExitUsage;
    }
    if (!doc.isObject()) {
        io.err << QStringLiteral("ca-tool validate: ")
               << QCoreApplication::translate("ca::tool::ValidateCommand",
                                              "The file %1 does not hold a JSON object. An application is one JSON object; "
                                              "see docs/application-json.md.")
                      .arg(fileName)
               << '\n';
        io.err.flush();
        return ExitUsage;
    }

    // Structure problems first (wrong types, unknown words), then the field
    // rules; a key with a structure problem is not judged a second time.
    const Parsed<Application> parsed = Application::fromJson(doc.object());
    QList<std::pair<QString, QString>> errors;
    QSet<QString> seen;
    for (const JsonIssue &issue : parsed.issues) {
        errors.append({issue.path, issue.message});
        seen.insert(issue.path);
    }
    for (const FieldError &e : ApplicationValidator::validate(parsed.value, purpose)) {
        if (!seen.contains(e.path))
            errors.append({e.path, e.message});
    }

    if (json) {
        QJsonArray list;
        for (const auto &[path, message] : errors)
            list.append(QJsonObject{{QStringLiteral("field"), path}, {QStringLiteral("message"), message}});
        printJson(io, QJsonObject{{QStringLiteral("valid"), errors.isEmpty()}, {QStringLiteral("errors"), list}});
    } else if (errors.isEmpty()) {
        io.out << QCoreApplication::translate("ca::tool::ValidateCommand", "The application in %1 is valid.").arg(fileName)
               << '\n';
    } else {
        for (const auto &[path, message] : errors)
            io.out << (path.isEmpty() ? QStringLiteral("(document)") : path) << QStringLiteral(": ") << message << '\n';
    }
    io.out.flush();
    return errors.isEmpty() ? ExitOk : ExitRefused;
}

} // namespace

int runValidate(const QStringList &args, Io io)
{
    bool json = false;
    bool help = false;
    QString fieldName;
    bool haveField = false;
    QString purposeName;
    QStringList positional;
    bool optionsEnded = false;

    for (int i = 0; i < args.size(); ++i) {
        const QString &a = args.at(i);
        if (optionsEnded || !a.startsWith(QLatin1String("--")) || a == QLatin1String("--")) {
            if (!optionsEnded && a == QLatin1String("--"))
                optionsEnded = true;
            else if (!optionsEnded && a == QLatin1String("-h"))
                help = true;
            else
                positional.append(a);
            continue;
        }
        if (a == QLatin1String("--json")) {
            json = true;
        } else if (a == QLatin1String("--help")) {
            help = true;
        } else if (a == QLatin1String("--field") || a == QLatin1String("--purpose")) {
            if (i + 1 >= args.size()) {
                return usageError(io, QCoreApplication::translate("ca::tool::ValidateCommand",
                                                                  "The option %1 needs a value.").arg(a));
            }
            (a == QLatin1String("--field") ? fieldName : purposeName) = args.at(++i);
            if (a == QLatin1String("--field"))
                haveField = true;
        } else if (a.startsWith(QLatin1String("--field="))) {
            fieldName = a.mid(8);
            haveField = true;
        } else if (a.startsWith(QLatin1String("--purpose="))) {
            purposeName = a.mid(10);
        } else {
            return usageError(io, QCoreApplication::translate("ca::tool::ValidateCommand",
                                                              "The option %1 is unknown.").arg(a));
        }
    }

    if (help) {
        io.out << usageText();
        io.out.flush();
        return ExitOk;
    }

    if (haveField) {
        Field field;
        if (!FieldValidator::fieldFromName(fieldName, &field)) {
            return usageError(io, QCoreApplication::translate("ca::tool::ValidateCommand",
                                                              "The field name '%1' is unknown. Use one of the fields listed below.")
                                      .arg(fieldName));
        }
        if (!purposeName.isEmpty())
            return usageError(io, QCoreApplication::translate("ca::tool::ValidateCommand", "The option --purpose applies to an application file, not to --field."));
        if (positional.isEmpty())
            return usageError(io, QCoreApplication::translate("ca::tool::ValidateCommand", "The value to check is missing. Give it after the field name, in quotes if it contains spaces."));
        if (positional.size() > 1) {
            return usageError(io, QCoreApplication::translate("ca::tool::ValidateCommand", "More than one value was given. Put a value that contains spaces in quotes."));
        }
        const QString value = positional.first() == QLatin1String("-") ? readStandardInput() : positional.first();
        return validateField(field, value, json, io);
    }

    ValidationPurpose purpose = ValidationPurpose::Submit;
    if (!purposeName.isEmpty() && !purposeFromName(purposeName, &purpose)) {
        return usageError(io, QCoreApplication::translate("ca::tool::ValidateCommand",
                                                          "The purpose '%1' is unknown. Use draft, pay or submit.")
                                  .arg(purposeName));
    }
    if (positional.isEmpty())
        return usageError(io, QCoreApplication::translate("ca::tool::ValidateCommand", "Nothing to check. Give --field FIELD VALUE or the name of an application JSON file."));
    if (positional.size() > 1)
        return usageError(io, QCoreApplication::translate("ca::tool::ValidateCommand", "Give one application JSON file at a time."));
    return validateFile(positional.first(), purpose, json, io);
}

} // namespace ca::tool
