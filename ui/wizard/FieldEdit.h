#pragma once

#include "core/validation/FieldValidator.h"

#include <QString>
#include <QWidget>

class QLabel;
class QLineEdit;

namespace ca::ui {

// One wizard input with its message under it: validates as the user types
// (ca::FieldValidator), converts full-width characters on the fly (with a
// note), shows the normalised value, and highlights the field when the value
// is wrong. Children: "edit" (QLineEdit) and "message" (QLabel).
//
// path is the JSON key path ("invoice.tax_id") the wizard uses to jump to
// the field of an ApplicationValidator error.
class FieldEdit : public QWidget
{
    Q_OBJECT
public:
    explicit FieldEdit(QWidget *parent = nullptr);
    ~FieldEdit() override;

    void setField(Field field, const QString &path, const QString &accessibleName);
    Field field() const { return m_field; }
    QString path() const { return m_path; }

    QLineEdit *lineEdit() const { return m_edit; }
    QLabel *messageLabel() const { return m_message; }

    QString text() const;
    // The value for the model: the normalised form when valid, otherwise as typed.
    QString value() const;
    void setText(const QString &text); // no textEdited()
    void setReadOnly(bool on);

    // Validates the current text now; true when valid (an empty value is left to the required check).
    bool check();
    // Shows an error sentence (e.g. from ApplicationValidator) and highlights the field; "" clears.
    void setError(const QString &message);
    bool hasError() const { return m_hasError; }
    QString message() const;

Q_SIGNALS:
    void edited(const QString &value);

private:
    void onTextEdited(const QString &text);
    void showNote(const QString &note);

    QLineEdit *m_edit;
    QLabel *m_message;
    Field m_field = Field::Title;
    bool m_hasField = false;
    QString m_path;
    bool m_hasError = false;
};

} // namespace ca::ui
