#pragma once
// The canary of the shown release above the Soak tab's charts (issue 15 item 3): its phases as
// steps (traffic, window, verdict, who advanced it), the headline "canary 50%, phase 2 of 3,
// passes at 14:00", and the moves a person makes (Start, Advance…, Pause…, Resume, Abort…), each
// enabled only when the canary's state allows it, the reason asked where the audit log keeps one.
// While the canary runs, the session judges the phase every minute (Session::canaryStep), so the
// window advances a passed phase and pauses a breached one as `canary watch` would. Hidden for a
// release whose type has no canary.
#include "canary.h"
#include "release.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTimer;

namespace cockpit {

class Session;

class CanaryStrip : public QWidget {
    Q_OBJECT
public:
    explicit CanaryStrip(QWidget *parent = nullptr);

    void setSession(Session *session);
    void showRelease(const ReleaseRecord &release);
    // Reads the canary again (after a move elsewhere: the command line, another workstation).
    void refresh();

    [[nodiscard]] QString headline() const { return m_headline; }
    [[nodiscard]] QList<QLabel *> steps() const { return m_steps; }
    [[nodiscard]] QPushButton *button(const QString &objectName) const;
    // The canary as last read, and the release it is of (the Soak tab follows its current phase).
    [[nodiscard]] const CanaryStatus &status() const { return m_status; }
    [[nodiscard]] QString version() const { return m_release.version; }

signals:
    // The headline of version's canary ("" when it has none), for the release header.
    void headlineChanged(const QString &version, const QString &headline, const QString &toolTip);
    void statusMessage(const QString &text);
    void releaseTouched(const QString &version);  // a move changed the release (deployed, ...)

private:
    void act(int action, const QString &reason);
    void askReasonThenAct(int action, const QString &title, const QString &prompt, const QString &ok);
    void display(const CanaryStatus &status, const std::optional<CanaryDecision> &decision);
    void step();

    Session *m_session = nullptr;
    ReleaseRecord m_release;
    quint64 m_generation = 0;
    CanaryStatus m_status;
    int m_seenEvents = -1;  // the events behind m_status
    bool m_stepping = false;  // a judgement (Session::canaryStep) is under way
    QString m_headline;
    QLabel *m_title;
    QWidget *m_stepsBox;
    QList<QLabel *> m_steps;
    QLabel *m_next;
    QPushButton *m_start, *m_advance, *m_pause, *m_resume, *m_abort;
    QTimer *m_judge;
};

}  // namespace cockpit
