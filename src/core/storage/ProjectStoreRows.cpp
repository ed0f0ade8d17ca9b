#include "storage/ProjectStore.h"

#include "storage/StoreRows_p.h"

// Reading and writing rows: documents, codes, coders and annotations.

namespace newscoder {

using namespace storage_detail;

namespace {

void bindCodeDetails(QSqlQuery &q, const Code &c)
{
    q.addBindValue(codeUnitName(c.unit));
    q.addBindValue(text(c.useWhen));
    q.addBindValue(text(c.avoidWhen));
    q.addBindValue(text(c.example));
    q.addBindValue(text(c.memo));
}

} // namespace

// ---------------------------------------------------------------- documents

QList<DocumentSummary> ProjectStore::documentSummaries() const
{
    QSqlQuery q = prepare(SummarySelect + QStringLiteral(" ORDER BY d.published, d.title"));
    return readAll(q, QStringLiteral("Cannot list documents"), readSummaryRow);
}

std::optional<DocumentSummary> ProjectStore::documentSummary(const QUuid &id) const
{
    QSqlQuery q = prepare(SummarySelect + QStringLiteral(" WHERE d.id = ?"));
    q.addBindValue(idString(id));
    return readOne(q, QStringLiteral("Cannot read a document"), readSummaryRow);
}

std::optional<Document> ProjectStore::document(const QUuid &id) const
{
    QSqlQuery q = prepare(QStringLiteral("SELECT id, title, outlet, published, url, author, body, import_source, "
                                         "outlet_id, memo, created FROM documents WHERE id = ?"));
    q.addBindValue(idString(id));
    exec(q, QStringLiteral("Cannot read a document"));
    if (!q.next())
        return std::nullopt;
    Document d = readDocumentRow(q);
    QSqlQuery m = prepare(QStringLiteral(
        "SELECT name, value FROM document_metadata WHERE document_id = ? ORDER BY position"));
    m.addBindValue(idString(id));
    exec(m, QStringLiteral("Cannot read a document's metadata"));
    while (m.next())
        d.metadata.append({m.value(0).toString(), m.value(1).toString()});
    return d;
}

QString ProjectStore::documentText(const QUuid &id) const
{
    QSqlQuery q = prepare(QStringLiteral("SELECT body FROM documents WHERE id = ?"));
    q.addBindValue(idString(id));
    exec(q, QStringLiteral("Cannot read a document"));
    return q.next() ? q.value(0).toString() : QString();
}

int ProjectStore::documentCount() const
{
    QSqlQuery q = prepare(QStringLiteral("SELECT COUNT(*) FROM documents"));
    exec(q, QStringLiteral("Cannot count documents"));
    return q.next() ? q.value(0).toInt() : 0;
}

void ProjectStore::insertDocument(const Document &d)
{
    if (d.id.isNull())
        throw StoreError(Kind::Invalid, QStringLiteral("A document needs an id."));
    QSqlQuery &q = prepareWrite(QStringLiteral(
        "INSERT INTO documents (id, title, outlet, published, url, author, body, body_length, import_source, created,"
        " outlet_id, memo) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(idString(d.id));
    q.addBindValue(text(d.title));
    q.addBindValue(text(d.outlet));
    q.addBindValue(d.date.isValid() ? QVariant(d.date.toString(Qt::ISODate)) : QVariant(QMetaType(QMetaType::QString)));
    q.addBindValue(text(d.url));
    q.addBindValue(text(d.author));
    q.addBindValue(text(d.text));
    q.addBindValue(d.text.size());
    q.addBindValue(text(d.importSource));
    q.addBindValue(timestamp(d.created.isValid() ? d.created : QDateTime::currentDateTimeUtc()));
    q.addBindValue(nullableId(d.outletId));
    q.addBindValue(text(d.memo));
    exec(q, QStringLiteral("Cannot save the document “%1”").arg(d.title));
    replaceDocumentMetadata(d.id, d.metadata);
}

void ProjectStore::deleteDocument(const QUuid &id)
{
    QSqlQuery &q = prepareWrite(QStringLiteral("DELETE FROM documents WHERE id = ?"));
    q.addBindValue(idString(id));
    exec(q, QStringLiteral("Cannot remove a document"));
}

void ProjectStore::updateDocumentHeader(const Document &d)
{
    QSqlQuery &q = prepareWrite(QStringLiteral(
        "UPDATE documents SET title = ?, outlet = ?, published = ?, url = ?, author = ?, outlet_id = ?, memo = ?"
        " WHERE id = ?"));
    q.addBindValue(text(d.title));
    q.addBindValue(text(d.outlet));
    q.addBindValue(d.date.isValid() ? QVariant(d.date.toString(Qt::ISODate)) : QVariant(QMetaType(QMetaType::QString)));
    q.addBindValue(text(d.url));
    q.addBindValue(text(d.author));
    q.addBindValue(nullableId(d.outletId));
    q.addBindValue(text(d.memo));
    q.addBindValue(idString(d.id));
    exec(q, QStringLiteral("Cannot save the document's details"));
    if (q.numRowsAffected() != 1)
        throw StoreError(Kind::Invalid, QStringLiteral("The document no longer exists."));
}

void ProjectStore::updateDocumentText(const QUuid &id, const QString &body)
{
    QSqlQuery &q = prepareWrite(QStringLiteral("UPDATE documents SET body = ?, body_length = ? WHERE id = ?"));
    q.addBindValue(text(body));
    q.addBindValue(body.size());
    q.addBindValue(idString(id));
    exec(q, QStringLiteral("Cannot save the article's text"));
    if (q.numRowsAffected() != 1)
        throw StoreError(Kind::Invalid, QStringLiteral("The document no longer exists."));
}

void ProjectStore::replaceDocumentMetadata(const QUuid &id, const QList<MetadataEntry> &metadata)
{
    QSqlQuery &del = prepareWrite(QStringLiteral("DELETE FROM document_metadata WHERE document_id = ?"));
    del.addBindValue(idString(id));
    exec(del, QStringLiteral("Cannot save the document's metadata"));
    QSqlQuery &ins = prepareWrite(
        QStringLiteral("INSERT INTO document_metadata (document_id, position, name, value) VALUES (?, ?, ?, ?)"));
    for (qsizetype i = 0; i < metadata.size(); ++i) {
        ins.addBindValue(idString(id));
        ins.addBindValue(int(i));
        ins.addBindValue(text(metadata[i].first));
        ins.addBindValue(text(metadata[i].second));
        exec(ins, QStringLiteral("Cannot save the document's metadata"));
    }
}

// -------------------------------------------------------------------- codes

QList<Code> ProjectStore::codes() const
{
    QSqlQuery q = prepare(CodeSelect + QStringLiteral(" ORDER BY position, name"));
    QList<Code> codes = readAll(q, QStringLiteral("Cannot read the codebook"), readCodeRow);
    const QHash<QUuid, QList<CodeField>> fields = fieldsByCode();
    for (Code &c : codes)
        c.fields = fields.value(c.id);
    return codebookTreeOrder(std::move(codes));
}

std::optional<Code> ProjectStore::code(const QUuid &id) const
{
    QSqlQuery q = prepare(CodeSelect + QStringLiteral(" WHERE id = ?"));
    q.addBindValue(idString(id));
    auto c = readOne(q, QStringLiteral("Cannot read a code"), readCodeRow);
    if (c)
        c->fields = fieldsByCode(c->id).value(c->id);
    return c;
}

std::optional<Code> ProjectStore::codeByName(const QString &name) const
{
    QSqlQuery q = prepare(CodeSelect + QStringLiteral(" WHERE name = ? ORDER BY position"));
    q.addBindValue(text(name));
    auto c = readOne(q, QStringLiteral("Cannot read a code"), readCodeRow);
    if (c)
        c->fields = fieldsByCode(c->id).value(c->id);
    return c;
}

void ProjectStore::insertCode(const Code &c)
{
    QSqlQuery &q = prepareWrite(QStringLiteral(
        "INSERT INTO codes (id, parent_id, name, color, description, shortcut, position, unit, use_when, avoid_when,"
        " example, memo) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(idString(c.id));
    q.addBindValue(nullableId(c.parentId));
    q.addBindValue(text(c.name));
    q.addBindValue(c.color.name(QColor::HexRgb));
    q.addBindValue(text(c.description));
    q.addBindValue(text(c.shortcut));
    q.addBindValue(c.position);
    bindCodeDetails(q, c);
    exec(q, QStringLiteral("Cannot save the code “%1”").arg(c.name));
    for (const CodeField &f : c.fields)
        writeField(c.id, f);
}

void ProjectStore::updateCode(const Code &c)
{
    QSqlQuery &q = prepareWrite(QStringLiteral(
        "UPDATE codes SET parent_id = ?, name = ?, color = ?, description = ?, shortcut = ?, position = ?, unit = ?,"
        " use_when = ?, avoid_when = ?, example = ?, memo = ? WHERE id = ?"));
    q.addBindValue(nullableId(c.parentId));
    q.addBindValue(text(c.name));
    q.addBindValue(c.color.name(QColor::HexRgb));
    q.addBindValue(text(c.description));
    q.addBindValue(text(c.shortcut));
    q.addBindValue(c.position);
    bindCodeDetails(q, c);
    q.addBindValue(idString(c.id));
    exec(q, QStringLiteral("Cannot save the code “%1”").arg(c.name));
    if (q.numRowsAffected() != 1)
        throw StoreError(Kind::Invalid, QStringLiteral("The code “%1” no longer exists.").arg(c.name));
}

void ProjectStore::deleteCode(const QUuid &id)
{
    QSqlQuery &q = prepareWrite(QStringLiteral("DELETE FROM codes WHERE id = ?"));
    q.addBindValue(idString(id));
    exec(q, QStringLiteral("Cannot remove a code"));
}

QHash<QUuid, int> ProjectStore::annotationCountsByCode() const
{
    QSqlQuery q = prepare(QStringLiteral("SELECT code_id, COUNT(*) FROM annotations GROUP BY code_id"));
    exec(q, QStringLiteral("Cannot count annotations"));
    QHash<QUuid, int> result;
    while (q.next())
        result.insert(idFromString(q.value(0).toString()), q.value(1).toInt());
    return result;
}

// ------------------------------------------------------------------- coders

namespace {

Coder readCoderRow(const QSqlQuery &q)
{
    return {idFromString(q.value(0).toString()), q.value(1).toString(), q.value(2).toString(),
            coderRoleFromName(q.value(3).toString()).value_or(CoderRole::Coder)};
}

} // namespace

QList<Coder> ProjectStore::coders() const
{
    QSqlQuery q = prepare(QStringLiteral("SELECT id, name, colour, role FROM coders ORDER BY name"));
    return readAll(q, QStringLiteral("Cannot read coders"), readCoderRow);
}

std::optional<Coder> ProjectStore::coderByName(const QString &name) const
{
    QSqlQuery q = prepare(QStringLiteral("SELECT id, name, colour, role FROM coders WHERE name = ?"));
    q.addBindValue(text(name));
    return readOne(q, QStringLiteral("Cannot read coders"), readCoderRow);
}

QUuid ProjectStore::ensureCoder(const QString &name)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        throw StoreError(Kind::Invalid, QStringLiteral("A coder needs a name."));
    if (const auto existing = coderByName(trimmed))
        return existing->id;
    const QUuid id = QUuid::createUuid();
    QSqlQuery &q = prepareWrite(QStringLiteral("INSERT INTO coders (id, name) VALUES (?, ?)"));
    q.addBindValue(idString(id));
    q.addBindValue(text(trimmed));
    exec(q, QStringLiteral("Cannot save the coder “%1”").arg(trimmed));
    return id;
}

void ProjectStore::insertCoder(const Coder &coder)
{
    QSqlQuery &q = prepareWrite(QStringLiteral("INSERT INTO coders (id, name, colour, role) VALUES (?, ?, ?, ?)"));
    q.addBindValue(idString(coder.id));
    q.addBindValue(text(coder.name));
    q.addBindValue(text(coder.colour));
    q.addBindValue(coderRoleName(coder.role));
    exec(q, QStringLiteral("Cannot save the coder “%1”").arg(coder.name));
}

void ProjectStore::updateCoder(const Coder &coder)
{
    QSqlQuery &q = prepareWrite(QStringLiteral("UPDATE coders SET name = ?, colour = ?, role = ? WHERE id = ?"));
    q.addBindValue(text(coder.name));
    q.addBindValue(text(coder.colour));
    q.addBindValue(coderRoleName(coder.role));
    q.addBindValue(idString(coder.id));
    exec(q, QStringLiteral("Cannot save the coder “%1”").arg(coder.name));
}

void ProjectStore::deleteCoder(const QUuid &id)
{
    QSqlQuery &q = prepareWrite(QStringLiteral(
        "DELETE FROM coders WHERE id = ? AND NOT EXISTS (SELECT 1 FROM annotations WHERE coder_id = ?)"
        " AND NOT EXISTS (SELECT 1 FROM document_values WHERE coder_id = ?)"));
    for (int i = 0; i < 3; ++i)
        q.addBindValue(idString(id));
    exec(q, QStringLiteral("Cannot remove a coder"));
}

// -------------------------------------------------------------- annotations

QList<Annotation> ProjectStore::annotationsForDocument(const QUuid &documentId) const
{
    QSqlQuery q = prepare(AnnotationSelect
                          + QStringLiteral(" WHERE document_id = ? ORDER BY start_offset, end_offset, created"));
    q.addBindValue(idString(documentId));
    return readAll(q, QStringLiteral("Cannot read annotations"), readAnnotationRow);
}

QList<Annotation> ProjectStore::annotationsOfDocuments(const QList<QUuid> &documentIds) const
{
    QList<Annotation> result;
    for (qsizetype from = 0; from < documentIds.size(); from += ChunkSize) {
        const QList<QUuid> chunk = documentIds.mid(from, ChunkSize);
        QSqlQuery q = prepare(AnnotationSelect + QStringLiteral(" WHERE document_id IN (%1)"
                                                                " ORDER BY document_id, start_offset, end_offset, created")
                                                     .arg(placeholders(chunk.size())));
        for (const QUuid &id : chunk)
            q.addBindValue(idString(id));
        result.append(readAll(q, QStringLiteral("Cannot read annotations"), readAnnotationRow));
    }
    return result;
}

QList<Annotation> ProjectStore::annotationsForCode(const QUuid &codeId) const
{
    QSqlQuery q = prepare(AnnotationSelect + QStringLiteral(" WHERE code_id = ?"));
    q.addBindValue(idString(codeId));
    return readAll(q, QStringLiteral("Cannot read annotations"), readAnnotationRow);
}

std::optional<Annotation> ProjectStore::annotation(const QUuid &id) const
{
    QSqlQuery q = prepare(AnnotationSelect + QStringLiteral(" WHERE id = ?"));
    q.addBindValue(idString(id));
    return readOne(q, QStringLiteral("Cannot read an annotation"), readAnnotationRow);
}

int ProjectStore::annotationCount() const
{
    QSqlQuery q = prepare(QStringLiteral("SELECT COUNT(*) FROM annotations"));
    exec(q, QStringLiteral("Cannot count annotations"));
    return q.next() ? q.value(0).toInt() : 0;
}

void ProjectStore::forEachAnnotation(const std::function<bool(const Annotation &)> &visit) const
{
    QSqlQuery q = prepare(AnnotationSelect + QStringLiteral(" ORDER BY document_id, start_offset, end_offset"));
    exec(q, QStringLiteral("Cannot read annotations"));
    while (q.next()) {
        if (!visit(readAnnotationRow(q)))
            break;
    }
}

namespace {

// An annotation's row and its anchor are written together; offsets are
// checked first, so a bad span writes neither (the CHECK stays the backstop).
void checkSpan(const Annotation &a)
{
    if (a.start < 0 || a.end <= a.start)
        throw StoreError(Kind::Invalid,
                         QStringLiteral("An annotation needs at least one character (%1–%2).").arg(a.start).arg(a.end));
}

} // namespace

void ProjectStore::insertAnnotation(const Annotation &a)
{
    checkSpan(a);
    WriteTransaction tx(*this);
    QSqlQuery &q = prepareWrite(QStringLiteral(
        "INSERT INTO annotations (id, document_id, code_id, coder_id, memo, created, modified,"
        " status, review_reason, review_edit) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(idString(a.id));
    q.addBindValue(idString(a.documentId));
    q.addBindValue(idString(a.codeId));
    q.addBindValue(idString(a.coderId));
    q.addBindValue(text(a.memo));
    q.addBindValue(timestamp(a.created));
    q.addBindValue(timestamp(a.modified));
    q.addBindValue(annotationStatusName(a.status));
    q.addBindValue(text(a.reviewReason));
    q.addBindValue(text(a.reviewEdit));
    exec(q, QStringLiteral("Cannot save the annotation"));
    QSqlQuery &anchor = prepareWrite(QStringLiteral(
        "INSERT INTO annotation_anchors (document_id, id, start_offset, end_offset) VALUES (?, ?, ?, ?)"));
    anchor.addBindValue(idString(a.documentId));
    anchor.addBindValue(idString(a.id));
    anchor.addBindValue(a.start);
    anchor.addBindValue(a.end);
    exec(anchor, QStringLiteral("Cannot save the annotation"));
    tx.commit();
}

void ProjectStore::deleteAnnotation(const QUuid &id)
{
    QSqlQuery &q = prepareWrite(QStringLiteral("DELETE FROM annotations WHERE id = ?"));
    q.addBindValue(idString(id));
    exec(q, QStringLiteral("Cannot remove the annotation"));
}

void ProjectStore::updateAnnotation(const Annotation &a)
{
    checkSpan(a);
    WriteTransaction tx(*this);
    QSqlQuery &q = prepareWrite(QStringLiteral("UPDATE annotations SET code_id = ?,"
                                         " memo = ?, modified = ?, status = ?, review_reason = ?, review_edit = ? WHERE id = ?"));
    q.addBindValue(idString(a.codeId));
    q.addBindValue(text(a.memo));
    q.addBindValue(timestamp(a.modified));
    q.addBindValue(annotationStatusName(a.status));
    q.addBindValue(text(a.reviewReason));
    q.addBindValue(text(a.reviewEdit));
    q.addBindValue(idString(a.id));
    exec(q, QStringLiteral("Cannot save the annotation"));
    if (q.numRowsAffected() != 1)
        throw StoreError(Kind::Invalid, QStringLiteral("The annotation no longer exists."));
    QSqlQuery &anchor = prepareWrite(QStringLiteral(
        "UPDATE annotation_anchors SET start_offset = ?, end_offset = ?"
        " WHERE document_id = (SELECT document_id FROM annotations WHERE id = ?) AND id = ?"));
    anchor.addBindValue(a.start);
    anchor.addBindValue(a.end);
    anchor.addBindValue(idString(a.id));
    anchor.addBindValue(idString(a.id));
    exec(anchor, QStringLiteral("Cannot save the annotation"));
    tx.commit();
}

} // namespace newscoder
