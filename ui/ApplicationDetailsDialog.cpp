#include "ui/ApplicationDetailsDialog.h"

#include "core/platform/PlatformClient.h"
#include "core/workflow/WorkflowRules.h"
#include "ui/ClientContext.h"
#include "ui/Log.h"
#include "ui/MessageSeam.h"

#include "ui_ApplicationDetailsDialog.h"

#include <QDesktopServices>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QStandardPaths>
#include <QUrl>

namespace ca::ui {

namespace {

QString timeText(const QDateTime &time)
{
    return time.isValid() ? QLocale().toString(time.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm:ss")) : QString();
}

// Bank account numbers are shown with all but the last four digits hidden.
QString maskedAccount(const QString &account)
{
    if (account.size() <= 4)
        return account;
    return QString(account.size() - 4, QChar(u'*')) + account.right(4);
}

QString sizeText(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes);
}

} // namespace

ApplicationDetailsDialog::ApplicationDetailsDialog(ClientContext &context, const Application &application,
                                                   QWidget *parent)
    : QDialog(parent)
    , m_context(context)
    , m_ui(std::make_unique<Ui::ApplicationDetailsDialog>())
    , m_app(application)
{
    m_ui->setupUi(this);
    m_ui->buttonBox->button(QDialogButtonBox::Close)->setObjectName(QStringLiteral("closeButton"));
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_ui->refreshDetailsButton, &QPushButton::clicked, this, &ApplicationDetailsDialog::reload);
    connect(m_ui->confirmReceiptButton, &QPushButton::clicked, this, &ApplicationDetailsDialog::confirmReceipt);
    // 写入CA锁 (renewal/change): shown once the main window says when it is possible (setWriteToKeyCheck)
    m_writeKeyButton = new QPushButton(tr("Write to &key"), this);
    m_writeKeyButton->setObjectName(QStringLiteral("writeKeyButton"));
    m_writeKeyButton->setAccessibleName(tr("Write the certificate of this application to the USB key"));
    m_writeKeyButton->setAutoDefault(false);
    m_writeKeyButton->hide();
    m_ui->handlingButtons->insertWidget(m_ui->handlingButtons->indexOf(m_ui->confirmReceiptButton) + 1, m_writeKeyButton);
    connect(m_writeKeyButton, &QPushButton::clicked, this, [this] {
        if (m_writeToKeyCheck && m_writeToKeyCheck(m_app).isEmpty())
            Q_EMIT writeToKeyRequested(m_app.id);
    });
    connect(m_ui->downloadInvoiceButton, &QPushButton::clicked, this, &ApplicationDetailsDialog::downloadInvoice);
    connect(m_ui->previewInvoiceButton, &QPushButton::clicked, this, &ApplicationDetailsDialog::previewInvoice);

    m_ui->approvalTable->setColumnCount(4);
    m_ui->approvalTable->setHorizontalHeaderLabels({tr("Time"), tr("Actor"), tr("Action"), tr("Comment")});
    m_ui->approvalTable->horizontalHeader()->setStretchLastSection(true);
    m_ui->approvalTable->verticalHeader()->setVisible(false);
    m_ui->attachmentsTable->setColumnCount(4);
    m_ui->attachmentsTable->setHorizontalHeaderLabels({tr("Document"), tr("File"), tr("Size"), tr("State")});
    m_ui->attachmentsTable->horizontalHeader()->setStretchLastSection(true);
    m_ui->attachmentsTable->verticalHeader()->setVisible(false);
    m_ui->detailsMessageLabel->setVisible(false);

    display(m_app);
    reload();
}

ApplicationDetailsDialog::~ApplicationDetailsDialog()
{
    // the calls cancelled below still report; the main window (the check's owner) may be going away
    m_writeToKeyCheck = nullptr;
    for (PlatformCall *call : {m_appCall.data(), m_eventsCall.data(), m_actionCall.data()}) {
        if (call)
            call->cancel();
    }
}

QString ApplicationDetailsDialog::message() const
{
    return m_ui->detailsMessageLabel->isVisibleTo(this) ? m_ui->detailsMessageLabel->text() : QString();
}

