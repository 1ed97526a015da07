#pragma once

#include <QCoreApplication>
#include <QString>

namespace ca::p11 {
class Error;
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
};

} // namespace ca::ui
