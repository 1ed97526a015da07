#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

class QWidget;

namespace ca::ui {

// The one way UI code asks the user a question or tells them something in a
// message box. Production uses DialogMessageSeam (QMessageBox / a comment
// dialog); tests install a ScriptedMessageSeam that records what was said and
// answers from a script, so no modal box ever blocks a test.
//
//   if (!ctx.messages().ask(this, tr("Delete application"), tr("Delete the application of %1?").arg(name)))
//       return;
class MessageSeam
{
public:
    enum class Severity { Information, Warning, Error };

    virtual ~MessageSeam() = default;

    // A yes/no question; true = the user confirmed. acceptText names the confirming button ("" = Yes/OK).
    virtual bool ask(QWidget *parent, const QString &title, const QString &question,
                     const QString &acceptText = QString()) = 0;
    // A message the user acknowledges.
    virtual void inform(QWidget *parent, const QString &title, const QString &message,
                        Severity severity = Severity::Information) = 0;
    // A free-text answer (e.g. the 请输入意见 comment before 确认提交); std::nullopt = cancelled.
    virtual std::optional<QString> askText(QWidget *parent, const QString &title, const QString &label,
                                           const QString &acceptText = QString(), const QString &initial = QString()) = 0;
};

// QMessageBox / QInputDialog (window-modal).
class DialogMessageSeam : public MessageSeam
{
    Q_DECLARE_TR_FUNCTIONS(ca::ui::DialogMessageSeam)
public:
    bool ask(QWidget *parent, const QString &title, const QString &question, const QString &acceptText) override;
    void inform(QWidget *parent, const QString &title, const QString &message, Severity severity) override;
    std::optional<QString> askText(QWidget *parent, const QString &title, const QString &label,
                                   const QString &acceptText, const QString &initial) override;
};

// For tests: answers come from queues; everything asked or said is recorded.
// With an empty queue ask() answers defaultAnswer and askText() answers std::nullopt.
class ScriptedMessageSeam : public MessageSeam
{
public:
    struct Entry {
        enum class Type { Ask, Inform, AskText } type;
        QString title;
        QString text;
        Severity severity = Severity::Information;
    };

    QList<bool> answers;                    // for ask(), front first
    QList<std::optional<QString>> texts;    // for askText(), front first
    bool defaultAnswer = false;
    QList<Entry> log;                       // everything, in order

    bool ask(QWidget *parent, const QString &title, const QString &question, const QString &acceptText) override;
    void inform(QWidget *parent, const QString &title, const QString &message, Severity severity) override;
    std::optional<QString> askText(QWidget *parent, const QString &title, const QString &label,
                                   const QString &acceptText, const QString &initial) override;

    // The texts of the entries of one type (e.g. every inform() message).
    QStringList textsOf(Entry::Type type) const;
    QString lastInform() const;
    QString lastQuestion() const;
};

} // namespace ca::ui
