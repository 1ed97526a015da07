#pragma once

#include "pkcs11/TokenTypes.h"

#include <QByteArray>
#include <QJsonObject>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace ca::keyops {

// What a renewal/change will do, for the explanation screen (RenewalJob::prepared).
struct RenewalPlan
{
    QString applicationId;
    QString kind;                       // "renewal" | "change"
    QString status;                     // the application's status ("approved", "processing", "done")
    QJsonObject application;            // the application as the platform sent it
    QString organizationName;           // what the new certificate's subject will name (O)
    QString uscc;                       // and its unified social credit code
    p11::TokenInfo token;               // the key, with its PIN state (pinState, min/max PIN length)
    p11::CertificateInfo oldCertificate;// the certificate on the key now (empty der: none)
    QByteArray keyId;                   // CKA_ID the CSR is signed with (empty with newKey: made at start)
    bool newKey = false;                // a new key pair is generated: warn about old bid files first
    bool installOnly = false;           // the platform already issued the certificate: start() only installs it
    QStringList warnings;               // whole translated sentences to show before start()
};

} // namespace ca::keyops

Q_DECLARE_METATYPE(ca::keyops::RenewalPlan)
