#pragma once

#include "refi/RefiData.h"

#include <QByteArray>
#include <QString>

#include <optional>

class QXmlStreamReader;

namespace newscoder::refi {

// Reads a project.qde (root Project) or a codebook .qdc (root CodeBook) with
// QXmlStreamReader. A document type declaration or any entity reference
// other than the five predefined ones is refused before anything is
// expanded, so no entity is ever resolved (no external entities, no
// expansion bombs). Element names are matched without regard to the
// namespace prefix peers choose.
std::optional<RefiProjectData> readRefiXml(const QByteArray &xml, QString *error);

// Writes project.qde / a .qdc in the element order of the official schemas.
QByteArray writeProjectXml(const RefiProjectData &project);
QByteArray writeCodebookXml(const RefiProjectData &project);

// Advances `xml` to its next token, refusing DTDs and entity references.
// Returns false (and sets `error`) on a refused token or an XML error.
bool nextSafeToken(QXmlStreamReader &xml, QString *error);

// The text of a .docx (word/document.xml): paragraphs joined by "\n",
// tabs and breaks kept. nullopt + error when the .docx is hostile or broken.
std::optional<QString> docxPlainText(const QByteArray &docx, QString *error);

} // namespace newscoder::refi
