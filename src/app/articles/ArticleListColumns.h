#pragma once

#include <QObject>

class QTableView;

namespace newscoder {

// Column widths of the article list: the title is what tells articles apart,
// so it stretches and keeps at least TitleSharePercent of the list; date, codes,
// missing, done and agreement take just their contents; the outlet gets what is left (at most a
// third of the list) and steps aside while the list is too narrow to show it
// readably (it stays in each row's tooltip and in the article's header); with
// the study columns shown in a narrow list, the codes count steps aside first.
// Refits when the list is resized, sorted or its rows change.
class ArticleListColumns final : public QObject
{
    Q_OBJECT

public:
    static constexpr int TitleSharePercent = 40;
    static constexpr int MinOutletWidth = 80;

    explicit ArticleListColumns(QTableView *view);

    // Call after the view's model changed.
    void watchModel();
    void fit();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    int compactWidth(int column) const;

    QTableView *m_view;
    QObject *m_viewport; // the view's viewport, compared only (never called)
};

} // namespace newscoder
