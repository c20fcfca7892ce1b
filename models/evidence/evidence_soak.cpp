#include "evidence_soak.h"

#include <cmath>

namespace cockpit {
namespace {

QString csvCell(QString text, bool formulaGuard)
{
    // A cell starting with = + - @ is run as a formula by spreadsheets (CSV injection).
    if (formulaGuard && !text.isEmpty() && QStringLiteral("=+-@\t\r").contains(text.at(0)))
        text.prepend(u'\'');
    if (text.contains(u',') || text.contains(u'"') || text.contains(u'\n') || text.contains(u'\r'))
        return u'"' + text.replace(u'"', QStringLiteral("\"\"")) + u'"';
    return text;
}

QString valueText(const std::optional<double> &value)
{
    if (!value)
        return {};
    if (std::isnan(*value))
        return QStringLiteral("NaN");
    if (std::isinf(*value))
        return *value > 0 ? QStringLiteral("+Inf") : QStringLiteral("-Inf");
    return QString::number(*value, 'g', QLocale::FloatingPointShortest);
}

}  // namespace

QByteArray evidenceSoakCsv(const SoakEvaluation &evaluation)
{
    QString out = QStringLiteral("time,check,value,status,detail\r\n");
    for (const CheckResult &check : evaluation.checks) {
        for (const Measurement &m : check.measurements) {
            out += csvCell(m.time.toUTC().toString(Qt::ISODate), false) + u',' + csvCell(check.name, true)
                + u',' + csvCell(valueText(m.value), false) + u',' + measurementStatusName(m.status) + u','
                + csvCell(m.detail, true) + QStringLiteral("\r\n");
        }
    }
    return out.toUtf8();
}

QString xmlEscaped(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        switch (c.unicode()) {
        case u'&':
            out += QStringLiteral("&amp;");
            break;
        case u'<':
            out += QStringLiteral("&lt;");
            break;
        case u'>':
            out += QStringLiteral("&gt;");
            break;
        case u'"':
            out += QStringLiteral("&quot;");
            break;
        case u'\'':
            out += QStringLiteral("&apos;");
            break;
        default:
            // XML 1.0 allows no control characters other than tab, newline and carriage return.
            out += c.unicode() < 0x20 && c != u'\t' && c != u'\n' && c != u'\r' ? QChar(u' ') : c;
        }
    }
    return out;
}

}  // namespace cockpit
