#include "ui/Fonts.h"

#include <QApplication>
#include <QFont>
#include <QStringList>

namespace ca::ui {

void applyChineseFontFallback(QApplication &app)
{
    QFont font = QApplication::font();
    QStringList families{font.family()};
    families << QStringLiteral("Microsoft YaHei UI") << QStringLiteral("Microsoft YaHei")
             << QStringLiteral("PingFang SC") << QStringLiteral("Noto Sans CJK SC")
             << QStringLiteral("Source Han Sans SC") << QStringLiteral("WenQuanYi Micro Hei")
             << QStringLiteral("SimSun");
    families.removeDuplicates();
    font.setFamilies(families);
    app.setFont(font);
}

} // namespace ca::ui
