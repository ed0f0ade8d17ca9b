#pragma once

#include "export/DatasetExportJob.h"
#include "export/DatasetFilterPanel.h"

#include <QDialog>

#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressDialog;
class QPushButton;
class QTableView;
class QTimer;
template<typename T>
class QFutureWatcher;

namespace newscoder {

class DatasetPreviewModel;
class Project;

// File ▸ Export ▸ Dataset…: a table (or every table, or JSON Lines), a format,
// the target, the filters (DatasetFilterPanel) and the file options; a
// preview of the first rows exactly as they will be written. Preview and
// export run on worker threads through their own read-only connection; the
// export shows its progress with Cancel. A cancelled or failed export leaves
// no file and an existing file untouched (the writers use QSaveFile) and
// says so; success says where it was written. Table, format, options and the
// folder are remembered (DatasetExportSettings). Messages go through Prompt.
class DatasetExportDialog final : public QDialog
{
    Q_OBJECT

public:
    static constexpr int PreviewRows = 20;

    DatasetExportDialog(Project &project, const ExportContext &context, QWidget *parent = nullptr);
    ~DatasetExportDialog() override;

    // The export as the widgets describe it.
    DatasetExportSpec spec() const;
    void setTable(std::optional<dataset::TableKind> table);
    void setFormat(exporting::Format format);
    void setTarget(const QString &path);

    // Starts writing (no-op while running); exportFinished() follows.
    void startExport();
    // Asks a running export to stop; nothing is written.
    void cancelExport();
    bool isExporting() const { return m_exportWatcher != nullptr; }
    const exporting::ExportResult &lastResult() const { return m_lastResult; }

    // Reads the preview again now (it also follows every change after a short pause).
    void refreshPreview();
    bool isPreviewing() const { return m_previewWatcher != nullptr || m_previewPending; }

    // For tests.
    DatasetFilterPanel *filters() const { return m_filters; }
    DatasetPreviewModel *previewModel() const { return m_previewModel; }
    QTableView *previewView() const { return m_preview; }
    QComboBox *tableBox() const { return m_table; }
    QComboBox *formatBox() const { return m_format; }
    QLineEdit *targetEdit() const { return m_target; }
    QComboBox *delimiterBox() const { return m_delimiter; }
    QCheckBox *bomBox() const { return m_bom; }
    QCheckBox *neutraliseBox() const { return m_neutralise; }
    QPushButton *exportButton() const { return m_exportButton; }
    QLabel *messageLabel() const { return m_message; }

Q_SIGNALS:
    void previewUpdated();
    // After the export ended (written, failed or cancelled) and the user was told.
    void exportFinished();

protected:
    void reject() override; // while exporting: cancels instead of closing

private:
    struct Shared;
    void buildUi();
    QWidget *buildOptions();
    void restoreChoices();
    void updateState();
    void schedulePreview();
    void showPreview(DatasetPreview preview);
    void browse();
    void finishExport(exporting::ExportResult result, const DatasetExportSpec &spec, bool existed);

    Project &m_project;
    ExportContext m_context;
    std::shared_ptr<Shared> m_shared;
    QFutureWatcher<exporting::ExportResult> *m_exportWatcher = nullptr;
    QFutureWatcher<DatasetPreview> *m_previewWatcher = nullptr;
    QProgressDialog *m_progress = nullptr;
    bool m_previewPending = false;
    QTimer *m_previewTimer = nullptr;
    QString m_confirmedTarget; // chosen in the file dialog, which already asked about replacing it
    QString m_lastFolder;
    bool m_targetEdited = false; // typed or browsed: no longer follows the table and format
    exporting::ExportResult m_lastResult;

    QComboBox *m_table = nullptr;
    QComboBox *m_format = nullptr;
    QLineEdit *m_target = nullptr;
    QLabel *m_outputHint = nullptr;
    DatasetFilterPanel *m_filters = nullptr;
    QComboBox *m_delimiter = nullptr;
    QCheckBox *m_bom = nullptr;
    QCheckBox *m_neutralise = nullptr;
    QLabel *m_previewTitle = nullptr;
    QLabel *m_previewNote = nullptr;
    QTableView *m_preview = nullptr;
    DatasetPreviewModel *m_previewModel = nullptr;
    QLabel *m_message = nullptr;
    QPushButton *m_exportButton = nullptr;
};

} // namespace newscoder
