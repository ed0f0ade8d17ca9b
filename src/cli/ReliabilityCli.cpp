#include "cli/ReliabilityCli.h"

#include "cli/ConsensusCli.h"

#include "stats/Bootstrap.h"
#include "stats/KappaFamily.h"
#include "stats/KrippendorffAlpha.h"
#include "stats/ReliabilityCsv.h"
#include "stats/ReportFormat.h"
#include "stats/UnitizingAlpha.h"

#include <QCommandLineParser>
#include <QFile>
#include <cstdio>
#include <functional>
#include <limits>
#include <optional>
#include <variant>

using namespace Qt::StringLiterals;
using namespace newscoder::stats;

namespace newscoder::cli {

namespace {

constexpr int ExitUsage = 1;
constexpr int ExitBadInput = 2;

const QStringList measures{u"percent"_s, u"cohen"_s,    u"weighted-cohen"_s, u"scott"_s, u"fleiss"_s,
                           u"bennett"_s, u"randolph"_s, u"gwet"_s,           u"alpha"_s};

QString usage(const QString &program)
{
    return uR"(Usage: %1 FILE.csv --measure MEASURE [options]
       %1 SPANS.csv --unitizing [--continuum BEGIN:LENGTH] [options]
       %1 PROJECT --against CONSENSUS [--coders A,B] [--codes C,..] [--json]

Reliability of coded data. FILE.csv has a header row of coder names, then one
row per unit; an empty cell is a missing value. Values are labels (nominal,
ordinal) or numbers (interval, ratio). SPANS.csv has the columns coder,
category, begin, length: units [begin, begin+length) on the continuum (length
0 is a valid unit). With an article column as well (as `agreement
--units-csv` writes it), a row with an empty category says that its coder
coded that article, which is [begin, begin+length) of the continuum; the
articles are pooled with no gap running across an article boundary.

Options:
  --measure M          percent, cohen, weighted-cohen, scott, fleiss, bennett,
                       randolph, gwet or alpha
  --level L            alpha only: nominal (default), ordinal, interval, ratio
  --weights W          linear or quadratic, over the category order; required
                       by weighted-cohen; with gwet it gives AC2
  --categories A,B,..  the value set and its order (default: the values seen,
                       in numeric order if all are numbers)
  --bootstrap N        add a 95% percentile bootstrap interval from N draws
  --seed S             seed of the bootstrap (default 1)
  --unitizing          Krippendorff's unitizing alpha of SPANS.csv
  --continuum B:L      the continuum [B, B+L) (required with --unitizing
                       unless SPANS.csv has an article column; then, if
                       given, the articles must cover it end to end)
  --coders A,B,..      every coder, also those who marked nothing (default:
                       the coders in the file)
  --category C         unitizing alpha of one category (default: overall)
  --json               print JSON instead of a summary
  -h, --help           show this help

What is printed: value is the coefficient; observed and expected are its
components (alpha: disagreements D_o and D_e, value = 1 - D_o/D_e; kappa
family: agreements A_o and A_e); units are the units that entered it and
pairable values the values in them. Unitizing alpha per category: D_o and
D_e of that category, units = the units marked (overlapping units of one
coder and category merged into one, as the note says; touching ones kept
apart), pairable values = coders x continuum length. Overall unitizing
alpha: observed and expected are the means of D_o and D_e over the
categories (as DKPro Statistics prints them); the value is 1 - mean D_o /
mean D_e, the same as from their sums; units are summed.

With --against, PROJECT is a project: each coder against the consensus on
the adjudicated articles (alpha, percent agreement, error profile, per code);
see `%1 PROJECT --against CONSENSUS --help`.

Exit status: 0 success, 1 usage error, 2 bad input.
)"_s.arg(program);
}

void write(FILE *stream, const QByteArray &bytes)
{
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
    std::fflush(stream);
}

struct Failure
{
    int code;
    QString message;
};

// Splits "a,b,c"; nullopt on empty or repeated entries.
std::optional<QStringList> splitList(const QString &text)
{
    QStringList out;
    for (const QString &part : text.split(u','))
        out << part.trimmed();
    for (qsizetype i = 0; i < out.size(); ++i)
        if (out[i].isEmpty() || out.indexOf(out[i]) != i)
            return std::nullopt;
    return out;
}

std::optional<QByteArray> readFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = u"cannot read %1: %2"_s.arg(path, file.errorString());
        return std::nullopt;
    }
    QByteArray bytes = file.readAll();
    if (file.error() != QFileDevice::NoError) {
        *error = u"cannot read %1: %2"_s.arg(path, file.errorString());
        return std::nullopt;
    }
    return bytes;
}

