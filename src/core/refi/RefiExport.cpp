#include "refi/RefiExport.h"

#include "project/Project.h"
#include "refi/RefiArchive.h"
#include "refi/RefiOffsets.h"
#include "refi/RefiXml.h"
#include "storage/StoreError.h"

#include <QHash>
#include <QSaveFile>
#include <QTimeZone>
#include <QRegularExpression>
#include <QSet>

namespace newscoder::refi {

namespace {

const QUuid GuidNamespace = QUuid(QStringLiteral("{6f1c0f5e-3b1a-4c52-9a53-2f0d5a1e7c11}"));

const QString UseWhenLabel = QStringLiteral("Use when: ");
const QString AvoidWhenLabel = QStringLiteral("Do not use when: ");
const QString ExampleLabel = QStringLiteral("Example: ");

QString variableType(FieldKind kind)
{
    switch (kind) {
    case FieldKind::Number:
        return QStringLiteral("Float");
    case FieldKind::Boolean:
        return QStringLiteral("Boolean");
    case FieldKind::Date:
        return QStringLiteral("Date");
    default:
        return QStringLiteral("Text");
    }
}

// The value as the XSD type of its variable wants it; empty when it cannot be.
QString typedValue(const QString &type, const QString &value)
{
    if (type == QLatin1String("Float")) {
        static const QRegularExpression decimal(QStringLiteral("^[+-]?(\\d+(\\.\\d*)?|\\.\\d+)$"));
        if (decimal.match(value).hasMatch())
            return value;
        bool ok = false;
        const double d = value.toDouble(&ok);
        return ok ? QString::number(d, 'f', 6) : QString();
    }
    if (type == QLatin1String("Boolean"))
        return value == QLatin1String("true") || value == QLatin1String("1") ? QStringLiteral("true")
                                                                               : QStringLiteral("false");
    if (type == QLatin1String("Date"))
        return QDate::fromString(value, Qt::ISODate).isValid() ? value : QString();
    return value;
}

class Builder
{
public:
    Builder(const Project &project, const ExportOptions &options) : m_project(project), m_options(options) {}

    std::optional<ExportBundle> build(QString *error)
    {
        const ProjectReader &store = m_project.reader();
        RefiProjectData &p = m_bundle.data;
        p.name = QFileInfoName(m_project.path());
        p.origin = QStringLiteral("Newscoder %1").arg(QStringLiteral(NEWSCODER_VERSION));
        // Users
        QSet<QString> wanted;
        for (const QString &name : m_options.coders)
            wanted.insert(name.trimmed().toLower());
        for (const Coder &c : store.coders()) {
            if (!wanted.isEmpty() && !wanted.contains(c.name.toLower()))
                continue;
            m_coders.insert(c.id, c.name);
            p.users.append({guidOf(c.id), c.name});
        }
        if (!wanted.isEmpty() && m_coders.size() != wanted.size()) {
            QStringList missing;
            for (const QString &name : m_options.coders) {
                if (!store.coderByName(name.trimmed()))
                    missing << name;
            }
            *error = QStringLiteral("No coder named %1 in the project.").arg(missing.join(QStringLiteral(", ")));
            return std::nullopt;
        }
        buildCodes();
        buildRegistryCases();
        const QList<DocumentSummary> summaries = store.documentSummaries();
        int done = 0;
        for (const DocumentSummary &summary : summaries) {
            if (m_options.progress && !m_options.progress(done, int(summaries.size()))) {
                *error = QStringLiteral("Export cancelled; nothing was written.");
                return std::nullopt;
            }
            if (const auto d = store.document(summary.id))
                buildSource(*d);
            ++done;
        }
        if (m_options.progress)
            m_options.progress(done, int(summaries.size()));
        p.variables = m_variables;
        p.cases = m_cases + m_registryCases;
        p.notes = m_notes;
        m_bundle.files.prepend({QStringLiteral("project.qde"), writeProjectXml(p)});
        m_bundle.counts.sources = int(p.sources.size());
        m_bundle.counts.users = int(p.users.size());
        m_bundle.counts.notes = int(p.notes.size());
        m_bundle.counts.cases = int(p.cases.size());
        m_bundle.counts.variables = int(p.variables.size());
        return m_bundle;
    }

