#include "tools/Commands.h"

#include <QTextStream>

namespace ca::tool {

int runValidate(const QStringList &args, Io io)
{
    Q_UNUSED(args);
    io.err << "ca-tool: this command is not available yet\n";
    return ExitUsage;
}

} // namespace ca::tool
