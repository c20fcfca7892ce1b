#include "error_banner.h"

#include "palette_watch.h"
#include "state_style.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace cockpit {

ErrorBanner::ErrorBanner(QWidget *parent)
    : QFrame(parent)
    , m_title(new QLabel(this))
    , m_detail(new QLabel(this))
    , m_retry(new QPushButton(tr("&Retry"), this))
{
    setObjectName(QStringLiteral("errorBanner"));
    setAccessibleName(tr("Error"));
    // A translucent red reads on light and dark windows; the text keeps the palette's colour.
    // From the application's palette: the widget's own is the one this style sheet rewrites.
    followPalette(this, [this] {
        const QColor red = failureColor();
        const QString sheet
            = QStringLiteral("cockpit--ErrorBanner { background: rgba(%1, %2, %3, 38); border: 1px solid %4;"
                             " border-radius: 4px; }")
                  .arg(red.red())
                  .arg(red.green())
                  .arg(red.blue())
                  .arg(red.name());
        if (styleSheet() != sheet)
            setStyleSheet(sheet);
    });
    auto *icon = new QLabel(this);
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize) * 2;
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxCritical).pixmap(size, size));
    m_title->setObjectName(QStringLiteral("errorBannerTitle"));
    m_title->setTextFormat(Qt::PlainText);
    m_title->setWordWrap(true);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_detail->setObjectName(QStringLiteral("errorBannerText"));
    m_detail->setTextFormat(Qt::PlainText);
    m_detail->setWordWrap(true);
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_retry->setObjectName(QStringLiteral("errorBannerRetry"));
    m_retry->setAccessibleName(tr("Retry"));
    auto *dismiss = new QPushButton(tr("&Dismiss"), this);
    dismiss->setObjectName(QStringLiteral("errorBannerDismiss"));
    dismiss->setAccessibleName(tr("Dismiss the error"));
    auto *texts = new QVBoxLayout;
    texts->addWidget(m_title);
    texts->addWidget(m_detail);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 8, 10, 8);
    layout->addWidget(icon, 0, Qt::AlignTop);
    layout->addLayout(texts, 1);
    layout->addWidget(m_retry, 0, Qt::AlignVCenter);
    layout->addWidget(dismiss, 0, Qt::AlignVCenter);
    connect(m_retry, &QPushButton::clicked, this, &ErrorBanner::retryRequested);
    connect(dismiss, &QPushButton::clicked, this, &QWidget::hide);
    hide();
}

void ErrorBanner::showError(const QString &title, const QString &detail, bool canRetry)
{
    m_title->setText(title);
    m_detail->setText(detail);
    m_detail->setVisible(!detail.isEmpty());
    m_retry->setVisible(canRetry);
    setAccessibleDescription(text());
    show();
}

QString ErrorBanner::text() const
{
    return m_detail->text().isEmpty() ? m_title->text()
                                      : m_title->text() + QLatin1Char('\n') + m_detail->text();
}

}  // namespace cockpit
