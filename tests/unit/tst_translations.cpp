// tst_translations: the zh_CN catalogue is complete, in step with the sources,
// compiled into the i18n resources and actually used at run time.
//
// - every <message> of translations/ca-client_zh_CN.ts is finished: no
//   type="unfinished", "vanished" or "obsolete", no empty translation or
//   numerus form, and every %1..%99 / %n placeholder of the source is kept;
// - lupdate run over the current sources (into a temporary copy of the .ts)
//   finds no new, changed or stale message: a tr() string added to the code
//   without a translation fails here, not in front of a user;
// - the compiled catalogue is in the resources (ca::i18n::catalogueAvailable)
//   and ca::i18n::install(app, "zh_CN") translates every finished entry, and
//   loads Qt's own qtbase_zh_CN.

#include "i18n/Translations.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

namespace {

const QString kTsPath = QStringLiteral(CA_SOURCE_DIR "/translations/ca-client_zh_CN.ts");

// The folders whose sources carry user-facing strings (CA_I18N_DIRS of the
// root CMakeLists.txt, the same list i18n/ makes the catalogue from).
const QStringList kSourceDirs = QStringLiteral(CA_I18N_DIRS).split(QLatin1Char(','), Qt::SkipEmptyParts);

struct TsMessage {
    QString context;
    QString source;
    QString comment;         // disambiguation
    QString translationType; // "", "unfinished", "vanished", "obsolete"
    QString translation;     // empty for numerus messages
    QStringList numerusForms;
    bool numerus = false;
    qint64 line = 0;

    QString describe() const
    {
        QString d = QStringLiteral("line %1, context \"%2\", source \"%3\"").arg(line).arg(context, source);
        if (!comment.isEmpty())
            d += QStringLiteral(" (comment \"%1\")").arg(comment);
        return d;
    }
};

struct TsFile {
    QString language;
    QString error;
    QList<TsMessage> messages;
};

TsFile parseTs(const QString &path)
{
    TsFile ts;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        ts.error = QStringLiteral("cannot open %1: %2").arg(path, f.errorString());
        return ts;
    }
    QXmlStreamReader xml(&f);
    QString context;
    bool sawRoot = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == QLatin1String("TS")) {
            sawRoot = true;
            ts.language = xml.attributes().value(QLatin1String("language")).toString();
        } else if (name == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            TsMessage m;
            m.context = context;
            m.line = xml.lineNumber();
            m.numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
            while (xml.readNextStartElement()) {
                const auto child = xml.name();
                if (child == QLatin1String("source")) {
                    m.source = xml.readElementText();
                } else if (child == QLatin1String("comment")) {
                    m.comment = xml.readElementText();
                } else if (child == QLatin1String("translation")) {
                    m.translationType = xml.attributes().value(QLatin1String("type")).toString();
                    if (m.numerus) {
                        while (xml.readNextStartElement()) {
                            if (xml.name() == QLatin1String("numerusform"))
                                m.numerusForms << xml.readElementText();
                            else
                                xml.skipCurrentElement();
                        }
                    } else {
                        m.translation = xml.readElementText(QXmlStreamReader::IncludeChildElements);
                    }
                } else {
                    xml.skipCurrentElement();
                }
            }
            ts.messages << m;
        }
    }
    if (xml.hasError())
        ts.error = QStringLiteral("%1:%2: %3").arg(path).arg(xml.lineNumber()).arg(xml.errorString());
    else if (!sawRoot)
        ts.error = QStringLiteral("%1 has no <TS> root element").arg(path);
    return ts;
}

QSet<QString> placeholders(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("%(?:L?[1-9][0-9]?|n)"));
    QSet<QString> found;
    auto it = re.globalMatch(text);
    while (it.hasNext())
        found.insert(it.next().captured().remove(QLatin1Char('L')));
    return found;
}

// Every problem of one message, as whole lines for the failure report.
QStringList problemsOf(const TsMessage &m)
{
    QStringList problems;
    if (m.translationType == QLatin1String("unfinished"))
        problems << QStringLiteral("unfinished: ") + m.describe();
    else if (m.translationType == QLatin1String("vanished") || m.translationType == QLatin1String("obsolete"))
        problems << m.translationType + QStringLiteral(" (no longer in the sources; run the update_translations target with -no-obsolete): ") + m.describe();
    const QStringList forms = m.numerus ? m.numerusForms : QStringList{m.translation};
    if (forms.isEmpty())
        problems << QStringLiteral("numerus message without forms: ") + m.describe();
    const QSet<QString> wanted = placeholders(m.source);
    for (const QString &form : forms) {
        if (form.trimmed().isEmpty()) {
            if (m.translationType.isEmpty())
                problems << QStringLiteral("empty translation: ") + m.describe();
            continue;
        }
        const QSet<QString> have = placeholders(form);
        QSet<QString> missing = wanted;
        missing.subtract(have);
        if (m.numerus)
            missing.remove(QStringLiteral("%n")); // a Chinese form may spell the number out
        QSet<QString> extra = have;
        extra.subtract(wanted);
        if (!missing.isEmpty() || !extra.isEmpty()) {
            QStringList m1 = missing.values(), e1 = extra.values();
            m1.sort();
            e1.sort();
            problems << QStringLiteral("placeholders differ (missing %1, extra %2) in \"%3\": %4")
                            .arg(m1.join(QLatin1Char(' ')), e1.join(QLatin1Char(' ')), form, m.describe());
        }
    }
    return problems;
}

