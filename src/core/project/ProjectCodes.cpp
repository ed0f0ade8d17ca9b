// The codebook's codes: add, update and remove a code (with its sub-codes,
// annotations and values), and the apply methods their commands call.
#include "project/Project.h"

#include "commands/CodeCommands.h"
#include "storage/ProjectStore.h"
#include "storage/StoreError.h"

#include <QSet>

#include <algorithm>

namespace newscoder {

QString Project::shortcutOwner(const QString &shortcut, const QUuid &except) const
{
    if (shortcut.isEmpty())
        return {};
    for (const Code &other : m_codes) {
        if (other.id != except && other.shortcut == shortcut)
            return other.name;
    }
    return {};
}

std::optional<QUuid> Project::addCode(Code code)
{
    if (code.name.trimmed().isEmpty()) {
        reportFailure(QStringLiteral("A code needs a name."));
        return std::nullopt;
    }
    if (const QString clash = shortcutOwner(code.shortcut, code.id); !clash.isEmpty()) {
        reportFailure(QStringLiteral("The shortcut %1 is already used by “%2”.").arg(code.shortcut, clash));
        return std::nullopt;
    }
    if (code.id.isNull())
        code.id = QUuid::createUuid();
    for (qsizetype i = 0; i < code.fields.size(); ++i) {
        CodeField &f = code.fields[i];
        if (f.id.isNull())
            f.id = QUuid::createUuid();
        f.codeId = code.id;
        f.position = int(i);
    }
    if (!code.color.isValid())
        code.color = QColor(0x88, 0x88, 0x88);
    if (code.position == 0) { // after its siblings (positions only order siblings)
        for (const Code &other : m_codes)
            code.position = std::max(code.position, other.position + 1);
    }
    using D = CodePresenceCommand::Direction;
    if (!push(new CodePresenceCommand(*this, D::Add, {code}, {})))
        return std::nullopt;
    return code.id;
}

bool Project::updateCode(const Code &updated)
{
    const auto before = code(updated.id);
    if (!before) {
        reportFailure(QStringLiteral("The code no longer exists."));
        return false;
    }
    if (updated.name.trimmed().isEmpty()) {
        reportFailure(QStringLiteral("A code needs a name."));
        return false;
    }
    if (const QString clash = shortcutOwner(updated.shortcut, updated.id); !clash.isEmpty()) {
        reportFailure(QStringLiteral("The shortcut %1 is already used by “%2”.").arg(updated.shortcut, clash));
        return false;
    }
    Code after = updated;
    QList<QUuid> dropped;
    for (qsizetype i = 0; i < after.fields.size(); ++i) {
        CodeField &f = after.fields[i];
        if (f.id.isNull())
            f.id = QUuid::createUuid();
        f.codeId = after.id;
        f.position = int(i);
        if (f.name.trimmed().isEmpty()) {
            reportFailure(QStringLiteral("Every field of “%1” needs a name.").arg(after.name));
            return false;
        }
    }
    for (const CodeField &f : before->fields) {
        if (!after.field(f.id))
            dropped.append(f.id);
    }
    QList<StoredValue> droppedValues;
    try {
        // Stored values must keep fitting their field: no kind or unit change under them,
        // no removed option that is in use.
        QList<QUuid> beforeFields;
        for (const CodeField &f : before->fields)
            beforeFields.append(f.id);
        if (after.unit != before->unit
            && (m_store->annotationCountsByCode().value(after.id) > 0
                || !m_store->valuesOfFields(beforeFields).isEmpty())) {
            reportFailure(QStringLiteral("“%1” is in use: its unit cannot change. Create a new code instead.")
                              .arg(after.name));
            return false;
        }
        for (const CodeField &f : after.fields) {
            const CodeField *old = before->field(f.id);
            if (!old)
                continue;
            const QList<StoredValue> inUse = m_store->valuesOfFields({f.id});
            if (inUse.isEmpty())
                continue;
            if (old->kind != f.kind) {
                reportFailure(QStringLiteral("The field “%1” holds values: its kind cannot change. Add a new field "
                                             "instead.")
                                  .arg(old->name));
                return false;
            }
            if (f.kind == FieldKind::SingleChoice || f.kind == FieldKind::MultipleChoice
                || f.kind == FieldKind::Ordinal) {
                for (const StoredValue &v : inUse) {
                    const bool known = std::any_of(f.options.cbegin(), f.options.cend(),
                                                   [&](const FieldOption &o) { return o.value == v.value.text; });
                    if (!known) {
                        reportFailure(QStringLiteral("The value “%1” of “%2” is in use: keep that option.")
                                          .arg(v.value.text, f.name));
                        return false;
                    }
                }
            }
        }
        droppedValues = m_store->valuesOfFields(dropped);
    } catch (const StoreError &e) {
        reportFailure(e.message());
        return false;
    }
    return push(new UpdateCodeCommand(*this, *before, after, droppedValues));
}

bool Project::removeCode(const QUuid &codeId)
{
    // The code and its descendants, parents first.
    QList<Code> subtree;
    if (auto root = code(codeId))
        subtree.append(*root);
    else
        return true;
    for (qsizetype i = 0; i < subtree.size(); ++i) {
        for (const Code &c : m_codes) {
            if (c.parentId == subtree[i].id)
                subtree.append(c);
        }
    }
    QList<Annotation> annotations;
    QList<StoredValue> values;
    try {
        QList<QUuid> fieldIds;
        for (const Code &c : subtree) {
            annotations.append(m_store->annotationsForCode(c.id));
            for (const CodeField &f : c.fields)
                fieldIds.append(f.id);
        }
        QList<QUuid> annotationIds;
        for (const Annotation &a : annotations)
            annotationIds.append(a.id);
        values = m_store->valuesTouchingAnnotations(annotationIds) + m_store->valuesOfFields(fieldIds);
    } catch (const StoreError &e) {
        reportFailure(e.message());
        return false;
    }
    // A value can be both an annotation's and a field's: keep one copy.
    QList<StoredValue> unique;
    QSet<QString> seen;
    for (const StoredValue &v : values) {
        const QString key = QStringLiteral("%1/%2/%3/%4/%5")
                                .arg(int(v.owner))
                                .arg(v.ownerId.toString(), v.coderId.toString(), v.value.fieldId.toString())
                                .arg(v.position);
        if (!seen.contains(key)) {
            seen.insert(key);
            unique.append(v);
        }
    }
    using D = CodePresenceCommand::Direction;
    return push(new CodePresenceCommand(*this, D::Remove, subtree, annotations, unique));
}

bool Project::applyInsertCodes(const QList<Code> &codes, const QList<Annotation> &annotations,
                               const QList<StoredValue> &values)
{
    if (!writeAtomically([&] {
            for (const Code &c : codes)
                m_store->insertCode(c);
            for (const Annotation &a : annotations)
                m_store->insertAnnotation(a);
            m_store->insertStoredValues(values);
        }))
        return false;
    reloadCodes();
    Q_EMIT codesChanged();
    if (!annotations.isEmpty())
        Q_EMIT annotationsInserted(annotations);
    emitValuesChanged(values);
    return true;
}

bool Project::applyRemoveCodes(const QList<Code> &codes)
{
    QList<Annotation> removed;
    QList<StoredValue> touched;
    try {
        QList<QUuid> fieldIds;
        for (const Code &c : codes) {
            removed.append(m_store->annotationsForCode(c.id));
            for (const CodeField &f : c.fields)
                fieldIds.append(f.id);
        }
        QList<QUuid> annotationIds;
        for (const Annotation &a : removed)
            annotationIds.append(a.id);
        touched = m_store->valuesTouchingAnnotations(annotationIds) + m_store->valuesOfFields(fieldIds);
        WriteTransaction tx(*m_store);
        for (auto it = codes.crbegin(); it != codes.crend(); ++it)
            m_store->deleteCode(it->id); // annotations cascade
        tx.commit();
    } catch (const StoreError &e) {
        reportFailure(e.message());
        return false;
    }
    if (!removed.isEmpty())
        Q_EMIT annotationsRemoved(removed);
    reloadCodes();
    Q_EMIT codesChanged();
    emitValuesChanged(touched);
    return true;
}

bool Project::applyUpdateCode(const Code &code, const QList<StoredValue> &restoredValues)
{
    QList<StoredValue> dropped;
    if (!writeAtomically([&] {
            m_store->updateCode(code);
            for (const CodeField &f : code.fields)
                m_store->writeField(code.id, f);
            QList<QUuid> droppedIds;
            for (const CodeField &f : m_store->fieldsByCode(code.id).value(code.id)) {
                if (!code.field(f.id))
                    droppedIds.append(f.id);
            }
            dropped = m_store->valuesOfFields(droppedIds);
            for (const QUuid &id : droppedIds)
                m_store->deleteField(id); // values cascade
            m_store->insertStoredValues(restoredValues);
        }))
        return false;
    reloadCodes();
    Q_EMIT codesChanged();
    emitValuesChanged(dropped + restoredValues);
    return true;
}

} // namespace newscoder
