#include "commit_coverage_model.h"

#include "item_roles.h"
#include "state_style.h"

#include <QColor>
#include <QFont>
#include <QIcon>
#include <QPainter>
#include <QPixmap>

namespace cockpit {
namespace {

// A glyph per state so the state never rests on colour alone: check, cross, dash.
QIcon stateIcon(CoverageState state)
{
    // Cached per colour: a light/dark palette switch changes the colour and redraws the icon.
    static QIcon icons[3];
    static QRgb drawnIn[3] = {};
    const QColor colour = coverageStateColor(state);
    QIcon &icon = icons[static_cast<int>(state)];
    if (!icon.isNull() && drawnIn[static_cast<int>(state)] == colour.rgba())
        return icon;
    drawnIn[static_cast<int>(state)] = colour.rgba();
    QPixmap pixmap = sharpPixmap(16);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(colour, 2.2, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    switch (state) {
    case CoverageState::Covered:
        painter.drawPolyline(QPolygonF({QPointF(3, 8.5), QPointF(6.5, 12), QPointF(13, 4.5)}));
        break;
    case CoverageState::Uncovered:
        painter.drawLine(QPointF(4, 4), QPointF(12, 12));
        painter.drawLine(QPointF(12, 4), QPointF(4, 12));
        break;
    case CoverageState::Exempt:
        painter.drawLine(QPointF(4, 8), QPointF(12, 8));
        break;
    }
    icon = QIcon(pixmap);
    return icon;
}

}  // namespace

QString coverageStateTitle(CoverageState state)
{
    switch (state) {
    case CoverageState::Covered:
        return QObject::tr("Covered");
    case CoverageState::Uncovered:
        return QObject::tr("Uncovered");
    case CoverageState::Exempt:
        return QObject::tr("Exempt");
    }
    return {};
}

QColor coverageStateColor(CoverageState state)
{
    switch (state) {
    case CoverageState::Covered:
        return readableColor(QColor(0x2f, 0x9e, 0x44));
    case CoverageState::Uncovered:
        return failureColor();
    case CoverageState::Exempt:
        return readableColor(QColor(0x86, 0x8e, 0x96));
    }
    return {};
}

CommitCoverageModel::CommitCoverageModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void CommitCoverageModel::setRows(QList<CoverageRow> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

const CoverageRow *CommitCoverageModel::rowAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

int CommitCoverageModel::rowForSha(const QString &sha) const
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (!sha.isEmpty() && m_rows.at(i).sha.startsWith(sha))
            return i;
    return -1;
}

int CommitCoverageModel::count(CoverageState state) const
{
    return int(std::count_if(
        m_rows.begin(), m_rows.end(), [state](const CoverageRow &r) { return r.state == state; }));
}

int CommitCoverageModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int CommitCoverageModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CommitCoverageModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const CoverageRow &r = m_rows.at(index.row());
    switch (role) {
    case CommitShaRole:
        return r.sha;
    case CoverageStateRole:
        return static_cast<int>(r.state);
    case CommitTypeRole:
        return r.type;
    case CommitBreakingRole:
        return r.breaking;
    case CommitPrRole:
        return r.pr;
    case CoveredByRole:
        return r.coveredBy;
    default:
        break;
    }
    const int column = index.column();
    if (role == Qt::DisplayRole) {
        switch (column) {
        case StateColumn:
            return coverageStateTitle(r.state);
        case CommitColumn:
            return shortCommit(r.sha);
        case TypeColumn:
            // The subject's prefix lives here, so the subject column has room for what changed.
            return r.type + (r.scope.isEmpty() ? QString() : QStringLiteral("(%1)").arg(r.scope))
                + (r.breaking ? QStringLiteral("!") : QString());
        case SubjectColumn: {
            const qsizetype colon = r.subject.indexOf(QLatin1String(": "));
            return r.type.isEmpty() || colon < 0 ? r.subject : r.subject.mid(colon + 2);
        }
        case CoveredByColumn:
            // Just where: the entry's words are in the tooltip and one Enter away in the editor.
            if (r.coveredByLine > 0)
                return tr("line %1").arg(r.coveredByLine);
            // A hint is set apart from coverage: a question, in italics and grey below.
            return r.suggestedLine > 0 ? tr("probably line %1?").arg(r.suggestedLine) : QString();
        }
    }
    if (column == CoveredByColumn && r.coveredByLine == 0 && r.suggestedLine > 0) {
        if (role == Qt::FontRole) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        if (role == Qt::ForegroundRole)
            return QColor(Qt::gray);
        if (role == Qt::ToolTipRole)
            return tr("Probably covered by line %1: %2\nNot counted as covered: the entry does not cite this "
                      "commit's pull request or SHA. Cite it there, or add an entry.")
                .arg(r.suggestedLine)
                .arg(r.suggestedBy);
    }
    if (role == Qt::DecorationRole && column == StateColumn)
        return stateIcon(r.state);
    if (role == Qt::ForegroundRole && column == StateColumn)
        return coverageStateColor(r.state);
    if (role == Qt::ToolTipRole && column == CoveredByColumn && !r.coveredBy.isEmpty())
        return tr("Covered by line %1: %2").arg(r.coveredByLine).arg(r.coveredBy);
    if (role == Qt::ToolTipRole) {
        const QString when = formatLocalTime(r.time);
        return QStringLiteral("%1\n%2%3")
            .arg(r.sha, r.subject,
                r.author.isEmpty() ? QString() : QStringLiteral("\n%1, %2").arg(r.author, when));
    }
    if (role == Qt::AccessibleTextRole)
        return QStringLiteral("%1: %2 %3").arg(coverageStateTitle(r.state), shortCommit(r.sha), r.subject);
    return {};
}

QVariant CommitCoverageModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case StateColumn:
        return tr("State");
    case CommitColumn:
        return tr("Commit");
    case TypeColumn:
        return tr("Type");
    case SubjectColumn:
        return tr("Subject");
    case CoveredByColumn:
        return tr("Covered by");
    }
    return {};
}

CommitCoverageFilter::CommitCoverageFilter(QObject *parent)
    : QSortFilterProxyModel(parent)
{
}

void CommitCoverageFilter::setText(const QString &text)
{
    m_text = text.trimmed();
    invalidateFilter();
}

void CommitCoverageFilter::setState(std::optional<CoverageState> state)
{
    m_state = state;
    invalidateFilter();
}

bool CommitCoverageFilter::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const auto *model = qobject_cast<const CommitCoverageModel *>(sourceModel());
    const CoverageRow *r = model && !sourceParent.isValid() ? model->rowAt(sourceRow) : nullptr;
    if (!r)
        return false;
    if (m_state && r->state != *m_state)
        return false;
    if (m_text.isEmpty())
        return true;
    return r->sha.startsWith(m_text, Qt::CaseInsensitive) || r->subject.contains(m_text, Qt::CaseInsensitive)
        || r->type.compare(m_text, Qt::CaseInsensitive) == 0
        || r->coveredBy.contains(m_text, Qt::CaseInsensitive);
}

}  // namespace cockpit
