#include "Templates.h"

#include "Context.h"
#include "Reply.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>

namespace ca::sandbox {

namespace {

constexpr int kDpi = 300;

struct Row {
    QString label;
    QString hint; // printed small in the blank, may be empty
};

void drawForm(QPainter &p, const QString &title, const QList<Row> &rows, double top)
{
    using T = Templates;
    p.setFont(T::cjkFont(20, true));
    T::text(p, 20, 18, 170, 14, title, Qt::AlignHCenter | Qt::AlignVCenter);
    double y = top;
    const double labelW = 50, rowH = 13;
    for (const Row &r : rows) {
        T::box(p, 20, y, labelW, rowH);
        T::box(p, 20 + labelW, y, 170 - labelW, rowH);
        p.setFont(T::cjkFont(11));
        T::text(p, 22, y, labelW - 4, rowH, r.label, Qt::AlignLeft | Qt::AlignVCenter);
        if (!r.hint.isEmpty()) {
            p.setFont(T::cjkFont(9));
            p.setPen(Qt::darkGray);
            T::text(p, 22 + labelW, y, 170 - labelW - 4, rowH, r.hint, Qt::AlignLeft | Qt::AlignVCenter);
            p.setPen(Qt::black);
        }
        y += rowH;
    }
}

QByteArray renderApplicationForm()
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    Templates::setupWriter(writer, QStringLiteral("CA证书申请表"));
    QPainter p(&writer);
    drawForm(p, QStringLiteral("CA证书申请表"),
             {{QStringLiteral("单位名称"), QString()},
              {QStringLiteral("统一社会信用代码"), QStringLiteral("18位，与营业执照一致")},
              {QStringLiteral("单位类型"), QStringLiteral("□ 供应商    □ 采购人    □ 采购代理")},
              {QStringLiteral("办理类型"), QStringLiteral("□ 新办  □ 补办  □ 信息变更  □ 延期续费  □ 已有CA")},
              {QStringLiteral("单位地址"), QString()},
              {QStringLiteral("法定代表人"), QString()},
              {QStringLiteral("法定代表人身份证号"), QString()},
              {QStringLiteral("经办人"), QString()},
              {QStringLiteral("经办人身份证号"), QString()},
              {QStringLiteral("经办人手机号码"), QStringLiteral("11位手机号码，用于接收验证码与通知")},
              {QStringLiteral("CA数量"), QString()},
              {QStringLiteral("取锁方式"), QStringLiteral("□ 现场取锁    □ 邮寄取锁")},
              {QStringLiteral("邮寄地址"), QString()}},
             40);
    p.setFont(Templates::cjkFont(10));
    Templates::text(p, 20, 215, 170, 24,
                    QStringLiteral("本单位承诺以上信息真实、准确、完整，并已知晓由于CA证书的特殊性，一旦缴费，不能退办。"
                                   "本表须加盖单位公章后扫描上传至“CA办理电子件”。"),
                    Qt::AlignLeft | Qt::TextWordWrap);
    p.setFont(Templates::cjkFont(11));
    Templates::text(p, 110, 245, 80, 10, QStringLiteral("单位（盖章）："), Qt::AlignLeft | Qt::AlignVCenter);
    Templates::text(p, 110, 258, 80, 10, QStringLiteral("日期：      年    月    日"), Qt::AlignLeft | Qt::AlignVCenter);
    p.setFont(Templates::cjkFont(8));
    p.setPen(Qt::darkGray);
    Templates::text(p, 20, 280, 170, 6, QStringLiteral("阳光采购服务平台 · CA 办理 · 模板由 ca-sandbox 生成"), Qt::AlignHCenter);
    p.end();
    return buffer.data();
}

QByteArray renderAuthorizationLetter()
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    Templates::setupWriter(writer, QStringLiteral("授权委托书"));
    QPainter p(&writer);
    p.setFont(Templates::cjkFont(20, true));
    Templates::text(p, 20, 18, 170, 14, QStringLiteral("授权委托书"), Qt::AlignHCenter | Qt::AlignVCenter);
    p.setFont(Templates::cjkFont(12));
    const QString body = QStringLiteral(
        "致：阳光采购服务平台\n\n"
        "兹授权 ____________（身份证号码：______________________________）"
        "为我单位 ______________________________（统一社会信用代码：__________________）"
        "的CA数字证书业务经办人，代表我单位办理CA数字证书的新办、补办、信息变更、延期续费及密码重置等相关业务，"
        "并签署相关文件。\n\n"
        "经办人在授权范围内办理的一切事务，我单位均予以承认，并承担相应的法律责任。\n\n"
        "授权期限：自 ______ 年 ____ 月 ____ 日 至 ______ 年 ____ 月 ____ 日。\n\n"
        "经办人手机号码：____________________");
    Templates::text(p, 22, 45, 166, 130, body, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap);
    Templates::text(p, 22, 185, 80, 10, QStringLiteral("法定代表人（签字）："), Qt::AlignLeft | Qt::AlignVCenter);
    Templates::text(p, 22, 200, 80, 10, QStringLiteral("经办人（签字）："), Qt::AlignLeft | Qt::AlignVCenter);
    Templates::text(p, 110, 225, 80, 10, QStringLiteral("委托单位（盖章）："), Qt::AlignLeft | Qt::AlignVCenter);
    Templates::text(p, 110, 240, 80, 10, QStringLiteral("日期：      年    月    日"), Qt::AlignLeft | Qt::AlignVCenter);
    p.setFont(Templates::cjkFont(9));
    p.setPen(Qt::darkGray);
    Templates::text(p, 22, 255, 166, 16, QStringLiteral("附：法定代表人及经办人身份证件复印件（加盖公章）"), Qt::AlignLeft | Qt::TextWordWrap);
    p.end();
    return buffer.data();
}

} // namespace

