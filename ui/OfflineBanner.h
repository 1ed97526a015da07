#pragma once

#include <QFrame>

class QLabel;
class QPushButton;

namespace ca::ui {

// "The platform cannot be reached" strip over the list (objectName
// "offlineBanner"); the list keeps showing what was last loaded and local drafts.
class OfflineBanner : public QFrame
{
    Q_OBJECT
public:
    explicit OfflineBanner(QWidget *parent = nullptr);
    void setHost(const QString &host);

Q_SIGNALS:
    void retryRequested();

private:
    QLabel *m_label = nullptr;
    QPushButton *m_retry = nullptr;
};

} // namespace ca::ui
