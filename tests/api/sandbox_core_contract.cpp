// The contract test: docs/api/openapi.yaml and the routes ca-sandbox serves
// must match both ways (every documented operation is served, every served
// route is documented). Path parameter names are compared as "{}".
#include "SandboxProcess.h"

#include <QFile>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>
#include <QtTest>

using namespace ca::test;

namespace {

QString normalise(const QString &method, QString path)
{
    static const QRegularExpression param(QStringLiteral("\\{[^}/]+\\}"));
    path.replace(param, QStringLiteral("{}"));
    return method.toUpper() + QLatin1Char(' ') + path;
}

// A tiny indentation-based reader of the `paths:` section: a path is a key at
// indent 2 starting with '/', an operation is a key at indent 4 naming an
// HTTP method. Enough for our own file; anything else is ignored.
QSet<QString> documentedOperations(const QByteArray &yaml, QString *error)
{
    static const QRegularExpression pathLine(QStringLiteral("^  (/[^:\\s]*):\\s*(#.*)?$"));
    static const QRegularExpression opLine(QStringLiteral("^    (get|put|post|delete|patch|head|options|trace):\\s*(\\{.*\\})?\\s*(#.*)?$"));
    QSet<QString> ops;
    bool inPaths = false;
    QString current;
    int lineNo = 0;
    for (const QByteArray &raw : yaml.split('\n')) {
        ++lineNo;
        const QString line = QString::fromUtf8(raw).remove(QLatin1Char('\r'));
        if (line.trimmed().isEmpty() || line.trimmed().startsWith(QLatin1Char('#')))
            continue;
        if (!line.startsWith(QLatin1Char(' '))) {
            inPaths = line.startsWith(QLatin1String("paths:"));
            current.clear();
            continue;
        }
        if (!inPaths)
            continue;
        if (line.startsWith(QLatin1String("  ")) && !line.startsWith(QLatin1String("   "))) {
            const auto m = pathLine.match(line);
            if (!m.hasMatch()) {
                *error = QStringLiteral("line %1: not a path key: %2").arg(lineNo).arg(line);
                return {};
            }
            current = m.captured(1);
            continue;
        }
        const auto m = opLine.match(line);
        if (m.hasMatch()) {
            if (current.isEmpty()) {
                *error = QStringLiteral("line %1: operation outside a path").arg(lineNo);
                return {};
            }
            const QString op = normalise(m.captured(1), current);
            if (ops.contains(op)) {
                *error = QStringLiteral("line %1: %2 twice").arg(lineNo).arg(op);
                return {};
            }
            ops.insert(op);
        }
    }
    return ops;
}

} // namespace

class TestSandboxCoreContract : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parserReadsOperations();
    void contractMatchesServer();
};

void TestSandboxCoreContract::parserReadsOperations()
{
    const QByteArray sample = "openapi: 3.0.3\n"
                              "paths:\n"
                              "  /a/{id}:\n"
                              "    parameters:\n"
                              "      - {name: id}\n"
                              "    get:\n"
                              "      responses: {}\n"
                              "    post: {}\n"
                              "  /b:\n"
                              "    delete:\n"
                              "      summary: x\n"
                              "components:\n"
                              "  /notapath:\n"
                              "    get: {}\n";
    QString error;
    const QSet<QString> ops = documentedOperations(sample, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(ops, (QSet<QString>{QStringLiteral("GET /a/{}"), QStringLiteral("POST /a/{}"), QStringLiteral("DELETE /b")}));
    documentedOperations("paths:\n  not a path:\n", &error);
    QVERIFY(!error.isEmpty());
}

void TestSandboxCoreContract::contractMatchesServer()
{
    QFile file(QStringLiteral(CA_SOURCE_DIR "/docs/api/openapi.yaml"));
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
    QString error;
    const QSet<QString> documented = documentedOperations(file.readAll(), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(documented.size() >= 20);

    SandboxProcess sandbox;
    QVERIFY2(sandbox.start(), qPrintable(sandbox.lastError()));
    SandboxHttp http(sandbox);
    const auto r = http.get(QStringLiteral("/api/v1/dev/routes"));
    QCOMPARE(r.status, 200);
    QSet<QString> served;
    for (const QJsonValue &v : r.json().value(QStringLiteral("items")).toArray())
        served.insert(normalise(v.toObject().value(QStringLiteral("method")).toString(), v.toObject().value(QStringLiteral("path")).toString()));
    QVERIFY(!served.isEmpty());

    QStringList undocumented = QSet<QString>(served).subtract(documented).values();
    QStringList unserved = QSet<QString>(documented).subtract(served).values();
    undocumented.sort();
    unserved.sort();
    QVERIFY2(undocumented.isEmpty(), qPrintable(QStringLiteral("served but not in openapi.yaml: ") + undocumented.join(QStringLiteral(", "))));
    QVERIFY2(unserved.isEmpty(), qPrintable(QStringLiteral("in openapi.yaml but not served: ") + unserved.join(QStringLiteral(", "))));

    // Every documented route really answers (not the router's 404/405).
    SandboxHttp reviewer(sandbox);
    QVERIFY(reviewer.login(QStringLiteral("reviewer")));
    for (const QString &op : documented) {
        const QString method = op.section(QLatin1Char(' '), 0, 0);
        const QString path = op.section(QLatin1Char(' '), 1).replace(QStringLiteral("{}"), QStringLiteral("x"));
        const auto a = reviewer.request(method.toLatin1(), path, method == QLatin1String("GET") || method == QLatin1String("DELETE") ? QByteArray() : QByteArray("{}"));
        QVERIFY2(a.status != 405, qPrintable(op));
        if (a.status == 404)
            QVERIFY2(a.json().value(QStringLiteral("message")).toString() != QLatin1String("The requested address does not exist on this server."), qPrintable(op));
    }
}

QTEST_GUILESS_MAIN(TestSandboxCoreContract)
#include "sandbox_core_contract.moc"
