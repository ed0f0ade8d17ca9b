// Newscoder: the desktop application. Everything but start-up lives in newscoder_widgets.
#include "shell/MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QIcon>
#include <QRegularExpression>
#include <QScreen>
#include <QTimer>

#include <cstdio>

namespace {

// "WIDTHxHEIGHT" (e.g. 1920x1080) as a size of at least 640×480; invalid otherwise.
QSize parseWindowSize(const QString &text)
{
    static const QRegularExpression form(QStringLiteral("^\\s*(\\d{3,5})\\s*[xX×]\\s*(\\d{3,5})\\s*$"));
    const QRegularExpressionMatch match = form.match(text);
    if (!match.hasMatch())
        return {};
    const QSize size(match.captured(1).toInt(), match.captured(2).toInt());
    return size.width() >= 640 && size.height() >= 480 && size.width() <= 16384 && size.height() <= 16384 ? size
                                                                                                          : QSize();
}

} // namespace

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
    const QCommandLineOption screenshotSize(
        QStringLiteral("screenshot-size"),
        QStringLiteral("With --screenshot: the window's size, e.g. 1920x1080 (default: as large as the screen allows, "
                       "at most 1560x960)."),
        QStringLiteral("WxH"));
    parser.addOptions({coder, screenshot, screenshotSize, document});
    parser.process(app);
    QSize wantedSize;
    if (parser.isSet(screenshotSize)) {
        wantedSize = parseWindowSize(parser.value(screenshotSize));
        if (!wantedSize.isValid()) {
            std::fprintf(stderr, "newscoder: --screenshot-size wants WIDTHxHEIGHT of at least 640x480, not '%s'\n",
                         qPrintable(parser.value(screenshotSize)));
            return 2;
        }
    }

    newscoder::MainWindow window;
    const bool scripted = parser.isSet(screenshot);
    window.setInteractive(!scripted);
    const QString path = parser.positionalArguments().value(0);
    bool opened = false;
    if (!path.isEmpty())
        opened = QFileInfo::exists(path) ? window.openProject(path) : window.createProject(path);
    window.ensureCoderName(parser.value(coder));
    if (wantedSize.isValid()) {
        window.resize(wantedSize);
    } else if (const QScreen *screen = window.screen()) {
        // Never larger than the screen, so that no panel starts off-screen.
        window.resize(window.size().boundedTo(screen->availableGeometry().size()));
    }
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
