#pragma once

#include <QDialog>
#include <QString>

#include <memory>

namespace Ui {
class PaymentDialog;
}

namespace ca::ui {

class ClientContext;
class PaymentWidget;

// The standalone payment window (MainWindow's Pay action, e.g. on
// review-first platforms once approved): loads the application, then shows a
// PaymentWidget for it. Non-modal friendly (show()); emits paid() and tells
// the context (notifyApplicationsChanged) once the payment arrived.
class PaymentDialog : public QDialog
{
    Q_OBJECT
public:
    PaymentDialog(ClientContext &context, const QString &applicationId, QWidget *parent = nullptr);
    ~PaymentDialog() override;

    PaymentWidget *paymentWidget() const { return m_payment; }

Q_SIGNALS:
    void paid();

private:
    ClientContext &m_context;
    std::unique_ptr<Ui::PaymentDialog> m_ui;
    PaymentWidget *m_payment;
    QString m_id;
};

} // namespace ca::ui
