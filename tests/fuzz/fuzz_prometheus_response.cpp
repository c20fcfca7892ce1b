// libFuzzer target: the Prometheus answer reader never crashes or reads out of bounds, under any
// HTTP status; a successful outcome is well-formed (ascending samples are not required, but a
// failure never carries series, and an ok answer always has at least one sample).
#include "prometheus_response.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using namespace cockpit;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView body(reinterpret_cast<const char *>(data), qsizetype(size));
    for (int status : {200, 0, 400, 503}) {
        const QueryOutcome r = parsePrometheusResponse(body, status);
        if (r.ok()) {
            qsizetype samples = 0;
            for (const Series &s : r.series)
                samples += s.samples.size();
            if (samples == 0 || r.resultType.isEmpty())
                std::abort();
        } else if (r.failure != QueryFailure::NotFinite && (!r.series.isEmpty() || r.message.isEmpty())) {
            std::abort();
        }
    }
    return 0;
}