AgreementResult compute(const QString &measure, const ReliabilityData &data, Level level,
                        const std::optional<Weighting> &weighting)
{
    const AgreementWeights weights =
        AgreementWeights::make(weighting.value_or(Weighting::Identity), data.categoryCount());
    if (measure == u"percent"_s)
        return percentAgreement(data);
    if (measure == u"cohen"_s)
        return cohenKappa(data);
    if (measure == u"weighted-cohen"_s)
        return weightedCohenKappa(data, weights);
    if (measure == u"scott"_s)
        return scottPi(data);
    if (measure == u"fleiss"_s)
        return fleissKappa(data);
    if (measure == u"bennett"_s)
        return bennettS(data);
    if (measure == u"randolph"_s)
        return randolphKappa(data);
    if (measure == u"gwet"_s)
        return weighting ? gwetAc2(data, weights) : gwetAc1(data);
    return krippendorffAlpha(data, level);
}

struct Options
{
    QString file;
    bool json = false;
    QString measure;
    Level level = Level::Nominal;
    std::optional<Weighting> weighting;
    QStringList categories;
    std::optional<BootstrapOptions> bootstrap;
    bool unitizing = false;
    qint64 continuumBegin = 0;
    qint64 continuumLength = 0;
    QStringList coders;
    QString category;
};