    static QString QFileInfoName(const QString &path)
    {
        QString name = path.section(u'/', -1);
        if (name.endsWith(QLatin1String(".newscoder")))
            name.chop(10);
        return name.isEmpty() ? QStringLiteral("Newscoder project") : name;
    }

    void buildCodes()
    {
        const QList<Code> ordered = codebookTreeOrder(m_project.codes());
        QHash<QUuid, QList<QUuid>> children;
        QList<QUuid> roots;
        QSet<QUuid> known;
        for (const Code &c : ordered)
            known.insert(c.id);
        for (const Code &c : ordered) {
            if (!c.parentId.isNull() && known.contains(c.parentId))
                children[c.parentId].append(c.id);
            else
                roots.append(c.id);
        }
        QHash<QUuid, Code> byId;
        for (const Code &c : ordered)
            byId.insert(c.id, c);
        std::function<RefiCode(const QUuid &)> make = [&](const QUuid &id) {
            const Code &c = byId[id];
            RefiCode r;
            r.guid = guidOf(c.id);
            r.name = c.name;
            r.color = c.color.isValid() ? c.color.name(QColor::HexRgb) : QString();
            r.isCodable = c.unit == CodeUnit::Span;
            r.description = codeDescription(c.description, c.useWhen, c.avoidWhen, c.example);
            if (!c.memo.isEmpty()) {
                RefiNote n;
                n.guid = derivedGuid(c.id, QStringLiteral("memo"));
                n.name = QStringLiteral("Memo: ") + c.name;
                n.text = c.memo;
                m_notes.append(n);
                r.noteRefs.append(n.guid);
            }
            ++m_bundle.counts.codes;
            for (const QUuid &child : children.value(id))
                r.children.append(make(child));
            return r;
        };
        for (const QUuid &id : roots)
            m_bundle.data.codes.append(make(id));
        // Article and outlet variables → Variables (GUID = field id).
        for (const Code &c : ordered) {
            if (c.unit == CodeUnit::Span)
                continue;
            for (const CodeField &f : c.fields) {
                RefiVariable v;
                v.guid = guidOf(f.id);
                v.name = f.name;
                v.type = variableType(f.kind);
                v.description = QStringLiteral("Newscoder %1 variable of “%2” (%3)%4")
                                    .arg(codeUnitName(c.unit), c.name, fieldKindName(f.kind),
                                         f.description.isEmpty() ? QString() : QStringLiteral(": ") + f.description);
                m_fieldVariables.insert(f.id, v);
                m_variables.append(v);
            }
        }
    }

    QString metadataVariable(const QString &name, const QString &type)
    {
        const QString key = name.toLower();
        if (const auto it = m_metadataVariables.constFind(key); it != m_metadataVariables.cend())
            return it.value();
        RefiVariable v;
        v.guid = derivedGuid(m_project.reader().projectId(), QStringLiteral("metadata:") + key);
        v.name = name;
        v.type = type;
        v.description = QStringLiteral("Newscoder article metadata");
        m_variables.append(v);
        m_metadataVariables.insert(key, v.guid);
        return v.guid;
    }

    QString valueText(const CodeField &field, const QList<FieldValue> &values) const
    {
        QStringList parts;
        for (const FieldValue &v : values) {
            if (!v.actorId.isNull()) {
                const auto a = m_project.actor(v.actorId);
                parts << (a ? a->name : guidOf(v.actorId));
            } else if (!v.annotationId.isNull()) {
                parts << QStringLiteral("→ ") + guidOf(v.annotationId);
            } else {
                parts << field.labelFor(v.text);
            }
        }
        return parts.join(QStringLiteral(", "));
    }

