#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QUuid>

namespace newscoder {

// Ids given by hand (CLI arguments, the app's --document) are a full id or
// an unambiguous prefix of it: the one resolver every such place uses, for
// UUIDs (articles, annotations, actors...) and for ids that are text (a
// review item's hash).

// One id the user may mean, with what to show of it when a prefix is
// ambiguous (a title, a name; may be empty).
struct IdCandidate
{
    QUuid id;
    QString label;
};

// The shortest prefix accepted where nothing else is said.
constexpr int MinimumIdPrefix = 4;

struct IdResolution
{
    enum class Outcome { Found, TooShort, NotFound, Ambiguous };

    Outcome outcome = Outcome::NotFound;
    QUuid id;                  // when Found
    QList<IdCandidate> matches; // when Ambiguous: every candidate whose id starts with the prefix
    int minimumLength = MinimumIdPrefix;

    bool found() const { return outcome == Outcome::Found; }
    // What went wrong, for `what` ("document", "suggestion"): "no document
    // with id abcd", "'ab' is not a document id (give the id or at least its
    // first 4 characters)", or "'abcd' matches 2 document ids; give more
    // characters:" followed by one line per match ("  <id>  <label>").
    // Empty when found.
    QString message(const QString &idOrPrefix, const QString &what) const;
};

// The candidate whose id is `idOrPrefix` or, failing that, the only one whose
// id starts with it. Case, surrounding white space and braces are ignored; a
// prefix shorter than `minimumLength` is refused (TooShort) unless it is a
// whole id. Candidates are compared in the order given; matches keep it.
IdResolution resolveIdPrefix(const QString &idOrPrefix, const QList<IdCandidate> &candidates,
                             int minimumLength = MinimumIdPrefix);

// The same rules for ids that are text, not UUIDs (a review item's id): case
// and surrounding white space are ignored (braces are not: they belong to
// UUID notation). The outcome says what happened; `index` is the position in
// `ids` of the one found, `matches` the positions of every id an ambiguous
// prefix starts (in the order given).
struct TextIdResolution
{
    IdResolution::Outcome outcome = IdResolution::Outcome::NotFound;
    qsizetype index = -1;
    QList<qsizetype> matches;

    bool found() const { return outcome == IdResolution::Outcome::Found; }
};

TextIdResolution resolveTextIdPrefix(const QString &idOrPrefix, const QStringList &ids,
                                     int minimumLength = MinimumIdPrefix);

} // namespace newscoder
