// Restructuring the codebook: move, merge, split and import. Each mutator
// works out every row the step changes (and how to change it back) and
// pushes one CodebookChangeCommand.
#include "project/Project.h"

#include "commands/CodebookCommands.h"
#include "storage/ProjectStore.h"
#include "storage/StoreError.h"

#include <QHash>
#include <QSet>

#include <algorithm>

namespace newscoder {

namespace {

// Who owns a value of which field: values with the same key share positions.
struct ValueKey
{
    StoredValue::Owner owner;
    QUuid ownerId;
    QUuid coderId;
    QUuid fieldId;
    friend bool operator==(const ValueKey &, const ValueKey &) = default;
    friend size_t qHash(const ValueKey &key, size_t seed = 0)
    {
        return qHashMulti(seed, int(key.owner), key.ownerId, key.coderId, key.fieldId);
    }
};

ValueKey keyOf(const StoredValue &v)
{
    return {v.owner, v.ownerId, v.coderId, v.value.fieldId};
}

// The children of `parentId` in sibling order (codes are in tree order).
QList<Code> childrenOf(const QList<Code> &codes, const QUuid &parentId)
{
    QList<Code> result;
    for (const Code &c : codes) {
        if (c.parentId == parentId)
            result.append(c);
    }
    return result;
}

int nextChildPosition(const QList<Code> &codes, const QUuid &parentId)
{
    int next = 0;
    for (const Code &c : codes) {
        if (c.parentId == parentId)
            next = std::max(next, c.position + 1);
    }
    return next;
}

// Replaces `from` by `to` in the allowed link targets of `fields`; true when one changed.
bool redirectLinks(QList<CodeField> &fields, const QUuid &from, const QUuid &to)
{
    bool changed = false;
    for (CodeField &f : fields) {
        if (!f.linkCodes.contains(from))
            continue;
        changed = true;
        f.linkCodes.removeAll(from);
        if (!f.linkCodes.contains(to))
            f.linkCodes.append(to);
    }
    return changed;
}

} // namespace

// ------------------------------------------------------------------- move

bool Project::moveCode(const QUuid &codeId, const QUuid &newParentId, int row)
{
    const auto moving = code(codeId);
    if (!moving) {
        reportFailure(QStringLiteral("The code no longer exists."));
        return false;
    }
    if (!newParentId.isNull()) {
        if (!code(newParentId)) {
            reportFailure(QStringLiteral("The new parent code no longer exists."));
            return false;
        }
        if (newParentId == codeId || codeDescendants(m_codes, codeId).contains(newParentId)) {
            reportFailure(QStringLiteral("“%1” cannot be moved under itself or one of its sub-codes.").arg(moving->name));
            return false;
        }
    }
    QList<Code> siblings = childrenOf(m_codes, newParentId);
    siblings.removeIf([&](const Code &c) { return c.id == codeId; });
    const qsizetype at = (row < 0 || row > siblings.size()) ? siblings.size() : row;
    Code moved = *moving;
    moved.parentId = newParentId;
    siblings.insert(at, moved);

    CodebookChange redo;
    CodebookChange undo;
    const auto renumber = [&](QList<Code> list) {
        for (qsizetype i = 0; i < list.size(); ++i) {
            Code after = list[i];
            after.position = int(i);
            const auto before = code(after.id);
            if (before && (before->position != after.position || before->parentId != after.parentId)) {
                redo.updateCodes.append(after);
                undo.updateCodes.append(*before);
            }
        }
    };
    renumber(siblings);
    if (moving->parentId != newParentId) {
        QList<Code> oldSiblings = childrenOf(m_codes, moving->parentId);
        oldSiblings.removeIf([&](const Code &c) { return c.id == codeId; });
        renumber(oldSiblings);
    }
    if (redo.updateCodes.isEmpty())
        return true; // already there
    return push(new CodebookChangeCommand(*this, QStringLiteral("Move code “%1”").arg(moving->name),
                                          std::move(redo), std::move(undo)));
}

// ------------------------------------------------------------------ merge

bool Project::mergeCodes(const QUuid &keptId, const QUuid &absorbedId)
{
    const auto kept = code(keptId);
    const auto absorbed = code(absorbedId);
    if (!kept || !absorbed) {
        reportFailure(QStringLiteral("The code no longer exists."));
        return false;
    }
    if (keptId == absorbedId) {
        reportFailure(QStringLiteral("A code cannot be merged into itself."));
        return false;
    }
    if (kept->unit != absorbed->unit) {
        reportFailure(QStringLiteral("“%1” (%2) and “%3” (%4) apply to different units and cannot be merged.")
                          .arg(absorbed->name, codeUnitName(absorbed->unit), kept->name, codeUnitName(kept->unit)));
        return false;
    }
    if (codeDescendants(m_codes, absorbedId).contains(keptId)) {
        reportFailure(QStringLiteral("“%1” cannot be merged into its own sub-code “%2”.").arg(absorbed->name, kept->name));
        return false;
    }

    CodebookChange redo;
    CodebookChange undo;
    Code keptAfter = *kept;
    QHash<QUuid, QUuid> repointed; // absorbed field -> kept field
    for (const CodeField &f : absorbed->fields) {
        const CodeField *match = keptAfter.fieldByName(f.name);
        if (match && match->kind == f.kind) {
            repointed.insert(f.id, match->id);
            const qsizetype index = match - keptAfter.fields.constData();
            CodeField &target = keptAfter.fields[index];
            for (const FieldOption &o : f.options) {
                if (std::none_of(target.options.cbegin(), target.options.cend(),
                                 [&](const FieldOption &mine) { return mine.value == o.value; }))
                    target.options.append(o);
            }
            if (!target.linkCodes.isEmpty()) { // empty allows any code
                if (f.linkCodes.isEmpty())
                    target.linkCodes.clear();
                for (const QUuid &id : f.linkCodes) {
                    if (!target.linkCodes.contains(id))
                        target.linkCodes.append(id);
                }
            }
            target.multiple = target.multiple || f.multiple;
            continue;
        }
        CodeField moved = f;
        moved.codeId = keptId;
        QString name = f.name;
        for (int n = 1; keptAfter.fieldByName(name); ++n)
            name = n == 1 ? QStringLiteral("%1 (%2)").arg(f.name, absorbed->name)
                          : QStringLiteral("%1 (%2 %3)").arg(f.name, absorbed->name).arg(n);
        moved.name = name;
        keptAfter.fields.append(moved);
    }
    for (qsizetype i = 0; i < keptAfter.fields.size(); ++i)
        keptAfter.fields[i].position = int(i);
    redirectLinks(keptAfter.fields, absorbedId, keptId);
    redo.updateCodes.append(keptAfter);
    undo.updateCodes.append(*kept);

    // Sub-codes follow, after the kept code's own; links elsewhere are redirected.
    int nextPosition = nextChildPosition(m_codes, keptId);
    for (const Code &c : m_codes) {
        if (c.id == keptId || c.id == absorbedId)
            continue;
        Code after = c;
        bool changed = redirectLinks(after.fields, absorbedId, keptId);
        if (c.parentId == absorbedId) {
            after.parentId = keptId;
            after.position = nextPosition++;
            changed = true;
        }
        if (changed) {
            redo.updateCodes.append(after);
            undo.updateCodes.append(c);
        }
    }

    try {
        for (const Annotation &a : m_store->annotationsForCode(absorbedId)) {
            Annotation after = a;
            after.codeId = keptId;
            redo.updateAnnotations.append(after);
            undo.updateAnnotations.append(a);
        }
        // Values of matched fields move to the kept field. An owner (article
        // and coder, outlet) that has a value in both codes keeps the kept
        // code's value in a field that holds one value (the absorbed code's
        // is removed; undoing the merge brings it back), and gets the moved
        // values after its own in a field that holds several.
        const QList<StoredValue> moving = m_store->valuesOfFields(repointed.keys());
        QHash<ValueKey, int> nextFree;
        for (const StoredValue &v : m_store->valuesOfFields(QList<QUuid>(repointed.cbegin(), repointed.cend()))) {
            int &next = nextFree[keyOf(v)];
            next = std::max(next, v.position + 1);
        }
        for (const StoredValue &v : moving) {
            StoredValue after = v;
            after.value.fieldId = repointed.value(v.value.fieldId);
            redo.removeValues.append(v);
            const CodeField *field = keptAfter.field(after.value.fieldId);
            if (field && !field->allowsSeveral() && nextFree.contains(keyOf(after)))
                continue; // the kept code's value stays the owner's one value
            after.position = nextFree.value(keyOf(after)) + v.position;
            redo.insertValues.append(after);
        }
    } catch (const StoreError &e) {
        reportFailure(e.message());
        return false;
    }
    undo.removeValues = redo.insertValues;
    undo.insertValues = redo.removeValues;
    redo.removeCodes.append(absorbedId);
    undo.insertCodes.append(*absorbed);
    return push(new CodebookChangeCommand(*this, QStringLiteral("Merge “%1” into “%2”").arg(absorbed->name, kept->name),
                                          std::move(redo), std::move(undo)));
}

// ------------------------------------------------------------------ split

std::optional<QUuid> Project::splitCode(const QUuid &codeId, const QList<QUuid> &annotationIds,
                                        const QString &newCodeName)
{
    const auto source = code(codeId);
    if (!source) {
        reportFailure(QStringLiteral("The code no longer exists."));
        return std::nullopt;
    }
    const QString name = newCodeName.trimmed();
    if (name.isEmpty()) {
        reportFailure(QStringLiteral("A code needs a name."));
        return std::nullopt;
    }
    if (annotationIds.isEmpty()) {
        reportFailure(QStringLiteral("Choose the annotations that go to “%1”.").arg(name));
        return std::nullopt;
    }
    CodebookChange redo;
    CodebookChange undo;

    Code created;
    created.id = QUuid::createUuid();
    created.parentId = source->parentId;
    created.name = name;
    created.color = source->color;
    created.unit = source->unit;
    created.memo = QStringLiteral("Split from “%1”.").arg(source->name);
    created.position = source->position + 1;
    QHash<QUuid, QUuid> fieldCopies;
    for (const CodeField &f : source->fields) {
        CodeField copy = f;
        copy.id = QUuid::createUuid();
        copy.codeId = created.id;
        fieldCopies.insert(f.id, copy.id);
        created.fields.append(copy);
    }
    redo.insertCodes.append(created);
    undo.removeCodes.append(created.id);
    for (const Code &sibling : childrenOf(m_codes, source->parentId)) {
        if (sibling.id != codeId && sibling.position >= created.position) {
            Code after = sibling;
            ++after.position;
            redo.updateCodes.append(after);
            undo.updateCodes.append(sibling);
        }
    }

    try {
        QSet<QUuid> moved;
        for (const QUuid &id : annotationIds) {
            const auto a = m_store->annotation(id);
            if (!a || a->codeId != codeId) {
                reportFailure(QStringLiteral("Only annotations of “%1” can be split off.").arg(source->name));
                return std::nullopt;
            }
            if (moved.contains(id))
                continue;
            moved.insert(id);
            Annotation after = *a;
            after.codeId = created.id;
            redo.updateAnnotations.append(after);
            undo.updateAnnotations.append(*a);
        }
        for (const StoredValue &v : m_store->valuesTouchingAnnotations(QList<QUuid>(moved.cbegin(), moved.cend()))) {
            if (v.owner != StoredValue::Owner::Annotation || !moved.contains(v.ownerId)
                || !fieldCopies.contains(v.value.fieldId))
                continue; // a link from elsewhere to a moved annotation stays as it is
            StoredValue after = v;
            after.value.fieldId = fieldCopies.value(v.value.fieldId);
            redo.removeValues.append(v);
            redo.insertValues.append(after);
        }
    } catch (const StoreError &e) {
        reportFailure(e.message());
        return std::nullopt;
    }
    undo.removeValues = redo.insertValues;
    undo.insertValues = redo.removeValues;
    if (!push(new CodebookChangeCommand(*this, QStringLiteral("Split “%1” off “%2”").arg(name, source->name),
                                        std::move(redo), std::move(undo))))
        return std::nullopt;
    return created.id;
}

// ----------------------------------------------------------------- import

std::optional<CodebookImportSummary> Project::importCodebook(const QList<Code> &codes)
{
    CodebookImportSummary summary;
    CodebookChange redo;
    CodebookChange undo;
    QList<Code> working = m_codes;  // existing and added so far
    QHash<QUuid, QUuid> finalId;    // imported code id -> project code id
    QHash<QUuid, qsizetype> changed; // existing code id -> index in redo.updateCodes
    QSet<QString> shortcuts;
    for (const Code &c : m_codes) {
        if (!c.shortcut.isEmpty())
            shortcuts.insert(c.shortcut);
    }

    for (const Code &incoming : codes) {
        const QString name = incoming.name.trimmed();
        if (name.isEmpty()) {
            reportFailure(QStringLiteral("A code of the imported codebook has no name."));
            return std::nullopt;
        }
        if (!incoming.parentId.isNull() && !finalId.contains(incoming.parentId)) {
            reportFailure(QStringLiteral("The imported code “%1” comes before its parent.").arg(name));
            return std::nullopt;
        }
        const QUuid parent = incoming.parentId.isNull() ? QUuid() : finalId.value(incoming.parentId);
        const auto existing = std::find_if(working.cbegin(), working.cend(), [&](const Code &c) {
            return c.parentId == parent && c.name.compare(name, Qt::CaseInsensitive) == 0;
        });
        if (existing != working.cend()) {
            finalId.insert(incoming.id, existing->id);
            const bool isNew = std::any_of(redo.insertCodes.cbegin(), redo.insertCodes.cend(),
                                           [&](const Code &c) { return c.id == existing->id; });
            if (isNew)
                continue; // named twice in the file: the first one wins
            ++summary.codesMerged;
            Code after = changed.contains(existing->id) ? redo.updateCodes[changed.value(existing->id)] : *existing;
            bool added = false;
            for (const CodeField &f : incoming.fields) {
                if (after.fieldByName(f.name))
                    continue;
                CodeField copy = f;
                copy.id = QUuid::createUuid();
                copy.codeId = after.id;
                copy.position = int(after.fields.size());
                after.fields.append(copy);
                ++summary.fieldsAdded;
                added = true;
            }
            if (!added)
                continue;
            if (changed.contains(after.id)) {
                redo.updateCodes[changed.value(after.id)] = after;
            } else {
                changed.insert(after.id, redo.updateCodes.size());
                redo.updateCodes.append(after);
                undo.updateCodes.append(*existing);
            }
            continue;
        }
        Code added = incoming;
        added.id = QUuid::createUuid();
        added.parentId = parent;
        added.name = name;
        added.position = nextChildPosition(working, parent);
        if (!added.color.isValid())
            added.color = QColor(0x88, 0x88, 0x88);
        if (!added.shortcut.isEmpty() && shortcuts.contains(added.shortcut))
            added.shortcut.clear();
        if (!added.shortcut.isEmpty())
            shortcuts.insert(added.shortcut);
        for (qsizetype i = 0; i < added.fields.size(); ++i) {
            added.fields[i].id = QUuid::createUuid();
            added.fields[i].codeId = added.id;
            added.fields[i].position = int(i);
        }
        finalId.insert(incoming.id, added.id);
        working.append(added);
        redo.insertCodes.append(added);
        undo.removeCodes.prepend(added.id); // children first
        ++summary.codesAdded;
    }
    // Link targets named codes of the file: point them at the project's codes.
    const auto retarget = [&](Code &c) {
        for (CodeField &f : c.fields) {
            QList<QUuid> targets;
            for (const QUuid &id : f.linkCodes) {
                const QUuid mapped = finalId.value(id, id);
                if (std::any_of(working.cbegin(), working.cend(), [&](const Code &w) { return w.id == mapped; })
                    && !targets.contains(mapped))
                    targets.append(mapped);
            }
            f.linkCodes = targets;
        }
    };
    for (Code &c : redo.insertCodes)
        retarget(c);
    for (qsizetype i = 0; i < redo.updateCodes.size(); ++i) {
        Code &c = redo.updateCodes[i];
        const Code &before = undo.updateCodes[i];
        for (CodeField &f : c.fields) {
            if (!before.field(f.id)) { // only the fields the import added
                Code one;
                one.fields = {f};
                retarget(one);
                f = one.fields.first();
            }
        }
    }
    if (redo.insertCodes.isEmpty() && redo.updateCodes.isEmpty())
        return summary;
    const QString text = QStringLiteral("Import codebook (%1 new, %2 merged)")
                             .arg(summary.codesAdded)
                             .arg(summary.codesMerged);
    if (!push(new CodebookChangeCommand(*this, text, std::move(redo), std::move(undo))))
        return std::nullopt;
    return summary;
}

// ------------------------------------------------------------------ apply

bool Project::applyCodebookChange(const CodebookChange &change)
{
    QList<Annotation> before;
    if (!writeAtomically([&] {
            for (const Code &c : change.insertCodes)
                m_store->insertCode(c);
            for (const Code &c : change.updateCodes) {
                m_store->updateCode(c);
                for (const CodeField &f : c.fields)
                    m_store->writeField(c.id, f);
                for (const CodeField &f : m_store->fieldsByCode(c.id).value(c.id)) {
                    if (!c.field(f.id))
                        m_store->deleteField(f.id);
                }
            }
            for (const Annotation &a : change.updateAnnotations) {
                const auto old = m_store->annotation(a.id);
                if (!old)
                    throw StoreError(StoreError::Kind::Invalid, QStringLiteral("An annotation no longer exists."));
                before.append(*old);
                m_store->updateAnnotation(a);
            }
            m_store->deleteStoredValues(change.removeValues);
            m_store->insertStoredValues(change.insertValues);
            for (const QUuid &id : change.removeCodes)
                m_store->deleteCode(id);
        }))
        return false;
    reloadCodes();
    Q_EMIT codesChanged();
    for (qsizetype i = 0; i < change.updateAnnotations.size(); ++i)
        Q_EMIT annotationChanged(before[i], change.updateAnnotations[i]);
    emitValuesChanged(change.removeValues + change.insertValues);
    return true;
}

} // namespace newscoder
