#include "palette_watch.h"

#include <QEvent>
#include <QPointer>
#include <QTimer>

namespace cockpit {
namespace {

class PaletteWatch : public QObject {
public:
    PaletteWatch(QWidget *widget, std::function<void()> apply)
        : QObject(widget)
        , m_apply(std::move(apply))
    {
        widget->installEventFilter(this);
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        // A widget whose palette a style sheet set sees only ApplicationPaletteChange, and sees
        // it before it resolves its palette: apply once the event has been handled.
        if (event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange)
            QTimer::singleShot(0, this, [this] { m_apply(); });
        return QObject::eventFilter(watched, event);
    }

private:
    std::function<void()> m_apply;
};

}  // namespace

void followPalette(QWidget *widget, std::function<void()> apply)
{
    apply();
    new PaletteWatch(widget, std::move(apply));
}

}  // namespace cockpit
