#include "item_details_pane.h"

#include "checklist.h"
#include "state_style.h"

#include <QGridLayout>
#include <QLabel>
#include <QStackedLayout>

namespace cockpit {
ItemDetailsPane::ItemDetailsPane(QWidget *parent)
    : QWidget(parent)
    , m_stack(new QStackedLayout(this))
    , m_hint(new QLabel(tr("Select a checklist item to see who closed it, when, and its evidence."), this))
    , m_form(new QGridLayout)
{
    setObjectName(QStringLiteral("itemDetails"));
    setAccessibleName(tr("Item details"));
    m_hint->setAlignment(Qt::AlignCenter);
    m_hint->setWordWrap(true);
    m_hint->setForegroundRole(QPalette::PlaceholderText);
    auto *page = new QWidget(this);
    page->setLayout(m_form);
    // A grid, not a QFormLayout: Qt 6.4's QFormLayout::setRowVisible overruns its row arrays.
    m_form->setColumnStretch(1, 1);
    m_text = addRow(tr("Item"), QStringLiteral("detailText"));
    m_state = addRow(tr("State"), QStringLiteral("detailState"));
    m_who = addRow(tr("By"), QStringLiteral("detailWho"));
    m_when = addRow(tr("When"), QStringLiteral("detailWhen"));
    m_note = addRow(tr("Note"), QStringLiteral("detailNote"));
    m_naReason = addRow(tr("N/A reason"), QStringLiteral("detailNaReason"));
    m_evidence = addRow(tr("Evidence"), QStringLiteral("detailEvidence"));
    m_check = addRow(tr("Ticked by check"), QStringLiteral("detailCheck"));
    m_condition = addRow(tr("Condition"), QStringLiteral("detailCondition"));
    m_key = addRow(tr("Key"), QStringLiteral("detailKey"));
    m_form->setRowStretch(m_form->rowCount(), 1);  // spare height below the fields
    QFont bold = m_text->font();
    bold.setBold(true);
    m_text->setFont(bold);
    m_stack->addWidget(m_hint);
    m_stack->addWidget(page);
    showItem(nullptr);
}

QLabel *ItemDetailsPane::addRow(const QString &label, const QString &objectName)
{
    auto *field = new QLabel(this);
    field->setObjectName(objectName);
    field->setAccessibleName(label);
    field->setWordWrap(true);
    field->setTextFormat(Qt::PlainText);
    field->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    auto *caption = new QLabel(label + QLatin1Char(':'), this);
    caption->setAlignment(Qt::AlignRight | Qt::AlignTop);
    caption->setBuddy(field);
    const int row = m_form->rowCount();
    m_form->addWidget(caption, row, 0);
    m_form->addWidget(field, row, 1);
    m_captions.insert(field, caption);
    return field;
}

void ItemDetailsPane::setRow(QLabel *field, const QString &value)
{
    field->setText(value);
    field->setVisible(!value.isEmpty());
    m_captions.value(field)->setVisible(!value.isEmpty());
}

void ItemDetailsPane::showItem(const ChecklistItem *item)
{
    if (!item) {
        m_hint->setText(tr("Select a checklist item to see who closed it, when, and its evidence."));
        m_stack->setCurrentIndex(0);
        return;
    }
    m_stack->setCurrentIndex(1);
    setRow(m_text, item->text);
    setRow(m_state, itemStateTitle(item->state));
    const QColor color = itemStateColor(item->state);
    m_state->setStyleSheet(
        color.isValid() ? QStringLiteral("color: %1; font-weight: bold;").arg(color.name()) : QString());
    const bool closed = item->state != ItemState::Open;
    setRow(m_who, closed ? item->who : QString());
    setRow(m_when, closed ? formatLocalTime(item->when) : QString());
    setRow(m_note, item->note);
    setRow(m_naReason, item->state == ItemState::NotApplicable ? item->naReason : QString());
    setRow(m_evidence, item->evidence);
    setRow(m_check, item->check);
    setRow(m_condition, item->condition);
    setRow(m_key, item->key);
}

void ItemDetailsPane::showGroup(const QString &title, int closed, int total, int failed)
{
    QString text = tr("%1: %2 of %3 items done or not applicable").arg(title).arg(closed).arg(total);
    if (failed > 0)
        text += tr(", %n failed", nullptr, failed);
    m_hint->setText(text + QLatin1Char('.'));
    m_stack->setCurrentIndex(0);
}

}  // namespace cockpit
