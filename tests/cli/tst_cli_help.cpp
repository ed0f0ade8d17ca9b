// `newscoder-cli --help` lists every command: each command the guide and the
// README use (`newscoder-cli NAME` in docs/*.md, README.md) has a line, each
// listed one answers its own --help, and both forms of `reliability` (a CSV
// file; a project --against the consensus) are named.
#include "CliTestSupport.h"

#include <QDir>
#include <QRegularExpression>
#include <QSet>
#include "TestPaths.h"

using namespace newscoder::test;

namespace {

// Command name → its summary, from the Commands: section of the top help.
QMap<QString, QString> listedCommands(const QString &help)
{
    QMap<QString, QString> commands;
    bool inside = false;
    static const QRegularExpression line(s("^  ([a-z][a-z-]*) +(.*)$"));
    for (const QString &row : help.split(u'\n')) {
        if (row.startsWith(s("Commands:"))) {
            inside = true;
        } else if (inside && row.trimmed().isEmpty() && !commands.isEmpty()) {
            break;
        } else if (inside) {
            if (const auto m = line.match(row); m.hasMatch())
                commands.insert(m.captured(1), m.captured(2));
        }
    }
    return commands;
}

// Every `newscoder-cli NAME` in the user guide and the README.
QSet<QString> commandsTheGuideUses()
{
    QStringList files = {s(NEWSCODER_SOURCE_DIR "/README.md")};
    const QDir docs(s(NEWSCODER_SOURCE_DIR "/docs"));
    for (const QString &name : docs.entryList({s("*.md")}, QDir::Files))
        files << docs.filePath(name);
    static const QRegularExpression use(s("newscoder-cli ([a-z][a-z-]*[a-z])"));
    QSet<QString> names;
    for (const QString &path : std::as_const(files)) {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const QString text = QString::fromUtf8(f.readAll());
        for (auto it = use.globalMatch(text); it.hasNext();)
            names.insert(it.next().captured(1));
    }
    return names;
}

} // namespace

class TestCliHelp : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyCommandTheGuideUsesIsListed()
    {
        const CliRun help = runCli({s("--help")});
        QVERIFY2(help.ok(), qPrintable(help.describe()));
        const QMap<QString, QString> listed = listedCommands(QString::fromUtf8(help.out));
        QVERIFY(listed.size() >= 30);
        const QSet<QString> used = commandsTheGuideUses();
        QVERIFY(used.size() >= 20); // the guide was read
        for (const QString &name : used) {
            // "newscoder-cli COMMAND" in prose is the placeholder, not a command.
            if (name == s("help") || name == s("version"))
                continue;
            QVERIFY2(listed.contains(name), qPrintable(s("the guide uses '%1', --help does not list it").arg(name)));
        }
    }

    void everyListedCommandAnswersItsOwnHelp()
    {
        const QMap<QString, QString> listed = listedCommands(QString::fromUtf8(runCli({s("--help")}).out));
        QVERIFY(!listed.isEmpty());
        for (auto it = listed.cbegin(); it != listed.cend(); ++it) {
            const CliRun own = runCli({it.key(), s("--help")});
            QVERIFY2(own.ok(), qPrintable(it.key() + u'\n' + own.describe()));
            QVERIFY2(own.out.contains(QByteArray(QByteArray("newscoder-cli ") + it.key().toUtf8())), qPrintable(it.key()));
            QVERIFY2(!it.value().trimmed().isEmpty(), qPrintable(it.key() + s(" has no summary")));
        }
        const CliRun unknown = runCli({s("no-such-command")});
        QCOMPARE(unknown.exitCode, 1);
    }

    void reliabilityNamesBothForms()
    {
        const QMap<QString, QString> listed = listedCommands(QString::fromUtf8(runCli({s("--help")}).out));
        const QString line = listed.value(s("reliability"));
        QVERIFY2(line.contains(s("FILE.csv")), qPrintable(line));
        QVERIFY2(line.contains(s("--against")), qPrintable(line));
        // The project form has its own options.
        const CliRun against = runCli({s("reliability"), s("p.newscoder"), s("--against"), s("Consensus"), s("--help")});
        QVERIFY2(against.ok(), qPrintable(against.describe()));
        QVERIFY(against.out.contains("--coders"));
    }
};

QTEST_GUILESS_MAIN(TestCliHelp)
#include "tst_cli_help.moc"