    // The variable values of `values` (article or outlet fields).
    QList<RefiVariableValue> variableValues(const QList<FieldValue> &values) const
    {
        QHash<QUuid, QList<FieldValue>> byField;
        QList<QUuid> order;
        for (const FieldValue &v : values) {
            if (!byField.contains(v.fieldId))
                order.append(v.fieldId);
            byField[v.fieldId].append(v);
        }
        QList<RefiVariableValue> out;
        for (const QUuid &fieldId : order) {
            const auto var = m_fieldVariables.constFind(fieldId);
            const auto field = m_project.field(fieldId);
            if (var == m_fieldVariables.cend() || !field)
                continue;
            const QString text = var->type == QLatin1String("Text")
                                     ? valueText(field->second, byField[fieldId])
                                     : typedValue(var->type, byField[fieldId].value(0).text);
            if (var->type != QLatin1String("Text") && text.isEmpty())
                continue;
            out.append({var->guid, var->type, text});
        }
        return out;
    }

    void buildRegistryCases()
    {
        const ProjectReader &store = m_project.reader();
        for (const Outlet &o : m_project.outlets()) {
            RefiCase c;
            c.guid = guidOf(o.id);
            c.name = o.name;
            QStringList lines{QStringLiteral("Newscoder outlet")};
            if (!o.domains.isEmpty())
                lines << QStringLiteral("Domains: ") + o.domains.join(QStringLiteral(", "));
            if (!o.country.isEmpty())
                lines << QStringLiteral("Country: ") + o.country;
            if (!o.memo.isEmpty())
                lines << QStringLiteral("Memo: ") + o.memo;
            c.description = lines.join(u'\n');
            c.values = variableValues(store.outletValues(o.id));
            for (const QUuid &doc : store.documentsOfOutlet(o.id))
                c.sourceRefs.append(guidOf(doc));
            m_registryCases.append(c);
        }
        for (const Actor &a : m_project.actors()) {
            RefiCase c;
            c.guid = guidOf(a.id);
            c.name = a.name;
            QStringList lines{QStringLiteral("Newscoder actor")};
            if (!a.aliases.isEmpty())
                lines << QStringLiteral("Aliases: ") + a.aliases.join(QStringLiteral(", "));
            if (!a.role.isEmpty())
                lines << QStringLiteral("Role: ") + a.role;
            if (!a.affiliation.isEmpty())
                lines << QStringLiteral("Affiliation: ") + a.affiliation;
            if (!a.country.isEmpty())
                lines << QStringLiteral("Country: ") + a.country;
            if (!a.memo.isEmpty())
                lines << QStringLiteral("Memo: ") + a.memo;
            c.description = lines.join(u'\n');
            m_registryCases.append(c);
        }
    }

