#include "policy_reader.h"

#include <QRegularExpression>
#include <QSet>
#include <algorithm>
#include <cmath>
#include <limits>

namespace cockpit {

namespace {

QString fromStd(const std::string &text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

int editDistance(const QString &a, const QString &b)
{
    QList<int> previous(b.size() + 1), current(b.size() + 1);
    for (qsizetype j = 0; j <= b.size(); ++j)
        previous[j] = int(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        current[0] = int(i);
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const int substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitution});
        }
        std::swap(previous, current);
    }
    return previous[b.size()];
}

QString quoted(const QString &text)
{
    return QLatin1Char('"') + text + QLatin1Char('"');
}

}  // namespace

std::optional<std::chrono::seconds> parseDuration(const QString &text)
{
    static const QRegularExpression whole(QStringLiteral("^(?:[0-9]{1,9}[smhdw])+$"));
    static const QRegularExpression part(QStringLiteral("([0-9]{1,9})([smhdw])"));
    if (!whole.match(text).hasMatch())
        return std::nullopt;
    qint64 total = 0;
    for (const QRegularExpressionMatch &m : part.globalMatch(text)) {
        static const QHash<QChar, qint64> unit {
            {u's', 1}, {u'm', 60}, {u'h', 3600}, {u'd', 86400}, {u'w', 7 * 86400}};
        total += m.captured(1).toLongLong() * unit.value(m.captured(2).at(0));
        if (total > std::numeric_limits<int>::max())
            return std::nullopt;  // beyond any sensible window: a typo, not a policy
    }
    return std::chrono::seconds(total);
}

// MapView --------------------------------------------------------------------------------------

YAML::Node MapView::get(const QString &key) const
{
    const auto it = m_entries.constFind(key);
    return it == m_entries.cend() ? YAML::Node(YAML::NodeType::Undefined) : it->second;
}

YAML::Node MapView::keyNode(const QString &key) const
{
    const auto it = m_entries.constFind(key);
    return it == m_entries.cend() ? m_node : it->first;
}

YAML::Node MapView::item(const QString &key, qsizetype index) const
{
    const YAML::Node list = get(key);  // const: indexing never inserts
    return list.IsSequence() && index < qsizetype(list.size()) ? list[std::size_t(index)] : list;
}

YAML::Node MapView::require(const QString &key) const
{
    if (!has(key))
        m_reader->fail(m_node, m_path, QStringLiteral("missing required key %1").arg(quoted(key)));
    return get(key);
}

QString MapView::childPath(const QString &key) const
{
    return m_path.isEmpty() ? key : m_path + QLatin1Char('.') + key;
}

QString MapView::string(const QString &key, const QString &fallback) const
{
    return has(key) ? m_reader->string(get(key), childPath(key)) : fallback;
}

QString MapView::requiredString(const QString &key) const
{
    const YAML::Node value = require(key);
    const QString text = m_reader->string(value, childPath(key));
    if (text.trimmed().isEmpty())
        m_reader->expected(value, childPath(key), QStringLiteral("a non-empty string"));
    return text;
}

bool MapView::boolean(const QString &key, bool fallback) const
{
    return has(key) ? m_reader->boolean(get(key), childPath(key)) : fallback;
}

int MapView::integer(const QString &key, int fallback, int min, int max) const
{
    return has(key) ? m_reader->integer(get(key), childPath(key), min, max) : fallback;
}

std::optional<double> MapView::number(const QString &key) const
{
    if (!has(key))
        return std::nullopt;
    return m_reader->number(get(key), childPath(key));
}

std::optional<std::chrono::seconds> MapView::duration(const QString &key) const
{
    if (!has(key))
        return std::nullopt;
    return m_reader->duration(get(key), childPath(key));
}

QStringList MapView::strings(const QString &key) const
{
    return has(key) ? m_reader->strings(get(key), childPath(key)) : QStringList();
}

QMap<QString, QString> MapView::stringMap(const QString &key) const
{
    return has(key) ? m_reader->stringMap(get(key), childPath(key)) : QMap<QString, QString>();
}

QString MapView::exactlyOne(const QStringList &keys) const
{
    QStringList present;
    for (const QString &key : keys) {
        if (has(key))
            present << key;
    }
    if (present.size() == 1)
        return present.first();
    const QString choices = QStringLiteral("exactly one of ") + keys.join(QStringLiteral(", "));
    if (present.isEmpty())
        m_reader->fail(m_node, m_path, QStringLiteral("expected %1").arg(choices));
    m_reader->fail(keyNode(present.at(1)), m_path,
        QStringLiteral("expected %1, got both %2 and %3")
            .arg(choices, quoted(present.at(0)), quoted(present.at(1))));
}

