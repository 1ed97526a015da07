#include "tools/Terminal.h"

#include <cerrno>
#include <fcntl.h>
#include <termios.h>
#include <unistd.h>

namespace ca::tool {

void prepareConsole()
{
    // POSIX terminals take UTF-8 as QTextStream writes it; nothing to do.
}

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

} // namespace ca::tool
