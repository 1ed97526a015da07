#include "ui/SettingsDialog.h"

#include "ui/AppSettings.h"

#include "ui_SettingsDialog.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QPushButton>
#include <QUrl>

namespace ca::ui {

SettingsDialog::SettingsDialog(AppSettings &settings, QWidget *parent)
    : QDialog(parent)
    , m_settings(settings)
    , m_ui(std::make_unique<Ui::SettingsDialog>())
{
    m_ui->setupUi(this);
    // Paths (CA bundle, PKCS#11 module) readable whole: about 60 characters in the field.
    m_ui->caBundleEdit->setMinimumWidth(m_ui->caBundleEdit->fontMetrics().averageCharWidth() * 60);
    m_ui->languageCombo->addItem(tr("System language"), QString());
    m_ui->languageCombo->addItem(QStringLiteral("中文（简体）"), QStringLiteral("zh_CN"));
    m_ui->languageCombo->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_ui->buttonBox->button(QDialogButtonBox::Save)->setObjectName(QStringLiteral("saveButton"));
    m_ui->buttonBox->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("cancelButton"));
    m_ui->buttonBox->button(QDialogButtonBox::RestoreDefaults)->setObjectName(QStringLiteral("restoreDefaultsButton"));
    m_ui->settingsMessageLabel->setVisible(false);
    m_ui->settingsMessageLabel->setStyleSheet(QStringLiteral("color: #b3261e;"));

    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    connect(m_ui->buttonBox->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this,
            &SettingsDialog::restoreDefaults);
    connect(m_ui->caBundleBrowseButton, &QPushButton::clicked, this, &SettingsDialog::browseCaBundle);
    connect(m_ui->moduleBrowseButton, &QPushButton::clicked, this, &SettingsDialog::browseModule);
    load();
}

SettingsDialog::~SettingsDialog() = default;

void SettingsDialog::load()
{
    using Key = AppSettings::Key;
    m_ui->serverUrlEdit->setText(m_settings.storedValue(Key::ServerUrl).toString());
    m_ui->caBundleEdit->setText(m_settings.storedValue(Key::CaBundle).toString());
    m_ui->moduleEdit->setText(m_settings.storedValue(Key::Pkcs11Module).toString());
    const int lang = m_ui->languageCombo->findData(m_settings.storedValue(Key::Language).toString());
    m_ui->languageCombo->setCurrentIndex(lang < 0 ? 0 : lang);

    QStringList notes;
    notes << tr("A new language applies the next time the program starts.");
    if (m_settings.hasSessionOverride(Key::ServerUrl) || m_settings.hasSessionOverride(Key::CaBundle)
        || m_settings.hasSessionOverride(Key::Pkcs11Module) || m_settings.hasSessionOverride(Key::Language)) {
        notes << tr("Some values were given on the command line for this session; saving here replaces them.");
    }
    m_ui->settingsNoteLabel->setText(notes.join(QLatin1Char(' ')));
}

void SettingsDialog::restoreDefaults()
{
    using Key = AppSettings::Key;
    for (Key key : {Key::ServerUrl, Key::CaBundle, Key::Pkcs11Module, Key::Language})
        m_settings.reset(key);
    load();
}

void SettingsDialog::showMessage(const QString &text)
{
    m_ui->settingsMessageLabel->setText(text);
    m_ui->settingsMessageLabel->setVisible(!text.isEmpty());
}

bool SettingsDialog::save()
{
    using Key = AppSettings::Key;
    const QString server = m_ui->serverUrlEdit->text().trimmed();
    if (!server.isEmpty()) {
        const QUrl url = QUrl::fromUserInput(server);
        if (!url.isValid() || url.host().isEmpty() || url.scheme() != QLatin1String("https")) {
            showMessage(tr("The server address must be a secure address starting with https://, for example "
                           "https://ca.example.cn."));
            m_ui->serverUrlEdit->setFocus();
            return false;
        }
    }
    const QString bundle = m_ui->caBundleEdit->text().trimmed();
    if (!bundle.isEmpty() && !QFileInfo(bundle).isReadable()) {
        showMessage(tr("The CA bundle file %1 cannot be read. Choose an existing PEM file or leave the field empty.")
                        .arg(bundle));
        m_ui->caBundleEdit->setFocus();
        return false;
    }
    const QString module = m_ui->moduleEdit->text().trimmed();
    if (!module.isEmpty() && !QFileInfo(module).isFile()) {
        showMessage(tr("The PKCS#11 module %1 does not exist. Choose the library file of your USB key's driver or "
                       "leave the field empty.")
                        .arg(module));
        m_ui->moduleEdit->setFocus();
        return false;
    }
    auto put = [this](Key key, const QVariant &value) {
        if (m_settings.storedValue(key) != value || m_settings.hasSessionOverride(key))
            m_settings.setValue(key, value);
    };
    put(Key::ServerUrl, server);
    put(Key::CaBundle, bundle);
    put(Key::Pkcs11Module, module);
    put(Key::Language, m_ui->languageCombo->currentData().toString());
    showMessage(QString());
    return true;
}

void SettingsDialog::accept()
{
    if (save())
        QDialog::accept();
}

void SettingsDialog::browseCaBundle()
{
    const QString file = QFileDialog::getOpenFileName(this, tr("Choose the CA bundle"), m_ui->caBundleEdit->text(),
                                                      tr("PEM certificates (*.pem *.crt *.cer);;All files (*)"));
    if (!file.isEmpty())
        m_ui->caBundleEdit->setText(file);
}

void SettingsDialog::browseModule()
{
    const QString file = QFileDialog::getOpenFileName(this, tr("Choose the PKCS#11 module"), m_ui->moduleEdit->text(),
                                                      tr("Libraries (*.so *.dll *.dylib);;All files (*)"));
    if (!file.isEmpty())
        m_ui->moduleEdit->setText(file);
}

} // namespace ca::ui
