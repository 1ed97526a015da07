// core/model: every type's JSON round trip, every enum word, money, and the
// strict parser's answers to hostile input (each offending key by its path).

#include "core/model/Application.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>

using namespace ca;

namespace {

QDateTime utc(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODateWithMs).toUTC();
}

Application fullApplication()
{
    Application a;
    a.id = QStringLiteral("A20261121-0001");
    a.version = 3;
    a.kind = ApplicationKind::Reissue;
    a.organization = {QStringLiteral("济南示例科技有限公司"), QStringLiteral("91370100MA3C5XXXXX"), Role::Agent};
    a.order.pickup = Pickup::Onsite;
    a.order.mailingAddress = QStringLiteral("济南市历下区经十路1号");
    a.order.recipientName = QStringLiteral("张三");
    a.order.recipientPhone = QStringLiteral("18769628833");
    a.order.quantity = 2;
    a.invoice = {InvoiceType::Special, QStringLiteral("济南示例科技有限公司"), QStringLiteral("913700007535433330"),
                 QStringLiteral("济南市汉峪金谷"), QStringLiteral("053167880028"), QStringLiteral("18769628833"),
                 QStringLiteral("中国银行济南分行"), QStringLiteral("6217000010001234567")};
    Attachment licence;
    licence.id = QStringLiteral("att-1");
    licence.category = AttachmentCategory::BusinessLicence;
    licence.fileName = QStringLiteral("营业执照.pdf");
    licence.size = 123456;
    licence.sha256 = QString(64, QLatin1Char('a'));
    licence.contentType = QStringLiteral("application/pdf");
    licence.state = UploadState::Uploaded;
    Attachment id;
    id.category = AttachmentCategory::LegalRepId;
    id.fileName = QStringLiteral("id.jpg");
    id.state = UploadState::Failed;
    a.attachments = {licence, id};
    a.fee = Money::fromYuan(600);
    a.reviewStatus = ReviewStatus::Approved;
    a.paymentStatus = PaymentStatus::Paid;
    a.handlingStatus = HandlingStatus::Onsite;
    PaymentOrder p;
    p.orderNo = QStringLiteral("370100cazf2021081000000116");
    p.channel = PaymentChannel::Bank;
    p.amount = Money::fromYuan(600);
    p.status = PaymentOrderStatus::Paid;
    p.createdAt = utc("2026-11-21T10:00:00Z");
    p.expiresAt = utc("2026-11-21T10:05:00Z");
    p.paidAt = utc("2026-11-21T10:01:30.250Z");
    p.payUrl = QStringLiteral("https://127.0.0.1:8443/pay/370100cazf2021081000000116");
    a.payment = p;
    a.fulfilment = Fulfilment{QStringLiteral("EMS123"), QStringLiteral("EMS"), utc("2026-11-22T08:00:00Z"), QDateTime()};
    a.certificate = CertificateRef{QStringLiteral("TOKEN-0001"), QStringLiteral("0A1B"), QStringLiteral("CN=济南示例科技有限公司"),
                                   utc("2027-11-21T00:00:00Z")};
    a.approvalRecords = {
        {utc("2026-11-21T09:00:00Z"), QStringLiteral("user"), ApprovalAction::Create, QString()},
        {utc("2026-11-21T09:30:00+08:00"), QStringLiteral("reviewer"), ApprovalAction::Approve, QStringLiteral("材料齐全")},
    };
    a.createdAt = utc("2026-11-21T09:00:00Z");
    a.updatedAt = utc("2026-11-22T08:00:00Z");
    return a;
}

template <typename T> T roundTrip(const T &value)
{
    QList<JsonIssue> issues;
    const QByteArray text = QJsonDocument(value.toJson()).toJson(QJsonDocument::Compact);
    const Parsed<T> parsed = parseJsonText<T>(text);
    if (!parsed.ok())
        qWarning() << "issues:" << parsed.issues.first().path << parsed.issues.first().message;
    return parsed.value;
}

QString issuePaths(const QList<JsonIssue> &issues)
{
    QStringList paths;
    for (const JsonIssue &i : issues)
        paths.append(i.path);
    return paths.join(QLatin1Char('|'));
}

