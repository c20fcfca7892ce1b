#pragma once
// What the window shows before a workspace is open: how to get one (open, create from a preset).
#include <QWidget>

class QPushButton;

namespace cockpit {

class WelcomePage : public QWidget {
    Q_OBJECT
public:
    explicit WelcomePage(QWidget *parent = nullptr);

signals:
    void openRequested();
    void newWorkspaceRequested();
};

}  // namespace cockpit