void ApplicationDetailsDialog::showMessage(const QString &text, bool error)
{
    m_ui->detailsMessageLabel->setText(text);
    m_ui->detailsMessageLabel->setStyleSheet(error ? QStringLiteral("color: #b3261e;") : QString());
    m_ui->detailsMessageLabel->setVisible(!text.isEmpty());
}

void ApplicationDetailsDialog::reload()
{
    if (m_app.id.isEmpty() || m_appCall || m_eventsCall)
        return;
    m_ui->refreshDetailsButton->setEnabled(false);
    m_pending = 2;
    auto done = [this] {
        if (--m_pending > 0)
            return;
        m_ui->refreshDetailsButton->setEnabled(true);
        ++m_loads;
        display(m_app);
        Q_EMIT loaded();
    };
    m_appCall = m_context.client().application(m_app.id);
    connect(m_appCall, &PlatformCall::finished, this, [this, call = m_appCall.data(), done] {
        call->deleteLater();
        if (call->ok()) {
            const QList<ApprovalRecord> records = m_app.approvalRecords;
            m_app = Application::fromJson(call->json()).value;
            if (m_app.approvalRecords.isEmpty())
                m_app.approvalRecords = records;
        } else if (call->error().kind != PlatformError::Kind::Cancelled) {
            showMessage(call->error().userMessage, true);
        }
        done();
    });
    m_eventsCall = m_context.client().events(m_app.id);
    connect(m_eventsCall, &PlatformCall::finished, this, [this, call = m_eventsCall.data(), done] {
        call->deleteLater();
        if (call->ok()) {
            QList<ApprovalRecord> records;
            for (const QJsonValue &v : call->json().value(QStringLiteral("items")).toArray())
                records << parseJson<ApprovalRecord>(v).value;
            if (!records.isEmpty())
                m_app.approvalRecords = records;
        }
        done();
    });
}

void ApplicationDetailsDialog::fillForm(QFormLayout *form, const QList<QPair<QString, QString>> &rows,
                                        const QString &prefix)
{
    while (form->rowCount() > 0)
        form->removeRow(0);
    int i = 0;
    for (const auto &[label, value] : rows) {
        auto *field = new QLabel(value.isEmpty() ? QStringLiteral("—") : value);
        field->setObjectName(prefix + QString::number(i++));
        field->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
        field->setWordWrap(true);
        field->setAccessibleName(label);
        form->addRow(label, field);
    }
}

