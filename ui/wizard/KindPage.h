#pragma once

#include "ui/wizard/WizardPageBase.h"

#include <memory>

namespace Ui {
class WizardKindPage;
}

namespace ca::ui {

// Step 2: 新办, 补办, 信息变更, 延期续费, 已有CA, each with a one-line explanation.
class KindPage : public WizardPageBase
{
    Q_OBJECT
public:
    explicit KindPage(ApplicationWizard *wizard);
    ~KindPage() override;
    void loadFromModel() override;
    QWidget *widgetForPath(const QString &path) const override;

private:
    void onToggled();
    std::unique_ptr<Ui::WizardKindPage> m_ui;
    bool m_loading = false;
};

} // namespace ca::ui
