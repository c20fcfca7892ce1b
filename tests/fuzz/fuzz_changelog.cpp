// libFuzzer target: parseChangelog, the linter, coverage, cut and entry insertion never crash on
// any input; every line number they report lies in the file; a successful cut or insertion
// parses again and keeps the input's bytes before the Unreleased heading.
#include "changelog.h"
#include "changelog_coverage.h"
#include "changelog_cut.h"
#include "changelog_lint.h"
#include "markdown_lines.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using namespace cockpit;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    auto log = parseChangelog(input, QStringLiteral("CHANGELOG.md"));
    if (!log)
        return 0;
    const int lines = int(input.count('\n') + input.count('\r')) + 1;
    for (const LintDiagnostic &d : lintChangelog(*log, input, {}))
        if (d.where.line < 1 || d.where.line > lines || d.ruleId.isEmpty())
            std::abort();
    for (const ChangelogRelease &r : log->releases) {
        if (r.line < 1 || r.endLine < r.line || r.endLine > lines)
            std::abort();
        (void)log->sectionText(r.version);
    }
    CommitInfo commit;
    commit.sha = QStringLiteral("9f3c2ab4").leftJustified(40, u'0');
    commit.subject = QStringLiteral("feat(api): paginate route exports (#1201)");
    commit.parents = {QString(40, u'a')};
    (void)computeCoverage({commit}, *log, {});
    if (auto cut
        = cutRelease(input, QStringLiteral("99.0.0"), QDate(2030, 1, 2), QStringLiteral("v{version}"))) {
        auto again = parseChangelog(*cut, {});
        if (!again || !again->release(QStringLiteral("99.0.0")))
            std::abort();
        const MarkdownLines index(input);
        const qsizetype head = index.start(log->unreleased()->line);  // a cut needs Unreleased
        if (cut->left(head) != input.left(head))
            std::abort();
    }
    if (auto added = insertUnreleasedEntry(input, QStringLiteral("Fixed"), QStringLiteral("fuzz entry"))) {
        if (!parseChangelog(*added, {}))
            std::abort();
    }
    return 0;
}
