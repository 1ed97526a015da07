#pragma once

#include "core/model/Application.h"

#include <QDialog>

#include <memory>
#include <optional>

namespace Ui {
class SubmitCommentDialog;
}

namespace ca::ui {

class ClientContext;

// 请输入意见 → 确认提交 (seed 003): before an application goes to review the user
// may write a comment for the CA centre. Shows the application's summary line
// (number, unit, kind, keys, fee), a multi-line comment with the characters
// left (the platform takes up to maxLength()), and Confirm submission / Cancel.
// Keyboard: the comment has the focus, Tab moves to the buttons, Ctrl+Enter
// confirms, Esc cancels.
//
// Used by the wizard's Submit and the list's Submit through ask(): the dialog
// in the program; a test that installed its own MessageSeam (ScriptedMessageSeam)
// gets the question through MessageSeam::askText() with the same title and
// label and answers from its script, so no modal dialog blocks it. Tests can
// also drive the dialog itself (objectNames "submitCommentDialog",
// "commentEdit", "counterLabel", "summaryLabel", "buttonBox").
class SubmitCommentDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SubmitCommentDialog(const Application &app, QWidget *parent = nullptr);
    ~SubmitCommentDialog() override;

    // The platform's limit for a submission comment (docs/api/openapi.yaml, submit: maxLength 500).
    static constexpr int maxLength() { return 500; }

    QString comment() const;
    void setComment(const QString &text);
    QString summary() const;

    // The comment (trimmed; may be empty) or std::nullopt when the user cancelled.
    static std::optional<QString> ask(ClientContext &ctx, QWidget *parent, const Application &app);
    // The summary line of an application ("Application A… of …: new certificate, 1 key, fee 300.00 yuan.").
    static QString summaryOf(const Application &app);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void updateCounter();

    std::unique_ptr<Ui::SubmitCommentDialog> m_ui;
};

} // namespace ca::ui
