// Newscoder: the desktop application. Everything but start-up lives in newscoder_widgets.
#include "MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QIcon>
#include <QTimer>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Newscoder"));
    QApplication::setOrganizationName(QStringLiteral("Newscoder"));
    QApplication::setApplicationVersion(QStringLiteral(NEWSCODER_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("org.newscoder.Newscoder"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/org.newscoder.Newscoder.svg")));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Manual content analysis of news."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("PROJECT"), QStringLiteral("Project file to open."), QStringLiteral("[PROJECT]"));
    const QCommandLineOption coder(QStringLiteral("coder"), QStringLiteral("Code as NAME (remembered)."), QStringLiteral("NAME"));
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                        QStringLiteral("Save a screenshot of the window to FILE and quit."),
                                        QStringLiteral("FILE"));
    const QCommandLineOption document(QStringLiteral("document"), QStringLiteral("Show the article with this id."),
                                      QStringLiteral("ID"));
    parser.addOptions({coder, screenshot, document});
    parser.process(app);

    newscoder::MainWindow window;
    const bool scripted = parser.isSet(screenshot);
    window.setInteractive(!scripted);
    const QString path = parser.positionalArguments().value(0);
    bool opened = false;
    if (!path.isEmpty())
        opened = QFileInfo::exists(path) ? window.openProject(path) : window.createProject(path);
    window.ensureCoderName(parser.value(coder));
    window.show(); // first, so that showing an article scrolls within the real viewport
    if (parser.isSet(document))
        window.showDocumentById(parser.value(document));

    if (scripted) {
        const QString file = parser.value(screenshot);
        QTimer::singleShot(1500, &window, [&window, file, opened, path] {
            const bool saved = window.grab().save(file);
            if (!saved)
                qWarning("Cannot write the screenshot %s", qPrintable(file));
            QApplication::exit(saved && (opened || path.isEmpty()) ? 0 : 2);
        });
    }
    return app.exec();
}
