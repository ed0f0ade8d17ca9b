// What the Reliability window tests share: computing and waiting for the
// worker, finding a row of the table, reading a cell, waiting for a code's
// disagreements list.
#pragma once

#include "reliability/DisagreementsDialog.h"
#include "reliability/ReliabilityDialog.h"
#include "reliability/ReliabilityTableModel.h"

#include <QSignalSpy>

namespace newscoder::testing {

inline bool computeAndWait(ReliabilityDialog &dialog)
{
    QSignalSpy spy(&dialog, &ReliabilityDialog::computed);
    dialog.compute();
    return spy.wait(20000) && spy.count() == 1;
}

inline int rowOf(const ReliabilityDialog &dialog, const QString &code, const QString &measure)
{
    const QList<AgreementRow> &rows = dialog.model()->rows();
    for (int r = 0; r < rows.size(); ++r) {
        if (rows[r].subject == code && rows[r].measure == measure)
            return r;
    }
    return -1;
}

inline QString cell(const ReliabilityDialog &dialog, int row, int column, int role = Qt::DisplayRole)
{
    return dialog.model()->index(row, column).data(role).toString();
}

// Waits for a disagreements list computed on a worker.
inline bool waitLoaded(DisagreementsDialog *dialog)
{
    if (!dialog)
        return false;
    if (dialog->isLoading()) {
        QSignalSpy spy(dialog, &DisagreementsDialog::loaded);
        if (!spy.wait(20000))
            return false;
    }
    return !dialog->isLoading();
}

} // namespace newscoder::testing
