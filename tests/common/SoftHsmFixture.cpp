#include "SoftHsmFixture.h"

#include <openssl/evp.h>
#include <openssl/objects.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QSaveFile>

#include <cstring>

namespace {

template <auto Fn>
struct Free
{
    template <typename T>
    void operator()(T *p) const { Fn(p); }
};
using PkeyPtr = std::unique_ptr<EVP_PKEY, Free<EVP_PKEY_free>>;
using X509Ptr = std::unique_ptr<X509, Free<X509_free>>;

const char kAlphabet[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const int kWeights[17] = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

void addExt(X509 *cert, X509 *issuer, int nid, const char *value)
{
    X509V3_CTX ctx;
    X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
    X509_EXTENSION *ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value);
    if (ext) {
        X509_add_ext(cert, ext, -1);
        X509_EXTENSION_free(ext);
    }
}

void addName(X509_NAME *name, const QString &field, const QString &value)
{
    const QByteArray f = field.toUtf8();
    const QByteArray v = value.toUtf8();
    X509_NAME_add_entry_by_txt(name, f.constData(), MBSTRING_UTF8,
                               reinterpret_cast<const unsigned char *>(v.constData()), int(v.size()), -1, 0);
}

QByteArray der(X509 *cert)
{
    unsigned char *buf = nullptr;
    const int len = i2d_X509(cert, &buf);
    QByteArray out(reinterpret_cast<const char *>(buf), len > 0 ? len : 0);
    OPENSSL_free(buf);
    return out;
}

} // namespace

struct SoftHsmFixture::Ca
{
    PkeyPtr key;
    X509Ptr cert;
};

SoftHsmFixture::SoftHsmFixture()
    : m_dir(std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/ca-softhsm-XXXXXX")))
{
    if (!m_dir->isValid()) {
        m_error = QStringLiteral("cannot create a temporary directory");
        return;
    }
    QDir(m_dir->path()).mkpath(QStringLiteral("tokens"));
    const QByteArray conf = "directories.tokendir = " + tokenDir().toUtf8() + "\n"
                            "objectstore.backend = file\n"
                            "log.level = ERROR\n"
                            "slots.removable = false\n"
                            "slots.mechanisms = ALL\n"
                            "library.reset_on_fork = false\n";
    writeFile(QStringLiteral("softhsm2.conf"), conf);
    m_hadConf = qEnvironmentVariableIsSet("SOFTHSM2_CONF");
    m_oldConf = qgetenv("SOFTHSM2_CONF");
    qputenv("SOFTHSM2_CONF", confPath().toLocal8Bit());

    // the throw-away CA
    m_ca = std::make_unique<Ca>();
    m_ca->key.reset(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
    m_ca->cert.reset(X509_new());
    X509 *c = m_ca->cert.get();
    X509_set_version(c, X509_VERSION_3);
    ASN1_INTEGER_set(X509_get_serialNumber(c), 1);
    X509_gmtime_adj(X509_getm_notBefore(c), -86400L * 2);
    X509_gmtime_adj(X509_getm_notAfter(c), 86400L * 3650);
    X509_NAME *name = X509_get_subject_name(c);
    addName(name, QStringLiteral("C"), QStringLiteral("CN"));
    addName(name, QStringLiteral("O"), QStringLiteral("测试证书中心"));
    addName(name, QStringLiteral("CN"), QStringLiteral("ca-client Test CA"));
    X509_set_issuer_name(c, name);
    X509_set_pubkey(c, m_ca->key.get());
    addExt(c, c, NID_basic_constraints, "critical,CA:TRUE");
    addExt(c, c, NID_key_usage, "critical,keyCertSign,cRLSign");
    addExt(c, c, NID_subject_key_identifier, "hash");
    if (!m_ca->key || X509_sign(c, m_ca->key.get(), EVP_sha256()) <= 0) {
        m_error = QStringLiteral("cannot make the test CA");
        return;
    }
    m_valid = true;
}

SoftHsmFixture::~SoftHsmFixture()
{
    if (m_hadConf)
        qputenv("SOFTHSM2_CONF", m_oldConf);
    else
        qunsetenv("SOFTHSM2_CONF");
}

QString SoftHsmFixture::softHsmModule()
{
    return QStringLiteral(CA_SOFTHSM_MODULE);
}

QString SoftHsmFixture::dir() const
{
    return m_dir->path();
}

QString SoftHsmFixture::confPath() const
{
    return m_dir->filePath(QStringLiteral("softhsm2.conf"));
}

QString SoftHsmFixture::tokenDir() const
{
    return m_dir->filePath(QStringLiteral("tokens"));
}

QString SoftHsmFixture::writeFile(const QString &name, const QByteArray &bytes)
{
    const QString path = QFileInfo(name).isAbsolute() ? name : m_dir->filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        m_error = QStringLiteral("cannot write %1").arg(path);
        return QString();
    }
    f.write(bytes);
    return path;
}

QByteArray SoftHsmFixture::run(const QString &program, const QStringList &args, bool *ok, int timeoutMs)
{
    QProcess p;
    p.start(program, args);
    const bool finished = p.waitForStarted(timeoutMs) && p.waitForFinished(timeoutMs);
    const bool good = finished && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    const QByteArray out = p.readAllStandardOutput();
    if (!good) {
        m_error = QStringLiteral("%1 %2 failed (exit %3): %4%5")
                      .arg(program, args.join(QLatin1Char(' ')))
                      .arg(p.exitCode())
                      .arg(QString::fromLocal8Bit(p.readAllStandardError()), QString::fromLocal8Bit(out));
    }
    if (ok)
        *ok = good;
    return out;
}

QString SoftHsmFixture::initToken(const QString &label, const QString &soPin, const QString &userPin)
{
    bool ok = false;
    run(QStringLiteral("softhsm2-util"),
        {QStringLiteral("--init-token"), QStringLiteral("--free"), QStringLiteral("--label"), label,
         QStringLiteral("--so-pin"), soPin, QStringLiteral("--pin"), userPin},
        &ok);
    if (!ok)
        return QString();
    const QString slotText = QString::fromUtf8(run(QStringLiteral("softhsm2-util"), {QStringLiteral("--show-slots")}, &ok));
    // "Serial number:    7aa3…" comes a few lines before "Label:            <label>"
    QString serial;
    const QStringList lines = slotText.split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        const QString t = line.trimmed();
        if (t.startsWith(QLatin1String("Serial number:")))
            serial = t.mid(14).trimmed();
        else if (t.startsWith(QLatin1String("Label:")) && t.mid(6).trimmed() == label)
            return serial;
    }
    m_error = QStringLiteral("token %1 not found after initialising it").arg(label);
    return QString();
}

