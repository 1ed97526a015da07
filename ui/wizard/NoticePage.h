#pragma once

#include "ui/wizard/WizardPageBase.h"

#include <memory>

namespace Ui {
class WizardNoticePage;
}

namespace ca::ui {

// Step 1: CA网上办理告知及确认书 (GET /api/v1/platform "notice"); Next only once "consentCheck" is ticked.
class NoticePage : public WizardPageBase
{
    Q_OBJECT
public:
    explicit NoticePage(ApplicationWizard *wizard);
    ~NoticePage() override;
    void loadFromModel() override;
    bool isComplete() const override;
    void setAccepted(bool accepted);
    bool isAccepted() const;

private:
    std::unique_ptr<Ui::WizardNoticePage> m_ui;
};

} // namespace ca::ui
