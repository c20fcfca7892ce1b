#pragma once
// Help > About: what the cockpit is and the versions of the libraries it runs on.
#include <QDialog>

namespace cockpit {

class AboutDialog : public QDialog {
    Q_OBJECT
public:
    explicit AboutDialog(QWidget *parent = nullptr);
};

}  // namespace cockpit
