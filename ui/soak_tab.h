#pragma once
// The incident lead's view: one chart per soak check, the decision panel, triggers.
#include "release_tab.h"

class QLabel;

namespace cockpit {

class SoakTab : public ReleaseTab {
    Q_OBJECT
public:
    explicit SoakTab(QWidget *parent = nullptr);
    void setService(ReleaseService *service) override;
    void showRelease(const ReleaseRecord &release) override;

private:
    ReleaseService *m_service = nullptr;
    QLabel *m_placeholder;
};

}  // namespace cockpit
