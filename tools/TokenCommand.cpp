// ca-tool token: the command-line twin of the token panel.
//
//   ca-tool token list | show | keygen --type rsa2048|ec256 [--label TEXT]
//                 | csr --subject "/CN=…/O=…" [--key-id HEX] [--ext NAME=VALUE]... -o FILE
//                 | install-cert FILE [--label TEXT] | pin-change | pin-reset
//                 | renew --application ID [--new-key]            (platform + key)
//                 | pin-reset --server URL [--code-file FILE]      (platform-authorised)
//   common options (before or after the arguments): --module PATH,
//   --token LABEL|SERIAL, --pin-file FILE, --new-pin-file FILE,
//   --so-pin-file FILE, --json; with the platform also --server URL,
//   --ca-bundle FILE, --user NAME, --password-file FILE (as ca-tool application)
//
// PINs come from the first line of a file or from the terminal with echo off;
// never from argv or the environment, and they are never printed or logged.
#include "tools/Commands.h"
#include "tools/PlatformLogin.h"
#include "tools/Terminal.h"

#include "core/platform/PlatformClient.h"
#include "keyops/RenewalJob.h"
#include "pkcs11/TokenService.h"

#include "pkcs11/CsrBuilder.h"
#include "pkcs11/Module.h"
#include "pkcs11/ModuleDiscovery.h"
#include "pkcs11/SecureBuffer.h"
#include "pkcs11/TokenManager.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMetaEnum>
#include <QSaveFile>
#include <QTextStream>

#include <cstdio>
#include <optional>

namespace ca::tool {

namespace {

using namespace ca::p11;

class TokenCli
{
    Q_DECLARE_TR_FUNCTIONS(TokenCli)

public:
    explicit TokenCli(Io io) : m_io(io) {}
    int run(const QStringList &args);

private:
    struct Options
    {
        QString command;
        QStringList positional;
        QString module;
        QString token;
        QString pinFile;
        QString newPinFile;
        QString soPinFile;
        QString type;
        QString subject;
        QString keyId;
        QString output;
        QString label;
        QList<QPair<QString, QString>> extensions;
        QString application;
        QString codeFile;
        bool newKey = false;
        PlatformLogin platform;
        bool json = false;
        bool help = false;
    };

    int usage(const QString &problem);
    std::optional<Options> parse(const QStringList &args, QString *problem);
    int fail(const Error &e);
    int failUsage(const QString &sentence);
    void emitJson(const QJsonObject &o);

    bool openModule();
    TokenRef ref() const { return m_opt.token.isEmpty() ? TokenRef{} : TokenRef::fromLabelOrSerial(m_opt.token); }
    // Reads the token first (PIN state), warns, then asks. nullopt: error already reported.
    std::optional<SecureBuffer> userPin(const TokenInfo &t, const QString &file, const QString &prompt, bool so = false);
    // evenOnPinPad: ask on the computer although the key has a PIN pad (PIN reset with the platform's SO PIN).
    std::optional<SecureBuffer> newPin(const TokenInfo &t, bool evenOnPinPad = false);
    std::optional<SecureBuffer> readPinFile(const QString &path);
    std::optional<SecureBuffer> readTerminal(const QString &prompt);

    int list();
    int show();
    int keygen();
    int csr();
    int installCert();
    int setPin(bool reset);  // pin-change, or pin-reset with the SO PIN
    int renew();             // renewal/change written to the key (keyops::RenewalJob)
    int serverPinReset();    // pin-reset authorised by the platform (code -> SO PIN -> C_InitPIN)
    int reportOutcome(const keyops::RenewalJob::Outcome &outcome);

    static QJsonObject tokenJson(const TokenInfo &t);
    static QJsonObject keyJson(const PrivateKeyInfo &k);
    static QJsonObject certJson(const CertificateInfo &c);

