#include "ui/wizard/KindPage.h"
#include "ui_WizardKindPage.h"

#include "core/workflow/WorkflowRules.h"
#include "ui/ApplicationWizard.h"
#include "ui/ClientContext.h"

namespace ca::ui {

KindPage::KindPage(ApplicationWizard *wizard)
    : WizardPageBase(wizard)
    , m_ui(std::make_unique<Ui::WizardKindPage>())
{
    m_ui->setupUi(this);
    installBanner();
    m_ui->kindLockedLabel->setVisible(false);
    for (QRadioButton *b : {m_ui->kindNewRadio, m_ui->kindReissueRadio, m_ui->kindChangeRadio, m_ui->kindRenewalRadio,
                            m_ui->kindExistingRadio})
        connect(b, &QRadioButton::toggled, this, [this](bool on) {
            if (on)
                onToggled();
        });
}

KindPage::~KindPage() = default;

void KindPage::loadFromModel()
{
    m_loading = true;
    switch (m_wizard->application().kind) {
    case ApplicationKind::New: m_ui->kindNewRadio->setChecked(true); break;
    case ApplicationKind::Reissue: m_ui->kindReissueRadio->setChecked(true); break;
    case ApplicationKind::Change: m_ui->kindChangeRadio->setChecked(true); break;
    case ApplicationKind::Renewal: m_ui->kindRenewalRadio->setChecked(true); break;
    case ApplicationKind::Existing: m_ui->kindExistingRadio->setChecked(true); break;
    }
    const Decision d = WorkflowRules::mayEditFeeFields(m_wizard->application(), m_wizard->context().workflow());
    const bool editable = d.allowed || m_wizard->application().isLocalDraft();
    for (QRadioButton *b : {m_ui->kindNewRadio, m_ui->kindReissueRadio, m_ui->kindChangeRadio, m_ui->kindRenewalRadio,
                            m_ui->kindExistingRadio})
        b->setEnabled(editable);
    m_ui->kindLockedLabel->setVisible(!editable);
    m_ui->kindLockedLabel->setText(d.reason);
    m_loading = false;
}

QWidget *KindPage::widgetForPath(const QString &path) const
{
    if (path == QLatin1String("kind"))
        return m_ui->kindNewRadio->isChecked() ? m_ui->kindNewRadio : m_ui->kindReissueRadio;
    return nullptr;
}

void KindPage::onToggled()
{
    if (m_loading)
        return;
    ApplicationKind kind = ApplicationKind::New;
    if (m_ui->kindReissueRadio->isChecked())
        kind = ApplicationKind::Reissue;
    else if (m_ui->kindChangeRadio->isChecked())
        kind = ApplicationKind::Change;
    else if (m_ui->kindRenewalRadio->isChecked())
        kind = ApplicationKind::Renewal;
    else if (m_ui->kindExistingRadio->isChecked())
        kind = ApplicationKind::Existing;
    m_wizard->application().kind = kind;
    m_wizard->applicationEdited();
}

} // namespace ca::ui
