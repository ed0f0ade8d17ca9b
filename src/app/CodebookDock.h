#pragma once

#include <QDockWidget>
#include <QUuid>

class QTableView;
class QToolButton;

namespace newscoder {

class CodebookModel;

// The codebook: each code with its colour, key and number of uses. Clicking
// a code (or pressing its key) codes the selected text; double-click edits
// the name or key; the buttons add, recolour and delete codes.
class CodebookDock final : public QDockWidget
{
    Q_OBJECT

public:
    explicit CodebookDock(QWidget *parent = nullptr);

    void setModel(CodebookModel *model);
    QUuid currentCode() const;
    QTableView *view() const { return m_view; }

Q_SIGNALS:
    void codeActivated(const QUuid &codeId); // apply this code to the selection
    void addCodeRequested();
    void recolorCodeRequested(const QUuid &codeId);
    void removeCodeRequested(const QUuid &codeId);

private:
    CodebookModel *m_model = nullptr;
    QTableView *m_view = nullptr;
    QToolButton *m_recolor = nullptr;
    QToolButton *m_remove = nullptr;
};

} // namespace newscoder
