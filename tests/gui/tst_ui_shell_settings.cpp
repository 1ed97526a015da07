// AppSettings (key table, system INI under user INI, session overrides never
// written, no secrets) and SettingsDialog (validation, saving).

#include "ui/AppSettings.h"
#include "ui/SettingsDialog.h"

#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>

using namespace ca::ui;

class TestUiShellSettings : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void layering();
    void dialogSaves();
    void dialogRefusesBadValues();
};

void TestUiShellSettings::layering()
{
    QTemporaryDir dir;
    const QString system = dir.filePath(QStringLiteral("system.ini"));
    {
        QSettings s(system, QSettings::IniFormat);
        s.setValue(AppSettings::keyName(AppSettings::Key::ServerUrl), QStringLiteral("https://ca.example.cn"));
        s.setValue(AppSettings::keyName(AppSettings::Key::Pkcs11Module), QStringLiteral("/usr/lib/vendor.so"));
    }
    const QString user = dir.filePath(QStringLiteral("user.ini"));
    AppSettings settings(user, system);
    // Built-in default, then the installer's system value.
    QCOMPARE(settings.value(AppSettings::Key::PollIntervalSeconds).toInt(), 15);
    QCOMPARE(settings.serverUrl(), QStringLiteral("https://ca.example.cn"));
    QCOMPARE(settings.pkcs11Module(), QStringLiteral("/usr/lib/vendor.so"));
    // The user's value lies on top; reset goes back to the system value.
    settings.setValue(AppSettings::Key::ServerUrl, QStringLiteral("https://other.example.cn"));
    QCOMPARE(settings.serverUrl(), QStringLiteral("https://other.example.cn"));
    // A session override wins but is never written.
    settings.setSessionOverride(AppSettings::Key::ServerUrl, QStringLiteral("https://127.0.0.1:8443"));
    QCOMPARE(settings.serverUrl(), QStringLiteral("https://127.0.0.1:8443"));
    QCOMPARE(settings.storedValue(AppSettings::Key::ServerUrl).toString(), QStringLiteral("https://other.example.cn"));
    settings.sync();
    {
        QFile f(user);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(!f.readAll().contains("127.0.0.1"));
    }
    settings.reset(AppSettings::Key::ServerUrl);
    QCOMPARE(settings.storedValue(AppSettings::Key::ServerUrl).toString(), QStringLiteral("https://ca.example.cn"));
    // The system file is never written by the client.
    QSettings s(system, QSettings::IniFormat);
    QCOMPARE(s.value(AppSettings::keyName(AppSettings::Key::ServerUrl)).toString(), QStringLiteral("https://ca.example.cn"));
}

void TestUiShellSettings::dialogSaves()
{
    QTemporaryDir dir;
    AppSettings settings(dir.filePath(QStringLiteral("user.ini")), QString());
    const QString bundle = dir.filePath(QStringLiteral("ca.pem"));
    QFile f(bundle);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("-----BEGIN CERTIFICATE-----\n");
    f.close();
    SettingsDialog dialog(settings);
    dialog.show();
    dialog.findChild<QLineEdit *>(QStringLiteral("serverUrlEdit"))->setText(QStringLiteral("https://ca.example.cn:8443"));
    auto *bundleEdit = dialog.findChild<QLineEdit *>(QStringLiteral("caBundleEdit"));
    bundleEdit->setText(bundle);
    // A typical path is shown whole in the field.
    const QString typical = QStringLiteral("/tmp/tst_ui_shell_screens-JMpMVs/data/ca.pem");
    QVERIFY2(bundleEdit->width() >= bundleEdit->fontMetrics().horizontalAdvance(typical) + 12,
             qPrintable(QStringLiteral("CA bundle field %1 px").arg(bundleEdit->width())));
    auto *lang = dialog.findChild<QComboBox *>(QStringLiteral("languageCombo"));
    lang->setCurrentIndex(lang->findData(QStringLiteral("en")));
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("saveButton")), Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(settings.serverUrl(), QStringLiteral("https://ca.example.cn:8443"));
    QCOMPARE(settings.caBundle(), bundle);
    QCOMPARE(settings.language(), QStringLiteral("en"));
}

void TestUiShellSettings::dialogRefusesBadValues()
{
    QTemporaryDir dir;
    AppSettings settings(dir.filePath(QStringLiteral("user.ini")), QString());
    SettingsDialog dialog(settings);
    dialog.show();
    auto *message = dialog.findChild<QLabel *>(QStringLiteral("settingsMessageLabel"));
    dialog.findChild<QLineEdit *>(QStringLiteral("serverUrlEdit"))->setText(QStringLiteral("http://ca.example.cn"));
    QVERIFY(!dialog.save());
    QVERIFY(message->isVisible());
    QVERIFY(message->text().contains(QStringLiteral("https://")));
    QVERIFY(settings.serverUrl().isEmpty());
    dialog.findChild<QLineEdit *>(QStringLiteral("serverUrlEdit"))->setText(QStringLiteral("https://ca.example.cn"));
    dialog.findChild<QLineEdit *>(QStringLiteral("moduleEdit"))->setText(dir.filePath(QStringLiteral("missing.so")));
    QVERIFY(!dialog.save());
    QVERIFY(message->text().contains(QStringLiteral("missing.so")));
    QVERIFY(settings.serverUrl().isEmpty());
}

QTEST_MAIN(TestUiShellSettings)
#include "tst_ui_shell_settings.moc"
