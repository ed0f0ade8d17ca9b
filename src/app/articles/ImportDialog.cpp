#include "articles/ImportDialog.h"

#include "common/BackgroundTask.h"
#include "io/TextDecoding.h"
#include "project/Project.h"
#include "storage/ProjectReader.h"
#include "storage/StoreError.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace newscoder {

namespace {

std::function<void()> g_workerHook;

enum FileColumn { NameColumn, FormatColumn, EncodingColumn, ArticlesColumn, DuplicatesColumn, NotesColumn };

// Encodings offered besides detection (legacy ones news archives still use).
QStringList offeredEncodings()
{
    QStringList names;
    for (const char *name : {"UTF-8", "UTF-16LE", "UTF-16BE", "windows-1252", "ISO-8859-1", "ISO-8859-2",
                             "ISO-8859-15", "windows-1250", "windows-1251", "KOI8-R", "GB18030", "Big5", "Shift_JIS",
                             "EUC-KR"}) {
        if (isKnownEncoding(QString::fromLatin1(name)))
            names << QString::fromLatin1(name);
    }
    return names;
}

QString fieldLabel(const QString &field)
{
    if (field == QLatin1String("id"))
        return ImportDialog::tr("External id");
    if (field == QLatin1String("url"))
        return ImportDialog::tr("URL");
    return field.left(1).toUpper() + field.mid(1);
}

} // namespace

ImportDialog::ImportDialog(Project &project, const QStringList &paths, QWidget *parent)
    : QDialog(parent), m_project(project), m_paths(paths), m_task(new BackgroundTask(this)),
      m_files(new QTreeWidget(this)),
      m_encoding(new QComboBox(this)), m_tableGroup(new QGroupBox(tr("Table columns"), this)),
      m_tablePreview(new QTableWidget(this)), m_duplicates(new QComboBox(this)), m_progress(new QProgressBar(this)),
      m_summary(new QLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("importDialog"));
    setWindowTitle(tr("Import Articles"));
    m_files->setObjectName(QStringLiteral("importFiles"));
    m_files->setHeaderLabels({tr("File"), tr("Format"), tr("Encoding"), tr("Articles"), tr("Duplicates"), tr("Notes")});
    m_files->setRootIsDecorated(false);
    m_files->setUniformRowHeights(true);
    m_files->setAlternatingRowColors(true);
    m_files->header()->setStretchLastSection(true);

    m_encoding->setObjectName(QStringLiteral("importEncoding"));
    m_encoding->addItem(tr("Detect"), QString());
    for (const QString &name : offeredEncodings())
        m_encoding->addItem(name, name);
    m_encoding->setToolTip(tr("The encoding the selected file is read with. Detect: a byte-order mark, UTF-8, "
                              "the page's own declaration, else the most likely legacy encoding."));
    auto *fileForm = new QFormLayout;
    fileForm->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    fileForm->addRow(tr("&Encoding of the selected file:"), m_encoding);

    auto *mappingForm = new QFormLayout;
    for (const QString &field : table::mappableFields()) {
        auto *box = new QComboBox(m_tableGroup);
        box->setObjectName(QStringLiteral("importMap_") + field);
        m_mapping.insert(field, box);
        mappingForm->addRow(fieldLabel(field) + u':', box);
        connect(box, &QComboBox::activated, this, [this, field] { chooseColumn(field); });
    }
    auto *restLabel = new QLabel(tr("Every other column is kept as the article's metadata."), m_tableGroup);
    restLabel->setWordWrap(true);
    m_tablePreview->setObjectName(QStringLiteral("importTablePreview"));
    m_tablePreview->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tablePreview->verticalHeader()->hide();
    m_tablePreview->setWordWrap(false);
    m_tablePreview->horizontalHeader()->setStretchLastSection(false);
    auto *tableLayout = new QHBoxLayout(m_tableGroup);
    auto *mappingColumn = new QVBoxLayout;
    mappingColumn->addLayout(mappingForm);
    mappingColumn->addWidget(restLabel);
    mappingColumn->addStretch();
    tableLayout->addLayout(mappingColumn);
    tableLayout->addWidget(m_tablePreview, 1);
    m_tableGroup->hide();

    m_duplicates->setObjectName(QStringLiteral("importDuplicates"));
    m_duplicates->addItem(tr("Import them anyway"), int(dedup::DuplicateChoice::Keep));
    m_duplicates->addItem(tr("Skip them"), int(dedup::DuplicateChoice::Skip));
    m_duplicates->addItem(tr("Import them linked to the earlier article"), int(dedup::DuplicateChoice::Link));
    auto *duplicateForm = new QFormLayout;
    duplicateForm->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    duplicateForm->addRow(tr("Articles that copy an earlier one (similarity ≥ 0.8):"), m_duplicates);

    m_progress->setObjectName(QStringLiteral("importProgress"));
    m_summary->setObjectName(QStringLiteral("importSummary"));
    m_summary->setWordWrap(true);
    m_import = m_buttons->addButton(tr("&Import"), QDialogButtonBox::AcceptRole);
    m_import->setObjectName(QStringLiteral("importButton"));
    m_import->setEnabled(false);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Nothing is added to the project until you press Import."), this));
    layout->addWidget(m_files, 2);
    layout->addLayout(fileForm);
    layout->addWidget(m_tableGroup, 2);
    layout->addLayout(duplicateForm);
    layout->addWidget(m_progress);
    layout->addWidget(m_summary);
    layout->addWidget(m_buttons);
    resize(980, 680);

    connect(m_files, &QTreeWidget::currentItemChanged, this, &ImportDialog::showFile);
    connect(m_encoding, &QComboBox::activated, this, &ImportDialog::chooseEncoding);
    connect(m_import, &QPushButton::clicked, this, &ImportDialog::importNow);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ImportDialog::reject);
    connect(this, &QDialog::rejected, this, &ImportDialog::cancelAnalysis);

    connect(m_task, &BackgroundTask::progressed, this, [this](qint64 done, qint64 total) {
        if (m_analysing && total > 0) {
            m_progress->setMaximum(int(total));
            m_progress->setValue(int(done));
        }
    });
    connect(m_task, &BackgroundTask::failed, this, [this](const QString &message) {
        m_analysing = false;
        m_progress->hide();
        m_summary->setText(tr("The project cannot be read: %1").arg(message));
    });
    analyse();
}

