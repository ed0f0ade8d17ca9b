#include "fields/ArticleVariablesPanel.h"

#include "fields/FieldEditorFactory.h"

#include "project/Project.h"
#include "storage/StoreError.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QScrollArea>
#include <QToolButton>
#include <QVBoxLayout>

namespace newscoder {

namespace {

QString objectNameFor(const char *prefix, const CodeField &field)
{
    return QString::fromLatin1(prefix) + u':' + field.name;
}

// Inherited values: readable in light and dark themes alike — the text
// colour two thirds of the way from the background (never the disabled grey).
QColor mutedText(const QPalette &palette)
{
    const QColor text = palette.color(QPalette::Text);
    const QColor base = palette.color(QPalette::Base);
    return QColor::fromRgbF(text.redF() * 0.7f + base.redF() * 0.3f, text.greenF() * 0.7f + base.greenF() * 0.3f,
                            text.blueF() * 0.7f + base.blueF() * 0.3f);
}

void markInherited(QWidget *editor, bool inherited, const QString &outletName)
{
    QFont font = editor->font();
    font.setItalic(inherited);
    editor->setFont(font);
    QPalette palette = editor->palette();
    if (inherited) {
        const QColor muted = mutedText(palette);
        palette.setColor(QPalette::Text, muted);
        palette.setColor(QPalette::ButtonText, muted);
        editor->setToolTip(ArticleVariablesPanel::tr("The rating of %1, for all its articles: changing it here "
                                                     "rates the outlet. Use Override for this article only.")
                               .arg(outletName));
    }
    editor->setPalette(palette);
}

} // namespace

ArticleVariablesPanel::ArticleVariablesPanel(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("articleVariablesPanel"));
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(4, 4, 4, 4);
    auto *outletRow = new QHBoxLayout;
    outletRow->addWidget(new QLabel(tr("Outlet:"), this));
    m_outlet = new QComboBox(this); // narrow: the current entry is elided, the open list shows each in full
    m_outlet->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_outlet->setMinimumContentsLength(4);
    m_outlet->setObjectName(QStringLiteral("articleOutlet"));
    m_outlet->setToolTip(tr("The outlet of the registry this article belongs to; its outlet variables are inherited"));
    outletRow->addWidget(m_outlet, 1);
    outer->addLayout(outletRow);
    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    m_message->setObjectName(QStringLiteral("variablesMessage"));
    outer->addWidget(m_message);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *inner = new QWidget(scroll);
    m_layout = new QVBoxLayout(inner);
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->addStretch(1);
    scroll->setWidget(inner);
    outer->addWidget(scroll, 1);

    connect(m_outlet, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (!m_project || m_documentId.isNull() || index < 0)
            return;
        const QUuid outletId = m_outlet->itemData(index).toUuid();
        if (outletId != m_outletId)
            m_project->assignOutlet({m_documentId}, outletId);
    });
    rebuild();
}

void ArticleVariablesPanel::setProject(Project *project)
{
    if (m_project)
        disconnect(m_project, nullptr, this, nullptr);
    m_project = project;
    m_documentId = {};
    if (project) {
        const auto refresh = [this] { rebuild(); };
        connect(project, &Project::valuesChanged, this,
                [this](StoredValue::Owner owner, const QList<QUuid> &ids) {
                    if ((owner == StoredValue::Owner::Document && ids.contains(m_documentId))
                        || (owner == StoredValue::Owner::Outlet && ids.contains(m_outletId)))
                        rebuild();
                });
        connect(project, &Project::documentChanged, this, [this](const QUuid &id) {
            if (id == m_documentId)
                rebuild();
        });
        connect(project, &Project::documentsRemoved, this, [this](const QList<QUuid> &ids) {
            if (ids.contains(m_documentId))
                setDocument({});
        });
        connect(project, &Project::codesChanged, this, refresh);
        connect(project, &Project::actorsChanged, this, refresh);
        connect(project, &Project::outletsChanged, this, refresh);
        connect(project, &Project::coderNameChanged, this, refresh);
    }
    rebuild();
}

