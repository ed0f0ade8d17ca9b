#pragma once

class QMainWindow;

namespace newscoder {

class ReviewDock;

// Analysis ▸ My Differences From the Consensus (a second ReviewDock in the
// consensus view) and Analysis ▸ Disagreement Report… (DisagreementReportDialog).
// Installed once per main window, after its review dock exists
// (MainWindow::createReviewDock); defined in MainWindowReview.cpp. Does nothing for a
// window without an Analysis menu or for another dock than the window's
// review dock.
void installLearningActions(QMainWindow *window, ReviewDock *reviewDock);

} // namespace newscoder
