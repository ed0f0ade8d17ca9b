#pragma once

#include <QUuid>
#include <QWidget>

class QLabel;
class QTableView;

namespace newscoder {

class AnnotationFieldForm;
class AnnotationTableModel;
class DocumentDetailsModel;
class Project;

// The editable pane beside the article: its annotations (code, quoted text,
// coder, memo — memo and code editable in place), the fields of the selected
// annotation (AnnotationFieldForm) and the article's details (title, outlet,
// date, URL, author, metadata — editable).
class AnnotationPane final : public QWidget
{
    Q_OBJECT

public:
    AnnotationPane(Project &project, AnnotationTableModel &annotations, DocumentDetailsModel &details,
                   QWidget *parent = nullptr);

    QUuid currentAnnotation() const;
    void selectAnnotation(const QUuid &annotationId);
    QTableView *annotationTable() const { return m_annotationTable; }
    QTableView *detailsTable() const { return m_detailsTable; }
    AnnotationFieldForm *fieldForm() const { return m_form; }

Q_SIGNALS:
    void currentAnnotationChanged(const QUuid &annotationId);
    // A linked annotation was clicked in the field form.
    void followLinkRequested(const QUuid &annotationId);

protected:
    void resizeEvent(QResizeEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void updateHeading();
    // Coder and memo columns shrink before the quoted text does.
    void fitColumns();

    Project &m_project;
    AnnotationTableModel &m_annotations;
    QLabel *m_heading = nullptr;
    QTableView *m_annotationTable = nullptr;
    QTableView *m_detailsTable = nullptr;
    AnnotationFieldForm *m_form = nullptr;
};

} // namespace newscoder
