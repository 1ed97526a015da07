#pragma once

#include <QEventLoop>
#include <QObject>
#include <QTimer>

namespace ca {

// Runs a local event loop until `sender` emits `signal` or `timeoutMs` have
// passed (negative: no limit). For the blocking waitForFinished() of calls and
// uploads, which ca-tool and tests use; never on the GUI thread.
template <typename Sender, typename Signal>
void waitForSignal(const Sender *sender, Signal signal, int timeoutMs)
{
    QEventLoop loop;
    QObject::connect(sender, signal, &loop, &QEventLoop::quit);
    QTimer timer;
    if (timeoutMs >= 0) {
        timer.setSingleShot(true);
        QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
        timer.start(timeoutMs);
    }
    loop.exec();
}

} // namespace ca
