#include "core/workflow/WorkflowRules.h"

namespace ca {

bool WorkflowRules::isFree(const Application &app)
{
    return app.fee.isZero();
}

bool WorkflowRules::isSettled(const Application &app)
{
    return app.paymentStatus == PaymentStatus::Paid || (isFree(app) && app.paymentStatus == PaymentStatus::Unpaid);
}

bool WorkflowRules::isConsistent(const Application &app, Workflow workflow)
{
    const ReviewStatus r = app.reviewStatus;
    const PaymentStatus p = app.paymentStatus;
    const HandlingStatus h = app.handlingStatus;

    // Nothing to pay means no order was ever opened or paid.
    if (isFree(app) && p != PaymentStatus::Unpaid)
        return false;

    // Handling must fit the kind and the pickup method.
    const bool key = kindShipsKey(app.kind);
    const bool mail = app.order.pickup == Pickup::Mail;
    switch (h) {
    case HandlingStatus::Shipped:
    case HandlingStatus::Received:
        if (!key || !mail)
            return false;
        break;
    case HandlingStatus::Onsite:
        if (!key || mail)
            return false;
        break;
    case HandlingStatus::Done:
        if (key && mail)
            return false;
        break;
    case HandlingStatus::None:
    case HandlingStatus::Processing:
        break;
    }

    // Handling starts only once the application is approved and settled.
    if (h != HandlingStatus::None)
        return r == ReviewStatus::Approved && isSettled(app);

    switch (workflow) {
    case Workflow::PayFirst:
        // Paying happens while editing; submitting needs the fee settled; approval
        // of a settled application starts the handling at once.
        if (r == ReviewStatus::Draft)
            return true;
        if (r == ReviewStatus::Pending || r == ReviewStatus::Rejected)
            return isSettled(app);
        return false; // approved with handling none
    case Workflow::ReviewFirst:
        // Paying happens only after approval; payment starts the handling.
        if (r != ReviewStatus::Approved)
            return p == PaymentStatus::Unpaid;
        return !isSettled(app); // approved, not yet paid (unpaid or open)
    }
    return false;
}

static QString inconsistentReason()
{
    return WorkflowRules::tr("The statuses of this application do not fit together; refresh it from the platform before "
                             "going on.");
}

Decision WorkflowRules::mayEdit(const Application &app, Workflow workflow)
{
    if (!isConsistent(app, workflow))
        return Decision::no(inconsistentReason());
    switch (app.reviewStatus) {
    case ReviewStatus::Draft:
    case ReviewStatus::Rejected:
        return Decision::yes();
    case ReviewStatus::Pending:
        return Decision::no(tr("This application is waiting for review, so it cannot be changed."));
    case ReviewStatus::Approved:
        return Decision::no(tr("This application has been approved, so it can no longer be changed."));
    }
    return Decision::no(inconsistentReason());
}

Decision WorkflowRules::mayEditFeeFields(const Application &app, Workflow workflow)
{
    const Decision edit = mayEdit(app, workflow);
    if (!edit)
        return edit;
    switch (app.paymentStatus) {
    case PaymentStatus::Unpaid:
        return Decision::yes();
    case PaymentStatus::Open:
        return Decision::no(tr("A payment order for this application is open, so the kind and quantity cannot be "
                               "changed until it is paid or has expired."));
    case PaymentStatus::Paid:
        return Decision::no(tr("This application has been paid, so its kind and quantity can no longer be changed."));
    }
    return Decision::no(inconsistentReason());
}

Decision WorkflowRules::mayUploadAttachments(const Application &app, Workflow workflow)
{
    if (!isConsistent(app, workflow))
        return Decision::no(inconsistentReason());
    switch (app.reviewStatus) {
    case ReviewStatus::Draft:
    case ReviewStatus::Rejected:
        return Decision::yes();
    case ReviewStatus::Pending:
        return Decision::no(tr("This application is waiting for review, so its attachments cannot be changed."));
    case ReviewStatus::Approved:
        return Decision::no(tr("This application has been approved, so its attachments can no longer be changed."));
    }
    return Decision::no(inconsistentReason());
}

Decision WorkflowRules::mayDelete(const Application &app, Workflow workflow)
{
    if (!isConsistent(app, workflow))
        return Decision::no(inconsistentReason());
    switch (app.reviewStatus) {
    case ReviewStatus::Pending:
        return Decision::no(tr("This application has been submitted, so it can no longer be deleted."));
    case ReviewStatus::Approved:
        return Decision::no(tr("This application has been approved, so it can no longer be deleted."));
    case ReviewStatus::Rejected:
        return Decision::no(tr("This application has been reviewed, so it can no longer be deleted; correct it and "
                               "submit it again instead."));
    case ReviewStatus::Draft:
        break;
    }
    switch (app.paymentStatus) {
    case PaymentStatus::Unpaid:
        return Decision::yes();
    case PaymentStatus::Open:
        return Decision::no(tr("A payment order for this application is open; wait until it is paid or has expired "
                               "before deleting the application."));
    case PaymentStatus::Paid:
        return Decision::no(tr("This application has been paid, so it cannot be deleted: a payment is never refunded."));
    }
    return Decision::no(inconsistentReason());
}

Decision WorkflowRules::maySubmit(const Application &app, Workflow workflow)
{
    if (!isConsistent(app, workflow))
        return Decision::no(inconsistentReason());
    switch (app.reviewStatus) {
    case ReviewStatus::Pending:
        return Decision::no(tr("This application has already been submitted and is waiting for review."));
    case ReviewStatus::Approved:
        return Decision::no(tr("This application has already been approved, so there is nothing to submit."));
    case ReviewStatus::Draft:
    case ReviewStatus::Rejected:
        break;
    }
    if (workflow == Workflow::PayFirst && !isSettled(app)) {
        if (app.paymentStatus == PaymentStatus::Open)
            return Decision::no(tr("The payment has not been confirmed yet; finish paying and refresh the payment "
                                   "status, then submit the application."));
        return Decision::no(tr("Pay the fee first and refresh the payment status; the application can be submitted "
                               "once it has been paid."));
    }
    return Decision::yes();
}

Decision WorkflowRules::mayPay(const Application &app, Workflow workflow)
{
    if (!isConsistent(app, workflow))
        return Decision::no(inconsistentReason());
    if (app.paymentStatus == PaymentStatus::Paid)
        return Decision::no(tr("This application has already been paid."));
    if (isFree(app))
        return Decision::no(tr("This application costs nothing, so there is nothing to pay."));
    switch (workflow) {
    case Workflow::PayFirst:
        switch (app.reviewStatus) {
        case ReviewStatus::Draft:
        case ReviewStatus::Rejected:
            return Decision::yes();
        case ReviewStatus::Pending:
        case ReviewStatus::Approved:
            return Decision::no(tr("This application has been submitted, so it can no longer be paid."));
        }
        break;
    case Workflow::ReviewFirst:
        switch (app.reviewStatus) {
        case ReviewStatus::Approved:
            return Decision::yes();
        case ReviewStatus::Draft:
            return Decision::no(tr("Submit this application for review first; the fee can be paid once it has been "
                                   "approved."));
        case ReviewStatus::Pending:
            return Decision::no(tr("This application is waiting for review; the fee can be paid once it has been "
                                   "approved."));
        case ReviewStatus::Rejected:
            return Decision::no(tr("This application was rejected; correct it and submit it again, and pay once it has "
                                   "been approved."));
        }
        break;
    }
    return Decision::no(inconsistentReason());
}

Decision WorkflowRules::mayConfirmReceipt(const Application &app, Workflow workflow)
{
    if (!isConsistent(app, workflow))
        return Decision::no(inconsistentReason());
    if (!kindShipsKey(app.kind))
        return Decision::no(tr("This kind of application is completed online, so there is no key whose receipt could be "
                               "confirmed."));
    if (app.order.pickup == Pickup::Onsite)
        return Decision::no(tr("The key is collected on site, so no confirmation of receipt is needed."));
    switch (app.handlingStatus) {
    case HandlingStatus::Shipped:
        return Decision::yes();
    case HandlingStatus::Received:
        return Decision::no(tr("The receipt of the key has already been confirmed."));
    case HandlingStatus::Done:
        return Decision::no(tr("This application has already been completed."));
    case HandlingStatus::None:
    case HandlingStatus::Processing:
    case HandlingStatus::Onsite:
        break;
    }
    return Decision::no(tr("The key has not been shipped yet; its receipt can be confirmed once it has been shipped."));
}

Decision WorkflowRules::check(UserAction action, const Application &app, Workflow workflow)
{
    switch (action) {
    case UserAction::Edit:
        return mayEdit(app, workflow);
    case UserAction::EditFeeFields:
        return mayEditFeeFields(app, workflow);
    case UserAction::UploadAttachments:
        return mayUploadAttachments(app, workflow);
    case UserAction::Delete:
        return mayDelete(app, workflow);
    case UserAction::Submit:
        return maySubmit(app, workflow);
    case UserAction::Pay:
        return mayPay(app, workflow);
    case UserAction::ConfirmReceipt:
        return mayConfirmReceipt(app, workflow);
    }
    return Decision::no(inconsistentReason());
}

Decision WorkflowRules::can(Transition transition, const Application &app, Workflow workflow)
{
    if (!isConsistent(app, workflow))
        return Decision::no(inconsistentReason());
    const bool key = kindShipsKey(app.kind);
    const bool mail = app.order.pickup == Pickup::Mail;
    switch (transition) {
    case Transition::Submit:
        return maySubmit(app, workflow);
    case Transition::Approve:
        if (app.reviewStatus != ReviewStatus::Pending)
            return Decision::no(tr("Only an application that is waiting for review can be approved."));
        return Decision::yes();
    case Transition::Reject:
        if (app.reviewStatus != ReviewStatus::Pending)
            return Decision::no(tr("Only an application that is waiting for review can be rejected."));
        return Decision::yes();
    case Transition::OpenPayment:
        return mayPay(app, workflow);
    case Transition::ExpirePayment:
        if (app.paymentStatus != PaymentStatus::Open)
            return Decision::no(tr("This application has no open payment order that could expire or be cancelled."));
        return Decision::yes();
    case Transition::MarkPaid:
        if (app.paymentStatus != PaymentStatus::Open)
            return Decision::no(tr("Only an application with an open payment order can be marked as paid."));
        return mayPay(app, workflow);
    case Transition::Ship:
    case Transition::Onsite:
        if (!key)
            return Decision::no(tr("This kind of application is completed online, so there is no key to hand over."));
        if (app.handlingStatus != HandlingStatus::Processing)
            return Decision::no(tr("Only an application that is being processed can have its key handed over."));
        if (transition == Transition::Ship && !mail)
            return Decision::no(tr("The key is collected on site, so it cannot be shipped; mark it as handled on site "
                                   "instead."));
        if (transition == Transition::Onsite && mail)
            return Decision::no(tr("The key is sent by mail, so it cannot be handled on site; ship it instead."));
        return Decision::yes();
    case Transition::Done:
        if (app.handlingStatus == HandlingStatus::Onsite
            || (app.handlingStatus == HandlingStatus::Processing && !key))
            return Decision::yes();
        if (app.handlingStatus == HandlingStatus::Processing)
            return Decision::no(tr("Hand the key over first, by mail or on site, before completing this application."));
        if (app.handlingStatus == HandlingStatus::Shipped)
            return Decision::no(tr("A key sent by mail is completed when the applicant confirms its receipt."));
        if (app.handlingStatus == HandlingStatus::Received || app.handlingStatus == HandlingStatus::Done)
            return Decision::no(tr("This application has already been completed."));
        return Decision::no(tr("Only an application that is being processed can be completed."));
    case Transition::Receive:
        return mayConfirmReceipt(app, workflow);
    }
    return Decision::no(inconsistentReason());
}

Decision WorkflowRules::apply(Transition transition, Application &app, Workflow workflow)
{
    const Decision decision = can(transition, app, workflow);
    if (!decision)
        return decision;
    switch (transition) {
    case Transition::Submit:
        app.reviewStatus = ReviewStatus::Pending;
        break;
    case Transition::Approve:
        app.reviewStatus = ReviewStatus::Approved;
        if (isSettled(app))
            app.handlingStatus = HandlingStatus::Processing;
        break;
    case Transition::Reject:
        app.reviewStatus = ReviewStatus::Rejected;
        break;
    case Transition::OpenPayment:
        app.paymentStatus = PaymentStatus::Open;
        break;
    case Transition::ExpirePayment:
        app.paymentStatus = PaymentStatus::Unpaid;
        break;
    case Transition::MarkPaid:
        app.paymentStatus = PaymentStatus::Paid;
        if (app.reviewStatus == ReviewStatus::Approved)
            app.handlingStatus = HandlingStatus::Processing;
        break;
    case Transition::Ship:
        app.handlingStatus = HandlingStatus::Shipped;
        break;
    case Transition::Onsite:
        app.handlingStatus = HandlingStatus::Onsite;
        break;
    case Transition::Done:
        app.handlingStatus = HandlingStatus::Done;
        break;
    case Transition::Receive:
        app.handlingStatus = HandlingStatus::Received;
        break;
    }
    return decision;
}

QString WorkflowRules::transitionName(Transition transition)
{
    switch (transition) {
    case Transition::Submit: return QStringLiteral("submit");
    case Transition::Approve: return QStringLiteral("approve");
    case Transition::Reject: return QStringLiteral("reject");
    case Transition::OpenPayment: return QStringLiteral("open-payment");
    case Transition::ExpirePayment: return QStringLiteral("expire-payment");
    case Transition::MarkPaid: return QStringLiteral("mark-paid");
    case Transition::Ship: return QStringLiteral("ship");
    case Transition::Onsite: return QStringLiteral("onsite");
    case Transition::Done: return QStringLiteral("done");
    case Transition::Receive: return QStringLiteral("receive");
    }
    return QString();
}

} // namespace ca
