#pragma once
// An inline banner above the window's content for errors a person must act on (a policy error at
// file:line:col, an unreachable repository), with Retry and Dismiss. The window stays usable.
#include <QFrame>

class QLabel;
class QPushButton;

namespace cockpit {

class ErrorBanner : public QFrame {
    Q_OBJECT
public:
    explicit ErrorBanner(QWidget *parent = nullptr);

    void showError(const QString &title, const QString &detail, bool canRetry);
    [[nodiscard]] QString text() const;  // title and detail, for tests and accessibility

signals:
    void retryRequested();

private:
    QLabel *m_title;
    QLabel *m_detail;
    QPushButton *m_retry;
};

}  // namespace cockpit
