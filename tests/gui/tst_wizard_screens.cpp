// Every wizard page laid out in the current language (CA_WIZARD_LANG, default
// zh_CN; an extra catalogue may be given with CA_WIZARD_EXTRA_QM): each page
// is grabbed to a PNG (CA_WIZARD_SHOTS_DIR, default a temporary directory) for
// a person to look at, and checked for clipped single-line labels and buttons
// (text wider than the widget) and for a title of the form "n/N".

#include "tst_wizard_support.h"

#include "i18n/Translations.h"
#include "ui/Fonts.h"
#include "ui/wizard/QrCodeWidget.h"

#include <QAbstractButton>
#include <QApplication>
#include <QLabel>
#include <QScrollArea>
#include <QTranslator>
#include <QWizardPage>

using namespace ca;
using namespace ca::ui;
using namespace wiztest;

class TestWizardScreens : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void everyPage();

private:
    void shoot(ApplicationWizard &w, const QString &name);
    std::unique_ptr<test::SandboxProcess> m_sandbox;
    QTemporaryDir m_tmp;
    QString m_dir;
    QString m_lang;
    Session m_s;
    QTranslator m_extra;
    QStringList m_clipped;
};

static bool hasChinese(const QString &text)
{
    for (QChar c : text)
        if (c.unicode() >= 0x4E00 && c.unicode() <= 0x9FFF)
            return true;
    return false;
}

void TestWizardScreens::initTestCase()
{
    m_lang = qEnvironmentVariable("CA_WIZARD_LANG", QStringLiteral("zh_CN"));
    ca::i18n::install(*QCoreApplication::instance(), m_lang);
    const QString extra = qEnvironmentVariable("CA_WIZARD_EXTRA_QM");
    if (!extra.isEmpty() && m_extra.load(extra))
        QCoreApplication::installTranslator(&m_extra);
    applyChineseFontFallback(*qApp);
    m_dir = qEnvironmentVariable("CA_WIZARD_SHOTS_DIR", m_tmp.path());
    QDir().mkpath(m_dir);
    m_sandbox = std::make_unique<test::SandboxProcess>(QStringList{QStringLiteral("--workflow"), QStringLiteral("pay-first")});
    QVERIFY2(m_sandbox->start(), qPrintable(m_sandbox->lastError()));
    QVERIFY(m_s.open(*m_sandbox, m_tmp.path(), QStringLiteral("s")));
}

