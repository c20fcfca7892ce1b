#pragma once
// The tag dialogs (create, verify, promote an RC). Each shows what will happen before anything is
// written: the exact tag name, the target commit (short and full SHA, subject), the tagger and
// the message. The plan arrives asynchronously (git runs off the GUI thread); the action runs
// through a callback returning a future, and its errors stay inline so the user can fix and retry.
#include "tag_flow.h"
#include "tag_service.h"

#include <QDialog>
#include <QFuture>
#include <functional>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace cockpit {


// What a dialog shows: the service's plan (verify: the tag, the release commit it must point at
// and the text its message must contain) and what the user should know first.
struct TagPreview {
    TagPlan plan;
    QString commitSubject;
    QStringList notes;  // "the release follows its branch head: the tag pins this commit"
    bool blocked = false;  // the action cannot run (the last note says why)
    QString signingPolicy = QStringLiteral("optional");  // the policy's tags.signing
};

// What the action answered: the line for the status bar and the evidence for the checklist.
struct TagOutcome {
    bool passed = true;  // verify: whether the tag matched; create/promote: always true on success
    QString summary;
    QString evidence;
};

class TagDialog : public QDialog {
    Q_OBJECT
public:
    using Runner = std::function<QFuture<Result<TagOutcome>>(const TagPlan &plan)>;

    TagDialog(TagAction action, const QString &tagName, QWidget *parent = nullptr);

    void setPreview(const TagPreview &preview);
    void setPlanError(const QString &text);
    void setRunner(Runner runner);

    [[nodiscard]] TagAction action() const { return m_action; }
    [[nodiscard]] TagPlan plan() const;  // with the message as edited
    [[nodiscard]] bool messageEdited() const;
    [[nodiscard]] QPushButton *actionButton() const { return m_run; }
    [[nodiscard]] QCheckBox *signBox() const { return m_sign; }
    [[nodiscard]] QString statusText() const;
    [[nodiscard]] bool isRunning() const { return m_running; }

signals:
    void finishedWith(const cockpit::TagOutcome &outcome);  // the action ran and succeeded

private:
    void buildUi();
    void run();
    void showStatus(const QString &text, bool error);
    void updateButton();
    [[nodiscard]] bool creates() const;  // Create or Candidate: a tag with an editable message

    TagAction m_action;
    TagPreview m_preview;
    bool m_havePlan = false;
    bool m_running = false;
    Runner m_runner;
    QLabel *m_intro = nullptr;
    QLabel *m_tagName = nullptr;
    QLabel *m_commit = nullptr;
    QLabel *m_subject = nullptr;
    QLabel *m_tagger = nullptr;
    QLabel *m_notes = nullptr;
    QLabel *m_status = nullptr;
    QPlainTextEdit *m_message = nullptr;
    QCheckBox *m_sign = nullptr;  // create, RC and promote: sign the tag (git tag -s)
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_run = nullptr;
};

}  // namespace cockpit
