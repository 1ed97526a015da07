#include "tools/Terminal.h"

#include <QCoreApplication>
#include <QFile>


namespace ca::tool {

namespace {
struct TerminalText {
    Q_DECLARE_TR_FUNCTIONS(Terminal)
};
} // namespace

bool readSecretFromTerminal(const QString &prompt, QString *secret, QString *error)
{
    const std::optional<p11::SecureBuffer> line = readTerminalLine(prompt);
    if (!line) {
        *error = TerminalText::tr("No terminal is available to ask for the password. Give it with --password-file FILE.");
        return false;
    }
    *secret = QString::fromUtf8(reinterpret_cast<const char *>(line->data()), qsizetype(line->size()));
    return true;
}

bool readFirstLine(const QString &path, QString *line, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = TerminalText::tr("The file %1 cannot be read: %2.").arg(path, f.errorString());
        return false;
    }
    QByteArray first = f.readLine(64 * 1024);
    while (first.endsWith('\n') || first.endsWith('\r'))
        first.chop(1);
    *line = QString::fromUtf8(first);
    first.fill('\0');
    return true;
}

} // namespace ca::tool
