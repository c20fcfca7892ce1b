// libFuzzer target: SemVer parsing never crashes; whatever parses prints back identically and
// compares equal to itself; tags round-trip through the policy's tag format.
#include "semver.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using namespace cockpit;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const auto v = SemVer::parse(text);
    if (v) {
        if (v->toString() != text || v->compare(*v) != 0)
            std::abort();
        const auto tag = SemVer::parseTag(tagName(QStringLiteral("v{version}"), *v));
        if (!tag || !tag->isIdentical(*v))
            std::abort();
        (void)v->bump(SemVer::Part::Patch);
    }
    (void)SemVer::parseTag(text);
    return 0;
}
