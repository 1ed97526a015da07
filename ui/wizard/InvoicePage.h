#pragma once

#include "ui/wizard/WizardPageBase.h"

#include <memory>

namespace Ui {
class WizardInvoicePage;
}

namespace ca::ui {

// Step 4 (开票信息): 普票/专票 and the fields each requires, validated as the
// user types (FieldEdit), with the seed's note about special characters.
class InvoicePage : public WizardPageBase
{
    Q_OBJECT
public:
    explicit InvoicePage(ApplicationWizard *wizard);
    ~InvoicePage() override;
    void loadFromModel() override;
    bool validatePage() override;
    QList<FieldEdit *> fieldEdits() const override;
    QWidget *widgetForPath(const QString &path) const override;

private:
    void store();
    void updateTypeHint();
    std::unique_ptr<Ui::WizardInvoicePage> m_ui;
    bool m_loading = false;
};

} // namespace ca::ui
