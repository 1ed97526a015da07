#pragma once

#include <QMetaType>
#include <QString>

#include <optional>
#include <utility>

namespace ca {

// What went wrong in the local store, as a value. `message` is a whole
// translated sentence for the user (what failed and what to do); `detail` is
// the technical text for the log (SQLite error, failing step). Neither ever
// carries a field value of a draft.
struct StoreError {
    enum class Code {
        None,
        OpenFailed,      // the file cannot be created or opened
        NotADatabase,    // the file exists but is not an SQLite database (or is damaged)
        NewerSchema,     // written by a newer program version: refused, nothing touched
        MigrationFailed, // a schema step failed; the transaction was rolled back
        Sql,             // a statement failed (disk full, locked too long, ...)
        NotOpen,         // used before open() succeeded
        WrongThread,     // used from a thread other than the one that opened it
        NotFound,        // no such draft / attachment / intent
        InvalidArgument, // a value the schema does not allow (unknown channel, empty id, ...)
        Crypto,          // the install key cannot be created/read or a sealed field fails to decrypt
    };

    Code code = Code::None;
    QString message; // user sentence (tr'd)
    QString detail;  // for the log only

    bool isError() const { return code != Code::None; }
};

// Value-or-error. `ok()` tells which; `value()` must only be read when ok().
template<typename T>
class StoreResult
{
public:
    StoreResult(T value) : m_value(std::move(value)) {}
    StoreResult(StoreError error) : m_error(std::move(error)) {}

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }
    const T &value() const { return *m_value; }
    T &value() { return *m_value; }
    const T &operator*() const { return *m_value; }
    const T *operator->() const { return &*m_value; }
    const StoreError &error() const { return m_error; }

private:
    std::optional<T> m_value;
    StoreError m_error;
};

// Success-or-error for operations without a result value.
class StoreStatus
{
public:
    StoreStatus() = default;
    StoreStatus(StoreError error) : m_error(std::move(error)) {}

    bool ok() const { return !m_error.isError(); }
    explicit operator bool() const { return ok(); }
    const StoreError &error() const { return m_error; }

private:
    StoreError m_error;
};

} // namespace ca

Q_DECLARE_METATYPE(ca::StoreError)
