// "My articles": the articles assigned to one coder, with whether they marked
// each done and how many required values they have not given yet; the
// progress line the article list and `newscoder-cli my-articles` show.
#pragma once

#include <QDate>
#include <QList>
#include <QString>
#include <QUuid>

namespace newscoder {

class ProjectReader;

namespace study {

struct MyArticle
{
    QUuid documentId;
    QString title;
    QDate date;
    QUuid sampleId; // the reliability sample that assigned it (null: by hand)
    bool done = false;
    int missing = 0; // required values this coder has not given
};

struct MyProgress
{
    int assigned = 0;
    int done = 0;
    int withMissing = 0; // assigned articles with a required value missing
};

// "done 12 / 40 · 3 with required fields missing" (empty for nothing assigned).
QString progressText(const MyProgress &progress);

struct MyArticles
{
    QList<MyArticle> rows; // by date, then title
    MyProgress progress;
};

// The coder's assigned articles (none for an unknown coder). A few grouped
// queries, never one per article. Throws StoreError.
MyArticles myArticles(const ProjectReader &store, const QString &coderName);

} // namespace study
} // namespace newscoder
