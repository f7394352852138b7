package io.tributary.bench.rate;

import java.util.Locale;

/**
 * The measured part of a constant-rate run. Latencies are in microseconds, counted from when each
 * request was meant to go out.
 *
 * @param requests requests meant to go out in the measured part and answered (2xx or not)
 * @param durationMicros from the start of the measured part to its last answer (at least the
 *     measured duration)
 * @param targetRate requests per second asked for
 * @param errors non-2xx answers, requests lost with their connection, and requests not answered by
 *     the end of the drain
 * @param unanswered requests not answered by the end of the drain (part of {@code errors})
 * @param queued requests that found every connection busy at their time and waited for one
 * @param sendLagP50Micros median of the wait between a request's time and its sending: the client's
 *     own lateness (timer, CPU) plus the wait for a connection; part of every latency
 * @param sendLagP99Micros its 99th percentile
 * @param clientCpuMicrosPerRequest the client process's CPU time over the measured part (drain
 *     included) per request, or -1 if not known
 */
record RateResult(
    long requests,
    long durationMicros,
    double targetRate,
    long p50Micros,
    long p90Micros,
    long p99Micros,
    long p999Micros,
    long maxMicros,
    long non2xx,
    long errors,
    long unanswered,
    long queued,
    long sendLagP50Micros,
    long sendLagP99Micros,
    long clientCpuMicrosPerRequest) {

  double achievedRate() {
    return durationMicros == 0 ? 0 : requests * 1e6 / durationMicros;
  }

  /** One line for the side-by-side driver, like the wrk scripts' {@code WRK_RESULT}. */
  String line() {
    return String.format(
        Locale.ROOT,
        "RATE_RESULT requests=%d duration_us=%d target_rate=%.1f achieved_rate=%.1f p50_us=%d"
            + " p90_us=%d p99_us=%d p999_us=%d max_us=%d non2xx=%d errors=%d unanswered=%d"
            + " queued=%d send_lag_p50_us=%d send_lag_p99_us=%d client_cpu_us_per_op=%d",
        requests,
        durationMicros,
        targetRate,
        achievedRate(),
        p50Micros,
        p90Micros,
        p99Micros,
        p999Micros,
        maxMicros,
        non2xx,
        errors,
        unanswered,
        queued,
        sendLagP50Micros,
        sendLagP99Micros,
        clientCpuMicrosPerRequest);
  }

  /** A few lines for a person. */
  String summary() {
    return String.format(
        Locale.ROOT,
        """
        %,d requests in %.1f s: %,.0f/s achieved of %,.0f/s targeted
        latency from the intended send time (ms): p50 %.3f  p90 %.3f  p99 %.3f  p99.9 %.3f  max %.3f
        %,d waited for a free connection; send lag p50 %.3f p99 %.3f ms; the client's CPU %d us a request
        errors: %,d (%,d non-2xx, %,d unanswered)
        """,
        requests,
        durationMicros / 1e6,
        achievedRate(),
        targetRate,
        p50Micros / 1e3,
        p90Micros / 1e3,
        p99Micros / 1e3,
        p999Micros / 1e3,
        maxMicros / 1e3,
        queued,
        sendLagP50Micros / 1e3,
        sendLagP99Micros / 1e3,
        clientCpuMicrosPerRequest,
        errors,
        non2xx,
        unanswered);
  }
}
