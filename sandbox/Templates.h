#pragma once

#include <QByteArray>
#include <QFont>
#include <QString>
#include <QStringList>

#include <functional>

class QPainter;
class QPdfWriter;

namespace ca::sandbox {

class Context;

// The downloadable templates (GET /api/v1/templates/{name}) as PDFs drawn
// with QPdfWriter: "application_form" (CA证书申请表) and
// "authorization_letter" (授权委托书), both with blanks to fill in by hand.
// Also the small PDF toolkit the e-invoice uses. QPdfWriter needs a
// QGuiApplication (offscreen platform in the server).
class Templates
{
public:
    static QStringList names(); // application_form, authorization_letter
    // The PDF, cached in DIR/templates/<name>.pdf. Throws HttpError 404 for an
    // unknown name, 503 "pdf_unavailable" without a QGuiApplication.
    static QByteArray pdf(Context &context, const QString &name);
    // Renders without cache; empty on failure.
    static QByteArray render(const QString &name);

    // DIR/<relativePath> if it exists, else render() saved there. Throws
    // HttpError 503 "pdf_unavailable" without a QGuiApplication, 500 when rendering fails.
    static QByteArray cachedPdf(Context &context, const QString &relativePath, const std::function<QByteArray()> &render);

    // --- PDF toolkit (A4, 300 dpi; coordinates in millimetres) ---
    static bool pdfAvailable();
    // DejaVu Sans for Latin and digits, Droid Sans Fallback for Chinese (both
    // TrueType: Qt's PDF subsets of the OpenType/CFF Noto CJK fonts map some
    // glyphs back to Kangxi radicals and lose digits in extracted text), Noto
    // Sans CJK SC as the last resort.
    static QFont cjkFont(double pointSize, bool bold = false);
    static double mm(double millimetres); // -> device units at 300 dpi
    static void setupWriter(QPdfWriter &writer, const QString &title);
    // Draws `text` in the rectangle (mm) with flags (Qt::AlignLeft | …).
    static void text(QPainter &p, double x, double y, double w, double h, const QString &text, int flags);
    static void box(QPainter &p, double x, double y, double w, double h);
    static void line(QPainter &p, double x1, double y1, double x2, double y2);
};

} // namespace ca::sandbox
