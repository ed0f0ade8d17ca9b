// Reading a REFI-QDA file and working out what its import will do.
#include "refi/RefiImportPlanner_p.h"

#include "project/Project.h"
#include "refi/RefiOffsets.h"
#include "storage/StoreError.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <QSet>

namespace newscoder::refi {

namespace planning {

QUuid uuidOf(const QString &guid)
{
    const QUuid id = QUuid::fromString(guid.trimmed());
    if (!id.isNull())
        return id;
    return QUuid::createUuidV5(QUuid(QStringLiteral("{0b7c5a52-91e4-4c1f-9a0e-5d3c4f1b2a77}")), guidKey(guid));
}

QColor parseColor(const QString &text)
{
    QString s = text.trimmed();
    if (s.isEmpty())
        return {};
    static const QRegularExpression hex(QStringLiteral("^#?([0-9A-Fa-f]{3}|[0-9A-Fa-f]{6}|[0-9A-Fa-f]{8})$"));
    static const QRegularExpression rgb(QStringLiteral("^rgba?\\(\\s*(\\d+)\\s*,\\s*(\\d+)\\s*,\\s*(\\d+)"),
                                        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression number(QStringLiteral("^-?\\d+$"));
    if (const auto m = hex.match(s); m.hasMatch()) {
        QString digits = m.captured(1);
        if (digits.size() == 8) // #AARRGGBB (or RRGGBBAA): keep the colour part QColor reads
            return QColor(QStringLiteral("#") + digits);
        return QColor(QStringLiteral("#") + digits);
    }
    if (const auto m = rgb.match(s); m.hasMatch())
        return QColor(qBound(0, m.captured(1).toInt(), 255), qBound(0, m.captured(2).toInt(), 255),
                      qBound(0, m.captured(3).toInt(), 255));
    if (number.match(s).hasMatch()) // a packed integer (0xRRGGBB as decimal)
        return QColor(QRgb(s.toLongLong() & 0xFFFFFF));
    const QColor named(s);
    return named.isValid() ? named : QColor();
}

QColor paletteColor(int index)
{
    static const QList<QColor> palette = {QColor(0x4e, 0x79, 0xa7), QColor(0xf2, 0x8e, 0x2b), QColor(0xe1, 0x57, 0x59),
                                          QColor(0x76, 0xb7, 0xb2), QColor(0x59, 0xa1, 0x4f), QColor(0xed, 0xc9, 0x48),
                                          QColor(0xb0, 0x7a, 0xa1), QColor(0xff, 0x9d, 0xa7)};
    return palette.at(index % palette.size());
}

bool nameMatches(const QString &covered, const QString &name)
{
    const QString n = name.simplified();
    if (n.isEmpty())
        return false;
    const QString c = covered.simplified();
    if (c == n)
        return true;
    QString stem = n;
    if (stem.endsWith(QLatin1String("...")))
        stem.chop(3);
    else if (stem.endsWith(QChar(0x2026)))
        stem.chop(1);
    else if (stem.size() < 20)
        return false;
    return !stem.isEmpty() && c.startsWith(stem.trimmed());
}

QString sourceKindName(RefiSource::Kind kind)
{
    switch (kind) {
    case RefiSource::Kind::Pdf:
        return QStringLiteral("PDF");
    case RefiSource::Kind::Picture:
        return QStringLiteral("picture");
    case RefiSource::Kind::Audio:
        return QStringLiteral("audio");
    case RefiSource::Kind::Video:
        return QStringLiteral("video");
    case RefiSource::Kind::Text:
        break;
    }
    return QStringLiteral("text");
}

FieldKind fieldKindForVariable(const QString &type)
{
    if (type == QLatin1String("Integer") || type == QLatin1String("Float"))
        return FieldKind::Number;
    if (type == QLatin1String("Boolean"))
        return FieldKind::Boolean;
    if (type == QLatin1String("Date"))
        return FieldKind::Date;
    return FieldKind::Text;
}

QString storedValue(const QString &kind, const QString &value)
{
    const QString v = value.trimmed();
    if (kind == QLatin1String("Boolean"))
        return v == QLatin1String("true") || v == QLatin1String("1") ? QStringLiteral("true") : QStringLiteral("false");
    if (kind == QLatin1String("Date"))
        return v.left(10);
    return kind == QLatin1String("Text") ? value : v;
}

std::optional<ImportPlan> Planner::run(const QString &path, QString *error)
{
    m_plan.file = path;
    if (!load(path, error))
        return std::nullopt;
    const RefiProjectData &d = m_data;
    m_plan.origin = d.origin;
    m_plan.codebookOnly = d.isCodebookOnly;
    m_fallbackCoder = m_options.fallbackCoder.trimmed().isEmpty() ? QStringLiteral("REFI-QDA import")
                                                                  : m_options.fallbackCoder.trimmed();
    for (const RefiUser &u : d.users) {
        const QString name = u.name.trimmed().isEmpty() ? QStringLiteral("User ") + guidKey(u.guid).left(8)
                                                        : u.name.trimmed();
        m_users.insert(guidKey(u.guid), name);
    }
    m_plan.inFile.users = int(d.users.size());
    for (const RefiNote &n : d.notes)
        m_notes.insert(guidKey(n.guid), n.text.isEmpty() ? readNoteFile(n) : n.text);
    m_plan.inFile.notes = int(d.notes.size());
    planCodes(d.codes, {}, error);
    if (!error->isEmpty())
        return std::nullopt;
    planCases();
    for (const RefiSource &s : d.sources) {
        if (!planSource(s, error))
            return std::nullopt;
    }
    m_plan.inFile.sources = int(d.sources.size());
    m_plan.inFile.cases = int(d.cases.size());
    m_plan.inFile.variables = int(d.variables.size());
    for (const RefiSet &s : d.sets)
        m_plan.skipped.append({QStringLiteral("set “%1”").arg(s.name), QStringLiteral("sets are not imported")});
    for (auto it = m_notes.cbegin(); it != m_notes.cend(); ++it) {
        if (!m_usedNotes.contains(it.key()))
            m_plan.skipped.append({QStringLiteral("note %1").arg(it.key()),
                                   QStringLiteral("not attached to a code, source or selection that is imported")});
    }
    finishVariableCode();
    m_plan.added.notes = int(m_usedNotes.size());
    QSet<QString> coders;
    for (const PlannedAnnotation &a : m_plan.annotations)
        coders.insert(a.coder);
    for (const PlannedValue &v : m_plan.values)
        coders.insert(v.coder);
    m_plan.coders = QStringList(coders.cbegin(), coders.cend());
    m_plan.coders.sort();
    for (const QString &c : m_plan.coders) {
        if (!m_project.reader().coderByName(c))
            ++m_plan.added.users;
    }
    return m_plan;
}

bool Planner::load(const QString &path, QString *error)
{
    QByteArray xml;
    if (path.endsWith(QLatin1String(".qdc"), Qt::CaseInsensitive)) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("Cannot read %1: %2").arg(path, file.errorString());
            return false;
        }
        if (file.size() > MaxXmlFileBytes) {
            *error = QStringLiteral("%1 is larger than %2 bytes; refused.").arg(path).arg(MaxXmlFileBytes);
            return false;
        }
        xml = file.readAll();
    } else {
        if (!m_archive.open(path)) {
            *error = m_archive.error();
            return false;
        }
        m_hasArchive = true;
        QString qde;
        for (const QString &f : m_archive.files()) {
            if (!f.endsWith(QLatin1String(".qde"), Qt::CaseInsensitive))
                continue;
            if (f.compare(QLatin1String("project.qde"), Qt::CaseInsensitive) == 0) {
                qde = f;
                break;
            }
            if (qde.isEmpty() || (!f.contains(u'/') && qde.contains(u'/')))
                qde = f;
        }
        if (qde.isEmpty()) {
            *error = QStringLiteral("The archive holds no project file (.qde); not a REFI-QDA project.");
            return false;
        }
        m_base = qde.contains(u'/') ? qde.section(u'/', 0, -2) + u'/' : QString();
        const auto bytes = m_archive.read(qde);
        if (!bytes) {
            *error = m_archive.error();
            return false;
        }
        xml = *bytes;
    }
    const auto data = readRefiXml(xml, error);
    if (!data) {
        *error = QStringLiteral("%1: %2").arg(QFileInfo(path).fileName(), *error);
        return false;
    }
    m_data = *data;
    return true;
}

// The archive path an internal:// (or plain relative) reference names; empty when outside the archive.
std::optional<QByteArray> Planner::readReferenced(const QString &reference, QString *why)
{
    QString ref = reference.trimmed();
    if (!m_hasArchive) {
        *why = QStringLiteral("a codebook has no files");
        return std::nullopt;
    }
    const bool internal = ref.startsWith(QLatin1String("internal://"), Qt::CaseInsensitive);
    if (internal)
        ref = ref.mid(11);
    else if (ref.contains(QLatin1String("://")) || ref.startsWith(u'/') || ref.startsWith(u'\\')
             || (ref.size() > 1 && ref.at(1) == u':')) {
        *why = QStringLiteral("it refers to “%1” outside the archive").arg(reference);
        return std::nullopt;
    }
    if (!isSafeArchivePath(ref)) {
        *why = QStringLiteral("the path “%1” escapes the archive").arg(reference);
        return std::nullopt;
    }
    const QStringList candidates = {QString(m_base + QStringLiteral("sources/") + ref), QString(m_base + ref)};
    for (const QString &candidate : candidates) {
        if (m_archive.contains(candidate)) {
            const auto bytes = m_archive.read(candidate);
            if (!bytes)
                *why = m_archive.error();
            return bytes;
        }
    }
    *why = QStringLiteral("the archive has no file “%1”").arg(reference);
    return std::nullopt;
}

QString Planner::readNoteFile(const RefiNote &n)
{
    if (n.plainTextPath.isEmpty())
        return {};
    QString why;
    const auto bytes = readReferenced(n.plainTextPath, &why);
    return bytes ? decodeSourceText(*bytes).stored : QString();
}

QString Planner::notesText(const QStringList &refs)
{
    QStringList parts;
    for (const QString &r : refs) {
        const QString key = guidKey(r);
        const QString text = m_notes.value(key);
        m_usedNotes.insert(key);
        if (!text.trimmed().isEmpty())
            parts << text.trimmed();
    }
    return parts.join(QStringLiteral("\n\n"));
}

void Planner::planCodes(const QList<RefiCode> &codes, const QUuid &parent, QString *error)
{
    int position = 0;
    if (!codes.isEmpty()) {
        for (const Code &c : m_project.codes()) {
            if (c.parentId == parent)
                position = qMax(position, c.position + 1);
        }
    }
    for (const RefiCode &rc : codes) {
        ++m_plan.inFile.codes;
        const QUuid id = uuidOf(rc.guid);
        if (m_codeIds.contains(guidKey(rc.guid))) {
            *error = QStringLiteral("The codebook names the code GUID %1 twice.").arg(rc.guid);
            return;
        }
        m_codeIds.insert(guidKey(rc.guid), id);
        if (m_project.code(id)) {
            ++m_plan.alreadyPresent.codes;
        } else {
            Code c;
            c.id = id;
            c.parentId = parent;
            c.name = rc.name.trimmed().isEmpty() ? QStringLiteral("Code %1").arg(m_plan.inFile.codes) : rc.name.trimmed();
            c.color = parseColor(rc.color);
            if (!c.color.isValid())
                c.color = paletteColor(m_plan.inFile.codes);
            const CodeDescriptionParts parts = splitCodeDescription(rc.description);
            c.description = parts.definition;
            c.useWhen = parts.useWhen;
            c.avoidWhen = parts.avoidWhen;
            c.example = parts.example;
            c.memo = notesText(rc.noteRefs);
            c.position = position++;
            c.unit = CodeUnit::Span;
            m_plan.newCodes.append(c);
            ++m_plan.added.codes;
        }
        planCodes(rc.children, id, error);
        if (!error->isEmpty())
            return;
    }
}

void Planner::planCases()
{
    for (const RefiVariable &v : m_data.variables)
        m_variables.insert(guidKey(v.guid), v);
    for (const RefiCase &c : m_data.cases) {
        if (c.description.startsWith(QLatin1String("Newscoder outlet"))
            || c.description.startsWith(QLatin1String("Newscoder actor"))) {
            m_plan.skipped.append({QStringLiteral("case “%1”").arg(c.name),
                                   QStringLiteral("outlet and actor registries are not imported from REFI-QDA")});
            continue;
        }
        if (c.sourceRefs.isEmpty() && !c.values.isEmpty()) {
            m_plan.skipped.append({QStringLiteral("case “%1”").arg(c.name),
                                   QStringLiteral("it refers to no text source")});
            continue;
        }
        for (const QString &s : c.sourceRefs)
            m_casesBySource[guidKey(s)].append(&c);
    }
}

// Values of a foreign variable become article variables of the code
// “REFI-QDA variables”, coded by the fallback coder.
void Planner::addVariableValue(const QUuid &documentId, const RefiVariableValue &v, const QString &coder)
{
    const QUuid fieldId = uuidOf(v.variableRef);
    if (const auto existing = m_project.field(fieldId)) {
        if (existing->first.unit != CodeUnit::Article) {
            m_plan.skipped.append({QStringLiteral("variable %1").arg(v.variableRef),
                                   QStringLiteral("it matches a field that is not an article variable")});
            return;
        }
    } else if (!m_newFields.contains(fieldId)) {
        const auto var = m_variables.constFind(guidKey(v.variableRef));
        if (var == m_variables.cend()) {
            m_plan.skipped.append({QStringLiteral("variable value %1").arg(v.variableRef),
                                   QStringLiteral("the variable is not declared")});
            return;
        }
        CodeField f;
        f.id = fieldId;
        f.name = var->name.trimmed().isEmpty() ? QStringLiteral("Variable") : var->name.trimmed();
        f.kind = fieldKindForVariable(var->type);
        f.description = var->description;
        f.position = int(m_newFields.size());
        m_newFields.insert(fieldId, f);
        m_newFieldOrder.append(fieldId);
    }
    FieldValue fv;
    fv.fieldId = fieldId;
    fv.text = storedValue(v.kind, v.value);
    if (fv.text.isEmpty())
        return;
    m_plan.values.append({documentId, fieldId, coder, fv});
}

void Planner::finishVariableCode()
{
    if (m_newFields.isEmpty())
        return;
    const QUuid codeId = QUuid::createUuidV5(QUuid(QStringLiteral("{0b7c5a52-91e4-4c1f-9a0e-5d3c4f1b2a77}")),
                                             QStringLiteral("refi-qda-variables"));
    if (m_project.code(codeId)) {
        for (const QUuid &f : m_newFieldOrder)
            m_plan.skipped.append({QStringLiteral("variable “%1”").arg(m_newFields[f].name),
                                   QStringLiteral("new variables are not added to an existing variable code")});
        m_plan.values.removeIf([&](const PlannedValue &v) { return m_newFields.contains(v.fieldId); });
        return;
    }
    Code c;
    c.id = codeId;
    c.name = QStringLiteral("REFI-QDA variables");
    c.unit = CodeUnit::Article;
    c.color = QColor(0x88, 0x88, 0x88);
    c.description = QStringLiteral("Case variables imported from a REFI-QDA project.");
    for (const Code &existing : m_project.codes()) {
        if (existing.parentId.isNull())
            c.position = qMax(c.position, existing.position + 1);
    }
    for (const QUuid &f : m_newFieldOrder) {
        CodeField field = m_newFields[f];
        field.codeId = c.id;
        c.fields.append(field);
    }
    m_plan.newCodes.append(c);
    ++m_plan.added.codes;
    m_plan.added.variables = int(c.fields.size());
}

} // namespace planning

using planning::Planner;

std::optional<ImportPlan> planImport(const Project &project, const QString &path, const ImportOptions &options,
                                     QString *error)
{
    error->clear();
    try {
        return Planner(project, options).run(path, error);
    } catch (const StoreError &e) {
        *error = e.message();
        return std::nullopt;
    }
}

} // namespace newscoder::refi
