// libFuzzer target for the policy loader: any bytes must come back as a Policy or an Error,
// never a crash, a hang or an escaped exception.
#include "policy_loader.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray yaml(reinterpret_cast<const char *>(data), qsizetype(size));
    const cockpit::Result<cockpit::Policy> policy = cockpit::parsePolicy(yaml, QStringLiteral("fuzz.yml"));
    if (policy) {
        // Exercise the accessors on whatever was accepted.
        (void)policy->tagFor(QStringLiteral("1.0.0"));
        (void)cockpit::validateChecklistRefs(*policy, {QStringLiteral("pre-release")});
    } else if (policy.error().message.isEmpty()) {
        __builtin_trap();  // every refusal must say why
    }
    return 0;
}
