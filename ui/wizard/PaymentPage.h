#pragma once

#include "ui/wizard/WizardPageBase.h"

#include <memory>

namespace Ui {
class WizardPaymentPage;
}

namespace ca::ui {

class PaymentWidget;

// Step 7 on pay-first platforms (CA费用支付): saves the application to the
// platform, checks it is complete enough to pay, then the PaymentWidget.
class PaymentPage : public WizardPageBase
{
    Q_OBJECT
public:
    explicit PaymentPage(ApplicationWizard *wizard);
    ~PaymentPage() override;
    void loadFromModel() override;
    void initializePage() override;
    PaymentWidget *paymentWidget() const { return m_payment; }

private:
    std::unique_ptr<Ui::WizardPaymentPage> m_ui;
    PaymentWidget *m_payment;
};

} // namespace ca::ui
