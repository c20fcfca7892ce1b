#pragma once
// What the main window expects of a release view beside the checklist (Changelog, Soak,
// Sign-offs): it is handed the workspace's service when a workspace opens (nullptr when it goes)
// and the release to show whenever the selection or the release itself changes.
#include "release.h"

#include <QWidget>
#include <functional>

namespace cockpit {

class Session;

class ReleaseTab : public QWidget {
    Q_OBJECT
public:
    using QWidget::QWidget;

    // The workspace's use cases; nullptr drops every reference to the previous one.
    virtual void setSession(Session *session) = 0;
    // The selected release (called again when it changes); an empty version means none.
    virtual void showRelease(const ReleaseRecord &release) = 0;
    // Asked before the window closes or another workspace replaces this one: true lets it go now.
    // A tab holding unsaved work asks the user instead and returns false; it calls `proceed` once
    // the user's choice (saved, discarded) lets it go, and never when the user cancels.
    virtual bool mayClose(std::function<void()> proceed)
    {
        Q_UNUSED(proceed);
        return true;
    }

signals:
    // A line for the status bar ("Tag v3.7.0 created").
    void statusMessage(const QString &text);
    // The release or its checklist changed through this tab: the window reloads them.
    void releaseTouched(const QString &version);
};

}  // namespace cockpit
