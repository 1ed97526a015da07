#include "core/model/Application.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace ca {

QList<Attachment> Application::attachmentsOf(AttachmentCategory category) const
{
    QList<Attachment> out;
    for (const Attachment &a : attachments) {
        if (a.category == category)
            out.append(a);
    }
    return out;
}

QJsonObject Application::toJson() const
{
    QJsonObject o;
    if (!id.isEmpty())
        o.insert(QStringLiteral("id"), id);
    o.insert(QStringLiteral("version"), version);
    o.insert(QStringLiteral("kind"), enumWord(kind));
    o.insert(QStringLiteral("organization"), organization.toJson());
    o.insert(QStringLiteral("order"), order.toJson());
    o.insert(QStringLiteral("invoice"), invoice.toJson());
    QJsonArray list;
    for (const Attachment &a : attachments)
        list.append(a.toJson());
    o.insert(QStringLiteral("attachments"), list);
    o.insert(QStringLiteral("fee"), fee.toString());
    o.insert(QStringLiteral("review_status"), enumWord(reviewStatus));
    o.insert(QStringLiteral("payment_status"), enumWord(paymentStatus));
    o.insert(QStringLiteral("handling_status"), enumWord(handlingStatus));
    if (payment)
        o.insert(QStringLiteral("payment"), payment->toJson());
    if (fulfilment)
        o.insert(QStringLiteral("fulfilment"), fulfilment->toJson());
    if (certificate)
        o.insert(QStringLiteral("certificate"), certificate->toJson());
    QJsonArray records;
    for (const ApprovalRecord &r : approvalRecords)
        records.append(r.toJson());
    o.insert(QStringLiteral("approval_records"), records);
    insertTime(o, "created_at", createdAt);
    insertTime(o, "updated_at", updatedAt);
    return o;
}

QByteArray Application::toJsonText(bool indented) const
{
    return QJsonDocument(toJson()).toJson(indented ? QJsonDocument::Indented : QJsonDocument::Compact);
}

Application Application::read(const JsonReader &reader)
{
    Application a;
    a.id = reader.string("id");
    a.version = reader.integer("version", 0, MaxVersion, 0);
    a.kind = reader.enumeration("kind", ApplicationKind::New, JsonReader::Required);
    if (const auto r = reader.child("organization"))
        a.organization = Organization::read(*r);
    if (const auto r = reader.child("order"))
        a.order = OrderInfo::read(*r);
    if (const auto r = reader.child("invoice"))
        a.invoice = Invoice::read(*r);
    a.attachments = reader.objects<Attachment>("attachments");
    a.fee = reader.money("fee");
    a.reviewStatus = reader.enumeration("review_status", ReviewStatus::Draft);
    a.paymentStatus = reader.enumeration("payment_status", PaymentStatus::Unpaid);
    a.handlingStatus = reader.enumeration("handling_status", HandlingStatus::None);
    if (const auto r = reader.child("payment"))
        a.payment = PaymentOrder::read(*r);
    if (const auto r = reader.child("fulfilment"))
        a.fulfilment = Fulfilment::read(*r);
    if (const auto r = reader.child("certificate"))
        a.certificate = CertificateRef::read(*r);
    a.approvalRecords = reader.objects<ApprovalRecord>("approval_records");
    a.createdAt = reader.time("created_at");
    a.updatedAt = reader.time("updated_at");
    return a;
}

} // namespace ca
