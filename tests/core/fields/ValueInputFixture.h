// A project with one field of every kind, two registry actors and three
// annotations to link to, and the table of typed inputs that
// tst_valueinput (the rules) and tst_valueinputpaths (the window's and the
// CLI's paths agree) both run.
#pragma once

#include "model/Code.h"
#include "project/Project.h"

#include <QColor>
#include <QList>
#include <QStringList>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace newscoder::test {

// One typed input and what it gives: `values` rendered as valueText() does,
// or an `error` containing the given words, or (unknown actors) the values
// with `newActors` proposed.
struct TypedInput
{
    const char *tag;
    const char *field;
    QString text;
    QStringList values;
    QString error;         // "": no error
    QStringList newActors; // names of actors the text names that the registry does not have
};

class ValueInputFixture
{
public:
    std::unique_ptr<QTemporaryDir> dir = std::make_unique<QTemporaryDir>();
    std::unique_ptr<Project> project;
    QUuid quoteA, quoteB, claim; // annotations to link to
    QString quoteAId, claimId;

    bool open()
    {
        Code quote;
        quote.id = QUuid::createUuid();
        quote.name = QStringLiteral("Quote");
        quote.color = QColor(Qt::blue);
        Code claimCode;
        claimCode.id = QUuid::createUuid();
        claimCode.name = QStringLiteral("Claim");
        claimCode.color = QColor(Qt::red);
        claimCode.position = 1;
        const auto field = [&](const char *name, FieldKind kind, QList<FieldOption> options = {}, bool multiple = false) {
            CodeField f;
            f.id = QUuid::createUuid();
            f.codeId = quote.id;
            f.name = QString::fromLatin1(name);
            f.kind = kind;
            f.options = std::move(options);
            f.multiple = multiple;
            f.position = int(quote.fields.size());
            quote.fields.append(f);
        };
        field("Topic", FieldKind::Text);
        field("Count", FieldKind::Number);
        field("Direct", FieldKind::Boolean);
        field("Published", FieldKind::Date);
        field("Type", FieldKind::SingleChoice,
              {{QStringLiteral("direct"), QStringLiteral("Direct quote")},
               {QStringLiteral("partial"), QStringLiteral("Partial")},
               {QStringLiteral("indirect"), QString()}});
        field("Tags", FieldKind::MultipleChoice,
              {{QStringLiteral("port"), QStringLiteral("Harbour")}, {QStringLiteral("tram"), QString()}});
        field("Tone", FieldKind::Ordinal,
              {{QStringLiteral("-1"), QStringLiteral("against")},
               {QStringLiteral("0"), QStringLiteral("0 neutral")},
               {QStringLiteral("1"), QStringLiteral("for")}});
        field("Speaker", FieldKind::ActorLink);
        field("Sources", FieldKind::ActorLink, {}, true);
        field("Reply to", FieldKind::AnnotationLink);
        quote.fields.last().linkCodes = {quote.id};
        field("About", FieldKind::AnnotationLink, {}, true);
        project = Project::create(dir->filePath(QStringLiteral("values.newscoder")), {quote, claimCode});
        if (!project)
            return false;
        project->setCoderName(QStringLiteral("ana"));
        Actor reyes;
        reyes.name = QStringLiteral("Ana Reyes");
        reyes.aliases = {QStringLiteral("Minister Reyes")};
        Actor berg;
        berg.name = QStringLiteral("Tom Berg");
        if (!project->addActor(reyes) || !project->addActor(berg))
            return false;
        Document d;
        d.title = QStringLiteral("Port");
        d.text = QStringLiteral("Ana Reyes said the port stays closed. Tom Berg disagreed.");
        const QList<QUuid> docs = project->importDocuments({d});
        if (docs.size() != 1)
            return false;
        quoteA = project->addAnnotation(docs[0], quote.id, 0, 9).value_or(QUuid());
        quoteB = project->addAnnotation(docs[0], quote.id, 38, 45).value_or(QUuid());
        claim = project->addAnnotation(docs[0], claimCode.id, 15, 36).value_or(QUuid());
        quoteAId = quoteA.toString(QUuid::WithoutBraces);
        claimId = claim.toString(QUuid::WithoutBraces);
        return !quoteA.isNull() && !quoteB.isNull() && !claim.isNull();
    }

    CodeField field(const char *name) const
    {
        const auto quote = project->codeByName(QStringLiteral("Quote"));
        const CodeField *f = quote ? quote->fieldByName(QString::fromLatin1(name)) : nullptr;
        return f ? *f : CodeField{};
    }

    // Values as the table writes them: the stored text, "actor:NAME" (a new
    // actor's name from `newActors`), "annotation:quoteA|quoteB|claim".
    QStringList valueText(const QList<FieldValue> &values, const QList<Actor> &newActors) const
    {
        QStringList out;
        for (const FieldValue &v : values) {
            if (!v.actorId.isNull()) {
                QString name = project->actor(v.actorId).value_or(Actor{}).name;
                for (const Actor &a : newActors) {
                    if (a.id == v.actorId)
                        name = a.name;
                }
                out.append(QStringLiteral("actor:") + name);
            } else if (!v.annotationId.isNull()) {
                out.append(QStringLiteral("annotation:")
                           + (v.annotationId == quoteA   ? QStringLiteral("quoteA")
                              : v.annotationId == quoteB ? QStringLiteral("quoteB")
                              : v.annotationId == claim  ? QStringLiteral("claim")
                                                         : QStringLiteral("?")));
            } else {
                out.append(v.text);
            }
        }
        return out;
    }

