#include "ui/wizard/WizardPageBase.h"

#include "ui/wizard/FieldEdit.h"
#include "ui/ApplicationWizard.h"

#include <QBoxLayout>
#include <QLabel>

namespace ca::ui {

WizardPageBase::WizardPageBase(ApplicationWizard *wizard)
    : QWizardPage()
    , m_wizard(wizard)
{
}

void WizardPageBase::installBanner()
{
    m_banner = new QLabel(this);
    m_banner->setObjectName(QStringLiteral("syncBanner"));
    m_banner->setWordWrap(true);
    m_banner->setVisible(false);
    m_banner->setTextFormat(Qt::PlainText);
    if (auto *box = qobject_cast<QBoxLayout *>(layout()))
        box->insertWidget(0, m_banner);
}

void WizardPageBase::setBanner(const QString &text, bool warning)
{
    if (!m_banner)
        return;
    m_banner->setText(text);
    m_banner->setVisible(!text.isEmpty());
    m_banner->setStyleSheet(warning ? QStringLiteral("QLabel { background: #fff4e5; border: 1px solid #f0b46a; padding: 6px; }")
                                    : QStringLiteral("QLabel { background: #eef6ee; border: 1px solid #9cc79c; padding: 6px; }"));
}

QWidget *WizardPageBase::showErrors(const QList<FieldError> &errors)
{
    QWidget *first = nullptr;
    for (FieldEdit *edit : fieldEdits()) {
        QString message;
        for (const FieldError &e : errors) {
            if (e.path == edit->path()) {
                message = e.message;
                break;
            }
        }
        if (!message.isEmpty())
            edit->setError(message);
        else
            edit->check();
    }
    for (const FieldError &e : errors) {
        if (QWidget *w = widgetForPath(e.path)) {
            first = w;
            break;
        }
    }
    return first;
}

QWidget *WizardPageBase::widgetForPath(const QString &path) const
{
    for (FieldEdit *edit : fieldEdits())
        if (edit->path() == path)
            return edit;
    return nullptr;
}

bool WizardPageBase::validateStep(WizardStep step)
{
    QList<FieldError> mine;
    for (const FieldError &e : m_wizard->problems(ValidationPurpose::Pay))
        if (e.step == step)
            mine << e;
    QWidget *first = showErrors(mine);
    if (mine.isEmpty()) {
        setBanner(QString(), false);
        return true;
    }
    QStringList lines;
    for (const FieldError &e : mine)
        lines << e.message;
    setBanner(lines.join(QLatin1Char('\n')), true);
    if (first)
        first->setFocus();
    return false;
}

} // namespace ca::ui
