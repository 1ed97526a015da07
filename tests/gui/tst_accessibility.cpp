// Issue 6 item 7 ("fully usable by keyboard ... accessible names on every
// input"): every window of the applicant's path is shown against a real
// sandbox and audited as a screen reader and a keyboard user meet it:
// - every control a user can reach with Tab (line edits, combo boxes, spin
//   boxes, text edits, check and radio boxes, buttons, lists and tables) has a
//   name through the accessibility interface (its text, its buddy label or
//   its accessibleName), in both languages;
// - no two controls visible together claim the same mnemonic (Alt+letter),
//   counting labels that lend theirs to a buddy, buttons, check boxes and
//   group boxes.
// The audit is checked first on a small window built to break every rule, so
// a test that finds nothing has proved that it would have found something.

#include "tst_accessibility_audit.h"
#include "tst_wizard_support.h"

#include "i18n/Translations.h"
#include "ui/ApplicationDetailsDialog.h"
#include "ui/LoginDialog.h"
#include "ui/MainWindow.h"
#include "ui/SettingsDialog.h"

#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QApplication>
#include <QComboBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QTabBar>
#include <QTabWidget>
#include <QTextEdit>
#include <QToolButton>

using namespace ca;
using namespace ca::ui;
using namespace wiztest;

using namespace a11y;


class TestAccessibility : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void auditFindsEachProblem();
    void applicantWindows_data();
    void applicantWindows();

private:
    std::unique_ptr<test::SandboxProcess> m_sandbox;
    QTemporaryDir m_tmp;
};

void TestAccessibility::initTestCase()
{
    m_sandbox = std::make_unique<test::SandboxProcess>(QStringList{QStringLiteral("--workflow"), QStringLiteral("pay-first")});
    QVERIFY2(m_sandbox->start(), qPrintable(m_sandbox->lastError()));
}

void TestAccessibility::auditFindsEachProblem()
{
    QWidget window;
    auto *layout = new QHBoxLayout(&window);
    auto *nameless = new QLineEdit(&window);
    nameless->setObjectName(QStringLiteral("nameless"));
    auto *label = new QLabel(QStringLiteral("&Unit"), &window);
    auto *named = new QLineEdit(&window);
    label->setBuddy(named);
    auto *clash = new QPushButton(QStringLiteral("&Upload"), &window);
    auto *icon = new QToolButton(&window);
    icon->setObjectName(QStringLiteral("iconOnly"));
    auto *spin = new QSpinBox(&window);
    spin->setAccessibleName(QStringLiteral("Quantity"));
    for (QWidget *w : {static_cast<QWidget *>(nameless), static_cast<QWidget *>(label), static_cast<QWidget *>(named),
                       static_cast<QWidget *>(clash), static_cast<QWidget *>(icon), static_cast<QWidget *>(spin)})
        layout->addWidget(w);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const QStringList found = audit(&window, QStringLiteral("probe"));
    QCOMPARE(found.size(), 3);
    QVERIFY2(found.filter(QStringLiteral("\"nameless\" has no accessible name")).size() == 1, qPrintable(found.join(QLatin1Char('\n'))));
    QVERIFY2(found.filter(QStringLiteral("\"iconOnly\" has no accessible name")).size() == 1, qPrintable(found.join(QLatin1Char('\n'))));
    QVERIFY2(found.filter(QStringLiteral("Alt+U")).size() == 1, qPrintable(found.join(QLatin1Char('\n'))));
    // Fixed, the same window passes.
    nameless->setAccessibleName(QStringLiteral("Recipient"));
    icon->setAccessibleName(QStringLiteral("Refresh"));
    clash->setText(QStringLiteral("U&pload"));
    QVERIFY2(audit(&window, QStringLiteral("probe")).isEmpty(), qPrintable(audit(&window, QStringLiteral("probe")).join(QLatin1Char('\n'))));
}

void TestAccessibility::applicantWindows_data()
{
    QTest::addColumn<QString>("lang");
    QTest::newRow("zh_CN") << QStringLiteral("zh_CN");
    QTest::newRow("en") << QStringLiteral("en");
}