bool SoftHsmFixture::generateKeyPair(const QString &tokenLabel, const QString &userPin, const QString &keyType,
                                     const QString &idHex, const QString &keyLabel)
{
    bool ok = false;
    run(QStringLiteral("pkcs11-tool"),
        {QStringLiteral("--module"), softHsmModule(), QStringLiteral("--token-label"), tokenLabel,
         QStringLiteral("--login"), QStringLiteral("--pin"), userPin, QStringLiteral("--keypairgen"),
         QStringLiteral("--key-type"), keyType, QStringLiteral("--id"), idHex, QStringLiteral("--label"), keyLabel},
        &ok);
    return ok;
}

QByteArray SoftHsmFixture::publicKeyDer(const QString &tokenLabel, const QString &userPin, const QString &idHex)
{
    const QString out = m_dir->filePath(QStringLiteral("pub-%1.der").arg(idHex));
    bool ok = false;
    run(QStringLiteral("pkcs11-tool"),
        {QStringLiteral("--module"), softHsmModule(), QStringLiteral("--token-label"), tokenLabel,
         QStringLiteral("--login"), QStringLiteral("--pin"), userPin, QStringLiteral("--read-object"),
         QStringLiteral("--type"), QStringLiteral("pubkey"), QStringLiteral("--id"), idHex,
         QStringLiteral("--output-file"), out},
        &ok);
    if (!ok)
        return {};
    QFile f(out);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool SoftHsmFixture::writeCertificate(const QString &tokenLabel, const QString &userPin, const QByteArray &certDer,
                                      const QString &idHex, const QString &label)
{
    const QString path = writeFile(QStringLiteral("cert-%1.der").arg(idHex), certDer);
    bool ok = false;
    run(QStringLiteral("pkcs11-tool"),
        {QStringLiteral("--module"), softHsmModule(), QStringLiteral("--token-label"), tokenLabel,
         QStringLiteral("--login"), QStringLiteral("--pin"), userPin, QStringLiteral("--write-object"), path,
         QStringLiteral("--type"), QStringLiteral("cert"), QStringLiteral("--id"), idHex,
         QStringLiteral("--label"), label},
        &ok);
    return ok;
}

QString SoftHsmFixture::listObjects(const QString &tokenLabel, const QString &userPin, const QString &module,
                                   bool *okOut)
{
    bool ok = false;
    const QByteArray out = run(QStringLiteral("pkcs11-tool"),
                               {QStringLiteral("--module"), module.isEmpty() ? softHsmModule() : module,
                                QStringLiteral("--token-label"), tokenLabel, QStringLiteral("--login"),
                                QStringLiteral("--pin"), userPin, QStringLiteral("-O")},
                               &ok);
    if (okOut)
        *okOut = ok;
    return ok ? QString::fromUtf8(out) : QString();
}

QByteArray SoftHsmFixture::issueCertificate(const QByteArray &spkiDer, const QList<QPair<QString, QString>> &subject,
                                            int daysValid, long serial)
{
    const auto *p = reinterpret_cast<const unsigned char *>(spkiDer.constData());
    PkeyPtr pub(d2i_PUBKEY(nullptr, &p, spkiDer.size()));
    if (!pub) {
        m_error = QStringLiteral("the public key (%1 bytes) is not a SubjectPublicKeyInfo").arg(spkiDer.size());
        return {};
    }
    static long nextSerial = 1000;
    X509Ptr cert(X509_new());
    X509 *c = cert.get();
    X509_set_version(c, X509_VERSION_3);
    ASN1_INTEGER_set(X509_get_serialNumber(c), serial ? serial : ++nextSerial);
    X509_gmtime_adj(X509_getm_notBefore(c), -86400L);
    X509_time_adj_ex(X509_getm_notAfter(c), daysValid, 0, nullptr);
    X509_NAME *name = X509_get_subject_name(c);
    for (const auto &[field, value] : subject)
        addName(name, field, value);
    X509_set_issuer_name(c, X509_get_subject_name(m_ca->cert.get()));
    X509_set_pubkey(c, pub.get());
    addExt(c, m_ca->cert.get(), NID_basic_constraints, "critical,CA:FALSE");
    addExt(c, m_ca->cert.get(), NID_key_usage, "critical,digitalSignature,nonRepudiation");
    addExt(c, m_ca->cert.get(), NID_authority_key_identifier, "keyid");
    if (X509_sign(c, m_ca->key.get(), EVP_sha256()) <= 0) {
        m_error = QStringLiteral("X509_sign failed");
        return {};
    }
    return der(c);
}

QChar SoftHsmFixture::usccCheck(const QString &first17)
{
    int sum = 0;
    for (int i = 0; i < 17; ++i)
        sum += int(std::strchr(kAlphabet, first17.at(i).toLatin1()) - kAlphabet) * kWeights[i];
    return QLatin1Char(kAlphabet[(31 - sum % 31) % 31]);
}

QString SoftHsmFixture::uscc()
{
    const QString first = QStringLiteral("91110108MA01ABCD2");
    return first + usccCheck(first);
}

QString SoftHsmFixture::organisation()
{
    return QStringLiteral("北京某某科技有限公司");
}

QList<QPair<QString, QString>> SoftHsmFixture::chineseSubject(const QString &commonName)
{
    return {{QStringLiteral("C"), QStringLiteral("CN")},
            {QStringLiteral("O"), organisation()},
            {QStringLiteral("OU"), uscc()},
            {QStringLiteral("serialNumber"), uscc()},
            {QStringLiteral("CN"), commonName}};
}

QByteArray SoftHsmFixture::caCertificateDer() const
{
    return der(m_ca->cert.get());
}

QString SoftHsmFixture::writeJson(const QString &name, const QJsonObject &object)
{
    return writeFile(name, QJsonDocument(object).toJson());
}

QList<QStringList> SoftHsmFixture::objectBlocks(const QString &listing)
{
    QList<QStringList> out;
    const QStringList lines = listing.split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        if (line.isEmpty())
            continue;
        if (!line.startsWith(QLatin1Char(' ')) && !line.startsWith(QLatin1Char('\t')))
            out.append(QStringList{line.trimmed()});
        else if (!out.isEmpty())
            out.last().append(line.trimmed());
    }
    return out;
}

