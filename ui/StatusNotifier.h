#pragma once

#include <QFrame>
#include <QPointer>
#include <QString>

class QLabel;
class QStatusBar;
class QSystemTrayIcon;
class QToolButton;

namespace ca::ui {

// Tells the user that an application's status changed: a tray message when
// the desktop has a tray that shows messages, and always the in-window banner
// (this frame, objectName "notificationBanner") and the status bar.
class StatusNotifier : public QFrame
{
    Q_OBJECT
public:
    explicit StatusNotifier(QStatusBar *statusBar, QWidget *parent = nullptr);
    ~StatusNotifier() override;

    void notify(const QString &title, const QString &message);
    QString lastMessage() const { return m_last; }
    int count() const { return m_count; }
    bool usesTray() const { return m_tray != nullptr; }

Q_SIGNALS:
    void notified(const QString &message);

private:
    QPointer<QStatusBar> m_statusBar;
    QSystemTrayIcon *m_tray = nullptr;
    QLabel *m_label = nullptr;
    QToolButton *m_close = nullptr;
    QString m_last;
    int m_count = 0;
};

} // namespace ca::ui
