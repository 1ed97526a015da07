// libFuzzer target: ca::FieldValidator over arbitrary bytes read as UTF-8,
// for every field. Besides crashes and undefined behaviour it checks the
// properties the UI relies on (an abort() is a finding):
//   - valid <=> no message;
//   - the cleaned value of a valid input validates again, to itself (the user
//     sees the cleaned value, and saving it must not make it invalid);
//   - normalizeCode is idempotent;
//   - a bank account number never appears in a message (secrets never leak);
//   - fieldName/fieldFromName round-trip.

#include "core/validation/FieldValidator.h"

#include <QString>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace {

constexpr ca::Field kFields[] = {
    ca::Field::Uscc,     ca::Field::TaxId,       ca::Field::Mobile,   ca::Field::Landline,
    ca::Field::Phone,    ca::Field::BankAccount, ca::Field::Quantity, ca::Field::Title,
    ca::Field::Address,  ca::Field::BankName,    ca::Field::Recipient,
};

[[noreturn]] void fail(const char *what, ca::Field field, const QString &input, const ca::FieldResult &r)
{
    std::fprintf(stderr, "PROPERTY VIOLATED: %s\n  field: %s\n  input: \"%s\"\n  valid: %d\n  normalized: \"%s\"\n  message: \"%s\"\n",
                 what, qPrintable(ca::FieldValidator::fieldName(field)), input.toUtf8().constData(), int(r.valid),
                 r.normalized.toUtf8().constData(), r.message.toUtf8().constData());
    std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 4096)
        return -1; // field values are short; keep the search there
    const QString input = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));

    for (const ca::Field field : kFields) {
        const ca::FieldResult r = ca::FieldValidator::validate(field, input);
        if (r.valid != r.message.isEmpty())
            fail("valid must mean: no message", field, input, r);
        if (r.valid) {
            const ca::FieldResult again = ca::FieldValidator::validate(field, r.normalized);
            if (!again.valid)
                fail("the cleaned value of a valid input is refused", field, input, again);
            if (again.normalized != r.normalized)
                fail("cleaning a cleaned value changes it again", field, input, again);
        }
        if (field == ca::Field::BankAccount) {
            const QString digits = ca::FieldValidator::normalizeCode(input);
            if (digits.size() >= 6 && r.message.contains(digits))
                fail("a bank account number appears in the message", field, input, r);
        }
        ca::Field back;
        if (!ca::FieldValidator::fieldFromName(ca::FieldValidator::fieldName(field), &back) || back != field)
            fail("fieldName/fieldFromName do not round-trip", field, input, r);
    }

    const QString once = ca::FieldValidator::normalizeCode(input);
    if (ca::FieldValidator::normalizeCode(once) != once) {
        std::fprintf(stderr, "PROPERTY VIOLATED: normalizeCode is not idempotent\n  input: \"%s\"\n  once: \"%s\"\n",
                     input.toUtf8().constData(), once.toUtf8().constData());
        std::abort();
    }

    ca::Field f;
    (void)ca::FieldValidator::fieldFromName(input, &f);
    return 0;
}
