#include "cli/ProjectCli.h"

#include "cli/BlindAccess.h"
#include "cli/CliSupport.h"
#include "cli/CodebookCli.h"
#include "cli/FieldValueOptions.h"
#include "cli/JsonArrayWriter.h"
#include "dataset/FieldJson.h"
#include "io/CodebookJson.h"
#include "project/Project.h"
#include "project/ProjectInternals.h"
#include "storage/ProjectStore.h"
#include "text/ReviewFlags.h"

#include <QJsonArray>
#include <QJsonObject>

namespace newscoder::cli {

namespace {

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

QJsonObject summaryJson(const DocumentSummary &s)
{
    return {{QStringLiteral("id"), idString(s.id)},
            {QStringLiteral("title"), s.title},
            {QStringLiteral("outlet"), s.outlet},
            {QStringLiteral("date"), s.date.isValid() ? QJsonValue(s.date.toString(Qt::ISODate)) : QJsonValue()},
            {QStringLiteral("url"), s.url},
            {QStringLiteral("length"), s.length}};
}

} // namespace

int runNew(const QStringList &arguments)
{
    const QCommandLineOption codebook(QStringLiteral("codebook"),
                                      QStringLiteral("Start from this codebook (Newscoder JSON)."),
                                      QStringLiteral("FILE.json"));
    const QCommandLineOption empty(QStringLiteral("empty"), QStringLiteral("Start with an empty codebook."));
    const CommandSpec spec{
        .description = QStringLiteral("Create a new project file."),
        .positionals = {projectArgument(QStringLiteral("The project file to create."))},
        .options = {codebook, empty},
        .check = [&](const QCommandLineParser &parser) {
            if (parser.isSet(codebook) && parser.isSet(empty))
                return usageError(arguments, QStringLiteral("--codebook and --empty exclude each other."));
            return Proceed;
        },
    };
    const auto body = [&](const QCommandLineParser &parser) {
        QList<Code> codes;
        if (parser.isSet(codebook)) {
            const auto read = readCodebookArgument(parser.value(codebook));
            if (!read)
                return ExitBadInput;
            codes = *read;
        } else if (!parser.isSet(empty)) {
            codes = defaultNewsCodebook();
        }
        auto project = Project::create(parser.positionalArguments().first(), codes);
        writeOut(project->path() + u'\n');
        return ExitOk;
    };
    return runCommand(arguments, spec, body);
}

int runInfo(const QStringList &arguments)
{
    const QCommandLineOption json = jsonOption();
    const CommandSpec spec{
        .description = QStringLiteral("Summarise a project: counts, codes and coders."),
        .positionals = {projectArgument()},
        .options = {json},
    };
    const auto body = [&](Project &project, const QCommandLineParser &parser) {
        const int documents = project.reader().documentCount();
        const int annotations = project.reader().annotationCount();
        QJsonArray codes, coders;
        QStringList codeNames, coderNames;
        for (const Code &c : project.codes()) {
            codes.append(c.name);
            codeNames << c.name;
        }
        for (const Coder &c : project.reader().coders()) {
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
        return ExitOk;
    };
    return runOnProject(arguments, spec, Access::ReadOnly, body);
}

int runDocuments(const QStringList &arguments)
{
    const QCommandLineOption json = jsonOption();
    const CommandSpec spec{
        .description = QStringLiteral("List the articles of a project."),
        .positionals = {projectArgument()},
        .options = {json},
    };
    const auto body = [&](Project &project, const QCommandLineParser &parser) {
        const QList<DocumentSummary> summaries = project.reader().documentSummaries();
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
        return ExitOk;
    };
    return runOnProject(arguments, spec, Access::ReadOnly, body);
}

int runText(const QStringList &arguments)
{
    const QCommandLineOption document(QStringLiteral("document"), QStringLiteral("The article's id."),
                                      QStringLiteral("ID"));
    const CommandSpec spec{
        .description =
            QStringLiteral("Print an article's stored text exactly (the text annotation offsets refer to)."),
        .positionals = {projectArgument()},
        .options = {document},
        .check = [&](const QCommandLineParser &parser) { return requireOptions(parser, arguments, {&document}); },
    };
    const auto body = [&](Project &project, const QCommandLineParser &parser) {
        QString error;
        const auto summary = findDocument(project, parser.value(document), &error);
        if (!summary)
            return badInput(error);
        writeOut(project.reader().documentText(summary->id));
        return ExitOk;
    };
    return runOnProject(arguments, spec, Access::ReadOnly, body);
}

int runAnnotate(const QStringList &arguments)
{
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
    bool byMatch = false;
    int from = 0, to = 0, nth = 1;
    const CommandSpec spec{
        .description =
            QStringLiteral("Code a span of an article. Prints the new annotation's id once it is saved."),
        .positionals = {projectArgument()},
        .options = {document, code, start, end, match, occurrence, coder, memo, field, link, json},
        .check = [&](const QCommandLineParser &parser) {
            byMatch = parser.isSet(match);
            if (byMatch && (parser.isSet(start) || parser.isSet(end)))
                return usageError(arguments, QStringLiteral("--match excludes --start/--end."));
            QList<const QCommandLineOption *> required = {&document, &code, &coder};
            if (!byMatch)
                required << &start << &end;
            if (const int rc = requireOptions(parser, arguments, required); rc != Proceed)
                return rc;
            bool okStart = byMatch, okEnd = byMatch;
            if (!byMatch) {
                from = parser.value(start).toInt(&okStart);
                to = parser.value(end).toInt(&okEnd);
            }
            if (!okStart || !okEnd)
                return badInput(QStringLiteral("--start and --end must be whole numbers"));
            bool okOccurrence = false;
            nth = parser.value(occurrence).toInt(&okOccurrence);
            if (!okOccurrence || nth < 1)
                return badInput(QStringLiteral("--occurrence must be a whole number from 1"));
            if (parser.value(coder).trimmed().isEmpty())
                return badInput(QStringLiteral("--coder must not be empty"));
            return Proceed;
        },
    };
    const auto body = [&](Project &project, const QCommandLineParser &parser) {
        QString error;
        const auto target = findDocument(project, parser.value(document), &error);
        if (!target)
            return badInput(error);
        const auto codeFound = project.codeByName(parser.value(code));
        if (!codeFound)
            return badInput(QStringLiteral("no code named '%1'").arg(parser.value(code)));
        if (byMatch) {
            const QString needle = parser.value(match);
            const QString text = project.reader().documentText(target->id);
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
        const auto prepared = prepareFieldValues(project, {*codeFound}, parser.values(field), &error);
        if (!prepared)
            return badInput(error);
        QList<QUuid> linkTargets;
        for (const QString &value : parser.values(link)) {
            const QUuid targetId = QUuid::fromString(QString(value).trimmed().remove(u'{').remove(u'}'));
            const std::optional<Annotation> linked =
                targetId.isNull() ? std::nullopt : project.reader().annotation(targetId);
            if (!linked)
                return badInput(QStringLiteral("--link: no annotation with id '%1'").arg(value));
            const bool accepted =
                std::any_of(codeFound->fields.cbegin(), codeFound->fields.cend(), [&](const CodeField &f) {
                    return f.kind == FieldKind::AnnotationLink
                           && (f.linkCodes.isEmpty() || f.linkCodes.contains(linked->codeId));
                });
            if (!accepted) {
                const auto linkedCode = project.code(linked->codeId);
                return badInput(
                    QStringLiteral("--link: a '%1' annotation has no link field that accepts a '%2' annotation")
                        .arg(codeFound->name, linkedCode ? linkedCode->name : QString()));
            }
            linkTargets.append(targetId);
        }
        project.setCoderName(parser.value(coder));
        WriteTransaction tx(ProjectInternals::store(project)); // the annotation with its values and links, or nothing
        const std::optional<QUuid> id = project.addAnnotation(target->id, codeFound->id, from, to, parser.value(memo));
        if (!id)
            return badInput(project.lastError());
        if (!createPreparedActors(project, *prepared))
            return badInput(project.lastError());
        for (const FieldAssignment &a : prepared->assignments) {
            if (!project.setAnnotationValues(*id, a.field.id, a.values))
                return badInput(QStringLiteral("%1: %2").arg(a.field.name, project.lastError()));
        }
        for (const QUuid &targetId : std::as_const(linkTargets)) {
            if (!project.addAnnotationLink(*id, targetId))
                return badInput(QStringLiteral("--link: %1").arg(project.lastError()));
        }
        tx.commit();
        if (parser.isSet(json))
            printJson(QJsonObject{{QStringLiteral("id"), idString(*id)}});
        else
            writeOut(idString(*id) + u'\n');
        return ExitOk;
    };
    return runOnProject(arguments, spec, Access::ReadWrite, body);
}

int runAnnotations(const QStringList &arguments)
{
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
    const CommandSpec spec{
        .description = QStringLiteral("List annotations with their coded text."),
        .positionals = {projectArgument()},
        .options = {document, json, status, coder, as},
        .check = [&](const QCommandLineParser &parser) {
            const QString wanted = parser.value(status);
            if (parser.isSet(status)
                && !QStringList{QStringLiteral("coded"), QStringLiteral("suggested"), QStringLiteral("needs-review")}
                        .contains(wanted))
                return badInput(QStringLiteral("--status must be coded, suggested or needs-review, not '%1'").arg(wanted));
            return Proceed;
        },
    };
    const auto body = [&](Project &project, const QCommandLineParser &parser) {
        const QString wantedStatus = parser.value(status);
        QString error;
        std::optional<DocumentSummary> only;
        if (parser.isSet(document)) {
            only = findDocument(project, parser.value(document), &error);
            if (!only)
                return badInput(error);
        }
        QUuid onlyCoder;
        if (parser.isSet(coder)) {
            const auto c = project.reader().coderByName(parser.value(coder).trimmed());
            if (!c)
                return badInput(QStringLiteral("there is no coder '%1'").arg(parser.value(coder)));
            onlyCoder = c->id;
        }
        const std::optional<Viewer> viewer = viewerFor(project, parser, as, &error); // blind coding
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
                text = project.reader().documentText(a.documentId);
                if (parser.isSet(json))
                    values = project.reader().annotationValuesForDocument(a.documentId);
            }
            const auto c = project.code(a.codeId);
            const QString quoted = text.mid(a.start, a.end - a.start);
            if (parser.isSet(json)) {
                QJsonObject object{{QStringLiteral("id"), idString(a.id)},
                                   {QStringLiteral("document"), idString(a.documentId)},
                                   {QStringLiteral("code"), c ? c->name : QString()},
                                   {QStringLiteral("start"), a.start},
                                   {QStringLiteral("end"), a.end},
                                   {QStringLiteral("text"), quoted},
                                   {QStringLiteral("coder"), project.coderNameFor(a.coderId)},
                                   {QStringLiteral("memo"), a.memo}};
                object.insert(QStringLiteral("code_path"), annotationCodePath(project, a.codeId));
                object.insert(QStringLiteral("fields"), annotationFieldsJson(project, c, values.value(a.id)));
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
                             .arg(project.coderNameFor(a.coderId), quoted.simplified().left(80),
                                  a.needsReview() ? QStringLiteral("  ⚠ ") + a.reviewReason : QString()));
            }
            return true;
        };
        if (only) {
            for (const Annotation &a : project.reader().annotationsForDocument(only->id))
                visit(a);
        } else if (wantedStatus == u"needs-review") {
            for (const Annotation &a : project.reader().flaggedAnnotations()) // indexed: no full scan
                visit(a);
        } else {
            project.reader().forEachAnnotation(visit);
        }
        if (parser.isSet(json))
            array.finish();
        return ExitOk;
    };
    return runOnProject(arguments, spec, Access::ReadOnly, body);
}

} // namespace newscoder::cli
