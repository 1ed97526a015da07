#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

// A private SoftHSM2 for one test process. The constructor makes a temporary
// directory with its own softhsm2.conf and token directory and points
// SOFTHSM2_CONF at it (for this process and every child it starts). Tokens
// and keys are made with the SoftHSM and OpenSC command-line tools (separate
// processes), so the code under test is never its own witness; certificates
// come from a throw-away OpenSSL CA held by the fixture.
//
// Load the PKCS#11 module under test only after the tokens it should see are
// made: SoftHSM reads its token directory in C_Initialize.
class SoftHsmFixture
{
public:
    SoftHsmFixture();
    ~SoftHsmFixture();
    SoftHsmFixture(const SoftHsmFixture &) = delete;
    SoftHsmFixture &operator=(const SoftHsmFixture &) = delete;

    bool isValid() const { return m_valid; }
    QString errorString() const { return m_error; }

    static QString softHsmModule();  // /usr/lib/softhsm/libsofthsm2.so
    QString dir() const;             // the temp dir
    QString confPath() const;
    QString tokenDir() const;

    // A new token in the next free slot; returns its serial ("" on failure).
    QString initToken(const QString &label, const QString &soPin, const QString &userPin);
    // A key pair on the token (pkcs11-tool --keypairgen): type "rsa:2048" or
    // "EC:prime256v1"; idHex like "a1b2". Returns false on failure (see errorString()).
    bool generateKeyPair(const QString &tokenLabel, const QString &userPin, const QString &keyType,
                         const QString &idHex, const QString &keyLabel);
    // The SubjectPublicKeyInfo (DER) of the key pair idHex, read with pkcs11-tool.
    QByteArray publicKeyDer(const QString &tokenLabel, const QString &userPin, const QString &idHex);
    // Writes a certificate object with pkcs11-tool (independent of the code under test).
    bool writeCertificate(const QString &tokenLabel, const QString &userPin, const QByteArray &der,
                          const QString &idHex, const QString &label);
    // `pkcs11-tool --module MODULE -O` output for the token (logged in);
    // *ok tells whether pkcs11-tool succeeded (e.g. the PIN was accepted).
    QString listObjects(const QString &tokenLabel, const QString &userPin, const QString &module = QString(),
                        bool *ok = nullptr);

    // A certificate for a public key (SPKI DER), issued by the fixture's CA,
    // valid from yesterday until `daysValid` days from now. Subject fields are
    // (field, UTF-8 value) pairs such as ("O", "某某科技有限公司").
    QByteArray issueCertificate(const QByteArray &subjectPublicKeyDer, const QList<QPair<QString, QString>> &subject,
                                int daysValid, long serial = 0);
    // The default subject for renewal tests: Chinese O, CN, and the USCC in OU and serialNumber.
    static QList<QPair<QString, QString>> chineseSubject(const QString &commonName = QStringLiteral("张三"));
    static QString organisation();   // "北京某某科技有限公司"
    static QString uscc();           // a USCC with a correct check character
    // The check character for the first 17 characters of a USCC.
    static QChar usccCheck(const QString &first17);
    QByteArray caCertificateDer() const;

    // Runs a program; returns stdout, stderr appended to errorString on failure.
    QByteArray run(const QString &program, const QStringList &args, bool *ok = nullptr, int timeoutMs = 60000);
    // Writes a file into the temp dir; returns its path.
    QString writeFile(const QString &name, const QByteArray &bytes);
    // Writes a JSON object (e.g. a ca-pkcs11-shim configuration); returns its path.
    QString writeJson(const QString &name, const QJsonObject &object);
    // Groups `pkcs11-tool -O` output into objects: each entry is the header
    // line ("Certificate Object; type = X.509 cert") followed by its lines.
    static QList<QStringList> objectBlocks(const QString &listing);
    // The blocks of one kind ("Certificate Object", "Private Key Object", ...)
    // whose "ID:" line equals idHex (lower case).
    static QList<QStringList> objectsWithId(const QString &listing, const QString &kind, const QString &idHex);

    // The fault-injecting shim (tests/pkcs11-shim): useShim() points
    // CA_SHIM_CONFIG at <dir>/shim.json and plugs the token in;
    // writeShimConfig() replaces the configuration atomically (the shim
    // reloads it at its next call), adding "target" (SoftHSM) and
    // "presence_file"; setTokenPresent() plugs the key in or pulls it out.
    void useShim();
    QString shimConfigPath() const;
    QString presencePath() const;
    bool writeShimConfig(QJsonObject config = QJsonObject());
    bool setTokenPresent(bool present);

private:
    struct Ca;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Ca> m_ca;
    QByteArray m_oldConf;
    bool m_hadConf = false;
    bool m_valid = false;
    QString m_error;
};
