#pragma once
// Find and replace for a plain-text editor, as a bar under it (Ctrl+F opens it on find, Ctrl+H on
// replace, F3 / Shift+F3 go to the next / previous match, Escape closes it and returns to the
// text). A search wraps around the end; Replace All is one undoable step.
#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace cockpit {

class EditorFindBar : public QWidget {
    Q_OBJECT
public:
    EditorFindBar(QPlainTextEdit *editor, QWidget *parent = nullptr);

    // Shows the bar (the replace row too when asked), seeded with the selected text, focused.
    void open(bool replace);
    bool findNext(bool backward = false);  // selects the match; false when there is none
    void replaceCurrent();  // replaces the selected match, then finds the next one
    int replaceAll();  // how many were replaced

    [[nodiscard]] QLineEdit *findField() const { return m_find; }
    [[nodiscard]] QLineEdit *replaceField() const { return m_replace; }

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    [[nodiscard]] bool selectionMatches() const;
    void showCount();

    QPlainTextEdit *m_editor;
    QLineEdit *m_find;
    QLineEdit *m_replace;
    QCheckBox *m_case;
    QLabel *m_status;
    QWidget *m_replaceRow;
};

}  // namespace cockpit