QJsonObject minimal()
{
    return QJsonObject{{QStringLiteral("kind"), QStringLiteral("new")}};
}

} // namespace

class TestModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void enumWords_data();
    void enumWords();
    void enumDisplayNames();
    void money_data();
    void money();
    void roundTripFull();
    void roundTripMinimalDraft();
    void roundTripParts();
    void everyEnumWordInApplication_data();
    void everyEnumWordInApplication();
    void rejects_data();
    void rejects();
    void collectsEveryIssue();
    void nullAndUnknownKeys();
    void hostileMutations();
};

void TestModel::enumWords_data()
{
    QTest::addColumn<QStringList>("actual");
    QTest::addColumn<QStringList>("expected");
    // The exact words of the agreed API (brief, "Application JSON").
    QTest::newRow("role") << ca::enumWords<Role>() << QStringList{"supplier", "purchaser", "agent", "reviewer"};
    QTest::newRow("kind") << ca::enumWords<ApplicationKind>() << QStringList{"new", "reissue", "change", "renewal", "existing"};
    QTest::newRow("review") << ca::enumWords<ReviewStatus>() << QStringList{"draft", "pending", "approved", "rejected"};
    QTest::newRow("payment") << ca::enumWords<PaymentStatus>() << QStringList{"unpaid", "open", "paid"};
    QTest::newRow("handling") << ca::enumWords<HandlingStatus>()
                              << QStringList{"none", "processing", "shipped", "onsite", "received", "done"};
    QTest::newRow("pickup") << ca::enumWords<Pickup>() << QStringList{"onsite", "mail"};
    QTest::newRow("invoice") << ca::enumWords<InvoiceType>() << QStringList{"normal", "special"};
    QTest::newRow("category") << ca::enumWords<AttachmentCategory>()
                              << QStringList{"legal_rep_id", "handler_id", "application_form", "authorization_letter",
                                             "business_licence"};
    QTest::newRow("upload") << ca::enumWords<UploadState>() << QStringList{"pending", "uploading", "uploaded", "failed"};
    QTest::newRow("channel") << ca::enumWords<PaymentChannel>() << QStringList{"bank", "alipay", "wechat"};
    QTest::newRow("order status") << ca::enumWords<PaymentOrderStatus>() << QStringList{"open", "paid", "expired", "closed"};
    QTest::newRow("action") << ca::enumWords<ApprovalAction>()
                            << QStringList{"create", "save", "submit", "approve", "reject", "pay", "ship", "onsite",
                                           "receive", "done", "certificate"};
    QTest::newRow("workflow") << ca::enumWords<Workflow>() << QStringList{"pay-first", "review-first"};
}

void TestModel::enumWords()
{
    QFETCH(QStringList, actual);
    QFETCH(QStringList, expected);
    QCOMPARE(actual, expected);
}

template <typename E> static void checkEnum()
{
    QSet<QString> names;
    for (E e : enumValues<E>()) {
        const QString word = enumWord(e);
        QVERIFY(!word.isEmpty());
        QCOMPARE(enumFromWord<E>(word), std::optional<E>(e));
        QVERIFY(!enumFromWord<E>(word.toUpper()).has_value()); // exact words only
        const QString padded = word + QLatin1Char(' ');
        QVERIFY(!enumFromWord<E>(padded).has_value());
        const QString name = enumDisplayName(e);
        QVERIFY2(!name.isEmpty(), qPrintable(word));
        names.insert(name);
    }
    QCOMPARE(names.size(), enumValues<E>().size()); // display names tell values apart
    QVERIFY(!enumFromWord<E>(u"").has_value());
}