void TestWizardScreens::shoot(ApplicationWizard &w, const QString &name)
{
    QCoreApplication::processEvents();
    QTest::qWait(200);
    const QString file = QStringLiteral("%1/wizard-%2-%3.png").arg(m_dir, m_lang, name);
    QVERIFY(w.grab().save(file));
    QVERIFY2(w.currentPage()->title().contains(QStringLiteral("/%1").arg(w.stepCount())), qPrintable(w.currentPage()->title()));
    for (QLabel *l : w.currentPage()->findChildren<QLabel *>()) {
        if (!l->isVisible() || l->wordWrap() || l->text().isEmpty() || l->textFormat() == Qt::RichText || !l->pixmap().isNull())
            continue;
        // What is drawn: a label with a buddy shows "&A" as an underlined "A".
        QString shown = l->text().split(QLatin1Char('\n')).first();
        if (l->buddy()) {
            shown.replace(QLatin1String("&&"), QStringLiteral("\x01"));
            shown.remove(QLatin1Char('&'));
            shown.replace(QStringLiteral("\x01"), QStringLiteral("&"));
        }
        if (l->fontMetrics().horizontalAdvance(shown) > l->contentsRect().width() + 1)
            m_clipped << QStringLiteral("%1: label %2 \"%3\"").arg(name, l->objectName(), l->text());
    }
    for (QAbstractButton *b : w.findChildren<QAbstractButton *>()) {
        if (!b->isVisible() || b->text().isEmpty())
            continue;
        if (b->sizeHint().width() > b->width() + 1)
            m_clipped << QStringLiteral("%1: button %2 \"%3\"").arg(name, b->objectName(), b->text());
    }
    // Tab goes through the page from top to bottom (left to right within a row).
    QWizardPage *page = w.currentPage();
    QList<QWidget *> chain;
    for (QWidget *x = page->nextInFocusChain(); x && x != page; x = x->nextInFocusChain()) {
        if (page->isAncestorOf(x) && x->isVisibleTo(page) && x->isEnabled() && (x->focusPolicy() & Qt::TabFocus)
            && !chain.contains(x))
            chain << x;
    }
    // Where a widget is for the reader: inside a scroll area, its place in the scrolled content when both are
    // in the same area, else the scroll area's own place on the page.
    auto scrollAreaOf = [page](QWidget *x) -> QScrollArea * {
        for (QWidget *p = x->parentWidget(); p && p != page; p = p->parentWidget())
            if (auto *area = qobject_cast<QScrollArea *>(p))
                return area;
        return nullptr;
    };
    auto placeOf = [page](QWidget *x, QWidget *in) { return QRect(x->mapTo(in ? in : page, QPoint()), x->size()); };
    for (qsizetype i = 1; i < chain.size(); ++i) {
        QScrollArea *areaA = scrollAreaOf(chain.at(i - 1));
        QScrollArea *areaB = scrollAreaOf(chain.at(i));
        QRect a, b;
        if (areaA && areaA == areaB) {
            a = placeOf(chain.at(i - 1), areaA->widget());
            b = placeOf(chain.at(i), areaA->widget());
        } else {
            a = areaA ? placeOf(areaA, nullptr) : placeOf(chain.at(i - 1), nullptr);
            b = areaB ? placeOf(areaB, nullptr) : placeOf(chain.at(i), nullptr);
        }
        const bool sameRow = b.top() < a.bottom() && a.top() < b.bottom();
        if (sameRow ? b.left() < a.left() : b.top() < a.top())
            m_clipped << QStringLiteral("%1: Tab goes from %2 back to %3").arg(name, chain.at(i - 1)->objectName(), chain.at(i)->objectName());
    }
    qInfo().noquote() << "saved" << file;
}