void TestAccessibility::applicantWindows()
{
    QFETCH(QString, lang);
    ca::i18n::install(*QCoreApplication::instance(), lang);
    Session s;
    QVERIFY(s.open(*m_sandbox, m_tmp.path(), lang));
    QStringList problems;

    {
        LoginDialog login(*s.context);
        login.show();
        settle();
        problems << audit(&login, QStringLiteral("login"));
    }
    {
        SettingsDialog settings(*s.settings);
        settings.show();
        settle();
        problems << audit(&settings, QStringLiteral("settings"));
    }

    // A wizard walked to each page (the pages are audited as the user sees them).
    const QString pdf = writeFile(m_tmp.path(), QStringLiteral("营业执照.pdf"), test::tinyPdf());
    const QString png = writeFile(m_tmp.path(), QStringLiteral("法人身份证.png"), test::tinyPng());
    QString applicationId;
    {
        ApplicationWizard w(*s.context);
        w.resize(960, 720);
        w.show();
        QTRY_VERIFY_WITH_TIMEOUT(w.isLoaded(), 30000);
        settle();
        problems << audit(&w, QStringLiteral("wizard notice"));
        child<QCheckBox>(&w, "consentCheck")->setChecked(true);
        w.next();
        settle();
        problems << audit(&w, QStringLiteral("wizard kind"));
        w.next();
        type(field(w, "mailingAddressEdit"), QStringLiteral("济南市历下区经十路1号"));
        type(field(w, "recipientNameEdit"), QStringLiteral("张三"));
        type(field(w, "recipientPhoneEdit"), QStringLiteral("18769628833"));
        settle();
        problems << audit(&w, QStringLiteral("wizard order"));
        w.next();
        QCOMPARE(w.currentId(), int(ApplicationWizard::InvoicePageId));
        type(field(w, "titleEdit"), QStringLiteral("济南示例科技有限公司"));
        type(field(w, "taxIdEdit"), QStringLiteral("91370100MA3C5QX875"));
        type(field(w, "noticeMobileEdit"), QStringLiteral("18769628833"));
        settle();
        problems << audit(&w, QStringLiteral("wizard invoice"));
        w.next();
        QCOMPARE(w.currentId(), int(ApplicationWizard::AttachmentsPageId));
        w.attachmentsPage()->chooseFile(AttachmentCategory::BusinessLicence, pdf);
        w.attachmentsPage()->chooseFile(AttachmentCategory::LegalRepId, png);
        QTRY_VERIFY_WITH_TIMEOUT(w.attachmentsPage()->row(AttachmentCategory::BusinessLicence)->isUploaded()
                                     && w.attachmentsPage()->row(AttachmentCategory::LegalRepId)->isUploaded(),
                                 60000);
        settle();
        problems << audit(&w, QStringLiteral("wizard scans"));
        w.next();
        settle();
        problems << audit(&w, QStringLiteral("wizard summary"));
        w.next();
        QCOMPARE(w.currentId(), int(ApplicationWizard::PaymentPageId));
        PaymentWidget *pay = w.paymentWidget();
        pay->setOpensCashier(false);
        QTRY_VERIFY_WITH_TIMEOUT(!pay->applicationId().isEmpty(), 30000);
        settle();
        problems << audit(&w, QStringLiteral("wizard payment"));
        child<QCheckBox>(pay, "nonRefundCheck")->setChecked(true);
        child<QRadioButton>(pay, "channelWechatRadio")->setChecked(true);
        child<QPushButton>(pay, "payButton")->click();
        QTRY_VERIFY_WITH_TIMEOUT(child<QWidget>(pay, "wechatPanel")->isVisible(), 30000);
        settle();
        problems << audit(&w, QStringLiteral("wizard payment (WeChat)"));
        applicationId = pay->applicationId();
    }

    {
        MainWindow window(*s.context);
        window.resize(1200, 720);
        window.show();
        QTRY_VERIFY_WITH_TIMEOUT(window.refreshCount() >= 1, 30000);
        auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("mainTabs"));
        QVERIFY(tabs);
        for (int i = 0; i < tabs->count(); ++i) {
            tabs->setCurrentIndex(i);
            settle();
            problems << audit(&window, QStringLiteral("main window, tab %1").arg(tabs->tabText(i)));
        }
    }
    {
        Application stub;
        stub.id = applicationId;
        ApplicationDetailsDialog details(*s.context, stub);
        details.resize(820, 560);
        details.show();
        QTRY_VERIFY_WITH_TIMEOUT(details.loadCount() >= 1, 30000);
        auto *tabs = details.findChild<QTabWidget *>(QStringLiteral("detailsTabs"));
        QVERIFY(tabs);
        for (int i = 0; i < tabs->count(); ++i) {
            tabs->setCurrentIndex(i);
            settle();
            problems << audit(&details, QStringLiteral("details, tab %1").arg(tabs->tabText(i)));
        }
    }
    s.close();
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

QTEST_MAIN(TestAccessibility)
#include "tst_accessibility.moc"
