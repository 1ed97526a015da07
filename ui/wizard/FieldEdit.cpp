#include "ui/wizard/FieldEdit.h"

#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace ca::ui {

FieldEdit::FieldEdit(QWidget *parent)
    : QWidget(parent)
    , m_edit(new QLineEdit(this))
    , m_message(new QLabel(this))
{
    m_edit->setObjectName(QStringLiteral("edit"));
    m_message->setObjectName(QStringLiteral("message"));
    m_message->setWordWrap(true);
    m_message->setVisible(false);
    m_message->setTextFormat(Qt::PlainText);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_edit);
    layout->addWidget(m_message);
    setFocusProxy(m_edit);
    connect(m_edit, &QLineEdit::textEdited, this, &FieldEdit::onTextEdited);
}

FieldEdit::~FieldEdit() = default;

void FieldEdit::setField(Field field, const QString &path, const QString &accessibleName)
{
    m_field = field;
    m_hasField = true;
    m_path = path;
    m_edit->setAccessibleName(accessibleName);
    const int max = FieldValidator::maxLength(field);
    if (max > 0)
        m_edit->setMaxLength(max + 20); // the validator names the limit in its sentence
}

QString FieldEdit::text() const
{
    return m_edit->text();
}

QString FieldEdit::value() const
{
    const QString t = m_edit->text();
    if (!m_hasField || t.trimmed().isEmpty())
        return t.trimmed();
    const FieldResult r = FieldValidator::validate(m_field, t);
    return r.valid ? r.normalized : t;
}

void FieldEdit::setText(const QString &text)
{
    m_edit->setText(text);
    if (!text.isEmpty())
        check();
    else
        setError(QString());
}

void FieldEdit::setReadOnly(bool on)
{
    m_edit->setReadOnly(on);
}

bool FieldEdit::check()
{
    const QString t = m_edit->text();
    if (!m_hasField || t.trimmed().isEmpty()) {
        setError(QString());
        return true;
    }
    const FieldResult r = FieldValidator::validate(m_field, t);
    if (!r.valid) {
        setError(r.message);
        return false;
    }
    setError(QString());
    if (r.normalized != t)
        showNote(tr("Will be saved as: %1").arg(r.normalized));
    return true;
}

void FieldEdit::setError(const QString &message)
{
    m_hasError = !message.isEmpty();
    m_edit->setProperty("invalid", m_hasError);
    m_edit->setStyleSheet(m_hasError ? QStringLiteral("QLineEdit { border: 1px solid #c0392b; background: #fdf2f0; }")
                                     : QString());
    m_message->setStyleSheet(m_hasError ? QStringLiteral("color: #c0392b;") : QString());
    m_message->setText(message);
    m_message->setVisible(!message.isEmpty());
    m_edit->setAccessibleDescription(message);
}

QString FieldEdit::message() const
{
    return m_message->isVisible() ? m_message->text() : QString();
}

void FieldEdit::showNote(const QString &note)
{
    m_message->setStyleSheet(QStringLiteral("color: #5d6d7e;"));
    m_message->setText(note);
    m_message->setVisible(true);
}

void FieldEdit::onTextEdited(const QString &typed)
{
    const QString half = FieldValidator::toHalfWidth(typed);
    bool converted = false;
    if (half != typed) {
        const int pos = m_edit->cursorPosition();
        m_edit->setText(half);
        m_edit->setCursorPosition(pos);
        converted = true;
    }
    check();
    if (converted && !m_hasError)
        showNote(tr("Full-width characters were converted to half-width ones."));
    Q_EMIT edited(value());
}

} // namespace ca::ui
