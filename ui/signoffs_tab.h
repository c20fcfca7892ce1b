#pragma once
// The platform lead's desk: required roles, who signed what digest, what still blocks.
#include "release_tab.h"

class QLabel;

namespace cockpit {

class SignoffsTab : public ReleaseTab {
    Q_OBJECT
public:
    explicit SignoffsTab(QWidget *parent = nullptr);
    void setService(ReleaseService *service) override;
    void showRelease(const ReleaseRecord &release) override;

private:
    ReleaseService *m_service = nullptr;
    QLabel *m_placeholder;
};

}  // namespace cockpit
