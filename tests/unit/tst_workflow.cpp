// core/workflow: every status x user action x workflow, and every status x
// server transition x workflow, against hand-written expectation tables.
//
// Scenarios (the other inputs of the rules):
//   mail    kind new, pickup by mail, fee 300.00
//   onsite  kind new, pickup on site, fee 300.00
//   online  kind renewal (completed online), fee 300.00
//   free    kind existing, fee 0.00 (nothing to pay)
// For each scenario and workflow, the table lists the reachable states
// ("review payment handling") with the user actions allowed there; every state
// not listed must deny every action (and every transition) with the sentence
// that asks to refresh from the platform.

#include "core/workflow/WorkflowRules.h"

#include <QHash>
#include <QSet>
#include <QTest>

using namespace ca;

namespace {

// ---- The expectation tables (written by hand from design §1 and the seeds) ----

// Action codes: edit fee upload delete submit pay confirm.
using Table = QHash<QString, QString>; // "scenario workflow review payment handling" -> allowed actions

// States before handling starts, for an application with a fee (mail, onsite, online alike).
void addPaidScenarioPreHandling(Table &t, const QString &s)
{
    // pay-first (seed 000): fill, pay, refresh, submit, review.
    t[s + " pay-first draft unpaid none"] = "edit fee upload delete pay";
    t[s + " pay-first draft open none"] = "edit upload pay";
    t[s + " pay-first draft paid none"] = "edit upload submit";
    t[s + " pay-first pending paid none"] = "";
    t[s + " pay-first rejected paid none"] = "edit upload submit";
    // review-first (seed 003): fill, save, submit, review, pay.
    t[s + " review-first draft unpaid none"] = "edit fee upload delete submit";
    t[s + " review-first pending unpaid none"] = "";
    t[s + " review-first rejected unpaid none"] = "edit fee upload submit";
    t[s + " review-first approved unpaid none"] = "pay";
    t[s + " review-first approved open none"] = "pay";
}

Table actionTable()
{
    Table t;
    addPaidScenarioPreHandling(t, "mail");
    addPaidScenarioPreHandling(t, "onsite");
    addPaidScenarioPreHandling(t, "online");
    for (const char *w : {"pay-first", "review-first"}) {
        const QString wf = QString::fromLatin1(w);
        // A key sent by mail: shipped -> confirm receipt -> received.
        t["mail " + wf + " approved paid processing"] = "";
        t["mail " + wf + " approved paid shipped"] = "confirm";
        t["mail " + wf + " approved paid received"] = "";
        // A key collected on site: no confirmation.
        t["onsite " + wf + " approved paid processing"] = "";
        t["onsite " + wf + " approved paid onsite"] = "";
        t["onsite " + wf + " approved paid done"] = "";
        // Completed online.
        t["online " + wf + " approved paid processing"] = "";
        t["online " + wf + " approved paid done"] = "";
        // Nothing to pay: both workflows are fill, submit, review.
        t["free " + wf + " draft unpaid none"] = "edit fee upload delete submit";
        t["free " + wf + " pending unpaid none"] = "";
        t["free " + wf + " rejected unpaid none"] = "edit fee upload submit";
        t["free " + wf + " approved unpaid processing"] = "";
        t["free " + wf + " approved unpaid done"] = "";
    }
    return t;
}

// "scenario workflow review payment handling transition" -> "review payment handling" after it.
Table transitionTable()
{
    Table t;
    for (const char *sc : {"mail", "onsite", "online"}) {
        const QString s = QString::fromLatin1(sc);
        t[s + " pay-first draft unpaid none open-payment"] = "draft open none";
        t[s + " pay-first draft open none open-payment"] = "draft open none"; // a new order replaces an expired one
        t[s + " pay-first draft open none expire-payment"] = "draft unpaid none";
        t[s + " pay-first draft open none mark-paid"] = "draft paid none";
        t[s + " pay-first draft paid none submit"] = "pending paid none";
        t[s + " pay-first pending paid none approve"] = "approved paid processing";
        t[s + " pay-first pending paid none reject"] = "rejected paid none";
        t[s + " pay-first rejected paid none submit"] = "pending paid none";
        t[s + " review-first draft unpaid none submit"] = "pending unpaid none";
        t[s + " review-first pending unpaid none approve"] = "approved unpaid none";
        t[s + " review-first pending unpaid none reject"] = "rejected unpaid none";
        t[s + " review-first rejected unpaid none submit"] = "pending unpaid none";
        t[s + " review-first approved unpaid none open-payment"] = "approved open none";
        t[s + " review-first approved open none open-payment"] = "approved open none";
        t[s + " review-first approved open none expire-payment"] = "approved unpaid none";
        t[s + " review-first approved open none mark-paid"] = "approved paid processing";
    }
    for (const char *w : {"pay-first", "review-first"}) {
        const QString wf = QString::fromLatin1(w);
        t["mail " + wf + " approved paid processing ship"] = "approved paid shipped";
        t["mail " + wf + " approved paid shipped receive"] = "approved paid received";
        t["onsite " + wf + " approved paid processing onsite"] = "approved paid onsite";
        t["onsite " + wf + " approved paid onsite done"] = "approved paid done";
        t["online " + wf + " approved paid processing done"] = "approved paid done";
        t["free " + wf + " draft unpaid none submit"] = "pending unpaid none";
        t["free " + wf + " pending unpaid none approve"] = "approved unpaid processing";
        t["free " + wf + " pending unpaid none reject"] = "rejected unpaid none";
        t["free " + wf + " rejected unpaid none submit"] = "pending unpaid none";
        t["free " + wf + " approved unpaid processing done"] = "approved unpaid done";
    }
    return t;
}

const QString kInconsistent =
    QStringLiteral("The statuses of this application do not fit together; refresh it from the platform before going on.");

// ---- Building applications ----

Application scenarioApplication(const QString &scenario)
{
    Application a;
    a.fee = Money::fromYuan(300);
    if (scenario == QLatin1String("mail")) {
        a.kind = ApplicationKind::New;
        a.order.pickup = Pickup::Mail;
    } else if (scenario == QLatin1String("onsite")) {
        a.kind = ApplicationKind::New;
        a.order.pickup = Pickup::Onsite;
    } else if (scenario == QLatin1String("online")) {
        a.kind = ApplicationKind::Renewal;
        a.order.pickup = Pickup::Mail;
    } else {
        a.kind = ApplicationKind::Existing;
        a.fee = Money();
    }
    return a;
}

QString stateOf(const Application &a)
{
    return enumWord(a.reviewStatus) + QLatin1Char(' ') + enumWord(a.paymentStatus) + QLatin1Char(' ')
           + enumWord(a.handlingStatus);
}

const QList<std::pair<UserAction, QString>> kActions = {
    {UserAction::Edit, "edit"},          {UserAction::EditFeeFields, "fee"}, {UserAction::UploadAttachments, "upload"},
    {UserAction::Delete, "delete"},      {UserAction::Submit, "submit"},     {UserAction::Pay, "pay"},
    {UserAction::ConfirmReceipt, "confirm"},
};

const QList<Transition> kTransitions = {Transition::Submit,      Transition::Approve,       Transition::Reject,
                                        Transition::OpenPayment, Transition::ExpirePayment, Transition::MarkPaid,
                                        Transition::Ship,        Transition::Onsite,        Transition::Done,
                                        Transition::Receive};

void addStateRows(const std::function<void(const QString &, Workflow, const Application &, const QString &)> &row)
{
    for (const char *scenario : {"mail", "onsite", "online", "free"}) {
        for (Workflow wf : enumValues<Workflow>()) {
            for (ReviewStatus r : enumValues<ReviewStatus>()) {
                for (PaymentStatus p : enumValues<PaymentStatus>()) {
                    for (HandlingStatus h : enumValues<HandlingStatus>()) {
                        Application a = scenarioApplication(QString::fromLatin1(scenario));
                        a.reviewStatus = r;
                        a.paymentStatus = p;
                        a.handlingStatus = h;
                        const QString key = QString::fromLatin1(scenario) + QLatin1Char(' ') + enumWord(wf)
                                            + QLatin1Char(' ') + stateOf(a);
                        row(QString::fromLatin1(scenario), wf, a, key);
                    }
                }
            }
        }
    }
}

bool isSentence(const QString &s)
{
    return s.size() > 20 && s.at(0).isUpper() && s.endsWith(QLatin1Char('.'));
}

} // namespace

