// The codebook editor (offscreen): editing a code and its fields in
// CodeEditorDialog and saving changes the file in one undoable step; the
// dock shows the tree, deletes and splits codes undoably, and the coding keys
// keep working after the codebook was restructured.
#include "codebook/CodeEditorDialog.h"
#include "codebook/CodebookDialogs.h"
#include "codebook/CodebookDock.h"
#include "coding/AnnotationPane.h"
#include "coding/ArticleView.h"
#include "coding/CodingWorkspace.h"
#include "io/CodebookJson.h"
#include "models/CodebookTreeModel.h"
#include "shell/MainWindow.h"
#include "shell/ProjectSession.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace newscoder;

namespace {

const QString ArticleText = QStringLiteral("The minister said \"talks are frozen\" until May, and \"no deal\" was near.");

struct Fixture
{
    explicit Fixture(const QTemporaryDir &dir) : path(dir.filePath(QStringLiteral("editor.newscoder")))
    {
        project = Project::create(path, defaultNewsCodebook());
        Document d;
        d.title = QStringLiteral("Talks");
        d.text = ArticleText;
        documentId = project->importDocuments({d}).value(0);
        project->setCoderName(QStringLiteral("Alex Example"));
        project->undoStack()->clear();
    }
    QUuid code(const QString &name) const { return project->codeByName(name)->id; }
    std::optional<Code> stored(const QUuid &id) const
    {
        return openProjectReader(path)->code(id);
    }

    QString path;
    std::unique_ptr<Project> project;
    QUuid documentId;
};

} // namespace

