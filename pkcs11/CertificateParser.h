#pragma once

#include "pkcs11/Result.h"
#include "pkcs11/TokenTypes.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace ca::p11 {

// Reads an X.509 certificate (DER or PEM) into a CertificateInfo with
// OpenSSL: subject and issuer as UTF-8 (Chinese names as they are), CN and O,
// a unified social credit code when the subject carries one, serial,
// validity, days left, key usage and key type/size.
class CertificateParser
{
public:
    static Result<CertificateInfo> parse(const QByteArray &derOrPem,
                                         const QDateTime &now = QDateTime::currentDateTimeUtc());

    // Whole days from `now` until `notAfter` (rounded down; negative once expired).
    static int daysLeft(const QDateTime &notAfter, const QDateTime &now);

    // The first 18-character unified social credit code (GB 32100-2015 shape)
    // found in the subject fields OU, serialNumber, organizationIdentifier
    // (2.5.4.97, also in its "NTRCN-" form), CN and O; a code whose check
    // character is right is preferred over one that only has the shape.
    static QString findUscc(const QStringList &values);
    static bool usccChecksumOk(const QString &code);
};

} // namespace ca::p11
