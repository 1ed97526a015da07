#pragma once
// Helpers for the sandbox-ext unit tests: drive the real openssl command line
// tool to make CAs, keys and CSRs the way an outside party would.

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTest>

namespace sandbox_ext_test {

inline QByteArray runOpenssl(const QStringList &args, const QString &workDir, bool *ok = nullptr)
{
    QProcess p;
    p.setWorkingDirectory(workDir);
    p.start(QStringLiteral("openssl"), args);
    const bool finished = p.waitForFinished(60000);
    const bool good = finished && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    if (!good)
        qWarning("openssl %s failed: %s", qPrintable(args.join(QLatin1Char(' '))),
                 p.readAllStandardError().constData());
    if (ok)
        *ok = good;
    return p.readAllStandardOutput();
}

inline QByteArray readAll(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

// A self-signed CA: DIR/<base>.pem + DIR/<base>.key (EC P-256).
inline bool makeCa(const QString &dir, const QString &base, const QString &cn)
{
    bool ok = false;
    runOpenssl({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("ec"),
                QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-nodes"),
                QStringLiteral("-keyout"), base + QStringLiteral(".key"), QStringLiteral("-out"), base + QStringLiteral(".pem"),
                QStringLiteral("-days"), QStringLiteral("3650"), QStringLiteral("-subj"), QStringLiteral("/CN=") + cn,
                QStringLiteral("-addext"), QStringLiteral("basicConstraints=critical,CA:TRUE"),
                QStringLiteral("-addext"), QStringLiteral("keyUsage=critical,keyCertSign,cRLSign")},
               dir, &ok);
    return ok;
}

// A key (rsa or ec) in DIR/<base>.key and a CSR for it in DIR/<base>.csr.
inline bool makeKeyAndCsr(const QString &dir, const QString &base, const QString &type, const QString &subject)
{
    bool ok = false;
    QStringList args{QStringLiteral("req"), QStringLiteral("-new"), QStringLiteral("-utf8"), QStringLiteral("-nodes"),
                     QStringLiteral("-keyout"), base + QStringLiteral(".key"), QStringLiteral("-out"), base + QStringLiteral(".csr"),
                     QStringLiteral("-subj"), subject};
    if (type == QLatin1String("rsa"))
        args << QStringLiteral("-newkey") << QStringLiteral("rsa:2048");
    else
        args << QStringLiteral("-newkey") << QStringLiteral("ec") << QStringLiteral("-pkeyopt") << QStringLiteral("ec_paramgen_curve:P-256");
    runOpenssl(args, dir, &ok);
    return ok;
}

// A new CSR for an existing key DIR/<keyBase>.key.
inline bool makeCsrForKey(const QString &dir, const QString &keyBase, const QString &out, const QString &subject)
{
    bool ok = false;
    runOpenssl({QStringLiteral("req"), QStringLiteral("-new"), QStringLiteral("-utf8"), QStringLiteral("-key"), keyBase + QStringLiteral(".key"),
                QStringLiteral("-out"), out, QStringLiteral("-subj"), subject},
               dir, &ok);
    return ok;
}

} // namespace sandbox_ext_test
