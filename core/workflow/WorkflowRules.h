#pragma once

// The one state machine of both platform workflows (design §1, seeds 000 and 003).
//
// Client side: what the user may do with an application now, and, when not,
// a whole translated sentence for the disabled button's tooltip:
//   Decision d = WorkflowRules::maySubmit(app, Workflow::PayFirst);
//   button->setEnabled(d.allowed); button->setToolTip(d.reason);
// Server side (sandbox): the transitions, each checked against the current
// state; apply() changes the statuses only when allowed:
//   Decision d = WorkflowRules::apply(Transition::Approve, app, workflow);
//
// The rules look at statuses, kind, pickup and fee only; whether the fields
// are complete is ApplicationValidator's job.
//
// Rules (docs/application-json.md, "Workflow rules", is the long form):
// - edit (invoice, attachments, addresses): review draft or rejected.
// - edit the fee fields (kind, quantity): as edit, and the payment is unpaid
//   (an open order or a payment fixes the amount).
// - delete: review draft and payment unpaid (paid is never undone; an open
//   order blocks deletion until it is paid or expires).
// - submit: review draft or rejected; pay-first also needs the fee settled
//   (paid, or nothing to pay).
// - pay: not paid yet and there is something to pay; pay-first: review draft
//   or rejected; review-first: review approved.
// - confirm receipt: a key kind (new/reissue) picked up by mail, handling shipped.
// - states that cannot arise in the workflow (e.g. draft + shipped) deny every
//   action with a sentence asking to refresh from the platform.

#include "core/model/Application.h"
#include "core/model/Enums.h"

#include <QCoreApplication>
#include <QString>

namespace ca {

struct Decision {
    bool allowed = false;
    QString reason; // empty when allowed; otherwise a whole translated sentence
    explicit operator bool() const { return allowed; }
    static Decision yes() { return {true, QString()}; }
    static Decision no(const QString &why) { return {false, why}; }
};

enum class UserAction { Edit, EditFeeFields, UploadAttachments, Delete, Submit, Pay, ConfirmReceipt };

// Server transitions. OpenPayment: a payment order is created (unpaid|open -> open);
// ExpirePayment: the open order expired or was cancelled (open -> unpaid).
enum class Transition { Submit, Approve, Reject, OpenPayment, ExpirePayment, MarkPaid, Ship, Onsite, Done, Receive };

class WorkflowRules
{
    Q_DECLARE_TR_FUNCTIONS(ca::WorkflowRules)
public:
    static Decision mayEdit(const Application &app, Workflow workflow);
    static Decision mayEditFeeFields(const Application &app, Workflow workflow);
    static Decision mayUploadAttachments(const Application &app, Workflow workflow);
    static Decision mayDelete(const Application &app, Workflow workflow);
    static Decision maySubmit(const Application &app, Workflow workflow);
    static Decision mayPay(const Application &app, Workflow workflow);
    static Decision mayConfirmReceipt(const Application &app, Workflow workflow);
    static Decision check(UserAction action, const Application &app, Workflow workflow);

    // May the transition happen now? (No change to the application.)
    static Decision can(Transition transition, const Application &app, Workflow workflow);
    // Checks, then moves the statuses: Submit -> pending; Approve -> approved (and
    // handling processing when the fee is settled); Reject -> rejected;
    // OpenPayment -> open; ExpirePayment -> unpaid; MarkPaid -> paid (and handling
    // processing when approved); Ship -> shipped; Onsite -> onsite; Done -> done;
    // Receive -> received. Records, times and fulfilment data are the caller's.
    static Decision apply(Transition transition, Application &app, Workflow workflow);

    // Nothing to pay (fee 0.00, e.g. existing CA registration).
    static bool isFree(const Application &app);
    // Paid, or nothing to pay.
    static bool isSettled(const Application &app);
    // Can this combination of statuses arise in the workflow? (See the table in the docs.)
    static bool isConsistent(const Application &app, Workflow workflow);

    static QString transitionName(Transition transition); // "submit", "approve", ... (for logs)
};

} // namespace ca
