#include "Faults.h"

#include "Context.h"
#include "Module.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>
#include <cstdlib>

namespace ca::sandbox {

bool Faults::loadFile(const QString &path, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("cannot read %1: %2").arg(path, f.errorString());
        return false;
    }
    return load(f.readAll(), error);
}

bool Faults::load(const QByteArray &json, QString *error)
{
    auto fail = [error](const QString &text) {
        if (error)
            *error = text;
        return false;
    };
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &pe);
    if (pe.error != QJsonParseError::NoError)
        return fail(QStringLiteral("faults file is not JSON: %1 at offset %2").arg(pe.errorString()).arg(pe.offset));
    QJsonArray rules;
    quint64 seed = 1;
    if (doc.isArray()) {
        rules = doc.array();
    } else if (doc.isObject()) {
        const QJsonObject o = doc.object();
        for (auto it = o.begin(); it != o.end(); ++it)
            if (it.key() != QLatin1String("seed") && it.key() != QLatin1String("rules"))
                return fail(QStringLiteral("faults file: unknown key \"%1\"").arg(it.key()));
        rules = o.value(QStringLiteral("rules")).toArray();
        if (o.contains(QStringLiteral("seed"))) {
            if (!o.value(QStringLiteral("seed")).isDouble())
                return fail(QStringLiteral("faults file: \"seed\" must be a number"));
            seed = quint64(o.value(QStringLiteral("seed")).toInteger());
        }
    } else {
        return fail(QStringLiteral("faults file must hold a list of rules or {\"seed\", \"rules\"}"));
    }

    static const QStringList known{QStringLiteral("route"), QStringLiteral("delay_ms"), QStringLiteral("status"),
                                   QStringLiteral("drop_after_bytes"), QStringLiteral("probability"),
                                   QStringLiteral("times"), QStringLiteral("comment")};
    QList<Rule> parsed;
    for (int i = 0; i < rules.size(); ++i) {
        if (!rules.at(i).isObject())
            return fail(QStringLiteral("faults rule %1 is not an object").arg(i));
        const QJsonObject r = rules.at(i).toObject();
        for (auto it = r.begin(); it != r.end(); ++it)
            if (!known.contains(it.key()))
                return fail(QStringLiteral("faults rule %1: unknown key \"%2\"").arg(i).arg(it.key()));
        Rule rule;
        QString route = r.value(QStringLiteral("route")).toString().trimmed();
        if (route.isEmpty())
            return fail(QStringLiteral("faults rule %1 needs a \"route\"").arg(i));
        const int space = route.indexOf(QLatin1Char(' '));
        if (space > 0) {
            rule.method = route.left(space).toUpper();
            route = route.mid(space + 1).trimmed();
            if (rule.method == QLatin1String("*"))
                rule.method.clear();
        }
        if (route.endsWith(QLatin1Char('*'))) {
            rule.prefix = true;
            route.chop(1);
        }
        rule.pattern = route;
        auto intValue = [&](const char *key, qint64 def, qint64 min, qint64 max, qint64 *out) {
            const QJsonValue v = r.value(QLatin1String(key));
            if (v.isUndefined() || v.isNull()) {
                *out = def;
                return true;
            }
            if (!v.isDouble() || v.toDouble() != double(v.toInteger()) || v.toInteger() < min || v.toInteger() > max)
                return fail(QStringLiteral("faults rule %1: \"%2\" must be a whole number from %3 to %4")
                                .arg(i).arg(QLatin1String(key)).arg(min).arg(max));
            *out = v.toInteger();
            return true;
        };
        qint64 delay = 0, status = 0, drop = -1, times = -1;
        if (!intValue("delay_ms", 0, 0, 600000, &delay) || !intValue("status", 0, 0, 599, &status)
            || !intValue("drop_after_bytes", -1, -1, qint64(1) << 40, &drop) || !intValue("times", -1, -1, qint64(1) << 40, &times))
            return false;
        if (status != 0 && status < 100)
            return fail(QStringLiteral("faults rule %1: \"status\" must be an HTTP status (100..599)").arg(i));
        rule.delayMs = int(delay);
        rule.status = int(status);
        rule.dropAfterBytes = drop;
        rule.times = times;
        const QJsonValue p = r.value(QStringLiteral("probability"));
        if (!p.isUndefined()) {
            if (!p.isDouble() || p.toDouble() < 0.0 || p.toDouble() > 1.0)
                return fail(QStringLiteral("faults rule %1: \"probability\" must be a number from 0 to 1").arg(i));
            rule.probability = p.toDouble();
        }
        rule.rng.seed(seed + quint64(i));
        parsed.append(rule);
    }
    m_rules = parsed;
    return true;
}

bool Faults::matches(const Rule &rule, Method method, const QString &path, const QString &routePattern) const
{
    if (!rule.method.isEmpty() && rule.method != methodName(method))
        return false;
    if (rule.prefix)
        return path.startsWith(rule.pattern) || (!routePattern.isEmpty() && routePattern.startsWith(rule.pattern));
    return path == rule.pattern || routePattern == rule.pattern;
}

FaultDecision Faults::decide(Method method, const QString &path, const QString &routePattern)
{
    FaultDecision decision;
    for (Rule &rule : m_rules) {
        if (!matches(rule, method, path, routePattern))
            continue;
        ++rule.matched;
        if (rule.times >= 0 && rule.matched > rule.times)
            continue;
        if (rule.probability < 1.0) {
            // Always draw, so a rule's sequence depends only on its own matches.
            const double draw = std::uniform_real_distribution<double>(0.0, 1.0)(rule.rng);
            if (draw >= rule.probability)
                continue;
        }
        decision.delayMs += rule.delayMs;
        if (decision.status == 0)
            decision.status = rule.status;
        if (decision.dropAfterBytes < 0)
            decision.dropAfterBytes = rule.dropAfterBytes;
    }
    return decision;
}

namespace {

// Plugs --faults FILE into the server's fault hook.
class FaultsModule : public Module
{
public:
    QString name() const override { return QStringLiteral("faults"); }
    int order() const override { return 190; }
    void install(Context &context, SandboxServer &server) override
    {
        if (context.config.faultsFile.isEmpty())
            return;
        auto faults = std::make_shared<Faults>();
        QString error;
        if (!faults->loadFile(context.config.faultsFile, &error)) {
            // A test that asked for faults must not silently run without them.
            std::fprintf(stderr, "ca-sandbox: --faults: %s\n", qPrintable(error));
            std::exit(2);
        }
        qCInfo(lcSandbox) << "fault injection:" << faults->ruleCount() << "rules from" << context.config.faultsFile;
        server.setFaultHook([faults](const Request &request) { return faults->decide(request); });
    }
};

} // namespace

CA_SANDBOX_MODULE(FaultsModule)

} // namespace ca::sandbox
