#include "Invoice.h"

#include "ApplicationStore.h"
#include "Context.h"
#include "Payments.h"
#include "Reply.h"
#include "Sql.h"
#include "Templates.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QPainter>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QSaveFile>

namespace ca::sandbox {

namespace {

QString kindLabel(const QString &kind)
{
    if (kind == QLatin1String("new"))
        return QStringLiteral("新办");
    if (kind == QLatin1String("reissue"))
        return QStringLiteral("补办");
    if (kind == QLatin1String("change"))
        return QStringLiteral("信息变更");
    if (kind == QLatin1String("renewal"))
        return QStringLiteral("延期续费");
    return QStringLiteral("已有CA");
}

} // namespace

InvoiceData InvoiceData::from(const StoredApplication &app, const StoredOrder &order)
{
    InvoiceData d;
    QString digits = order.orderNo;
    digits.remove(QRegularExpression(QStringLiteral("[^0-9]")));
    d.invoiceNo = QString(QStringLiteral("2637") + digits.right(16)).left(20);
    while (d.invoiceNo.size() < 20)
        d.invoiceNo.append(QLatin1Char('0'));
    d.issuedAt = order.paidAt.isValid() ? order.paidAt : order.createdAt;
    const QJsonObject inv = app.data.value(QStringLiteral("invoice")).toObject();
    d.type = inv.value(QStringLiteral("type")).toString(QStringLiteral("normal"));
    d.buyerTitle = inv.value(QStringLiteral("title")).toString();
    if (d.buyerTitle.isEmpty())
        d.buyerTitle = app.data.value(QStringLiteral("organization")).toObject().value(QStringLiteral("name")).toString();
    d.buyerTaxId = inv.value(QStringLiteral("tax_id")).toString();
    d.buyerAddress = inv.value(QStringLiteral("address")).toString();
    d.buyerPhone = inv.value(QStringLiteral("phone")).toString();
    d.buyerBank = inv.value(QStringLiteral("bank")).toString();
    d.buyerAccount = inv.value(QStringLiteral("account")).toString();
    d.quantity = qMax(1, app.data.value(QStringLiteral("order")).toObject().value(QStringLiteral("quantity")).toInt(1));
    d.itemName = QStringLiteral("*信息技术服务*CA数字证书服务费（%1）").arg(kindLabel(app.kind));
    d.totalFen = order.amountFen;
    d.orderNo = order.orderNo;
    d.applicationId = app.id;
    d.channel = order.channel;
    return d;
}

qint64 InvoiceData::taxFen() const
{
    // net = total / 1.06 rounded half up, in integer fen.
    const qint64 net = (totalFen * 100 * 2 + 106) / (106 * 2);
    return totalFen - net;
}

QByteArray Invoice::render(const InvoiceData &d)
{
    if (!Templates::pdfAvailable())
        return {};
    using T = Templates;
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    T::setupWriter(writer, QStringLiteral("电子发票 %1").arg(d.invoiceNo));
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A5), QPageLayout::Landscape, QMarginsF(0, 0, 0, 0)));
    QPainter p(&writer);
    const QColor brown(0x8a, 0x4b, 0x2a);
    p.setPen(brown);
    p.setFont(T::cjkFont(18, true));
    const QString title = d.type == QLatin1String("special") ? QStringLiteral("电子发票（增值税专用发票）")
                                                             : QStringLiteral("电子发票（普通发票）");
    T::text(p, 10, 8, 190, 12, title, Qt::AlignHCenter | Qt::AlignVCenter);
    T::line(p, 70, 21, 140, 21);
    p.setFont(T::cjkFont(9));
    T::text(p, 140, 8, 60, 6, QStringLiteral("发票号码：%1").arg(d.invoiceNo), Qt::AlignLeft | Qt::AlignVCenter);
    T::text(p, 140, 14, 60, 6, QStringLiteral("开票日期：%1").arg(d.issuedAt.toString(QStringLiteral("yyyy年MM月dd日"))),
            Qt::AlignLeft | Qt::AlignVCenter);

    // Buyer and seller.
    T::box(p, 10, 25, 190, 30);
    T::line(p, 105, 25, 105, 55);
    p.setFont(T::cjkFont(9));
    p.setPen(brown);
    T::text(p, 12, 26, 90, 5, QStringLiteral("购买方信息"), Qt::AlignLeft);
    T::text(p, 107, 26, 90, 5, QStringLiteral("销售方信息"), Qt::AlignLeft);
    p.setPen(Qt::black);
    const QString buyer = QStringLiteral("名称：%1\n统一社会信用代码/纳税人识别号：%2\n地址、电话：%3 %4\n开户行及账号：%5 %6")
                              .arg(d.buyerTitle, d.buyerTaxId, d.buyerAddress, d.buyerPhone, d.buyerBank, d.buyerAccount);
    T::text(p, 12, 32, 92, 22, buyer, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap);
    const QString seller = QStringLiteral("名称：%1\n统一社会信用代码/纳税人识别号：91370100MA3SANDBOX\n地址、电话：济南市历下区（沙箱） 0531-67880028")
                               .arg(Payments::payeeName());
    T::text(p, 107, 32, 92, 22, seller, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap);

    // Items.
    T::box(p, 10, 55, 190, 38);
    p.setPen(brown);
    const double cols[] = {12, 80, 100, 118, 140, 165, 178};
    const QStringList heads{QStringLiteral("项目名称"), QStringLiteral("单位"), QStringLiteral("数量"), QStringLiteral("单价"),
                            QStringLiteral("金额"), QStringLiteral("税率"), QStringLiteral("税额")};
    for (int i = 0; i < heads.size(); ++i)
        T::text(p, cols[i], 57, 30, 5, heads.at(i), Qt::AlignLeft);
    p.setPen(Qt::black);
    const qint64 unitNet = d.netFen() / d.quantity;
    const QStringList cells{d.itemName, QStringLiteral("套"), QString::number(d.quantity), Context::money(unitNet),
                            Context::money(d.netFen()), QStringLiteral("6%"), Context::money(d.taxFen())};
    T::text(p, cols[0], 64, 66, 10, cells.at(0), Qt::AlignLeft | Qt::TextWordWrap);
    for (int i = 1; i < cells.size(); ++i)
        T::text(p, cols[i], 64, 30, 5, cells.at(i), Qt::AlignLeft);
    T::text(p, 12, 86, 60, 5, QStringLiteral("合计"), Qt::AlignLeft);
    T::text(p, cols[4], 86, 30, 5, QStringLiteral("¥") + Context::money(d.netFen()), Qt::AlignLeft);
    T::text(p, cols[6], 86, 30, 5, QStringLiteral("¥") + Context::money(d.taxFen()), Qt::AlignLeft);

    // Total.
    T::box(p, 10, 93, 190, 9);
    p.setPen(brown);
    T::text(p, 12, 94, 40, 7, QStringLiteral("价税合计（大写）"), Qt::AlignLeft | Qt::AlignVCenter);
    p.setPen(Qt::black);
    T::text(p, 52, 94, 80, 7, Payments::chineseCapitals(d.totalFen), Qt::AlignLeft | Qt::AlignVCenter);
    T::text(p, 140, 94, 58, 7, QStringLiteral("（小写）¥%1").arg(Context::money(d.totalFen)), Qt::AlignLeft | Qt::AlignVCenter);

    // Remarks.
    T::box(p, 10, 102, 190, 22);
    p.setPen(brown);
    T::text(p, 12, 103, 20, 5, QStringLiteral("备注"), Qt::AlignLeft);
    p.setPen(Qt::black);
    T::text(p, 30, 103, 168, 20,
            QStringLiteral("支付订单号：%1\nCA申请编号：%2\n支付方式：%3    支付时间：%4")
                .arg(d.orderNo, d.applicationId, Payments::channelLabel(d.channel), Context::isoTime(d.issuedAt)),
            Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap);
    p.setFont(T::cjkFont(8));
    p.setPen(Qt::darkGray);
    T::text(p, 10, 127, 190, 6, QStringLiteral("开票人：ca-sandbox    本发票由沙箱平台生成，仅供测试，不具有法律效力。"), Qt::AlignLeft);
    p.end();
    return buffer.data();
}

QByteArray Invoice::pdf(Context &context, const StoredApplication &app)
{
    if (app.paymentStatus != QLatin1String("paid"))
        throw HttpError(409, QStringLiteral("not_paid"),
                        QStringLiteral("The e-invoice is available once the fee has been paid; pay first and refresh the payment status."));
    QSqlQuery q = Sql::exec(context.db(), QStringLiteral("SELECT order_no FROM payment_orders WHERE application_id = ? AND status = 'paid' "
                                                         "ORDER BY rowid DESC LIMIT 1"), {app.id});
    const auto order = q.next() ? Payments::find(context, q.value(0).toString()) : std::nullopt;
    if (!order)
        throw HttpError(409, QStringLiteral("not_paid"),
                        QStringLiteral("The e-invoice is available once the fee has been paid; pay first and refresh the payment status."));
    QString safeId = app.id;
    safeId.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9_-]")), QStringLiteral("_"));
    const InvoiceData data = InvoiceData::from(app, *order);
    return Templates::cachedPdf(context, QStringLiteral("invoices/%1-%2.pdf").arg(safeId, order->orderNo),
                                [&data] { return render(data); });
}

} // namespace ca::sandbox
