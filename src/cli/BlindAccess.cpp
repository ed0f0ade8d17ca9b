#include "cli/BlindAccess.h"

#include "project/Project.h"
#include "study/BlindCoding.h"

namespace newscoder::cli {

QCommandLineOption asOption()
{
    return QCommandLineOption(QStringLiteral("as"),
                              QStringLiteral("Who is asking (default: $NEWSCODER_CODER). While blind coding is on, a "
                                             "coder sees only their own work and a lead everyone's."),
                              QStringLiteral("NAME"));
}

std::optional<Viewer> viewerFor(Project &project, const QCommandLineParser &parser, const QCommandLineOption &as,
                                QString *error)
{
    QString name = parser.isSet(as) ? parser.value(as) : qEnvironmentVariable("NEWSCODER_CODER");
    name = name.trimmed();
    if (!name.isEmpty())
        project.setCoderName(name);
    Viewer viewer;
    viewer.name = name;
    if (!study::hidesOtherCoders(project))
        return viewer;
    if (name.isEmpty()) {
        *error = QStringLiteral("blind coding is on: say who is asking with --as NAME (or NEWSCODER_CODER); a "
                                "coder sees only their own work, a lead everyone's");
        return std::nullopt;
    }
    viewer.seesAll = false;
    if (const auto coder = project.store().coderByName(name))
        viewer.coderId = coder->id;
    return viewer;
}

} // namespace newscoder::cli
