#pragma once
// One file's diff (CHANGELOG.md against the last release tag, or unsaved edits against the file
// on disk): hunk headers, removed and added lines on tinted rows with a sign, old and new line
// numbers in the gutter. Inline (one pane) or side by side (old left, new right, changed lines
// paired row by row, scrolling together), switched by the Side by Side button. Read-only,
// keyboard scrollable; says in words when there is nothing to show.
#include "git_service.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QSplitter;
class QStackedWidget;
class QToolButton;

namespace cockpit {

class DiffView : public QWidget {
    Q_OBJECT
public:
    explicit DiffView(QWidget *parent = nullptr);

    // from/to name the sides for the summary line ("v3.6.0", "working tree").
    void setDiff(const FileDiff &diff, const QString &from, const QString &to);
    // Shows a sentence instead of a diff ("No release tag yet: nothing to compare against.").
    void showMessage(const QString &text);

    [[nodiscard]] QPlainTextEdit *text() const { return m_text; }
    // Side by side: the old side and the new side, row for row (a filler row where a side has none).
    void setSideBySide(bool on);
    [[nodiscard]] bool isSideBySide() const;
    [[nodiscard]] QToolButton *sideBySideButton() const { return m_sideBySideButton; }
    [[nodiscard]] QPlainTextEdit *oldSide() const { return m_oldText; }
    [[nodiscard]] QPlainTextEdit *newSide() const { return m_newText; }
    [[nodiscard]] QString summary() const;
    [[nodiscard]] int addedCount() const { return m_added; }
    [[nodiscard]] int removedCount() const { return m_removed; }
    // Line numbers of a row of the text (old, new; -1 where the side has none).
    [[nodiscard]] std::pair<int, int> lineNumbersAt(int row) const;

    struct Row {
        char origin = ' ';  // ' ', '+', '-', '@' for a hunk header, '~' a side-by-side filler
        int oldLine = -1;
        int newLine = -1;
    };

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyColours();  // row tints for the current palette
    void showDiffPage();  // the inline or the side-by-side page, as the button says

    QStackedWidget *m_stack;
    QLabel *m_summary;
    QLabel *m_message;
    QToolButton *m_sideBySideButton;
    QPlainTextEdit *m_text;
    QSplitter *m_split;
    QPlainTextEdit *m_oldText;
    QPlainTextEdit *m_newText;
    QList<Row> m_rows;
    QList<Row> m_oldRows;
    QList<Row> m_newRows;
    bool m_haveDiff = false;
    int m_added = 0;
    int m_removed = 0;
};

}  // namespace cockpit