    Io m_io;
    Options m_opt;
    std::unique_ptr<TokenManager> m_tm;
    int m_pinExit = ExitRefused;
};

const char *const kTokenUsage =
    "Usage: ca-tool token <command> [options]\n"
    "\n"
    "Commands:\n"
    "  list                          list the USB keys (PKCS#11 tokens) present\n"
    "  show                          token details, certificates and keys\n"
    "  keygen --type rsa2048|ec256   generate a key pair on the token [--label TEXT]\n"
    "  csr --subject \"/CN=…/O=…\" -o FILE\n"
    "                                write a certificate request signed on the token\n"
    "                                [--key-id HEX] [--ext NAME=VALUE]...\n"
    "  install-cert FILE             write a certificate next to its key [--label TEXT]\n"
    "  pin-change                    change the user PIN [--new-pin-file FILE]\n"
    "  pin-reset                     set a new user PIN with the SO PIN\n"
    "                                [--so-pin-file FILE] [--new-pin-file FILE]\n"
    "  pin-reset --server URL        the same, authorised by the platform: a code goes to the\n"
    "                                registered mobile [--code-file FILE] [--new-pin-file FILE]\n"
    "  renew --application ID        write the renewed (or changed) certificate of an approved,\n"
    "                                paid application to the key; a change (信息变更) may\n"
    "                                make a new key pair with --new-key (the old one is kept)\n"
    "\n"
    "Options (before or after the arguments):\n"
    "  --module PATH        the PKCS#11 library (default: discovery)\n"
    "  --token LABEL|SERIAL the token to use (default: the only one present)\n"
    "  --pin-file FILE      the user PIN is the first line of FILE (default: asked)\n"
    "  --json               machine-readable output\n"
    "  --lang zh_CN|en      language of the messages\n"
    "With the platform (renew, pin-reset --server):\n"
    "  --server URL --ca-bundle FILE --user NAME --password-file FILE   as for ca-tool application\n"
    "  --code-file FILE     the verification code is the first line of FILE (default: asked)\n"
    "\n"
    "PINs, passwords and codes are never taken from the command line or the environment.\n"
    "Exit codes: 0 done, 1 refused by the token, the platform or invalid input, 2 wrong usage,\n"
    "3 network or TLS failure; pin-reset --server: 4 wrong code, 5 code expired, 6 request closed.\n";

int TokenCli::usage(const QString &problem)
{
    if (!problem.isEmpty())
        m_io.err << "ca-tool token: " << problem << "\n\n";
    (problem.isEmpty() ? m_io.out : m_io.err) << kTokenUsage;
    return problem.isEmpty() ? ExitOk : ExitUsage;
}

std::optional<TokenCli::Options> TokenCli::parse(const QStringList &args, QString *problem)
{
    Options o;
    static const QStringList valued = {
        QStringLiteral("--module"), QStringLiteral("--token"), QStringLiteral("--pin-file"),
        QStringLiteral("--new-pin-file"), QStringLiteral("--so-pin-file"), QStringLiteral("--type"),
        QStringLiteral("--subject"), QStringLiteral("--key-id"), QStringLiteral("-o"), QStringLiteral("--output"),
        QStringLiteral("--label"), QStringLiteral("--ext"), QStringLiteral("--application"), QStringLiteral("--code-file"),
    };
    for (int i = 0; i < args.size(); ++i) {
        QString a = args.at(i);
        QString value;
        bool hasInlineValue = false;
        if (a.startsWith(QLatin1String("--")) && a.contains(QLatin1Char('='))) {
            const int eq = a.indexOf(QLatin1Char('='));
            value = a.mid(eq + 1);
            a = a.left(eq);
            hasInlineValue = true;
        }
        if (a == QLatin1String("--password") || a == QLatin1String("--code")) {
            *problem = tr("Passwords and verification codes are not accepted on the command line. Use --password-file or --code-file, or let ca-tool ask for them.");
            return std::nullopt;
        }
        if (a == QLatin1String("--new-key")) {
            o.newKey = true;
            continue;
        }
        if (a == QLatin1String("--pin") || a == QLatin1String("--so-pin") || a == QLatin1String("--new-pin")) {
            *problem = tr("PINs are not accepted on the command line. Put the PIN in a file and use --pin-file, --so-pin-file or --new-pin-file, or let ca-tool ask for it.");
            return std::nullopt;
        }
        if (a == QLatin1String("--json")) {
            o.json = true;
            continue;
        }
        if (a == QLatin1String("--help") || a == QLatin1String("-h")) {
            o.help = true;
            continue;
        }
        if (valued.contains(a) || PlatformLogin::isOption(a)) {
            if (!hasInlineValue) {
                if (i + 1 >= args.size()) {
                    *problem = tr("The option %1 needs a value.").arg(a);
                    return std::nullopt;
                }
                value = args.at(++i);
            }
            if (o.platform.takeOption(a, value))
                continue;
            if (a == QLatin1String("--application"))
                o.application = value;
            else if (a == QLatin1String("--code-file"))
                o.codeFile = value;
            else if (a == QLatin1String("--module"))
                o.module = value;
            else if (a == QLatin1String("--token"))
                o.token = value;
            else if (a == QLatin1String("--pin-file"))
                o.pinFile = value;
            else if (a == QLatin1String("--new-pin-file"))
                o.newPinFile = value;
            else if (a == QLatin1String("--so-pin-file"))
                o.soPinFile = value;
            else if (a == QLatin1String("--type"))
                o.type = value;
            else if (a == QLatin1String("--subject"))
                o.subject = value;
            else if (a == QLatin1String("--key-id"))
                o.keyId = value;
            else if (a == QLatin1String("-o") || a == QLatin1String("--output"))
                o.output = value;
            else if (a == QLatin1String("--label"))
                o.label = value;
            else if (a == QLatin1String("--ext")) {
                const int eq = value.indexOf(QLatin1Char('='));
                if (eq <= 0) {
                    *problem = tr("An extension must be given as NAME=VALUE, for example --ext keyUsage=critical,digitalSignature.");
                    return std::nullopt;
                }
                o.extensions.append({value.left(eq), value.mid(eq + 1)});
            }
            continue;
        }
        if (a.startsWith(QLatin1Char('-')) && a.size() > 1) {
            *problem = tr("The option %1 is not known. Run 'ca-tool token --help' for the list of options.").arg(a);
            return std::nullopt;
        }
        if (o.command.isEmpty())
            o.command = a;
        else
            o.positional.append(a);
    }
    return o;
}

void TokenCli::emitJson(const QJsonObject &o)
{
    m_io.out << QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Indented));
    m_io.out.flush();
}

