#pragma once

#include "SandboxServer.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <random>

namespace ca::sandbox {

// Deterministic fault injection for client tests (`ca-sandbox --faults FILE`).
//
// FILE is JSON, either a list of rules or {"seed": N, "rules": [...]}:
//   {"seed": 7, "rules": [
//     {"route": "POST /api/v1/applications/{id}/attachments", "status": 503, "times": 2},
//     {"route": "GET /api/v1/payments/*", "delay_ms": 1500},
//     {"route": "/api/v1/applications/*", "drop_after_bytes": 40, "probability": 0.25}
//   ]}
// A rule's "route" is "[METHOD ]PATTERN". PATTERN matches a request when it
// equals the matched route pattern ("/api/v1/applications/{id}") or the
// request path ("/api/v1/applications/A20261121-0001"); a PATTERN ending in
// '*' is a prefix of either. METHOD omitted or "*" = any method.
// Effects: "delay_ms" (answer later), "status" (answer with this status and an
// error body {"code":"fault_injected"} without running the handler),
// "drop_after_bytes" (send only the first N bytes of the response, then close).
// "times": only the first N requests that match the route are candidates
// (default unlimited); "probability" (default 1): each candidate fires with
// this probability, drawn from a per-rule generator seeded with seed + rule
// index, so the same sequence of requests always sees the same faults.
// Every firing rule contributes: delays add up, the first status and the
// first drop_after_bytes win.
class Faults
{
public:
    bool load(const QByteArray &json, QString *error);
    bool loadFile(const QString &path, QString *error);

    FaultDecision decide(Method method, const QString &path, const QString &routePattern);
    FaultDecision decide(const Request &request) { return decide(request.method, request.path, request.routePattern); }

    int ruleCount() const { return int(m_rules.size()); }

private:
    struct Rule {
        QString method;   // empty = any
        QString pattern;
        bool prefix = false;
        int delayMs = 0;
        int status = 0;
        qint64 dropAfterBytes = -1;
        double probability = 1.0;
        qint64 times = -1; // -1 = unlimited
        qint64 matched = 0;
        std::mt19937_64 rng;
    };
    bool matches(const Rule &rule, Method method, const QString &path, const QString &routePattern) const;

    QList<Rule> m_rules;
};

} // namespace ca::sandbox
