#include "ui/wizard/NoticePage.h"
#include "ui_WizardNoticePage.h"

#include "ui/ApplicationWizard.h"
#include "ui/ClientContext.h"

#include <QJsonObject>
#include <QLocale>

namespace ca::ui {

NoticePage::NoticePage(ApplicationWizard *wizard)
    : WizardPageBase(wizard)
    , m_ui(std::make_unique<Ui::WizardNoticePage>())
{
    m_ui->setupUi(this);
    installBanner();
    QFont f = m_ui->noticeTitleLabel->font();
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * 1.2);
    m_ui->noticeTitleLabel->setFont(f);
    connect(m_ui->consentCheck, &QCheckBox::toggled, this, &QWizardPage::completeChanged);
}

NoticePage::~NoticePage() = default;

void NoticePage::loadFromModel()
{
    const PlatformInfo &info = m_wizard->context().platform();
    const QJsonObject notice = info.raw.value(QStringLiteral("notice")).toObject();
    const bool english = QLocale().language() != QLocale::Chinese;
    QString text = info.noticeText;
    const QString en = notice.value(QStringLiteral("text_en")).toString();
    if (english && !en.isEmpty())
        text = en;
    QString title = info.noticeTitle;
    const QString titleEn = notice.value(QStringLiteral("title_en")).toString();
    if (english && !titleEn.isEmpty())
        title = titleEn;
    else if (english && !en.isEmpty())
        title.clear(); // an English notice under our English title, not the platform's Chinese one
    if (title.isEmpty())
        title = tr("Notice and confirmation for handling CA certificates online");
    m_ui->noticeTitleLabel->setText(title);
    if (text.isEmpty())
        text = tr("The platform did not send its notice. Check the connection and open the wizard again.");
    m_ui->noticeText->setPlainText(text);
}

bool NoticePage::isComplete() const
{
    return m_ui->consentCheck->isChecked();
}

void NoticePage::setAccepted(bool accepted)
{
    m_ui->consentCheck->setChecked(accepted);
}

bool NoticePage::isAccepted() const
{
    return m_ui->consentCheck->isChecked();
}

} // namespace ca::ui
