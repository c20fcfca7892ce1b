#include "checklist.h"

namespace cockpit {

QString itemStateName(ItemState state)
{
    switch (state) {
    case ItemState::Open:
        return QStringLiteral("open");
    case ItemState::Done:
        return QStringLiteral("done");
    case ItemState::Failed:
        return QStringLiteral("failed");
    case ItemState::NotApplicable:
        return QStringLiteral("na");
    }
    return QStringLiteral("open");
}

std::optional<ItemState> itemStateFromName(const QString &name)
{
    const QString n = name.trimmed().toLower();
    if (n == u"open")
        return ItemState::Open;
    if (n == u"done")
        return ItemState::Done;
    if (n == u"failed")
        return ItemState::Failed;
    if (n == u"na" || n == u"n/a")
        return ItemState::NotApplicable;
    return std::nullopt;
}

namespace {
bool isClosed(ItemState s)
{
    return s == ItemState::Done || s == ItemState::NotApplicable;
}
}  // namespace

int ChecklistPhase::itemCount() const
{
    int n = 0;
    for (const ChecklistSection &s : sections)
        n += int(s.items.size());
    return n;
}

int ChecklistPhase::closedCount() const
{
    int n = 0;
    for (const ChecklistSection &s : sections) {
        for (const ChecklistItem &i : s.items)
            n += isClosed(i.state) ? 1 : 0;
    }
    return n;
}

ChecklistItem *Checklist::findItem(const QString &key)
{
    // Walked by non-const reference, so a copy that shares its lists with another (the store
    // keeps the checklists it read) detaches before the caller changes the item: a const_cast of
    // the const lookup would change every copy at once.
    const qsizetype dot = key.lastIndexOf(u'.');
    const QStringView phaseName = dot < 0 ? QStringView() : QStringView(key).left(dot);
    for (ChecklistPhase &p : phases) {
        if (dot >= 0 && p.name != phaseName)
            continue;
        for (ChecklistSection &s : p.sections)
            for (ChecklistItem &i : s.items)
                if (i.key == key)
                    return &i;
    }
    return nullptr;
}

const ChecklistItem *Checklist::findItem(const QString &key) const
{
    // Keys are "<phase>.<n>": narrow to the phase before scanning its items.
    const qsizetype dot = key.lastIndexOf(u'.');
    const QStringView phaseName = dot < 0 ? QStringView() : QStringView(key).left(dot);
    for (const ChecklistPhase &p : phases) {
        if (dot >= 0 && p.name != phaseName)
            continue;
        for (const ChecklistSection &s : p.sections) {
            for (const ChecklistItem &i : s.items) {
                if (i.key == key)
                    return &i;
            }
        }
    }
    return nullptr;
}

int Checklist::itemCount() const
{
    int n = 0;
    for (const ChecklistPhase &p : phases)
        n += p.itemCount();
    return n;
}

int Checklist::closedCount() const
{
    int n = 0;
    for (const ChecklistPhase &p : phases)
        n += p.closedCount();
    return n;
}

int Checklist::failedCount() const
{
    int n = 0;
    for (const ChecklistPhase &p : phases) {
        for (const ChecklistSection &s : p.sections) {
            for (const ChecklistItem &i : s.items)
                n += i.state == ItemState::Failed ? 1 : 0;
        }
    }
    return n;
}

bool checkBindingMatches(const QString &binding, const QString &kind, const QString &target)
{
    const QString simplified = binding.simplified();
    const qsizetype space = simplified.indexOf(QLatin1Char(' '));
    const QString boundKind = space < 0 ? simplified : simplified.left(space);
    const QString boundTarget = space < 0 ? QString() : simplified.mid(space + 1);
    if (boundKind.compare(kind, Qt::CaseInsensitive) != 0)
        return false;
    return boundTarget.isEmpty() || boundTarget.compare(target.simplified(), Qt::CaseInsensitive) == 0;
}

}  // namespace cockpit