Q_DECLARE_METATYPE(ca::Application)
Q_DECLARE_METATYPE(ca::Workflow)
Q_DECLARE_METATYPE(ca::UserAction)
Q_DECLARE_METATYPE(ca::Transition)

class TestWorkflow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void tablesAreSane();
    void actions_data();
    void actions();
    void transitions_data();
    void transitions();
    void reasons();
    void seedPaths();
};

void TestWorkflow::tablesAreSane()
{
    // A typo in a table key would silently make a state "unreachable": every key must name a real state.
    QSet<QString> allKeys;
    addStateRows([&](const QString &, Workflow, const Application &, const QString &key) { allKeys.insert(key); });
    QCOMPARE(allKeys.size(), 4 * 2 * 4 * 3 * 6);
    const Table actions = actionTable();
    for (auto it = actions.begin(); it != actions.end(); ++it)
        QVERIFY2(allKeys.contains(it.key()), qPrintable(it.key()));
    const Table transitions = transitionTable();
    for (auto it = transitions.begin(); it != transitions.end(); ++it) {
        const QString state = it.key().section(QLatin1Char(' '), 0, 4);
        QVERIFY2(actions.contains(state), qPrintable(it.key()));
        // A transition always leads to a reachable state.
        QVERIFY2(actions.contains(it.key().section(QLatin1Char(' '), 0, 1) + QLatin1Char(' ') + it.value()),
                 qPrintable(it.key()));
    }
}

