#pragma once
// The release manager's desk: CHANGELOG.md with lint diagnostics, the commits since the last tag and the
// tags.
#include "release_tab.h"

class QLabel;

namespace cockpit {

class ChangelogTab : public ReleaseTab {
    Q_OBJECT
public:
    explicit ChangelogTab(QWidget *parent = nullptr);
    void setService(ReleaseService *service) override;
    void showRelease(const ReleaseRecord &release) override;

private:
    ReleaseService *m_service = nullptr;
    QLabel *m_placeholder;
};

}  // namespace cockpit
