// Helper of tst_store_crash: opens the local store at argv[1] and saves one
// draft COUNT times, each save its own committed transaction, printing the
// counter after each commit returned (and flushing stdout). The test kills it
// with SIGKILL somewhere in the middle and checks what survived.
//
//   store_writer DB_PATH [COUNT=1000] [DRAFT_ID]

#include "core/store/LocalStore.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

#include <cstdio>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: store_writer DB_PATH [COUNT] [DRAFT_ID]\n");
        return 2;
    }
    const int count = args.size() > 2 ? args.at(2).toInt() : 1000;
    const QString draftId = args.size() > 3 ? args.at(3) : QStringLiteral("5a0c3f4e-crash-test-draft");

    ca::LocalStore store;
    if (auto st = store.open(args.at(1)); !st.ok()) {
        std::fprintf(stderr, "open: %s\n", qPrintable(st.error().detail));
        return 3;
    }
    std::printf("ready\n");
    std::fflush(stdout);

    for (int i = 1; i <= count; ++i) {
        ca::Draft d;
        d.id = draftId;
        d.kind = QStringLiteral("new");
        d.page = QStringLiteral("invoice");
        // A size that changes with the counter (0..~12 KB) so saves grow and
        // shrink rows across overflow pages, not just rewrite one page.
        const QString padding = QString(QLatin1Char('a' + i % 26)).repeated((i * 37) % 12000);
        d.json = QJsonObject{
            {QStringLiteral("counter"), i},
            {QStringLiteral("kind"), QStringLiteral("new")},
            {QStringLiteral("organization"),
             QJsonObject{{QStringLiteral("name"), QStringLiteral("济南示例科技有限公司")},
                         {QStringLiteral("uscc"), QStringLiteral("91370100MA3C5XXXXX")},
                         {QStringLiteral("type"), QStringLiteral("supplier")}}},
            {QStringLiteral("invoice"),
             QJsonObject{{QStringLiteral("type"), QStringLiteral("special")},
                         {QStringLiteral("bank"), QStringLiteral("中国银行济南分行")},
                         {QStringLiteral("account"), QStringLiteral("6216610200016587%1").arg(i % 100, 2, 10, QLatin1Char('0'))}}},
            {QStringLiteral("notes"), padding},
            {QStringLiteral("notes_length"), int(padding.size())},
            {QStringLiteral("tail_counter"), i},
        };
        const auto r = store.saveDraft(d);
        if (!r.ok()) {
            std::fprintf(stderr, "save %d: %s\n", i, qPrintable(r.error().detail));
            return 4;
        }
        std::printf("%d\n", i);
        std::fflush(stdout);
    }
    return 0;
}
