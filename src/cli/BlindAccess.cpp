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
    const QString name = askerName(parser, as);
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
    if (const auto coder = project.reader().coderByName(name))
        viewer.coderId = coder->id;
    return viewer;
}

QString askerName(const QCommandLineParser &parser, const QCommandLineOption &as)
{
    return (parser.isSet(as) ? parser.value(as) : qEnvironmentVariable("NEWSCODER_CODER")).trimmed();
}

QString comparingRefusal(Project &project, const QCommandLineParser &parser, const QCommandLineOption &as)
{
    QString error;
    const std::optional<Viewer> viewer = viewerFor(project, parser, as, &error);
    if (!viewer)
        return error;
    if (!viewer->seesAll)
        return QStringLiteral("blind coding is on: comparing coders is the lead's (%1 sees only their own work; "
                              "run it --as a lead)")
            .arg(viewer->name);
    return {};
}

QString ownRowRefusal(Project &project, const QCommandLineParser &parser, const QCommandLineOption &as,
                      const QStringList &coders)
{
    const QString asker = askerName(parser, as);
    if (!asker.isEmpty() && coders == QStringList{asker})
        return {}; // a coder against the consensus: their own row
    const QString refusal = comparingRefusal(project, parser, as);
    if (refusal.isEmpty())
        return {};
    return refusal + QStringLiteral(" — a coder may ask for --coders %1 alone")
                         .arg(asker.isEmpty() ? QStringLiteral("NAME") : asker);
}

} // namespace newscoder::cli
