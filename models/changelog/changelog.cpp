#include "changelog.h"
#include "markdown_lines.h"

namespace cockpit {

int ChangelogRelease::entryCount() const
{
    int n = 0;
    for (const ChangelogSection &s : sections)
        n += int(s.entries.size());
    return n;
}

const ChangelogSection *ChangelogRelease::section(const QString &name) const
{
    const QString wanted = plainSectionName(name);
    for (const ChangelogSection &s : sections) {
        if (!s.name.isEmpty() && plainSectionName(s.name).compare(wanted, Qt::CaseInsensitive) == 0)
            return &s;
    }
    return nullptr;
}

QString Changelog::sectionText(const QString &version) const
{
    const ChangelogRelease *r = release(version);
    if (!r)
        return {};
    const MarkdownLines lines(source);
    const qsizetype begin = lines.start(r->line);
    const qsizetype end = r->endLine < lines.count() ? lines.start(r->endLine + 1) : source.size();
    return QString::fromUtf8(QByteArrayView(source).sliced(begin, end - begin));
}

const ChangelogRelease *Changelog::unreleased() const
{
    for (const ChangelogRelease &r : releases) {
        if (r.isUnreleased())
            return &r;
    }
    return nullptr;
}

const ChangelogRelease *Changelog::release(const QString &version) const
{
    if (version.compare(QLatin1String("Unreleased"), Qt::CaseInsensitive) == 0)
        return unreleased();
    QString wanted = version;
    if (wanted.startsWith(u'v') || wanted.startsWith(u'V'))
        wanted.remove(0, 1);
    for (const ChangelogRelease &r : releases) {
        if (r.version == wanted)
            return &r;
    }
    return nullptr;
}

const LinkReference *Changelog::link(const QString &label) const
{
    for (const LinkReference &l : links) {
        if (l.label.compare(label, Qt::CaseInsensitive) == 0)
            return &l;
    }
    return nullptr;
}

QStringList standardChangelogSections()
{
    return {QStringLiteral("Added"), QStringLiteral("Changed"), QStringLiteral("Deprecated"),
        QStringLiteral("Removed"), QStringLiteral("Fixed"), QStringLiteral("Security")};
}

QString plainSectionName(const QString &written)
{
    QString s = written.trimmed();
    if (s.endsWith(u':'))
        s.chop(1);
    if (s.startsWith(u'[') && s.endsWith(u']'))
        s = s.mid(1, s.size() - 2);
    return s.trimmed();
}

}  // namespace cockpit
