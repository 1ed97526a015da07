#pragma once

#include "core/platform/PaymentQr.h"

#include <QWidget>

namespace ca::ui {

// Paints a QR matrix (libqrencode, via ca::PaymentQr) as crisp squares, with a
// quiet zone, scaled to the widget; greyed out with a caption when expired.
class QrCodeWidget : public QWidget
{
    Q_OBJECT
public:
    explicit QrCodeWidget(QWidget *parent = nullptr);

    void setMatrix(const QrMatrix &matrix);
    QrMatrix matrix() const { return m_matrix; }
    void setExpired(bool expired);
    bool isExpired() const { return m_expired; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QrMatrix m_matrix;
    bool m_expired = false;
};

} // namespace ca::ui
