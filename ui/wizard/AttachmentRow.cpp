#include "ui/wizard/AttachmentRow.h"

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QImageReader>
#include <QLabel>
#include <QMimeData>
#include <QPixmap>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QStyle>

namespace ca::ui {

AttachmentRow::AttachmentRow(AttachmentCategory category, QWidget *parent)
    : QWidget(parent)
    , m_category(category)
    , m_title(new QLabel(this))
    , m_description(new QLabel(this))
    , m_file(new QLabel(this))
    , m_preview(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_note(new QLabel(this))
    , m_choose(new QPushButton(this))
{
    setObjectName(QStringLiteral("attachmentRow_") + enumWord(category));
    setAcceptDrops(true);
    m_title->setObjectName(QStringLiteral("titleLabel"));
    m_description->setObjectName(QStringLiteral("descriptionLabel"));
    m_file->setObjectName(QStringLiteral("fileLabel"));
    m_preview->setObjectName(QStringLiteral("previewLabel"));
    m_progress->setObjectName(QStringLiteral("progressBar"));
    m_note->setObjectName(QStringLiteral("noteLabel"));
    m_choose->setObjectName(QStringLiteral("chooseButton"));
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_description->setWordWrap(true);
    m_description->setStyleSheet(QStringLiteral("color: #5d6d7e;"));
    m_note->setWordWrap(true);
    m_file->setWordWrap(true);
    m_file->setTextFormat(Qt::PlainText);
    m_preview->setMinimumSize(48, 48);
    m_preview->setAlignment(Qt::AlignCenter);
    m_progress->setVisible(false);
    m_progress->setTextVisible(true);
    m_note->setVisible(false);

    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(0, 6, 0, 6);
    grid->addWidget(m_title, 0, 0, 1, 2);
    grid->addWidget(m_choose, 0, 2, Qt::AlignRight);
    grid->addWidget(m_description, 1, 0, 1, 3);
    grid->addWidget(m_preview, 2, 0, 2, 1);
    grid->addWidget(m_file, 2, 1, 1, 2);
    grid->addWidget(m_progress, 3, 1, 1, 2);
    grid->addWidget(m_note, 4, 0, 1, 3);
    grid->setColumnStretch(1, 1);
    connect(m_choose, &QPushButton::clicked, this, &AttachmentRow::choose);
    showEmpty();
}

void AttachmentRow::setInfo(const QString &label, const QString &description, bool required)
{
    m_title->setText(required ? QStringLiteral("(*) ") + label : label);
    m_description->setText(description);
    m_choose->setAccessibleName(tr("Choose a file for %1").arg(label));
}

void AttachmentRow::showEmpty()
{
    m_uploaded = false;
    m_stateText = tr("No file yet");
    m_file->setText(tr("No file yet. Drop a file here or choose one."));
    m_preview->clear();
    m_progress->setVisible(false);
    m_choose->setText(tr("Choose file…"));
}

void AttachmentRow::showFile(const QString &fileName, qint64 size, const QString &localPath, const QString &stateText)
{
    m_stateText = stateText;
    m_file->setText(QStringLiteral("%1 (%2) — %3").arg(fileName, sizeText(size), stateText));
    setPreview(localPath, fileName, size);
    m_choose->setText(tr("Replace…"));
}

void AttachmentRow::showProgress(qint64 sent, qint64 total)
{
    m_uploaded = false;
    m_progress->setVisible(true);
    m_progress->setMaximum(total > 0 ? 1000 : 0);
    m_progress->setValue(total > 0 ? int(sent * 1000 / total) : 0);
    m_progress->setFormat(total > 0 ? tr("Uploading… %1%").arg(sent * 100 / total) : tr("Preparing…"));
}

void AttachmentRow::showUploaded()
{
    m_uploaded = true;
    m_progress->setVisible(false);
}

void AttachmentRow::showFailed(const QString &message)
{
    m_uploaded = false;
    m_progress->setVisible(false);
    m_note->setStyleSheet(QStringLiteral("color: #c0392b;"));
    m_note->setText(message);
    m_note->setVisible(!message.isEmpty());
}

void AttachmentRow::showNote(const QString &note)
{
    m_note->setStyleSheet(QStringLiteral("color: #5d6d7e;"));
    m_note->setText(note);
    m_note->setVisible(!note.isEmpty());
}

QString AttachmentRow::stateText() const
{
    return m_stateText;
}

QString AttachmentRow::sizeText(qint64 bytes)
{
    if (bytes >= 1024 * 1024)
        return tr("%1 MB").arg(double(bytes) / (1024.0 * 1024.0), 0, 'f', 1);
    return tr("%1 KB").arg(qMax<qint64>(1, (bytes + 1023) / 1024));
}

int AttachmentRow::pdfPageCount(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    // Cheap: count page objects in the first 32 MB; no PDF library involved.
    const QByteArray data = f.read(32 * 1024 * 1024);
    static const QRegularExpression re(QStringLiteral("/Type\\s*/Page(?![s\\w])"));
    return int(QString::fromLatin1(data).count(re));
}

void AttachmentRow::setPreview(const QString &localPath, const QString &fileName, qint64 size)
{
    const int side = fontMetrics().height() * 4;
    m_preview->setMinimumSize(side, side);
    const bool pdf = fileName.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive);
    if (!localPath.isEmpty() && QFileInfo::exists(localPath) && !pdf) {
        QImageReader reader(localPath);
        reader.setAutoTransform(true);
        const QSize full = reader.size();
        if (full.isValid())
            reader.setScaledSize(full.scaled(side, side, Qt::KeepAspectRatio));
        const QImage img = reader.read();
        if (!img.isNull()) {
            m_preview->setPixmap(QPixmap::fromImage(img));
            m_preview->setToolTip(tr("Image, %1").arg(sizeText(size)));
            return;
        }
    }
    m_preview->setPixmap(style()->standardIcon(QStyle::SP_FileIcon).pixmap(side / 2, side / 2));
    if (pdf && !localPath.isEmpty()) {
        const int pages = pdfPageCount(localPath);
        m_preview->setToolTip(tr("PDF, %n page(s)", nullptr, pages));
        m_file->setText(m_file->text() + QStringLiteral(" · ") + tr("PDF, %n page(s)", nullptr, pages));
    } else if (pdf) {
        m_preview->setToolTip(tr("PDF"));
    }
}

void AttachmentRow::choose()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Choose a scan"), QString(),
                                                      tr("Scans (*.pdf *.jpg *.jpeg *.png)"));
    if (!path.isEmpty())
        Q_EMIT fileChosen(m_category, path);
}

void AttachmentRow::dragEnterEvent(QDragEnterEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (urls.size() == 1 && urls.first().isLocalFile())
        event->acceptProposedAction();
}

void AttachmentRow::dropEvent(QDropEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (urls.size() == 1 && urls.first().isLocalFile()) {
        event->acceptProposedAction();
        Q_EMIT fileChosen(m_category, urls.first().toLocalFile());
    }
}

} // namespace ca::ui
