#include "ui/StatusNotifier.h"

#include <QApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QStatusBar>
#include <QStyle>
#include <QSystemTrayIcon>
#include <QToolButton>

namespace ca::ui {

StatusNotifier::StatusNotifier(QStatusBar *statusBar, QWidget *parent)
    : QFrame(parent)
    , m_statusBar(statusBar)
{
    setObjectName(QStringLiteral("notificationBanner"));
    setFrameShape(QFrame::StyledPanel);
    setStyleSheet(QStringLiteral("#notificationBanner { background: #e8f1fb; border: 1px solid #9cc3ea; border-radius: 4px; }"));
    auto *layout = new QHBoxLayout(this);
    m_label = new QLabel(this);
    m_label->setObjectName(QStringLiteral("notificationLabel"));
    m_label->setWordWrap(true);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_close = new QToolButton(this);
    m_close->setObjectName(QStringLiteral("notificationCloseButton"));
    m_close->setText(tr("Dismiss"));
    m_close->setAccessibleName(tr("Dismiss the notification"));
    layout->addWidget(m_label, 1);
    layout->addWidget(m_close);
    connect(m_close, &QToolButton::clicked, this, &QWidget::hide);
    hide();

    if (QSystemTrayIcon::isSystemTrayAvailable() && QSystemTrayIcon::supportsMessages()) {
        m_tray = new QSystemTrayIcon(QApplication::windowIcon().isNull()
                                         ? style()->standardIcon(QStyle::SP_MessageBoxInformation)
                                         : QApplication::windowIcon(),
                                     this);
        m_tray->setToolTip(tr("CA Certificate Assistant"));
        m_tray->show();
    }
}

StatusNotifier::~StatusNotifier() = default;

void StatusNotifier::notify(const QString &title, const QString &message)
{
    m_last = message;
    ++m_count;
    m_label->setText(message);
    show();
    if (m_statusBar)
        m_statusBar->showMessage(message, 15000);
    if (m_tray)
        m_tray->showMessage(title, message, QSystemTrayIcon::Information, 10000);
    Q_EMIT notified(message);
}

} // namespace ca::ui