int TokenCli::fail(const Error &e)
{
    m_io.err << "ca-tool token: " << e.userMessage() << '\n';
    m_io.err << "  (" << e.logText() << ")\n";
    if (m_opt.json) {
        QJsonObject err{{QStringLiteral("kind"), int(e.kind())},
                        {QStringLiteral("message"), e.userMessage()},
                        {QStringLiteral("function"), e.function()},
                        {QStringLiteral("ckr"), e.ckrName()},
                        {QStringLiteral("detail"), e.detail()}};
        emitJson({{QStringLiteral("ok"), false}, {QStringLiteral("error"), err}});
    }
    m_io.err.flush();
    return ExitRefused;
}

int TokenCli::failUsage(const QString &sentence)
{
    m_io.err << "ca-tool token: " << sentence << '\n';
    m_io.err.flush();
    return ExitUsage;
}

bool TokenCli::openModule()
{
    auto m = m_opt.module.isEmpty() ? ModuleDiscovery::discover(QString()) : Module::load(m_opt.module);
    if (!m) {
        fail(m.error());
        return false;
    }
    m_tm = std::make_unique<TokenManager>(std::move(m).value());
    return true;
}

std::optional<SecureBuffer> TokenCli::readPinFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        m_pinExit = failUsage(tr("The PIN file %1 cannot be read. Check the path and its permissions.").arg(path));
        return std::nullopt;
    }
    QByteArray line = f.readLine();
    f.close();
    while (line.endsWith('\n') || line.endsWith('\r'))
        line.chop(1);
    return SecureBuffer::takeBytes(line);
}

std::optional<SecureBuffer> TokenCli::readTerminal(const QString &prompt)
{
    std::optional<SecureBuffer> pin = readTerminalLine(prompt + QStringLiteral(": "));
    if (!pin)
        m_pinExit = failUsage(tr("No terminal is available to ask for the PIN. Put the PIN in a file and give it with --pin-file (or --so-pin-file, --new-pin-file)."));
    return pin;
}

std::optional<SecureBuffer> TokenCli::userPin(const TokenInfo &t, const QString &file, const QString &prompt, bool so)
{
    const PinState state = so ? t.soPinState : t.pinState;
    const QString warning = so ? PinStates::soWarning(state) : PinStates::warning(state);
    if (!warning.isEmpty())
        m_io.err << warning << '\n';
    m_io.err.flush();
    if (so && (state == PinState::Locked || state == PinState::FinalTry)) {
        m_pinExit = fail(Error::make(ErrorKind::SoPinLocked, QStringLiteral("SO PIN state %1 (token flags)").arg(PinStates::code(state))));
        return std::nullopt;
    }
    if (state == PinState::Locked) {
        m_pinExit = fail(Error::make(ErrorKind::PinLocked, QStringLiteral("token flags say locked")));
        return std::nullopt;
    }
    if (t.protectedAuthPath) {
        m_io.err << tr("Enter the PIN on the reader's PIN pad.") << '\n';
        m_io.err.flush();
        return SecureBuffer();
    }
    if (!file.isEmpty())
        return readPinFile(file);
    return readTerminal(prompt);
}

