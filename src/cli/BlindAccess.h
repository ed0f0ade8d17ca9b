// Who is asking, for the CLI's reading commands under blind coding
// (study/BlindCoding.h): `--as NAME`, else the NEWSCODER_CODER environment
// variable. While blind coding is on, a coder sees only their own annotations,
// suggestions and memos; a lead (and the consensus layer) sees everyone's; and
// nobody named is refused with a clear message instead of shown everything.
#pragma once

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QString>
#include <QUuid>

#include <optional>

namespace newscoder {
class Project;
}

namespace newscoder::cli {

QCommandLineOption asOption();

struct Viewer
{
    bool seesAll = true;
    QUuid coderId; // when !seesAll: the only coder shown (null: a coder with no rows yet)
    QString name;
    bool sees(const QUuid &coderOfRow) const { return seesAll || coderOfRow == coderId; }
};

// Sets the project's coder name to the asker (when named) and says what they
// may see. nullopt with `error` set: blind coding is on and nobody was named.
std::optional<Viewer> viewerFor(Project &project, const QCommandLineParser &parser, const QCommandLineOption &as,
                                QString *error);

// The asker's name: --as NAME, else NEWSCODER_CODER (trimmed; "" for nobody).
QString askerName(const QCommandLineParser &parser, const QCommandLineOption &as);

// Comparing coders (agreement, review, reliability --against, the disagreement
// report) is the lead's while blind coding hides other coders, as in the
// window: "" when the asker may compare in `project` (the one the command
// opened and goes on reading), else the reason to refuse with.
QString comparingRefusal(Project &project, const QCommandLineParser &parser, const QCommandLineOption &as);

// reliability --against: like comparingRefusal, except that a coder may see
// their own row against the consensus (`coders` is just the asker); a
// refusal says so.
QString ownRowRefusal(Project &project, const QCommandLineParser &parser, const QCommandLineOption &as,
                      const QStringList &coders);

} // namespace newscoder::cli
