#pragma once
// One file's diff (CHANGELOG.md against the last release tag): hunk headers, removed and added
// lines on tinted rows with a sign, old and new line numbers in the gutter. Read-only, keyboard
// scrollable; says in words when there is nothing to show.
#include "git_service.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QStackedWidget;

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
    [[nodiscard]] QString summary() const;
    [[nodiscard]] int addedCount() const { return m_added; }
    [[nodiscard]] int removedCount() const { return m_removed; }
    // Line numbers of a row of the text (old, new; -1 where the side has none).
    [[nodiscard]] std::pair<int, int> lineNumbersAt(int row) const;

    struct Row {
        char origin = ' ';  // ' ', '+', '-', '@' for a hunk header
        int oldLine = -1;
        int newLine = -1;
    };

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyColours();  // row tints for the current palette

    QStackedWidget *m_stack;
    QLabel *m_summary;
    QLabel *m_message;
    QPlainTextEdit *m_text;
    QList<Row> m_rows;
    int m_added = 0;
    int m_removed = 0;
};

}  // namespace cockpit
