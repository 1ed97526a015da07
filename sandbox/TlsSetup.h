#pragma once

#include <QString>

namespace ca::sandbox {

// First-start TLS material in the data directory:
//   DIR/ca.pem, DIR/ca.key         the sandbox test CA (EC P-256, 10 years, CA:TRUE)
//   DIR/server.pem, DIR/server.key  the HTTPS server certificate issued by that CA
//                                   (SANs localhost, 127.0.0.1, ::1; 2 years)
// Existing files are kept. Keys are unencrypted PKCS#8 PEM, mode 0600.
class TlsSetup
{
public:
    static bool ensure(const QString &dataDir, QString *error);
    static QString caCertPath(const QString &dataDir);
    static QString caKeyPath(const QString &dataDir);
    static QString serverCertPath(const QString &dataDir);
    static QString serverKeyPath(const QString &dataDir);
};

} // namespace ca::sandbox
