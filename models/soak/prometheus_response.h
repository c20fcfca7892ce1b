#pragma once
// Reads an answer of Prometheus' HTTP API (/api/v1/query, /api/v1/query_range) into a
// QueryOutcome: vector, matrix and scalar results, "NaN"/"+Inf"/"-Inf" values, error bodies with
// errorType and error, warnings. One pass over the bytes (no DOM): a 66,000-sample range answer
// is the common case. Parse errors name the JSON path and byte offset.
#include "soak_types.h"

#include <QByteArrayView>

namespace cockpit {

// httpStatus: the response's status (0 when unknown). Prometheus answers errors with 400, 422 or
// 503 and a JSON body; any other non-200 status without such a body is an HttpError.
// Non-finite values of an instant answer (vector, scalar) make it NotFinite (samples kept);
// a range answer keeps them as samples, since one NaN step does not spoil the series.
[[nodiscard]] QueryOutcome parsePrometheusResponse(QByteArrayView body, int httpStatus = 200);

}  // namespace cockpit
