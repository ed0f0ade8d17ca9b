#pragma once

#include "agreement/ProjectAgreement.h"

#include <QDialog>

class QStandardItemModel;
class QTableView;

namespace newscoder {

// Lists the spans of one code that not every coder marked the same way
// (codeDisagreements()): article, coder, span, text and kind.
class DisagreementsDialog final : public QDialog
{
    Q_OBJECT

public:
    enum Column { ArticleColumn, CoderColumn, SpanColumn, TextColumn, KindColumn, ColumnCount };

    DisagreementsDialog(const QString &codeName, const QList<Disagreement> &disagreements, QWidget *parent = nullptr);

    QTableView *view() const { return m_view; }
    QStandardItemModel *model() const { return m_model; }
    const QList<Disagreement> &disagreements() const { return m_disagreements; }

private:
    QList<Disagreement> m_disagreements;
    QStandardItemModel *m_model = nullptr;
    QTableView *m_view = nullptr;
};

} // namespace newscoder
