#pragma once

#include "core/model/Enums.h"

#include <QString>
#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;

namespace ca::ui {

// One row of the scans page (CA办理电子件): "(*) name", the 说明 text, the
// file with a preview (thumbnail for an image, page count for a PDF), the
// upload progress in place, a note (compression, errors) and a Choose/Replace
// button. Accepts a dropped file. objectName "attachmentRow_<category>";
// children: titleLabel, descriptionLabel, fileLabel, previewLabel,
// progressBar, noteLabel, chooseButton.
class AttachmentRow : public QWidget
{
    Q_OBJECT
public:
    AttachmentRow(AttachmentCategory category, QWidget *parent = nullptr);

    AttachmentCategory category() const { return m_category; }
    void setInfo(const QString &label, const QString &description, bool required);

    void showEmpty();
    // A file (local path may be empty when only the server has it).
    void showFile(const QString &fileName, qint64 size, const QString &localPath, const QString &stateText);
    void showProgress(qint64 sent, qint64 total);
    void showUploaded();
    void showFailed(const QString &message);
    void showNote(const QString &note);
    QString stateText() const;
    bool isUploaded() const { return m_uploaded; }

    // "PDF · 3 pages · 120 KB" / an image thumbnail; static for tests.
    static int pdfPageCount(const QString &path);
    static QString sizeText(qint64 bytes);

Q_SIGNALS:
    void fileChosen(ca::AttachmentCategory category, const QString &path);

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void choose();
    void setPreview(const QString &localPath, const QString &fileName, qint64 size);

    AttachmentCategory m_category;
    QLabel *m_title;
    QLabel *m_description;
    QLabel *m_file;
    QLabel *m_preview;
    QProgressBar *m_progress;
    QLabel *m_note;
    QPushButton *m_choose;
    QString m_stateText;
    bool m_uploaded = false;
};

} // namespace ca::ui
