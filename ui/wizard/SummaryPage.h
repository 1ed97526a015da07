#pragma once

#include "ui/wizard/WizardPageBase.h"

#include <memory>

namespace Ui {
class WizardSummaryPage;
}

namespace ca::ui {

// Step 6: everything on one page ("summaryBrowser"), each section with a link
// back to its step, and what is still missing ("problemsLabel").
class SummaryPage : public WizardPageBase
{
    Q_OBJECT
public:
    explicit SummaryPage(ApplicationWizard *wizard);
    ~SummaryPage() override;
    void loadFromModel() override;
    void initializePage() override;
    QString summaryText() const;

private:
    std::unique_ptr<Ui::WizardSummaryPage> m_ui;
};

} // namespace ca::ui