std::optional<SecureBuffer> TokenCli::newPin(const TokenInfo &t, bool evenOnPinPad)
{
    if (t.protectedAuthPath && !evenOnPinPad)
        return SecureBuffer();
    if (!m_opt.newPinFile.isEmpty())
        return readPinFile(m_opt.newPinFile);
    auto first = readTerminal(tr("New PIN (%1 to %2 characters)").arg(t.minPinLength).arg(t.maxPinLength));
    if (!first)
        return std::nullopt;
    auto second = readTerminal(tr("New PIN again"));
    if (!second)
        return std::nullopt;
    if (!first->equals(*second)) {
        m_pinExit = fail(Error::make(ErrorKind::PinMismatch));
        return std::nullopt;
    }
    return std::move(*first);
}

QJsonObject TokenCli::tokenJson(const TokenInfo &t)
{
    return {
        {QStringLiteral("label"), t.label},
        {QStringLiteral("serial"), t.serial},
        {QStringLiteral("manufacturer"), t.manufacturer},
        {QStringLiteral("model"), t.model},
        {QStringLiteral("pin_state"), PinStates::code(t.pinState)},
        {QStringLiteral("so_pin_state"), PinStates::code(t.soPinState)},
        {QStringLiteral("min_pin_length"), qint64(t.minPinLength)},
        {QStringLiteral("max_pin_length"), qint64(t.maxPinLength)},
        {QStringLiteral("protected_auth_path"), t.protectedAuthPath},
        {QStringLiteral("login_required"), t.loginRequired},
        {QStringLiteral("write_protected"), t.writeProtected},
    };
}

QJsonObject TokenCli::keyJson(const PrivateKeyInfo &k)
{
    return {
        {QStringLiteral("id"), QString::fromLatin1(k.id.toHex())},
        {QStringLiteral("label"), k.label},
        {QStringLiteral("type"), keyTypeCode(k.type)},
        {QStringLiteral("bits"), k.bits},
        {QStringLiteral("curve"), k.curve},
        {QStringLiteral("has_certificate"), k.hasCertificate},
    };
}

QJsonObject TokenCli::certJson(const CertificateInfo &c)
{
    return {
        {QStringLiteral("id"), QString::fromLatin1(c.id.toHex())},
        {QStringLiteral("label"), c.label},
        {QStringLiteral("subject"), c.subject},
        {QStringLiteral("common_name"), c.commonName},
        {QStringLiteral("organization"), c.organization},
        {QStringLiteral("uscc"), c.uscc},
        {QStringLiteral("issuer"), c.issuer},
        {QStringLiteral("serial"), c.serialHex},
        {QStringLiteral("not_before"), c.notBefore.toString(Qt::ISODate)},
        {QStringLiteral("not_after"), c.notAfter.toString(Qt::ISODate)},
        {QStringLiteral("days_left"), c.daysLeft},
        {QStringLiteral("key_usage"), QJsonArray::fromStringList(c.keyUsageNames)},
        {QStringLiteral("key_type"), keyTypeCode(c.keyType)},
        {QStringLiteral("key_bits"), c.keyBits},
        {QStringLiteral("has_private_key"), c.hasPrivateKey},
    };
}

int TokenCli::list()
{
    auto tokens = m_tm->listTokens();
    if (!tokens)
        return fail(tokens.error());
    if (m_opt.json) {
        QJsonArray arr;
        for (const TokenInfo &t : tokens.value())
            arr.append(tokenJson(t));
        emitJson({{QStringLiteral("module"), m_tm->module().path()}, {QStringLiteral("tokens"), arr}});
        return ExitOk;
    }
    m_io.out << tr("Module: %1").arg(m_tm->module().path()) << '\n';
    if (tokens->isEmpty())
        m_io.out << tr("No USB key is present.") << '\n';
    for (const TokenInfo &t : tokens.value()) {
        m_io.out << t.label << "  " << tr("serial %1").arg(t.serial) << "  " << t.manufacturer << " " << t.model
                 << "  " << tr("PIN state: %1").arg(PinStates::code(t.pinState)) << '\n';
    }
    return ExitOk;
}

