// Planning a REFI-QDA import, part two: each source (its text, how its
// positions are counted) with its selections, codings and cases.
#include "refi/RefiImportPlanner_p.h"

#include "project/Project.h"
#include "refi/RefiOffsets.h"
#include "storage/StoreError.h"

#include <QFileInfo>

namespace newscoder::refi::planning {

void Planner::applyCases(Document &doc, bool isNew, const QString &sourceGuid)
{
    const QList<const RefiCase *> cases = m_casesBySource.value(guidKey(sourceGuid));
    for (const RefiCase *c : cases) {
        if (!isNew) {
            ++m_plan.alreadyPresent.cases;
            continue;
        }
        ++m_plan.added.cases;
        if (c->description == QLatin1String("Newscoder article")) {
            for (const RefiVariableValue &v : c->values) {
                const QString name = m_variables.value(guidKey(v.variableRef)).name;
                if (name == QLatin1String("Title"))
                    doc.title = v.value;
                else if (name == QLatin1String("Outlet"))
                    doc.outlet = v.value;
                else if (name == QLatin1String("Date"))
                    doc.date = QDate::fromString(v.value.left(10), Qt::ISODate);
                else if (name == QLatin1String("URL"))
                    doc.url = v.value;
                else if (name == QLatin1String("Author"))
                    doc.author = v.value;
                else if (!name.isEmpty())
                    doc.metadata.append({name, v.value});
            }
            continue;
        }
        static const QString codedBy = QStringLiteral("Newscoder article variables coded by: ");
        const QString coder = c->description.startsWith(codedBy) ? c->description.mid(codedBy.size()).trimmed()
                                                                 : m_fallbackCoder;
        for (const RefiVariableValue &v : c->values)
            addVariableValue(doc.id, v, coder.isEmpty() ? m_fallbackCoder : coder);
    }
}

bool Planner::planSource(const RefiSource &s, QString *error)
{
    const QString label = s.name.isEmpty() ? s.guid : s.name;
    if (s.kind != RefiSource::Kind::Text) {
        m_plan.skipped.append({QStringLiteral("%1 source “%2”").arg(sourceKindName(s.kind), label),
                               QStringLiteral("Newscoder codes plain text; %1 sources are not imported")
                                   .arg(sourceKindName(s.kind))});
        return true;
    }
    // The text: inline, the .txt, or the .docx when the .txt is empty.
    QString raw = s.plainTextContent;
    if (!s.hasPlainTextContent && !s.plainTextPath.isEmpty()) {
        QString why;
        const auto bytes = readReferenced(s.plainTextPath, &why);
        if (!bytes) {
            *error = QStringLiteral("The text source “%1” cannot be read: %2.").arg(label, why);
            return false;
        }
        raw = QString::fromUtf8(*bytes);
    }
    if (raw.trimmed().isEmpty() && !s.richTextPath.isEmpty()) {
        QString why;
        const auto bytes = readReferenced(s.richTextPath, &why);
        if (!bytes) {
            *error = QStringLiteral("The text source “%1” has no text and its document cannot be read: %2.")
                         .arg(label, why);
            return false;
        }
        const auto text = docxPlainText(*bytes, &why);
        if (!text) {
            *error = QStringLiteral("The text source “%1”: %2").arg(label, why);
            return false;
        }
        raw = *text;
        m_plan.reconciled.append(QStringLiteral("%1: text read from its .docx").arg(label));
    }
    if (raw.isEmpty() && s.plainTextPath.isEmpty() && !s.hasPlainTextContent) {
        *error = QStringLiteral("The text source “%1” names no text (no plainTextPath or content).").arg(label);
        return false;
    }
    const SourceText text = sourceTextFromString(raw);
    Document doc;
    doc.id = uuidOf(s.guid);
    loadExisting();
    const auto existing = m_existingDocuments.contains(doc.id) ? m_project.reader().document(doc.id)
                                                               : std::optional<Document>();
    const bool isNew = !existing;
    if (existing && existing->text != text.stored) {
        m_plan.skipped.append({QStringLiteral("source “%1”").arg(label),
                               QStringLiteral("an article with its GUID exists with a different text; its selections "
                                              "are not imported")});
        ++m_plan.alreadyPresent.sources;
        return true;
    }
    // How the peer counted positions: the counting under which every
    // selection lies inside the text and most selections cover the
    // text their name quotes.
    const bool preferUtf16 = m_data.origin.contains(QLatin1String("nvivo"), Qt::CaseInsensitive);
    const QList<Counting> candidates = candidateCountings(text, preferUtf16);
    int bestIndex = -1;
    int bestInBounds = -1;
    int bestMatches = -1;
    QList<PositionMap> maps;
    for (const Counting &c : candidates)
        maps.append(PositionMap(text, c));
    for (int i = 0; i < candidates.size(); ++i) {
        int inBounds = 0;
        int matches = 0;
        for (const RefiSelection &sel : s.selections) {
            const int a = maps[i].toStored(sel.start);
            const int b = maps[i].toStored(sel.end);
            if (a < 0 || b < 0 || b < a)
                continue;
            ++inBounds;
            if (nameMatches(text.stored.mid(a, b - a), sel.name))
                ++matches;
        }
        if (inBounds > bestInBounds || (inBounds == bestInBounds && matches > bestMatches)) {
            bestIndex = i;
            bestInBounds = inBounds;
            bestMatches = matches;
        }
    }
    if (bestInBounds < s.selections.size()) {
        for (const RefiSelection &sel : s.selections) {
            if (maps[bestIndex].toStored(sel.start) < 0 || maps[bestIndex].toStored(sel.end) < 0
                || sel.end < sel.start) {
                *error = QStringLiteral("The selection %1 (%2–%3) lies beyond the text of “%4” (%5 characters); "
                                        "refused.")
                             .arg(sel.guid)
                             .arg(sel.start)
                             .arg(sel.end)
                             .arg(label)
                             .arg(maps[bestIndex].length());
                return false;
            }
        }
    }
    const Counting chosen = candidates.value(bestIndex);
    if (candidates.size() > 1 || !s.selections.isEmpty())
        if (candidates.size() > 1 || chosen != Counting{})
            m_plan.reconciled.append(QStringLiteral("%1: positions read as %2; %3 of %4 selections confirmed by "
                                                    "their quoted text")
                                         .arg(label, chosen.describe())
                                         .arg(bestMatches)
                                         .arg(s.selections.size()));
    const PositionMap &map = maps[bestIndex];
    if (isNew) {
        doc.title = s.name.trimmed().isEmpty() ? QStringLiteral("Untitled source") : s.name.trimmed();
        doc.text = text.stored;
        doc.memo = notesText(s.noteRefs);
        doc.importSource = QStringLiteral("REFI-QDA: ") + QFileInfo(m_plan.file).fileName();
        applyCases(doc, true, s.guid);
        for (const RefiVariableValue &v : s.variables)
            addVariableValue(doc.id, v, m_fallbackCoder);
        m_plan.newDocuments.append(doc);
        ++m_plan.added.sources;
    } else {
        applyCases(doc, false, s.guid);
        ++m_plan.alreadyPresent.sources;
    }
    const bool ownOrigin = m_data.origin.startsWith(QLatin1String("Newscoder"));
    for (const RefiSelection &sel : s.selections) {
        const int a = map.toStored(sel.start);
        const int b = map.toStored(sel.end);
        if (sel.codings.isEmpty()) {
            m_plan.skipped.append({QStringLiteral("selection %1 in “%2”").arg(sel.guid, label),
                                   QStringLiteral("it has no coding")});
            continue;
        }
        if (a == b) {
            m_plan.skipped.append({QStringLiteral("selection %1 in “%2”").arg(sel.guid, label),
                                   QStringLiteral("it selects no text")});
            continue;
        }
        QString memo = notesText(sel.noteRefs);
        if (!ownOrigin && !sel.description.trimmed().isEmpty())
            memo = memo.isEmpty() ? sel.description.trimmed() : memo + QStringLiteral("\n\n") + sel.description.trimmed();
        for (int k = 0; k < sel.codings.size(); ++k) {
            const RefiCoding &coding = sel.codings[k];
            ++m_plan.inFile.selections;
            const auto code = m_codeIds.constFind(guidKey(coding.codeRef));
            if (code == m_codeIds.cend()) {
                *error = QStringLiteral("The coding %1 in “%2” refers to the code %3, which is not in the codebook; "
                                        "refused.")
                             .arg(coding.guid, label, coding.codeRef);
                return false;
            }
            Annotation ann;
            ann.id = k == 0 ? uuidOf(sel.guid) : uuidOf(coding.guid);
            if (m_existingAnnotations.contains(ann.id) || m_annotationIds.contains(ann.id)) {
                ++m_plan.alreadyPresent.selections;
                continue;
            }
            m_annotationIds.insert(ann.id);
            ann.documentId = doc.id;
            ann.codeId = *code;
            ann.start = a;
            ann.end = b;
            ann.created = coding.created.isValid() ? coding.created
                          : sel.created.isValid()  ? sel.created
                                                   : QDateTime::currentDateTimeUtc();
            ann.modified = sel.modified.isValid() ? sel.modified : ann.created;
            const QString codingNotes = notesText(coding.noteRefs);
            ann.memo = codingNotes.isEmpty() ? memo
                       : memo.isEmpty()      ? codingNotes
                                             : memo + QStringLiteral("\n\n") + codingNotes;
            QString user = m_users.value(guidKey(coding.creatingUser));
            if (user.isEmpty())
                user = m_users.value(guidKey(sel.creatingUser));
            if (user.isEmpty())
                user = m_users.value(guidKey(s.creatingUser));
            if (user.isEmpty())
                user = m_fallbackCoder;
            m_plan.annotations.append({ann, user});
            ++m_plan.added.selections;
        }
    }
    return true;
}

// The ids already in the project, read once (no query per selection).
void Planner::loadExisting()
{
    if (m_existingLoaded)
        return;
    m_existingLoaded = true;
    for (const DocumentSummary &d : m_project.reader().documentSummaries())
        m_existingDocuments.insert(d.id);
    if (m_project.reader().annotationCount() > 0) {
        m_project.reader().forEachAnnotation([this](const Annotation &a) {
            m_existingAnnotations.insert(a.id);
            return true;
        });
    }
}

} // namespace newscoder::refi::planning
