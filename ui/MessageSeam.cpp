#include "ui/MessageSeam.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace ca::ui {

bool DialogMessageSeam::ask(QWidget *parent, const QString &title, const QString &question, const QString &acceptText)
{
    QMessageBox box(QMessageBox::Question, title, question, QMessageBox::NoButton, parent);
    QPushButton *yes = acceptText.isEmpty() ? box.addButton(QMessageBox::Ok)
                                            : box.addButton(acceptText, QMessageBox::AcceptRole);
    QPushButton *no = box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(no);
    box.setEscapeButton(no);
    box.exec();
    return box.clickedButton() == yes;
}

void DialogMessageSeam::inform(QWidget *parent, const QString &title, const QString &message, Severity severity)
{
    const QMessageBox::Icon icon = severity == Severity::Error     ? QMessageBox::Critical
                                   : severity == Severity::Warning ? QMessageBox::Warning
                                                                   : QMessageBox::Information;
    QMessageBox box(icon, title, message, QMessageBox::Ok, parent);
    box.exec();
}

std::optional<QString> DialogMessageSeam::askText(QWidget *parent, const QString &title, const QString &label,
                                                  const QString &acceptText, const QString &initial)
{
    QDialog dialog(parent);
    dialog.setWindowTitle(title);
    auto *layout = new QVBoxLayout(&dialog);
    auto *text = new QLabel(label, &dialog);
    text->setWordWrap(true);
    auto *edit = new QPlainTextEdit(&dialog);
    edit->setObjectName(QStringLiteral("commentEdit"));
    edit->setAccessibleName(label);
    edit->setPlainText(initial);
    edit->setTabChangesFocus(true);
    text->setBuddy(edit);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    if (!acceptText.isEmpty())
        buttons->button(QDialogButtonBox::Ok)->setText(acceptText);
    layout->addWidget(text);
    layout->addWidget(edit);
    layout->addWidget(buttons);
    QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    edit->setFocus();
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return edit->toPlainText().trimmed();
}

bool ScriptedMessageSeam::ask(QWidget *, const QString &title, const QString &question, const QString &)
{
    log.append({Entry::Type::Ask, title, question, Severity::Information});
    return answers.isEmpty() ? defaultAnswer : answers.takeFirst();
}

void ScriptedMessageSeam::inform(QWidget *, const QString &title, const QString &message, Severity severity)
{
    log.append({Entry::Type::Inform, title, message, severity});
}

std::optional<QString> ScriptedMessageSeam::askText(QWidget *, const QString &title, const QString &label,
                                                    const QString &, const QString &)
{
    log.append({Entry::Type::AskText, title, label, Severity::Information});
    return texts.isEmpty() ? std::nullopt : texts.takeFirst();
}

QStringList ScriptedMessageSeam::textsOf(Entry::Type type) const
{
    QStringList out;
    for (const Entry &e : log) {
        if (e.type == type)
            out << e.text;
    }
    return out;
}

QString ScriptedMessageSeam::lastInform() const
{
    const QStringList all = textsOf(Entry::Type::Inform);
    return all.isEmpty() ? QString() : all.last();
}

QString ScriptedMessageSeam::lastQuestion() const
{
    const QStringList all = textsOf(Entry::Type::Ask);
    return all.isEmpty() ? QString() : all.last();
}

} // namespace ca::ui
