// libFuzzer target: parseConventionalCommit never crashes; the input's first line is the subject
// and the rest the body. A parsed type is lower-case, and breaking always carries a note.
#include "conventional_commit.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using namespace cockpit;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const qsizetype nl = text.indexOf(u'\n');
    const QString subject = nl < 0 ? text : text.left(nl);
    const QString body = nl < 0 ? QString() : text.mid(nl + 1);
    const ConventionalCommit c = parseConventionalCommit(subject, body);
    if (c.conventional && (c.type.isEmpty() || c.type != c.type.toLower()))
        std::abort();
    if (c.breaking && c.breakingNote.isEmpty())
        std::abort();
    for (const int pr : c.pullRequests) {
        if (pr <= 0)
            std::abort();
    }
    (void)changelogSectionFor(c);
    return 0;
}
