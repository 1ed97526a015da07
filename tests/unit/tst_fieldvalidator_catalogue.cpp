// The zh_CN catalogue (translations/ca-client_zh_CN.ts) is complete: every
// tr() string of the sources has a finished translation with the same
// placeholders. lupdate runs over a copy of the catalogue, so a string added to
// the code but not yet to the catalogue fails here too.

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

namespace {

struct Entry {
    QString context;
    QString source;
    QStringList translations; // one, or the numerus forms
    bool unfinished = false;
    bool obsolete = false;
};

QList<Entry> readCatalogue(const QString &fileName, QString *error)
{
    QList<Entry> entries;
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return entries;
    }
    QXmlStreamReader xml(&file);
    QString context;
    Entry current;
    bool numerus = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto name = xml.name();
            if (name == u"name") {
                context = xml.readElementText();
            } else if (name == u"message") {
                current = Entry{context, {}, {}, false, false};
                numerus = xml.attributes().value(QStringLiteral("numerus")) == u"yes";
            } else if (name == u"source") {
                current.source = xml.readElementText();
            } else if (name == u"translation") {
                const QStringView type = xml.attributes().value(QStringLiteral("type"));
                current.unfinished = type == u"unfinished";
                current.obsolete = type == u"obsolete" || type == u"vanished";
                if (!numerus)
                    current.translations.append(xml.readElementText());
            } else if (name == u"numerusform") {
                current.translations.append(xml.readElementText());
            }
        } else if (xml.isEndElement() && xml.name() == u"message") {
            entries.append(current);
        }
    }
    if (xml.hasError())
        *error = xml.errorString();
    return entries;
}

QStringList placeholders(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("%L?(\\d+|n)"));
    QStringList out;
    for (auto it = re.globalMatch(text); it.hasNext();)
        out.append(it.next().captured(0).remove(QLatin1Char('L')));
    out.sort();
    out.removeDuplicates();
    return out;
}

} // namespace

class TestCatalogue : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void committedCatalogueIsFinished();
    void sourcesAreAllTranslated();
    void fieldValidatorMessagesAreTranslated();

private:
    static void checkComplete(const QList<Entry> &entries);
};

void TestCatalogue::checkComplete(const QList<Entry> &entries)
{
    QStringList problems;
    for (const Entry &e : entries) {
        if (e.obsolete)
            continue;
        const QString where = e.context + QLatin1String(": ") + e.source.left(80);
        if (e.unfinished || e.translations.isEmpty() || e.translations.first().trimmed().isEmpty()) {
            problems << QLatin1String("unfinished: ") + where;
            continue;
        }
        for (const QString &t : e.translations) {
            if (placeholders(t) != placeholders(e.source))
                problems << QLatin1String("placeholders differ: ") + where;
        }
    }
    QVERIFY2(problems.isEmpty(), qPrintable(QString::number(problems.size()) + QLatin1String(" problem(s):\n") + problems.join(u'\n')));
}

void TestCatalogue::committedCatalogueIsFinished()
{
    QString error;
    const QList<Entry> entries = readCatalogue(QStringLiteral(CA_SOURCE_DIR "/translations/ca-client_zh_CN.ts"), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(entries.size() > 100);
    checkComplete(entries);
}

void TestCatalogue::sourcesAreAllTranslated()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString copy = tmp.filePath(QStringLiteral("ca-client_zh_CN.ts"));
    QVERIFY(QFile::copy(QStringLiteral(CA_SOURCE_DIR "/translations/ca-client_zh_CN.ts"), copy));
    QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);

    QProcess lupdate;
    lupdate.setWorkingDirectory(QStringLiteral(CA_SOURCE_DIR));
    lupdate.setProcessChannelMode(QProcess::MergedChannels);
    QStringList args{QStringLiteral("-I"), QStringLiteral(CA_SOURCE_DIR), QStringLiteral("-no-obsolete"),
                     QStringLiteral("-locations"), QStringLiteral("none")};
    // The folders of CA_I18N_DIRS (root CMakeLists.txt), as i18n/ uses them.
    const QStringList dirs = QStringLiteral(CA_I18N_DIRS).split(QLatin1Char(','), Qt::SkipEmptyParts);
    QVERIFY(dirs.contains(QStringLiteral("core")));
    for (const QString &dir : dirs) {
        QVERIFY2(QDir(QStringLiteral(CA_SOURCE_DIR "/") + dir).exists(), qPrintable(dir));
        args << dir;
    }
    args << QStringLiteral("-ts") << copy;
    lupdate.start(QStringLiteral(CA_LUPDATE_BIN), args);
    QVERIFY2(lupdate.waitForFinished(120000), "lupdate did not finish");
    const QString log = QString::fromUtf8(lupdate.readAll());
    QVERIFY2(lupdate.exitStatus() == QProcess::NormalExit && lupdate.exitCode() == 0, qPrintable(log));
    // A class lupdate cannot resolve puts its strings under a context the
    // program never asks for.
    QVERIFY2(!log.contains(QLatin1String("Qualifying with unknown namespace/class")), qPrintable(log));

    QString error;
    const QList<Entry> entries = readCatalogue(copy, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    checkComplete(entries);
}

void TestCatalogue::fieldValidatorMessagesAreTranslated()
{
    QString error;
    const QList<Entry> entries = readCatalogue(QStringLiteral(CA_SOURCE_DIR "/translations/ca-client_zh_CN.ts"), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    int fieldValidator = 0;
    for (const Entry &e : entries) {
        if (e.context != QLatin1String("FieldValidator"))
            continue;
        ++fieldValidator;
        // Whole Chinese sentences: at least one CJK character, no English left over.
        const QString t = e.translations.value(0);
        QVERIFY2(t.contains(QRegularExpression(QStringLiteral("\\p{Han}"))), qPrintable(e.source));
        QVERIFY2(!t.contains(QLatin1String(" the ")), qPrintable(t));
    }
    QVERIFY2(fieldValidator >= 90, qPrintable(QString::number(fieldValidator)));
}

QTEST_GUILESS_MAIN(TestCatalogue)
#include "tst_fieldvalidator_catalogue.moc"