void ApplicationDetailsDialog::display(const Application &app)
{
    const Workflow workflow = m_context.workflow();
    setWindowTitle(tr("Application details — %1").arg(app.id));
    m_ui->summaryLabel->setText(tr("Application %1 · %2 · %3 · review: %4 · payment: %5%6")
                                    .arg(app.id, app.organization.name, enumDisplayName(app.kind),
                                         enumDisplayName(app.reviewStatus), enumDisplayName(app.paymentStatus),
                                         app.handlingStatus == HandlingStatus::None
                                             ? QString()
                                             : tr(" · handling: %1").arg(enumDisplayName(app.handlingStatus))));

    QList<QPair<QString, QString>> order{
        {tr("Unit name:"), app.organization.name},
        {tr("Unified social credit code:"), app.organization.uscc},
        {tr("Unit type:"), enumDisplayName(app.organization.type)},
        {tr("Application type:"), enumDisplayName(app.kind)},
        {tr("Number of keys:"), QString::number(app.order.quantity)},
        {tr("Fee:"), tr("%1 yuan").arg(app.fee.toString())},
    };
    if (kindShipsKey(app.kind)) {
        order << qMakePair(tr("Pickup:"), enumDisplayName(app.order.pickup));
        if (app.order.pickup == Pickup::Mail) {
            order << qMakePair(tr("Mailing address:"), app.order.mailingAddress)
                  << qMakePair(tr("Recipient name:"), app.order.recipientName)
                  << qMakePair(tr("Recipient phone:"), app.order.recipientPhone);
        }
    }
    if (app.certificate) {
        order << qMakePair(tr("USB key serial:"), app.certificate->tokenSerial)
              << qMakePair(tr("Certificate serial:"), app.certificate->serial)
              << qMakePair(tr("Certificate subject:"), app.certificate->subject)
              << qMakePair(tr("Valid until:"), timeText(app.certificate->notAfter));
    }
    order << qMakePair(tr("Created:"), timeText(app.createdAt)) << qMakePair(tr("Updated:"), timeText(app.updatedAt));
    fillForm(m_ui->orderForm, order, QStringLiteral("orderValue"));

    fillForm(m_ui->invoiceForm,
             {
                 {tr("Invoice type:"), enumDisplayName(app.invoice.type)},
                 {tr("Invoice title (unit name):"), app.invoice.title},
                 {tr("Tax ID:"), app.invoice.taxId},
                 {tr("Unit address:"), app.invoice.address},
                 {tr("Unit phone:"), app.invoice.phone},
                 {tr("Mobile for the invoice notice:"), app.invoice.noticeMobile},
                 {tr("Bank:"), app.invoice.bank},
                 {tr("Bank account:"), maskedAccount(app.invoice.account)},
             },
             QStringLiteral("invoiceValue"));

    m_ui->attachmentsTable->setRowCount(int(app.attachments.size()));
    for (int r = 0; r < app.attachments.size(); ++r) {
        const Attachment &a = app.attachments.at(r);
        const QStringList cells{enumDisplayName(a.category), a.fileName, sizeText(a.size), enumDisplayName(a.state)};
        for (int c = 0; c < cells.size(); ++c)
            m_ui->attachmentsTable->setItem(r, c, new QTableWidgetItem(cells.at(c)));
    }
    m_ui->attachmentsTable->resizeColumnsToContents();

    m_ui->approvalTable->setRowCount(int(app.approvalRecords.size()));
    for (int r = 0; r < app.approvalRecords.size(); ++r) {
        const ApprovalRecord &rec = app.approvalRecords.at(r);
        const QStringList cells{timeText(rec.time), rec.actor, enumDisplayName(rec.action), rec.comment};
        for (int c = 0; c < cells.size(); ++c)
            m_ui->approvalTable->setItem(r, c, new QTableWidgetItem(cells.at(c)));
    }
    m_ui->approvalTable->resizeColumnsToContents();

    QList<QPair<QString, QString>> payment{{tr("Payment status:"), enumDisplayName(app.paymentStatus)}};
    if (app.payment) {
        payment << qMakePair(tr("Order number:"), app.payment->orderNo)
                << qMakePair(tr("Payment channel:"), enumDisplayName(app.payment->channel))
                << qMakePair(tr("Amount:"), tr("%1 yuan").arg(app.payment->amount.toString()))
                << qMakePair(tr("Order status:"), enumDisplayName(app.payment->status))
                << qMakePair(tr("Ordered at:"), timeText(app.payment->createdAt))
                << qMakePair(tr("Paid at:"), timeText(app.payment->paidAt));
    }
    fillForm(m_ui->paymentForm, payment, QStringLiteral("paymentValue"));

    QList<QPair<QString, QString>> handling{
        {tr("Handling status:"),
         app.handlingStatus == HandlingStatus::None ? tr("Not started") : enumDisplayName(app.handlingStatus)}};
    if (kindShipsKey(app.kind))
        handling << qMakePair(tr("Pickup:"), enumDisplayName(app.order.pickup));
    if (app.fulfilment) {
        handling << qMakePair(tr("Carrier:"), app.fulfilment->carrier)
                 << qMakePair(tr("Tracking number:"), app.fulfilment->trackingNo)
                 << qMakePair(tr("Shipped at:"), timeText(app.fulfilment->shippedAt))
                 << qMakePair(tr("Received at:"), timeText(app.fulfilment->receivedAt));
    }
    if (app.handlingStatus == HandlingStatus::Onsite)
        handling << qMakePair(tr("Note:"), tr("The key is handed over on site; no receipt confirmation is needed."));
    fillForm(m_ui->handlingForm, handling, QStringLiteral("handlingValue"));
    Q_UNUSED(workflow);
    updateActions();
}

void ApplicationDetailsDialog::setWriteToKeyCheck(WriteToKeyCheck check)
{
    m_writeToKeyCheck = std::move(check);
    updateActions();
}

