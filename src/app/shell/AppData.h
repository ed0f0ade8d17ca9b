// Where the program's own data lives: the user guide (docs/) and the sample
// project, installed under share/newscoder next to the program, or — run from
// the build — the source tree's guide and the build's sample.
#pragma once

#include <QString>

namespace newscoder::shell {

// The user guide's folder (holds index.md): <bin>/../share/newscoder/docs when
// installed, else the source tree's docs/. Empty when neither exists.
QString guideDirectory();
// The guide's first page (guideDirectory()/index.md); empty when missing.
QString guideIndex();

// The sample project the build made (packaging/make-sample-project):
// <bin>/../share/newscoder/sample.newscoder. Empty when missing.
QString sampleTemplate();

struct SampleCopy
{
    QString path;  // the researcher's copy, ready to open
    QString error; // why there is none (empty on success)
    bool created = false; // false: an earlier copy (with its work) was kept
};

// The researcher's own copy of the sample project in `folder` (by default the
// app's data folder): made from the template on first use; a copy that exists
// is kept, since it holds their coding. The template is never opened itself.
SampleCopy prepareSampleProject(const QString &folder = {});

} // namespace newscoder::shell