int TokenCli::show()
{
    auto token = m_tm->findToken(ref());
    if (!token)
        return fail(token.error());
    std::optional<SecureBuffer> pin;
    if (!m_opt.pinFile.isEmpty()) {
        pin = userPin(token.value(), m_opt.pinFile, tr("PIN"));
        if (!pin)
            return m_pinExit;
    }
    auto c = m_tm->readContents(TokenRef{token->serial, token->label, {}}, pin ? &*pin : nullptr);
    if (!c)
        return fail(c.error());
    if (m_opt.json) {
        QJsonArray certs, keys;
        for (const CertificateInfo &ci : c->certificates)
            certs.append(certJson(ci));
        for (const PrivateKeyInfo &k : c->keys)
            keys.append(keyJson(k));
        emitJson({{QStringLiteral("token"), tokenJson(c->token)},
                  {QStringLiteral("logged_in"), c->loggedIn},
                  {QStringLiteral("certificates"), certs},
                  {QStringLiteral("keys"), keys}});
        return ExitOk;
    }
    const TokenInfo &t = c->token;
    m_io.out << tr("Token: %1 (serial %2)").arg(t.label, t.serial) << '\n'
             << tr("Maker: %1 %2").arg(t.manufacturer, t.model) << '\n'
             << tr("PIN state: %1; PIN length %2 to %3").arg(PinStates::code(t.pinState)).arg(t.minPinLength).arg(t.maxPinLength) << '\n';
    const QString warning = PinStates::warning(t.pinState);
    if (!warning.isEmpty())
        m_io.out << warning << '\n';
    for (const CertificateInfo &ci : c->certificates) {
        m_io.out << '\n' << tr("Certificate %1 (key ID %2)").arg(ci.label, QString::fromLatin1(ci.id.toHex())) << '\n'
                 << "  " << tr("Subject: %1").arg(ci.subject) << '\n'
                 << "  " << tr("Issuer: %1").arg(ci.issuer) << '\n'
                 << "  " << tr("Serial: %1").arg(ci.serialHex) << '\n'
                 << "  " << tr("Valid until %1 (%2 days left)").arg(ci.notAfter.toString(Qt::ISODate)).arg(ci.daysLeft) << '\n';
        if (!ci.uscc.isEmpty())
            m_io.out << "  " << tr("Unified social credit code: %1").arg(ci.uscc) << '\n';
    }
    for (const PrivateKeyInfo &k : c->keys) {
        m_io.out << '\n' << tr("Key %1 (ID %2): %3, %4 bits").arg(k.label, QString::fromLatin1(k.id.toHex()), keyTypeCode(k.type)).arg(k.bits) << '\n';
    }
    return ExitOk;
}

int TokenCli::keygen()
{
    KeySpec spec;
    if (m_opt.type == QLatin1String("rsa2048"))
        spec = KeySpec::Rsa2048;
    else if (m_opt.type == QLatin1String("ec256"))
        spec = KeySpec::EcP256;
    else
        return failUsage(tr("Choose the key type with --type rsa2048 or --type ec256."));
    auto token = m_tm->findToken(ref());
    if (!token)
        return fail(token.error());
    auto pin = userPin(token.value(), m_opt.pinFile, tr("PIN"));
    if (!pin)
        return m_pinExit;
    auto key = m_tm->generateKeyPair(TokenRef{token->serial, token->label, {}}, *pin, spec, m_opt.label);
    if (!key)
        return fail(key.error());
    if (m_opt.json)
        emitJson({{QStringLiteral("key"), keyJson(key.value())}});
    else
        m_io.out << tr("Generated a %1 key pair with ID %2.").arg(keyTypeCode(key->type), QString::fromLatin1(key->id.toHex())) << '\n';
    return ExitOk;
}

int TokenCli::csr()
{
    if (m_opt.subject.isEmpty())
        return failUsage(tr("Give the subject of the request with --subject \"/CN=name/O=organisation\"."));
    if (m_opt.output.isEmpty())
        return failUsage(tr("Give the file for the request with -o FILE."));
    CsrRequest req;
    req.subject = m_opt.subject;
    req.extensions = m_opt.extensions;
    if (!m_opt.keyId.isEmpty()) {
        req.keyId = QByteArray::fromHex(m_opt.keyId.toLatin1());
        if (req.keyId.isEmpty())
            return failUsage(tr("The key ID must be hexadecimal, for example --key-id 0a1b2c."));
    }
    if (auto parsed = CsrBuilder::parseSubject(req.subject); !parsed)
        return failUsage(tr("The subject must look like \"/CN=name/O=organisation\"."));
    auto token = m_tm->findToken(ref());
    if (!token)
        return fail(token.error());
    auto pin = userPin(token.value(), m_opt.pinFile, tr("PIN"));
    if (!pin)
        return m_pinExit;
    auto der = m_tm->createCsr(TokenRef{token->serial, token->label, {}}, *pin, req);
    if (!der)
        return fail(der.error());
    QSaveFile f(m_opt.output);
    if (!f.open(QIODevice::WriteOnly) || f.write(CsrBuilder::derToPem(der.value())) < 0 || !f.commit())
        return fail(Error::make(ErrorKind::Generic, QStringLiteral("cannot write %1").arg(m_opt.output)));
    if (m_opt.json)
        emitJson({{QStringLiteral("file"), m_opt.output}, {QStringLiteral("subject"), m_opt.subject}});
    else
        m_io.out << tr("The certificate request was written to %1.").arg(m_opt.output) << '\n';
    return ExitOk;
}