void ArticleVariablesPanel::setDocument(const QUuid &documentId)
{
    if (documentId != m_documentId)
        m_overriding.clear();
    m_documentId = documentId;
    rebuild();
}

void ArticleVariablesPanel::rebuild()
{
    if (m_applying) { // the edit that triggered this is still on the stack: rebuild after it
        m_rebuildPending = true;
        return;
    }
    if (m_form) {
        // The sender of the current signal may live in the old form: take it
        // out of the panel now, delete it later.
        m_form->hide();
        m_form->setParent(nullptr);
        m_form->deleteLater();
        m_form = nullptr;
    }
    std::optional<DocumentSummary> summary;
    if (m_project && !m_documentId.isNull()) {
        try {
            summary = m_project->reader().documentSummary(m_documentId);
        } catch (const StoreError &) {
        }
    }
    {
        const QSignalBlocker block(m_outlet);
        m_outlet->clear();
        m_outletId = summary ? summary->outletId : QUuid();
        if (m_project && summary) {
            m_outlet->addItem(tr("(none)"), QUuid());
            for (const Outlet &o : m_project->outlets())
                m_outlet->addItem(o.name, o.id);
            m_outlet->setCurrentIndex(std::max(0, m_outlet->findData(m_outletId)));
        }
        m_outlet->setEnabled(m_project && summary && !m_project->isReadOnly());
    }
    if (!m_project || !summary) {
        m_message->setText(tr("No article selected."));
        return;
    }
    QUuid coderId;
    if (m_project->coderName().isEmpty()) {
        m_message->setText(tr("Set your coder name (Edit menu) to code article variables."));
    } else {
        m_message->clear();
        try {
            if (const auto coder = m_project->reader().coderByName(m_project->coderName()))
                coderId = coder->id;
        } catch (const StoreError &) {
        }
    }
    m_message->setVisible(!m_message->text().isEmpty());

    const QList<VariableValue> variables = m_project->documentVariables(m_documentId, coderId);
    const auto outlet = m_project->outlet(m_outletId);
    const QString outletName = outlet ? outlet->name : QString();
    m_form = new QWidget;
    auto *formLayout = new QFormLayout(m_form);
    formLayout->setContentsMargins(0, 0, 0, 0);
    QString lastCode;
    m_rateOutlet.clear();
    for (const VariableValue &v : variables) {
        const bool outletField = v.unit == CodeUnit::Outlet;
        const bool overridden = outletField && !v.inherited && !v.values.isEmpty();
        // Without an outlet, or overridden, an outlet field is this article's own value.
        const bool ratesOutlet = outletField && !m_outletId.isNull() && !overridden
                                 && !m_overriding.contains(v.field.id);
        if (ratesOutlet)
            m_rateOutlet.insert(v.field.id);
        if (v.codeName != lastCode) {
            QString heading = QStringLiteral("<b>%1</b>").arg(v.codeName.toHtmlEscaped());
            if (outletField && !outletName.isEmpty())
                heading += QStringLiteral("<br/><small>%1</small>")
                               .arg(tr("Ratings of %1 (all its articles); Override sets one for this article only.")
                                        .arg(outletName)
                                        .toHtmlEscaped());
            auto *header = new QLabel(heading, m_form);
            header->setWordWrap(true);
            formLayout->addRow(header);
            lastCode = v.codeName;
        }
        auto *row = new QWidget(m_form);
        auto *rowLayout = new QHBoxLayout(row);
        rowLayout->setContentsMargins(0, 0, 0, 0);
        QWidget *editor = editorFor(v, row);
        editor->setObjectName(objectNameFor("variable", v.field));
        editor->setEnabled(!m_project->isReadOnly() && !m_project->coderName().isEmpty());
        if (!v.field.description.isEmpty() && !(v.inherited && ratesOutlet))
            editor->setToolTip(v.field.description);
        const bool shownInherited = v.inherited && ratesOutlet;
        markInherited(editor, shownInherited, outletName);
        rowLayout->addWidget(editor, 1);
        const CodeField field = v.field;
        if (overridden) {
            auto *reset = new QToolButton(row);
            reset->setObjectName(objectNameFor("reset", v.field));
            reset->setText(tr("Reset"));
            reset->setToolTip(outletName.isEmpty() ? tr("Remove this article's own value")
                                                   : tr("Go back to the value inherited from %1").arg(outletName));
            connect(reset, &QToolButton::clicked, this, [this, field] {
                m_overriding.remove(field.id);
                apply(field, QString());
            });
            rowLayout->addWidget(reset);
        } else if (ratesOutlet && !m_project->isReadOnly()) {
            auto *override = new QToolButton(row);
            override->setObjectName(objectNameFor("override", v.field));
            override->setText(tr("Override"));
            override->setToolTip(tr("Give this article its own value instead of the rating of %1").arg(outletName));
            override->setEnabled(editor->isEnabled());
            connect(override, &QToolButton::clicked, this, [this, field] {
                m_overriding.insert(field.id);
                rebuild();
            });
            rowLayout->addWidget(override);
        } else if (outletField && m_overriding.contains(v.field.id)) {
            auto *cancel = new QToolButton(row);
            cancel->setObjectName(objectNameFor("reset", v.field));
            cancel->setText(tr("Cancel"));
            cancel->setToolTip(tr("Keep the rating of %1 for this article").arg(outletName));
            connect(cancel, &QToolButton::clicked, this, [this, field] {
                m_overriding.remove(field.id);
                rebuild();
            });
            rowLayout->addWidget(cancel);
        }
        QString label = v.field.name + (v.field.required ? QStringLiteral(" *") : QString());
        formLayout->addRow(label, row);
        if (v.inherited || overridden || (outletField && m_overriding.contains(v.field.id))) {
            auto *note = new QLabel(shownInherited ? tr("inherited from %1").arg(outletName)
                                                   : tr("this article only (overrides %1)").arg(outletName),
                                    m_form);
            note->setObjectName(objectNameFor(shownInherited ? "inherited" : "override-note", v.field));
            note->setWordWrap(true); // a long outlet name must not widen the panel
            QFont font = note->font();
            font.setItalic(true);
            note->setFont(font);
            QPalette palette = note->palette();
            palette.setColor(QPalette::WindowText, mutedText(palette));
            note->setPalette(palette);
            formLayout->addRow(QString(), note);
        }
    }
    if (variables.isEmpty())
        formLayout->addRow(new QLabel(tr("The codebook has no article or outlet variables."), m_form));
    m_layout->insertWidget(0, m_form);
}

