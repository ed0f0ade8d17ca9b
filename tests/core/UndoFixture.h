// A coded project for whole-state undo tests: every table holds rows (coders,
// annotations with field values and links, actors, outlets with values,
// article variables, a suggestion, metadata), and the checks that compare
// the whole file (ProjectSnapshot) and the project's caches with the file.
#pragma once

#include "CoreTestSupport.h"
#include "ProjectSnapshot.h"
#include "text/AnchorShift.h"

#include <QTest>

namespace newscoder::test {

struct CodedFixture : ProjectFixture
{
    explicit CodedFixture(const QString &folder) : ProjectFixture(folder)
    {
        Project &p = *project;
        const Code quoteCode = *p.codeByName(QStringLiteral("Quote"));
        const Code speakerCode = *p.codeByName(QStringLiteral("Speaker"));
        const Code claimCode = *p.codeByName(QStringLiteral("Claim"));
        const Code articleCode = *p.codeByName(QStringLiteral("Article"));
        const Code outletCode = *p.codeByName(QStringLiteral("Outlet"));
        Actor reyes;
        reyes.name = QStringLiteral("Ana Reyes");
        reyes.aliases = {QStringLiteral("Reyes")};
        reyes.role = QStringLiteral("Minister");
        actor = p.addActor(reyes).value_or(QUuid());
        Actor port;
        port.name = QStringLiteral("Port Authority");
        otherActor = p.addActor(port).value_or(QUuid());
        speaker = p.addAnnotation(plainDoc, speakerCode.id, 9, 18, QStringLiteral("the minister")).value_or(QUuid());
        quote = p.addAnnotation(plainDoc, quoteCode.id, 26, 53).value_or(QUuid());
        claim = p.addAnnotation(plainDoc, claimCode.id, 55, 78).value_or(QUuid());
        festival = p.addAnnotation(nonBmpDoc, quoteCode.id, 10, 12).value_or(QUuid());
        const QUuid actorField = speakerCode.fieldByName(QStringLiteral("Actor"))->id;
        p.setAnnotationValues(speaker, actorField, {{actorField, {}, {}, actor}});
        p.setAnnotationValue(quote, quoteCode.fieldByName(QStringLiteral("Type"))->id, QStringLiteral("direct"));
        p.addAnnotationLink(quote, speaker);
        p.setAnnotationValue(claim, claimCode.fieldByName(QStringLiteral("Stance"))->id, QStringLiteral("-2"));
        p.setAnnotationValue(claim, claimCode.fieldByName(QStringLiteral("Topic"))->id, QStringLiteral("port"));
        p.addAnnotationLink(claim, quote);
        const QUuid slant = articleCode.fieldByName(QStringLiteral("Slant"))->id;
        p.setDocumentValues(plainDoc, slant, {{slant, QStringLiteral("-1"), {}, {}}});
        const QUuid mainActor = articleCode.fieldByName(QStringLiteral("Main actor"))->id;
        p.setDocumentValues(plainDoc, mainActor, {{mainActor, {}, {}, actor}});
        outlet = p.reader().document(plainDoc)->outletId;
        const QUuid ownership = outletCode.fieldByName(QStringLiteral("Ownership"))->id;
        p.setOutletValues(outlet, ownership, {{ownership, QStringLiteral("private"), {}, {}}});
        // A second coder with an annotation and a variable of their own.
        p.setCoderName(QStringLiteral("Ben Second"));
        p.addAnnotation(plainDoc, quoteCode.id, 26, 53);
        p.setDocumentValues(plainDoc, slant, {{slant, QStringLiteral("0"), {}, {}}});
        suggestion = p.addSuggestions({{nonBmpDoc, speakerCode.id, 50, 59}}).value_or(QList<QUuid>()).value(0);
        p.setCoderName(QStringLiteral("Alex Example"));
        p.setDocumentMemo(nonBmpDoc, QStringLiteral("check the date"));
        p.undoStack()->clear();
    }

    QUuid actor, otherActor, speaker, quote, claim, festival, outlet, suggestion;
};

// The project's caches (codes with fields, actors, outlets) against the file.
inline QString cacheDiff(const Project &project)
{
    const auto store = reader(project.path());
    if (const QString d = codeListDiff(project.codes(), store->codes()); !d.isEmpty())
        return QStringLiteral("codes: ") + d;
    const auto byId = [](auto list) {
        std::sort(list.begin(), list.end(), [](const auto &a, const auto &b) { return a.id < b.id; });
        return list;
    };
    if (byId(project.actors()) != byId(store->actors()))
        return QStringLiteral("actors cache differs from the file");
    if (byId(project.outlets()) != byId(store->outlets()))
        return QStringLiteral("outlets cache differs from the file");
    return {};
}

} // namespace newscoder::test
