#include "ui/wizard/SummaryPage.h"
#include "ui_WizardSummaryPage.h"

#include "ui/ApplicationWizard.h"
#include "ui/ClientContext.h"

#include <QUrl>

namespace ca::ui {

namespace {
QString esc(const QString &s)
{
    return s.toHtmlEscaped();
}
} // namespace

SummaryPage::SummaryPage(ApplicationWizard *wizard)
    : WizardPageBase(wizard)
    , m_ui(std::make_unique<Ui::WizardSummaryPage>())
{
    m_ui->setupUi(this);
    installBanner();
    m_ui->problemsLabel->setTextFormat(Qt::RichText);
    auto jump = [this](const QUrl &url) {
        if (url.scheme() == QLatin1String("page"))
            m_wizard->setCurrentId(url.path().toInt());
        else if (url.scheme() == QLatin1String("problem")) {
            const QList<FieldError> errors = m_wizard->problems(ValidationPurpose::Submit);
            const int i = url.path().toInt();
            if (i >= 0 && i < errors.size())
                m_wizard->showProblem(errors.at(i));
        }
    };
    connect(m_ui->summaryBrowser, &QTextBrowser::anchorClicked, this, jump);
    connect(m_ui->problemsLabel, &QLabel::linkActivated, this, [jump](const QString &link) { jump(QUrl(link)); });
}

SummaryPage::~SummaryPage() = default;

void SummaryPage::initializePage()
{
    loadFromModel();
}

QString SummaryPage::summaryText() const
{
    return m_ui->summaryBrowser->toPlainText();
}

void SummaryPage::loadFromModel()
{
    const Application &app = m_wizard->application();
    const Money fee = m_wizard->context().platform().priceOf(app.kind) * qMax(1, app.order.quantity);
    QString html;
    auto section = [&](const QString &title, int pageId) {
        html += QStringLiteral("<h3>%1 <a href=\"page:%2\" style=\"font-size:small; font-weight:normal\">%3</a></h3><table cellspacing=\"4\">")
                    .arg(esc(title))
                    .arg(pageId)
                    .arg(esc(tr("Change")));
    };
    auto row = [&](const QString &label, const QString &value) {
        html += QStringLiteral("<tr><td style=\"color:#5d6d7e\">%1</td><td>%2</td></tr>")
                    .arg(esc(label), value.isEmpty() ? QStringLiteral("—") : esc(value));
    };
    auto end = [&] { html += QStringLiteral("</table>"); };

    section(tr("Kind"), ApplicationWizard::KindPageId);
    row(tr("Kind:"), enumDisplayName(app.kind));
    end();
    section(tr("Order information"), ApplicationWizard::OrderPageId);
    row(tr("Unit name:"), app.organization.name);
    row(tr("Unified social credit code:"), app.organization.uscc);
    if (app.kind == ApplicationKind::New || app.kind == ApplicationKind::Reissue) {
        row(tr("Pickup:"), enumDisplayName(app.order.pickup));
        if (app.order.pickup == Pickup::Mail) {
            row(tr("Mailing address:"), app.order.mailingAddress);
            row(tr("Recipient name:"), app.order.recipientName);
            row(tr("Recipient phone:"), app.order.recipientPhone);
        }
    }
    row(tr("Number of keys:"), QString::number(app.order.quantity));
    row(tr("Fee:"), tr("%1 yuan (excluding handling charges)").arg(fee.toString()));
    end();
    if (ApplicationValidator::needsInvoice(app.kind)) {
        section(tr("Invoice information"), ApplicationWizard::InvoicePageId);
        row(tr("Invoice type:"), enumDisplayName(app.invoice.type));
        row(tr("Invoice title:"), app.invoice.title);
        row(tr("Tax ID:"), app.invoice.taxId);
        row(tr("Unit address:"), app.invoice.address);
        row(tr("Unit phone:"), app.invoice.phone);
        row(tr("Mobile for the invoice notice:"), app.invoice.noticeMobile);
        row(tr("Bank:"), app.invoice.bank);
        if (!app.invoice.account.isEmpty())
            row(tr("Bank account number:"), app.invoice.account);
        end();
    }
    section(tr("Scans"), ApplicationWizard::AttachmentsPageId);
    for (AttachmentCategory c : ApplicationValidator::requiredAttachments(app.kind)) {
        const QList<Attachment> files = app.attachmentsOf(c);
        row(enumDisplayName(c), files.isEmpty() ? tr("missing") : files.last().fileName);
    }
    end();
    if (!app.id.isEmpty()) {
        html += QStringLiteral("<p style=\"color:#5d6d7e\">%1</p>")
                    .arg(esc(tr("Application %1 · %2 · %3")
                                 .arg(app.id, enumDisplayName(app.reviewStatus), enumDisplayName(app.paymentStatus))));
    }
    m_ui->summaryBrowser->setHtml(html);

    const QList<FieldError> errors = m_wizard->problems(ValidationPurpose::Submit);
    if (errors.isEmpty()) {
        m_ui->problemsLabel->setStyleSheet(QStringLiteral("color: #2e7d32;"));
        m_ui->problemsLabel->setText(esc(tr("Everything needed is filled in.")));
    } else {
        QString list = esc(tr("Still missing before the application can be submitted:")) + QStringLiteral("<ul>");
        for (int i = 0; i < errors.size(); ++i)
            list += QStringLiteral("<li><a href=\"problem:%1\">%2</a></li>").arg(i).arg(esc(errors.at(i).message));
        list += QStringLiteral("</ul>");
        m_ui->problemsLabel->setStyleSheet(QStringLiteral("color: #c0392b;"));
        m_ui->problemsLabel->setText(list);
    }
}

} // namespace ca::ui