    void buildSource(const Document &d)
    {
        const ProjectReader &store = m_project.reader();
        RefiSource s;
        s.guid = guidOf(d.id);
        s.name = d.title.isEmpty() ? QStringLiteral("Article") : d.title;
        s.plainTextPath = QStringLiteral("internal://") + s.guid + QStringLiteral(".txt");
        m_bundle.files.append({QStringLiteral("sources/") + s.guid + QStringLiteral(".txt"), d.text.toUtf8()});
        if (!d.memo.isEmpty()) {
            RefiNote n;
            n.guid = derivedGuid(d.id, QStringLiteral("memo"));
            n.name = QStringLiteral("Memo: ") + s.name;
            n.text = d.memo;
            m_notes.append(n);
            s.noteRefs.append(n.guid);
        }
        const QHash<QUuid, QList<FieldValue>> values = store.annotationValuesForDocument(d.id);
        for (const Annotation &a : store.annotationsForDocument(d.id)) {
            if (a.status == AnnotationStatus::Suggested || !m_coders.contains(a.coderId))
                continue;
            RefiSelection sel;
            sel.guid = guidOf(a.id);
            sel.start = codePointPosition(d.text, a.start);
            sel.end = sel.start + codePointPosition(d.text.mid(a.start, a.length()), a.length());
            sel.name = d.text.mid(a.start, a.length()).simplified().left(200);
            sel.creatingUser = guidOf(a.coderId);
            sel.created = a.created;
            sel.modified = a.modified;
            QStringList lines;
            if (a.status == AnnotationStatus::Review)
                lines << QStringLiteral("Newscoder status: review (its text was deleted by an edit)");
            QHash<QUuid, QList<FieldValue>> byField;
            for (const FieldValue &v : values.value(a.id))
                byField[v.fieldId].append(v);
            if (const auto code = m_project.code(a.codeId)) {
                for (const CodeField &f : code->fields) {
                    if (byField.contains(f.id))
                        lines << f.name + QStringLiteral(": ") + valueText(f, byField[f.id]);
                }
            }
            sel.description = lines.join(u'\n');
            RefiCoding coding;
            coding.guid = derivedGuid(a.id, QStringLiteral("coding"));
            coding.codeRef = guidOf(a.codeId);
            coding.creatingUser = sel.creatingUser;
            coding.created = a.created;
            sel.codings.append(coding);
            if (!a.memo.isEmpty()) {
                RefiNote n;
                n.guid = derivedGuid(a.id, QStringLiteral("memo"));
                n.name = QStringLiteral("Memo");
                n.creatingUser = sel.creatingUser;
                n.created = a.modified;
                n.text = a.memo;
                m_notes.append(n);
                sel.noteRefs.append(n.guid);
            }
            s.selections.append(sel);
            ++m_bundle.counts.selections;
        }
        m_bundle.data.sources.append(s);
        // Metadata case.
        RefiCase meta;
        meta.guid = derivedGuid(d.id, QStringLiteral("case"));
        meta.name = s.name;
        meta.description = QStringLiteral("Newscoder article");
        const auto add = [&](const QString &name, const QString &type, const QString &value) {
            if (!value.isEmpty())
                meta.values.append({metadataVariable(name, type), type, value});
        };
        add(QStringLiteral("Title"), QStringLiteral("Text"), d.title);
        add(QStringLiteral("Outlet"), QStringLiteral("Text"), d.outlet);
        add(QStringLiteral("Date"), QStringLiteral("Date"), d.date.isValid() ? d.date.toString(Qt::ISODate) : QString());
        add(QStringLiteral("URL"), QStringLiteral("Text"), d.url);
        add(QStringLiteral("Author"), QStringLiteral("Text"), d.author);
        for (const MetadataEntry &m : d.metadata)
            add(m.first, QStringLiteral("Text"), m.second);
        meta.sourceRefs.append(s.guid);
        m_cases.append(meta);
        // Each coder's article variables.
        for (auto it = m_coders.cbegin(); it != m_coders.cend(); ++it) {
            const QList<RefiVariableValue> coded = variableValues(store.documentValues(d.id, it.key()));
            if (coded.isEmpty())
                continue;
            RefiCase c;
            c.guid = derivedGuid(d.id, QStringLiteral("case:") + guidOf(it.key()));
            c.name = s.name + QStringLiteral(" — ") + it.value();
            c.description = QStringLiteral("Newscoder article variables coded by: ") + it.value();
            c.values = coded;
            c.sourceRefs.append(s.guid);
            m_cases.append(c);
        }
    }

private:
    const Project &m_project;
    const ExportOptions &m_options;
    ExportBundle m_bundle;
    QMap<QUuid, QString> m_coders;
    QList<RefiNote> m_notes;
    QList<RefiVariable> m_variables;
    QHash<QUuid, RefiVariable> m_fieldVariables;
    QHash<QString, QString> m_metadataVariables;
    QList<RefiCase> m_cases;
    QList<RefiCase> m_registryCases;
};

QDateTime archiveTimestamp(const RefiProjectData &data)
{
    QDateTime latest(QDate(2000, 1, 1), QTime(0, 0), QTimeZone::UTC);
    for (const RefiSource &s : data.sources) {
        for (const RefiSelection &sel : s.selections) {
            if (sel.modified.isValid() && sel.modified > latest)
                latest = sel.modified;
        }
    }
    return latest;
}

} // namespace

QString guidOf(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

QString derivedGuid(const QUuid &base, const QString &purpose)
{
    return guidOf(QUuid::createUuidV5(GuidNamespace, guidOf(base) + u'/' + purpose));
}

QString codeDescription(const QString &definition, const QString &useWhen, const QString &avoidWhen,
                        const QString &example)
{
    QStringList parts;
    if (!definition.trimmed().isEmpty())
        parts << definition.trimmed();
    if (!useWhen.trimmed().isEmpty())
        parts << UseWhenLabel + useWhen.trimmed();
    if (!avoidWhen.trimmed().isEmpty())
        parts << AvoidWhenLabel + avoidWhen.trimmed();
    if (!example.trimmed().isEmpty())
        parts << ExampleLabel + example.trimmed();
    return parts.join(QStringLiteral("\n\n"));
}

CodeDescriptionParts splitCodeDescription(const QString &description)
{
    CodeDescriptionParts parts;
    QString *current = &parts.definition;
    QStringList definition;
    const QStringList paragraphs = QString(description).replace(QLatin1String("\r\n"), QLatin1String("\n"))
                                       .split(QStringLiteral("\n\n"));
    for (const QString &para : paragraphs) {
        if (para.startsWith(UseWhenLabel)) {
            current = &parts.useWhen;
            *current = para.mid(UseWhenLabel.size());
        } else if (para.startsWith(AvoidWhenLabel)) {
            current = &parts.avoidWhen;
            *current = para.mid(AvoidWhenLabel.size());
        } else if (para.startsWith(ExampleLabel)) {
            current = &parts.example;
            *current = para.mid(ExampleLabel.size());
        } else if (current->isEmpty()) {
            *current = para;
        } else {
            *current += QStringLiteral("\n\n") + para;
        }
    }
    parts.definition = parts.definition.trimmed();
    parts.useWhen = parts.useWhen.trimmed();
    parts.avoidWhen = parts.avoidWhen.trimmed();
    parts.example = parts.example.trimmed();
    return parts;
}

std::optional<ExportBundle> buildProjectExport(const Project &project, const ExportOptions &options, QString *error)
{
    try {
        return Builder(project, options).build(error);
    } catch (const StoreError &e) {
        *error = e.message();
        return std::nullopt;
    }
}

std::optional<RefiCounts> exportProject(const Project &project, const QString &path, const ExportOptions &options,
                                        QString *error)
{
    const auto bundle = buildProjectExport(project, options, error);
    if (!bundle)
        return std::nullopt;
    if (!writeArchive(path, bundle->files, archiveTimestamp(bundle->data), error))
        return std::nullopt;
    return bundle->counts;
}

std::optional<RefiCounts> exportCodebook(const Project &project, const QString &path, QString *error)
{
    ExportOptions options;
    auto bundle = buildProjectExport(project, options, error);
    if (!bundle)
        return std::nullopt;
    if (bundle->data.codes.isEmpty()) {
        *error = QStringLiteral("The codebook is empty; a REFI-QDA codebook needs at least one code.");
        return std::nullopt;
    }
    QSaveFile out(path);
    const QByteArray xml = writeCodebookXml(bundle->data);
    if (!out.open(QIODevice::WriteOnly) || out.write(xml) != xml.size() || !out.commit()) {
        *error = QStringLiteral("Cannot write %1: %2").arg(path, out.errorString());
        return std::nullopt;
    }
    RefiCounts counts;
    counts.codes = bundle->counts.codes;
    return counts;
}

} // namespace newscoder::refi
