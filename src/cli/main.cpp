// newscoder-cli: Newscoder's headless interface.
#include "cli/AgreementCli.h"
#include "cli/CliSupport.h"
#include "cli/CodebookCli.h"
#include "cli/ConsensusCli.h"
#include "cli/DuplicateCli.h"
#include "cli/ExportCli.h"
#include "cli/ImportCli.h"
#include "cli/LeftoverCli.h"
#include "cli/ProjectCli.h"
#include "cli/QuoteCli.h"
#include "cli/RefiCli.h"
#include "cli/RegistryCli.h"
#include "cli/RegistryEditCli.h"
#include "cli/ReliabilityCli.h"
#include "cli/SearchCli.h"
#include "cli/StudyCli.h"

#include <QCoreApplication>
#include <QGuiApplication>

#include <functional>
#include <map>
#include <memory>

using namespace newscoder::cli;

namespace {

struct Subcommand
{
    std::function<int(const QStringList &)> run;
    const char *summary;
};

const std::map<QString, Subcommand> &subcommands()
{
    static const std::map<QString, Subcommand> table = {
        {QStringLiteral("new"), {runNew, "PROJECT                 create a project (default news codebook)"}},
        {QStringLiteral("import"), {runImport, "PROJECT PATH... [--map F=COL,...] [--duplicates skip|keep|link]  import articles: text, web pages, DOCX, ODT, PDF, RTF, news exports, tables"}},
        {QStringLiteral("codebook"), {runCodebook, "PROJECT [--json]        the codebook as a tree (or JSON with ids)"}},
        {QStringLiteral("codebook-import"), {runCodebookImport, "PROJECT FILE.json       add a codebook (merge by name)"}},
        {QStringLiteral("info"), {runInfo, "PROJECT                 counts, codes and coders"}},
        {QStringLiteral("documents"), {runDocuments, "PROJECT                 list articles"}},
        {QStringLiteral("text"), {runText, "PROJECT --document ID   print an article's stored text"}},
        {QStringLiteral("annotate"),
         {runAnnotate, "PROJECT --document ID --code NAME --start N --end N --coder NAME [--field NAME=VALUE]... "
                       "[--link ID]..."}},
        {QStringLiteral("annotations"), {runAnnotations, "PROJECT                 list annotations"}},
        {QStringLiteral("agreement"), {runAgreement, "PROJECT                 inter-coder agreement per code"}},
        {QStringLiteral("actors"), {runActors, "PROJECT [--json]        list the actor registry"}},
        {QStringLiteral("actor-add"),
         {runActorAdd, "PROJECT NAME [--alias A]... [--role R] [--affiliation F] [--country C]"}},
        {QStringLiteral("actor-merge"), {runActorMerge, "PROJECT KEPT ABSORBED   merge two actors, keeping every link"}},
        {QStringLiteral("outlet-add"), {runOutletAdd, "PROJECT NAME [--domain D]... [--country C]"}},
        {QStringLiteral("outlet-assign"),
         {runOutletAssign, "PROJECT (--outlet NAME | --none) --document ID...  link articles to an outlet"}},
        {QStringLiteral("outlets"), {runOutlets, "PROJECT [--json]        list outlets with their variables"}},
        {QStringLiteral("variables"), {runVariables, "PROJECT --document ID [--coder NAME]  an article's variables"}},
        {QStringLiteral("set-variable"),
         {runSetVariable, "PROJECT (--document ID --coder NAME | --outlet NAME) --field NAME=VALUE..."}},
        {QStringLiteral("reliability"), {runReliability, "FILE.csv --measure M | PROJECT --against CONSENSUS  inter-coder reliability; each coder against the consensus"}},
        {QStringLiteral("search"), {runSearch, "PROJECT PATTERN         find text in the articles (or --memos)"}},
        {QStringLiteral("autocode"), {runAutocode, "PROJECT (PATTERN --code NAME | --quotes [--documents ID,...]) --coder NAME  suggest annotations"}},
        {QStringLiteral("suggestions"), {runSuggestions, "PROJECT [--accept|--reject] (--all|ID...)"}},
        {QStringLiteral("refi-export"), {runRefiExport, "PROJECT OUT.qdpx|OUT.qdc [--coders A,B]  REFI-QDA export"}},
        {QStringLiteral("refi-import"), {runRefiImport, "PROJECT FILE.qdpx|FILE.qdc [--json]  REFI-QDA import"}},
        {QStringLiteral("export"),
         {runExport, "PROJECT --table T --format csv|tsv|xlsx|jsonl|sav|dta --out FILE  export the dataset"}},
        {QStringLiteral("edit-text"), {runEditText, "PROJECT --document ID --at POS --remove N --insert TEXT"}},
        {QStringLiteral("coders"), {runCoders, "PROJECT [--json] [--set NAME --role R] [--blind on|off]  the coders of a study"}},
        {QStringLiteral("assign"),
         {runAssign, "PROJECT --coder NAME --documents ID,... | --sample N|P% --coders A,B --seed S"}},
        {QStringLiteral("my-articles"), {runMyArticles, "PROJECT --coder NAME [--json]  a coder's assigned articles, done and missing"}},
        {QStringLiteral("review"), {runReview, "PROJECT --coders A,B [--document ID] [--json]  two coders side by side"}},
        {QStringLiteral("adjudicate"),
         {runAdjudicate, "PROJECT --item ID --decision accept:CODER|both|reject | --accept-agreements"}},
        {QStringLiteral("decisions"), {runDecisions, "PROJECT [--json] [--out FILE]  the adjudication decision log"}},
        {QStringLiteral("package"), {runPackage, "PROJECT --coder NAME --out FILE.newscoder  a coder package"}},
        {QStringLiteral("merge"), {runMerge, "PROJECT FILE.newscoder... [--prefer master|source] [--json]  merge by ids"}},
        {QStringLiteral("quotes"), {runQuotes, "FILE.txt [--json] [--lang en|de]  propose quotes, cues and speakers"}},
        {QStringLiteral("duplicates"), {runDuplicates, "PROJECT [--threshold T] [--json]  exact and near-duplicate articles"}},
        {QStringLiteral("leftovers"), {runLeftovers, "PROJECT --document ID [--mark|--unmark] [--json]  an article's scraper leftovers"}},
        {QStringLiteral("disagreement-report"),
         {runDisagreementReport, "PROJECT --coders A,B | --against CONSENSUS --out FILE.html  disputed passages per code"}},
    };
    return table;
}

QString usage()
{
    QString text = QStringLiteral("Usage: newscoder-cli COMMAND [options]\n\n"
                                  "Newscoder %1 — manual content analysis of news.\n\nCommands:\n")
                       .arg(QStringLiteral(NEWSCODER_VERSION));
    for (const auto &[name, sub] : subcommands())
        text += QStringLiteral("  %1 %2\n").arg(name.leftJustified(15), QString::fromUtf8(sub.summary));
    text += QStringLiteral("\nRun 'newscoder-cli COMMAND --help' for a command's options.\n"
                           "Exit codes: 0 success, 1 usage error, 2 bad input.\n");
    return text;
}

} // namespace

