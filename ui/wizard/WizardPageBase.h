#pragma once

#include "core/validation/ApplicationValidator.h"

#include <QList>
#include <QWizardPage>

class QLabel;

namespace ca::ui {

class ApplicationWizard;
class FieldEdit;

// Common part of the wizard pages: the wizard (the one model of the
// application), the sync banner at the top ("syncBanner"), the page's
// FieldEdits (to show ApplicationValidator errors and focus a field), and
// loading the page from the model.
class WizardPageBase : public QWizardPage
{
    Q_OBJECT
public:
    explicit WizardPageBase(ApplicationWizard *wizard);

    // Fill the widgets from the wizard's application (after load or resume).
    virtual void loadFromModel() = 0;
    virtual QList<FieldEdit *> fieldEdits() const { return {}; }
    // Shows these errors (ApplicationValidator, this page's only) under their fields; clears the others.
    // Returns the widget of the first error, if any.
    virtual QWidget *showErrors(const QList<FieldError> &errors);
    // The widget for a key path, or nullptr.
    virtual QWidget *widgetForPath(const QString &path) const;

    void setBanner(const QString &text, bool warning);

    // validatePage() of a field page: the application's problems (purpose Pay)
    // on this step are shown under their fields and in the banner, the first
    // one gets the focus; true when the step has none.
    bool validateStep(WizardStep step);

protected:
    // Call after setupUi(this): puts the banner on top of the page layout.
    void installBanner();
    ApplicationWizard *m_wizard;
    QLabel *m_banner = nullptr;
};

} // namespace ca::ui
