#pragma once

#include "project/LinkedDeletion.h"

#include <QList>
#include <QUuid>

class QWidget;

namespace newscoder {

class Project;

// Which annotations link into those being deleted, and the deletion itself,
// are the core's (project/LinkedDeletion.h); the window only asks.

// Asks with a message box whether to keep or delete the `linking` annotations.
LinkedDeletionChoice askAboutLinkingAnnotations(QWidget *parent, const Project &project, const QList<QUuid> &linking);

} // namespace newscoder
