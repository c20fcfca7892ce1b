// The changelog editor's keys, offscreen: Ctrl+F finds in the editor when it has focus (and stays
// the window's shortcut elsewhere), find wraps around, Replace All is one undo step, Ctrl+G goes
// to a line, soft wrap is on by default, and Tab / Shift+Tab indent and outdent lines.
#include "changelog_editor.h"
#include "changelog_tab.h"
#include "cut_release_dialog.h"
#include "editor_find_bar.h"
#include "problems_list.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace cockpit;

namespace {

// CHANGELOG_SAFETY_SCREENSHOTS=DIR saves the new dialogs as PNGs there, for a look at them.
void shoot(QWidget *widget, const char *name)
{
    const QString dir = qEnvironmentVariable("CHANGELOG_SAFETY_SCREENSHOTS");
    if (dir.isEmpty() || !widget)
        return;
    QTest::qWait(50);
    widget->grab().save(dir + QLatin1Char('/') + QLatin1String(name) + QStringLiteral(".png"));
}

}  // namespace

class TestChangelogEditing : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        qputenv("XDG_CONFIG_HOME", m_dir.filePath(QStringLiteral("config")).toUtf8());
    }

    void ctrlFFindsInTheEditorWhenItHasFocus()
    {
        QWidget window;
        auto *layout = new QVBoxLayout(&window);
        auto *other = new QLineEdit(&window);
        auto *editor = new ChangelogEditor(&window);
        auto *bar = new EditorFindBar(editor, &window);
        layout->addWidget(other);
        layout->addWidget(editor);
        layout->addWidget(bar);
        connect(editor, &ChangelogEditor::findRequested, bar, &EditorFindBar::open);
        // The Checklist's filter holds Ctrl+F for the whole window, as in the main window.
        auto *windowFind = new QAction(&window);
        windowFind->setShortcut(QKeySequence::Find);
        windowFind->setShortcutContext(Qt::WindowShortcut);
        window.addAction(windowFind);
        QSignalSpy windowFound(windowFind, &QAction::triggered);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        editor->setPlainText(QStringLiteral("- Fix the importer\n- Faster exports\n"));
        editor->setFocus();
        QTRY_VERIFY(editor->hasFocus());
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_F, Qt::ControlModifier);
        QVERIFY(bar->isVisible());
        QVERIFY(bar->findField()->hasFocus());
        window.resize(900, 300);
        bar->findField()->setText(QStringLiteral("Fix"));
        shoot(&window, "find-bar");
        QCOMPARE(windowFound.size(), 0);

        other->setFocus();
        QTRY_VERIFY(other->hasFocus());
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_F, Qt::ControlModifier);
        QCOMPARE(windowFound.size(), 1);
    }

    void findWrapsAndReplaceAllIsOneUndoStep()
    {
        ChangelogEditor editor;
        EditorFindBar bar(&editor);
        editor.setPlainText(QStringLiteral("alpha beta alpha\ngamma Alpha\n"));
        bar.open(true);
        bar.findField()->setText(QStringLiteral("alpha"));
        QVERIFY(bar.findNext());
        QCOMPARE(editor.textCursor().selectionStart(), 0);
        QVERIFY(bar.findNext());
        QCOMPARE(editor.textCursor().selectionStart(), 11);
        QVERIFY(bar.findNext());
        QCOMPARE(editor.textCursor().selectionStart(), 23);  // "Alpha": case-insensitive
        QVERIFY(bar.findNext());
        QCOMPARE(editor.textCursor().selectionStart(), 0);  // wrapped around
        bar.findField()->setText(QStringLiteral("delta"));
        QVERIFY(!bar.findNext());

        bar.findField()->setText(QStringLiteral("alpha"));
        bar.replaceField()->setText(QStringLiteral("omega"));
        QCOMPARE(bar.replaceAll(), 3);
        QCOMPARE(editor.toPlainText(), QStringLiteral("omega beta omega\ngamma omega\n"));
        editor.undo();
        QCOMPARE(editor.toPlainText(), QStringLiteral("alpha beta alpha\ngamma Alpha\n"));

        // Replace: the selected match, then on to the next one.
        editor.moveCursor(QTextCursor::Start);
        QVERIFY(bar.findNext());
        bar.replaceCurrent();
        QCOMPARE(editor.toPlainText(), QStringLiteral("omega beta alpha\ngamma Alpha\n"));
        QCOMPARE(editor.textCursor().selectedText(), QStringLiteral("alpha"));
    }

    void goToLineAndSoftWrapByDefault()
    {
        ChangelogTab tab;
        tab.show();
        QVERIFY(QTest::qWaitForWindowExposed(&tab));
        QCOMPARE(tab.editor()->lineWrapMode(), QPlainTextEdit::WidgetWidth);
        QVERIFY(tab.softWrapAction()->isChecked());
        tab.softWrapAction()->trigger();
        QCOMPARE(tab.editor()->lineWrapMode(), QPlainTextEdit::NoWrap);
        tab.softWrapAction()->trigger();
        QCOMPARE(tab.editor()->lineWrapMode(), QPlainTextEdit::WidgetWidth);

        QString text;
        for (int i = 1; i <= 50; ++i)
            text += QStringLiteral("- line %1\n").arg(i);
        tab.editor()->setPlainText(text);
        QSignalSpy asked(tab.editor(), &ChangelogEditor::goToLineRequested);
        QTest::keyClick(tab.editor(), Qt::Key_G, Qt::ControlModifier);
        QCOMPARE(asked.size(), 1);
        auto *dialog = tab.findChild<QInputDialog *>(QStringLiteral("goToLineDialog"));
        QVERIFY(dialog);
        QCOMPARE(dialog->intMaximum(), 51);
        dialog->setIntValue(37);
        dialog->accept();
        QCOMPARE(tab.editor()->currentLine(), 37);
    }

    void tabIndentsAndShiftTabOutdents()
    {
        ChangelogEditor editor;
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        editor.setPlainText(QStringLiteral("- a\n- b\n- c\n"));
        QTextCursor cursor = editor.textCursor();
        cursor.setPosition(4);  // "- b"
        cursor.setPosition(10, QTextCursor::KeepAnchor);  // into "- c"
        editor.setTextCursor(cursor);
        QTest::keyClick(&editor, Qt::Key_Tab);
        QCOMPARE(editor.toPlainText(), QStringLiteral("- a\n  - b\n  - c\n"));
        QVERIFY(editor.hasFocus());
        QTest::keyClick(&editor, Qt::Key_Backtab, Qt::ShiftModifier);
        QCOMPARE(editor.toPlainText(), QStringLiteral("- a\n- b\n- c\n"));
        QVERIFY(!editor.toPlainText().contains(u'\t'));
    }

    void cutReleaseDialogIsHeldByLintErrors()
    {
        CutReleaseFacts facts {QStringLiteral("3.7.0"), QStringLiteral("3.6.0"), QStringLiteral("minor"),
            QStringLiteral("major"),
            {QStringLiteral("3.7.0 is a minor release after 3.6.0, but the commits call for major")}, {}};
        CutReleaseDialog ready(facts);
        QVERIFY(ready.cutButton()->isEnabled());
        QVERIFY(ready.findChild<QLabel *>(QStringLiteral("cutBump"))
                    ->text()
                    .contains(QLatin1String("call for major")));
        facts.lintErrors = {QStringLiteral("12: heading-format: not a release heading")};
        CutReleaseDialog held(facts);
        QVERIFY(held.blocked());
        QVERIFY(!held.cutButton()->isEnabled());
        QVERIFY(held.findChild<QLabel *>(QStringLiteral("cutNotes"))
                    ->text()
                    .contains(QLatin1String("heading-format")));
    }

    void problemsAreGroupedByRuleWithARuleFilter()
    {
        ProblemsList list;
        QList<EditorDiagnostic> diagnostics;
        for (int line = 100; line > 70; --line)
            diagnostics.append({line, 4, 0, EditorDiagnostic::Severity::Warning,
                QStringLiteral("version-untagged"), QStringLiteral("no tag")});
        diagnostics.append({50, 1, 0, EditorDiagnostic::Severity::Error, QStringLiteral("heading-format"),
            QStringLiteral("bad heading")});
        diagnostics.append({60, 1, 0, EditorDiagnostic::Severity::Info, QStringLiteral("link-unused"),
            QStringLiteral("unused link")});
        list.setDiagnostics(diagnostics);
        list.show();
        QCOMPARE(list.count(), 32);
        QTreeWidget *tree = list.tree();
        QCOMPARE(tree->topLevelItemCount(), 3);
        // The worst rule first; each group sorted by line; a big group starts collapsed.
        QCOMPARE(tree->topLevelItem(0)->text(ProblemsList::RuleColumn), QStringLiteral("heading-format"));
        QCOMPARE(tree->topLevelItem(1)->text(ProblemsList::RuleColumn), QStringLiteral("version-untagged"));
        QCOMPARE(tree->topLevelItem(2)->text(ProblemsList::RuleColumn), QStringLiteral("link-unused"));
        QTreeWidgetItem *untagged = list.groupOf(QStringLiteral("version-untagged"));
        QCOMPARE(untagged->childCount(), 30);
        QCOMPARE(untagged->child(0)->text(ProblemsList::LocationColumn), QStringLiteral("71:4"));
        QVERIFY(!untagged->isExpanded());
        QVERIFY(list.groupOf(QStringLiteral("heading-format"))->isExpanded());
        list.resize(900, 260);
        shoot(&list, "problems-grouped");

        // The rule filter: one rule's group only, expanded; F8's walk stays inside it.
        QCOMPARE(list.ruleFilter()->count(), 4);  // All rules + three
        list.setRuleFilter(QStringLiteral("version-untagged"));
        QVERIFY(list.groupOf(QStringLiteral("heading-format"))->isHidden());
        QVERIFY(!untagged->isHidden() && untagged->isExpanded());
        QSignalSpy activated(&list, &ProblemsList::problemActivated);
        list.selectNext();
        list.selectNext();
        QCOMPARE(activated.size(), 2);
        QCOMPARE(activated.at(0).at(0).toInt(), 71);
        QCOMPARE(activated.at(1).at(0).toInt(), 72);

        // New findings keep the chosen rule.
        list.setDiagnostics(diagnostics);
        QCOMPARE(list.ruleFilter()->currentData().toString(), QStringLiteral("version-untagged"));
        list.setRuleFilter({});
        QVERIFY(!list.groupOf(QStringLiteral("heading-format"))->isHidden());
    }
};

QTEST_MAIN(TestChangelogEditing)
#include "tst_changelog_editing.moc"
