#pragma once

#include "agreement/ProjectAgreement.h"

#include <QUuid>
#include <QWidget>

class QListWidget;
class QRadioButton;

namespace newscoder {

class Project;

// The left side of the Reliability window: which coders, codes and articles
// to compare. Coders and codes are checkable lists (all ticked at first; a
// refresh keeps what was unticked); articles are "all" or "the ones selected
// in the article list".
class ReliabilitySelection final : public QWidget
{
    Q_OBJECT

public:
    explicit ReliabilitySelection(Project &project, QWidget *parent = nullptr);

    void refreshCoders();
    void refreshCodes();
    void setSelectedDocuments(const QList<QUuid> &ids);

    // What the ticks describe (documents empty: all articles).
    AgreementRequest request() const;
    // "All articles" / "3 selected articles".
    QString articlesDescription() const;

    QListWidget *coderList() const { return m_coders; }
    QListWidget *codeList() const { return m_codes; }
    QRadioButton *allArticlesButton() const { return m_allArticles; }
    QRadioButton *selectedArticlesButton() const { return m_selectedArticles; }

Q_SIGNALS:
    void errorOccurred(const QString &message);

private:
    Project &m_project;
    QList<QUuid> m_selectedDocuments;
    QListWidget *m_coders = nullptr;
    QListWidget *m_codes = nullptr;
    QRadioButton *m_allArticles = nullptr;
    QRadioButton *m_selectedArticles = nullptr;
};

} // namespace newscoder
