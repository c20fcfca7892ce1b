#pragma once
// The text of a release heading taken apart as written: "[1.0.0] - 2024-01-31", "v1.2.0 (2019-12-16)",
// "[2.15.0](https://...) (2021-01-12)", "Unreleased", "0.99.4 - 2020-03-28 [YANKED]".
#include <QDate>
#include <QString>
#include <optional>

namespace cockpit {

struct ReleaseHeading {
    QString version;  // "Unreleased" or the version without brackets and 'v'
    bool bracketed = false;
    bool inlineLink = false;
    QString linkUrl;  // of an inline link
    bool vPrefix = false;
    QString separator;  // "-", en/em dash, "(" or empty
    QString dateText;  // parentheses removed
    QDate date;  // from ISO 8601 or a common written form; invalid otherwise
    bool yanked = false;
};

// nullopt when the text does not start with a version ("1.2", "v1.2.3-rc.1", "2.0 Beta 2") or
// "Unreleased".
std::optional<ReleaseHeading> parseReleaseHeading(const QString &text);

// YYYY-MM-DD, and the forms people also write ("2018/07/05", "September 7, 2023"); invalid
// when none fits.
QDate parseChangelogDate(const QString &text);
bool isIsoDate(const QString &text);  // exactly YYYY-MM-DD and a real day

}  // namespace cockpit
