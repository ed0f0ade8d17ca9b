#pragma once

#include "model/CodeField.h"

#include <QColor>
#include <QList>
#include <QString>
#include <QUuid>

namespace newscoder {

// What a code is applied to: a span of text (an annotation), or a whole
// article or outlet (a variable whose values its fields hold).
enum class CodeUnit { Span, Article, Outlet };

QString codeUnitName(CodeUnit unit); // "span", "article", "outlet"
std::optional<CodeUnit> codeUnitFromName(const QString &name);

// A category of the codebook. `parentId` is null for top-level codes;
// `position` orders siblings. `shortcut` is a QKeySequence string ("1", "Ctrl+Q").
// The description is written for coders: a definition, when to use it, when
// not to, and an example.
struct Code
{
    QUuid id;
    QUuid parentId;
    QString name;
    QColor color;
    QString description; // definition
    QString shortcut;
    int position = 0;
    CodeUnit unit = CodeUnit::Span;
    QString useWhen;
    QString avoidWhen;
    QString example;
    QString memo;
    QList<CodeField> fields; // ordered; each field's codeId is this code's id

    bool isVariable() const { return unit != CodeUnit::Span; }
    const CodeField *field(const QUuid &fieldId) const;
    const CodeField *fieldByName(const QString &name) const; // case-insensitive
};

// The codebook in depth-first tree order: each parent before its children,
// siblings by position (then name). Codes whose parent is missing, or that
// sit in a parent cycle, come last as top-level codes.
QList<Code> codebookTreeOrder(QList<Code> codes);
// Ids of the codes below `codeId` (children, grandchildren, …), parents first.
QList<QUuid> codeDescendants(const QList<Code> &codes, const QUuid &codeId);

} // namespace newscoder
