#pragma once

#include "dedup/ImportDuplicates.h"
#include "io/ImportPreview.h"

#include <QDialog>
#include <QHash>
#include <QUuid>

#include <functional>
#include <memory>

class QComboBox;
class QDialogButtonBox;
class QGroupBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QTableWidget;
class QTreeWidget;

namespace newscoder {

class BackgroundTask;
class Project;

// Import ▸ review before anything is written: the files with their detected
// format, encoding (overridable per file), article count and duplicates; for
// tables the column that fills each article field (as the CLI's --map) with a
// preview of the first rows; what to do with copies (keep, skip, link). The
// files are read and compared with the project on a worker thread (its own
// read-only connection) with a progress bar; changing an encoding or a column
// reads again. Import adds the articles in one undoable step; Cancel, at any
// time, writes nothing.
class ImportDialog final : public QDialog
{
    Q_OBJECT

public:
    ImportDialog(Project &project, const QStringList &paths, QWidget *parent = nullptr);
    ~ImportDialog() override;

    bool isAnalysing() const { return m_analysing; }
    const ImportPreview &preview() const { return m_preview; }
    QList<QUuid> importedIds() const { return m_ids; }
    dedup::DuplicateChoice duplicateChoice() const;

    QTreeWidget *fileList() const { return m_files; }
    QComboBox *encodingBox() const { return m_encoding; }
    QComboBox *duplicateBox() const { return m_duplicates; }
    QComboBox *mappingBox(const QString &field) const { return m_mapping.value(field); }
    QGroupBox *tableGroup() const { return m_tableGroup; }
    QTableWidget *tablePreview() const { return m_tablePreview; }
    QProgressBar *progressBar() const { return m_progress; }
    QPushButton *importButton() const { return m_import; }
    QLabel *summaryLabel() const { return m_summary; }

    // Tests: called on the worker thread before it reads.
    static void setWorkerHook(std::function<void()> hook);

Q_SIGNALS:
    void analysed();
    void imported(const QList<QUuid> &ids);

private:
    void analyse();
    void showPreview();
    void showFile();
    void chooseEncoding();
    void chooseColumn(const QString &field);
    void importNow();
    void cancelAnalysis();
    QString currentPath() const;

    Project &m_project;
    QStringList m_paths;
    QHash<QString, FileImportChoice> m_choices;
    ImportPreview m_preview;
    QList<QUuid> m_ids;
    bool m_analysing = false;
    bool m_filling = false; // widgets being set from the preview: no reaction
    BackgroundTask *m_task;

    QTreeWidget *m_files;
    QComboBox *m_encoding;
    QGroupBox *m_tableGroup;
    QHash<QString, QComboBox *> m_mapping;
    QTableWidget *m_tablePreview;
    QComboBox *m_duplicates;
    QProgressBar *m_progress;
    QLabel *m_summary;
    QDialogButtonBox *m_buttons;
    QPushButton *m_import;
};

} // namespace newscoder
