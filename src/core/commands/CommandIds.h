#pragma once

namespace newscoder {

// Merge ids of every command that merges (QUndoCommand::id()).
enum CommandId {
    AnnotationMemoCommandId = 1,
    DocumentDetailsCommandId,
    CodeDetailsCommandId,
    FieldValueCommandId,
};

} // namespace newscoder
