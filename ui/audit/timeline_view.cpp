#include "timeline_view.h"

#include "audit_log_model.h"
#include "future_watch.h"
#include "state_style.h"
#include "store.h"

#include <QHeaderView>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QVBoxLayout>

namespace cockpit {
namespace {

// The model keeps UTC; people read local time.
class LocalTimeDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    QString displayText(const QVariant &value, const QLocale &locale) const override
    {
        if (value.metaType().id() == QMetaType::QDateTime)
            return value.toDateTime().toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        return QStyledItemDelegate::displayText(value, locale);
    }
};

}  // namespace

TimelineView::TimelineView(QWidget *parent)
    : QWidget(parent)
    , m_model(new AuditLogModel(this))
    , m_table(new QTableView(this))
{
    setObjectName(QStringLiteral("timelineView"));
    setAccessibleName(tr("Timeline"));
    m_table->setObjectName(QStringLiteral("timelineTable"));
    m_table->setAccessibleName(tr("Audit log of the release"));
    m_table->setModel(m_model);
    m_table->setItemDelegate(new LocalTimeDelegate(m_table));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(AuditLogModel::ChangeColumn, QHeaderView::Stretch);
    // One release at a time: the release column would repeat the header.
    header->setSectionHidden(AuditLogModel::ReleaseColumn, true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table);
}

void TimelineView::setStore(Store *store)
{
    if (m_store)
        disconnect(m_store, nullptr, this, nullptr);
    m_store = store;
    if (m_store)
        connect(m_store, &Store::auditAppended, this, &TimelineView::onAppended);
}

void TimelineView::showRelease(const QString &version)
{
    ++m_generation;
    m_version = version;
    m_arrivedWhileLoading.clear();
    m_model->setEntries({});
    if (!m_store || version.isEmpty()) {
        m_loading = false;
        return;
    }
    m_loading = true;
    const quint64 generation = m_generation;
    whenReady(this, m_store->auditLog(version), [this, generation](const Result<QList<AuditEntry>> &result) {
        if (generation != m_generation)
            return;
        m_loading = false;
        if (!result) {
            emit errorOccurred(tr("Could not read the timeline: %1").arg(result.error().toString()));
            return;
        }
        m_model->setEntries(*result);
        const QList<AuditEntry> late = std::exchange(m_arrivedWhileLoading, {});
        for (const AuditEntry &entry : late)
            onAppended(entry);
        m_table->scrollToBottom();
    });
}

void TimelineView::onAppended(const AuditEntry &entry)
{
    if (entry.release != m_version || m_version.isEmpty())
        return;
    if (m_loading) {
        m_arrivedWhileLoading.append(entry);
        return;
    }
    // The load may already hold it when it committed before the query ran.
    const QList<AuditEntry> &entries = m_model->entries();
    if (!entries.isEmpty() && entries.last().seq >= entry.seq)
        return;
    m_model->append(entry);
    m_table->scrollToBottom();
}

QByteArray TimelineView::saveState() const
{
    return m_table->horizontalHeader()->saveState();
}

void TimelineView::restoreState(const QByteArray &state)
{
    m_table->horizontalHeader()->restoreState(state);
}

}  // namespace cockpit