int TokenCli::installCert()
{
    if (m_opt.positional.size() != 1)
        return failUsage(tr("Give exactly one certificate file: ca-tool token install-cert FILE."));
    QFile f(m_opt.positional.first());
    if (!f.open(QIODevice::ReadOnly))
        return failUsage(tr("The certificate file %1 cannot be read. Check the path.").arg(f.fileName()));
    const QByteArray cert = f.readAll();
    auto token = m_tm->findToken(ref());
    if (!token)
        return fail(token.error());
    auto pin = userPin(token.value(), m_opt.pinFile, tr("PIN"));
    if (!pin)
        return m_pinExit;
    auto installed = m_tm->installCertificate(TokenRef{token->serial, token->label, {}}, *pin, cert, m_opt.label);
    if (!installed)
        return fail(installed.error());
    if (m_opt.json)
        emitJson({{QStringLiteral("certificate"), certJson(installed.value())}});
    else
        m_io.out << tr("The certificate %1 was written to the USB key next to key %2.")
                        .arg(installed->serialHex, QString::fromLatin1(installed->id.toHex()))
                 << '\n';
    return ExitOk;
}

int TokenCli::setPin(bool reset)
{
    auto token = m_tm->findToken(ref());
    if (!token)
        return fail(token.error());
    auto current = reset ? userPin(token.value(), m_opt.soPinFile, tr("SO PIN (administrator PIN)"), true)
                         : userPin(token.value(), m_opt.pinFile, tr("Current PIN"));
    if (!current)
        return m_pinExit;
    auto fresh = newPin(token.value());
    if (!fresh)
        return m_pinExit;
    const TokenRef chosen{token->serial, token->label, {}};
    Status s = reset ? m_tm->resetPin(chosen, *current, *fresh) : m_tm->changePin(chosen, *current, *fresh);
    if (!s)
        return fail(s.error());
    if (m_opt.json)
        emitJson({{QStringLiteral("ok"), true}});
    else if (reset)
        m_io.out << tr("The PIN was reset; use the new PIN from now on.") << '\n';
    else
        m_io.out << tr("The PIN was changed.") << '\n';
    return ExitOk;
}

int TokenCli::reportOutcome(const keyops::RenewalJob::Outcome &outcome)
{
    using keyops::RenewalJob;
    const auto stateCode = [](RenewalJob::KeyState s) {
        switch (s) {
        case RenewalJob::KeyState::Unchanged: return QStringLiteral("unchanged");
        case RenewalJob::KeyState::NewCertificateInstalled: return QStringLiteral("new_certificate_installed");
        case RenewalJob::KeyState::Unknown: return QStringLiteral("unknown");
        }
        return QString();
    };
    if (m_opt.json) {
        QJsonObject o{{QStringLiteral("ok"), outcome.ok},
                      {QStringLiteral("message"), outcome.message},
                      {QStringLiteral("key_state"), stateCode(outcome.keyState)}};
        if (!outcome.ok) {
            o.insert(QStringLiteral("failed_step"), QString::fromLatin1(QMetaEnum::fromType<RenewalJob::Step>().valueToKey(int(outcome.failedStep))));
            o.insert(QStringLiteral("detail"), outcome.detail);
            o.insert(QStringLiteral("can_retry"), outcome.canRetry);
        }
        if (!outcome.oldCertificate.der.isEmpty())
            o.insert(QStringLiteral("old_certificate"), certJson(outcome.oldCertificate));
        if (outcome.ok)
            o.insert(QStringLiteral("certificate"), certJson(outcome.newCertificate));
        emitJson(o);
    }
    if (outcome.ok) {
        if (!m_opt.json)
            m_io.out << outcome.message << '\n';
        m_io.out.flush();
        return ExitOk;
    }
    m_io.err << "ca-tool token: " << outcome.message << '\n' << "  (" << outcome.detail << ")\n";
    m_io.err.flush();
    return outcome.networkError ? ExitNetwork : ExitRefused;
}

