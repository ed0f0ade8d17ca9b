#include "agreement/FieldAgreement.h"

#include "stats/KrippendorffAlpha.h"
#include "stats/ReliabilityData.h"
#include "storage/ProjectReader.h"

#include <QHash>
#include <QLocale>
#include <QSet>

#include <map>

namespace newscoder {

namespace {

using Owner = StoredValue::Owner;

std::optional<stats::Level> levelOf(const CodeField &field)
{
    if (field.allowsSeveral())
        return std::nullopt;
    return stats::levelFromName(fieldLevel(field.kind));
}

// unit key -> coder index -> value text
using Cells = std::map<QString, QHash<int, QString>>;

AgreementRow alphaRow(const Code &code, const CodeField &field, stats::Level level, const Cells &cells,
                      const QStringList &coderNames)
{
    AgreementRow row;
    row.subject = code.name + QStringLiteral(" › ") + field.name;
    row.codeId = code.id;
    row.measure = QStringLiteral("alpha");
    row.level = stats::levelName(level);
    row.coders = int(coderNames.size());

    stats::ReliabilityData data(coderNames, qsizetype(cells.size()));
    const bool metric = level == stats::Level::Interval || level == stats::Level::Ratio;
    QStringList categories;
    if (!metric) {
        for (const FieldOption &o : field.options)
            categories.append(o.value);
        if (field.kind == FieldKind::Boolean)
            categories = {QStringLiteral("false"), QStringLiteral("true")};
        // Links and undeclared values: nominal categories in order of appearance.
        for (const auto &[unit, values] : cells) {
            for (const QString &v : values) {
                if (!categories.contains(v))
                    categories.append(v);
            }
        }
        data.setCategories(categories);
    }
    qsizetype u = 0;
    for (const auto &[unit, values] : cells) {
        for (auto it = values.cbegin(); it != values.cend(); ++it) {
            if (metric) {
                bool ok = false;
                const double number = QLocale::c().toDouble(it.value(), &ok);
                if (ok)
                    data.setValue(u, it.key(), number);
            } else {
                data.setCategory(u, it.key(), int(categories.indexOf(it.value())));
            }
        }
        ++u;
    }
    row.result = stats::krippendorffAlpha(data, level);
    return row;
}

QString valueText(const FieldValue &v, const QHash<QUuid, QString> &linkTargets)
{
    if (!v.actorId.isNull())
        return v.actorId.toString(QUuid::WithoutBraces);
    if (!v.annotationId.isNull())
        return linkTargets.value(v.annotationId, v.annotationId.toString(QUuid::WithoutBraces));
    return v.text;
}

} // namespace

QList<AgreementRow> computeFieldAgreement(const ProjectReader &store, const QList<Code> &codes,
                                          const QList<Coder> &coders, const QList<QUuid> &documents,
                                          const std::atomic_bool *cancel)
{
    QHash<QUuid, int> coderIndex;
    QStringList coderNames;
    for (const Coder &c : coders) {
        coderIndex.insert(c.id, int(coderNames.size()));
        coderNames.append(c.name);
    }
    const QSet<QUuid> documentFilter(documents.cbegin(), documents.cend());
    const auto wantedDocument = [&](const QUuid &id) { return documentFilter.isEmpty() || documentFilter.contains(id); };

    QList<AgreementRow> rows;
    for (const Code &code : codes) {
        QList<const CodeField *> fields;
        for (const CodeField &f : code.fields) {
            if (levelOf(f))
                fields.append(&f);
        }
        if (fields.isEmpty())
            continue;
        if (cancel && cancel->load())
            return {};
        QList<QUuid> fieldIds;
        for (const CodeField *f : fields)
            fieldIds.append(f->id);
        const QList<StoredValue> stored = store.valuesOfFields(fieldIds);

        std::map<QUuid, Cells> cellsByField; // QUuid has operator<
        if (code.isVariable()) {
            for (const StoredValue &s : stored) {
                if (s.owner != Owner::Document || !wantedDocument(s.ownerId))
                    continue;
                const auto coder = coderIndex.constFind(s.coderId);
                if (coder != coderIndex.cend())
                    cellsByField[s.value.fieldId][s.ownerId.toString()][*coder] = valueText(s.value, {});
            }
        } else {
            // Units: spans marked identically by several coders.
            QHash<QUuid, QString> unitOf;          // annotation -> unit key
            std::map<QString, QSet<int>> codersOfUnit;
            QHash<QUuid, int> coderOfAnnotation;
            for (const Annotation &a : store.annotationsForCode(code.id)) {
                if (a.status == AnnotationStatus::Suggested)
                    continue; // not a coding until a coder accepts it
                const auto coder = coderIndex.constFind(a.coderId);
                if (coder != coderIndex.cend())
                    coderOfAnnotation.insert(a.id, *coder);
                if (coder == coderIndex.cend() || !wantedDocument(a.documentId))
                    continue;
                const QString key = QStringLiteral("%1:%2-%3").arg(a.documentId.toString()).arg(a.start).arg(a.end);
                unitOf.insert(a.id, key);
                codersOfUnit[key].insert(*coder);
            }
            // Link targets compare by their code and span.
            QHash<QUuid, QString> linkTargets;
            for (const StoredValue &s : stored) {
                if (!s.value.annotationId.isNull() && !linkTargets.contains(s.value.annotationId)) {
                    if (const auto t = store.annotation(s.value.annotationId))
                        linkTargets.insert(t->id, QStringLiteral("%1:%2-%3")
                                                      .arg(t->codeId.toString())
                                                      .arg(t->start)
                                                      .arg(t->end));
                }
            }
            for (const StoredValue &s : stored) {
                const auto unit = unitOf.constFind(s.ownerId);
                if (s.owner != Owner::Annotation || unit == unitOf.cend())
                    continue;
                if (codersOfUnit[*unit].size() < 2)
                    continue;
                cellsByField[s.value.fieldId][*unit][coderOfAnnotation.value(s.ownerId)] =
                    valueText(s.value, linkTargets);
            }
        }
        for (const CodeField *f : fields) {
            if (cellsByField[f->id].empty())
                continue; // nobody gave this field a value: nothing to compare
            rows.append(alphaRow(code, *f, *levelOf(*f), cellsByField[f->id], coderNames));
        }
    }
    return rows;
}

} // namespace newscoder
