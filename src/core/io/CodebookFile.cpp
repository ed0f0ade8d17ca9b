#include "io/CodebookFile.h"

#include "io/CodebookJson.h"

#include <QFile>

namespace newscoder {

CodebookFileResult readCodebookFile(const QString &path, qint64 maxBytes)
{
    CodebookFileResult result;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        result.outcome = CodebookFileResult::Outcome::Unreadable;
        result.error = file.errorString();
        return result;
    }
    // The size first (nothing is read of a large file), then what was read:
    // a file that grew meanwhile, or one without a size (a pipe), is caught too.
    if (file.size() > maxBytes) {
        result.outcome = CodebookFileResult::Outcome::TooLarge;
        return result;
    }
    const QByteArray bytes = file.read(maxBytes + 1);
    if (bytes.size() > maxBytes) {
        result.outcome = CodebookFileResult::Outcome::TooLarge;
        return result;
    }
    if (file.error() != QFileDevice::NoError) {
        result.outcome = CodebookFileResult::Outcome::Unreadable;
        result.error = file.errorString();
        return result;
    }
    CodebookReadResult read = readCodebookJson(bytes);
    if (!read.error.isEmpty()) {
        result.outcome = CodebookFileResult::Outcome::Invalid;
        result.error = read.error;
        return result;
    }
    result.codes = std::move(read.codes);
    return result;
}

} // namespace newscoder