void TestModel::enumDisplayNames()
{
    checkEnum<Role>();
    checkEnum<ApplicationKind>();
    checkEnum<ReviewStatus>();
    checkEnum<PaymentStatus>();
    checkEnum<HandlingStatus>();
    checkEnum<Pickup>();
    checkEnum<InvoiceType>();
    checkEnum<AttachmentCategory>();
    checkEnum<UploadState>();
    checkEnum<PaymentChannel>();
    checkEnum<PaymentOrderStatus>();
    checkEnum<ApprovalAction>();
    checkEnum<Workflow>();
    QCOMPARE(enumDisplayName(ReviewStatus::Draft), QStringLiteral("Editing"));
    QCOMPARE(enumDisplayName(Pickup::Mail), QStringLiteral("Send by mail"));
    for (AttachmentCategory c : enumValues<AttachmentCategory>())
        QVERIFY(attachmentCategoryDescription(c).endsWith(QLatin1Char('.')));
    QVERIFY(kindShipsKey(ApplicationKind::New));
    QVERIFY(kindShipsKey(ApplicationKind::Reissue));
    QVERIFY(!kindShipsKey(ApplicationKind::Change));
    QVERIFY(!kindShipsKey(ApplicationKind::Renewal));
    QVERIFY(!kindShipsKey(ApplicationKind::Existing));
}

void TestModel::money_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<qlonglong>("fen");
    QTest::addColumn<QString>("printed");
    QTest::newRow("300.00") << "300.00" << true << 30000LL << "300.00";
    QTest::newRow("300") << "300" << true << 30000LL << "300.00";
    QTest::newRow("300.5") << "300.5" << true << 30050LL << "300.50";
    QTest::newRow("0.01") << "0.01" << true << 1LL << "0.01";
    QTest::newRow("0") << "0" << true << 0LL << "0.00";
    QTest::newRow("max") << "999999999999.99" << true << 99999999999999LL << "999999999999.99";
    QTest::newRow("too many digits") << "9999999999999" << false << 0LL << "";
    QTest::newRow("three decimals") << "300.001" << false << 0LL << "";
    QTest::newRow("negative") << "-1.00" << false << 0LL << "";
    QTest::newRow("plus") << "+1.00" << false << 0LL << "";
    QTest::newRow("exponent") << "1e3" << false << 0LL << "";
    QTest::newRow("leading zero") << "0300.00" << false << 0LL << "";
    QTest::newRow("trailing dot") << "300." << false << 0LL << "";
    QTest::newRow("leading dot") << ".50" << false << 0LL << "";
    QTest::newRow("comma") << "1,000.00" << false << 0LL << "";
    QTest::newRow("space") << " 300.00" << false << 0LL << "";
    QTest::newRow("full-width") << "３００.００" << false << 0LL << "";
    QTest::newRow("empty") << "" << false << 0LL << "";
    QTest::newRow("huge") << QString(5000, QLatin1Char('9')) << false << 0LL << "";
}

void TestModel::money()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(qlonglong, fen);
    QFETCH(QString, printed);
    const auto m = Money::fromString(text);
    QCOMPARE(m.has_value(), valid);
    if (valid) {
        QCOMPARE(m->fen(), fen);
        QCOMPARE(m->toString(), printed);
        QCOMPARE(Money::fromString(m->toString()), m);
    }
}

void TestModel::roundTripFull()
{
    const Application a = fullApplication();
    const Application b = roundTrip(a);
    QCOMPARE(b.toJson(), a.toJson());
    QVERIFY(b == a);
    // The fixed points of the agreed shape.
    const QJsonObject o = a.toJson();
    QCOMPARE(o.value("fee").toString(), QStringLiteral("600.00"));
    QCOMPARE(o.value("payment").toObject().value("amount").toString(), QStringLiteral("600.00"));
    QCOMPARE(o.value("payment").toObject().value("created_at").toString(), QStringLiteral("2026-11-21T10:00:00Z"));
    QCOMPARE(o.value("payment").toObject().value("paid_at").toString(), QStringLiteral("2026-11-21T10:01:30.250Z"));
    QCOMPARE(o.value("approval_records").toArray().at(1).toObject().value("time").toString(),
             QStringLiteral("2026-11-21T01:30:00Z")); // +08:00 stored as UTC
    QCOMPARE(o.value("review_status").toString(), QStringLiteral("approved"));
    QCOMPARE(o.value("order").toObject().value("quantity").toInt(), 2);
    QCOMPARE(o.value("invoice").toObject().value("tax_id").toString(), QStringLiteral("913700007535433330"));
    QCOMPARE(o.value("attachments").toArray().at(0).toObject().value("file_name").toString(), QStringLiteral("营业执照.pdf"));
    QVERIFY(!o.value("fulfilment").toObject().contains("received_at")); // null times are left out
}