int TokenCli::renew()
{
    using keyops::RenewalJob;
    if (m_opt.application.isEmpty())
        return failUsage(tr("Name the approved renewal or change application with --application ID."));
    int code = ExitOk;
    std::unique_ptr<PlatformClient> client = m_opt.platform.connect(m_io.err, &code);
    if (!client)
        return code;
    TokenService service;
    service.setModulePath(m_opt.module);
    RenewalJob job(*client, service);
    std::optional<RenewalJob::Outcome> outcome;
    bool prepared = false;
    QEventLoop loop;
    QObject::connect(&job, &RenewalJob::prepared, &loop, [&] { prepared = true; loop.quit(); });
    QObject::connect(&job, &RenewalJob::finished, &loop, [&](const RenewalJob::Outcome &o) { outcome = o; loop.quit(); });
    QObject::connect(&job, &RenewalJob::stepChanged, &loop, [this](RenewalJob::Step step) {
        m_io.err << RenewalJob::stepText(step) << QStringLiteral("…") << '\n';
        m_io.err.flush();
    });

    RenewalJob::Options options;
    options.applicationId = m_opt.application;
    options.token = ref();
    options.newKey = m_opt.newKey;
    if (!m_opt.keyId.isEmpty()) {
        options.keyId = QByteArray::fromHex(m_opt.keyId.toLatin1());
        if (options.keyId.isEmpty())
            return failUsage(tr("The key ID must be hexadecimal, for example --key-id 0a1b2c."));
    }
    job.prepare(options);
    loop.exec();
    if (outcome)
        return reportOutcome(*outcome);

    const keyops::RenewalPlan &plan = job.plan();
    if (!plan.oldCertificate.der.isEmpty())
        m_io.err << tr("Certificate on the key: %1, serial %2, valid until %3.")
                        .arg(plan.oldCertificate.subject, plan.oldCertificate.serialHex,
                             plan.oldCertificate.notAfter.toString(QStringLiteral("yyyy-MM-dd")))
                 << '\n';
    for (const QString &w : plan.warnings)
        m_io.err << w << '\n';
    m_io.err.flush();
    auto pin = userPin(plan.token, m_opt.pinFile, tr("PIN"));
    if (!pin)
        return m_pinExit;
    job.start(std::move(*pin));
    loop.exec();
    if (!outcome)
        return fail(Error::make(ErrorKind::Generic, QStringLiteral("the renewal ended without an outcome")));
    return reportOutcome(*outcome);
}

