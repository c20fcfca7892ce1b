// libFuzzer target: a stored soak recording read from any bytes never crashes; a refusal says
// why; whatever is accepted writes back to JSON that reads again to the same JSON (a fixed point
// from the first write on), and re-evaluating it (what the Soak tab's replay does) never crashes.
#include "soak_recording.h"

#include <QJsonDocument>
#include <cstddef>
#include <cstdint>
#include <cstdlib>

using namespace cockpit;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    const auto recording = parseSoakRecording(input);
    if (!recording) {
        if (recording.error().message.isEmpty())
            std::abort();
        return 0;
    }
    const QJsonObject json = soakRecordingToJson(*recording);
    const auto again = parseSoakRecording(QJsonDocument(json).toJson(QJsonDocument::Compact));
    if (!again || soakRecordingToJson(*again) != json)
        std::abort();
    (void)evaluateRecording(*recording);
    return 0;
}