void TestModel::roundTripMinimalDraft()
{
    const Parsed<Application> p = Application::fromJson(minimal());
    QVERIFY(p.ok());
    const Application &a = p.value;
    QVERIFY(a.isLocalDraft());
    QCOMPARE(a.version, 0);
    QCOMPARE(a.kind, ApplicationKind::New);
    QCOMPARE(a.reviewStatus, ReviewStatus::Draft);
    QCOMPARE(a.paymentStatus, PaymentStatus::Unpaid);
    QCOMPARE(a.handlingStatus, HandlingStatus::None);
    QCOMPARE(a.order.quantity, 1);
    QVERIFY(!a.payment && !a.fulfilment && !a.certificate);
    const QJsonObject o = a.toJson();
    QVERIFY(!o.contains("id")); // a local draft has no id
    QVERIFY(!o.contains("payment"));
    QCOMPARE(roundTrip(a), a);
}

void TestModel::roundTripParts()
{
    const Application a = fullApplication();
    QCOMPARE(roundTrip(a.organization), a.organization);
    QCOMPARE(roundTrip(a.order), a.order);
    QCOMPARE(roundTrip(a.invoice), a.invoice);
    QCOMPARE(roundTrip(a.attachments.at(0)), a.attachments.at(0));
    QCOMPARE(roundTrip(a.attachments.at(1)), a.attachments.at(1));
    QCOMPARE(roundTrip(*a.payment), *a.payment);
    QCOMPARE(roundTrip(*a.fulfilment), *a.fulfilment);
    QCOMPARE(roundTrip(*a.certificate), *a.certificate);
    QCOMPARE(roundTrip(a.approvalRecords.at(1)), a.approvalRecords.at(1));
}

void TestModel::everyEnumWordInApplication_data()
{
    QTest::addColumn<QString>("pointer"); // "key" or "object/key" or "array/key"
    QTest::addColumn<QString>("word");
    const auto rows = [](const QString &pointer, const QStringList &words) {
        for (const QString &w : words)
            QTest::newRow(qPrintable(pointer + QLatin1Char('=') + w)) << pointer << w;
    };
    rows(QStringLiteral("kind"), ca::enumWords<ApplicationKind>());
    rows(QStringLiteral("review_status"), ca::enumWords<ReviewStatus>());
    rows(QStringLiteral("payment_status"), ca::enumWords<PaymentStatus>());
    rows(QStringLiteral("handling_status"), ca::enumWords<HandlingStatus>());
    rows(QStringLiteral("organization/type"), {"supplier", "purchaser", "agent"});
    rows(QStringLiteral("order/pickup"), ca::enumWords<Pickup>());
    rows(QStringLiteral("invoice/type"), ca::enumWords<InvoiceType>());
    rows(QStringLiteral("attachments/category"), ca::enumWords<AttachmentCategory>());
    rows(QStringLiteral("attachments/state"), ca::enumWords<UploadState>());
    rows(QStringLiteral("payment/channel"), ca::enumWords<PaymentChannel>());
    rows(QStringLiteral("payment/status"), ca::enumWords<PaymentOrderStatus>());
    rows(QStringLiteral("approval_records/action"), ca::enumWords<ApprovalAction>());
}

