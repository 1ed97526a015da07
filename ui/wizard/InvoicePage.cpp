#include "ui/wizard/InvoicePage.h"
#include "ui_WizardInvoicePage.h"

#include "ui/ApplicationWizard.h"
#include "ui/wizard/FieldEdit.h"

namespace ca::ui {

InvoicePage::InvoicePage(ApplicationWizard *wizard)
    : WizardPageBase(wizard)
    , m_ui(std::make_unique<Ui::WizardInvoicePage>())
{
    m_ui->setupUi(this);
    installBanner();
    m_ui->titleEdit->setField(Field::Title, QStringLiteral("invoice.title"), tr("Invoice title"));
    m_ui->taxIdEdit->setField(Field::TaxId, QStringLiteral("invoice.tax_id"), tr("Tax ID"));
    m_ui->addressEdit->setField(Field::Address, QStringLiteral("invoice.address"), tr("Unit address"));
    m_ui->phoneEdit->setField(Field::Phone, QStringLiteral("invoice.phone"), tr("Unit phone"));
    m_ui->noticeMobileEdit->setField(Field::Mobile, QStringLiteral("invoice.notice_mobile"), tr("Mobile for the invoice notice"));
    m_ui->bankEdit->setField(Field::BankName, QStringLiteral("invoice.bank"), tr("Bank"));
    m_ui->accountEdit->setField(Field::BankAccount, QStringLiteral("invoice.account"), tr("Bank account number"));
    for (FieldEdit *e : fieldEdits())
        connect(e, &FieldEdit::edited, this, &InvoicePage::store);
    connect(m_ui->invoiceSpecialRadio, &QRadioButton::toggled, this, [this] {
        updateTypeHint();
        store();
    });
    m_ui->invoiceNoteLabel->setStyleSheet(QStringLiteral("color: #c0392b;"));
}

InvoicePage::~InvoicePage() = default;

QList<FieldEdit *> InvoicePage::fieldEdits() const
{
    return {m_ui->titleEdit, m_ui->taxIdEdit, m_ui->addressEdit, m_ui->phoneEdit,
            m_ui->noticeMobileEdit, m_ui->bankEdit, m_ui->accountEdit};
}

QWidget *InvoicePage::widgetForPath(const QString &path) const
{
    if (path == QLatin1String("invoice.type"))
        return m_ui->invoiceNormalRadio;
    return WizardPageBase::widgetForPath(path);
}

void InvoicePage::loadFromModel()
{
    m_loading = true;
    const Invoice &inv = m_wizard->application().invoice;
    (inv.type == InvoiceType::Special ? m_ui->invoiceSpecialRadio : m_ui->invoiceNormalRadio)->setChecked(true);
    m_ui->titleEdit->setText(inv.title);
    m_ui->taxIdEdit->setText(inv.taxId);
    m_ui->addressEdit->setText(inv.address);
    m_ui->phoneEdit->setText(inv.phone);
    m_ui->noticeMobileEdit->setText(inv.noticeMobile);
    m_ui->bankEdit->setText(inv.bank);
    m_ui->accountEdit->setText(inv.account);
    updateTypeHint();
    m_loading = false;
}

void InvoicePage::updateTypeHint()
{
    const bool special = m_ui->invoiceSpecialRadio->isChecked();
    m_ui->invoiceTypeHintLabel->setText(
        special ? tr("A special VAT invoice needs every field below: title, tax ID, unit address, unit phone, mobile, bank and account number.")
                : tr("An ordinary invoice needs the title, the tax ID (an enterprise) and the mobile that receives the invoice notice; the other fields are optional."));
    const QString star = QStringLiteral(" *");
    auto mark = [&](QLabel *label, const QString &text) { label->setText(special ? text + star : text); };
    mark(m_ui->addressLabel, tr("Unit a&ddress:"));
    mark(m_ui->phoneLabel, tr("Unit &phone:"));
    mark(m_ui->bankLabel, tr("Ban&k:"));
    mark(m_ui->accountLabel, tr("Bank a&ccount number:"));
}

void InvoicePage::store()
{
    if (m_loading)
        return;
    Invoice &inv = m_wizard->application().invoice;
    inv.type = m_ui->invoiceSpecialRadio->isChecked() ? InvoiceType::Special : InvoiceType::Normal;
    inv.title = m_ui->titleEdit->value();
    inv.taxId = m_ui->taxIdEdit->value();
    inv.address = m_ui->addressEdit->value();
    inv.phone = m_ui->phoneEdit->value();
    inv.noticeMobile = m_ui->noticeMobileEdit->value();
    inv.bank = m_ui->bankEdit->value();
    inv.account = m_ui->accountEdit->value();
    m_wizard->applicationEdited();
}

bool InvoicePage::validatePage()
{
    store();
    return validateStep(WizardStep::Invoice);
}

} // namespace ca::ui
