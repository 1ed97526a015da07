#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace ca::sandbox {

class Context;
struct StoredApplication;
struct StoredOrder;

// The e-invoice (电子发票) of a paid application, a PDF drawn with QPdfWriter:
// buyer fields from the application's "invoice" object, the item (CA
// certificate service of the kind x quantity), amount excl. tax, 6 % VAT,
// total in figures and Chinese capitals, the payment order number and date.
struct InvoiceData {
    QString invoiceNo;     // 20 digits, derived from the order number
    QDateTime issuedAt;    // the payment time
    QString type;          // normal | special
    QString buyerTitle, buyerTaxId, buyerAddress, buyerPhone, buyerBank, buyerAccount;
    QString itemName;      // "*信息技术服务*CA数字证书服务费（新办）"
    int quantity = 1;
    qint64 totalFen = 0;   // tax included (what was paid)
    QString orderNo;
    QString applicationId;
    QString channel;

    static InvoiceData from(const StoredApplication &app, const StoredOrder &order);
    qint64 taxFen() const;    // total - total / 1.06, rounded to the fen
    qint64 netFen() const { return totalFen - taxFen(); }
};

class Invoice
{
public:
    static QByteArray render(const InvoiceData &data); // empty without a QGuiApplication
    // The PDF of a paid application, cached in DIR/invoices/<id>.pdf. Throws
    // HttpError 409 "not_paid" before payment, 503 without PDF support.
    static QByteArray pdf(Context &context, const StoredApplication &app);
};

} // namespace ca::sandbox
