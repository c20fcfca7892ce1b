#include "evidence_names.h"

#include <QRegularExpression>
#include <QStringList>

namespace cockpit {
namespace {

constexpr int kMaxComponent = 80;

bool keptCharacter(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9') || u == u'.'
        || u == u'_' || u == u'-';
}

bool isDriveLetter(const QString &component)
{
    return component.size() == 2 && component.at(1) == u':' && component.at(0).isLetter();
}

}  // namespace

QString evidenceNameComponent(const QString &raw)
{
    QString out;
    out.reserve(raw.size());
    for (const QChar c : raw) {
        const QChar kept = keptCharacter(c) ? c : QChar(u'_');
        if (kept == u'_' && out.endsWith(u'_'))
            continue;
        out += kept;
    }
    // ".." inside a name is no traversal, but reads like one: runs of dots become '_' as well.
    static const QRegularExpression dots(QStringLiteral("\\.{2,}"));
    static const QRegularExpression underscores(QStringLiteral("_{2,}"));
    out.replace(dots, QStringLiteral("_")).replace(underscores, QStringLiteral("_"));
    while (out.startsWith(u'.'))
        out.remove(0, 1);
    out.truncate(kMaxComponent);
    return out.isEmpty() ? QStringLiteral("_") : out;
}

QString evidenceMemberPath(const QString &raw)
{
    QString path = raw;
    path.replace(u'\\', u'/');
    QStringList parts;
    for (const QString &component : path.split(u'/', Qt::SkipEmptyParts)) {
        if (component == u"." || component == u".." || (parts.isEmpty() && isDriveLetter(component)))
            continue;
        parts.append(evidenceNameComponent(component));
    }
    return parts.isEmpty() ? QStringLiteral("_") : parts.join(u'/');
}

bool isSafeMemberName(const QString &name)
{
    if (name.isEmpty() || name.toUtf8().size() > 255 || name.startsWith(u'/'))
        return false;
    for (const QChar c : name) {
        if (c == u'\\' || c == u':' || c.unicode() < 0x20 || c.unicode() == 0x7f)
            return false;
    }
    for (const QString &component : name.split(u'/')) {
        if (component.isEmpty() || component == u"." || component == u"..")
            return false;
    }
    return true;
}

QString uniqueMemberName(QSet<QString> &taken, const QString &name)
{
    QString candidate = name;
    const qsizetype slash = name.lastIndexOf(u'/');
    const qsizetype dot = name.lastIndexOf(u'.');
    const qsizetype split = dot > slash + 1 ? dot : name.size();
    for (int n = 2; taken.contains(candidate); ++n)
        candidate = name.left(split) + QStringLiteral("-%1").arg(n) + name.mid(split);
    taken.insert(candidate);
    return candidate;
}

}  // namespace cockpit
