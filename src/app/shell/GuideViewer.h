// Help ▸ User Guide: the Markdown pages of docs/ (AppData::guideDirectory)
// rendered by QTextBrowser (Qt's Markdown reader, md4c), with their pictures;
// links between pages are followed, web links open in the browser.
#pragma once

#include <QDialog>

class QTextBrowser;
class QToolButton;

namespace newscoder::shell {

class GuideViewer final : public QDialog
{
    Q_OBJECT

public:
    // `directory`: the guide's folder (empty: AppData's guideDirectory()).
    explicit GuideViewer(const QString &directory = {}, QWidget *parent = nullptr);

    // Shows `page` (a file name inside the guide, e.g. "coding.md"); false
    // when there is no such page (a message is shown instead).
    bool showPage(const QString &page = QStringLiteral("index.md"));
    QString directory() const { return m_directory; }
    QTextBrowser *browser() const { return m_browser; }
    // The file name of the page shown ("index.md").
    QString currentPage() const;

private:
    QString m_directory;
    QTextBrowser *m_browser = nullptr;
    QToolButton *m_back = nullptr;
    QToolButton *m_forward = nullptr;
    QToolButton *m_home = nullptr;
};

} // namespace newscoder::shell
