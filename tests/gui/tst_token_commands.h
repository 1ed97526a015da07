#pragma once
// Small helpers of the token GUI tests: a PIN as a SecureBuffer, and running a
// TokenCommand to its end (the event loop turns meanwhile).

#include "pkcs11/SecureBuffer.h"
#include "pkcs11/TokenCommand.h"

#include <QObject>
#include <QString>
#include <QtTest>

namespace toktest {

inline ca::p11::SecureBuffer pin(const QString &text)
{
    QString copy = text;
    return ca::p11::SecureBuffer::takeString(copy);
}

inline ca::p11::TokenResult runCommand(ca::p11::TokenCommand *cmd)
{
    ca::p11::TokenResult out;
    bool done = false;
    QObject::connect(cmd, &ca::p11::TokenCommand::finished, [&](const ca::p11::TokenResult &r) {
        out = r;
        done = true;
    });
    cmd->start();
    if (!QTest::qWaitFor([&] { return done; }, 60000))
        out.error = ca::p11::Error::make(ca::p11::ErrorKind::Generic, QStringLiteral("test: no answer"));
    return out;
}

} // namespace toktest
