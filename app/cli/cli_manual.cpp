#include "cli_manual.h"

#include "command_line.h"

using namespace Qt::StringLiterals;

namespace cockpit::cli {
namespace {

using Row = std::pair<QString, QString>;

// Two columns; a left side too wide for its column puts the right side on the next line, indented
// so that nothing but a command line starts with two spaces and a letter (packaging reads that).
QString rows(const QList<Row> &list, int width = 36)
{
    QString text;
    for (const auto &[left, right] : list) {
        if (left.size() < width)
            text += u"  "_s + left.leftJustified(width) + u"  "_s + right + u'\n';
        else
            text += u"  "_s + left + u'\n' + QString(width + 4, u' ') + right + u'\n';
    }
    return text;
}

QList<Row> optionRows(const QList<CliOption> &options)
{
    QList<Row> list;
    for (const CliOption &o : options) {
        QString left = o.spelled();
        if (o.names.size() > 1)
            left = u"-%1, "_s.arg(o.names.first()) + left;
        list << Row {left, o.description + (o.required ? u" (required)"_s : QString())};
    }
    return list;
}

QList<Row> commandRows(const QList<const CliCommand *> &commands)
{
    QList<Row> list;
    for (const CliCommand *c : commands)
        list << Row {c->synopsis(), c->summary};
    return list;
}

QString sentence(const QString &summary)
{
    return summary.left(1).toUpper() + summary.mid(1) + u'.';
}

QString programHelp()
{
    return u"Usage: release-cockpit [options] [DIR]\n"
           "       release-cockpit [global options] COMMAND [arguments] [options]\n\n"
           "Release Cockpit: take a release from \"all PRs merged\" to \"soak passed\" or \"rolled back\", "
           "with evidence.\n\n"
           "Commands (none, or a workspace directory, opens the window):\n"_s
        + rows(commandRows(commandsUnder({}))) + u"\nGlobal options:\n"_s
        + rows(optionRows(globalOptions()), 24) + u"\nWindow options:\n"_s
        + rows(optionRows(windowOptions()), 24)
        + rows({{u"-h, --help"_s, u"show this help; after a command, that command's"_s},
                   {u"-v, --version"_s, u"print the version"_s}},
            24)
        + u"\nRun 'release-cockpit COMMAND --help' for the options of a command.\n\n"
          "Exit codes: 0 ok, 1 failed, 2 inconclusive, 64 usage, 65 bad input, 69 service unavailable, "
          "70 internal.\n"_s;
}

QString groupHelp(const QStringList &group)
{
    const QString name = group.join(u' ');
    return u"Usage: release-cockpit %1 COMMAND [arguments] [options]\n\nCommands:\n"_s.arg(name)
        + rows(commandRows(commandsUnder(group))) + u"\nGlobal options:\n"_s
        + rows(optionRows(globalOptions()), 24)
        + u"\nRun 'release-cockpit %1 COMMAND --help' for the options of a command.\n"_s.arg(name);
}

QString commandHelp(const CliCommand &c)
{
    QString text = u"Usage: release-cockpit %1\n\n%2\n"_s.arg(c.synopsis(), sentence(c.summary));
    if (!c.options.isEmpty())
        text += u"\nOptions:\n"_s + rows(optionRows(c.options), 24);
    return text + u"\nGlobal options:\n"_s + rows(optionRows(globalOptions()), 24)
        + rows({{u"-h, --help"_s, u"show this help"_s}}, 24);
}

// Text in roff: hyphens are minus signs (so they copy and search as typed), backslashes escaped.
QString roff(QString text)
{
    text.replace(u'\\', u"\\e"_s).replace(u'-', u"\\-"_s);
    if (text.startsWith(u'.') || text.startsWith(u'\''))
        text.prepend(u"\\&"_s);
    return text;
}

// A usage line in the man page's fonts: literal words and options bold, placeholders italic; a
// run of words in one font stays one run ("\fBsoak evaluate\fR").
QString roffSynopsis(const QString &synopsis)
{
    enum Font { Plain, Bold, Italic };
    QList<std::pair<QString, Font>> runs;
    QString word;
    auto flush = [&] {
        if (word.isEmpty())
            return;
        const Font font = word[0].isUpper() ? Italic : Bold;
        // A single space between two words of the same font joins them.
        if (runs.size() >= 2 && runs.last().first == u" " && runs[runs.size() - 2].second == font) {
            runs.removeLast();
            runs.last().first += u' ' + word;
        } else {
            runs << std::pair {word, font};
        }
        word.clear();
    };
    for (const QChar ch : synopsis) {
        if (QStringView(u"[]()| ").contains(ch)) {
            flush();
            runs << std::pair {QString(ch), Plain};
        } else {
            word += ch;
        }
    }
    flush();
    QString out;
    for (const auto &[text, font] : runs)
        out += font == Plain ? text : (font == Bold ? u"\\fB"_s : u"\\fI"_s) + roff(text) + u"\\fR"_s;
    return out;
}

QString roffOptions(const QList<CliOption> &options, const QString &prefix = {})
{
    QString text;
    for (const CliOption &o : options) {
        QString tag = roffSynopsis(o.spelled());
        if (o.names.size() > 1)
            tag = u"\\fB\\-%1\\fR, "_s.arg(o.names.first()) + tag;
        text += u".TP\n"_s + tag + u'\n' + roff(sentence(prefix + o.description)) + u'\n';
    }
    return text;
}

}  // namespace

QString helpText(const CommandLine &line)
{
    if (line.command)
        return commandHelp(*line.command);
    if (!line.group.isEmpty())
        return groupHelp(line.group);
    return programHelp();
}

QString manSections()
{
    QString text = u".SH COMMANDS\n"_s;
    QString section;
    for (const CliCommand &c : commandTable()) {
        if (c.section != section) {
            section = c.section;
            text += u".SS "_s + section + u'\n';
        }
        text += u".TP\n"_s + roffSynopsis(c.synopsis()) + u'\n' + roff(sentence(c.summary)) + u'\n';
        if (!c.options.isEmpty())
            text += u".RS\n"_s + roffOptions(c.options) + u".RE\n"_s;
    }
    text += u".SH OPTIONS\nEvery command accepts these:\n"_s + roffOptions(globalOptions())
        + roffOptions(windowOptions(), u"window only: "_s)
        + u".TP\n.BR \\-h \", \" \\-\\-help\nPrint the commands and options, or after a command (or a group "
          u"such "
          "as\n.BR release )\nits own.\n.TP\n.BR \\-v \", \" \\-\\-version\nPrint the version.\n"_s;
    return text;
}

}  // namespace cockpit::cli