// PolicyReader ---------------------------------------------------------------------------------

PolicyReader::PolicyReader(QString file, QHash<QString, SourceLocation> *locations)
    : m_file(std::move(file))
    , m_locations(locations)
{
}

SourceLocation PolicyReader::where(const YAML::Node &node) const
{
    const YAML::Mark mark = node.IsDefined() ? node.Mark() : YAML::Mark::null_mark();
    if (mark.is_null())
        return SourceLocation {m_file, 0, 0};
    return SourceLocation {m_file, mark.line + 1, mark.column + 1};  // yaml-cpp counts from 0
}

void PolicyReader::fail(const YAML::Node &node, const QString &path, const QString &message) const
{
    const QString text = path.isEmpty() ? message : path + QStringLiteral(": ") + message;
    throw PolicyReadError {Error {ErrorCode::BadInput, text, where(node)}};
}

void PolicyReader::expected(const YAML::Node &node, const QString &path, const QString &what) const
{
    fail(node, path, QStringLiteral("expected %1, got %2").arg(what, describe(node)));
}

void PolicyReader::record(const YAML::Node &node, const QString &path)
{
    if (m_locations)
        m_locations->insert(path, where(node));
}

QString PolicyReader::describe(const YAML::Node &node)
{
    switch (node.Type()) {
    case YAML::NodeType::Scalar: {
        QString text = fromStd(node.Scalar());
        if (text.size() > 60)
            text = text.left(57) + QStringLiteral("...");
        return quoted(text);
    }
    case YAML::NodeType::Map:
        return QStringLiteral("a mapping");
    case YAML::NodeType::Sequence:
        return QStringLiteral("a list");
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined:
        break;
    }
    return QStringLiteral("nothing");
}

QString PolicyReader::suggestion(const QString &word, const QStringList &candidates)
{
    QString best;
    int bestDistance = std::max<int>(2, int(word.size() / 3)) + 1;
    for (const QString &candidate : candidates) {
        const int distance = editDistance(word.toLower(), candidate.toLower());
        if (distance < bestDistance && distance < word.size()) {
            best = candidate;
            bestDistance = distance;
        }
    }
    return best;
}

void PolicyReader::requireKnown(const YAML::Node &node, const QString &path, const QString &noun,
    const QString &name, const QStringList &known)
{
    if (known.contains(name))
        return;
    const QString close = suggestion(name, known);
    QString message = QStringLiteral("unknown %1 %2").arg(noun, quoted(name));
    if (!close.isEmpty())
        message += QStringLiteral(" (did you mean %1?)").arg(quoted(close));
    else if (known.isEmpty())
        message += QStringLiteral(" (none is defined)");
    else
        message += QStringLiteral(" (defined: %1)").arg(known.join(QStringLiteral(", ")));
    fail(node, path, message);
}

MapView PolicyReader::map(const YAML::Node &node, const QString &path, const QStringList &allowed)
{
    if (!node.IsMap())
        expected(node, path, QStringLiteral("a mapping"));
    MapView view;
    view.m_reader = this;
    view.m_path = path;
    view.m_node = node;
    for (auto it = node.begin(); it != node.end(); ++it) {
        const YAML::Node key = it->first;
        if (!key.IsScalar())
            expected(key, path, QStringLiteral("a plain key"));
        const QString name = fromStd(key.Scalar());
        if (!allowed.isEmpty() && !allowed.contains(name)) {
            const QString close = suggestion(name, allowed);
            fail(key, path,
                close.isEmpty()
                    ? QStringLiteral("unknown key %1 (expected one of: %2)")
                          .arg(quoted(name), allowed.join(QStringLiteral(", ")))
                    : QStringLiteral("unknown key %1 (did you mean %2?)").arg(quoted(name), quoted(close)));
        }
        if (view.m_entries.contains(name)) {
            fail(key, path,
                QStringLiteral("duplicate key %1 (first at line %2)")
                    .arg(quoted(name))
                    .arg(where(view.m_entries.value(name).first).line));
        }
        view.m_entries.insert(name, {key, it->second});
        view.m_keys << name;
        // A scalar is pointed at where it is written; a block at the key that names it.
        record(it->second.IsScalar() ? it->second : key, view.childPath(name));
    }
    return view;
}

