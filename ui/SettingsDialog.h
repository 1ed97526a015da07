#pragma once

#include <QDialog>

#include <memory>

namespace Ui {
class SettingsDialog;
}

namespace ca::ui {

class AppSettings;

// Server URL, CA bundle, language (applied at the next start) and PKCS#11
// module path. Saves into the user settings (on top of the installer's system
// defaults); a value given on the command line for this session is shown with a note.
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SettingsDialog(AppSettings &settings, QWidget *parent = nullptr);
    ~SettingsDialog() override;

    // Validates and writes; false (message shown) when a value is refused.
    bool save();

public Q_SLOTS:
    void accept() override;

private:
    void load();
    void restoreDefaults();
    void browseCaBundle();
    void browseModule();
    void showMessage(const QString &text);

    AppSettings &m_settings;
    std::unique_ptr<Ui::SettingsDialog> m_ui;
};

} // namespace ca::ui
