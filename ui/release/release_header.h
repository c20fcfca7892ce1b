#pragma once
// The strip above the tabs that always says which release this is (version, type, commit, state
// badge) and how ready it is, from the session's one readiness: the next state, checklist closed
// (failed), approvals (stale), gates (stale), the soak of each environment, and "Ready" or
// "N blockers" (a button that opens "Why blocked?"), with the earliest time when time blocks.
// Narrow windows elide the soak and time texts; their tooltips keep the whole text. The first line
// (identity and the trailing rollback panel) drops its less important parts first (type, next
// state, the followed branch, the long target date, the commit), then wraps the panel onto a line
// of its own; the version's tooltip always has every part.
#include "readiness.h"
#include "release.h"

#include <QWidget>

class QHBoxLayout;
class QLabel;
class QProgressBar;
class QStackedLayout;
class QToolButton;

namespace cockpit {

class ReleaseHeader : public QWidget {
    Q_OBJECT
public:
    explicit ReleaseHeader(QWidget *parent = nullptr);

    void setRelease(const ReleaseRecord &release);
    void clearRelease(const QString &hint);  // e.g. "No release yet: Release > New Release…"
    void setChecklistProgress(int closed, int total, int failed);
    // The readiness of the shown release (Session::readiness); clearReadiness() while none is known.
    void setReadiness(const Readiness &readiness);
    void clearReadiness();
    // The canary's headline ("canary 50%, phase 2 of 3, passes at 14:00"); empty hides it.
    void setCanary(const QString &headline, const QString &toolTip);
    [[nodiscard]] QToolButton *blockersButton() const { return m_blockers; }
    // As narrow as the first line can become (version, state, short target) or the readiness line:
    // the rest gives way at that width instead of widening the window.
    [[nodiscard]] QSize minimumSizeHint() const override;
    // A widget at the header's right end (the rollback panel); the header takes it over.
    void setTrailingWidget(QWidget *widget);

signals:
    void whyBlockedRequested();  // the "N blockers" button

protected:
    void changeEvent(QEvent *event) override;  // palette changes recolour the badge and failures
    void resizeEvent(QResizeEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;  // the trailing widget's size

private:
    void setOverrides(const QList<OverrideFact> &overrides);
    void applyColours();
    QWidget *buildIdentity();
    QWidget *buildReadiness();
    QWidget *buildGo();
    // Shows what fits of the first line at the header's width (see the top of this file).
    void fitFirstLine();
    [[nodiscard]] bool firstLineFits() const;
    void updateVersionToolTip();

    QStackedLayout *m_stack;
    QHBoxLayout *m_row = nullptr;
    QHBoxLayout *m_wrapRow = nullptr;  // the trailing widget's own line when the first is too narrow
    QWidget *m_identity = nullptr;
    QWidget *m_readiness = nullptr;
    QWidget *m_trailing = nullptr;
    QLabel *m_typeDot = nullptr;
    QString m_commitFull, m_commitShort;  // "b688f1a (follows main)", "b688f1a"
    QString m_targetFull, m_targetShort;  // "· target 2026-11-26, overdue since 26 Nov", "· overdue since 26 Nov"
    bool m_overdue = false;
    bool m_fitting = false;
    QLabel *m_hint;
    QLabel *m_version;
    QLabel *m_type;
    QLabel *m_commit;
    QLabel *m_state = nullptr;  // null until built: changeEvent() arrives during construction
    QLabel *m_target;
    QProgressBar *m_progress;
    QLabel *m_failed = nullptr;
    QLabel *m_next = nullptr;
    QLabel *m_approvals = nullptr;
    QLabel *m_canary = nullptr;
    QLabel *m_gates = nullptr;
    QLabel *m_soak = nullptr;  // elided
    QLabel *m_earliest = nullptr;  // elided
    QLabel *m_override = nullptr;  // shown while the release carries a break-glass override
    QToolButton *m_blockers = nullptr;
    bool m_ready = false;
    bool m_staleApprovals = false;
    bool m_staleGates = false;
    ReleaseState m_releaseState = ReleaseState::Draft;
};

}  // namespace cockpit
