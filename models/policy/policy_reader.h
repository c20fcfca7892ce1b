#pragma once
// Typed, located reads of yaml-cpp nodes for the policy loader: each failure names
// file:line:col, the key path and what was expected there. Internal to models/ (it exposes
// yaml-cpp, which the rest of the code never sees).
#include "error.h"

#include <yaml-cpp/yaml.h>

#include <QDate>
#include <QHash>
#include <QMap>
#include <QStringList>
#include <chrono>
#include <optional>

namespace cockpit {

// Thrown by the readers and caught by parsePolicy only: it keeps each section reader linear
// instead of testing a Result after every key. Nothing escapes the parser boundary.
struct PolicyReadError {
    Error error;
};

class PolicyReader;

// A YAML mapping whose keys were checked against the allowed set, with typed getters.
// Getters of an absent key return the fallback; a present key of the wrong type throws.
class MapView {
public:
    [[nodiscard]] const QString &path() const { return m_path; }
    [[nodiscard]] const YAML::Node &node() const { return m_node; }
    [[nodiscard]] const QStringList &keys() const { return m_keys; }  // document order
    [[nodiscard]] bool has(const QString &key) const { return m_entries.contains(key); }
    [[nodiscard]] YAML::Node get(const QString &key) const;  // undefined node when absent
    [[nodiscard]] YAML::Node keyNode(const QString &key) const;
    [[nodiscard]] YAML::Node item(const QString &key, qsizetype index) const;  // of a list value
    YAML::Node require(const QString &key) const;  // throws "missing required key"
    [[nodiscard]] QString childPath(const QString &key) const;

    [[nodiscard]] QString string(const QString &key, const QString &fallback = {}) const;
    [[nodiscard]] QString requiredString(const QString &key) const;
    [[nodiscard]] bool boolean(const QString &key, bool fallback) const;
    [[nodiscard]] int integer(const QString &key, int fallback, int min, int max) const;
    [[nodiscard]] std::optional<double> number(const QString &key) const;
    [[nodiscard]] std::optional<std::chrono::seconds> duration(const QString &key) const;
    [[nodiscard]] QStringList strings(const QString &key) const;  // unique, non-empty items
    [[nodiscard]] QMap<QString, QString> stringMap(const QString &key) const;
    // Exactly one of `keys` must be present (a gate is a command, a probe, ...).
    [[nodiscard]] QString exactlyOne(const QStringList &keys) const;

private:
    friend class PolicyReader;
    PolicyReader *m_reader = nullptr;
    QString m_path;
    YAML::Node m_node;
    QStringList m_keys;
    QHash<QString, std::pair<YAML::Node, YAML::Node>> m_entries;  // key -> (key node, value)
};

class PolicyReader {
public:
    PolicyReader(QString file, QHash<QString, SourceLocation> *locations);

    [[nodiscard]] SourceLocation where(const YAML::Node &node) const;
    [[noreturn]] void fail(const YAML::Node &node, const QString &path, const QString &message) const;
    [[noreturn]] void expected(const YAML::Node &node, const QString &path, const QString &what) const;
    void record(const YAML::Node &node, const QString &path);

    // allowed empty: any key (maps keyed by a name, like roles or environments).
    MapView map(const YAML::Node &node, const QString &path, const QStringList &allowed);
    QList<YAML::Node> list(const YAML::Node &node, const QString &path);
    QString string(const YAML::Node &node, const QString &path);
    bool boolean(const YAML::Node &node, const QString &path);
    int integer(const YAML::Node &node, const QString &path, int min, int max);
    double number(const YAML::Node &node, const QString &path);
    std::chrono::seconds duration(const YAML::Node &node, const QString &path);
    QStringList strings(const YAML::Node &node, const QString &path);
    QMap<QString, QString> stringMap(const YAML::Node &node, const QString &path);
    QDate date(const YAML::Node &node, const QString &path);
    // A list of mappings each with a unique "name"; returns the views in order.
    QList<MapView> namedItems(const YAML::Node &node, const QString &path, const QStringList &allowed);
    // Throws "unknown NOUN" with a did-you-mean when `name` is not one of `known`.
    void requireKnown(const YAML::Node &node, const QString &path, const QString &noun, const QString &name,
        const QStringList &known);

    [[nodiscard]] static QString describe(const YAML::Node &node);
    [[nodiscard]] static QString suggestion(const QString &word, const QStringList &candidates);

private:
    QString m_file;
    QHash<QString, SourceLocation> *m_locations;
};

// "15m", "2h", "90s", "1d", "1w" and sums like "1h30m"; nullopt when malformed.
std::optional<std::chrono::seconds> parseDuration(const QString &text);

}  // namespace cockpit
