// libFuzzer target: the application JSON parser (docs/application-json.md),
// exactly as ca-tool and the platform client read it:
//   ca::Application::fromJson(QJsonDocument::fromJson(data).object())
// and ca::Application::fromJsonText(data), then the application validator.
// Besides crashes and undefined behaviour it checks the round trip the
// model promises: an application that parses without issues serialises to
// JSON that parses again without issues to an equal application.

#include "core/model/Application.h"
#if __has_include("core/validation/ApplicationValidator.h")
#include "core/validation/ApplicationValidator.h"
#define CA_FUZZ_HAVE_APPLICATION_VALIDATOR 1
#endif

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QStringList>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace {

[[noreturn]] void fail(const char *what, const QByteArray &input, const QByteArray &detail)
{
    std::fprintf(stderr, "PROPERTY VIOLATED: %s\n  input: %s\n  detail: %s\n", what, input.constData(), detail.constData());
    std::abort();
}

QByteArray issuesText(const QList<ca::JsonIssue> &issues)
{
    QByteArray text;
    for (const ca::JsonIssue &i : issues)
        text += i.path.toUtf8() + ": " + i.message.toUtf8() + "; ";
    return text;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 64 * 1024)
        return -1;
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));

    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(input, &error);
    const ca::Parsed<ca::Application> parsed = ca::Application::fromJson(doc.object());
    const ca::Parsed<ca::Application> fromText = ca::Application::fromJsonText(input);

    // The two entry points agree on well-formed JSON objects.
    if (error.error == QJsonParseError::NoError && doc.isObject()) {
        if (fromText.ok() != parsed.ok() || (parsed.ok() && !(fromText.value == parsed.value)))
            fail("fromJson and fromJsonText disagree", input, issuesText(parsed.issues) + " | " + issuesText(fromText.issues));
    } else if (fromText.ok()) {
        fail("fromJsonText accepts a text that is not a JSON object", input, QByteArray());
    }

    if (parsed.ok()) {
        const QJsonObject json = parsed.value.toJson();
        const ca::Parsed<ca::Application> again = ca::Application::fromJson(json);
        if (!again.ok())
            fail("toJson of a parsed application does not parse again", input,
                 QJsonDocument(json).toJson(QJsonDocument::Compact) + " -> " + issuesText(again.issues));
        if (!(again.value == parsed.value))
            fail("JSON round trip changes the application", input, QJsonDocument(json).toJson(QJsonDocument::Compact));
        const ca::Parsed<ca::Application> text = ca::Application::fromJsonText(parsed.value.toJsonText(false));
        if (!text.ok() || !(text.value == parsed.value))
            fail("toJsonText round trip changes the application", input, parsed.value.toJsonText(false));
    }

#ifdef CA_FUZZ_HAVE_APPLICATION_VALIDATOR
    // Whatever the parser made of it (best effort values included) goes
    // through the validator, as ca-tool validate FILE.json does, for every
    // purpose; the documented promises are checked.
    const ca::ValidationPurpose purposes[] = {ca::ValidationPurpose::SaveDraft, ca::ValidationPurpose::Pay,
                                              ca::ValidationPurpose::Submit};
    QSet<QString> draftPaths, submitPaths;
    for (const ca::ValidationPurpose purpose : purposes) {
        const QList<ca::FieldError> errors = ca::ApplicationValidator::validate(parsed.value, purpose);
        QSet<QString> paths;
        for (const ca::FieldError &e : errors) {
            if (e.message.isEmpty())
                fail("a validation error without a message", input, e.path.toUtf8());
            if (paths.contains(e.path))
                fail("more than one error for one field", input, e.path.toUtf8());
            if (ca::ApplicationValidator::stepOf(e.path) != e.step)
                fail("an error's step is not the step of its path", input, e.path.toUtf8());
            paths.insert(e.path);
        }
        if (purpose == ca::ValidationPurpose::SaveDraft)
            draftPaths = paths;
        else if (purpose == ca::ValidationPurpose::Submit)
            submitPaths = paths;
    }
    // A filled-in field that is wrong for a draft is wrong for submission too.
    if (!submitPaths.contains(draftPaths)) {
        QStringList lost = (draftPaths - submitPaths).values();
        fail("an error of SaveDraft is missing under Submit", input, lost.join(QLatin1Char(' ')).toUtf8());
    }
    // Normalising cleans values but neither hides nor adds an error, and is idempotent.
    const ca::Application clean = ca::ApplicationValidator::normalized(parsed.value);
    if (!(ca::ApplicationValidator::normalized(clean) == clean))
        fail("ApplicationValidator::normalized is not idempotent", input, clean.toJsonText(false));
    QSet<QString> cleanPaths;
    for (const ca::FieldError &e : ca::ApplicationValidator::validate(clean, ca::ValidationPurpose::Submit))
        cleanPaths.insert(e.path);
    if (cleanPaths != submitPaths) {
        QStringList a = (submitPaths - cleanPaths).values(), b = (cleanPaths - submitPaths).values();
        fail("normalising changes which fields are in error", input,
             "gone: " + a.join(QLatin1Char(' ')).toUtf8() + " new: " + b.join(QLatin1Char(' ')).toUtf8());
    }
#endif
    return 0;
}