QList<QStringList> SoftHsmFixture::objectsWithId(const QString &listing, const QString &kind, const QString &idHex)
{
    QList<QStringList> out;
    for (const QStringList &b : objectBlocks(listing)) {
        if (!b.first().startsWith(kind))
            continue;
        for (const QString &l : b) {
            if (l.startsWith(QLatin1String("ID:")) && l.mid(3).trimmed().toLower() == idHex.toLower()) {
                out.append(b);
                break;
            }
        }
    }
    return out;
}

QString SoftHsmFixture::shimConfigPath() const
{
    return m_dir->filePath(QStringLiteral("shim.json"));
}

QString SoftHsmFixture::presencePath() const
{
    return m_dir->filePath(QStringLiteral("present"));
}

void SoftHsmFixture::useShim()
{
    qputenv("CA_SHIM_CONFIG", shimConfigPath().toLocal8Bit());
    setTokenPresent(true);
    writeShimConfig();
}

bool SoftHsmFixture::writeShimConfig(QJsonObject config)
{
    config.insert(QStringLiteral("target"), softHsmModule());
    if (!config.contains(QStringLiteral("presence_file")))
        config.insert(QStringLiteral("presence_file"), presencePath());
    QSaveFile f(shimConfigPath());
    if (!f.open(QIODevice::WriteOnly))
        return false;
    f.write(QJsonDocument(config).toJson());
    return f.commit();
}

bool SoftHsmFixture::setTokenPresent(bool present)
{
    if (!present)
        return QFile::remove(presencePath()) || !QFile::exists(presencePath());
    QFile f(presencePath());
    return f.open(QIODevice::WriteOnly);
}
