// What the window shows while no project is open: the recent projects and
// the ways in — New, Open, the sample project and the user guide. It only
// asks; the window does the opening (MainWindowShell.cpp).
#pragma once

#include <QWidget>

class QLabel;
class QListWidget;
class QListWidgetItem;
class QPushButton;

namespace newscoder::shell {

class WelcomeScreen final : public QWidget
{
    Q_OBJECT

public:
    explicit WelcomeScreen(QWidget *parent = nullptr);

    // The recent project files, newest first (missing ones are shown, marked).
    void setRecentFiles(const QStringList &files);

    QListWidget *recentList() const { return m_recent; }
    QPushButton *newButton() const { return m_new; }
    QPushButton *openButton() const { return m_open; }
    QPushButton *sampleButton() const { return m_sample; }
    QPushButton *guideButton() const { return m_guide; }

Q_SIGNALS:
    void newRequested();
    void openRequested();
    void recentRequested(const QString &path);
    void sampleRequested();
    void guideRequested();

private:
    void openItem(QListWidgetItem *item);

    QListWidget *m_recent = nullptr;
    QLabel *m_noRecent = nullptr;
    QPushButton *m_new = nullptr;
    QPushButton *m_open = nullptr;
    QPushButton *m_sample = nullptr;
    QPushButton *m_guide = nullptr;
};

} // namespace newscoder::shell
