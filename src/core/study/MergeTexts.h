// Moving annotations between two versions of an article's text when a merge
// meets an article whose text changed on one side: the shortest edit script
// between the texts (Myers' O(ND) diff, per UTF-16 code unit, after
// the common start and end; past 2,000 edits one edit over the middle), as a sequence of edits widened to whole characters,
// applied to every span with the text-edit machinery's anchor and grapheme
// rules (EditStep), edit after edit. Two typos fixed far apart are two
// edits: the annotations between them only move. The same texts always give
// the same moves, so a coder's annotation moved here and one moved when the
// text was taken into the master end up on the same characters.
#pragma once

#include "model/Annotation.h"
#include "text/EditStep.h"

#include <QString>

#include <optional>
#include <vector>

namespace newscoder::study {

class TextTranslation
{
public:
    TextTranslation(const QString &from, const QString &to);

    bool isIdentity() const { return m_steps.empty(); }
    int editCount() const { return int(m_steps.size()); }
    // The annotation on the new text. An annotation whose every character
    // went is anchored on the character where its text was and flagged for
    // review ("text-deleted", a coded one becomes "review"), like a text edit
    // does; nullopt when the new text is empty (nothing to anchor on).
    std::optional<Annotation> apply(const Annotation &annotation) const;

private:
    std::vector<EditStep> m_steps; // each on the text the ones before it produced
};

} // namespace newscoder::study