void TestModel::everyEnumWordInApplication()
{
    QFETCH(QString, pointer);
    QFETCH(QString, word);
    QJsonObject o = fullApplication().toJson();
    const QStringList parts = pointer.split(QLatin1Char('/'));
    if (parts.size() == 1) {
        o.insert(parts[0], word);
    } else if (o.value(parts[0]).isArray()) {
        QJsonArray array = o.value(parts[0]).toArray();
        QJsonObject item = array.at(0).toObject();
        item.insert(parts[1], word);
        array.replace(0, item);
        o.insert(parts[0], array);
    } else {
        QJsonObject inner = o.value(parts[0]).toObject();
        inner.insert(parts[1], word);
        o.insert(parts[0], inner);
    }
    const Parsed<Application> p = Application::fromJson(o);
    QVERIFY2(p.ok(), qPrintable(issuePaths(p.issues)));
    // Written back with the same word.
    QJsonObject back = p.value.toJson();
    const QJsonValue v = parts.size() == 1 ? back.value(parts[0])
                         : back.value(parts[0]).isArray()
                             ? back.value(parts[0]).toArray().at(0).toObject().value(parts[1])
                             : back.value(parts[0]).toObject().value(parts[1]);
    QCOMPARE(v.toString(), word);
}

void TestModel::rejects_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("paths"); // every issue's path, in order, joined by '|'
    QTest::newRow("not json") << QByteArray("{\"kind\": ") << "";
    QTest::newRow("array document") << QByteArray("[1,2]") << "";
    QTest::newRow("string document") << QByteArray("\"new\"") << "";
    QTest::newRow("empty object") << QByteArray("{}") << "kind";
    QTest::newRow("kind null") << QByteArray(R"({"kind": null})") << "kind";
    QTest::newRow("kind number") << QByteArray(R"({"kind": 5})") << "kind";
    QTest::newRow("kind unknown") << QByteArray(R"({"kind": "old"})") << "kind";
    QTest::newRow("kind upper") << QByteArray(R"({"kind": "NEW"})") << "kind";
    QTest::newRow("kind chinese") << QByteArray(R"({"kind": "新办"})") << "kind";
    QTest::newRow("version negative") << QByteArray(R"({"kind":"new","version":-1})") << "version";
    QTest::newRow("version fraction") << QByteArray(R"({"kind":"new","version":1.5})") << "version";
    QTest::newRow("version huge") << QByteArray(R"({"kind":"new","version":1e300})") << "version";
    QTest::newRow("version 2^53") << QByteArray(R"({"kind":"new","version":9007199254740992})") << "version";
    QTest::newRow("version string") << QByteArray(R"({"kind":"new","version":"3"})") << "version";
    QTest::newRow("version bool") << QByteArray(R"({"kind":"new","version":true})") << "version";
    QTest::newRow("id number") << QByteArray(R"({"kind":"new","id":42})") << "id";
    QTest::newRow("organization array") << QByteArray(R"({"kind":"new","organization":[]})") << "organization";
    QTest::newRow("organization string") << QByteArray(R"({"kind":"new","organization":"x"})") << "organization";
    QTest::newRow("organization reviewer") << QByteArray(R"({"kind":"new","organization":{"type":"reviewer"}})")
                                           << "organization.type";
    QTest::newRow("organization name object") << QByteArray(R"({"kind":"new","organization":{"name":{}}})")
                                              << "organization.name";
    QTest::newRow("quantity huge") << QByteArray(R"({"kind":"new","order":{"quantity":1e20}})") << "order.quantity";
    QTest::newRow("quantity negative") << QByteArray(R"({"kind":"new","order":{"quantity":-3}})") << "order.quantity";
    QTest::newRow("quantity string") << QByteArray(R"({"kind":"new","order":{"quantity":"2"}})") << "order.quantity";
    QTest::newRow("pickup unknown") << QByteArray(R"({"kind":"new","order":{"pickup":"drone"}})") << "order.pickup";
    QTest::newRow("invoice type") << QByteArray(R"({"kind":"new","invoice":{"type":"普票"}})") << "invoice.type";
    QTest::newRow("invoice tax id number") << QByteArray(R"({"kind":"new","invoice":{"tax_id":913700007535433330}})")
                                           << "invoice.tax_id";
    QTest::newRow("attachments object") << QByteArray(R"({"kind":"new","attachments":{}})") << "attachments";
    QTest::newRow("attachment not object") << QByteArray(R"({"kind":"new","attachments":[1]})") << "attachments[0]";
    QTest::newRow("attachment missing keys") << QByteArray(R"({"kind":"new","attachments":[{}]})")
                                             << "attachments[0].category|attachments[0].file_name";
    QTest::newRow("attachment bad state")
        << QByteArray(R"({"kind":"new","attachments":[{"category":"handler_id","file_name":"a"},)"
                      R"({"category":"handler_id","file_name":"b","state":"done"}]})")
        << "attachments[1].state";
    QTest::newRow("attachment bad sha") << QByteArray(R"({"kind":"new","attachments":[{"category":"handler_id","file_name":"a","sha256":"xyz"}]})")
                                        << "attachments[0].sha256";
    QTest::newRow("attachment size fraction") << QByteArray(R"({"kind":"new","attachments":[{"category":"handler_id","file_name":"a","size":0.5}]})")
                                              << "attachments[0].size";
    QTest::newRow("fee number") << QByteArray(R"({"kind":"new","fee":300})") << "fee";
    QTest::newRow("fee three decimals") << QByteArray(R"({"kind":"new","fee":"300.001"})") << "fee";
    QTest::newRow("fee negative") << QByteArray(R"({"kind":"new","fee":"-1.00"})") << "fee";
    QTest::newRow("review status") << QByteArray(R"({"kind":"new","review_status":"编辑中"})") << "review_status";
    QTest::newRow("payment status") << QByteArray(R"({"kind":"new","payment_status":"refunded"})") << "payment_status";
    QTest::newRow("handling status") << QByteArray(R"({"kind":"new","handling_status":""})") << "handling_status";
    QTest::newRow("payment empty") << QByteArray(R"({"kind":"new","payment":{}})")
                                   << "payment.order_no|payment.channel|payment.amount|payment.status";
    QTest::newRow("payment bad channel")
        << QByteArray(R"({"kind":"new","payment":{"order_no":"1","channel":"cash","amount":"1.00","status":"open"}})")
        << "payment.channel";
    QTest::newRow("payment time no zone")
        << QByteArray(R"({"kind":"new","payment":{"order_no":"1","channel":"bank","amount":"1.00","status":"open","expires_at":"2026-11-21T10:00:00"}})")
        << "payment.expires_at";
    QTest::newRow("fulfilment array") << QByteArray(R"({"kind":"new","fulfilment":[]})") << "fulfilment";
    QTest::newRow("certificate bad time") << QByteArray(R"({"kind":"new","certificate":{"not_after":"2027-02-30T00:00:00Z"}})")
                                          << "certificate.not_after";
    QTest::newRow("record bad time") << QByteArray(R"({"kind":"new","approval_records":[{"time":"yesterday","action":"submit"}]})")
                                     << "approval_records[0].time";
    QTest::newRow("record bad action") << QByteArray(R"({"kind":"new","approval_records":[{"time":"2026-11-21T10:00:00Z","action":"bribe"}]})")
                                       << "approval_records[0].action";
    QTest::newRow("created date only") << QByteArray(R"({"kind":"new","created_at":"2026-11-21"})") << "created_at";
    QTest::newRow("updated number") << QByteArray(R"({"kind":"new","updated_at":1700000000})") << "updated_at";
}

