#pragma once
// The incident lead's corner of the release header: once the release is deployed, the rollback
// window counting down beside a red Rollback button. The button opens the plan, asks for the
// version typed (and a second person where the policy says so), then runs the steps with live
// output; an unfinished rollback found on opening is shown with what ran and what did not.
#include "release_tab.h"

namespace cockpit {

class RollbackPanel : public ReleaseTab {
    Q_OBJECT
public:
    explicit RollbackPanel(QWidget *parent = nullptr);
    void setService(ReleaseService *service) override;
    void showRelease(const ReleaseRecord &release) override;

public slots:
    // Opens the plan for the shown release; trigger names the soak trigger that fired (the
    // incident's cause), empty when a person decided.
    void requestRollback(const QString &trigger = {});
};

}  // namespace cockpit
