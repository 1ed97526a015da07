#include "core/model/Enums.h"

#include <QCoreApplication>

namespace ca {

namespace {

template <typename E> struct EnumEntry {
    E value;
    const char *word;     // the JSON word
    const char *context;  // translation context
    const char *display;  // English source text, translated at run time
};

template <typename E> struct EnumTable;

// Each display string carries the intended zh_CN translation in a comment so
// the translator can use the platform's exact words (seeds 000 and 003).

template <> struct EnumTable<Role> {
    static constexpr EnumEntry<Role> entries[] = {
        {Role::Supplier, "supplier", "ca::Role", QT_TRANSLATE_NOOP("ca::Role", "Supplier")},                    // 供应商
        {Role::Purchaser, "purchaser", "ca::Role", QT_TRANSLATE_NOOP("ca::Role", "Purchaser")},                 // 采购人
        {Role::Agent, "agent", "ca::Role", QT_TRANSLATE_NOOP("ca::Role", "Procurement agent")},                 // 采购代理
        {Role::Reviewer, "reviewer", "ca::Role", QT_TRANSLATE_NOOP("ca::Role", "Reviewer")},                    // 审核人员
    };
};

template <> struct EnumTable<ApplicationKind> {
    static constexpr EnumEntry<ApplicationKind> entries[] = {
        {ApplicationKind::New, "new", "ca::ApplicationKind", QT_TRANSLATE_NOOP("ca::ApplicationKind", "New")},                          // 新办
        {ApplicationKind::Reissue, "reissue", "ca::ApplicationKind", QT_TRANSLATE_NOOP("ca::ApplicationKind", "Reissue")},              // 补办
        {ApplicationKind::Change, "change", "ca::ApplicationKind", QT_TRANSLATE_NOOP("ca::ApplicationKind", "Change of details")},      // 信息变更
        {ApplicationKind::Renewal, "renewal", "ca::ApplicationKind", QT_TRANSLATE_NOOP("ca::ApplicationKind", "Renewal")},              // 延期续费
        {ApplicationKind::Existing, "existing", "ca::ApplicationKind", QT_TRANSLATE_NOOP("ca::ApplicationKind", "Existing CA")},        // 已有CA
    };
};

template <> struct EnumTable<ReviewStatus> {
    static constexpr EnumEntry<ReviewStatus> entries[] = {
        {ReviewStatus::Draft, "draft", "ca::ReviewStatus", QT_TRANSLATE_NOOP("ca::ReviewStatus", "Editing")},                 // 编辑中
        {ReviewStatus::Pending, "pending", "ca::ReviewStatus", QT_TRANSLATE_NOOP("ca::ReviewStatus", "Awaiting review")},     // 待审核
        {ReviewStatus::Approved, "approved", "ca::ReviewStatus", QT_TRANSLATE_NOOP("ca::ReviewStatus", "Approved")},          // 审核通过
        {ReviewStatus::Rejected, "rejected", "ca::ReviewStatus", QT_TRANSLATE_NOOP("ca::ReviewStatus", "Rejected")},          // 审核不通过
    };
};

template <> struct EnumTable<PaymentStatus> {
    static constexpr EnumEntry<PaymentStatus> entries[] = {
        {PaymentStatus::Unpaid, "unpaid", "ca::PaymentStatus", QT_TRANSLATE_NOOP("ca::PaymentStatus", "Unpaid")},                  // 未支付
        {PaymentStatus::Open, "open", "ca::PaymentStatus", QT_TRANSLATE_NOOP("ca::PaymentStatus", "Payment in progress")},         // 支付中
        {PaymentStatus::Paid, "paid", "ca::PaymentStatus", QT_TRANSLATE_NOOP("ca::PaymentStatus", "Paid")},                        // 已支付
    };
};

template <> struct EnumTable<HandlingStatus> {
    static constexpr EnumEntry<HandlingStatus> entries[] = {
        {HandlingStatus::None, "none", "ca::HandlingStatus", QT_TRANSLATE_NOOP("ca::HandlingStatus", "Not started")},              // 未办理
        {HandlingStatus::Processing, "processing", "ca::HandlingStatus", QT_TRANSLATE_NOOP("ca::HandlingStatus", "In progress")},  // 办理中
        {HandlingStatus::Shipped, "shipped", "ca::HandlingStatus", QT_TRANSLATE_NOOP("ca::HandlingStatus", "Shipped")},            // 已发货
        {HandlingStatus::Onsite, "onsite", "ca::HandlingStatus", QT_TRANSLATE_NOOP("ca::HandlingStatus", "Handled on site")},      // 现场办理
        {HandlingStatus::Received, "received", "ca::HandlingStatus", QT_TRANSLATE_NOOP("ca::HandlingStatus", "Received")},         // 已签收
        {HandlingStatus::Done, "done", "ca::HandlingStatus", QT_TRANSLATE_NOOP("ca::HandlingStatus", "Completed")},                // 已办理
    };
};

template <> struct EnumTable<Pickup> {
    static constexpr EnumEntry<Pickup> entries[] = {
        {Pickup::Onsite, "onsite", "ca::Pickup", QT_TRANSLATE_NOOP("ca::Pickup", "Collect on site")},   // 现场取锁
        {Pickup::Mail, "mail", "ca::Pickup", QT_TRANSLATE_NOOP("ca::Pickup", "Send by mail")},          // 邮寄取锁
    };
};

template <> struct EnumTable<InvoiceType> {
    static constexpr EnumEntry<InvoiceType> entries[] = {
        {InvoiceType::Normal, "normal", "ca::InvoiceType", QT_TRANSLATE_NOOP("ca::InvoiceType", "Ordinary invoice")},       // 普票
        {InvoiceType::Special, "special", "ca::InvoiceType", QT_TRANSLATE_NOOP("ca::InvoiceType", "Special VAT invoice")},  // 专票
    };
};

template <> struct EnumTable<AttachmentCategory> {
    static constexpr EnumEntry<AttachmentCategory> entries[] = {
        {AttachmentCategory::LegalRepId, "legal_rep_id", "ca::AttachmentCategory",
         QT_TRANSLATE_NOOP("ca::AttachmentCategory", "Legal representative's ID card")},                   // 法人身份证件
        {AttachmentCategory::HandlerId, "handler_id", "ca::AttachmentCategory",
         QT_TRANSLATE_NOOP("ca::AttachmentCategory", "Handler's ID card")},                                // 经办人身份证件
        {AttachmentCategory::ApplicationForm, "application_form", "ca::AttachmentCategory",
         QT_TRANSLATE_NOOP("ca::AttachmentCategory", "CA certificate application form")},                  // CA证书申请表
        {AttachmentCategory::AuthorizationLetter, "authorization_letter", "ca::AttachmentCategory",
         QT_TRANSLATE_NOOP("ca::AttachmentCategory", "Letter of authorisation")},                          // 授权委托书
        {AttachmentCategory::BusinessLicence, "business_licence", "ca::AttachmentCategory",
         QT_TRANSLATE_NOOP("ca::AttachmentCategory", "Business licence")},                                 // 营业执照
    };
};

template <> struct EnumTable<UploadState> {
    static constexpr EnumEntry<UploadState> entries[] = {
        {UploadState::Pending, "pending", "ca::UploadState", QT_TRANSLATE_NOOP("ca::UploadState", "Waiting to upload")},   // 待上传
        {UploadState::Uploading, "uploading", "ca::UploadState", QT_TRANSLATE_NOOP("ca::UploadState", "Uploading")},       // 上传中
        {UploadState::Uploaded, "uploaded", "ca::UploadState", QT_TRANSLATE_NOOP("ca::UploadState", "Uploaded")},          // 已上传
        {UploadState::Failed, "failed", "ca::UploadState", QT_TRANSLATE_NOOP("ca::UploadState", "Upload failed")},         // 上传失败
    };
};

template <> struct EnumTable<PaymentChannel> {
    static constexpr EnumEntry<PaymentChannel> entries[] = {
        {PaymentChannel::Bank, "bank", "ca::PaymentChannel", QT_TRANSLATE_NOOP("ca::PaymentChannel", "Online banking")},   // 网银支付
        {PaymentChannel::Alipay, "alipay", "ca::PaymentChannel", QT_TRANSLATE_NOOP("ca::PaymentChannel", "Alipay")},       // 支付宝支付
        {PaymentChannel::Wechat, "wechat", "ca::PaymentChannel", QT_TRANSLATE_NOOP("ca::PaymentChannel", "WeChat Pay")},   // 微信支付
    };
};

template <> struct EnumTable<PaymentOrderStatus> {
    static constexpr EnumEntry<PaymentOrderStatus> entries[] = {
        {PaymentOrderStatus::Open, "open", "ca::PaymentOrderStatus", QT_TRANSLATE_NOOP("ca::PaymentOrderStatus", "Awaiting payment")},  // 待支付
        {PaymentOrderStatus::Paid, "paid", "ca::PaymentOrderStatus", QT_TRANSLATE_NOOP("ca::PaymentOrderStatus", "Paid")},              // 已支付
        {PaymentOrderStatus::Expired, "expired", "ca::PaymentOrderStatus", QT_TRANSLATE_NOOP("ca::PaymentOrderStatus", "Expired")},     // 已过期
        {PaymentOrderStatus::Closed, "closed", "ca::PaymentOrderStatus", QT_TRANSLATE_NOOP("ca::PaymentOrderStatus", "Closed")},        // 已关闭
    };
};

template <> struct EnumTable<ApprovalAction> {
    static constexpr EnumEntry<ApprovalAction> entries[] = {
        {ApprovalAction::Create, "create", "ca::ApprovalAction", QT_TRANSLATE_NOOP("ca::ApprovalAction", "Created")},                  // 创建
        {ApprovalAction::Save, "save", "ca::ApprovalAction", QT_TRANSLATE_NOOP("ca::ApprovalAction", "Saved")},                        // 修改保存
        {ApprovalAction::Submit, "submit", "ca::ApprovalAction", QT_TRANSLATE_NOOP("ca::ApprovalAction", "Submitted")},                // 提交信息
        {ApprovalAction::Approve, "approve", "ca::ApprovalAction", QT_TRANSLATE_NOOP("ca::ApprovalAction", "Approved")},               // 审核通过
        {ApprovalAction::Reject, "reject", "ca::ApprovalAction", QT_TRANSLATE_NOOP("ca::ApprovalAction", "Rejected")},                 // 审核不通过
        {ApprovalAction::Pay, "pay", "ca::ApprovalAction", QT_TRANSLATE_NOOP("ca::ApprovalAction", "Paid")},                           // 已支付
        {ApprovalAction::Ship, "ship", "ca::ApprovalAction", QT_TRANSLATE_NOOP("ca::ApprovalAction", "Key shipped")},                  // 已发货
        {ApprovalAction::Onsite, "onsite", "ca::ApprovalAction", QT_TRANSLATE_NOOP("ca::ApprovalAction", "Handled on site")},          // 现场办理
        {ApprovalAction::Receive, "receive", "ca::ApprovalAction", QT_TRANSLATE_NOOP("ca::ApprovalAction", "Receipt confirmed")},      // 确认签收
        {ApprovalAction::Done, "done", "ca::ApprovalAction", QT_TRANSLATE_NOOP("ca::ApprovalAction", "Completed")},                    // 已办理
        {ApprovalAction::Certificate, "certificate", "ca::ApprovalAction", QT_TRANSLATE_NOOP("ca::ApprovalAction", "Certificate issued")}, // 证书已签发
    };
};

template <> struct EnumTable<Workflow> {
    static constexpr EnumEntry<Workflow> entries[] = {
        {Workflow::PayFirst, "pay-first", "ca::Workflow", QT_TRANSLATE_NOOP("ca::Workflow", "Pay first, then review")},        // 先支付后审核
        {Workflow::ReviewFirst, "review-first", "ca::Workflow", QT_TRANSLATE_NOOP("ca::Workflow", "Review first, then pay")},  // 先审核后支付
    };
};

template <typename E> const EnumEntry<E> *findEntry(E value)
{
    for (const auto &entry : EnumTable<E>::entries) {
        if (entry.value == value)
            return &entry;
    }
    return nullptr;
}

} // namespace

template <typename E> QString enumWord(E value)
{
    const auto *entry = findEntry(value);
    return entry ? QString::fromLatin1(entry->word) : QString();
}

template <typename E> std::optional<E> enumFromWord(QStringView word)
{
    for (const auto &entry : EnumTable<E>::entries) {
        if (word == QLatin1StringView(entry.word))
            return entry.value;
    }
    return std::nullopt;
}

template <typename E> QString enumDisplayName(E value)
{
    const auto *entry = findEntry(value);
    return entry ? QCoreApplication::translate(entry->context, entry->display) : QString();
}

template <typename E> QList<E> enumValues()
{
    QList<E> values;
    for (const auto &entry : EnumTable<E>::entries)
        values.append(entry.value);
    return values;
}

template <typename E> QStringList enumWords()
{
    QStringList words;
    for (const auto &entry : EnumTable<E>::entries)
        words.append(QString::fromLatin1(entry.word));
    return words;
}

#define CA_INSTANTIATE_ENUM(E)                                            \
    template QString enumWord<E>(E);                                      \
    template std::optional<E> enumFromWord<E>(QStringView);               \
    template QString enumDisplayName<E>(E);                               \
    template QList<E> enumValues<E>();                                    \
    template QStringList enumWords<E>();

CA_INSTANTIATE_ENUM(Role)
CA_INSTANTIATE_ENUM(ApplicationKind)
CA_INSTANTIATE_ENUM(ReviewStatus)
CA_INSTANTIATE_ENUM(PaymentStatus)
CA_INSTANTIATE_ENUM(HandlingStatus)
CA_INSTANTIATE_ENUM(Pickup)
CA_INSTANTIATE_ENUM(InvoiceType)
CA_INSTANTIATE_ENUM(AttachmentCategory)
CA_INSTANTIATE_ENUM(UploadState)
CA_INSTANTIATE_ENUM(PaymentChannel)
CA_INSTANTIATE_ENUM(PaymentOrderStatus)
CA_INSTANTIATE_ENUM(ApprovalAction)
CA_INSTANTIATE_ENUM(Workflow)

#undef CA_INSTANTIATE_ENUM

QString attachmentCategoryDescription(AttachmentCategory category)
{
    switch (category) {
    case AttachmentCategory::LegalRepId:
        // 请上传法人身份证件(加盖公章)
        return QCoreApplication::translate("ca::AttachmentCategory",
                                           "Upload the legal representative's ID card, stamped with the company seal.");
    case AttachmentCategory::HandlerId:
        // 请上传经办人身份证件(加盖公章)
        return QCoreApplication::translate("ca::AttachmentCategory",
                                           "Upload the handler's ID card, stamped with the company seal.");
    case AttachmentCategory::ApplicationForm:
        // 请到阳光采购服务平台-主体管理-CA申请下载《CA证书申请表》，填写后上传
        return QCoreApplication::translate("ca::AttachmentCategory",
                                           "Download the CA certificate application form (Entity management, CA application), "
                                           "fill it in and upload it.");
    case AttachmentCategory::AuthorizationLetter:
        // 请到阳光采购服务平台-主体管理-CA申请下载《授权委托书》，填写后上传
        return QCoreApplication::translate("ca::AttachmentCategory",
                                           "Download the letter of authorisation (Entity management, CA application), "
                                           "fill it in and upload it.");
    case AttachmentCategory::BusinessLicence:
        // 请上传《营业执照》(加盖公章)
        return QCoreApplication::translate("ca::AttachmentCategory",
                                           "Upload the business licence, stamped with the company seal.");
    }
    return QString();
}

bool kindShipsKey(ApplicationKind kind)
{
    return kind == ApplicationKind::New || kind == ApplicationKind::Reissue;
}

} // namespace ca