void TestWorkflow::actions_data()
{
    QTest::addColumn<Application>("app");
    QTest::addColumn<Workflow>("workflow");
    QTest::addColumn<UserAction>("action");
    QTest::addColumn<bool>("reachable");
    QTest::addColumn<bool>("allowed");
    const Table table = actionTable();
    addStateRows([&](const QString &, Workflow wf, const Application &a, const QString &key) {
        const bool reachable = table.contains(key);
        const QStringList allowed = table.value(key).split(QLatin1Char(' '), Qt::SkipEmptyParts);
        for (const auto &[action, code] : kActions) {
            QTest::newRow(qPrintable(key + QLatin1Char(' ') + code))
                << a << wf << action << reachable << allowed.contains(code);
        }
    });
}

void TestWorkflow::actions()
{
    QFETCH(Application, app);
    QFETCH(Workflow, workflow);
    QFETCH(UserAction, action);
    QFETCH(bool, reachable);
    QFETCH(bool, allowed);
    QCOMPARE(WorkflowRules::isConsistent(app, workflow), reachable);
    const Decision d = WorkflowRules::check(action, app, workflow);
    QCOMPARE(d.allowed, allowed);
    if (allowed) {
        QVERIFY(d.reason.isEmpty());
    } else {
        QVERIFY2(isSentence(d.reason), qPrintable(d.reason));
        if (!reachable)
            QCOMPARE(d.reason, kInconsistent);
        else
            QVERIFY(d.reason != kInconsistent);
    }
    // The named functions agree with check().
    Decision named;
    switch (action) {
    case UserAction::Edit: named = WorkflowRules::mayEdit(app, workflow); break;
    case UserAction::EditFeeFields: named = WorkflowRules::mayEditFeeFields(app, workflow); break;
    case UserAction::UploadAttachments: named = WorkflowRules::mayUploadAttachments(app, workflow); break;
    case UserAction::Delete: named = WorkflowRules::mayDelete(app, workflow); break;
    case UserAction::Submit: named = WorkflowRules::maySubmit(app, workflow); break;
    case UserAction::Pay: named = WorkflowRules::mayPay(app, workflow); break;
    case UserAction::ConfirmReceipt: named = WorkflowRules::mayConfirmReceipt(app, workflow); break;
    }
    QCOMPARE(named.allowed, d.allowed);
    QCOMPARE(named.reason, d.reason);
}

void TestWorkflow::transitions_data()
{
    QTest::addColumn<Application>("app");
    QTest::addColumn<Workflow>("workflow");
    QTest::addColumn<Transition>("transition");
    QTest::addColumn<QString>("after"); // "" when refused
    const Table table = transitionTable();
    addStateRows([&](const QString &, Workflow wf, const Application &a, const QString &key) {
        for (Transition t : kTransitions) {
            const QString rowKey = key + QLatin1Char(' ') + WorkflowRules::transitionName(t);
            QTest::newRow(qPrintable(rowKey)) << a << wf << t << table.value(rowKey);
        }
    });
}

void TestWorkflow::transitions()
{
    QFETCH(Application, app);
    QFETCH(Workflow, workflow);
    QFETCH(Transition, transition);
    QFETCH(QString, after);
    const QString before = stateOf(app);
    QCOMPARE(WorkflowRules::can(transition, app, workflow).allowed, !after.isEmpty());
    Application changed = app;
    const Decision d = WorkflowRules::apply(transition, changed, workflow);
    QCOMPARE(d.allowed, !after.isEmpty());
    if (d.allowed) {
        QVERIFY(d.reason.isEmpty());
        QCOMPARE(stateOf(changed), after);
        QVERIFY(WorkflowRules::isConsistent(changed, workflow));
    } else {
        QVERIFY2(isSentence(d.reason), qPrintable(d.reason));
        QCOMPARE(stateOf(changed), before); // a refused transition changes nothing
    }
    // Only statuses move.
    changed.reviewStatus = app.reviewStatus;
    changed.paymentStatus = app.paymentStatus;
    changed.handlingStatus = app.handlingStatus;
    QCOMPARE(changed, app);
}

