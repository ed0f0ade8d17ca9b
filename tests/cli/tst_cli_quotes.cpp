// `newscoder-cli quotes FILE.txt --json`: the exact contract of issue 20.
#include "CliTestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace newscoder::test;
using namespace Qt::StringLiterals;

namespace {

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
        return {};
    return path;
}

// Every span field of `o` agrees with the text: UTF-16 offsets, code points, the text itself.
void checkSpan(const QString &text, const QJsonValue &value, bool nullable)
{
    if (value.isNull()) {
        QVERIFY(nullable);
        return;
    }
    QVERIFY(value.isObject());
    const QJsonObject o = value.toObject();
    const QStringList keys = o.keys();
    QCOMPARE(QSet<QString>(keys.cbegin(), keys.cend()),
             (QSet<QString>{u"start"_s, u"end"_s, u"start_char"_s, u"end_char"_s, u"text"_s}));
    const int start = o.value(u"start"_s).toInt(-1);
    const int end = o.value(u"end"_s).toInt(-1);
    QVERIFY(start >= 0 && end > start && end <= text.size());
    QCOMPARE(o.value(u"text"_s).toString(), text.mid(start, end - start));
    const QList<uint> points = text.toUcs4();
    const int startChar = o.value(u"start_char"_s).toInt(-1);
    const int endChar = o.value(u"end_char"_s).toInt(-1);
    QCOMPARE(startChar, int(text.left(start).toUcs4().size()));
    QCOMPARE(endChar, int(text.left(end).toUcs4().size()));
    QCOMPARE(QString::fromUcs4(reinterpret_cast<const char32_t *>(points.constData()) + startChar, endChar - startChar), o.value(u"text"_s).toString());
}

} // namespace

class TestCliQuotes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void jsonContract()
    {
        QTemporaryDir dir;
        const QString text =
            u"🎉 Harbour strike 😀\n\n“We came in good faith 😀,” said union leader Marta Kellner. “Nobody should accept that.”\n\n"
            u"Chief executive Tomas Ferrow said the offer was “fair and final”.\n\n"
            u"According to the Harbour Authority, 40 ships are waiting.\n\n"
            u"“𝒜 difficult week,” a senior official said.\n"_s;
        const QString path = writeFile(dir, u"article.txt"_s, text.toUtf8());
        const CliRun run = runCli({u"quotes"_s, path, u"--json"_s});
        QVERIFY2(run.ok(), qPrintable(run.describe()));
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(run.out, &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        QVERIFY(doc.isArray());
        const QJsonArray array = doc.array();
        QCOMPARE(array.size(), 5);
        QSet<QString> kinds;
        for (const QJsonValue &v : array) {
            const QJsonObject o = v.toObject();
            const QStringList keys = o.keys();
            QCOMPARE(QSet<QString>(keys.cbegin(), keys.cend()),
                     (QSet<QString>{u"kind"_s, u"quote"_s, u"cue"_s, u"speaker"_s, u"actor"_s, u"confidence"_s}));
            const QString kind = o.value(u"kind"_s).toString();
            QVERIFY(kind == u"direct" || kind == u"indirect" || kind == u"mixed");
            kinds.insert(kind);
            checkSpan(text, o.value(u"quote"_s), false);
            checkSpan(text, o.value(u"cue"_s), true);
            checkSpan(text, o.value(u"speaker"_s), true);
            QVERIFY(o.value(u"actor"_s).isString() || o.value(u"actor"_s).isNull());
            const double confidence = o.value(u"confidence"_s).toDouble(-1);
            QVERIFY(confidence >= 0.0 && confidence <= 1.0);
        }
        QCOMPARE(kinds, (QSet<QString>{u"direct"_s, u"mixed"_s, u"indirect"_s}));
        const QJsonObject first = array.at(0).toObject();
        QCOMPARE(first.value(u"quote"_s).toObject().value(u"text"_s).toString(), u"We came in good faith 😀,"_s);
        QCOMPARE(first.value(u"actor"_s).toString(), u"Marta Kellner"_s);
        // The floating sentence after it: reported as direct, without a cue, same speaker.
        const QJsonObject floating = array.at(1).toObject();
        QCOMPARE(floating.value(u"kind"_s).toString(), u"direct"_s);
        QVERIFY(floating.value(u"cue"_s).isNull());
        QCOMPARE(floating.value(u"actor"_s).toString(), u"Marta Kellner"_s);
        // The anonymous source: a speaker span, no actor.
        const QJsonObject anonymous = array.at(4).toObject();
        QCOMPARE(anonymous.value(u"speaker"_s).toObject().value(u"text"_s).toString(), u"a senior official"_s);
        QVERIFY(anonymous.value(u"actor"_s).isNull());
    }

    void germanWithLang()
    {
        QTemporaryDir dir;
        const QString text = u"„Wir bleiben dabei“, sagte Ministerin Eva Roth."_s;
        const QString path = writeFile(dir, u"de.txt"_s, text.toUtf8());
        const CliRun run = runCli({u"quotes"_s, path, u"--json"_s, u"--lang"_s, u"de"_s});
        QVERIFY2(run.ok(), qPrintable(run.describe()));
        const QJsonArray array = QJsonDocument::fromJson(run.out).array();
        QCOMPARE(array.size(), 1);
        QCOMPARE(array.at(0).toObject().value(u"actor"_s).toString(), u"Eva Roth"_s);
        QCOMPARE(array.at(0).toObject().value(u"cue"_s).toObject().value(u"text"_s).toString(), u"sagte"_s);
    }

    void emptyTextGivesAnEmptyArray()
    {
        QTemporaryDir dir;
        const CliRun run = runCli({u"quotes"_s, writeFile(dir, u"empty.txt"_s, QByteArray()), u"--json"_s});
        QVERIFY2(run.ok(), qPrintable(run.describe()));
        QCOMPARE(QJsonDocument::fromJson(run.out).array().size(), 0);
        QVERIFY(QJsonDocument::fromJson(run.out).isArray());
    }

    void badInput()
    {
        QTemporaryDir dir;
        const CliRun missing = runCli({u"quotes"_s, dir.filePath(u"nothing-here.txt"_s), u"--json"_s});
        QCOMPARE(missing.exitCode, 2);
        QVERIFY(!missing.err.isEmpty());
        QVERIFY(missing.out.isEmpty());
        const CliRun notUtf8 = runCli({u"quotes"_s, writeFile(dir, u"latin1.txt"_s, QByteArray("caf\xe9 \"x,\" he said")),
                                       u"--json"_s});
        QCOMPARE(notUtf8.exitCode, 2);
        QVERIFY(!notUtf8.err.isEmpty());
        const CliRun directory = runCli({u"quotes"_s, dir.path(), u"--json"_s});
        QCOMPARE(directory.exitCode, 2);
        const CliRun lang = runCli({u"quotes"_s, writeFile(dir, u"a.txt"_s, "x"), u"--lang"_s, u"fr"_s});
        QCOMPARE(lang.exitCode, 1);
    }
};

QTEST_GUILESS_MAIN(TestCliQuotes)
#include "tst_cli_quotes.moc"
