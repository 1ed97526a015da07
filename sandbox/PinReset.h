#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QString>

namespace ca::sandbox {

class Context;

// Server-authorised PIN reset of a USB key.
//
// POST /api/v1/pin-resets {"token_serial"} creates a request and sends a
// 6-digit code (RAND_bytes, uniform by rejection sampling) to the
// organisation's registered mobile through the Outbox. Only an HMAC of the
// code is stored. POST /api/v1/pin-resets/{id}/verify {"code"} with the right
// code within 5 minutes answers {"so_pin"}; 3 wrong codes end the request.
//
// The SO PIN is never stored: it is derived on demand as
//   lower-case hex of the first 8 bytes of HMAC-SHA256(master, serial)
// i.e. 16 characters [0-9a-f] (SoftHSM accepts 4..255 bytes; 16 is also the
// common maximum of hardware tokens). `master` is 32 random bytes in
// DIR/master.key (mode 0600, created on first use); `serial` is the token's
// PKCS#11 serialNumber with surrounding spaces removed, as UTF-8.
// `ca-sandbox admin --data DIR so-pin SERIAL` prints it (tests and the demo
// initialise SoftHSM tokens with it).
class PinReset
{
    Q_DECLARE_TR_FUNCTIONS(PinReset)
public:
    static constexpr int kCodeTtlSeconds = 300;
    static constexpr int kMaxTries = 3;

    enum class Verdict { Ok, NotFound, CodeInvalid, CodeExpired, RequestClosed };

    struct Created {
        QString id;
        QDateTime expiresAt;
        QString mobileHint; // "187****8833"
    };

    static void addMigrations(Context &context);

    // DIR/master.key, created (32 random bytes, 0600) when missing. Throws
    // HttpError 500 when it cannot be read or has the wrong size.
    static QByteArray masterKey(Context &context);
    static QString deriveSoPin(const QByteArray &masterKey, const QString &tokenSerial);
    static QString normalizeSerial(const QString &tokenSerial);
    static bool isValidSerial(const QString &tokenSerial);

    // A uniform 6-digit code "000000".."999999".
    static QString generateCode();

    // Closes earlier open requests for the same serial and organisation,
    // creates a new one and sends the code to `mobile`.
    static Created request(Context &context, qint64 organizationId, const QString &mobile, const QString &tokenSerial);

    // On Ok, *soPin is set. *triesLeft is set for CodeInvalid.
    static Verdict verify(Context &context, qint64 organizationId, const QString &requestId, const QString &code,
                          QString *soPin, int *triesLeft);
};

} // namespace ca::sandbox
