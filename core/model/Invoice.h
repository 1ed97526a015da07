#pragma once

#include "core/model/Enums.h"

#include <QJsonObject>
#include <QString>

namespace ca {

class JsonReader;

// 开票信息: "invoice": {"type", "title", "tax_id", "address", "phone", "notice_mobile", "bank", "account"}.
// `account` is a bank account number: a secret that never reaches logs or the store's plain columns.
struct Invoice {
    InvoiceType type = InvoiceType::Normal; // 发票类型: normal 普票 | special 专票
    QString title;                          // 开票单位名称
    QString taxId;                          // 税号
    QString address;                        // 单位地址
    QString phone;                          // 单位电话
    QString noticeMobile;                   // 手机号码 (发票申请成功后通知接收手机)
    QString bank;                           // 开户银行
    QString account;                        // 银行账号

    QJsonObject toJson() const;
    static Invoice read(const JsonReader &reader);
    bool operator==(const Invoice &) const = default;
};

} // namespace ca
