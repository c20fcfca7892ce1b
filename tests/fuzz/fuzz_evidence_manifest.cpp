// libFuzzer target: the evidence pack's text members read directly (the zip target rarely gets a
// mutated member past the zip's CRC): release_manifest.json, checksums.txt and audit.jsonl,
// NUL-separated. A refusal says why; an accepted manifest or checksums list writes back to bytes
// that read again to the same bytes.
#include "evidence_manifest.h"
#include "evidence_records.h"
#include "fuzz_text.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using namespace cockpit;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QList<QByteArray> f = fuzz::fields(data, size, 3);
    if (const auto manifest = parseEvidenceManifest(f.at(0))) {
        const QByteArray json = evidenceManifestJson(*manifest);
        const auto again = parseEvidenceManifest(json);
        if (!again || evidenceManifestJson(*again) != json)
            std::abort();
    } else if (manifest.error().message.isEmpty()) {
        std::abort();
    }
    if (const auto sums = parseChecksumsText(f.at(1))) {
        const QByteArray text = checksumsText(*sums);
        const auto again = parseChecksumsText(text);
        if (!again || checksumsText(*again) != text)
            std::abort();
    } else if (sums.error().message.isEmpty()) {
        std::abort();
    }
    if (const auto audit = parseAuditJsonLines(f.at(2)))
        (void)auditExcerptProblems(*audit);
    else if (audit.error().message.isEmpty())
        std::abort();
    return 0;
}
