#include "cli/BlindAccess.h"

#include "project/Project.h"
#include "storage/StoreError.h"
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

QString comparingRefusal(const QString &path, const QCommandLineParser &parser, const QCommandLineOption &as)
{
    std::unique_ptr<Project> project;
    try {
        project = Project::open(path, ProjectStore::Access::ReadOnly);
    } catch (const StoreError &) {
        return {};
    }
    QString error;
    const std::optional<Viewer> viewer = viewerFor(*project, parser, as, &error);
    if (!viewer)
        return error;
    if (!viewer->seesAll)
        return QStringLiteral("blind coding is on: comparing coders is the lead's (%1 sees only their own work; "
                              "run it --as a lead)")
            .arg(viewer->name);
    return {};
}

} // namespace newscoder::cli
