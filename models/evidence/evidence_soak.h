#pragma once
// A recorded soak as evidence: one CSV row per scheduled measurement, and one SVG chart per check
// drawn by our own code (no GUI, no fonts measured, the same bytes for the same input): the
// series, the limit line, bands where the series breaches it, and the measurements marked by status.
#include "soak_types.h"

#include <QByteArray>

namespace cockpit {

// "time,check,value,status,detail" (RFC 4180; a text cell that a spreadsheet would run as a
// formula is prefixed with a quote), checks in evaluation order, measurements in time order.
[[nodiscard]] QByteArray evidenceSoakCsv(const SoakEvaluation &evaluation);

struct SoakChartSvgInput {
    CheckResult check;
    QList<Sample> samples;  // ascending time; samples outside [start, end] are not drawn
    QDateTime start;
    QDateTime end;
    QString environment;
};

inline constexpr int kSoakSvgWidth = 720;
inline constexpr int kSoakSvgHeight = 300;

[[nodiscard]] QByteArray soakChartSvg(const SoakChartSvgInput &input);

// Text escaped for XML character data and attribute values.
[[nodiscard]] QString xmlEscaped(const QString &text);

}  // namespace cockpit
