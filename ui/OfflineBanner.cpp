#include "ui/OfflineBanner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace ca::ui {

OfflineBanner::OfflineBanner(QWidget *parent)
    : QFrame(parent)
{
    setObjectName(QStringLiteral("offlineBanner"));
    setFrameShape(QFrame::StyledPanel);
    setStyleSheet(QStringLiteral("#offlineBanner { background: #fff4e5; border: 1px solid #f0b35e; border-radius: 4px; }"));
    auto *layout = new QHBoxLayout(this);
    m_label = new QLabel(this);
    m_label->setObjectName(QStringLiteral("offlineLabel"));
    m_label->setWordWrap(true);
    m_retry = new QPushButton(tr("&Try again"), this);
    m_retry->setObjectName(QStringLiteral("offlineRetryButton"));
    m_retry->setAutoDefault(false);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_retry);
    connect(m_retry, &QPushButton::clicked, this, &OfflineBanner::retryRequested);
    setHost(QString());
    hide();
}

void OfflineBanner::setHost(const QString &host)
{
    m_label->setText(host.isEmpty()
                         ? tr("The platform cannot be reached. The list shows what was last loaded; drafts are kept on "
                              "this computer and sent when the connection is back.")
                         : tr("The platform %1 cannot be reached. The list shows what was last loaded; drafts are kept "
                              "on this computer and sent when the connection is back.")
                               .arg(host));
}

} // namespace ca::ui
