#pragma once

#include "core/model/Enums.h"

#include <QJsonObject>
#include <QString>

namespace ca {

class JsonReader;

// The applicant unit: "organization": {"name", "uscc", "type"}.
struct Organization {
    QString name;               // 单位名称
    QString uscc;               // 统一社会信用代码 (GB 32100-2015)
    Role type = Role::Supplier; // supplier | purchaser | agent ("reviewer" is refused)

    // Enterprises (registration authority code '9' of the USCC: 工商) need a tax ID even on a 普票.
    bool isEnterprise() const;

    QJsonObject toJson() const;
    static Organization read(const JsonReader &reader);
    bool operator==(const Organization &) const = default;
};

} // namespace ca
