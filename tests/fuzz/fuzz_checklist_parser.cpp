// libFuzzer target: parseChecklist must never crash; for any input it accepts, import > export >
// import keeps items and states, and export is a fixed point from the first export on. (Byte
// identity of an untouched export holds for templates, not for arbitrary state comments.)
#include "checklist_parser.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using namespace cockpit;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    auto phase = parseChecklist(input, QStringLiteral("fuzz"), QStringLiteral("fuzz.md"));
    if (!phase)
        return 0;
    if (exportChecklist(*phase).size() == 0)
        std::abort();
    int n = 0;
    for (ChecklistSection &s : phase->sections) {
        for (ChecklistItem &item : s.items) {
            item.state = static_cast<ItemState>(n++ % 4);
            // A reason belongs to N/A only; export drops it for other states.
            item.naReason
                = item.state == ItemState::NotApplicable ? QStringLiteral("-- > <!-- %") : QString();
        }
    }
    const QByteArray exported = exportChecklist(*phase);
    auto again = parseChecklist(exported, QStringLiteral("fuzz"), QStringLiteral("fuzz.md"));
    if (!again || again->itemCount() != phase->itemCount())
        std::abort();
    for (qsizetype s = 0; s < phase->sections.size(); ++s) {
        for (qsizetype i = 0; i < phase->sections.at(s).items.size(); ++i) {
            const ChecklistItem &a = phase->sections.at(s).items.at(i);
            const ChecklistItem &b = again->sections.at(s).items.at(i);
            if (a.key != b.key || a.state != b.state || a.naReason != b.naReason || a.text != b.text)
                std::abort();
        }
    }
    if (exportChecklist(*again) != exported)
        std::abort();
    return 0;
}
