#pragma once

#include <QString>

namespace ca::sandbox {

class Context;

// Small key/value table `settings` in the sandbox database (e.g. the workflow
// of the last server run, which `ca-sandbox admin` follows).
class Settings
{
public:
    static QString value(Context &context, const QString &key, const QString &fallback = {});
    static void setValue(Context &context, const QString &key, const QString &value);
};

} // namespace ca::sandbox