void ApplicationDetailsDialog::updateActions()
{
    const bool writable = m_app.kind == ApplicationKind::Renewal || m_app.kind == ApplicationKind::Change;
    m_writeKeyButton->setVisible(writable && m_writeToKeyCheck);
    if (writable && m_writeToKeyCheck) {
        const QString why = m_writeToKeyCheck(m_app);
        m_writeKeyButton->setEnabled(why.isEmpty());
        m_writeKeyButton->setToolTip(why.isEmpty() ? tr("Write the renewed or changed certificate to the USB key now.") : why);
    }
    const Decision confirm = WorkflowRules::mayConfirmReceipt(m_app, m_context.workflow());
    const bool busy = m_actionCall;
    m_ui->confirmReceiptButton->setEnabled(confirm.allowed && !busy);
    m_ui->confirmReceiptButton->setToolTip(confirm.allowed ? tr("Confirm that the mailed key has arrived.")
                                                           : confirm.reason);
    const bool paid = m_app.paymentStatus == PaymentStatus::Paid && !WorkflowRules::isFree(m_app);
    const QString noInvoice = tr("The e-invoice is available once the fee has been paid.");
    for (QPushButton *b : {m_ui->downloadInvoiceButton, m_ui->previewInvoiceButton}) {
        b->setEnabled(paid && !busy);
        b->setToolTip(paid ? QString() : noInvoice);
    }
}

void ApplicationDetailsDialog::confirmReceipt()
{
    const Decision confirm = WorkflowRules::mayConfirmReceipt(m_app, m_context.workflow());
    if (!confirm.allowed || m_actionCall)
        return;
    if (!m_context.messages().ask(this, tr("Confirm receipt"),
                                  tr("Confirm that the USB key(s) sent with tracking number %1 have arrived?")
                                      .arg(m_app.fulfilment ? m_app.fulfilment->trackingNo : QString()),
                                  tr("Confirm receipt")))
        return;
    m_actionCall = m_context.client().confirmReceipt(m_app.id);
    updateActions();
    showMessage(tr("Confirming receipt…"));
    connect(m_actionCall, &PlatformCall::finished, this, [this, call = m_actionCall.data()] {
        call->deleteLater();
        m_actionCall = nullptr;
        if (!call->ok()) {
            showMessage(call->error().userMessage, true);
            updateActions();
            return;
        }
        showMessage(tr("Receipt confirmed. Thank you."));
        m_context.notifyApplicationsChanged(m_app.id);
        reload();
    });
}

void ApplicationDetailsDialog::downloadInvoice()
{
    QString path = m_invoicePath;
    if (path.isEmpty()) {
        const QString suggested = QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
                                      .filePath(tr("e-invoice-%1.pdf").arg(m_app.id));
        path = QFileDialog::getSaveFileName(this, tr("Save the e-invoice"), suggested, tr("PDF files (*.pdf)"));
        if (path.isEmpty())
            return;
    }
    fetchInvoice(path, false);
}

void ApplicationDetailsDialog::previewInvoice()
{
    // Qt 6.4 on Debian 12 ships no QtPdf by default: the PDF opens in the system viewer.
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::TempLocation);
    fetchInvoice(QDir(dir).filePath(QStringLiteral("ca-client-invoice-%1.pdf").arg(m_app.id)), true);
}

void ApplicationDetailsDialog::fetchInvoice(const QString &path, bool open)
{
    if (m_actionCall)
        return;
    m_actionCall = m_context.client().downloadInvoice(m_app.id, path);
    updateActions();
    showMessage(tr("Downloading the e-invoice…"));
    connect(m_actionCall, &PlatformCall::finished, this, [this, call = m_actionCall.data(), path, open] {
        call->deleteLater();
        m_actionCall = nullptr;
        updateActions();
        if (!call->ok()) {
            showMessage(call->error().userMessage, true);
            return;
        }
        m_savedInvoice = path;
        Q_EMIT invoiceSaved(path);
        if (open) {
            showMessage(tr("The e-invoice opens in your PDF viewer."));
            if (!QDesktopServices::openUrl(QUrl::fromLocalFile(path)))
                showMessage(tr("No PDF viewer could be opened. The e-invoice was saved as %1.")
                                .arg(QDir::toNativeSeparators(path)));
        } else {
            showMessage(tr("The e-invoice was saved as %1.").arg(QDir::toNativeSeparators(path)));
        }
    });
}

} // namespace ca::ui
