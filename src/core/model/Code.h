#pragma once

#include <QColor>
#include <QString>
#include <QUuid>

namespace newscoder {

// A category of the codebook. `parentId` is null for top-level codes;
// `position` orders siblings. `shortcut` is a QKeySequence string ("1", "Ctrl+Q").
struct Code
{
    QUuid id;
    QUuid parentId;
    QString name;
    QColor color;
    QString description;
    QString shortcut;
    int position = 0;
};

} // namespace newscoder
