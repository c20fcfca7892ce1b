// completion bash|zsh: shell completion scripts written from the command table, so a command or
// option added to the table completes without anyone editing a script. The package installs the
// same text, generated at build time.
#include "cli_completion.h"

#include "cli_context.h"
#include "command_table.h"

#include <QSet>

using namespace Qt::StringLiterals;

namespace cockpit::cli {
namespace {

QString quoted(const QString &text)
{
    return u'\'' + QString(text).replace(u'\'', u"'\\''"_s) + u'\'';
}

QStringList optionWords(const QList<CliOption> &options)
{
    QStringList words;
    for (const CliOption &o : options)
        words << (o.longName().size() == 1 ? u"-"_s : u"--"_s) + o.longName();
    return words;
}

// Every path and path prefix a command line can reach: "", "release", "release new", ...
QStringList reachablePaths()
{
    QStringList paths {QString()};
    for (const CliCommand &c : commandTable())
        for (qsizetype n = 1; n <= c.path.size(); ++n)
            if (const QString p = c.path.mid(0, n).join(u' '); !paths.contains(p))
                paths << p;
    return paths;
}

// The words that may follow a path: its subcommands, or the fixed choices of its argument.
QList<std::pair<QString, QString>> nextWords(const QString &path)
{
    QList<std::pair<QString, QString>> next;
    QSet<QString> seen;
    const QStringList prefix = path.isEmpty() ? QStringList() : path.split(u' ');
    for (const CliCommand *c : commandsUnder(prefix)) {
        const QString word = c->path[prefix.size()];
        if (!seen.contains(word)) {
            seen.insert(word);
            next << std::pair {word, c->path.size() == prefix.size() + 1 ? c->summary : u"commands"_s};
        }
    }
    if (const CliCommand *c = findCommand(prefix); c && c->path == prefix && c->arguments.contains(u'|'))
        for (const QString &choice : c->arguments.split(u'|'))
            next << std::pair {choice, c->summary};
    return next;
}

QList<CliOption> optionsAt(const QString &path)
{
    QList<CliOption> options = globalOptions();
    if (path.isEmpty())
        return options + windowOptions();
    if (const CliCommand *c = findCommand(path.split(u' ')); c && c->name() == path)
        options += c->options;
    return options;
}

// Shell case patterns for the options whose value is a directory, a file, or anything else.
struct ValuePatterns {
    QStringList dirs, files, others;
};

ValuePatterns valuePatterns()
{
    ValuePatterns v;
    QSet<QString> seen;
    auto add = [&](const QList<CliOption> &options) {
        for (const CliOption &o : options) {
            const QString word = (o.longName().size() == 1 ? u"-"_s : u"--"_s) + o.longName();
            if (o.valueName.isEmpty() || seen.contains(word))
                continue;
            seen.insert(word);
            QStringList &list
                = o.valueName == u"DIR" ? v.dirs : (o.valueName.startsWith(u"FILE") ? v.files : v.others);
            list << word;
            if (o.names.size() > 1)
                list << u'-' + o.names.first();
        }
    };
    add(globalOptions());
    add(windowOptions());
    for (const CliCommand &c : commandTable())
        add(c.options);
    return v;
}

QString casePattern(const QStringList &words)
{
    QStringList quotedWords;
    for (const QString &w : words)
        quotedWords << u'"' + w + u'"';
    return quotedWords.join(u'|');
}

QString bashScript()
{
    const ValuePatterns v = valuePatterns();
    QString options, next;
    for (const QString &path : reachablePaths()) {
        options += u"        \"%1\") w=%2 ;;\n"_s.arg(path, quoted(optionWords(optionsAt(path)).join(u' ')));
        QStringList words;
        for (const auto &[word, summary] : nextWords(path))
            words << word;
        if (!words.isEmpty())
            next += u"        \"%1\") w=%2 ;;\n"_s.arg(path, quoted(words.join(u' ')));
    }
    return u"# bash completion for release-cockpit, generated from its command table\n"
           "# (release-cockpit completion bash).\n"
           "_release_cockpit()\n{\n"
           "    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]} cmd='' w i skip=0\n"
           "    for ((i = 1; i < COMP_CWORD; i++)); do\n"
           "        w=${COMP_WORDS[i]}\n"
           "        if ((skip)); then skip=0; continue; fi\n"
           "        case $w in\n"
           "        --*=*) ;;\n"
           "        %1) skip=1 ;;\n"
           "        -*) ;;\n"
           "        *) case \"${cmd:+$cmd }$w\" in %2) cmd=\"${cmd:+$cmd }$w\" ;; esac ;;\n"
           "        esac\n"
           "    done\n"
           "    case $prev in\n"
           "    %3) COMPREPLY=($(compgen -d -- \"$cur\")); return ;;\n"
           "    %4) COMPREPLY=($(compgen -f -- \"$cur\")); return ;;\n"
           "    %5) return ;;\n"
           "    esac\n"
           "    w=''\n"
           "    if [[ $cur == -* ]]; then\n"
           "        case $cmd in\n%6        esac\n"
           "        w=\"$w --help\"\n"
           "    else\n"
           "        case $cmd in\n%7        esac\n"
           "    fi\n"
           "    COMPREPLY=($(compgen -W \"$w\" -- \"$cur\"))\n"
           "}\n"
           "complete -F _release_cockpit release-cockpit\n"_s.arg(casePattern(v.dirs + v.files + v.others),
               casePattern(reachablePaths().mid(1)), casePattern(v.dirs), casePattern(v.files),
               casePattern(v.others), options, next);
}

QString describeList(const QList<std::pair<QString, QString>> &items)
{
    QStringList entries;
    for (const auto &[word, summary] : items)
        entries << quoted(QString(word).replace(u':', u"\\:"_s) + u':' + summary);
    return entries.join(u' ');
}

QString zshScript()
{
    const ValuePatterns v = valuePatterns();
    QString options, next;
    for (const QString &path : reachablePaths()) {
        QList<std::pair<QString, QString>> described;
        for (const CliOption &o : optionsAt(path))
            described << std::pair {
                (o.longName().size() == 1 ? u"-"_s : u"--"_s) + o.longName(), o.description};
        options += u"    (\"%1\") items=(%2) ;;\n"_s.arg(path, describeList(described));
        if (const auto words = nextWords(path); !words.isEmpty())
            next += u"    (\"%1\") items=(%2) ;;\n"_s.arg(path, describeList(words));
    }
    return u"#compdef release-cockpit\n"
           "# zsh completion for release-cockpit, generated from its command table\n"
           "# (release-cockpit completion zsh).\n"
           "_release-cockpit() {\n"
           "  local -a cmdwords items\n"
           "  local i w key skip=0\n"
           "  for ((i = 2; i < CURRENT; i++)); do\n"
           "    w=${words[i]}\n"
           "    if ((skip)); then skip=0; continue; fi\n"
           "    case $w in\n"
           "    (--*=*) ;;\n"
           "    (%1) skip=1 ;;\n"
           "    (-*) ;;\n"
           "    (*) key=\"${(j: :)cmdwords} $w\"; key=${key# }\n"
           "      case $key in (%2) cmdwords+=($w) ;; esac ;;\n"
           "    esac\n"
           "  done\n"
           "  key=\"${(j: :)cmdwords}\"\n"
           "  case ${words[CURRENT-1]} in\n"
           "  (%3) _files -/; return ;;\n"
           "  (%4) _files; return ;;\n"
           "  (%5) _message 'value'; return ;;\n"
           "  esac\n"
           "  if [[ $PREFIX == -* ]]; then\n"
           "    case $key in\n%6    esac\n"
           "    _describe -t options 'option' items\n"
           "  else\n"
           "    case $key in\n%7    esac\n"
           "    (( $#items )) && _describe -t commands 'command' items\n"
           "  fi\n"
           "}\n"
           "if [[ $funcstack[1] == _release-cockpit ]]; then\n"
           "  _release-cockpit \"$@\"\n"
           "else\n"
           "  compdef _release-cockpit release-cockpit\n"
           "fi\n"_s.arg(casePattern(v.dirs + v.files + v.others), casePattern(reachablePaths().mid(1)),
               casePattern(v.dirs), casePattern(v.files), casePattern(v.others), options, next);
}

}  // namespace

QString completionScript(const QString &shell)
{
    if (shell == u"bash")
        return bashScript();
    if (shell == u"zsh")
        return zshScript();
    return {};
}

int runCompletion(CliContext &ctx)
{
    const QString script = completionScript(ctx.words().value(1));
    if (script.isEmpty())
        return ctx.usage(u"completion: no script for '%1' (bash, zsh)"_s.arg(ctx.words().value(1)));
    std::fputs(script.toUtf8().constData(), stdout);
    return Ok;
}

}  // namespace cockpit::cli
