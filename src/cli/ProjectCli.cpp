#include "cli/ProjectCli.h"

#include "cli/BlindAccess.h"
#include "cli/CliSupport.h"
#include "cli/JsonArrayWriter.h"
#include "cli/RegistryCli.h"
#include "dataset/FieldJson.h"
#include "io/CodebookJson.h"
#include "model/IdPrefix.h"
#include "project/Project.h"
#include "storage/StoreError.h"
#include "text/ReviewFlags.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>

namespace newscoder::cli {

namespace {

using Access = ProjectStore::Access;

QJsonObject summaryJson(const DocumentSummary &s);

// "Parent/Child" names of a code.
QString annotationCodePath(const Project &project, const QUuid &codeId)
{
    QStringList path;
    QSet<QUuid> seen;
    for (auto c = project.code(codeId); c && !seen.contains(c->id); c = project.code(c->parentId)) {
        seen.insert(c->id);
        path.prepend(c->name);
    }
    return path.join(u'/');
}

// Field name → value (dataset::fieldValueJson); every field of the code, null when not given.
QJsonObject annotationFieldsJson(const Project &project, const std::optional<Code> &code,
                                 const QList<FieldValue> &values)
{
    QJsonObject fields;
    if (!code)
        return fields;
    const auto actorName = [&](const QUuid &id) {
        const auto actor = project.actor(id);
        return actor ? actor->name : QString();
    };
    for (const CodeField &f : code->fields) {
        QList<FieldValue> mine;
        for (const FieldValue &v : values) {
            if (v.fieldId == f.id)
                mine.append(v);
        }
        fields.insert(f.name, dataset::fieldValueJson(f, mine, actorName));
    }
    return fields;
}

} // namespace

std::unique_ptr<Project> openProject(const QString &path, ProjectStore::Access access, QString *error)
{
    try {
        auto project = Project::open(path, access);
        if (const QString notice = project->store().lockNotice(); !notice.isEmpty())
            writeErr(notice + u'\n'); // a lock left by a crashed process was cleared
        return project;
    } catch (const StoreError &e) {
        *error = e.message();
        return nullptr;
    }
}

QCommandLineOption jsonOption()
{
    return QCommandLineOption(QStringLiteral("json"), QStringLiteral("Print JSON."));
}

std::optional<DocumentSummary> findDocument(const Project &project, const QString &idOrPrefix, QString *error)
{
    const QString wanted = idOrPrefix.trimmed().toLower().remove(u'{').remove(u'}');
    const QUuid exact = QUuid::fromString(wanted);
    if (!exact.isNull()) {
        if (auto s = project.store().documentSummary(exact))
            return s;
        *error = QStringLiteral("no document with id %1").arg(wanted);
        return std::nullopt;
    }
    const QList<DocumentSummary> summaries = project.store().documentSummaries();
    QList<IdCandidate> candidates;
    candidates.reserve(summaries.size());
    for (const DocumentSummary &s : summaries)
        candidates.append({s.id, s.title});
    const IdResolution id = resolveIdPrefix(idOrPrefix, candidates);
    if (!id.found()) {
        *error = id.message(idOrPrefix, QStringLiteral("document"));
        return std::nullopt;
    }
    for (const DocumentSummary &s : summaries) {
        if (s.id == id.id)
            return s;
    }
    return std::nullopt;
}

namespace {

QJsonObject summaryJson(const DocumentSummary &s)
{
    return {{QStringLiteral("id"), idString(s.id)},
            {QStringLiteral("title"), s.title},
            {QStringLiteral("outlet"), s.outlet},
            {QStringLiteral("date"), s.date.isValid() ? QJsonValue(s.date.toString(Qt::ISODate)) : QJsonValue()},
            {QStringLiteral("url"), s.url},
            {QStringLiteral("length"), s.length}};
}

int parseInt(const QString &text, bool *ok)
{
    return text.toInt(ok);
}

} // namespace

int runNew(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Create a new project file."));
    parser.addPositionalArgument(QStringLiteral("PROJECT"), QStringLiteral("The project file to create."));
    const QCommandLineOption codebook(QStringLiteral("codebook"),
                                      QStringLiteral("Start from this codebook (Newscoder JSON)."),
                                      QStringLiteral("FILE.json"));
    const QCommandLineOption empty(QStringLiteral("empty"), QStringLiteral("Start with an empty codebook."));
    parser.addOptions({codebook, empty});
    if (const int rc = parseArguments(parser, arguments, 1, 1); rc >= 0)
        return rc;
    if (parser.isSet(codebook) && parser.isSet(empty)) {
        writeErr(QStringLiteral("%1: --codebook and --empty exclude each other.\n").arg(arguments.value(0)));
        return ExitUsage;
    }
    QList<Code> codes;
    if (parser.isSet(codebook)) {
        QFile file(parser.value(codebook));
        if (!file.open(QIODevice::ReadOnly))
            return badInput(QStringLiteral("cannot read %1: %2").arg(file.fileName(), file.errorString()));
        const CodebookReadResult read = readCodebookJson(file.read(16 * 1024 * 1024));
        if (!read.error.isEmpty())
            return badInput(QStringLiteral("%1: %2").arg(file.fileName(), read.error));
        codes = read.codes;
    } else if (!parser.isSet(empty)) {
        codes = defaultNewsCodebook();
    }
    try {
        auto project = Project::create(parser.positionalArguments().first(), codes);
        writeOut(project->path() + u'\n');
    } catch (const StoreError &e) {
        return badInput(e.message());
    }
    return ExitOk;
}

int runInfo(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Summarise a project: counts, codes and coders."));
    parser.addPositionalArgument(QStringLiteral("PROJECT"), QStringLiteral("The project file."));
    const QCommandLineOption json = jsonOption();
    parser.addOption(json);
    if (const int rc = parseArguments(parser, arguments, 1, 1); rc >= 0)
        return rc;
    QString error;
    auto project = openProject(parser.positionalArguments().first(), Access::ReadOnly, &error);
    if (!project)
        return badInput(error);
    try {
        const int documents = project->store().documentCount();
        const int annotations = project->store().annotationCount();
        QJsonArray codes, coders;
        QStringList codeNames, coderNames;
        for (const Code &c : project->codes()) {
            codes.append(c.name);
            codeNames << c.name;
        }
        for (const Coder &c : project->store().coders()) {
            coders.append(c.name);
            coderNames << c.name;
        }
        if (parser.isSet(json)) {
            printJson(QJsonObject{{QStringLiteral("documents"), documents},
                                  {QStringLiteral("annotations"), annotations},
                                  {QStringLiteral("codes"), codes},
                                  {QStringLiteral("coders"), coders}});
        } else {
            writeOut(QStringLiteral("documents:   %1\nannotations: %2\ncodes:       %3\ncoders:      %4\n")
                         .arg(documents)
                         .arg(annotations)
                         .arg(codeNames.join(u", "), coderNames.join(u", ")));
        }
    } catch (const StoreError &e) {
        return badInput(e.message());
    }
    return ExitOk;
}

int runDocuments(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("List the articles of a project."));
    parser.addPositionalArgument(QStringLiteral("PROJECT"), QStringLiteral("The project file."));
    const QCommandLineOption json = jsonOption();
    parser.addOption(json);
    if (const int rc = parseArguments(parser, arguments, 1, 1); rc >= 0)
        return rc;
    QString error;
    auto project = openProject(parser.positionalArguments().first(), Access::ReadOnly, &error);
    if (!project)
        return badInput(error);
    try {
        const QList<DocumentSummary> summaries = project->store().documentSummaries();
        if (parser.isSet(json)) {
            QJsonArray array;
            for (const DocumentSummary &s : summaries)
                array.append(summaryJson(s));
            printJson(array);
        } else {
            for (const DocumentSummary &s : summaries)
                writeOut(QStringLiteral("%1  %2  %3  %4\n")
                             .arg(idString(s.id), s.date.toString(Qt::ISODate).leftJustified(10),
                                  s.outlet.leftJustified(20), s.title));
        }
    } catch (const StoreError &e) {
        return badInput(e.message());
    }
    return ExitOk;
}