std::optional<Failure> parseOptions(const QStringList &arguments, Options &o, bool &help)
{
    QCommandLineParser parser;
    const QCommandLineOption measure(u"measure"_s, {}, u"M"_s), level(u"level"_s, {}, u"L"_s),
        weights(u"weights"_s, {}, u"W"_s), categories(u"categories"_s, {}, u"LIST"_s),
        bootstrap(u"bootstrap"_s, {}, u"N"_s), seed(u"seed"_s, {}, u"S"_s), json(u"json"_s),
        unitizing(u"unitizing"_s), continuum(u"continuum"_s, {}, u"B:L"_s),
        coders(u"coders"_s, {}, u"LIST"_s), category(u"category"_s, {}, u"C"_s),
        helpOption(QStringList{u"h"_s, u"help"_s});
    parser.addOptions({measure, level, weights, categories, bootstrap, seed, json, unitizing, continuum,
                       coders, category, helpOption});
    parser.addPositionalArgument(u"file"_s, {});
    if (!parser.parse(arguments))
        return Failure{ExitUsage, parser.errorText()};
    help = parser.isSet(helpOption);
    if (help)
        return std::nullopt;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1)
        return Failure{ExitUsage, positional.isEmpty()
                                      ? u"missing the FILE argument"_s
                                      : u"expected one FILE argument, got %1"_s.arg(positional.size())};
    o.file = positional.first();
    o.json = parser.isSet(json);
    o.unitizing = parser.isSet(unitizing);
    const QList<std::pair<QCommandLineOption, bool>> allowed{
        {measure, !o.unitizing},    {level, !o.unitizing},     {weights, !o.unitizing},
        {categories, !o.unitizing}, {bootstrap, !o.unitizing}, {seed, !o.unitizing},
        {continuum, o.unitizing},   {coders, o.unitizing},     {category, o.unitizing}};
    for (const auto &[option, ok] : allowed) {
        if (parser.isSet(option) && !ok)
            return Failure{ExitUsage,
                           u"--%1 %2 used with --unitizing"_s.arg(
                               option.names().first(), o.unitizing ? u"cannot be"_s : u"can only be"_s)};
    }
    if (o.unitizing) {
        const QStringList parts = parser.value(continuum).split(u':');
        bool okBegin = false, okLength = false;
        if (parts.size() == 2) {
            o.continuumBegin = parts[0].trimmed().toLongLong(&okBegin);
            o.continuumLength = parts[1].trimmed().toLongLong(&okLength);
        }
        if (!parser.isSet(continuum)) {
            o.continuumLength = -1; // the file must then say where its articles lie
        } else if (!okBegin || !okLength || o.continuumLength <= 0 ||
                   o.continuumBegin > std::numeric_limits<qint64>::max() - o.continuumLength) {
            return Failure{ExitUsage, u"--continuum needs BEGIN:LENGTH, two integers with LENGTH > 0"_s};
        }
        if (parser.isSet(coders)) {
            const auto list = splitList(parser.value(coders));
            if (!list)
                return Failure{ExitUsage, u"--coders needs distinct, non-empty names separated by commas"_s};
            o.coders = *list;
        }
        o.category = parser.value(category).trimmed();
        if (parser.isSet(category) && o.category.isEmpty())
            return Failure{ExitUsage, u"--category needs a category name"_s};
        return std::nullopt;
    }
    o.measure = parser.value(measure).trimmed().toLower();
    if (!parser.isSet(measure))
        return Failure{ExitUsage, u"missing --measure (one of %1)"_s.arg(measures.join(u", "_s))};
    if (!measures.contains(o.measure))
        return Failure{ExitUsage,
                       u"unknown measure \"%1\" (one of %2)"_s.arg(o.measure, measures.join(u", "_s))};
    if (parser.isSet(level)) {
        if (o.measure != u"alpha"_s)
            return Failure{ExitUsage, u"--level applies to --measure alpha only"_s};
        const auto l = levelFromName(parser.value(level).trimmed());
        if (!l)
            return Failure{ExitUsage, u"unknown level \"%1\" (nominal, ordinal, interval or ratio)"_s.arg(
                                          parser.value(level))};
        o.level = *l;
    }
    if (parser.isSet(weights)) {
        const auto w = weightingFromName(parser.value(weights).trimmed());
        if (!w || *w == Weighting::Identity)
            return Failure{ExitUsage,
                           u"unknown weights \"%1\" (linear or quadratic)"_s.arg(parser.value(weights))};
        if (o.measure != u"weighted-cohen"_s && o.measure != u"gwet"_s)
            return Failure{ExitUsage, u"--weights applies to weighted-cohen and gwet only"_s};
        o.weighting = w;
    } else if (o.measure == u"weighted-cohen"_s) {
        return Failure{ExitUsage, u"weighted-cohen needs --weights linear or --weights quadratic"_s};
    }
    if (parser.isSet(categories)) {
        const auto list = splitList(parser.value(categories));
        if (!list)
            return Failure{ExitUsage, u"--categories needs distinct, non-empty values separated by commas"_s};
        o.categories = *list;
    }
    if (parser.isSet(seed) && !parser.isSet(bootstrap))
        return Failure{ExitUsage, u"--seed needs --bootstrap"_s};
    if (parser.isSet(bootstrap)) {
        bool okDraws = false, okSeed = true;
        BootstrapOptions b;
        b.draws = parser.value(bootstrap).trimmed().toInt(&okDraws);
        b.seed = parser.isSet(seed) ? parser.value(seed).trimmed().toULongLong(&okSeed) : 1;
        if (!okDraws || b.draws < 1 || b.draws > 1000000)
            return Failure{ExitUsage, u"--bootstrap needs a number of draws from 1 to 1000000"_s};
        if (!okSeed)
            return Failure{ExitUsage, u"--seed needs a non-negative integer"_s};
        o.bootstrap = b;
    }
    return std::nullopt;
}

