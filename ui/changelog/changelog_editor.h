#pragma once
// The changelog source editor: a plain-text editor with line numbers, Markdown highlighting and
// the linter's diagnostics in place (wavy underline with the message as tooltip, a mark in the
// gutter), so a problem reads where it is, not only in the problems list.
#include <QList>
#include <QPlainTextEdit>

class QSyntaxHighlighter;

namespace cockpit {

// One lint finding as the editor and the problems list show it (the linter's own type is
// converted at the tab, so these widgets stay independent of the model's shape).
struct EditorDiagnostic {
    enum class Severity { Error, Warning, Info };
    int line = 0;  // 1-based
    int column = 0;  // 1-based; 0: the whole line
    int length = 0;  // characters to underline; 0: to the end of the word (or the line)
    Severity severity = Severity::Warning;
    QString rule;  // "heading-format"
    QString message;
};

QString severityTitle(EditorDiagnostic::Severity severity);
QColor severityColor(EditorDiagnostic::Severity severity);

class ChangelogEditor : public QPlainTextEdit {
    Q_OBJECT
public:
    explicit ChangelogEditor(QWidget *parent = nullptr);

    void setDiagnostics(const QList<EditorDiagnostic> &diagnostics);
    [[nodiscard]] const QList<EditorDiagnostic> &diagnostics() const { return m_diagnostics; }
    // The diagnostics that cover a position (1-based line and column), for tooltips and tests.
    [[nodiscard]] QList<EditorDiagnostic> diagnosticsAt(int line, int column) const;
    [[nodiscard]] QString tooltipAt(int line, int column) const;

    // Puts the cursor there, scrolls it to the middle and focuses the editor.
    void goToLine(int line, int column = 1);
    [[nodiscard]] int currentLine() const;  // 1-based
    [[nodiscard]] int currentColumn() const;  // 1-based

    // Replaces the whole text as one undoable edit (a reload keeps undo history meaningful).
    void replaceText(const QString &text);

    [[nodiscard]] int gutterWidth() const;
    void paintGutter(QPaintEvent *event, QWidget *gutter);
    [[nodiscard]] QString gutterTooltip(int y) const;

    // Indents (or outdents) the current line or every selected line by two spaces: Markdown's
    // nesting. Tab and Shift+Tab do this in the editor; they never insert a tab character.
    void indentLines(bool outdent);

signals:
    // The editor's own keys when it has focus, ahead of the window's shortcuts of the same keys
    // (Ctrl+F is the Checklist's filter elsewhere): Ctrl+F, Ctrl+H, Ctrl+G, F3 / Shift+F3.
    void findRequested(bool replace);
    void findNextRequested(bool backward);
    void goToLineRequested();

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    bool event(QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void updateGutterWidth();
    void updateGutter(const QRect &rect, int dy);
    void updateSelections();
    [[nodiscard]] bool isDark() const;

    QWidget *m_gutter;
    QList<EditorDiagnostic> m_diagnostics;
    QSyntaxHighlighter *m_highlighter = nullptr;
};

}  // namespace cockpit
