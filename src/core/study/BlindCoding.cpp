#include "study/BlindCoding.h"

#include "project/Project.h"
#include "storage/StoreError.h"

#include <algorithm>

namespace newscoder::study {

namespace {

std::optional<CoderRole> currentRole(const Project &project)
{
    if (project.coderName().isEmpty())
        return std::nullopt;
    try {
        const std::optional<Coder> coder = project.reader().coderByName(project.coderName());
        return coder ? std::optional<CoderRole>(coder->role) : std::nullopt;
    } catch (const StoreError &) {
        return std::nullopt;
    }
}

} // namespace

bool hidesOtherCoders(const Project &project)
{
    if (!project.isBlindCoding())
        return false;
    const std::optional<CoderRole> role = currentRole(project);
    return !role || *role == CoderRole::Coder; // no name or a new name: a coder until told otherwise
}

CoderFilter visibleFilter(const Project &project, const CoderFilter &requested)
{
    return hidesOtherCoders(project) ? CoderFilter::mine() : requested;
}

std::optional<QUuid> onlyVisibleCoder(const Project &project)
{
    if (!hidesOtherCoders(project))
        return std::nullopt;
    try {
        if (const std::optional<Coder> coder = project.reader().coderByName(project.coderName()))
            return coder->id;
    } catch (const StoreError &) {
    }
    return QUuid();
}

bool maySetBlindCoding(const Project &project)
{
    const std::optional<CoderRole> role = currentRole(project);
    if (role && *role != CoderRole::Coder)
        return true;
    try {
        const QList<Coder> coders = project.reader().coders();
        return std::none_of(coders.cbegin(), coders.cend(), [](const Coder &c) { return c.role == CoderRole::Lead; });
    } catch (const StoreError &) {
        return false;
    }
}

} // namespace newscoder::study