ImportDialog::~ImportDialog()
{
    cancelAnalysis();
}

void ImportDialog::setWorkerHook(std::function<void()> hook)
{
    g_workerHook = std::move(hook);
}

dedup::DuplicateChoice ImportDialog::duplicateChoice() const
{
    return dedup::DuplicateChoice(m_duplicates->currentData().toInt());
}

void ImportDialog::cancelAnalysis()
{
    m_task->cancel(); // the worker stops after its file; its result goes nowhere
    m_analysing = false;
}

void ImportDialog::analyse()
{
    m_analysing = true;
    m_import->setEnabled(false);
    m_progress->setRange(0, 0); // busy until the files are counted
    m_progress->show();
    m_summary->setText(tr("Reading the files and comparing them with the project…"));
    const ReaderSource source = m_project.reader().readerSource();
    // A newer analysis drops the running one (its result never arrives).
    m_task->start(
        [paths = m_paths, choices = m_choices, source, hook = g_workerHook](Progress &progress) {
            if (hook)
                hook();
            // A store belongs to the thread that opened it: the worker has its own.
            std::unique_ptr<ProjectReader> store;
            if (!source.isNull())
                store = source.open();
            return previewImport(paths, choices, store.get(), {}, progress.reporter(), progress.cancelFlag());
        },
        [this](ImportPreview preview) {
            m_analysing = false;
            m_progress->hide();
            m_preview = std::move(preview);
            showPreview();
            Q_EMIT analysed();
        });
}

void ImportDialog::showPreview()
{
    const QString selected = currentPath();
    m_filling = true;
    m_files->clear();
    int articles = 0, copies = 0;
    QTreeWidgetItem *current = nullptr;
    for (const FilePreview &file : std::as_const(m_preview.files)) {
        auto *item = new QTreeWidgetItem(m_files);
        item->setText(NameColumn, QFileInfo(file.path).fileName());
        item->setToolTip(NameColumn, QDir::toNativeSeparators(file.path));
        item->setData(NameColumn, Qt::UserRole, file.path);
        item->setText(FormatColumn, file.format);
        item->setText(EncodingColumn, file.encodingSource == QLatin1String("given")
                                          ? tr("%1 (chosen)").arg(file.encoding)
                                          : file.encoding);
        item->setText(ArticlesColumn, QString::number(file.articles));
        item->setText(DuplicatesColumn, file.duplicates > 0 ? QString::number(file.duplicates) : QString());
        const QString notes = file.error.isEmpty() ? file.notes.join(QStringLiteral("; ")) : file.error;
        item->setText(NotesColumn, notes);
        item->setToolTip(NotesColumn, file.error.isEmpty() ? file.notes.join(u'\n') : file.error);
        item->setTextAlignment(ArticlesColumn, Qt::AlignRight | Qt::AlignVCenter);
        item->setTextAlignment(DuplicatesColumn, Qt::AlignRight | Qt::AlignVCenter);
        if (!file.error.isEmpty())
            item->setForeground(NotesColumn, palette().color(QPalette::PlaceholderText));
        articles += file.articles;
        copies += file.duplicates;
        if (file.path == selected)
            current = item;
    }
    for (const auto &[path, reason] : std::as_const(m_preview.unsupported)) {
        auto *item = new QTreeWidgetItem(m_files);
        item->setText(NameColumn, QFileInfo(path).fileName());
        item->setToolTip(NameColumn, QDir::toNativeSeparators(path));
        item->setText(ArticlesColumn, QStringLiteral("0"));
        item->setText(NotesColumn, reason);
        item->setTextAlignment(ArticlesColumn, Qt::AlignRight | Qt::AlignVCenter);
    }
    for (int column = NameColumn; column < NotesColumn; ++column)
        m_files->resizeColumnToContents(column);
    m_filling = false;
    m_files->setCurrentItem(current ? current : m_files->topLevelItem(0));
    showFile();
    m_summary->setText(tr("%n article(s) in %1 file(s)", nullptr, articles).arg(m_preview.files.size())
                       + (copies > 0 ? tr("; copies of an earlier article (in the project or among these files): "
                                          "%1.")
                                              .arg(copies)
                                     : tr("; no copies of earlier articles.")));
    m_import->setEnabled(articles > 0);
}

