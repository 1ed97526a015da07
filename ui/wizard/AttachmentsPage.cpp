#include "ui/wizard/AttachmentsPage.h"
#include "ui_WizardAttachmentsPage.h"

#include "core/platform/AttachmentUpload.h"
#include "core/platform/PlatformCall.h"
#include "core/platform/PlatformClient.h"
#include "core/store/LocalStore.h"
#include "ui/ApplicationWizard.h"
#include "ui/ClientContext.h"
#include "ui/Log.h"
#include "ui/wizard/AttachmentRow.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLocale>
#include <QStandardPaths>

namespace ca::ui {

AttachmentsPage::AttachmentsPage(ApplicationWizard *wizard)
    : WizardPageBase(wizard)
    , m_ui(std::make_unique<Ui::WizardAttachmentsPage>())
{
    m_ui->setupUi(this);
    installBanner();
    connect(m_ui->applicationFormTemplateButton, &QPushButton::clicked, this,
            [this] { downloadTemplate(QStringLiteral("application_form")); });
    connect(m_ui->authorizationLetterTemplateButton, &QPushButton::clicked, this,
            [this] { downloadTemplate(QStringLiteral("authorization_letter")); });
}

AttachmentsPage::~AttachmentsPage()
{
    for (const QPointer<AttachmentUpload> &u : std::as_const(m_uploads))
        if (u)
            u->cancel();
}

void AttachmentsPage::buildRows()
{
    if (!m_rows.isEmpty())
        return;
    const PlatformInfo &info = m_wizard->context().platform();
    QList<AttachmentCategoryInfo> cats = info.attachmentCategories;
    if (cats.isEmpty()) {
        for (AttachmentCategory c : enumValues<AttachmentCategory>()) {
            AttachmentCategoryInfo i;
            i.category = c;
            i.label = enumDisplayName(c);
            i.description = attachmentCategoryDescription(c);
            cats << i;
        }
    }
    for (const AttachmentCategoryInfo &c : cats) {
        auto *row = new AttachmentRow(c.category, m_ui->rowsContainer);
        m_ui->rowsLayout->addWidget(row);
        m_rows.insert(c.category, row);
        connect(row, &AttachmentRow::fileChosen, this, &AttachmentsPage::chooseFile);
    }
    m_ui->rowsLayout->addStretch(1);
    // The rows are made after the form: Tab goes through them top to bottom, then to the template buttons.
    QList<QWidget *> order;
    for (int i = 0; i < m_ui->rowsLayout->count(); ++i) {
        QWidget *row = m_ui->rowsLayout->itemAt(i)->widget();
        if (!row)
            continue;
        for (QWidget *x = row->nextInFocusChain(); x && x != row && row->isAncestorOf(x); x = x->nextInFocusChain())
            if (x->focusPolicy() & Qt::TabFocus)
                order << x;
    }
    order << m_ui->applicationFormTemplateButton << m_ui->authorizationLetterTemplateButton;
    for (qsizetype i = 1; i < order.size(); ++i)
        setTabOrder(order.at(i - 1), order.at(i));
}

void AttachmentsPage::initializePage()
{
    refreshRows();
}

void AttachmentsPage::loadFromModel()
{
    buildRows();
    refreshRows();
    resumeUnfinished();
}

QWidget *AttachmentsPage::widgetForPath(const QString &path) const
{
    if (!path.startsWith(QLatin1String("attachments.")))
        return nullptr;
    const auto cat = enumFromWord<AttachmentCategory>(path.mid(12));
    if (!cat)
        return nullptr;
    AttachmentRow *r = m_rows.value(*cat);
    return r ? r->findChild<QWidget *>(QStringLiteral("chooseButton")) : nullptr;
}

bool AttachmentsPage::isUploading() const
{
    for (const QPointer<AttachmentUpload> &u : m_uploads)
        if (u && !u->isFinished())
            return true;
    return false;
}

void AttachmentsPage::refreshRows()
{
    const Application &app = m_wizard->application();
    const PlatformInfo &info = m_wizard->context().platform();
    const QList<AttachmentCategory> required = ApplicationValidator::requiredAttachments(app.kind);
    QHash<AttachmentCategory, LocalAttachment> latest;
    const auto records = m_wizard->context().store().attachments(m_wizard->draftId());
    if (records.ok())
        for (const LocalAttachment &r : records.value())
            if (const auto c = enumFromWord<AttachmentCategory>(r.category))
                if (!latest.contains(*c) || latest.value(*c).id < r.id)
                    latest.insert(*c, r);
    for (auto it = m_rows.begin(); it != m_rows.end(); ++it) {
        const AttachmentCategory cat = it.key();
        AttachmentRow *row = it.value();
        QString label = enumDisplayName(cat);
        QString description = attachmentCategoryDescription(cat);
        // The platform's own names and 说明 are Chinese: in English our translated ones are shown.
        for (const AttachmentCategoryInfo &c : info.attachmentCategories)
            if (c.category == cat && QLocale().language() == QLocale::Chinese) {
                if (!c.label.isEmpty())
                    label = c.label;
                if (!c.description.isEmpty())
                    description = c.description;
            }
        row->setInfo(label, description, required.contains(cat));
        if (m_uploads.value(cat) && !m_uploads.value(cat)->isFinished())
            continue; // progress is shown in place
        const QList<Attachment> onServer = app.attachmentsOf(cat);
        const LocalAttachment local = latest.value(cat);
        if (local.id && local.state != QLatin1String("uploaded")) {
            row->showFile(local.fileName, local.size, local.localPath,
                          local.state == QLatin1String("failed") ? tr("upload failed") : tr("waiting to upload"));
        } else if (!onServer.isEmpty()) {
            const Attachment &a = onServer.last();
            const QString path = (local.id && local.serverAttachmentId == a.id) ? local.localPath : QString();
            row->showFile(a.fileName, a.size, path, tr("uploaded"));
            row->showUploaded();
        } else {
            row->showEmpty();
        }
    }
}

void AttachmentsPage::resumeUnfinished()
{
    if (m_wizard->serverId().isEmpty())
        return;
    const auto records = m_wizard->context().store().attachments(m_wizard->draftId());
    if (!records.ok())
        return;
    QHash<AttachmentCategory, LocalAttachment> latest;
    for (const LocalAttachment &r : records.value())
        if (const auto c = enumFromWord<AttachmentCategory>(r.category))
            if (!latest.contains(*c) || latest.value(*c).id < r.id)
                latest.insert(*c, r);
    for (const LocalAttachment &r : std::as_const(latest))
        if (r.state != QLatin1String("uploaded") && QFileInfo::exists(r.localPath))
            begin(r);
}

void AttachmentsPage::chooseFile(AttachmentCategory category, const QString &path)
{
    AttachmentRow *row = m_rows.value(category);
    if (!row)
        return;
    const QFileInfo fi(path);
    if (!fi.isFile() || !fi.isReadable()) {
        row->showFailed(tr("The file %1 cannot be read. Choose another file.").arg(QDir::toNativeSeparators(path)));
        return;
    }
    if (const QPointer<AttachmentUpload> old = m_uploads.value(category); old && !old->isFinished())
        old->cancel();
    LocalStore &store = m_wizard->context().store();
    m_wizard->flushDraft(); // the file record refers to the draft row
    // Records of this category not uploaded yet are superseded by the new file.
    if (const auto records = store.attachments(m_wizard->draftId()); records.ok())
        for (const LocalAttachment &r : records.value())
            if (r.category == enumWord(category) && r.state != QLatin1String("uploaded"))
                store.removeAttachment(r.id);
    LocalAttachment rec;
    rec.draftId = m_wizard->draftId();
    rec.category = enumWord(category);
    rec.localPath = fi.absoluteFilePath();
    rec.fileName = fi.fileName();
    rec.size = fi.size();
    const auto added = store.addAttachment(rec);
    if (!added.ok()) {
        row->showFailed(added.error().message);
        return;
    }
    const LocalAttachment saved = added.value();
    row->showFile(saved.fileName, saved.size, saved.localPath, tr("waiting to upload"));
    row->showNote(QString());
    if (!m_wizard->serverId().isEmpty()) {
        begin(saved);
        return;
    }
    row->showNote(tr("Saving the application to the platform before the upload…"));
    m_wizard->saveToServer([this, saved, category](bool ok) {
        AttachmentRow *r = m_rows.value(category);
        if (!ok || m_wizard->serverId().isEmpty()) {
            if (r)
                r->showFailed(tr("The file is kept on this computer and will be uploaded once the application is saved to the platform."));
            return;
        }
        begin(saved);
    });
}

void AttachmentsPage::begin(const LocalAttachment &record)
{
    const auto category = enumFromWord<AttachmentCategory>(record.category);
    if (!category || m_wizard->serverId().isEmpty())
        return;
    if (const QPointer<AttachmentUpload> running = m_uploads.value(*category); running && !running->isFinished())
        return;
    AttachmentRow *row = m_rows.value(*category);
    ClientContext &ctx = m_wizard->context();
    auto *upload = new AttachmentUpload(&ctx.client(), m_wizard->serverId(), record.category, record.localPath, this);
    upload->setIdempotencyKey(record.idempotencyKey);
    if (ctx.platform().maxUploadBytes > 0)
        upload->setMaxUploadBytes(ctx.platform().maxUploadBytes);
    m_uploads.insert(*category, upload);
    ctx.store().setAttachmentState(record.id, QStringLiteral("uploading"));
    if (row) {
        row->showFile(record.fileName, record.size, record.localPath, tr("uploading"));
        row->showProgress(0, 0);
    }
    connect(upload, &AttachmentUpload::progress, this, [this, cat = *category](qint64 sent, qint64 total) {
        if (AttachmentRow *r = m_rows.value(cat))
            r->showProgress(sent, total);
    });
    connect(upload, &AttachmentUpload::finished, this, [this, upload, record, cat = *category] {
        upload->deleteLater();
        ClientContext &ctx = m_wizard->context();
        AttachmentRow *r = m_rows.value(cat);
        if (!upload->ok()) {
            if (upload->error().kind == PlatformError::Kind::Cancelled)
                return;
            ctx.store().setAttachmentState(record.id, QStringLiteral("failed"));
            if (r) {
                r->showFile(record.fileName, record.size, record.localPath, tr("upload failed"));
                r->showFailed(upload->error().userMessage);
            }
            Q_EMIT uploadsSettled();
            return;
        }
        const QString newId = upload->attachment().value(QStringLiteral("id")).toString();
        ctx.store().setAttachmentState(record.id, QStringLiteral("uploaded"), newId);
        // Older uploaded records of the category: the new file replaces them.
        if (const auto records = ctx.store().attachments(m_wizard->draftId()); records.ok())
            for (const LocalAttachment &o : records.value())
                if (o.category == record.category && o.id != record.id)
                    ctx.store().removeAttachment(o.id);
        const QString note = upload->wasCompressed() ? upload->compressionNotice() : QString();
        // Replace: remove the category's previous files on the platform.
        QStringList stale;
        for (const Attachment &a : m_wizard->application().attachmentsOf(cat))
            if (a.id != newId && !a.id.isEmpty())
                stale << a.id;
        auto remaining = std::make_shared<int>(int(stale.size()));
        auto finish = [this, cat, note] {
            m_wizard->reloadFromServer([this, cat, note] {
                refreshRows();
                if (AttachmentRow *row = m_rows.value(cat)) {
                    row->showUploaded();
                    row->showNote(note);
                }
                Q_EMIT uploadsSettled();
            });
        };
        if (stale.isEmpty()) {
            finish();
            return;
        }
        for (const QString &id : stale) {
            PlatformCall *del = ctx.client().deleteAttachment(m_wizard->serverId(), id);
            connect(del, &PlatformCall::finished, this, [del, remaining, finish] {
                del->deleteLater();
                if (--*remaining == 0)
                    finish();
            });
        }
    });
    upload->start();
}

void AttachmentsPage::downloadTemplate(const QString &name)
{
    const bool form = name == QLatin1String("application_form");
    QString dir = QStandardPaths::writableLocation(QStandardPaths::DownloadLocation);
    if (dir.isEmpty() || !QDir(dir).exists())
        dir = QDir::homePath();
    const QString suggested = QDir(dir).filePath(form ? tr("CA application form.pdf") : tr("Authorisation letter.pdf"));
    QFileDialog dialog(this, form ? tr("Save the application form template") : tr("Save the authorisation letter template"),
                       suggested, tr("PDF (*.pdf)"));
    dialog.setObjectName(QStringLiteral("templateSaveDialog"));
    dialog.setAcceptMode(QFileDialog::AcceptSave);
    dialog.setDefaultSuffix(QStringLiteral("pdf")); // "申请表" is saved as "申请表.pdf"
    dialog.selectFile(suggested);
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty())
        return;
    const QString path = dialog.selectedFiles().constFirst();
    setTemplateStatus(form ? tr("Downloading the application form template…") : tr("Downloading the authorisation letter template…"),
                      false);
    m_ui->applicationFormTemplateButton->setEnabled(false);
    m_ui->authorizationLetterTemplateButton->setEnabled(false);
    PlatformCall *call = m_wizard->context().client().downloadTemplate(name, path);
    connect(call, &PlatformCall::finished, this, [this, call, path, form] {
        call->deleteLater();
        m_ui->applicationFormTemplateButton->setEnabled(true);
        m_ui->authorizationLetterTemplateButton->setEnabled(true);
        const QString shown = QDir::toNativeSeparators(path);
        if (call->ok()) {
            setTemplateStatus(form ? tr("The application form template was saved as %1. Print it, fill it in, stamp it "
                                        "and upload the scan below.").arg(shown)
                                   : tr("The authorisation letter template was saved as %1. Print it, fill it in, "
                                        "stamp it and upload the scan below.").arg(shown),
                              false);
            return;
        }
        qCWarning(lcUi) << "template" << (form ? "application_form" : "authorization_letter") << "not saved:"
                        << call->error().detail << call->error().requestId;
        setTemplateStatus(form ? tr("The application form template could not be downloaded: %1").arg(call->error().userMessage)
                               : tr("The authorisation letter template could not be downloaded: %1").arg(call->error().userMessage),
                          true);
    });
}

void AttachmentsPage::setTemplateStatus(const QString &text, bool problem)
{
    m_ui->templateStatusLabel->setText(text);
    m_ui->templateStatusLabel->setStyleSheet(problem ? QStringLiteral("QLabel { color: #b3261e; }") : QString());
}

} // namespace ca::ui
