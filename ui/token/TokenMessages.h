#pragma once

#include <QCoreApplication>
#include <QString>

namespace ca::p11 {
class Error;
struct TokenInfo;
}

namespace ca::ui {

// The sentence the token dialogs show for a failed key command: Error::userMessage(), except where that
// sentence is written for ca-tool (choose a key by label or serial, a key identifier, an option given
// wrongly), which the dialogs replace with what the user can do in the window.
class TokenMessages
{
    Q_DECLARE_TR_FUNCTIONS(ca::ui::TokenMessages)
public:
    static QString forDialog(const p11::Error &error);

    // Which of the two new-PIN fields a problem is about.
    enum class NewPinField { NewPin, Repeat };
    // What is wrong with a new PIN typed twice for this key (empty, shorter or longer than the key
    // takes, the two entries differ), as a sentence; "" when nothing is. *field names the field to fix.
    static QString newPinProblem(const p11::TokenInfo &token, const QString &newPin, const QString &repeat,
                                 NewPinField *field);
};

} // namespace ca::ui