    // The table's rows as test data: a column "row", the index into inputs().
    void addInputRows() const
    {
        QTest::addColumn<int>("row");
        const QList<TypedInput> all = inputs();
        for (int i = 0; i < all.size(); ++i)
            QTest::newRow(all[i].tag) << i;
    }

    // Every kind, every error: the one input table.
    QList<TypedInput> inputs() const
    {
        const QStringList none;
        return {
            {"blank clears", "Topic", QStringLiteral("   "), none, {}, {}},
            {"text trimmed", "Topic", QStringLiteral("  port, tram  "), {QStringLiteral("port, tram")}, {}, {}},
            {"number", "Count", QStringLiteral("12.5"), {QStringLiteral("12.5")}, {}, {}},
            {"negative number", "Count", QStringLiteral(" -3 "), {QStringLiteral("-3")}, {}, {}},
            {"number with comma", "Count", QStringLiteral("12,5"), none, QStringLiteral("“12,5” is not a number"), {}},
            {"not a number", "Count", QStringLiteral("twelve"), none, QStringLiteral("“twelve” is not a number (field “Count”)"), {}},
            {"yes", "Direct", QStringLiteral("Yes"), {QStringLiteral("true")}, {}, {}},
            {"no as 0", "Direct", QStringLiteral("0"), {QStringLiteral("false")}, {}, {}},
            {"TRUE", "Direct", QStringLiteral("TRUE"), {QStringLiteral("true")}, {}, {}},
            {"not yes or no", "Direct", QStringLiteral("maybe"), none, QStringLiteral("“maybe” is not yes or no (field “Direct”)"), {}},
            {"date", "Published", QStringLiteral("2024-03-14"), {QStringLiteral("2024-03-14")}, {}, {}},
            {"impossible date", "Published", QStringLiteral("2024-02-30"), none, QStringLiteral("is not a date as YYYY-MM-DD"), {}},
            {"date in another format", "Published", QStringLiteral("14.03.2024"), none, QStringLiteral("“14.03.2024” is not a date"), {}},
            {"choice by value", "Type", QStringLiteral("partial"), {QStringLiteral("partial")}, {}, {}},
            {"choice by label", "Type", QStringLiteral("direct QUOTE"), {QStringLiteral("direct")}, {}, {}},
            {"choice without label", "Type", QStringLiteral("indirect"), {QStringLiteral("indirect")}, {}, {}},
            {"not a choice", "Type", QStringLiteral("paraphrase"), none,
             QStringLiteral("“paraphrase” is not one of the values of “Type” (one of: direct = Direct quote, partial = "
                            "Partial, indirect)."),
             {}},
            {"value in another case", "Type", QStringLiteral("PARTIAL"), {QStringLiteral("partial")}, {}, {}},
            {"several choices", "Tags", QStringLiteral("harbour, tram"), {QStringLiteral("port"), QStringLiteral("tram")}, {}, {}},
            {"one choice too many commas", "Tags", QStringLiteral(",tram,,"), {QStringLiteral("tram")}, {}, {}},
            {"one bad choice of several", "Tags", QStringLiteral("port, bus"), none, QStringLiteral("“bus” is not one of the values of “Tags”"), {}},
            {"scale point", "Tone", QStringLiteral("-1"), {QStringLiteral("-1")}, {}, {}},
            {"scale point by label", "Tone", QStringLiteral("For"), {QStringLiteral("1")}, {}, {}},
            {"off the scale", "Tone", QStringLiteral("2"), none, QStringLiteral("one of: -1 = against, 0 = 0 neutral, 1 = for"), {}},
            {"actor by name", "Speaker", QStringLiteral("ana reyes"), {QStringLiteral("actor:Ana Reyes")}, {}, {}},
            {"actor by alias", "Speaker", QStringLiteral("Minister Reyes"), {QStringLiteral("actor:Ana Reyes")}, {}, {}},
            {"actor named in more words", "Speaker", QStringLiteral("Finance minister Tom Berg"), {QStringLiteral("actor:Tom Berg")}, {}, {}},
            {"unknown actor", "Speaker", QStringLiteral("Lena Holm"), {QStringLiteral("actor:Lena Holm")}, {}, {QStringLiteral("Lena Holm")}},
            {"one actor, comma in the name", "Speaker", QStringLiteral("Holm, Lena"), {QStringLiteral("actor:Holm, Lena")}, {}, {QStringLiteral("Holm, Lena")}},
            {"several actors", "Sources", QStringLiteral("Tom Berg, Lena Holm, lena holm"),
             {QStringLiteral("actor:Tom Berg"), QStringLiteral("actor:Lena Holm"), QStringLiteral("actor:Lena Holm")}, {},
             {QStringLiteral("Lena Holm")}},
            {"annotation link", "Reply to", QStringLiteral("{") + quoteAId + QStringLiteral("}"), {QStringLiteral("annotation:quoteA")}, {}, {}},
            {"link to a code the field does not take", "Reply to", claimId, none,
             QStringLiteral("“Reply to” cannot link to a “Claim” annotation"), {}},
            {"link to no annotation", "Reply to", QUuid::createUuid().toString(), none, QStringLiteral("is not the id of an annotation (field “Reply to”)"), {}},
            {"link that is no id", "Reply to", QStringLiteral("quote A"), none, QStringLiteral("“quote A” is not the id of an annotation"), {}},
            {"several links", "About", quoteAId + QStringLiteral(", ") + claimId,
             {QStringLiteral("annotation:quoteA"), QStringLiteral("annotation:claim")}, {}, {}},
        };
    }
};

} // namespace newscoder::test
