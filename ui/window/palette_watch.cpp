#include "palette_watch.h"

#include <QApplication>
#include <QEvent>
#include <QTimer>

namespace cockpit {
namespace {

// One application-wide filter for all watches. The application object itself receives
// ApplicationPaletteChange; widgets whose palette a style sheet set (WA_SetPalette) are skipped
// when Qt forwards it to widgets, and see no PaletteChange either.
class AppPaletteNotifier : public QObject {
    Q_OBJECT
public:
    static AppPaletteNotifier *instance()
    {
        static auto *notifier = [] {
            auto *n = new AppPaletteNotifier(qApp);
            qApp->installEventFilter(n);
            return n;
        }();
        return notifier;
    }

signals:
    void changed();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (watched == qApp && event->type() == QEvent::ApplicationPaletteChange)
            emit changed();
        return QObject::eventFilter(watched, event);
    }

private:
    using QObject::QObject;
};

class PaletteWatch : public QObject {
public:
    PaletteWatch(QWidget *widget, std::function<void()> apply)
        : QObject(widget)
        , m_apply(std::move(apply))
    {
        widget->installEventFilter(this);
        connect(AppPaletteNotifier::instance(), &AppPaletteNotifier::changed, this, &PaletteWatch::schedule);
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::PaletteChange)
            schedule();
        return QObject::eventFilter(watched, event);
    }

private:
    // After the event has been handled, when the widgets have resolved their new palettes; a
    // burst of changes (the application's, then each ancestor's) applies once.
    void schedule()
    {
        if (m_pending)
            return;
        m_pending = true;
        QTimer::singleShot(0, this, [this] {
            m_pending = false;
            m_apply();
        });
    }

    std::function<void()> m_apply;
    bool m_pending = false;
};

}  // namespace

void followPalette(QWidget *widget, std::function<void()> apply)
{
    apply();
    new PaletteWatch(widget, std::move(apply));
}

}  // namespace cockpit

#include "palette_watch.moc"