QStringList Templates::names()
{
    return {QStringLiteral("application_form"), QStringLiteral("authorization_letter")};
}

bool Templates::pdfAvailable()
{
    return qobject_cast<QGuiApplication *>(QCoreApplication::instance()) != nullptr;
}

QFont Templates::cjkFont(double pointSize, bool bold)
{
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setFamilies({QStringLiteral("DejaVu Sans"), QStringLiteral("Droid Sans Fallback"), QStringLiteral("Noto Sans CJK SC")});
    f.setPointSizeF(pointSize);
    f.setBold(bold);
    return f;
}

double Templates::mm(double millimetres)
{
    return millimetres * kDpi / 25.4;
}

void Templates::setupWriter(QPdfWriter &writer, const QString &title)
{
    writer.setResolution(kDpi);
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(0, 0, 0, 0)));
    writer.setTitle(title);
    writer.setCreator(QStringLiteral("ca-sandbox"));
}

void Templates::text(QPainter &p, double x, double y, double w, double h, const QString &t, int flags)
{
    p.drawText(QRectF(mm(x), mm(y), mm(w), mm(h)), flags, t);
}

void Templates::box(QPainter &p, double x, double y, double w, double h)
{
    p.drawRect(QRectF(mm(x), mm(y), mm(w), mm(h)));
}

void Templates::line(QPainter &p, double x1, double y1, double x2, double y2)
{
    p.drawLine(QPointF(mm(x1), mm(y1)), QPointF(mm(x2), mm(y2)));
}

QByteArray Templates::render(const QString &name)
{
    if (!pdfAvailable())
        return {};
    if (name == QLatin1String("application_form"))
        return renderApplicationForm();
    if (name == QLatin1String("authorization_letter"))
        return renderAuthorizationLetter();
    return {};
}

QByteArray Templates::pdf(Context &context, const QString &name)
{
    if (!names().contains(name))
        throw HttpError(404, QStringLiteral("not_found"),
                        QStringLiteral("There is no template %1; the templates are application_form and authorization_letter.").arg(name.left(40)));
    return cachedPdf(context, QStringLiteral("templates/%1.pdf").arg(name), [&name] { return render(name); });
}

QByteArray Templates::cachedPdf(Context &context, const QString &relativePath, const std::function<QByteArray()> &render)
{
    const QString path = context.path(relativePath);
    QFile cached(path);
    if (cached.open(QIODevice::ReadOnly))
        return cached.readAll();
    if (!pdfAvailable())
        throw HttpError(503, QStringLiteral("pdf_unavailable"), QStringLiteral("The server cannot produce PDF files at the moment. Try again later."));
    const QByteArray data = render();
    if (data.isEmpty())
        throw HttpError(500, QStringLiteral("internal"), QStringLiteral("The server could not produce the PDF file. Try again later."));
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile out(path);
    if (out.open(QIODevice::WriteOnly)) {
        out.write(data);
        out.commit();
    }
    return data;
}

} // namespace ca::sandbox