int runText(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Print an article's stored text exactly (the text annotation offsets refer to)."));
    parser.addPositionalArgument(QStringLiteral("PROJECT"), QStringLiteral("The project file."));
    const QCommandLineOption document(QStringLiteral("document"), QStringLiteral("The article's id."),
                                      QStringLiteral("ID"));
    parser.addOption(document);
    if (const int rc = parseArguments(parser, arguments, 1, 1); rc >= 0)
        return rc;
    if (!parser.isSet(document)) {
        writeErr(QStringLiteral("%1: --document is required.\n").arg(arguments.value(0)));
        return ExitUsage;
    }
    QString error;
    auto project = openProject(parser.positionalArguments().first(), Access::ReadOnly, &error);
    if (!project)
        return badInput(error);
    try {
        const auto summary = findDocument(*project, parser.value(document), &error);
        if (!summary)
            return badInput(error);
        writeOut(project->store().documentText(summary->id));
    } catch (const StoreError &e) {
        return badInput(e.message());
    }
    return ExitOk;
}

int runAnnotate(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Code a span of an article. Prints the new annotation's id once it is saved."));
    parser.addPositionalArgument(QStringLiteral("PROJECT"), QStringLiteral("The project file."));
    const QCommandLineOption document(QStringLiteral("document"), QStringLiteral("The article's id."),
                                      QStringLiteral("ID"));
    const QCommandLineOption code(QStringLiteral("code"), QStringLiteral("The code's name."), QStringLiteral("NAME"));
    const QCommandLineOption start(QStringLiteral("start"), QStringLiteral("First UTF-16 offset (inclusive)."),
                                   QStringLiteral("N"));
    const QCommandLineOption end(QStringLiteral("end"), QStringLiteral("Last UTF-16 offset (exclusive)."),
                                 QStringLiteral("N"));
    const QCommandLineOption coder(QStringLiteral("coder"), QStringLiteral("Who codes."), QStringLiteral("NAME"));
    const QCommandLineOption memo(QStringLiteral("memo"), QStringLiteral("A memo."), QStringLiteral("TEXT"));
    const QCommandLineOption match(QStringLiteral("match"),
                                   QStringLiteral("Code the first occurrence of TEXT instead of --start/--end."),
                                   QStringLiteral("TEXT"));
    const QCommandLineOption occurrence(QStringLiteral("occurrence"),
                                        QStringLiteral("With --match: code the N-th occurrence (1 = first)."),
                                        QStringLiteral("N"), QStringLiteral("1"));
    const QCommandLineOption field(
        QStringLiteral("field"),
        QStringLiteral("A field of the code and its value (repeatable): a choice's value or label, an actor's name "
                       "or alias (a new actor when none matches), an annotation id for annotation links."),
        QStringLiteral("NAME=VALUE"));
    const QCommandLineOption link(QStringLiteral("link"),
                                  QStringLiteral("Link the new annotation to this annotation (repeatable)."),
                                  QStringLiteral("ANNOTATION_ID"));
    const QCommandLineOption json = jsonOption();
    parser.addOptions({document, code, start, end, match, occurrence, coder, memo, field, link, json});
    if (const int rc = parseArguments(parser, arguments, 1, 1); rc >= 0)
        return rc;
    const bool byMatch = parser.isSet(match);
    if (byMatch && (parser.isSet(start) || parser.isSet(end))) {
        writeErr(QStringLiteral("%1: --match excludes --start/--end.\n").arg(arguments.value(0)));
        return ExitUsage;
    }
    QList<const QCommandLineOption *> required = {&document, &code, &coder};
    if (!byMatch)
        required << &start << &end;
    for (const auto *option : std::as_const(required)) {
        if (!parser.isSet(*option)) {
            writeErr(QStringLiteral("%1: --%2 is required.\n").arg(arguments.value(0), option->names().first()));
            return ExitUsage;
        }
    }
    bool okStart = byMatch, okEnd = byMatch;
    int from = byMatch ? 0 : parseInt(parser.value(start), &okStart);
    int to = byMatch ? 0 : parseInt(parser.value(end), &okEnd);
    if (!okStart || !okEnd)
        return badInput(QStringLiteral("--start and --end must be whole numbers"));
    bool okOccurrence = false;
    const int nth = parser.value(occurrence).toInt(&okOccurrence);
    if (!okOccurrence || nth < 1)
        return badInput(QStringLiteral("--occurrence must be a whole number from 1"));
    if (parser.value(coder).trimmed().isEmpty())
        return badInput(QStringLiteral("--coder must not be empty"));

    QString error;
    auto project = openProject(parser.positionalArguments().first(), Access::ReadWrite, &error);
    if (!project)
        return badInput(error);
    const auto target = findDocument(*project, parser.value(document), &error);
    if (!target)
        return badInput(error);
    const auto codeFound = project->codeByName(parser.value(code));
    if (!codeFound)
        return badInput(QStringLiteral("no code named '%1'").arg(parser.value(code)));
    if (byMatch) {
        const QString needle = parser.value(match);
        const QString text = project->store().documentText(target->id);
        qsizetype at = -1;
        for (int i = 0; i < nth && !needle.isEmpty(); ++i) {
            at = text.indexOf(needle, at + 1);
            if (at < 0)
                break;
        }
        if (needle.isEmpty() || at < 0)
            return badInput(QStringLiteral("'%1' does not occur %2 time(s) in the article").arg(needle).arg(nth));
        from = int(at);
        to = int(at + needle.size());
    }
    // Check every field value and link before writing anything.
    const auto prepared = prepareFieldValues(*project, {*codeFound}, parser.values(field), &error);
    if (!prepared)
        return badInput(error);
    QList<QUuid> linkTargets;
    for (const QString &value : parser.values(link)) {
        const QUuid targetId = QUuid::fromString(QString(value).trimmed().remove(u'{').remove(u'}'));
        std::optional<Annotation> linked;
        try {
            linked = targetId.isNull() ? std::nullopt : project->store().annotation(targetId);
        } catch (const StoreError &e) {
            return badInput(e.message());
        }
        if (!linked)
            return badInput(QStringLiteral("--link: no annotation with id '%1'").arg(value));
        const bool accepted = std::any_of(codeFound->fields.cbegin(), codeFound->fields.cend(), [&](const CodeField &f) {
            return f.kind == FieldKind::AnnotationLink && (f.linkCodes.isEmpty() || f.linkCodes.contains(linked->codeId));
        });
        if (!accepted) {
            const auto linkedCode = project->code(linked->codeId);
            return badInput(QStringLiteral("--link: a '%1' annotation has no link field that accepts a '%2' annotation")
                                .arg(codeFound->name, linkedCode ? linkedCode->name : QString()));
        }
        linkTargets.append(targetId);
    }
    project->setCoderName(parser.value(coder));
    std::optional<QUuid> id;
    try {
        WriteTransaction tx(project->store()); // the annotation with its values and links, or nothing
        id = project->addAnnotation(target->id, codeFound->id, from, to, parser.value(memo));
        if (!id)
            return badInput(project->lastError());
        if (!createPreparedActors(*project, *prepared))
            return badInput(project->lastError());
        for (const FieldAssignment &a : prepared->assignments) {
            if (!project->setAnnotationValues(*id, a.field.id, a.values))
                return badInput(QStringLiteral("%1: %2").arg(a.field.name, project->lastError()));
        }
        for (const QUuid &targetId : std::as_const(linkTargets)) {
            if (!project->addAnnotationLink(*id, targetId))
                return badInput(QStringLiteral("--link: %1").arg(project->lastError()));
        }
        tx.commit();
    } catch (const StoreError &e) {
        return badInput(e.message());
    }
    if (parser.isSet(json))
        printJson(QJsonObject{{QStringLiteral("id"), idString(*id)}});
    else
        writeOut(idString(*id) + u'\n');
    return ExitOk;
}