void TestModel::rejects()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, paths);
    const Parsed<Application> p = Application::fromJsonText(json);
    QVERIFY(!p.ok());
    QCOMPARE(issuePaths(p.issues), paths);
    for (const JsonIssue &i : p.issues) {
        QVERIFY(!i.message.isEmpty());
        QVERIFY2(i.message.endsWith(QLatin1Char('.')) || i.message.endsWith(QLatin1Char(')')) , qPrintable(i.message));
        // The sentence names the key (an array item by its array).
        const QString named = i.path.section(QLatin1Char('['), 0, 0);
        if (!i.path.isEmpty())
            QVERIFY2(i.message.contains(QLatin1Char('"') + named), qPrintable(i.message));
    }
}

void TestModel::collectsEveryIssue()
{
    const QByteArray json = R"({"kind":"gift","version":"x","order":{"quantity":1.5,"pickup":1},
        "invoice":{"type":"special","account":123},"fee":"abc","review_status":"lost",
        "attachments":[{"category":"selfie","file_name":"a"}]})";
    const Parsed<Application> p = Application::fromJsonText(json);
    QCOMPARE(issuePaths(p.issues), QStringLiteral("version|kind|order.pickup|order.quantity|invoice.account|"
                                                  "attachments[0].category|fee|review_status"));
    // The good parts survive.
    QCOMPARE(p.value.invoice.type, InvoiceType::Special);
    QCOMPARE(p.value.attachments.size(), 1);
    QCOMPARE(p.value.attachments.at(0).fileName, QStringLiteral("a"));
    // A quoted bad word is cut short, so a megabyte of garbage does not end up in a message.
    QJsonObject o = minimal();
    o.insert("kind", QString(1 << 20, QLatin1Char('x')));
    const Parsed<Application> big = Application::fromJson(o);
    QCOMPARE(big.issues.size(), 1);
    QVERIFY(big.issues.at(0).message.size() < 400);
}

