#include "ui/wizard/OrderPage.h"
#include "ui_WizardOrderPage.h"

#include "core/workflow/WorkflowRules.h"
#include "ui/ApplicationWizard.h"
#include "ui/ClientContext.h"
#include "ui/wizard/FieldEdit.h"

#include <QLabel>
#include <QLineEdit>
#include <QPalette>

namespace ca::ui {

OrderPage::OrderPage(ApplicationWizard *wizard)
    : WizardPageBase(wizard)
    , m_ui(std::make_unique<Ui::WizardOrderPage>())
{
    m_ui->setupUi(this);
    installBanner();
    m_ui->mailingAddressEdit->setField(Field::MailingAddress, QStringLiteral("order.mailing_address"), tr("Mailing address"));
    m_ui->recipientNameEdit->setField(Field::Recipient, QStringLiteral("order.recipient_name"), tr("Recipient name"));
    m_ui->recipientPhoneEdit->setField(Field::Phone, QStringLiteral("order.recipient_phone"), tr("Recipient phone"));
    for (FieldEdit *e : fieldEdits())
        connect(e, &FieldEdit::edited, this, &OrderPage::store);
    connect(m_ui->pickupMailRadio, &QRadioButton::toggled, this, [this] {
        updateVisibility();
        store();
    });
    connect(m_ui->quantitySpin, &QSpinBox::valueChanged, this, &OrderPage::store);
    m_ui->feeTitleLabel->setVisible(false); // the fee sentence names itself (支付费用: …)

    // Unit name and USCC come from the organisation record: shown as text that can be selected and copied,
    // not as boxes that look editable, and skipped by Tab. To change them the unit applies for 信息变更.
    const QString orgHint = tr("The unit name and the unified social credit code come from your unit's record on the "
                               "platform. To change them, make a \"%1\" application.")
                                .arg(enumDisplayName(ApplicationKind::Change));
    m_ui->orgHintLabel->setText(orgHint);
    QPalette hintPalette = m_ui->orgHintLabel->palette();
    hintPalette.setColor(QPalette::WindowText, hintPalette.color(QPalette::PlaceholderText));
    m_ui->orgHintLabel->setPalette(hintPalette);
    for (QLineEdit *edit : {m_ui->unitNameEdit, m_ui->usccEdit}) {
        edit->setReadOnly(true);
        edit->setFrame(false);
        edit->setFocusPolicy(Qt::ClickFocus);
        QPalette p = edit->palette();
        p.setColor(QPalette::Base, Qt::transparent); // the page shows through, as behind a label
        edit->setPalette(p);
        edit->setAutoFillBackground(false);
        edit->setAccessibleDescription(orgHint);
        edit->setToolTip(orgHint);
    }
    // One label column for the unit rows and the quantity below the pickup box; the spin box as wide as
    // its numbers, not the whole page.
    int labelWidth = 0;
    for (QLabel *label : {m_ui->unitNameLabel, m_ui->usccLabel, m_ui->orgTypeTitleLabel, m_ui->quantityLabel})
        labelWidth = qMax(labelWidth, label->sizeHint().width());
    for (QLabel *label : {m_ui->unitNameLabel, m_ui->usccLabel, m_ui->orgTypeTitleLabel, m_ui->quantityLabel})
        label->setMinimumWidth(labelWidth);
    m_ui->quantitySpin->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    m_ui->quantitySpin->setMinimumWidth(m_ui->quantitySpin->fontMetrics().averageCharWidth() * 10);
    QFont f = m_ui->feeLabel->font();
    f.setBold(true);
    m_ui->feeLabel->setFont(f);
}

OrderPage::~OrderPage() = default;

QList<FieldEdit *> OrderPage::fieldEdits() const
{
    return {m_ui->mailingAddressEdit, m_ui->recipientNameEdit, m_ui->recipientPhoneEdit};
}

QWidget *OrderPage::widgetForPath(const QString &path) const
{
    if (path == QLatin1String("order.quantity"))
        return m_ui->quantitySpin;
    if (path == QLatin1String("order.pickup"))
        return m_ui->pickupMailRadio;
    if (path.startsWith(QLatin1String("organization.")))
        return m_ui->unitNameEdit;
    return WizardPageBase::widgetForPath(path);
}

void OrderPage::loadFromModel()
{
    m_loading = true;
    const Application &app = m_wizard->application();
    m_ui->unitNameEdit->setText(app.organization.name);
    m_ui->usccEdit->setText(app.organization.uscc);
    m_ui->orgTypeLabel->setText(enumDisplayName(app.organization.type));
    (app.order.pickup == Pickup::Onsite ? m_ui->pickupOnsiteRadio : m_ui->pickupMailRadio)->setChecked(true);
    m_ui->mailingAddressEdit->setText(app.order.mailingAddress);
    m_ui->recipientNameEdit->setText(app.order.recipientName);
    m_ui->recipientPhoneEdit->setText(app.order.recipientPhone);
    m_ui->quantitySpin->setValue(qBound(1, app.order.quantity, 99));
    m_ui->quantitySpin->setEnabled(m_wizard->feeFieldsEditable());
    updateVisibility();
    updateFee();
    m_loading = false;
}

void OrderPage::updateVisibility()
{
    const ApplicationKind kind = m_wizard->application().kind;
    const bool keyKind = kind == ApplicationKind::New || kind == ApplicationKind::Reissue;
    m_ui->pickupGroup->setVisible(keyKind);
    m_ui->mailPanel->setVisible(m_ui->pickupMailRadio->isChecked());
}

void OrderPage::updateFee()
{
    const Application &app = m_wizard->application();
    const Money fee = m_wizard->context().platform().priceOf(app.kind) * qMax(1, app.order.quantity);
    m_ui->feeLabel->setText(tr("Fee to pay: %1 yuan (excluding handling charges)").arg(fee.toString()));
    updateVisibility();
}

void OrderPage::store()
{
    if (m_loading)
        return;
    Application &app = m_wizard->application();
    app.order.pickup = m_ui->pickupMailRadio->isChecked() ? Pickup::Mail : Pickup::Onsite;
    app.order.mailingAddress = m_ui->mailingAddressEdit->value();
    app.order.recipientName = m_ui->recipientNameEdit->value();
    app.order.recipientPhone = m_ui->recipientPhoneEdit->value();
    app.order.quantity = m_ui->quantitySpin->value();
    updateFee();
    m_wizard->applicationEdited();
}

bool OrderPage::validatePage()
{
    store();
    return validateStep(WizardStep::Order);
}

} // namespace ca::ui
