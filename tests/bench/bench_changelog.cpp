// Parse + lint of a 1 MB changelog built from the corpus, in MB/s, against the peer: cmark-gfm
// parsing the same bytes alone (with source positions and the table extension, as we do).
#include "changelog.h"
#include "changelog_lint.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>
#include <cstdio>

using namespace cockpit;

namespace {

// The corpus files' release sections, repeated under one title with fresh versions until 1 MB.
QByteArray buildChangelog()
{
    const QDir dir(QStringLiteral(COCKPIT_SOURCE_DIR "/../shared/corpus/changelogs"));
    QByteArray body;
    for (const QString &name : dir.entryList({QStringLiteral("*.md")}, QDir::Files, QDir::Name)) {
        if (name == QLatin1String("SOURCES.md"))
            continue;
        QFile f(dir.filePath(name));
        if (f.open(QIODevice::ReadOnly))
            body += f.readAll() + '\n';
    }
    QByteArray out = "# Changelog\n\n## [Unreleased]\n\n";
    for (int i = 0; out.size() < 1024 * 1024; ++i) {
        out += QStringLiteral("## [%1.0.0] - 2024-01-01\n\n").arg(100000 - i).toUtf8();
        out += body.left(1024 * 1024 - out.size() + 1);
    }
    return out.left(1024 * 1024);
}

double cmarkSeconds(const QByteArray &text, int rounds)
{
    cmark_gfm_core_extensions_ensure_registered();
    QElapsedTimer t;
    t.start();
    for (int i = 0; i < rounds; ++i) {
        cmark_parser *p = cmark_parser_new(CMARK_OPT_SOURCEPOS);
        cmark_parser_attach_syntax_extension(p, cmark_find_syntax_extension("table"));
        cmark_parser_feed(p, text.constData(), size_t(text.size()));
        cmark_node *doc = cmark_parser_finish(p);
        cmark_node_free(doc);
        cmark_parser_free(p);
    }
    return t.nsecsElapsed() / 1e9 / rounds;
}

double oursSeconds(const QByteArray &text, int rounds, qsizetype &diagnostics)
{
    QElapsedTimer t;
    t.start();
    for (int i = 0; i < rounds; ++i) {
        auto log = parseChangelog(text, QStringLiteral("CHANGELOG.md"));
        diagnostics = log ? lintChangelog(*log, text, {}).size() : -1;
    }
    return t.nsecsElapsed() / 1e9 / rounds;
}

}  // namespace

int main()
{
    const QByteArray text = buildChangelog();
    const double mb = text.size() / (1024.0 * 1024.0);
    const int rounds = 5;
    qsizetype diagnostics = 0;
    cmarkSeconds(text, 1);  // warm-up
    oursSeconds(text, 1, diagnostics);
    const double peer = cmarkSeconds(text, rounds);
    const double ours = oursSeconds(text, rounds, diagnostics);
    std::printf("changelog parse+lint: %.2f MB, %lld lines, %lld diagnostics\n", mb,
        (long long)text.count('\n'), (long long)diagnostics);
    std::printf("  ours (parse + lint)   %8.1f ms  %7.1f MB/s\n", ours * 1000, mb / ours);
    std::printf("  peer (cmark-gfm only) %8.1f ms  %7.1f MB/s\n", peer * 1000, mb / peer);
    std::printf("  ratio ours/peer time  %8.2fx\n", ours / peer);
    return 0;
}
