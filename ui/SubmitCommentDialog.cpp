#include "ui/SubmitCommentDialog.h"
#include "ui_SubmitCommentDialog.h"

#include "ui/ClientContext.h"
#include "ui/MessageSeam.h"

#include <QKeyEvent>
#include <QPushButton>

namespace ca::ui {

SubmitCommentDialog::SubmitCommentDialog(const Application &app, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::SubmitCommentDialog>())
{
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("submitCommentDialog"));
    m_ui->summaryLabel->setText(summaryOf(app));
    QFont f = m_ui->summaryLabel->font();
    f.setBold(true);
    m_ui->summaryLabel->setFont(f);
    QPushButton *ok = m_ui->buttonBox->button(QDialogButtonBox::Ok);
    ok->setText(tr("Confirm &submission"));
    ok->setObjectName(QStringLiteral("confirmButton"));
    ok->setDefault(true);
    m_ui->buttonBox->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("cancelButton"));
    m_ui->commentEdit->setPlaceholderText(tr("For example: please review, thank you."));
    m_ui->commentEdit->setAccessibleDescription(
        tr("Optional. At most %n characters. Ctrl+Enter confirms the submission.", nullptr, maxLength()));
    m_ui->commentEdit->installEventFilter(this);
    QPalette hint = m_ui->keysHintLabel->palette();
    hint.setColor(QPalette::WindowText, hint.color(QPalette::PlaceholderText));
    m_ui->keysHintLabel->setPalette(hint);
    // A comment box a few lines high, not a page.
    m_ui->commentEdit->setMinimumHeight(m_ui->commentEdit->fontMetrics().lineSpacing() * 5);
    connect(m_ui->commentEdit, &QPlainTextEdit::textChanged, this, &SubmitCommentDialog::updateCounter);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    updateCounter();
    m_ui->commentEdit->setFocus();
}

SubmitCommentDialog::~SubmitCommentDialog() = default;

QString SubmitCommentDialog::summaryOf(const Application &app)
{
    const QString unit = app.organization.name.isEmpty() ? tr("your unit") : app.organization.name;
    return tr("Application %1 of %2: %3, %n key(s), fee %4 yuan.", nullptr, qMax(1, app.order.quantity))
        .arg(app.id, unit, enumDisplayName(app.kind), app.fee.toString());
}

QString SubmitCommentDialog::comment() const
{
    return m_ui->commentEdit->toPlainText().trimmed();
}

void SubmitCommentDialog::setComment(const QString &text)
{
    m_ui->commentEdit->setPlainText(text);
}

QString SubmitCommentDialog::summary() const
{
    return m_ui->summaryLabel->text();
}

void SubmitCommentDialog::updateCounter()
{
    QString text = m_ui->commentEdit->toPlainText();
    if (text.size() > maxLength()) {
        // Typing or pasting past the limit keeps the first maxLength() characters (the platform refuses more).
        const QSignalBlocker block(m_ui->commentEdit);
        text.truncate(maxLength());
        m_ui->commentEdit->setPlainText(text);
        QTextCursor cursor = m_ui->commentEdit->textCursor();
        cursor.movePosition(QTextCursor::End);
        m_ui->commentEdit->setTextCursor(cursor);
    }
    const int left = maxLength() - int(text.size());
    m_ui->counterLabel->setText(tr("%1/%2 characters").arg(text.size()).arg(maxLength()));
    m_ui->counterLabel->setAccessibleName(tr("%n character(s) left", nullptr, left));
}

bool SubmitCommentDialog::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_ui->commentEdit && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) && (key->modifiers() & Qt::ControlModifier)) {
            accept();
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

std::optional<QString> SubmitCommentDialog::ask(ClientContext &ctx, QWidget *parent, const Application &app)
{
    MessageSeam &seam = ctx.messages();
    if (!dynamic_cast<DialogMessageSeam *>(&seam)) {
        // A test's seam: the same question, answered from its script.
        return seam.askText(parent, tr("Submit the application"),
                            summaryOf(app) + QLatin1Char('\n') + tr("Comment for the CA centre (optional):"),
                            tr("Confirm submission"));
    }
    SubmitCommentDialog dialog(app, parent);
    dialog.setWindowModality(Qt::WindowModal);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return dialog.comment();
}

} // namespace ca::ui
