#include "i18n/Translations.h"
#include "ui/Fonts.h"
#include "ui/MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("ca-client"));
    QApplication::setApplicationName(QStringLiteral("ca-client"));
    QApplication::setApplicationVersion(QStringLiteral(PROJECT_VERSION_STRING));

    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addVersionOption();
    QCommandLineOption langOption(QStringLiteral("lang"), QStringLiteral("Interface language: zh_CN or en."),
                                  QStringLiteral("LANG"));
    parser.addOption(langOption);
    parser.process(app);

    ca::i18n::install(app, parser.value(langOption));
    ca::ui::applyChineseFontFallback(app);

    ca::ui::MainWindow window;
    window.show();
    return app.exec();
}
