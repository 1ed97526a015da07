#pragma once

#include "core/store/LocalAttachment.h"
#include "ui/wizard/WizardPageBase.h"

#include <QHash>
#include <QPointer>

#include <memory>

namespace Ui {
class WizardAttachmentsPage;
}

namespace ca {
class AttachmentUpload;
}

namespace ca::ui {

class AttachmentRow;

// Step 5 (CA办理电子件): one AttachmentRow per platform category, the required
// ones per kind marked (*), with the 说明 text; choose or drop a file, it is
// recorded in the LocalStore (so it survives a restart), the application is
// saved to the platform if it is not there yet, then uploaded
// (AttachmentUpload, progress in place, compression noted). A new file
// replaces the old one. Template downloads (GET /api/v1/templates/...).
class AttachmentsPage : public WizardPageBase
{
    Q_OBJECT
public:
    explicit AttachmentsPage(ApplicationWizard *wizard);
    ~AttachmentsPage() override;
    void loadFromModel() override;
    QWidget *widgetForPath(const QString &path) const override;
    void initializePage() override;

    // As if the user chose (or dropped) this file for the category.
    void chooseFile(AttachmentCategory category, const QString &path);
    AttachmentRow *row(AttachmentCategory category) const { return m_rows.value(category); }
    bool isUploading() const;

Q_SIGNALS:
    void uploadsSettled();

private:
    void buildRows();
    void refreshRows();
    void begin(const LocalAttachment &record);
    void resumeUnfinished();
    void downloadTemplate(const QString &name);
    void setTemplateStatus(const QString &text, bool problem);

    std::unique_ptr<Ui::WizardAttachmentsPage> m_ui;
    QHash<AttachmentCategory, AttachmentRow *> m_rows;
    QHash<AttachmentCategory, QPointer<AttachmentUpload>> m_uploads;
};

} // namespace ca::ui
