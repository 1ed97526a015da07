#pragma once

#include <QJsonArray>
#include <QJsonObject>

namespace ca::sandbox {

class Context;

// GET /api/v1/platform: what a client needs before it starts an application.
// {"name", "workflow", "prices", "max_upload_bytes", "wechat_order_ttl_seconds",
//  "notice": {"title", "text" (zh), "text_en"}, "payee",
//  "attachment_categories": [{"category", "label", "description", "required_for"}]}
class Platform
{
public:
    static QJsonObject info(const Context &context);
    static QJsonArray attachmentCategories();
    static QString noticeTitle();
    static QString noticeText();   // CA网上办理告知及确认书, Chinese
    static QString noticeTextEn(); // the same in English
};

} // namespace ca::sandbox
