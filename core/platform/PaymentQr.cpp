#include "core/platform/PaymentQr.h"

#include <qrencode.h>

namespace ca {

QrMatrix PaymentQr::encode(const QString &text)
{
    QrMatrix m;
    const QByteArray utf8 = text.toUtf8();
    QRcode *code = QRcode_encodeString(utf8.constData(), 0, QR_ECLEVEL_M, QR_MODE_8, 1);
    if (!code)
        return m;
    m.size = code->width;
    m.modules.resize(m.size * m.size);
    for (int i = 0; i < m.size * m.size; ++i)
        m.modules[i] = (code->data[i] & 1) != 0;
    QRcode_free(code);
    return m;
}

QImage PaymentQr::toImage(const QrMatrix &qr, int scale, int border)
{
    if (qr.isNull() || scale < 1)
        return QImage();
    const int side = (qr.size + 2 * border) * scale;
    QImage image(side, side, QImage::Format_Grayscale8);
    image.fill(255);
    for (int y = 0; y < qr.size; ++y) {
        for (int x = 0; x < qr.size; ++x) {
            if (!qr.dark(x, y))
                continue;
            for (int dy = 0; dy < scale; ++dy) {
                uchar *line = image.scanLine((y + border) * scale + dy);
                for (int dx = 0; dx < scale; ++dx)
                    line[(x + border) * scale + dx] = 0;
            }
        }
    }
    return image;
}

QString PaymentQr::toText(const QrMatrix &qr, int border)
{
    if (qr.isNull())
        return QString();
    const int from = -border;
    const int to = qr.size + border; // exclusive
    QString out;
    for (int y = from; y < to; y += 2) {
        for (int x = from; x < to; ++x) {
            const bool topLight = !qr.dark(x, y);
            const bool bottomLight = (y + 1 < to) ? !qr.dark(x, y + 1) : false;
            if (topLight && bottomLight)
                out += QChar(0x2588); // █
            else if (topLight)
                out += QChar(0x2580); // ▀
            else if (bottomLight)
                out += QChar(0x2584); // ▄
            else
                out += QLatin1Char(' ');
        }
        out += QLatin1Char('\n');
    }
    return out;
}

} // namespace ca
