#pragma once

#include <QString>
#include <QStringList>
#include <QUuid>

namespace newscoder {

// A news outlet of the project's outlet registry. Its ratings (ownership,
// political lean, reliability, …) are the codebook's outlet variables; their
// values are inherited by every article of the outlet.
struct Outlet
{
    QUuid id;
    QString name;
    QStringList domains; // "example.com"; an article's URL host matches a domain or a sub-domain of it
    QString country;
    QString memo;

    bool matchesHost(const QString &host) const;
    friend bool operator==(const Outlet &, const Outlet &) = default;
};

} // namespace newscoder
