#include "tools/Terminal.h"

#include <QCoreApplication>
#include <QFile>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <termios.h>
#include <unistd.h>

namespace ca::tool {

namespace {
struct TerminalText {
    Q_DECLARE_TR_FUNCTIONS(Terminal)
};
} // namespace

std::optional<p11::SecureBuffer> readTerminalLine(const QString &prompt)
{
    const int fd = ::open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (fd < 0)
        return std::nullopt;
    const QByteArray p = prompt.toUtf8();
    [[maybe_unused]] ssize_t w = ::write(fd, p.constData(), size_t(p.size()));
    termios old {};
    const bool haveTermios = ::tcgetattr(fd, &old) == 0;
    if (haveTermios) {
        termios silent = old;
        silent.c_lflag &= ~tcflag_t(ECHO);
        silent.c_lflag |= ECHONL;
        ::tcsetattr(fd, TCSAFLUSH, &silent);
    }
    p11::SecureBuffer line;
    char c = 0;
    for (;;) {
        const ssize_t n = ::read(fd, &c, 1);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0 || c == '\n' || c == '\r')
            break;
        line.append(c);
    }
    c = 0;
    if (haveTermios)
        ::tcsetattr(fd, TCSAFLUSH, &old);
    ::close(fd);
    return line;
}

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
