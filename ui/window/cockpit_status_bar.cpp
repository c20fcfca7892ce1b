#include "cockpit_status_bar.h"

#include "palette_watch.h"
#include "state_style.h"

#include <QLabel>
#include <QProgressBar>

namespace cockpit {
namespace {

constexpr int kMessageTimeoutMs = 8000;

// The dot carries the semantic colour; the text stays in the palette's colour.
QString dotHtml(bool reachable)
{
    return QStringLiteral("<span style=\"color:%1\">&#9679;</span>").arg(reachableColor(reachable).name());
}

}  // namespace

CockpitStatusBar::CockpitStatusBar(QWidget *parent)
    : QStatusBar(parent)
    , m_busy(new QProgressBar(this))
    , m_busyText(new QLabel(this))
{
    setObjectName(QStringLiteral("statusBar"));
    setAccessibleName(tr("Status bar"));
    m_busy->setObjectName(QStringLiteral("busyIndicator"));
    m_busy->setAccessibleName(tr("Working"));
    m_busy->setRange(0, 0);  // indeterminate
    m_busy->setMaximumWidth(120);
    m_busy->setMaximumHeight(fontMetrics().height());
    m_busy->setTextVisible(false);
    m_busyText->setObjectName(QStringLiteral("busyText"));
    // Permanent, so a transient message does not hide the fact that work is running.
    addPermanentWidget(m_busyText);
    addPermanentWidget(m_busy);
    setBusy(false);
    m_database = addIndicator(QStringLiteral("databaseStatus"), tr("Database"));
    m_repository = addIndicator(QStringLiteral("repositoryStatus"), tr("Repository"));
    m_identity = addIndicator(QStringLiteral("identityStatus"), tr("Acting as"));
    m_identity->setTextFormat(Qt::PlainText);
    setRepository({}, false);
    // A message too long for the bar is cut at its right end: hovering the bar shows all of it.
    connect(this, &QStatusBar::messageChanged, this, [this](const QString &message) { setToolTip(message); });
}

QLabel *CockpitStatusBar::addIndicator(const QString &objectName, const QString &accessibleName)
{
    auto *label = new QLabel(this);
    label->setObjectName(objectName);
    label->setAccessibleName(accessibleName);
    label->setTextFormat(Qt::RichText);
    label->setContentsMargins(6, 0, 6, 0);
    addPermanentWidget(label);
    // The dot's colour is baked into the rich text: redraw it when the palette turns light or dark.
    followPalette(label, [label] {
        if (label->property("cockpitDotText").isValid())
            setDot(label, label->property("cockpitDotText").toString(),
                label->property("cockpitReachable").toBool(), label->toolTip());
    });
    return label;
}

void CockpitStatusBar::setDot(QLabel *label, const QString &text, bool reachable, const QString &toolTip)
{
    label->setProperty("cockpitDotText", text);
    label->setProperty("cockpitReachable", reachable);
    // A path shows its last part (the database file, the project's folder) so the window fits
    // 1024 px beside the identity; other long texts keep their end. The tooltip has the whole.
    constexpr qsizetype kMaxShown = 32;
    QString shown = text;
    if (const qsizetype slash = shown.lastIndexOf(u'/'); slash >= 0 && slash + 1 < shown.size()
        && (shown.startsWith(u'/') || shown.startsWith(u'~') || shown.startsWith(QLatin1String("SQLite "))))
        shown = (shown.startsWith(QLatin1String("SQLite ")) ? QStringLiteral("SQLite ") : QString()) + shown.mid(slash + 1);
    if (shown.size() > kMaxShown)
        shown = QStringLiteral("…") + shown.right(kMaxShown - 1);
    const QString html = dotHtml(reachable) + QStringLiteral("&nbsp;") + shown.toHtmlEscaped();
    if (label->text() != html)
        label->setText(html);
    label->setToolTip(toolTip);
    label->setAccessibleDescription(reachable ? tr("reachable") : tr("unreachable"));
    label->setProperty("reachable", reachable);
}

void CockpitStatusBar::setDatabase(const QString &name, bool reachable)
{
    setDot(m_database, name, reachable,
        reachable ? tr("Database %1 is open").arg(name) : tr("Database %1 cannot be reached").arg(name));
}

void CockpitStatusBar::setRepository(const QString &root, bool reachable)
{
    if (root.isEmpty()) {
        m_repository->setText(tr("No workspace"));
        m_repository->setToolTip({});
        m_repository->setProperty("reachable", false);
        return;
    }
    setDot(m_repository, root, reachable,
        reachable ? tr("Git repository %1").arg(root) : tr("%1 is not a reachable git repository").arg(root));
}

void CockpitStatusBar::setIdentity(const QString &name, const QString &id)
{
    m_identity->setText(name.isEmpty() || name == id ? id : QStringLiteral("%1 <%2>").arg(name, id));
    m_identity->setToolTip(tr("Ticks and sign-offs are recorded as %1").arg(id));
}

void CockpitStatusBar::setBusy(bool busy, const QString &what)
{
    m_busy->setVisible(busy);
    m_busyText->setVisible(busy);
    m_busyText->setText(what);
}

bool CockpitStatusBar::isBusy() const
{
    return !m_busy->isHidden();
}

void CockpitStatusBar::showError(const QString &text)
{
    showMessage(text, 2 * kMessageTimeoutMs);
}

}  // namespace cockpit