void TestWizardScreens::everyPage()
{
    const QString pdf = writeFile(m_tmp.path(), QStringLiteral("营业执照.pdf"), test::tinyPdf());
    const QString png = writeFile(m_tmp.path(), QStringLiteral("法人身份证.png"), test::tinyPng());
    ApplicationWizard w(*m_s.context);
    w.resize(960, 720);
    w.show();
    QTRY_VERIFY_WITH_TIMEOUT(w.isLoaded(), 30000);
    shoot(w, QStringLiteral("1-notice"));
    if (m_lang == QLatin1String("en"))
        QVERIFY2(!hasChinese(child<QLabel>(&w, "noticeTitleLabel")->text()), qPrintable(child<QLabel>(&w, "noticeTitleLabel")->text()));
    child<QCheckBox>(&w, "consentCheck")->setChecked(true);
    w.next();
    shoot(w, QStringLiteral("2-kind"));
    // Each kind's explanation right by its radio button (under it), not across an empty half page.
    for (const auto &[radioName, labelName] : {std::pair{"kindNewRadio", "kindNewLabel"}, std::pair{"kindChangeRadio", "kindChangeLabel"}}) {
        auto *radio = child<QWidget>(&w, radioName);
        auto *label = child<QLabel>(&w, labelName);
        const QRect text = label->contentsRect().adjusted(label->indent(), 0, 0, 0).translated(label->mapTo(&w, QPoint()));
        const QRect button = radio->geometry().translated(radio->parentWidget()->mapTo(&w, QPoint()));
        const int gapX = text.left() - button.left();
        const int gapY = text.top() - button.bottom();
        QVERIFY2(gapX >= 0 && gapX < 60 && gapY >= -2 && gapY < 30,
                 qPrintable(QStringLiteral("%1: explanation %2 px right of and %3 px below its button").arg(QLatin1String(radioName)).arg(gapX).arg(gapY)));
    }
    w.next();
    type(field(w, "mailingAddressEdit"), QStringLiteral("济南市历下区经十路1号"));
    type(field(w, "recipientNameEdit"), QStringLiteral("张三"));
    type(field(w, "recipientPhoneEdit"), QStringLiteral("１８７６９６２８８３"));
    shoot(w, QStringLiteral("3-order-error"));
    type(field(w, "recipientPhoneEdit"), QStringLiteral("１８７６９６２８８３３"));
    shoot(w, QStringLiteral("3-order"));
    w.next();
    QCOMPARE(w.currentId(), int(ApplicationWizard::InvoicePageId));
    type(field(w, "titleEdit"), QStringLiteral("济南示例科技有限公司"));
    type(field(w, "taxIdEdit"), QStringLiteral("123456789012345678"));
    type(field(w, "noticeMobileEdit"), QStringLiteral("18769628833"));
    shoot(w, QStringLiteral("4-invoice-error"));
    type(field(w, "taxIdEdit"), QStringLiteral("91370100ma3c5qx875"));
    w.next();
    QCOMPARE(w.currentId(), int(ApplicationWizard::AttachmentsPageId));
    w.attachmentsPage()->chooseFile(AttachmentCategory::BusinessLicence, pdf);
    w.attachmentsPage()->chooseFile(AttachmentCategory::LegalRepId, png);
    QTRY_VERIFY_WITH_TIMEOUT(w.attachmentsPage()->row(AttachmentCategory::BusinessLicence)->isUploaded()
                                 && w.attachmentsPage()->row(AttachmentCategory::LegalRepId)->isUploaded(),
                             60000);
    shoot(w, QStringLiteral("5-scans"));
    if (m_lang == QLatin1String("en")) {
        // The platform's category names and 说明 are Chinese; the English window shows ours.
        for (AttachmentCategory c : enumValues<AttachmentCategory>()) {
            AttachmentRow *row = w.attachmentsPage()->row(c);
            if (!row)
                continue;
            for (const char *name : {"titleLabel", "descriptionLabel"})
                QVERIFY2(!hasChinese(child<QLabel>(row, name)->text()), qPrintable(child<QLabel>(row, name)->text()));
        }
    }
    w.next();
    shoot(w, QStringLiteral("6-summary"));
    w.next();
    QCOMPARE(w.currentId(), int(ApplicationWizard::PaymentPageId));
    PaymentWidget *pay = w.paymentWidget();
    pay->setOpensCashier(false);
    QTRY_VERIFY_WITH_TIMEOUT(!pay->applicationId().isEmpty(), 30000);
    shoot(w, QStringLiteral("7-payment"));
    child<QCheckBox>(pay, "nonRefundCheck")->setChecked(true);
    child<QRadioButton>(pay, "channelBankRadio")->setChecked(true);
    child<QPushButton>(pay, "payButton")->click();
    QTRY_VERIFY_WITH_TIMEOUT(child<QWidget>(pay, "cashierPanel")->isVisible(), 30000);
    shoot(w, QStringLiteral("7-payment-bank"));
    child<QRadioButton>(pay, "channelWechatRadio")->setChecked(true);
    child<QPushButton>(pay, "payButton")->click();
    QTRY_VERIFY_WITH_TIMEOUT(child<QWidget>(pay, "wechatPanel")->isVisible() && !child<QrCodeWidget>(pay, "qrWidget")->matrix().isNull(), 30000);
    shoot(w, QStringLiteral("7-payment-wechat"));
    // The scanning hint and the countdown beside the code, not at the far side of the page.
    {
        auto *qr = child<QrCodeWidget>(pay, "qrWidget");
        auto *hint = child<QLabel>(pay, "wechatHintLabel");
        // The code is drawn as a centred square in the widget.
        const int drawnRight = qr->mapTo(pay, QPoint()).x() + (qr->width() + qMin(qr->width(), qr->height())) / 2;
        const int gap = hint->mapTo(pay, QPoint()).x() - drawnRight;
        QVERIFY2(gap < 40, qPrintable(QStringLiteral("%1 px between the QR code and its hint").arg(gap)));
    }
    QVERIFY2(m_clipped.isEmpty(), qPrintable(m_clipped.join(QLatin1Char('\n'))));
}

QTEST_MAIN(TestWizardScreens)
#include "tst_wizard_screens.moc"
