#include "shell/AccessibleNames.h"

#include "articles/DocumentListDock.h"
#include "codebook/CodebookDock.h"
#include "coding/AnnotationFieldForm.h"
#include "coding/AnnotationPane.h"
#include "coding/ArticleView.h"
#include "coding/CodingWorkspace.h"
#include "fields/ArticleVariablesPanel.h"
#include "registry/ActorsDock.h"
#include "registry/OutletsDock.h"
#include "search/SearchDock.h"
#include "shell/MainWindow.h"

#include <QCheckBox>
#include <QCoreApplication>
#include <QLineEdit>
#include <QTableView>
#include <QTreeView>
#include <QTreeWidget>

namespace newscoder::shell {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("newscoder::shell::AccessibleNames", text);
}

} // namespace

QList<QWidget *> nameCodingPath(MainWindow &window)
{
    using Named = std::pair<QWidget *, QString>;
    QList<Named> named{
        {window.documentList()->view(), tr("Articles")},
        {window.documentList()->filterEdit(), tr("Filter articles")},
        {window.documentList()->incompleteOnly(), tr("Only articles with missing required values")},
        {window.codebook()->view(), tr("Codebook: select text, then a code or its key")},
        {window.actors()->view(), tr("Actors")},
        {window.outlets()->view(), tr("Outlets")},
        {window.variables(), tr("Article variables")},
        {window.searchDock()->patternEdit(), tr("Search for")},
        {window.searchDock()->hitList(), tr("Search hits")},
        {window.searchDock()->suggestionList(), tr("Suggestions to accept or reject")},
    };
    if (CodingWorkspace *workspace = window.workspace()) {
        named.append(Named(workspace->articleView(), tr("Article text: select a passage to code")));
        named.append(Named(workspace->annotationPane()->annotationTable(), tr("Annotations of this article")));
        named.append(Named(workspace->annotationPane()->detailsTable(), tr("Article details")));
        named.append(Named(workspace->annotationPane()->fieldForm(), tr("Fields of the selected annotation")));
    }
    QList<QWidget *> widgets;
    for (const auto &[widget, name] : std::as_const(named)) {
        if (!widget)
            continue;
        if (widget->accessibleName().isEmpty())
            widget->setAccessibleName(name);
        widgets.append(widget);
    }
    return widgets;
}

} // namespace newscoder::shell
