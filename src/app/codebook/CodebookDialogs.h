#pragma once

#include <QDialog>
#include <QUuid>

class QLineEdit;
class QListWidget;

namespace newscoder {

class Project;

// Asks which code `absorbedId` should be merged into (codes of the same
// unit, not its own sub-codes). Null when cancelled or there is none.
QUuid chooseMergeTarget(QWidget *parent, const Project &project, const QUuid &absorbedId);

// Split…: a name for the new code and the annotations of the code that move
// to it (a checkable list; `preselected` start checked).
class SplitCodeDialog final : public QDialog
{
    Q_OBJECT

public:
    SplitCodeDialog(Project &project, const QUuid &codeId, const QList<QUuid> &preselected,
                    QWidget *parent = nullptr);

    QString newName() const;
    QList<QUuid> chosenAnnotations() const;
    QListWidget *annotationList() const { return m_list; }
    QLineEdit *nameEdit() const { return m_name; }

private:
    QLineEdit *m_name = nullptr;
    QListWidget *m_list = nullptr;
};

} // namespace newscoder
