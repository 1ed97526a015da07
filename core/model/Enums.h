#pragma once

// The enumerations of the application JSON (docs/application-json.md) with
// their exact JSON words and translated display names.
//
//   enumWord(ReviewStatus::Draft)            == "draft"
//   enumFromWord<ReviewStatus>(u"draft")     == ReviewStatus::Draft (std::nullopt when unknown)
//   enumDisplayName(ReviewStatus::Draft)     == tr("Editing") (编辑中 in zh_CN)
//   enumValues<ReviewStatus>(), enumWords<ReviewStatus>() list every value in declaration order.
//
// Every enum below is explicitly instantiated in Enums.cpp; any other type
// fails to link.

#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <optional>

namespace ca {

// Account role / organization.type ("reviewer" only for platform reviewer accounts).
enum class Role { Supplier, Purchaser, Agent, Reviewer };

// kind
enum class ApplicationKind { New, Reissue, Change, Renewal, Existing };

// review_status
enum class ReviewStatus { Draft, Pending, Approved, Rejected };

// payment_status
enum class PaymentStatus { Unpaid, Open, Paid };

// handling_status
enum class HandlingStatus { None, Processing, Shipped, Onsite, Received, Done };

// order.pickup
enum class Pickup { Onsite, Mail };

// invoice.type
enum class InvoiceType { Normal, Special };

// attachment.category
enum class AttachmentCategory { LegalRepId, HandlerId, ApplicationForm, AuthorizationLetter, BusinessLicence };

// attachment.state
enum class UploadState { Pending, Uploading, Uploaded, Failed };

// payment.channel
enum class PaymentChannel { Bank, Alipay, Wechat };

// payment.status (one payment order)
enum class PaymentOrderStatus { Open, Paid, Expired, Closed };

// approval_records[].action
enum class ApprovalAction { Create, Save, Submit, Approve, Reject, Pay, Ship, Onsite, Receive, Done, Certificate };

// The platform workflow (GET /api/v1/platform "workflow"): "pay-first" | "review-first".
enum class Workflow { PayFirst, ReviewFirst };

template <typename E> QString enumWord(E value);
template <typename E> std::optional<E> enumFromWord(QStringView word);
template <typename E> QString enumDisplayName(E value);
template <typename E> QList<E> enumValues();
template <typename E> QStringList enumWords();

// The 说明 text of the CA办理电子件 table (seed 000): what to upload, translated.
QString attachmentCategoryDescription(AttachmentCategory category);

// Kinds whose fulfilment is a physical USB key (shipped or collected on site):
// new and reissue. The others are completed online (design §1).
bool kindShipsKey(ApplicationKind kind);

} // namespace ca