// QTest cuts long failure messages, so every problem is logged on its own
// line first and the failure itself carries the count and the hint.
QString report(const QStringList &problems, const QString &hint)
{
    for (const QString &p : problems)
        qWarning("%s", qPrintable(p));
    return QStringLiteral("%1 problem(s) in the zh_CN catalogue, listed above (%2)").arg(problems.size()).arg(hint);
}

} // namespace

class tst_Translations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void checkerFindsEachKindOfProblem();
    void tsFileParses();
    void everyEntryFinished();
    void sourcesHaveNoUntranslatedStrings_data();
    void sourcesHaveNoUntranslatedStrings();
    void catalogueCompiledIntoResources();
    void installedCatalogueTranslates();
    void qtBaseCatalogueLoaded();
    void switchingBackToEnglishRemovesTheCatalogue();
};

// The checker itself, on a crafted catalogue: it must flag each bad entry
// and nothing else, so a pass of the real catalogue means something.
void tst_Translations::checkerFindsEachKindOfProblem()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString path = tmp.filePath(QStringLiteral("crafted.ts"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(R"(<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ca::Good</name>
    <message><source>Fine %1.</source><translation>好 %1。</translation></message>
    <message numerus="yes"><source>%n file(s)</source><translation><numerusform>%n 个文件</numerusform></translation></message>
</context>
<context>
    <name>ca::Bad</name>
    <message><source>Unfinished</source><translation type="unfinished"></translation></message>
    <message><source>Vanished</source><translation type="vanished">旧</translation></message>
    <message><source>Obsolete</source><translation type="obsolete">旧</translation></message>
    <message><source>Empty</source><translation></translation></message>
    <message><source>Lost %1 and %2</source><translation>只有 %1</translation></message>
    <message numerus="yes"><source>%n key(s)</source><translation><numerusform></numerusform></translation></message>
</context>
</TS>
)");
    f.close();
    const TsFile ts = parseTs(path);
    QVERIFY2(ts.error.isEmpty(), qPrintable(ts.error));
    QCOMPARE(ts.messages.size(), 8);
    QStringList flagged;
    for (const TsMessage &m : ts.messages) {
        QCOMPARE(m.context.startsWith(QLatin1String("ca::Bad")), !problemsOf(m).isEmpty());
        if (!problemsOf(m).isEmpty())
            flagged << m.source;
    }
    QCOMPARE(flagged, (QStringList{QStringLiteral("Unfinished"), QStringLiteral("Vanished"), QStringLiteral("Obsolete"),
                                   QStringLiteral("Empty"), QStringLiteral("Lost %1 and %2"), QStringLiteral("%n key(s)")}));
}

void tst_Translations::tsFileParses()
{
    const TsFile ts = parseTs(kTsPath);
    QVERIFY2(ts.error.isEmpty(), qPrintable(ts.error));
    QCOMPARE(ts.language, QStringLiteral("zh_CN"));
}

void tst_Translations::everyEntryFinished()
{
    const TsFile ts = parseTs(kTsPath);
    QVERIFY2(ts.error.isEmpty(), qPrintable(ts.error));
    QStringList problems;
    for (const TsMessage &m : ts.messages)
        problems << problemsOf(m);
    QVERIFY2(problems.isEmpty(), qPrintable(report(problems, kTsPath)));
}

// lupdate over the sources into a copy of the .ts: whatever it adds (new or
// changed tr() strings come in as type="unfinished") or retires (as
// "vanished") shows that the committed catalogue is out of step.
void tst_Translations::sourcesHaveNoUntranslatedStrings_data()
{
    QTest::addColumn<QString>("tsPath");
    QTest::addColumn<bool>("pluralOnly");
    QTest::newRow("zh_CN") << kTsPath << false;
    // English is the source language: its catalogue holds the plural forms only.
    QTest::newRow("en (plural forms)") << QStringLiteral(CA_SOURCE_DIR "/translations/ca-client_en.ts") << true;
}

void tst_Translations::sourcesHaveNoUntranslatedStrings()
{
    QFETCH(QString, tsPath);
    QFETCH(bool, pluralOnly);
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString copy = tmp.filePath(QFileInfo(tsPath).fileName());
    QVERIFY(QFile::copy(tsPath, copy));
    QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);

    // -I the source root: headers are then resolved as in the build's own
    // lupdate project, so Q_DECLARE_TR_FUNCTIONS(ca::X) gives context "ca::X".
    QStringList args{QStringLiteral("-I"), QStringLiteral(CA_SOURCE_DIR)};
    for (const QString &dir : kSourceDirs) {
        const QString path = QStringLiteral(CA_SOURCE_DIR "/") + dir;
        if (QDir(path).exists())
            args << path;
    }
    args << QStringLiteral("-locations") << QStringLiteral("none");
    if (pluralOnly)
        args << QStringLiteral("-pluralonly");
    args << QStringLiteral("-ts") << copy;
    QProcess lupdate;
    lupdate.setProcessChannelMode(QProcess::MergedChannels);
    lupdate.start(QStringLiteral(CA_LUPDATE_BIN), args);
    QVERIFY2(lupdate.waitForStarted(), qPrintable(lupdate.errorString()));
    QVERIFY(lupdate.waitForFinished(120000));
    const QString output = QString::fromLocal8Bit(lupdate.readAll());
    QVERIFY2(lupdate.exitStatus() == QProcess::NormalExit && lupdate.exitCode() == 0,
             qPrintable(QStringLiteral("lupdate failed:\n") + output));
    // lupdate's warnings (a tr() it cannot place in a context, ...) are
    // shown; they usually mean a string that will never be translated.
    for (const QString &line : output.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        if (line.contains(QLatin1String("warning"), Qt::CaseInsensitive))
            qWarning("lupdate: %s", qPrintable(line));
    }

    const TsFile ts = parseTs(copy);
    QVERIFY2(ts.error.isEmpty(), qPrintable(ts.error));
    QStringList problems;
    for (const TsMessage &m : ts.messages) {
        if (!m.translationType.isEmpty())
            problems << problemsOf(m);
    }
    QVERIFY2(problems.isEmpty(),
             qPrintable(report(problems, QStringLiteral("after lupdate over the current sources; "
                                                        "run `cmake --build BUILD --target update_translations` "
                                                        "and translate the new entries"))));
}

