// Unit test of the sandbox PDFs (e-invoice, templates; QPdfWriter with the
// Noto CJK font) read back with pdftotext (poppler-utils), and of the amount
// in Chinese capitals.
#include "sandbox/Invoice.h"
#include "sandbox/Payments.h"
#include "sandbox/Templates.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace ca::sandbox;

namespace {

QString pdfText(const QByteArray &pdf)
{
    // SANDBOX_EXT_PDF_DUMP=DIR keeps the PDFs for a look with a viewer.
    if (const QByteArray dump = qgetenv("SANDBOX_EXT_PDF_DUMP"); !dump.isEmpty()) {
        static int n = 0;
        QFile keep(QString::fromLocal8Bit(dump) + QStringLiteral("/sandbox_ext_%1.pdf").arg(++n));
        if (keep.open(QIODevice::WriteOnly))
            keep.write(pdf);
    }
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("doc.pdf"));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write(pdf);
    f.close();
    QProcess p;
    p.start(QStringLiteral("pdftotext"), {QStringLiteral("-enc"), QStringLiteral("UTF-8"), path, QStringLiteral("-")});
    if (!p.waitForFinished(60000) || p.exitCode() != 0)
        return {};
    return QString::fromUtf8(p.readAllStandardOutput());
}

} // namespace

class SandboxExtPdfTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty(),
                 "pdftotext (Debian package poppler-utils) is needed to read the PDFs back");
        QVERIFY(Templates::pdfAvailable());
    }

    void capitals_data()
    {
        QTest::addColumn<qint64>("fen");
        QTest::addColumn<QString>("text");
        QTest::newRow("300.00") << qint64(30000) << QStringLiteral("叁佰元整");
        QTest::newRow("0.01") << qint64(1) << QStringLiteral("壹分");
        QTest::newRow("0.00") << qint64(0) << QStringLiteral("零元整");
        QTest::newRow("1001.00") << qint64(100100) << QStringLiteral("壹仟零壹元整");
        QTest::newRow("100000.00") << qint64(10000000) << QStringLiteral("壹拾万元整");
        QTest::newRow("1000010.00") << qint64(100001000) << QStringLiteral("壹佰万零壹拾元整");
        QTest::newRow("600.50") << qint64(60050) << QStringLiteral("陆佰元伍角");
        QTest::newRow("200.05") << qint64(20005) << QStringLiteral("贰佰元零伍分");
        QTest::newRow("12345.67") << qint64(1234567) << QStringLiteral("壹万贰仟叁佰肆拾伍元陆角柒分");
        QTest::newRow("100000001.00") << qint64(10000000100) << QStringLiteral("壹亿零壹元整");
    }
    void capitals()
    {
        QFETCH(qint64, fen);
        QFETCH(QString, text);
        QCOMPARE(Payments::chineseCapitals(fen), text);
    }

    void taxSplit()
    {
        InvoiceData d;
        d.totalFen = 30000;
        QCOMPARE(d.netFen(), qint64(28302)); // 300 / 1.06 = 283.0188...
        QCOMPARE(d.taxFen(), qint64(1698));
        d.totalFen = 1;
        QCOMPARE(d.netFen() + d.taxFen(), qint64(1));
    }

    void invoiceShowsFieldsAndAmount()
    {
        InvoiceData d;
        d.invoiceNo = QStringLiteral("26372026112100000001");
        d.issuedAt = QDateTime(QDate(2026, 11, 21), QTime(10, 0), Qt::UTC);
        d.type = QStringLiteral("normal");
        d.buyerTitle = QStringLiteral("济南示例科技有限公司");
        d.buyerTaxId = QStringLiteral("91370100MA3C5QX875");
        d.itemName = QStringLiteral("*信息技术服务*CA数字证书服务费（新办）");
        d.quantity = 1;
        d.totalFen = 30000;
        d.orderNo = QStringLiteral("370100cazf20261121000001");
        d.applicationId = QStringLiteral("A20261121-0001");
        d.channel = QStringLiteral("wechat");
        const QByteArray pdf = Invoice::render(d);
        QVERIFY(pdf.startsWith("%PDF"));
        const QString text = pdfText(pdf);
        QVERIFY2(text.contains(QStringLiteral("300.00")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("叁佰元整")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("370100cazf20261121000001")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("济南示例科技有限公司")));
        QVERIFY(text.contains(QStringLiteral("91370100MA3C5QX875")));
        QVERIFY(text.contains(QStringLiteral("26372026112100000001")));
        QVERIFY(text.contains(QStringLiteral("电子发票")));
        QVERIFY(text.contains(QStringLiteral("16.98")) || text.contains(QStringLiteral("283.02")));
    }

    void templates()
    {
        const QByteArray form = Templates::render(QStringLiteral("application_form"));
        QVERIFY(form.startsWith("%PDF"));
        const QString formText = pdfText(form);
        QVERIFY2(formText.contains(QStringLiteral("CA证书申请表")), qPrintable(formText));
        QVERIFY2(formText.contains(QStringLiteral("统一社会信用代码")), qPrintable(formText));
        const QByteArray letter = Templates::render(QStringLiteral("authorization_letter"));
        QVERIFY(letter.startsWith("%PDF"));
        QVERIFY(pdfText(letter).contains(QStringLiteral("授权委托书")));
        QVERIFY(Templates::render(QStringLiteral("../etc/passwd")).isEmpty());
    }
};

QTEST_MAIN(SandboxExtPdfTest)
#include "sandbox_ext_pdf.moc"
