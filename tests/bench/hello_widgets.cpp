// The start-up peer of the cockpit: the smallest Qt Widgets program that paints a window.
// With COCKPIT_EXIT_AFTER_FIRST_PAINT set it quits right after its first paint, as the cockpit does.
#include <QApplication>
#include <QLabel>
#include <QPaintEvent>

namespace {
class Label : public QLabel {
public:
    using QLabel::QLabel;

protected:
    void paintEvent(QPaintEvent *e) override
    {
        QLabel::paintEvent(e);
        if (qEnvironmentVariableIsSet("COCKPIT_EXIT_AFTER_FIRST_PAINT"))
            QMetaObject::invokeMethod(qApp, &QCoreApplication::quit, Qt::QueuedConnection);
    }
};
}  // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    Label label(QStringLiteral("Hello, world"));
    label.resize(1280, 800);
    label.show();
    return app.exec();
}
