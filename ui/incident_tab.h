#pragma once
// The Incidents tab: the release's rollbacks as incident records (cause, timeline of who pressed,
// each step with its output, the verification probe), the post-rollback checklist, and the deploy
// lock with Lift Lock… (a reason is required).
#include "release_tab.h"

namespace cockpit {

class IncidentTab : public ReleaseTab {
    Q_OBJECT
public:
    explicit IncidentTab(QWidget *parent = nullptr);
    void setService(ReleaseService *service) override;
    void showRelease(const ReleaseRecord &release) override;
};

}  // namespace cockpit
