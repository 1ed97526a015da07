#pragma once

#include "core/model/Attachment.h"
#include "core/model/ApprovalRecord.h"
#include "core/model/CertificateRef.h"
#include "core/model/Enums.h"
#include "core/model/Fulfilment.h"
#include "core/model/Invoice.h"
#include "core/model/JsonReader.h"
#include "core/model/Money.h"
#include "core/model/OrderInfo.h"
#include "core/model/Organization.h"
#include "core/model/PaymentOrder.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace ca {

// One CA application (docs/application-json.md). Plain value type: copy it,
// compare it, hand it to the validator and the workflow rules.
struct Application {
    static constexpr qint64 MaxVersion = Q_INT64_C(9007199254740991); // 2^53 - 1

    QString id;          // server-assigned; "" for a local draft
    qint64 version = 0;  // server version (ETag); 0 for a local draft
    ApplicationKind kind = ApplicationKind::New; // required key
    Organization organization;
    OrderInfo order;
    Invoice invoice;
    QList<Attachment> attachments;
    Money fee;           // server-computed: price of kind x quantity
    ReviewStatus reviewStatus = ReviewStatus::Draft;
    PaymentStatus paymentStatus = PaymentStatus::Unpaid;
    HandlingStatus handlingStatus = HandlingStatus::None;
    std::optional<PaymentOrder> payment;         // the latest payment order
    std::optional<Fulfilment> fulfilment;
    std::optional<CertificateRef> certificate;
    QList<ApprovalRecord> approvalRecords;       // 流程审批记录, oldest first
    QDateTime createdAt;
    QDateTime updatedAt;

    bool isLocalDraft() const { return id.isEmpty(); }
    // The attachments of one category, in list order.
    QList<Attachment> attachmentsOf(AttachmentCategory category) const;

    QJsonObject toJson() const;
    QByteArray toJsonText(bool indented = true) const;
    static Application read(const JsonReader &reader);
    static Parsed<Application> fromJson(const QJsonObject &object) { return parseJson<Application>(QJsonValue(object)); }
    static Parsed<Application> fromJsonText(const QByteArray &text) { return parseJsonText<Application>(text); }

    bool operator==(const Application &) const = default;
};

} // namespace ca