void TestWorkflow::reasons()
{
    // The tooltips of the buttons the seeds talk about.
    Application a = scenarioApplication("mail");
    a.reviewStatus = ReviewStatus::Pending;
    a.paymentStatus = PaymentStatus::Paid;
    QCOMPARE(WorkflowRules::mayEdit(a, Workflow::PayFirst).reason,
             QStringLiteral("This application is waiting for review, so it cannot be changed."));
    QCOMPARE(WorkflowRules::mayDelete(a, Workflow::PayFirst).reason,
             QStringLiteral("This application has been submitted, so it can no longer be deleted."));

    a.reviewStatus = ReviewStatus::Draft;
    a.paymentStatus = PaymentStatus::Unpaid;
    QCOMPARE(WorkflowRules::maySubmit(a, Workflow::PayFirst).reason,
             QStringLiteral("Pay the fee first and refresh the payment status; the application can be submitted once it "
                            "has been paid."));
    QCOMPARE(WorkflowRules::mayPay(a, Workflow::ReviewFirst).reason,
             QStringLiteral("Submit this application for review first; the fee can be paid once it has been approved."));

    a.paymentStatus = PaymentStatus::Open;
    QCOMPARE(WorkflowRules::mayDelete(a, Workflow::PayFirst).reason,
             QStringLiteral("A payment order for this application is open; wait until it is paid or has expired before "
                            "deleting the application."));
    a.paymentStatus = PaymentStatus::Paid;
    QCOMPARE(WorkflowRules::mayDelete(a, Workflow::PayFirst).reason,
             QStringLiteral("This application has been paid, so it cannot be deleted: a payment is never refunded."));
    QCOMPARE(WorkflowRules::mayEditFeeFields(a, Workflow::PayFirst).reason,
             QStringLiteral("This application has been paid, so its kind and quantity can no longer be changed."));

    Application onsite = scenarioApplication("onsite");
    onsite.reviewStatus = ReviewStatus::Approved;
    onsite.paymentStatus = PaymentStatus::Paid;
    onsite.handlingStatus = HandlingStatus::Onsite;
    QCOMPARE(WorkflowRules::mayConfirmReceipt(onsite, Workflow::ReviewFirst).reason,
             QStringLiteral("The key is collected on site, so no confirmation of receipt is needed."));

    Application free = scenarioApplication("free");
    QCOMPARE(WorkflowRules::mayPay(free, Workflow::PayFirst).reason,
             QStringLiteral("This application costs nothing, so there is nothing to pay."));
}

void TestWorkflow::seedPaths()
{
    // Seed 000 (pay-first, mail) from creation to receipt, step by step.
    Application a = scenarioApplication("mail");
    const Workflow pf = Workflow::PayFirst;
    for (Transition t : {Transition::OpenPayment, Transition::ExpirePayment, Transition::OpenPayment,
                         Transition::MarkPaid, Transition::Submit, Transition::Reject, Transition::Submit,
                         Transition::Approve, Transition::Ship, Transition::Receive}) {
        const Decision d = WorkflowRules::apply(t, a, pf);
        QVERIFY2(d.allowed, qPrintable(WorkflowRules::transitionName(t) + QLatin1String(": ") + d.reason));
    }
    QCOMPARE(stateOf(a), QStringLiteral("approved paid received"));

    // Seed 003 (review-first, on site).
    Application b = scenarioApplication("onsite");
    const Workflow rf = Workflow::ReviewFirst;
    QVERIFY(!WorkflowRules::apply(Transition::OpenPayment, b, rf).allowed); // no paying before approval
    for (Transition t : {Transition::Submit, Transition::Approve, Transition::OpenPayment, Transition::MarkPaid,
                         Transition::Onsite, Transition::Done}) {
        const Decision d = WorkflowRules::apply(t, b, rf);
        QVERIFY2(d.allowed, qPrintable(WorkflowRules::transitionName(t) + QLatin1String(": ") + d.reason));
    }
    QCOMPARE(stateOf(b), QStringLiteral("approved paid done"));
    QVERIFY(!WorkflowRules::mayConfirmReceipt(b, rf).allowed);
}

QTEST_GUILESS_MAIN(TestWorkflow)
#include "tst_workflow.moc"
