#pragma once

#include "core/platform/PlatformError.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>

#include <chrono>

namespace ca {

class PlatformCall;
class PlatformClient;

// One status that changed: key is "review_status" | "payment_status" | "handling_status".
struct StatusChange {
    QString key;
    QString from;
    QString to;
    bool operator==(const StatusChange &) const = default;
};

// Watches one application's review, payment and handling status.
// GET /api/v1/applications/{id} with If-None-Match: "<version>", so an
// unchanged application costs a 304 without a body. The interval doubles
// while nothing changes (from `shortest` up to `longest`) and goes back to
// `shortest` after a change. statusChanged() is emitted once per poll that
// changed at least one status (the UI turns it into a notification).
class StatusPoller : public QObject
{
    Q_OBJECT
public:
    StatusPoller(PlatformClient *client, const QString &applicationId, QObject *parent = nullptr);
    ~StatusPoller() override;

    void setIntervals(std::chrono::milliseconds shortest, std::chrono::milliseconds longest);
    void start();   // polls at once, then on the schedule
    void stop();
    void pollNow();

    QString applicationId() const { return m_id; }
    QJsonObject application() const { return m_app; }
    qint64 version() const { return m_version; }
    int notModifiedCount() const { return m_notModified; } // 304 answers
    int pollCount() const { return m_polls; }
    std::chrono::milliseconds currentInterval() const { return m_interval; }
    bool isRunning() const { return m_running; }

Q_SIGNALS:
    void statusChanged(const QString &applicationId, const QList<ca::StatusChange> &changes);
    void applicationChanged(const QJsonObject &application); // any new version
    void pollFailed(const ca::PlatformError &error);
    void polled(int httpStatus); // after every answer (200, 304) — for progress displays and tests

private:
    void schedule();

    PlatformClient *m_client;
    QString m_id;
    QJsonObject m_app;
    qint64 m_version = -1;
    std::chrono::milliseconds m_shortest{5000};
    std::chrono::milliseconds m_longest{120000};
    std::chrono::milliseconds m_interval{5000};
    QTimer m_timer;
    QPointer<PlatformCall> m_call;
    int m_notModified = 0;
    int m_polls = 0;
    bool m_running = false;
};

} // namespace ca

Q_DECLARE_METATYPE(ca::StatusChange)
