#pragma once

#include "core/model/Enums.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace ca {

class JsonReader;

// One line of 流程审批记录: {"time", "actor", "action", "comment"}.
struct ApprovalRecord {
    QDateTime time;                                 // required
    QString actor;                                  // who acted (user name or "reviewer")
    ApprovalAction action = ApprovalAction::Create; // required
    QString comment;                                // 意见

    QJsonObject toJson() const;
    static ApprovalRecord read(const JsonReader &reader);
    bool operator==(const ApprovalRecord &) const = default;
};

} // namespace ca
