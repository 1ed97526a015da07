#include "PinReset.h"

#include "Context.h"
#include "Outbox.h"
#include "Reply.h"
#include "Sql.h"

#include <QFile>
#include <QFileDevice>
#include <QRegularExpression>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>

namespace ca::sandbox {

namespace {

QByteArray hmacSha256(const QByteArray &key, const QByteArray &data)
{
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    if (!HMAC(EVP_sha256(), key.constData(), int(key.size()),
              reinterpret_cast<const unsigned char *>(data.constData()), size_t(data.size()), out, &len))
        throw HttpError(500, QStringLiteral("internal"), QStringLiteral("The server could not compute a key. Try again later."));
    return QByteArray(reinterpret_cast<const char *>(out), int(len));
}

// Keyed hash of a code, bound to its request: the table alone does not give
// the code away (10^6 codes would be trivial to brute-force from a plain hash).
QString codeHash(const QByteArray &master, const QString &requestId, const QString &code)
{
    return QString::fromLatin1(hmacSha256(master, "pin-reset-code\n" + requestId.toUtf8() + '\n' + code.toUtf8()).toHex());
}

} // namespace

void PinReset::addMigrations(Context &context)
{
    context.addMigration(QStringLiteral("pinreset-001"), {
        QStringLiteral("CREATE TABLE pin_resets (id TEXT PRIMARY KEY, organization_id INTEGER NOT NULL, token_serial TEXT NOT NULL, "
                       "code_hash TEXT NOT NULL, created_at TEXT NOT NULL, expires_at TEXT NOT NULL, "
                       "failures INTEGER NOT NULL DEFAULT 0, state TEXT NOT NULL)"), // open | done | closed
        QStringLiteral("CREATE INDEX pin_resets_serial ON pin_resets (organization_id, token_serial)"),
    });
}

QByteArray PinReset::masterKey(Context &context)
{
    const QString path = context.path(QStringLiteral("master.key"));
    QFile f(path);
    if (!f.exists()) {
        QByteArray key(32, Qt::Uninitialized);
        if (RAND_bytes(reinterpret_cast<unsigned char *>(key.data()), int(key.size())) != 1)
            throw HttpError(500, QStringLiteral("internal"), QStringLiteral("The server could not create its master key. Try again later."));
        // NewOnly: never overwrite a key another process wrote meanwhile.
        if (f.open(QIODevice::WriteOnly | QIODevice::NewOnly, QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
            const bool ok = f.write(key) == key.size() && f.flush();
            f.close();
            if (!ok) {
                QFile::remove(path);
                throw HttpError(500, QStringLiteral("internal"), QStringLiteral("The server could not write its master key. Try again later."));
            }
            qCInfo(lcSandbox) << "created master key" << path;
        }
    }
    QFile in(path);
    if (!in.open(QIODevice::ReadOnly))
        throw HttpError(500, QStringLiteral("internal"), QStringLiteral("The server could not read its master key. Try again later."));
    const QByteArray key = in.readAll();
    if (key.size() != 32) {
        qCWarning(lcSandbox) << path << "holds" << key.size() << "bytes, expected 32";
        throw HttpError(500, QStringLiteral("internal"), QStringLiteral("The server's master key is damaged. Call the platform operator."));
    }
    return key;
}

QString PinReset::normalizeSerial(const QString &tokenSerial)
{
    return tokenSerial.trimmed();
}

bool PinReset::isValidSerial(const QString &tokenSerial)
{
    // CK_TOKEN_INFO.serialNumber is 16 printable ASCII characters, space padded.
    static const QRegularExpression re(QStringLiteral("^[\\x21-\\x7e]{1,32}$"));
    return re.match(normalizeSerial(tokenSerial)).hasMatch();
}

QString PinReset::deriveSoPin(const QByteArray &masterKey, const QString &tokenSerial)
{
    const QByteArray mac = hmacSha256(masterKey, normalizeSerial(tokenSerial).toUtf8());
    return QString::fromLatin1(mac.left(8).toHex());
}

QString PinReset::generateCode()
{
    // Rejection sampling: 4294000000 is the largest multiple of 10^6 below 2^32.
    constexpr quint32 limit = 4294000000u;
    while (true) {
        quint32 v = 0;
        if (RAND_bytes(reinterpret_cast<unsigned char *>(&v), sizeof v) != 1)
            throw HttpError(500, QStringLiteral("internal"), QStringLiteral("The server could not create a code. Try again later."));
        if (v < limit)
            return QStringLiteral("%1").arg(v % 1000000u, 6, 10, QLatin1Char('0'));
    }
}

PinReset::Created PinReset::request(Context &context, qint64 organizationId, const QString &mobile, const QString &tokenSerial)
{
    const QString serial = normalizeSerial(tokenSerial);
    const QByteArray master = masterKey(context);
    const QString code = generateCode();
    Created created;
    created.id = QStringLiteral("PR") + Context::randomHex(12);
    created.expiresAt = context.now().addSecs(kCodeTtlSeconds);
    created.mobileHint = Outbox::maskMobile(mobile);

    QSqlDatabase db = context.db();
    Sql::Transaction tx(db);
    Sql::exec(db, QStringLiteral("UPDATE pin_resets SET state = 'closed' WHERE organization_id = ? AND token_serial = ? AND state = 'open'"),
              {organizationId, serial});
    Sql::exec(db, QStringLiteral("INSERT INTO pin_resets (id, organization_id, token_serial, code_hash, created_at, expires_at, failures, state) "
                                 "VALUES (?, ?, ?, ?, ?, ?, 0, 'open')"),
              {created.id, organizationId, serial, codeHash(master, created.id, code), context.nowIso(),
               Context::isoTime(created.expiresAt)});
    Outbox::send(context, organizationId, mobile,
                 QStringLiteral("【阳光采购服务平台】您正在为USB Key（序列号 %1）重置PIN码，验证码：%2，%3分钟内有效。如非本人操作，请忽略本短信。")
                     .arg(serial, code).arg(kCodeTtlSeconds / 60));
    tx.commit();
    return created;
}

PinReset::Verdict PinReset::verify(Context &context, qint64 organizationId, const QString &requestId, const QString &code,
                                   QString *soPin, int *triesLeft)
{
    QSqlDatabase db = context.db();
    Sql::Transaction tx(db);
    QSqlQuery q = Sql::exec(db, QStringLiteral("SELECT token_serial, code_hash, expires_at, failures, state FROM pin_resets "
                                               "WHERE id = ? AND organization_id = ?"),
                            {requestId, organizationId});
    if (!q.next())
        return Verdict::NotFound;
    const QString serial = q.value(0).toString();
    const QString storedHash = q.value(1).toString();
    const QDateTime expiresAt = QDateTime::fromString(q.value(2).toString(), Qt::ISODate);
    const int failures = q.value(3).toInt();
    const QString state = q.value(4).toString();
    if (state != QLatin1String("open"))
        return Verdict::RequestClosed;
    if (context.now() >= expiresAt)
        return Verdict::CodeExpired;

    const QByteArray master = masterKey(context);
    const QByteArray given = codeHash(master, requestId, code.trimmed()).toLatin1();
    const QByteArray stored = storedHash.toLatin1();
    const bool match = given.size() == stored.size() && CRYPTO_memcmp(given.constData(), stored.constData(), size_t(given.size())) == 0;
    if (!match) {
        const int now = failures + 1;
        const bool closes = now >= kMaxTries;
        Sql::exec(db, QStringLiteral("UPDATE pin_resets SET failures = ?, state = ? WHERE id = ?"),
                  {now, closes ? QStringLiteral("closed") : QStringLiteral("open"), requestId});
        tx.commit();
        if (closes)
            return Verdict::RequestClosed;
        if (triesLeft)
            *triesLeft = kMaxTries - now;
        return Verdict::CodeInvalid;
    }
    Sql::exec(db, QStringLiteral("UPDATE pin_resets SET state = 'done' WHERE id = ?"), {requestId});
    tx.commit();
    if (soPin)
        *soPin = deriveSoPin(master, serial);
    return Verdict::Ok;
}

} // namespace ca::sandbox
