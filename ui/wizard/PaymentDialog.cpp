#include "ui/wizard/PaymentDialog.h"
#include "ui_PaymentDialog.h"

#include "core/model/Application.h"
#include "core/platform/PlatformCall.h"
#include "core/platform/PlatformClient.h"
#include "ui/ClientContext.h"
#include "ui/wizard/PaymentWidget.h"

#include <QPushButton>

namespace ca::ui {

PaymentDialog::PaymentDialog(ClientContext &context, const QString &applicationId, QWidget *parent)
    : QDialog(parent)
    , m_context(context)
    , m_ui(std::make_unique<Ui::PaymentDialog>())
    , m_payment(new PaymentWidget(context, this))
    , m_id(applicationId)
{
    m_ui->setupUi(this);
    m_payment->setObjectName(QStringLiteral("paymentWidget"));
    m_ui->paymentLayout->addWidget(m_payment);
    m_ui->applicationLabel->setText(tr("Loading application %1…").arg(applicationId));
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_payment, &PaymentWidget::paid, this, [this] {
        m_context.notifyApplicationsChanged(m_id);
        Q_EMIT paid();
    });
    PlatformCall *call = context.client().application(applicationId);
    connect(call, &PlatformCall::finished, this, [this, call] {
        call->deleteLater();
        if (!call->ok()) {
            m_ui->applicationLabel->setText(call->error().userMessage);
            return;
        }
        const auto parsed = Application::fromJson(call->json());
        if (!parsed.ok()) {
            m_ui->applicationLabel->setText(tr("The platform sent an application this program cannot read."));
            return;
        }
        const Application &app = parsed.value;
        m_ui->applicationLabel->setText(tr("Application %1 · %2 · %3").arg(app.id, app.organization.name, enumDisplayName(app.kind)));
        m_payment->setApplication(app.id, app.fee, app.paymentStatus == PaymentStatus::Paid);
    });
}

PaymentDialog::~PaymentDialog() = default;

} // namespace ca::ui
