#pragma once

#include <QImage>
#include <QString>
#include <QVector>

namespace ca {

// A QR code as a square matrix of modules (true = dark), from libqrencode
// (QRcode_encodeString, error correction level M, 8-bit mode).
struct QrMatrix {
    int size = 0;            // modules per side, without quiet zone
    QVector<bool> modules;   // row-major, size * size
    bool isNull() const { return size == 0; }
    bool dark(int x, int y) const { return x >= 0 && y >= 0 && x < size && y < size && modules.at(y * size + x); }
};

class PaymentQr
{
public:
    static QrMatrix encode(const QString &text);
    // Black modules on white, `scale` pixels per module, `border` modules of quiet zone.
    static QImage toImage(const QrMatrix &qr, int scale = 8, int border = 4);
    // For a terminal: two module rows per text line with Unicode half blocks.
    // Light modules are drawn (as on a light-on-dark terminal, like `qrencode -t UTF8`),
    // with a quiet zone of `border` modules.
    static QString toText(const QrMatrix &qr, int border = 2);
};

} // namespace ca