int TokenCli::serverPinReset()
{
    auto token = m_tm->findToken(ref());
    if (!token)
        return fail(token.error());
    // A locked SO PIN cannot be used, and on its final try a mismatch would
    // lock the key for good: no code is requested, the CA centre must help.
    if (token->soPinState == PinState::Locked || token->soPinState == PinState::FinalTry)
        return fail(Error::make(ErrorKind::SoPinLocked, QStringLiteral("SO PIN state %1 (token flags)").arg(PinStates::code(token->soPinState))));
    int code = ExitOk;
    std::unique_ptr<PlatformClient> client = m_opt.platform.connect(m_io.err, &code);
    if (!client)
        return code;
    const auto wait = [&client](PlatformCall *call) {
        call->setParent(client.get());
        call->waitForFinished();
        return call;
    };
    PlatformCall *request = wait(client->requestPinReset(token->serial));
    if (!request->ok())
        return reportPlatformError(request->error(), m_io.err);
    const QJsonObject created = request->json();
    const QString resetId = created.value(QStringLiteral("id")).toString();
    m_io.err << tr("A verification code was sent to the registered mobile %1; it is valid until %2.")
                    .arg(created.value(QStringLiteral("mobile_hint")).toString(),
                         QDateTime::fromString(created.value(QStringLiteral("expires_at")).toString(), Qt::ISODate).toLocalTime().toString(QStringLiteral("HH:mm")))
             << '\n';
    m_io.err.flush();

    // The new PIN first, so that the SO PIN is held only for C_InitPIN. On a
    // PIN-pad key it is typed here too: the SO PIN from the platform and the
    // new PIN are both sent from the computer (the pad would ask for an SO
    // PIN nobody knows).
    auto fresh = newPin(token.value(), true);
    if (!fresh)
        return m_pinExit;

    for (;;) {
        QString verificationCode;
        QString error;
        if (!m_opt.codeFile.isEmpty()) {
            if (!readFirstLine(m_opt.codeFile, &verificationCode, &error))
                return failUsage(error);
        } else if (!readSecretFromTerminal(tr("Verification code from the text message: "), &verificationCode, &error)) {
            return failUsage(tr("No terminal is available to ask for the verification code. Put it in a file and give it with --code-file FILE."));
        }
        PlatformCall *verify = wait(client->verifyPinReset(resetId, verificationCode.trimmed()));
        verificationCode.fill(QLatin1Char('\0'));
        if (verify->ok()) {
            // The SO PIN goes from the answer straight into a SecureBuffer:
            // takeBody() overwrites the call's copy, takeJsonString() the taken one.
            QByteArray body = verify->takeBody();
            delete verify;
            SecureBuffer soPin = SecureBuffer::takeJsonString(body, "so_pin");
            if (soPin.isEmpty())
                return fail(Error::make(ErrorKind::Generic, QStringLiteral("the platform's answer held no SO PIN (PIN reset request %1)").arg(resetId)));
            Status s = m_tm->resetPin(TokenRef{token->serial, token->label, {}}, soPin, *fresh);
            soPin.clear();
            fresh->clear();
            if (!s) {
                Error e = s.error();
                return fail(e.withDetail(QStringLiteral("PIN reset request %1").arg(resetId)));
            }
            if (m_opt.json)
                emitJson({{QStringLiteral("ok"), true}});
            else
                m_io.out << tr("The PIN of the key %1 was reset with the platform's authorisation; use the new PIN from now on.").arg(token->serial) << '\n';
            return ExitOk;
        }
        const PlatformError e = verify->error();
        delete verify;
        if (e.serverCode == QLatin1String("code_invalid")) {
            m_io.err << "ca-tool token: " << tr("The verification code is wrong; check the text message and give the right code.") << '\n'
                     << "  (" << e.userMessage << ")\n";
            m_io.err.flush();
            if (m_opt.codeFile.isEmpty())
                continue;  // asked on the terminal: the user may type it again (the platform counts the tries)
            return ExitCodeWrong;
        }
        if (e.serverCode == QLatin1String("code_expired")) {
            m_io.err << "ca-tool token: " << tr("The verification code has expired; run the PIN reset again to get a new code.") << '\n';
            m_io.err.flush();
            return ExitCodeExpired;
        }
        if (e.serverCode == QLatin1String("request_closed")) {
            m_io.err << "ca-tool token: " << tr("This PIN reset has ended after too many wrong codes (or was used already); run the PIN reset again to get a new code.") << '\n';
            m_io.err.flush();
            return ExitResetClosed;
        }
        return reportPlatformError(e, m_io.err);
    }
}

int TokenCli::run(const QStringList &args)
{
    QString problem;
    auto opt = parse(args, &problem);
    if (!opt)
        return usage(problem);
    m_opt = *opt;
    if (m_opt.help || m_opt.command == QLatin1String("help"))
        return usage(QString());
    static const QStringList commands = {
        QStringLiteral("list"), QStringLiteral("show"), QStringLiteral("keygen"), QStringLiteral("csr"),
        QStringLiteral("install-cert"), QStringLiteral("pin-change"), QStringLiteral("pin-reset"), QStringLiteral("renew"),
    };
    if (m_opt.command.isEmpty())
        return usage(tr("Name a token command, for example 'ca-tool token list'."));
    if (!commands.contains(m_opt.command))
        return usage(tr("The token command '%1' is not known.").arg(m_opt.command));
    if (m_opt.command != QLatin1String("install-cert") && !m_opt.positional.isEmpty())
        return usage(tr("The token command '%1' takes no argument '%2'.").arg(m_opt.command, m_opt.positional.first()));
    if (m_opt.command == QLatin1String("renew"))
        return renew();  // the token work runs on TokenService's worker (no module opened here)
    if (!openModule())
        return ExitRefused;
    if (m_opt.command == QLatin1String("pin-reset") && !m_opt.platform.server.isEmpty())
        return serverPinReset();
    if (m_opt.command == QLatin1String("list"))
        return list();
    if (m_opt.command == QLatin1String("show"))
        return show();
    if (m_opt.command == QLatin1String("keygen"))
        return keygen();
    if (m_opt.command == QLatin1String("csr"))
        return csr();
    if (m_opt.command == QLatin1String("install-cert"))
        return installCert();
    return setPin(m_opt.command == QLatin1String("pin-reset"));
}

} // namespace

int runToken(const QStringList &args, Io io)
{
    TokenCli cli(io);
    return cli.run(args);
}

} // namespace ca::tool