int main(int argc, char *argv[])
{
    // A PDF codebook document needs fonts: the GUI application (offscreen without a display).
    std::unique_ptr<QCoreApplication> app(exportNeedsGui(argc, argv) ? new QGuiApplication(argc, argv)
                                                                     : new QCoreApplication(argc, argv));
    QCoreApplication::setApplicationName(QStringLiteral("newscoder-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(NEWSCODER_VERSION));
    QStringList args = QCoreApplication::arguments();
    const QString command = args.value(1);
    if (command == QLatin1String("--help") || command == QLatin1String("-h") || command == QLatin1String("help")) {
        writeOut(usage());
        return ExitOk;
    }
    if (command == QLatin1String("--version") || command == QLatin1String("-v")) {
        writeOut(QStringLiteral("newscoder-cli %1\n").arg(QStringLiteral(NEWSCODER_VERSION)));
        return ExitOk;
    }
    const auto it = subcommands().find(command);
    if (it == subcommands().end()) {
        writeErr(command.isEmpty() ? usage()
                                   : QStringLiteral("newscoder-cli: unknown command '%1'\n\n%2").arg(command, usage()));
        return ExitUsage;
    }
    args.removeAt(1);
    args[0] = QStringLiteral("newscoder-cli ") + command;
    return it->second.run(args);
}
