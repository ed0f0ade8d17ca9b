#pragma once

#include "dataset/Dataset.h"

#include <QUuid>
#include <QWidget>

class QCheckBox;
class QListWidget;
class QRadioButton;
class QSpinBox;
class QTreeWidget;

namespace newscoder {

class Project;

// What the window had in view when the export was asked for: it pre-fills
// the filters.
struct ExportContext
{
    QList<QUuid> selectedDocuments; // the article list's selection
    QUuid currentCode;              // the codebook's current code
    QString coder;                  // the coder View ▸ Show Coders shows (empty: all coders)
};

// The filters of File ▸ Export ▸ Dataset…: which articles, coders and codes
// go out, suggestions, articles nobody coded and the context around segments.
// Articles: all, or those selected in the article list (pre-chosen when more
// than one is selected). Coders: ticked in a list, pre-ticked from View ▸
// Show Coders. Codes: all, or the ticked ones (the codebook's current code is
// pre-ticked), optionally with their sub-codes.
class DatasetFilterPanel final : public QWidget
{
    Q_OBJECT

public:
    DatasetFilterPanel(const Project &project, const ExportContext &context, QWidget *parent = nullptr);

    // The filter as chosen (coder and code names, article ids).
    dataset::Filter filter() const;
    // Sets the remembered choices (suggestions, uncoded, sub-codes, context).
    void setRememberedChoices(const dataset::Filter &filter);
    // Why the filter selects nothing (empty when it is usable).
    QString problem() const;
    // Context applies to segments, uncoded articles to the articles table and JSON Lines.
    void setApplicable(bool context, bool uncoded);

    // For tests and the dialog.
    QRadioButton *allArticlesButton() const { return m_allArticles; }
    QRadioButton *selectedArticlesButton() const { return m_selectedArticles; }
    QListWidget *coderList() const { return m_coders; }
    QRadioButton *allCodesButton() const { return m_allCodes; }
    QRadioButton *chosenCodesButton() const { return m_chosenCodes; }
    QTreeWidget *codeTree() const { return m_codes; }
    QCheckBox *subCodesBox() const { return m_subCodes; }
    QCheckBox *suggestionsBox() const { return m_suggestions; }
    QCheckBox *uncodedBox() const { return m_uncoded; }
    QSpinBox *contextBox() const { return m_context; }
    // Ticks exactly these coders / code paths.
    void tickCoders(const QStringList &names);
    void tickCodes(const QStringList &paths);

Q_SIGNALS:
    void changed();

private:
    void fillCodes(const Project &project, const QUuid &current);

    QList<QUuid> m_selection;
    QRadioButton *m_allArticles = nullptr;
    QRadioButton *m_selectedArticles = nullptr;
    QListWidget *m_coders = nullptr;
    QRadioButton *m_allCodes = nullptr;
    QRadioButton *m_chosenCodes = nullptr;
    QTreeWidget *m_codes = nullptr;
    QCheckBox *m_subCodes = nullptr;
    QCheckBox *m_suggestions = nullptr;
    QCheckBox *m_uncoded = nullptr;
    QSpinBox *m_context = nullptr;
};

} // namespace newscoder
