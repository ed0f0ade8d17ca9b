#pragma once

#include "model/Document.h"

#include <QString>
#include <QStringList>
#include <QUuid>

namespace newscoder {

// A person or organisation that speaks or is a source in the news: one entry
// of the project's actor registry. Aliases are further names that resolve to
// it ("Peskov", "Dmitry Peskov", "Kremlin spokesman Dmitry Peskov").
struct Actor
{
    QUuid id;
    QString name;
    QStringList aliases;
    QString role;        // e.g. "Kremlin spokesman"
    QString affiliation; // e.g. "Russian presidency"
    QString country;
    QString memo;
    QList<MetadataEntry> custom; // project-specific fields, name → value

    friend bool operator==(const Actor &, const Actor &) = default;
};

} // namespace newscoder