QList<YAML::Node> PolicyReader::list(const YAML::Node &node, const QString &path)
{
    if (!node.IsSequence())
        expected(node, path, QStringLiteral("a list"));
    QList<YAML::Node> items;
    for (const YAML::Node &item : node) {
        record(item, QStringLiteral("%1[%2]").arg(path).arg(items.size()));
        items << item;
    }
    return items;
}

QString PolicyReader::string(const YAML::Node &node, const QString &path)
{
    if (!node.IsScalar())
        expected(node, path, QStringLiteral("a string"));
    return fromStd(node.Scalar());
}

bool PolicyReader::boolean(const YAML::Node &node, const QString &path)
{
    const QString text = node.IsScalar() ? fromStd(node.Scalar()).toLower() : QString();
    if (text == u"true")
        return true;
    if (text == u"false")
        return false;
    expected(node, path, QStringLiteral("true or false"));
}

int PolicyReader::integer(const YAML::Node &node, const QString &path, int min, int max)
{
    bool ok = false;
    const qlonglong value = node.IsScalar() ? fromStd(node.Scalar()).toLongLong(&ok) : 0;
    if (!ok || value < min || value > max) {
        const QString range = max == std::numeric_limits<int>::max()
            ? QStringLiteral("a whole number >= %1").arg(min)
            : QStringLiteral("a whole number from %1 to %2").arg(min).arg(max);
        expected(node, path, range);
    }
    return int(value);
}

double PolicyReader::number(const YAML::Node &node, const QString &path)
{
    bool ok = false;
    const double value = node.IsScalar() ? fromStd(node.Scalar()).toDouble(&ok) : 0.0;
    if (!ok || !std::isfinite(value))
        expected(node, path, QStringLiteral("a number"));
    return value;
}

std::chrono::seconds PolicyReader::duration(const YAML::Node &node, const QString &path)
{
    const std::optional<std::chrono::seconds> value
        = node.IsScalar() ? parseDuration(fromStd(node.Scalar())) : std::nullopt;
    if (!value || value->count() <= 0)
        expected(node, path, QStringLiteral("a duration like 12h, 30m or 90s"));
    return *value;
}

QStringList PolicyReader::strings(const YAML::Node &node, const QString &path)
{
    QStringList values;
    QHash<QString, int> firstLine;
    const QList<YAML::Node> items = list(node, path);
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QString itemPath = QStringLiteral("%1[%2]").arg(path).arg(i);
        const QString value = string(items.at(i), itemPath);
        if (value.trimmed().isEmpty())
            expected(items.at(i), itemPath, QStringLiteral("a non-empty string"));
        if (firstLine.contains(value))
            fail(items.at(i), itemPath,
                QStringLiteral("duplicate %1 (first at line %2)")
                    .arg(quoted(value))
                    .arg(firstLine.value(value)));
        firstLine.insert(value, where(items.at(i)).line);
        values << value;
    }
    return values;
}

QMap<QString, QString> PolicyReader::stringMap(const YAML::Node &node, const QString &path)
{
    const MapView view = map(node, path, {});
    QMap<QString, QString> values;
    for (const QString &key : view.keys())
        values.insert(key, string(view.get(key), view.childPath(key)));
    return values;
}

QDate PolicyReader::date(const YAML::Node &node, const QString &path)
{
    const QDate value = node.IsScalar() ? QDate::fromString(fromStd(node.Scalar()), Qt::ISODate) : QDate();
    if (!value.isValid())
        expected(node, path, QStringLiteral("a date like 2026-02-11"));
    return value;
}

QList<MapView> PolicyReader::namedItems(
    const YAML::Node &node, const QString &path, const QStringList &allowed)
{
    QList<MapView> views;
    QHash<QString, int> firstLine;
    const QList<YAML::Node> items = list(node, path);
    for (qsizetype i = 0; i < items.size(); ++i) {
        MapView view = map(items.at(i), QStringLiteral("%1[%2]").arg(path).arg(i), allowed);
        const QString name = view.requiredString(QStringLiteral("name"));
        if (firstLine.contains(name)) {
            fail(view.get(QStringLiteral("name")), view.childPath(QStringLiteral("name")),
                QStringLiteral("duplicate name %1 (first at line %2)")
                    .arg(quoted(name))
                    .arg(firstLine.value(name)));
        }
        firstLine.insert(name, where(view.get(QStringLiteral("name"))).line);
        views << view;
    }
    return views;
}

}  // namespace cockpit
