#pragma once
// The strip above the tabs that always says which release this is (version, type, commit, state
// badge) and how ready it is (checklist progress and failures). Only what works today is shown:
// approvals, gates and soak join when their features land.
#include "release.h"

#include <QWidget>

class QHBoxLayout;
class QLabel;
class QProgressBar;
class QStackedLayout;

namespace cockpit {

class ReleaseHeader : public QWidget {
    Q_OBJECT
public:
    explicit ReleaseHeader(QWidget *parent = nullptr);

    void setRelease(const ReleaseRecord &release);
    void clearRelease(const QString &hint);  // e.g. "No release yet: Release > New Release…"
    void setChecklistProgress(int closed, int total, int failed);
    // A widget at the header's right end (the rollback panel); the header takes it over.
    void setTrailingWidget(QWidget *widget);

protected:
    void changeEvent(QEvent *event) override;  // palette changes recolour the badge and failures

private:
    void applyColours();
    QWidget *buildIdentity();
    QWidget *buildReadiness();

    QStackedLayout *m_stack;
    QHBoxLayout *m_row = nullptr;
    QLabel *m_hint;
    QLabel *m_version;
    QLabel *m_type;
    QLabel *m_commit;
    QLabel *m_state = nullptr;  // null until built: changeEvent() arrives during construction
    QLabel *m_target;
    QProgressBar *m_progress;
    QLabel *m_failed = nullptr;
    ReleaseState m_releaseState = ReleaseState::Draft;
};

}  // namespace cockpit