QWidget *ArticleVariablesPanel::editorFor(const VariableValue &v, QWidget *parent)
{
    FieldEditor *editor = FieldEditorFactory::build(v.field, FieldEditorStyle::Panel, *m_project, parent);
    editor->setValues(v.values);
    connect(editor, &FieldEditor::edited, this, [this, editor] {
        if (editor->field().kind == FieldKind::ActorLink)
            applyActor(editor->field(), editor->values().value_or(QList<FieldValue>{}).value(0).actorId);
        else
            apply(editor->field(), editor->text());
    });
    return editor->widget();
}

void ArticleVariablesPanel::apply(const CodeField &field, const QString &text)
{
    if (!m_project || m_documentId.isNull())
        return;
    m_applying = true;
    // ValueInput's rules; a text that is no value is refused with a message.
    const auto values = m_project->parseValues(field, text);
    if (values && m_rateOutlet.contains(field.id))
        m_project->setOutletValues(m_outletId, field.id, *values); // rates the outlet
    else if (values)
        m_project->setDocumentValues(m_documentId, field.id, *values);
    m_applying = false;
    // Show what is stored (also after a refused value).
    m_rebuildPending = false;
    rebuild();
}

void ArticleVariablesPanel::applyActor(const CodeField &field, const QUuid &actorId)
{
    if (!m_project || m_documentId.isNull())
        return;
    m_applying = true;
    QList<FieldValue> values;
    if (!actorId.isNull())
        values.append(FieldValue{field.id, {}, {}, actorId});
    if (m_rateOutlet.contains(field.id))
        m_project->setOutletValues(m_outletId, field.id, values);
    else
        m_project->setDocumentValues(m_documentId, field.id, values);
    m_applying = false;
    m_rebuildPending = false;
    rebuild();
}

} // namespace newscoder