int runAnnotations(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("List annotations with their coded text."));
    parser.addPositionalArgument(QStringLiteral("PROJECT"), QStringLiteral("The project file."));
    const QCommandLineOption document(QStringLiteral("document"), QStringLiteral("Only this article."),
                                      QStringLiteral("ID"));
    const QCommandLineOption json = jsonOption();
    const QCommandLineOption status(QStringLiteral("status"),
                                    QStringLiteral("Only annotations with this status: coded, suggested or "
                                                   "needs-review (flagged by a text edit)."),
                                    QStringLiteral("STATUS"));
    const QCommandLineOption coder(QStringLiteral("coder"),
                                   QStringLiteral("Only this coder's annotations (e.g. Consensus)."),
                                   QStringLiteral("NAME"));
    const QCommandLineOption as = asOption();
    parser.addOptions({document, json, status, coder, as});
    if (const int rc = parseArguments(parser, arguments, 1, 1); rc >= 0)
        return rc;
    const QString wantedStatus = parser.value(status);
    if (parser.isSet(status)
        && !QStringList{QStringLiteral("coded"), QStringLiteral("suggested"), QStringLiteral("needs-review")}.contains(
            wantedStatus))
        return badInput(QStringLiteral("--status must be coded, suggested or needs-review, not '%1'").arg(wantedStatus));
    QString error;
    auto project = openProject(parser.positionalArguments().first(), Access::ReadOnly, &error);
    if (!project)
        return badInput(error);
    try {
        std::optional<DocumentSummary> only;
        if (parser.isSet(document)) {
            only = findDocument(*project, parser.value(document), &error);
            if (!only)
                return badInput(error);
        }
        QUuid onlyCoder;
        if (parser.isSet(coder)) {
            const auto c = project->store().coderByName(parser.value(coder).trimmed());
            if (!c)
                return badInput(QStringLiteral("there is no coder '%1'").arg(parser.value(coder)));
            onlyCoder = c->id;
        }
        const std::optional<Viewer> viewer = viewerFor(*project, parser, as, &error); // blind coding
        if (!viewer)
            return badInput(error);
        if (!viewer->seesAll && !onlyCoder.isNull() && onlyCoder != viewer->coderId)
            return badInput(QStringLiteral("blind coding is on: %1 sees only their own annotations").arg(viewer->name));
        JsonArrayWriter array; // streamed: flat memory at any size
        QUuid textOf;
        QString text;
        QHash<QUuid, QList<FieldValue>> values; // of the current article (one query per article)
        auto visit = [&](const Annotation &a) {
            const QString statusLabel = annotationStatusLabel(a);
            if (!wantedStatus.isEmpty() && statusLabel != wantedStatus)
                return true;
            if ((!onlyCoder.isNull() && a.coderId != onlyCoder) || !viewer->sees(a.coderId))
                return true;
            if (a.documentId != textOf) {
                textOf = a.documentId;
                text = project->store().documentText(a.documentId);
                if (parser.isSet(json))
                    values = project->store().annotationValuesForDocument(a.documentId);
            }
            const auto c = project->code(a.codeId);
            const QString quoted = text.mid(a.start, a.end - a.start);
            if (parser.isSet(json)) {
                QJsonObject object{{QStringLiteral("id"), idString(a.id)},
                                   {QStringLiteral("document"), idString(a.documentId)},
                                   {QStringLiteral("code"), c ? c->name : QString()},
                                   {QStringLiteral("start"), a.start},
                                   {QStringLiteral("end"), a.end},
                                   {QStringLiteral("text"), quoted},
                                   {QStringLiteral("coder"), project->coderNameFor(a.coderId)},
                                   {QStringLiteral("memo"), a.memo}};
                object.insert(QStringLiteral("code_path"), annotationCodePath(*project, a.codeId));
                object.insert(QStringLiteral("fields"), annotationFieldsJson(*project, c, values.value(a.id)));
                // Review flags of text edits (text/ReviewFlags.h): status, and for
                // flagged ones the reason and the edit that caused it.
                object.insert(QStringLiteral("status"), statusLabel);
                if (a.needsReview()) {
                    object.insert(QStringLiteral("reason"), a.reviewReason);
                    const QJsonObject edit = reviewEditJson(a);
                    object.insert(QStringLiteral("edit"), edit.isEmpty() ? QJsonValue() : QJsonValue(edit));
                }
                array.append(object);
            } else {
                writeOut(QStringLiteral("%1  %2  %3-%4  %5  %6%7\n")
                             .arg(idString(a.id), c ? c->name : QString())
                             .arg(a.start)
                             .arg(a.end)
                             .arg(project->coderNameFor(a.coderId), quoted.simplified().left(80),
                                  a.needsReview() ? QStringLiteral("  ⚠ ") + a.reviewReason : QString()));
            }
            return true;
        };
        if (only) {
            for (const Annotation &a : project->store().annotationsForDocument(only->id))
                visit(a);
        } else if (wantedStatus == u"needs-review") {
            for (const Annotation &a : project->store().flaggedAnnotations()) // indexed: no full scan
                visit(a);
        } else {
            project->store().forEachAnnotation(visit);
        }
        if (parser.isSet(json))
            array.finish();
    } catch (const StoreError &e) {
        return badInput(e.message());
    }
    return ExitOk;
}

} // namespace newscoder::cli
