// The soak chart as SVG text (declared in evidence_soak.h). Coordinates are printed with one
// decimal and every label from fixed formats, so the same input gives the same bytes anywhere.
#include "downsample.h"
#include "evidence_soak.h"

#include <algorithm>
#include <cmath>

namespace cockpit {
namespace {

constexpr double kLeft = 68, kRight = 20, kTop = 52, kBottom = 46;
constexpr double kPlotW = kSoakSvgWidth - kLeft - kRight;
constexpr double kPlotH = kSoakSvgHeight - kTop - kBottom;

QString num(double v)
{
    return QString::number(v, 'f', 1);
}

QString label(double v)
{
    return QString::number(std::abs(v) < 1e-12 ? 0.0 : v, 'g', 6);
}

struct Frame {
    qint64 fromMs = 0;
    qint64 toMs = 1;
    double low = 0;
    double high = 1;
    [[nodiscard]] double x(qint64 ms) const
    {
        return kLeft + kPlotW * double(ms - fromMs) / double(toMs - fromMs);
    }
    [[nodiscard]] double y(double v) const { return kTop + kPlotH * (1.0 - (v - low) / (high - low)); }
};

double niceStep(double span, int ticks)
{
    const double raw = span / ticks;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    for (const double m : {1.0, 2.0, 2.5, 5.0, 10.0})
        if (raw <= m * magnitude)
            return m * magnitude;
    return 10 * magnitude;
}

Frame frameFor(const SoakChartSvgInput &in, const QList<Sample> &samples)
{
    Frame f;
    f.fromMs = in.start.toMSecsSinceEpoch();
    f.toMs = std::max(in.end.toMSecsSinceEpoch(), f.fromMs + 60000);
    QList<double> values;
    for (const Sample &s : samples)
        values.append(s.value);
    for (const Measurement &m : in.check.measurements)
        if (m.value && std::isfinite(*m.value))
            values.append(*m.value);
    for (const auto &limit : {in.check.thresholdMax, in.check.thresholdMin})
        if (limit)
            values.append(*limit);
    if (values.isEmpty())
        values = {0.0, 1.0};
    double low = *std::min_element(values.begin(), values.end());
    double high = *std::max_element(values.begin(), values.end());
    if (high - low < 1e-9) {
        low -= std::max(1.0, std::abs(low) * 0.1);
        high += std::max(1.0, std::abs(high) * 0.1);
    }
    const double step = niceStep(high - low, 5);
    f.low = std::floor(low / step) * step;
    f.high = std::ceil(high / step) * step;
    if (f.high - (high) < step * 0.05)
        f.high += step;
    return f;
}

QString yAxis(const Frame &f)
{
    QString out;
    const double step = niceStep(f.high - f.low, 5);
    for (double v = f.low; v <= f.high + step * 1e-6; v += step) {
        const double y = f.y(v);
        out += QStringLiteral("<line class=\"grid\" x1=\"%1\" y1=\"%2\" x2=\"%3\" y2=\"%2\"/>\n")
                   .arg(num(kLeft), num(y), num(kLeft + kPlotW));
        out += QStringLiteral("<text class=\"tick\" x=\"%1\" y=\"%2\" text-anchor=\"end\">%3</text>\n")
                   .arg(num(kLeft - 6), num(y + 4), label(v));
    }
    return out;
}

QString xAxis(const Frame &f)
{
    static const qint64 steps[] = {60, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400};
    qint64 stepMs = steps[std::size(steps) - 1] * 1000;
    for (const qint64 s : steps) {
        if ((f.toMs - f.fromMs) / (s * 1000) <= 8) {
            stepMs = s * 1000;
            break;
        }
    }
    QString out;
    for (qint64 t = (f.fromMs + stepMs - 1) / stepMs * stepMs; t <= f.toMs; t += stepMs) {
        const double x = f.x(t);
        out += QStringLiteral("<line class=\"grid\" x1=\"%1\" y1=\"%2\" x2=\"%1\" y2=\"%3\"/>\n")
                   .arg(num(x), num(kTop), num(kTop + kPlotH));
        const QString text = QDateTime::fromMSecsSinceEpoch(t, Qt::UTC).toString(QStringLiteral("HH:mm"));
        out += QStringLiteral("<text class=\"tick\" x=\"%1\" y=\"%2\" text-anchor=\"middle\">%3</text>\n")
                   .arg(num(x), num(kTop + kPlotH + 16), text);
    }
    const QString caption = QStringLiteral("time (UTC) from %1")
                                .arg(QDateTime::fromMSecsSinceEpoch(f.fromMs, Qt::UTC)
                                         .toString(QStringLiteral("yyyy-MM-dd HH:mm")));
    out += QStringLiteral("<text class=\"tick\" x=\"%1\" y=\"%2\" text-anchor=\"middle\">%3</text>\n")
               .arg(num(kLeft + kPlotW / 2), num(kSoakSvgHeight - 8), caption);
    return out;
}

bool breaches(const CheckResult &check, double v)
{
    return (check.thresholdMax && v > *check.thresholdMax) || (check.thresholdMin && v < *check.thresholdMin);
}

QString seriesAndBreaches(const Frame &f, const CheckResult &check, const QList<Sample> &points)
{
    QString bands, line;
    qsizetype runStart = -1;
    for (qsizetype i = 0; i <= points.size(); ++i) {
        const bool bad = i < points.size() && breaches(check, points.at(i).value);
        if (bad && runStart < 0)
            runStart = i;
        if (!bad && runStart >= 0) {
            const double x0 = f.x(points.at(runStart).timeMs);
            const double x1 = std::max(f.x(points.at(i - 1).timeMs), x0 + 2);
            bands += QStringLiteral("<rect class=\"breach\" x=\"%1\" y=\"%2\" width=\"%3\" height=\"%4\"/>\n")
                         .arg(num(x0 - 1), num(kTop), num(x1 - x0 + 2), num(kPlotH));
            runStart = -1;
        }
        if (i < points.size())
            line += num(f.x(points.at(i).timeMs)) + u',' + num(f.y(points.at(i).value)) + u' ';
    }
    if (!line.isEmpty())
        line = QStringLiteral("<polyline class=\"series\" points=\"%1\"/>\n").arg(line.trimmed());
    return bands + line;
}

QString limits(const Frame &f, const CheckResult &check)
{
    QString out;
    const auto draw = [&](const std::optional<double> &limit, const QString &name) {
        if (!limit)
            return;
        const double y = f.y(*limit);
        out += QStringLiteral("<line class=\"limit\" x1=\"%1\" y1=\"%2\" x2=\"%3\" y2=\"%2\"/>\n")
                   .arg(num(kLeft), num(y), num(kLeft + kPlotW));
        out += QStringLiteral(
            "<text class=\"limitlabel\" x=\"%1\" y=\"%2\" text-anchor=\"end\">%3 %4</text>\n")
                   .arg(num(kLeft + kPlotW - 4), num(y - 4), name, label(*limit));
    };
    draw(check.thresholdMax, QStringLiteral("max"));
    draw(check.thresholdMin, QStringLiteral("min"));
    return out;
}

QString marker(const Frame &f, const Measurement &m)
{
    const double x = f.x(m.time.toMSecsSinceEpoch());
    const bool plotted = m.value && std::isfinite(*m.value);
    const double y = plotted ? f.y(*m.value) : kTop + kPlotH - 6;
    const QString title = QStringLiteral("<title>%1 %2: %3</title>")
                              .arg(m.time.toUTC().toString(QStringLiteral("HH:mm")),
                                  measurementStatusName(m.status), xmlEscaped(m.detail));
    // The tooltip is the group's first child: readers that choke on a <title> inside a shape
    // (ImageMagick's) then still draw the mark.
    QString shape;
    switch (m.status) {
    case MeasurementStatus::Pass:
        shape = QStringLiteral("<circle class=\"pass\" cx=\"%1\" cy=\"%2\" r=\"4\"/>").arg(num(x), num(y));
        break;
    case MeasurementStatus::Fail:
        shape = QStringLiteral("<g class=\"fail\"><circle cx=\"%1\" cy=\"%2\" r=\"6\"/><path d=\"M%3 %4 L%5 "
                               "%6 M%3 %6 L%5 %4\"/></g>")
                    .arg(num(x), num(y), num(x - 3.5), num(y - 3.5), num(x + 3.5), num(y + 3.5));
        break;
    case MeasurementStatus::Error:
        shape = QStringLiteral("<path class=\"error\" d=\"M%1 %2 L%3 %4 L%5 %4 Z\"/>")
                    .arg(num(x), num(y - 6), num(x + 5.5), num(y + 4), num(x - 5.5));
        break;
    case MeasurementStatus::NoData:
        shape = QStringLiteral("<rect class=\"nodata\" x=\"%1\" y=\"%2\" width=\"8\" height=\"8\"/>")
                    .arg(num(x - 4), num(y - 4));
        break;
    case MeasurementStatus::Pending:
        return {};
    }
    return QStringLiteral("<g>%1%2</g>\n").arg(title, shape);
}

// One line under the title: what each mark means, drawn with the marks themselves.
QString legend()
{
    QString out;
    double x = kLeft;
    const double y = 38;
    const auto text = [&](const QString &label, double width) {
        out += QStringLiteral("<text class=\"tick\" x=\"%1\" y=\"%2\">%3</text>\n")
                   .arg(num(x + 14), num(y + 4), label);
        x += width;
    };
    out += QStringLiteral("<line class=\"series\" x1=\"%1\" y1=\"%2\" x2=\"%3\" y2=\"%2\"/>\n")
               .arg(num(x), num(y), num(x + 10));
    text(QStringLiteral("value"), 62);
    out += QStringLiteral("<line class=\"limit\" x1=\"%1\" y1=\"%2\" x2=\"%3\" y2=\"%2\"/>\n")
               .arg(num(x), num(y), num(x + 10));
    text(QStringLiteral("limit"), 56);
    out += QStringLiteral("<rect class=\"breach\" x=\"%1\" y=\"%2\" width=\"10\" height=\"10\"/>\n")
               .arg(num(x), num(y - 5));
    text(QStringLiteral("beyond limit"), 98);
    out += QStringLiteral("<circle class=\"pass\" cx=\"%1\" cy=\"%2\" r=\"4\"/>\n").arg(num(x + 5), num(y));
    text(QStringLiteral("pass"), 52);
    out += QStringLiteral("<g class=\"fail\"><circle cx=\"%1\" cy=\"%2\" r=\"5\"/></g>\n")
               .arg(num(x + 5), num(y));
    text(QStringLiteral("fail"), 46);
    out += QStringLiteral("<path class=\"error\" d=\"M%1 %2 L%3 %4 L%5 %4 Z\"/>\n")
               .arg(num(x + 5), num(y - 5), num(x + 10), num(y + 4), num(x));
    text(QStringLiteral("error"), 56);
    out += QStringLiteral("<rect class=\"nodata\" x=\"%1\" y=\"%2\" width=\"8\" height=\"8\"/>\n")
               .arg(num(x + 1), num(y - 4));
    text(QStringLiteral("no data"), 70);
    return out;
}

// Presentation attributes rather than a <style> sheet: every SVG reader honours them (ImageMagick,
// some previewers and PDF converters ignore CSS classes). The classes stay for tests and tools.
const std::pair<const char *, const char *> kLooks[] = {
    {"title", R"(font-family="sans-serif" font-size="14" font-weight="bold" fill="#333")"},
    {"tick", R"(font-family="sans-serif" font-size="11" fill="#555")"},
    {"grid", R"(stroke="#e4e4e4" stroke-width="1")"},
    {"frame", R"(fill="none" stroke="#999" stroke-width="1")"},
    {"series", R"(fill="none" stroke="#1f6fb4" stroke-width="1.5")"},
    {"limit", R"(stroke="#d62728" stroke-width="1.5" stroke-dasharray="6 4")"},
    {"limitlabel", R"(font-family="sans-serif" font-size="11" fill="#d62728")"},
    {"breach", R"(fill="#f8d4d4" stroke="none")"},  // light red, solid: not every reader blends opacity
    {"pass", R"(fill="#2ca02c" stroke="#fff" stroke-width="1")"},
    {"fail", R"(fill="#d62728" stroke="#fff" stroke-width="1.8")"},
    {"error", R"(fill="#ff7f0e" stroke="#fff" stroke-width="1")"},
    {"nodata", R"(fill="#fff" stroke="#7f7f7f" stroke-width="1.5")"},
};

QString styled(QString svg)
{
    for (const auto &[name, look] : kLooks) {
        const QString cls = QStringLiteral("class=\"%1\"").arg(QLatin1String(name));
        svg.replace(cls, cls + u' ' + QLatin1String(look));
    }
    return svg;
}

}  // namespace

QByteArray soakChartSvg(const SoakChartSvgInput &in)
{
    QList<Sample> inWindow;
    const qint64 from = in.start.toMSecsSinceEpoch(), to = in.end.toMSecsSinceEpoch();
    for (const Sample &s : in.samples)
        if (s.timeMs >= from && s.timeMs <= to && std::isfinite(s.value))
            inWindow.append(s);
    const QList<Sample> points = downsampleMinMax(inWindow, int(kPlotW));
    const Frame f = frameFor(in, points);
    QString out = QStringLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                 "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%1\" height=\"%2\" "
                                 "viewBox=\"0 0 %1 %2\">\n")
                      .arg(kSoakSvgWidth)
                      .arg(kSoakSvgHeight);
    out += QStringLiteral("<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n");
    out += QStringLiteral("<text class=\"title\" x=\"%1\" y=\"22\">%2 on %3: %4</text>\n")
               .arg(num(kLeft), xmlEscaped(in.check.name), xmlEscaped(in.environment),
                   checkStatusName(in.check.status).toUpper());
    out += legend() + yAxis(f) + xAxis(f);
    out += QStringLiteral("<rect class=\"frame\" x=\"%1\" y=\"%2\" width=\"%3\" height=\"%4\"/>\n")
               .arg(num(kLeft), num(kTop), num(kPlotW), num(kPlotH));
    out += seriesAndBreaches(f, in.check, points) + limits(f, in.check);
    for (const Measurement &m : in.check.measurements)
        out += marker(f, m);
    out += QStringLiteral("</svg>\n");
    return styled(out).toUtf8();
}

}  // namespace cockpit