class TestCodebookEditor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("NewscoderTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_codebookeditor"));
    }

    void optionsText()
    {
        const QList<FieldOption> options = CodeEditorDialog::parseOptions(
            QStringLiteral("-1 = against\n  0=neutral \n\n1\n = no value"));
        QCOMPARE(options, (QList<FieldOption>{{QStringLiteral("-1"), QStringLiteral("against")},
                                              {QStringLiteral("0"), QStringLiteral("neutral")},
                                              {QStringLiteral("1"), QString()}}));
        QCOMPARE(CodeEditorDialog::formatOptions(options), QStringLiteral("-1 = against\n0 = neutral\n1"));
    }

    void editFieldSaveAndUndo()
    {
        QTemporaryDir dir;
        Fixture fx(dir);
        const QUuid claim = fx.code(QStringLiteral("Claim"));
        const Code before = *fx.stored(claim);
        const qsizetype stanceRow = std::find_if(before.fields.cbegin(), before.fields.cend(),
                                                 [](const CodeField &f) { return f.name == QLatin1String("Stance"); })
                                    - before.fields.cbegin();
        QVERIFY(stanceRow < before.fields.size());

        CodeEditorDialog dialog(*fx.project, claim);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *useWhen = dialog.findChild<QPlainTextEdit *>(QStringLiteral("codeUseWhen"));
        QVERIFY(useWhen);
        useWhen->setPlainText(QStringLiteral("A sentence asserts something checkable."));
        dialog.fieldList()->setCurrentRow(int(stanceRow));
        auto *name = dialog.findChild<QLineEdit *>(QStringLiteral("fieldName"));
        QCOMPARE(name->text(), QStringLiteral("Stance"));
        name->clear();
        QTest::keyClicks(name, QStringLiteral("Position"));
        QCOMPARE(dialog.fieldList()->item(int(stanceRow))->text(), QStringLiteral("Position")); // follows typing
        dialog.findChild<QPlainTextEdit *>(QStringLiteral("fieldOptions"))
            ->setPlainText(QStringLiteral("-1 = against\n0 = neutral\n1 = for"));
        dialog.findChild<QCheckBox *>(QStringLiteral("fieldRequired"))->setChecked(true);
        // Switch to another field and back: the edit is kept.
        dialog.fieldList()->setCurrentRow(0);
        dialog.fieldList()->setCurrentRow(int(stanceRow));
        QCOMPARE(name->text(), QStringLiteral("Position"));
        // Add a field, then save.
        dialog.findChild<QPushButton *>(QStringLiteral("addFieldButton"))->click();
        name->setText(QStringLiteral("Source count"));
        auto *kind = dialog.findChild<QComboBox *>(QStringLiteral("fieldKind"));
        kind->setCurrentIndex(kind->findData(int(FieldKind::Number)));
        QVERIFY2(dialog.save(), qPrintable(fx.project->lastError()));
        QCOMPARE(fx.project->undoStack()->count(), 1);

        const Code after = *fx.stored(claim);
        QCOMPARE(after.useWhen, QStringLiteral("A sentence asserts something checkable."));
        const CodeField &position = after.fields[stanceRow];
        QCOMPARE(position.id, before.fields[stanceRow].id); // same field, edited
        QCOMPARE(position.name, QStringLiteral("Position"));
        QVERIFY(position.required);
        QCOMPARE(position.options, (QList<FieldOption>{{QStringLiteral("-1"), QStringLiteral("against")},
                                                       {QStringLiteral("0"), QStringLiteral("neutral")},
                                                       {QStringLiteral("1"), QStringLiteral("for")}}));
        QCOMPARE(after.fields.size(), before.fields.size() + 1);
        QCOMPARE(after.fields.last().name, QStringLiteral("Source count"));
        QCOMPARE(after.fields.last().kind, FieldKind::Number);

        fx.project->undoStack()->undo();
        const Code undone = *fx.stored(claim);
        QCOMPARE(undone.fields, before.fields);
        QCOMPARE(undone.useWhen, before.useWhen);
        fx.project->undoStack()->redo();
        QCOMPARE(fx.stored(claim)->fields, after.fields);
    }

    void removeFieldTakesValuesUndoBringsThemBack()
    {
        QTemporaryDir dir;
        Fixture fx(dir);
        const QUuid quote = fx.code(QStringLiteral("Quote"));
        const auto a = fx.project->addAnnotation(fx.documentId, quote, 19, 35);
        QVERIFY(a);
        const QUuid typeField = fx.project->code(quote)->fields.first().id;
        QVERIFY(fx.project->setAnnotationValue(*a, typeField, QStringLiteral("direct")));
        fx.project->undoStack()->clear();

        CodeEditorDialog dialog(*fx.project, quote);
        dialog.fieldList()->setCurrentRow(0);
        dialog.findChild<QPushButton *>(QStringLiteral("removeFieldButton"))->click();
        QCOMPARE(dialog.fieldList()->count(), 1);
        // Saving without changes elsewhere: exactly one step.
        QVERIFY2(dialog.save(), qPrintable(fx.project->lastError()));
        QCOMPARE(fx.project->undoStack()->count(), 1);
        auto store = openProjectReader(fx.path);
        QCOMPARE(store->code(quote)->fields.size(), 1);
        QVERIFY(store->annotationValues(*a).isEmpty());
        store.reset();
        fx.project->undoStack()->undo();
        store = openProjectReader(fx.path);
        QCOMPARE(store->code(quote)->fields.size(), 2);
        QCOMPARE(store->annotationValues(*a), (QList<FieldValue>{{typeField, QStringLiteral("direct"), {}, {}}}));

        // An unchanged dialog saves nothing.
        CodeEditorDialog again(*fx.project, quote);
        QVERIFY(again.save());
        QCOMPARE(fx.project->undoStack()->index(), 0);
    }

    void dockTreeDeleteSplitAndKeys()
    {
        QTemporaryDir dir;
        QString path;
        {
            Fixture fx(dir);
            path = fx.path;
        }
        MainWindow window;
        window.setInteractive(false);
        QVERIFY(window.openProject(path));
        window.ensureCoderName(QStringLiteral("Alex Example"));
        window.resize(1200, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        Project &project = window.session()->project();
        CodebookDock *dock = window.codebook();
        auto *tree = dock->findChild<QTreeView *>(QStringLiteral("codebookTree"));
        QVERIFY(tree);
        QCOMPARE(tree->model()->rowCount(), 6);

        // Code two quotes with the key 1.
        ArticleView *view = window.workspace()->articleView();
        QTRY_COMPARE(view->toPlainText(), ArticleText);
        const auto codeSpan = [&](const QString &text) {
            const int start = int(ArticleText.indexOf(text));
            QTextCursor cursor(view->document());
            cursor.setPosition(start);
            cursor.setPosition(start + int(text.size()), QTextCursor::KeepAnchor);
            view->setTextCursor(cursor);
            view->setFocus();
            QTest::keyClick(view, Qt::Key_1);
        };
        codeSpan(QStringLiteral("talks are frozen"));
        codeSpan(QStringLiteral("no deal"));
        const QUuid quote = project.codeByName(QStringLiteral("Quote"))->id;
        QTRY_COMPARE(project.reader().annotationsForCode(quote).size(), 2);

        // Split one of them off; the new code sits right after Quote.
        const QUuid moved = project.reader().annotationsForCode(quote).first().id;
        SplitCodeDialog split(project, quote, {moved});
        QCOMPARE(split.annotationList()->count(), 2);
        QCOMPARE(split.chosenAnnotations(), (QList<QUuid>{moved}));
        split.nameEdit()->setText(QStringLiteral("Direct quote"));
        const auto created = project.splitCode(quote, split.chosenAnnotations(), split.newName());
        QVERIFY2(created, qPrintable(project.lastError()));
        auto *model = qobject_cast<CodebookTreeModel *>(tree->model());
        QCOMPARE(model->index(1, 0).data().toString(), QStringLiteral("Direct quote"));
        QCOMPARE(model->indexOf(*created, CodebookTreeModel::CountColumn).data().toInt(), 1);

        // Move Claim under Quote (as a drop would) and the key 3 still codes Claim.
        const QUuid claim = project.codeByName(QStringLiteral("Claim"))->id;
        QVERIFY(project.moveCode(claim, quote, 0));
        QVERIFY(tree->isExpanded(model->indexOf(quote)));
        const int start = int(ArticleText.indexOf(u"minister"));
        QTextCursor cursor(view->document());
        cursor.setPosition(start);
        cursor.setPosition(start + 8, QTextCursor::KeepAnchor);
        view->setTextCursor(cursor);
        view->setFocus();
        QTest::keyClick(view, Qt::Key_3);
        QTRY_COMPARE(project.reader().annotationsForCode(claim).size(), 1);

        // Delete Quote (not interactive: no question) with its sub-code Claim and annotations; undo restores.
        dock->selectCode(quote);
        QCOMPARE(dock->currentCode(), quote);
        QVERIFY(dock->deleteAction()->isEnabled());
        const int before = project.reader().annotationCount();
        dock->deleteAction()->trigger();
        QVERIFY(!project.code(quote));
        QVERIFY(!project.code(claim));
        QCOMPARE(project.reader().annotationCount(), before - 2);
        project.undoStack()->undo();
        QVERIFY(project.code(quote));
        QCOMPARE(project.code(claim)->parentId, quote);
        QCOMPARE(project.reader().annotationCount(), before);
        QCOMPARE(model->indexOf(claim).parent(), model->indexOf(quote));
    }
};

QTEST_MAIN(TestCodebookEditor)
#include "tst_codebookeditor.moc"
