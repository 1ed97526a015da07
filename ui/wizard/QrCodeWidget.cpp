#include "ui/wizard/QrCodeWidget.h"

#include <QPainter>

namespace ca::ui {

namespace {
constexpr int kQuiet = 4;
}

QrCodeWidget::QrCodeWidget(QWidget *parent)
    : QWidget(parent)
{
    setAccessibleName(tr("WeChat payment QR code"));
    setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Maximum); // no wider than the code: its hint sits beside it
}

void QrCodeWidget::setMatrix(const QrMatrix &matrix)
{
    m_matrix = matrix;
    updateGeometry();
    update();
}

void QrCodeWidget::setExpired(bool expired)
{
    m_expired = expired;
    update();
}

QSize QrCodeWidget::sizeHint() const
{
    const int side = m_matrix.isNull() ? 220 : qMax(220, (m_matrix.size + 2 * kQuiet) * 6);
    return {side, side};
}

QSize QrCodeWidget::minimumSizeHint() const
{
    const int side = m_matrix.isNull() ? 120 : (m_matrix.size + 2 * kQuiet) * 3;
    return {side, side};
}

void QrCodeWidget::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    const int side = qMin(width(), height());
    const QRect square((width() - side) / 2, (height() - side) / 2, side, side);
    p.fillRect(square, Qt::white);
    if (m_matrix.isNull())
        return;
    const int modules = m_matrix.size + 2 * kQuiet;
    const int scale = qMax(1, side / modules);
    const int drawn = scale * modules;
    const int x0 = square.x() + (side - drawn) / 2 + kQuiet * scale;
    const int y0 = square.y() + (side - drawn) / 2 + kQuiet * scale;
    const QColor dark = m_expired ? QColor(0xb0, 0xb0, 0xb0) : QColor(Qt::black);
    for (int y = 0; y < m_matrix.size; ++y)
        for (int x = 0; x < m_matrix.size; ++x)
            if (m_matrix.dark(x, y))
                p.fillRect(x0 + x * scale, y0 + y * scale, scale, scale, dark);
    if (m_expired) {
        p.setPen(QColor(0xc0, 0x39, 0x2b));
        QFont f = font();
        f.setBold(true);
        p.setFont(f);
        p.fillRect(square.adjusted(0, side / 2 - 16, 0, -(side / 2 - 16)), QColor(255, 255, 255, 230));
        p.drawText(square, Qt::AlignCenter, tr("Expired"));
    }
}

} // namespace ca::ui
