#include "i18n/Translations.h"

#include <QCoreApplication>
#include <QFile>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace ca::i18n {

QString resolveLanguage(const QString &requested)
{
    const QString r = requested.trimmed().toLower().replace(QLatin1Char('-'), QLatin1Char('_'));
    if (r == QLatin1String("zh_cn") || r == QLatin1String("zh") || r == QLatin1String("cn"))
        return QStringLiteral("zh_CN");
    if (r == QLatin1String("en") || r.startsWith(QLatin1String("en_")))
        return QStringLiteral("en");
    const QLocale sys = QLocale::system();
    return sys.language() == QLocale::Chinese ? QStringLiteral("zh_CN") : QStringLiteral("en");
}

bool catalogueAvailable()
{
    return QFile::exists(QStringLiteral(":/i18n/ca-client_zh_CN.qm"));
}

QString install(QCoreApplication &app, const QString &requested)
{
    // A second call (a test in both languages, or a language switch) first
    // removes what an earlier call installed, so the languages never mix.
    const QString tag = QStringLiteral("ca-i18n");
    const QList<QTranslator *> installed = app.findChildren<QTranslator *>(tag, Qt::FindDirectChildrenOnly);
    for (QTranslator *t : installed) {
        QCoreApplication::removeTranslator(t);
        delete t;
    }
    const QString lang = resolveLanguage(requested);
    if (lang != QLatin1String("zh_CN")) {
        // English: the source texts, plus the plural forms of the "%n" messages.
        auto *plurals = new QTranslator(&app);
        plurals->setObjectName(tag);
        if (plurals->load(QStringLiteral(":/i18n/ca-client_en.qm")))
            app.installTranslator(plurals);
        else
            delete plurals;
        QLocale::setDefault(QLocale::system());
        return lang;
    }
    auto *ours = new QTranslator(&app);
    ours->setObjectName(tag);
    if (ours->load(QStringLiteral(":/i18n/ca-client_zh_CN.qm")))
        app.installTranslator(ours);
    auto *qt = new QTranslator(&app);
    qt->setObjectName(tag);
    if (qt->load(QStringLiteral("qtbase_zh_CN"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        app.installTranslator(qt);
    QLocale::setDefault(QLocale(QLocale::Chinese, QLocale::China));
    return lang;
}

} // namespace ca::i18n
