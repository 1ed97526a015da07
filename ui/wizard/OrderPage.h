#pragma once

#include "ui/wizard/WizardPageBase.h"

#include <memory>

namespace Ui {
class WizardOrderPage;
}

namespace ca::ui {

// Step 3 (01 订单信息): unit name and USCC from the organisation (read-only),
// 现场取锁/邮寄取锁 with the mailing details only by mail (key kinds), the
// quantity, and the fee from the platform's price table, updated live.
class OrderPage : public WizardPageBase
{
    Q_OBJECT
public:
    explicit OrderPage(ApplicationWizard *wizard);
    ~OrderPage() override;
    void loadFromModel() override;
    bool validatePage() override;
    QList<FieldEdit *> fieldEdits() const override;
    QWidget *widgetForPath(const QString &path) const override;
    void updateFee();

private:
    void store();
    void updateVisibility();
    std::unique_ptr<Ui::WizardOrderPage> m_ui;
    bool m_loading = false;
};

} // namespace ca::ui
