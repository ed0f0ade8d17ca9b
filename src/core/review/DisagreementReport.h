#pragma once

#include <QString>
#include <QStringList>

namespace newscoder {

class ProjectReader;

namespace review {

// What a disagreement report compares: two coders with each other
// (`coders` = A,B), or each coder against the consensus (`against` set;
// `coders` then picks the coders, empty: all who coded an adjudicated article).
struct DisagreementReportRequest
{
    QStringList coders;
    QString against;
    QStringList codes;  // empty: every code
    QString title;      // the heading (e.g. the project's name); the comparison is added
    int context = 120;  // characters of the article shown on each side of a passage
};

struct DisagreementReportResult
{
    QString html;
    QString error;
    int passages = 0; // disputed passages listed
    int codes = 0;    // codes with at least one
};

// A self-contained HTML page for a coder training round: per code (codebook
// order) a header with the counts by kind, then each disputed passage — the
// article, a short passage of context with the disputed span marked, each
// coder's version (code, span, field values) and the consensus decision if
// any (the decision log's decision and rationale; in a pair comparison also
// the consensus annotations there). Every text is escaped. Reads only.
DisagreementReportResult disagreementReportHtml(const ProjectReader &store, const DisagreementReportRequest &request);

// The same, written through QSaveFile (all or nothing). Returns an error
// message, empty on success; `result` (optional) gets the counts.
QString writeDisagreementReport(const ProjectReader &store, const DisagreementReportRequest &request,
                                const QString &path, DisagreementReportResult *result = nullptr);

} // namespace review
} // namespace newscoder