QString ImportDialog::currentPath() const
{
    const QTreeWidgetItem *item = m_files->currentItem();
    return item ? item->data(NameColumn, Qt::UserRole).toString() : QString();
}

void ImportDialog::showFile()
{
    if (m_filling)
        return;
    const QString path = currentPath();
    const FilePreview *file = nullptr;
    for (const FilePreview &f : std::as_const(m_preview.files)) {
        if (f.path == path)
            file = &f;
    }
    m_filling = true;
    m_encoding->setEnabled(file != nullptr);
    const QString chosen = m_choices.value(path).encoding;
    m_encoding->setCurrentIndex(qMax(0, m_encoding->findData(chosen)));
    m_tableGroup->setVisible(file && file->isTable);
    if (file && file->isTable) {
        const QStringList fields = table::mappableFields();
        for (const QString &field : fields) {
            QComboBox *box = m_mapping.value(field);
            box->clear();
            box->addItem(tr("(none)"), QString());
            for (const QString &column : file->columns)
                box->addItem(column, column);
            const int resolved = file->mapping.column(field);
            box->setCurrentIndex(resolved >= 0 ? resolved + 1 : 0);
        }
        m_tablePreview->clear();
        m_tablePreview->setColumnCount(int(fields.size()));
        QStringList labels;
        for (const QString &field : fields)
            labels << fieldLabel(field);
        m_tablePreview->setHorizontalHeaderLabels(labels);
        m_tablePreview->setRowCount(int(file->sampleRows.size()));
        for (int r = 0; r < file->sampleRows.size(); ++r) {
            for (int c = 0; c < fields.size(); ++c) {
                const int column = file->mapping.column(fields[c]);
                const QString cell = column >= 0 ? file->sampleRows[r].value(column) : QString();
                auto *item = new QTableWidgetItem(cell.left(200).simplified());
                item->setToolTip(cell.left(2000));
                m_tablePreview->setItem(r, c, item);
            }
        }
        m_tablePreview->resizeColumnsToContents();
        m_tablePreview->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch); // the text
        m_tableGroup->setToolTip(file->mapping.error);
    }
    m_filling = false;
}

void ImportDialog::chooseEncoding()
{
    const QString path = currentPath();
    if (m_filling || path.isEmpty())
        return;
    m_choices[path].encoding = m_encoding->currentData().toString();
    analyse();
}

void ImportDialog::chooseColumn(const QString &field)
{
    const QString path = currentPath();
    if (m_filling || path.isEmpty())
        return;
    QList<QPair<QString, QString>> &map = m_choices[path].columnMap;
    map.removeIf([&field](const QPair<QString, QString> &p) { return p.first == field; });
    const QString column = m_mapping.value(field)->currentData().toString();
    if (!column.isEmpty())
        map.append({field, column});
    analyse();
}

void ImportDialog::importNow()
{
    if (m_analysing || m_preview.documents.isEmpty())
        return;
    const dedup::ChosenImport chosen =
        dedup::applyDuplicateChoice(m_preview.documents, m_preview.duplicates, duplicateChoice());
    if (chosen.documents.isEmpty()) {
        m_summary->setText(tr("Every article is a copy of an earlier one: nothing to import."));
        return;
    }
    m_ids = m_project.importDocuments(chosen.documents, tr("Import %n article(s)", nullptr,
                                                            int(chosen.documents.size())));
    if (m_ids.isEmpty()) {
        m_summary->setText(tr("Import failed — nothing was added: %1").arg(m_project.lastError()));
        return;
    }
    Q_EMIT imported(m_ids);
    accept();
}

} // namespace newscoder
