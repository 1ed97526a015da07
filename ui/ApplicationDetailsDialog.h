#pragma once

#include "core/platform/PlatformCall.h"

#include "core/model/Application.h"

#include <QDialog>
#include <QPointer>

#include <functional>
#include <memory>

class QFormLayout;
class QPushButton;

namespace Ui {
class ApplicationDetailsDialog;
}

namespace ca::ui {

class ClientContext;

// 查看详情 (seed 003 "CA网上支付详情", seed 000's tabs): every field (01 订单信息,
// 开票信息, CA办理电子件), 流程审批记录 (time, actor, action, comment), the
// payment record (order no., channel, amount, time) with the e-invoice
// (download, preview), and the handling record (办理中, 已发货 with tracking
// no., 现场办理) with 确认签收 for mailed keys, enabled by core/workflow.
// Non-modal; loads the latest copy and the events from the platform on open.
class ApplicationDetailsDialog : public QDialog
{
    Q_OBJECT
public:
    ApplicationDetailsDialog(ClientContext &context, const Application &application, QWidget *parent = nullptr);
    ~ApplicationDetailsDialog() override;

    const Application &application() const { return m_app; }
    // Number of finished loads (application + events) — tests wait on it.
    int loadCount() const { return m_loads; }
    QString message() const;

    // Where "Download e-invoice" saves; empty = ask with a file dialog (tests set a path).
    void setInvoiceSavePath(const QString &path) { m_invoicePath = path; }
    QString lastSavedInvoice() const { return m_savedInvoice; }

    // 写入CA锁 on the handling tab, for a renewal/change: `check` says why the certificate cannot be written
    // to a key now ("" = it can); the button then asks for it with writeToKeyRequested. Without a check
    // (the default) the button is not shown.
    using WriteToKeyCheck = std::function<QString(const Application &)>;
    void setWriteToKeyCheck(WriteToKeyCheck check);

public Q_SLOTS:
    void reload();
    void confirmReceipt();
    void downloadInvoice();
    void previewInvoice();

Q_SIGNALS:
    void loaded();
    void invoiceSaved(const QString &path);
    void writeToKeyRequested(const QString &applicationId);

private:
    void display(const Application &app);
    void fillForm(QFormLayout *form, const QList<QPair<QString, QString>> &rows, const QString &prefix);
    void showMessage(const QString &text, bool error = false);
    void fetchInvoice(const QString &path, bool open);
    void updateActions();

    ClientContext &m_context;
    std::unique_ptr<Ui::ApplicationDetailsDialog> m_ui;
    Application m_app;
    QPointer<PlatformCall> m_appCall;
    QPointer<PlatformCall> m_eventsCall;
    QPointer<PlatformCall> m_actionCall;
    QPushButton *m_writeKeyButton = nullptr;
    WriteToKeyCheck m_writeToKeyCheck;
    QString m_invoicePath;
    QString m_savedInvoice;
    int m_loads = 0;
    int m_pending = 0;
};

} // namespace ca::ui