std::variant<Report, Failure> runCoefficient(const Options &o, const QByteArray &bytes)
{
    const bool metric = o.measure == u"alpha"_s && (o.level == Level::Interval || o.level == Level::Ratio);
    ReliabilityCsvOptions csv;
    csv.values = metric ? ReliabilityCsvOptions::Values::Numbers : ReliabilityCsvOptions::Values::Labels;
    csv.categories = o.categories;
    const ReliabilityCsvResult input = readReliabilityCsv(bytes, csv);
    if (!input.error.isEmpty())
        return Failure{ExitBadInput, u"%1: %2"_s.arg(o.file, input.error)};
    if (input.data.coderCount() < 2)
        return Failure{ExitBadInput, u"%1: at least two coders are needed; the header names %2"_s.arg(
                                         o.file, QString::number(input.data.coderCount()))};
    Report report;
    report.measure = o.measure;
    report.level = o.measure == u"alpha"_s ? levelName(o.level) : QString();
    report.weights = o.weighting ? weightingName(*o.weighting) : QString();
    report.categories = input.data.categories();
    report.result = compute(o.measure, input.data, o.level, o.weighting);
    if (!report.result.isValid())
        return Failure{ExitBadInput, u"%1: %2"_s.arg(o.file, report.result.error)};
    if (metric && report.categories.isEmpty() && input.distinctValues > 0)
        report.result.addNote(u"More than 1000 distinct values (not listed)."_s);
    if (o.categories.isEmpty() && report.categories.size() > 1000) {
        report.result.addNote(u"%1 distinct values (not listed)."_s.arg(report.categories.size()));
        report.categories.clear();
    }
    if (o.bootstrap) {
        report.result.ci =
            o.measure == u"alpha"_s
                ? bootstrapAlpha(input.data, o.level, *o.bootstrap)
                : bootstrapCoefficient(
                      input.data,
                      [&](const ReliabilityData &d) { return compute(o.measure, d, o.level, o.weighting); },
                      *o.bootstrap);
        if (!report.result.ci)
            report.result.addNote(u"No bootstrap draw gave a defined value, so there is no interval."_s);
    }
    return report;
}

std::variant<Report, Failure> runUnitizing(const Options &o, const QByteArray &bytes)
{
    const UnitizingCsvResult input = readUnitizingCsv(bytes, {o.continuumBegin, o.continuumLength, o.coders});
    if (input.needsContinuum)
        return Failure{ExitUsage, u"--continuum BEGIN:LENGTH is needed: %1 has no article column"_s.arg(o.file)};
    if (!input.error.isEmpty())
        return Failure{ExitBadInput, u"%1: %2"_s.arg(o.file, input.error)};
    const UnitizingResult all = unitizingAlpha(input.data);
    if (!all.overall.isValid())
        return Failure{ExitBadInput, u"%1: %2"_s.arg(o.file, all.overall.error)};
    Report report;
    report.measure = u"unitizing-alpha"_s;
    for (const CategoryAgreement &c : all.categories)
        report.categories << c.category;
    if (o.category.isEmpty()) {
        report.result = all.overall;
        report.perCategory = all.categories;
    } else {
        report.category = o.category;
        report.result = unitizingAlpha(input.data, o.category);
    }
    return report;
}

} // namespace

int runReliability(const QStringList &arguments)
{
    if (asksAgainst(arguments)) // reliability PROJECT --against CONSENSUS (ConsensusCli.cpp)
        return runReliabilityAgainst(arguments);
    const QString program = arguments.value(0, u"newscoder-cli reliability"_s);
    auto fail = [&](const Failure &f) {
        write(stderr, (program + u": error: "_s + f.message + u'\n').toUtf8());
        if (f.code == ExitUsage)
            write(stderr, u"Try '%1 --help'.\n"_s.arg(program).toUtf8());
        return f.code;
    };
    Options options;
    bool help = false;
    if (const auto failure = parseOptions(arguments, options, help))
        return fail(*failure);
    if (help) {
        write(stdout, usage(program).toUtf8());
        return 0;
    }
    QString readError;
    const auto bytes = readFile(options.file, &readError);
    if (!bytes)
        return fail({ExitBadInput, readError});
    const auto outcome = options.unitizing ? runUnitizing(options, *bytes) : runCoefficient(options, *bytes);
    if (const auto *failure = std::get_if<Failure>(&outcome))
        return fail(*failure);
    const Report &report = std::get<Report>(outcome);
    write(stdout, options.json ? reportJson(report) : reportText(report).toUtf8());
    return 0;
}

} // namespace newscoder::cli
