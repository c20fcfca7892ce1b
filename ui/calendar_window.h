#pragma once
// View ▸ Release Calendar: upcoming releases and code freezes from the policy's trains, cadences
// and calendar, with the releases already in the store.
#include <QWidget>

namespace cockpit {

class ReleaseService;

class CalendarWindow : public QWidget {
    Q_OBJECT
public:
    explicit CalendarWindow(ReleaseService *service, QWidget *parent = nullptr);
};

}  // namespace cockpit
