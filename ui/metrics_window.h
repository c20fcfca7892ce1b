#pragma once
// View ▸ Release Metrics: DORA metrics from the store and git (lead time, deployment frequency,
// change failure rate, time to recovery) charted over time against the policy's targets.
#include <QWidget>

namespace cockpit {

class ReleaseService;

class MetricsWindow : public QWidget {
    Q_OBJECT
public:
    explicit MetricsWindow(ReleaseService *service, QWidget *parent = nullptr);
};

}  // namespace cockpit
