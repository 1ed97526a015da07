#include "ui/wizard/PaymentPage.h"
#include "ui_WizardPaymentPage.h"

#include "ui/ApplicationWizard.h"
#include "ui/ClientContext.h"
#include "ui/wizard/PaymentWidget.h"

namespace ca::ui {

PaymentPage::PaymentPage(ApplicationWizard *wizard)
    : WizardPageBase(wizard)
    , m_ui(std::make_unique<Ui::WizardPaymentPage>())
    , m_payment(new PaymentWidget(wizard->context(), this))
{
    m_ui->setupUi(this);
    installBanner();
    m_payment->setObjectName(QStringLiteral("paymentWidget"));
    m_ui->paymentLayout->addWidget(m_payment);
    connect(m_payment, &PaymentWidget::paid, this, [this] {
        m_wizard->reloadFromServer();
        m_wizard->context().notifyApplicationsChanged(m_wizard->serverId());
    });
}

PaymentPage::~PaymentPage() = default;

void PaymentPage::initializePage()
{
    loadFromModel();
}

void PaymentPage::loadFromModel()
{
    const QList<FieldError> errors = m_wizard->problems(ValidationPurpose::Pay);
    if (!errors.isEmpty()) {
        QStringList lines;
        lines << tr("Complete these before paying:");
        for (const FieldError &e : errors)
            lines << QStringLiteral("• ") + e.message;
        setBanner(lines.join(QLatin1Char('\n')), true);
        m_payment->setEnabled(false);
        return;
    }
    m_payment->setEnabled(true);
    const Application &app = m_wizard->application();
    const Money fee = m_wizard->context().platform().priceOf(app.kind) * qMax(1, app.order.quantity);
    if (!app.id.isEmpty())
        m_payment->setApplication(app.id, app.fee.isZero() ? fee : app.fee, app.paymentStatus == PaymentStatus::Paid);
    // The order must be for what the user sees: save first (no-op when nothing changed).
    m_wizard->saveToServer([this](bool ok) {
        const Application &a = m_wizard->application();
        if (ok && !a.id.isEmpty())
            m_payment->setApplication(a.id, a.fee, a.paymentStatus == PaymentStatus::Paid);
    });
}

} // namespace ca::ui