void tst_Translations::catalogueCompiledIntoResources()
{
    QVERIFY2(ca::i18n::catalogueAvailable(),
             "the compiled catalogue :/i18n/ca-client_zh_CN.qm is missing from the caclient-i18n resources");
}

void tst_Translations::installedCatalogueTranslates()
{
    const TsFile ts = parseTs(kTsPath);
    QVERIFY2(ts.error.isEmpty(), qPrintable(ts.error));
    QCOMPARE(ca::i18n::install(*QCoreApplication::instance(), QStringLiteral("zh_CN")), QStringLiteral("zh_CN"));

    int checked = 0;
    QStringList wrong;
    for (const TsMessage &m : ts.messages) {
        if (!m.translationType.isEmpty() || m.numerus || m.translation.isEmpty())
            continue;
        const QByteArray context = m.context.toUtf8();
        const QByteArray source = m.source.toUtf8();
        const QByteArray comment = m.comment.toUtf8();
        const QString got = QCoreApplication::translate(context.constData(), source.constData(),
                                                        comment.isEmpty() ? nullptr : comment.constData());
        if (got != m.translation)
            wrong << QStringLiteral("%1 gives \"%2\", the .ts says \"%3\"").arg(m.describe(), got, m.translation);
        ++checked;
    }
    QVERIFY2(wrong.isEmpty(), qPrintable(report(wrong, QStringLiteral("the compiled catalogue disagrees with the .ts"))));
    if (checked == 0)
        QSKIP("the catalogue has no finished entry yet; sourcesHaveNoUntranslatedStrings guards new strings");
    qInfo("%d finished entries translate as the .ts says", checked);
}

void tst_Translations::qtBaseCatalogueLoaded()
{
    ca::i18n::install(*QCoreApplication::instance(), QStringLiteral("zh_CN"));
    // The standard button texts come from Qt's qtbase catalogue.
    const QString cancel = QCoreApplication::translate("QPlatformTheme", "Cancel");
    QVERIFY2(cancel != QLatin1String("Cancel"),
             "qtbase_zh_CN is not loaded: Qt's own dialogs would show English buttons");
    QCOMPARE(cancel, QStringLiteral("取消"));
}

void tst_Translations::switchingBackToEnglishRemovesTheCatalogue()
{
    const char *context = "ca::ui::TokenPanel";
    const char *expiry = "The certificate on this key expires in %n day(s). You can renew it from now on.";
    ca::i18n::install(*QCoreApplication::instance(), QStringLiteral("zh_CN"));
    ca::i18n::install(*QCoreApplication::instance(), QStringLiteral("zh_CN")); // twice: still one set installed
    QCOMPARE(QCoreApplication::instance()->findChildren<QTranslator *>(QStringLiteral("ca-i18n")).size(), 2);
    QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("取消"));
    QCOMPARE(ca::i18n::install(*QCoreApplication::instance(), QStringLiteral("en")), QStringLiteral("en"));
    QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("Cancel"));
    QCOMPARE(QCoreApplication::instance()->findChildren<QTranslator *>(QStringLiteral("ca-i18n")).size(), 1);
    // English plural forms: "1 day", "24 days", never "day(s)".
    QCOMPARE(QCoreApplication::translate(context, expiry, nullptr, 1),
             QStringLiteral("The certificate on this key expires in 1 day. You can renew it from now on."));
    QCOMPARE(QCoreApplication::translate(context, expiry, nullptr, 24),
             QStringLiteral("The certificate on this key expires in 24 days. You can renew it from now on."));
}

QTEST_GUILESS_MAIN(tst_Translations)
#include "tst_translations.moc"
