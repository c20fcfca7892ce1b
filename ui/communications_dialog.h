#pragma once
// Release ▸ Communications…: the policy's notification templates rendered from the release, with
// a preview to copy, save, or post to a Slack-compatible webhook whose URL is in the keychain.
#include <QDialog>

namespace cockpit {

class ReleaseService;

class CommunicationsDialog : public QDialog {
    Q_OBJECT
public:
    CommunicationsDialog(ReleaseService *service, const QString &version, QWidget *parent = nullptr);
};

}  // namespace cockpit