void TestModel::nullAndUnknownKeys()
{
    const QByteArray json = R"({"kind":"renewal","id":null,"payment":null,"fulfilment":null,"certificate":null,
        "order":{"quantity":null,"colour":"red"},"extra":{"deep":[1,2,3]},"approval_records":null})";
    const Parsed<Application> p = Application::fromJsonText(json);
    QVERIFY2(p.ok(), qPrintable(issuePaths(p.issues)));
    QCOMPARE(p.value.kind, ApplicationKind::Renewal);
    QCOMPARE(p.value.order.quantity, 1);
    QVERIFY(!p.value.payment);
}

void TestModel::hostileMutations()
{
    // Replace values at random places with values of every JSON type; the
    // parser must answer (issues or not) without crashing, and whatever it
    // accepts must survive its own round trip.
    const QJsonValue garbage[] = {
        QJsonValue(), QJsonValue(true), QJsonValue(-1), QJsonValue(1e308), QJsonValue(-0.0), QJsonValue(3.25),
        QJsonValue(QStringLiteral("")), QJsonValue(QStringLiteral("\u0000\uFFFF")), QJsonValue(QJsonArray{1, "a"}),
        QJsonValue(QJsonObject{{"k", 1}}), QJsonValue(QStringLiteral("2026-11-21T10:00:00Z")),
        QJsonValue(QStringLiteral("300.00")), QJsonValue(QStringLiteral("paid")),
    };
    const QJsonObject base = fullApplication().toJson();
    QRandomGenerator rng(20261121);
    for (int round = 0; round < 3000; ++round) {
        QJsonObject o = base;
        const QStringList keys = o.keys();
        const int edits = 1 + int(rng.bounded(4));
        for (int e = 0; e < edits; ++e) {
            const QString key = keys.at(int(rng.bounded(keys.size())));
            const QJsonValue g = garbage[rng.bounded(int(std::size(garbage)))];
            QJsonValue v = o.value(key);
            if (v.isObject() && rng.bounded(2)) {
                QJsonObject inner = v.toObject();
                const QStringList innerKeys = inner.keys();
                if (!innerKeys.isEmpty())
                    inner.insert(innerKeys.at(int(rng.bounded(innerKeys.size()))), g);
                o.insert(key, inner);
            } else if (v.isArray() && !v.toArray().isEmpty() && rng.bounded(2)) {
                QJsonArray array = v.toArray();
                QJsonObject item = array.at(0).toObject();
                const QStringList itemKeys = item.keys();
                if (!itemKeys.isEmpty())
                    item.insert(itemKeys.at(int(rng.bounded(itemKeys.size()))), g);
                array.replace(0, item);
                o.insert(key, array);
            } else {
                o.insert(key, g);
            }
        }
        const Parsed<Application> p = Application::fromJson(o);
        for (const JsonIssue &i : p.issues)
            QVERIFY(!i.message.isEmpty());
        if (p.ok()) {
            const Parsed<Application> again = Application::fromJson(p.value.toJson());
            QVERIFY(again.ok());
            QCOMPARE(again.value, p.value);
        }
    }
}

QTEST_GUILESS_MAIN(TestModel)
#include "tst_model.moc"
