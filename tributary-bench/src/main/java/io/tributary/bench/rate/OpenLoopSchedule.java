package io.tributary.bench.rate;

import java.util.ArrayDeque;
import org.HdrHistogram.Histogram;

/**
 * The arithmetic of an open-loop run, apart from any network: request {@code i} is meant to go out
 * at {@code start + i / rate}, whatever happened to the requests before it. At that moment it goes
 * to a free connection, or waits for the next connection to come free; either way its latency is
 * counted from the moment it was meant to go out, not from when it went. A server that stalls for a
 * second thus shows a second of latency on every request scheduled during the stall, as a user
 * arriving at a steady rate would see it, instead of the one slow request a closed-loop client
 * (wrk, YCSB) records before it stops sending (coordinated omission; wrk2 corrects it the same
 * way).
 *
 * <p>Only requests meant to go out in {@code [measureFrom, end)} are counted; the ones before are
 * the warm-up. Not thread-safe: one event loop calls it, with the times it reads from its clock.
 *
 * @param <C> a connection
 */
final class OpenLoopSchedule<C> {
  /** Sends one request on a free connection. */
  interface Sender<C> {
    void send(C connection, long intendedNanos);
  }

  private final long startNanos;
  private final double intervalNanos;
  private final long measureFromNanos;
  private final long endNanos;
  private final long total;
  private final long firstMeasured;
  private final Sender<C> sender;
  private final ArrayDeque<C> idle = new ArrayDeque<>();
  private final Histogram latency = new Histogram(3);
  private final Histogram sendLag = new Histogram(3);

  private long due; // requests whose time has come
  private long sent; // requests handed to a connection
  private long inFlight;
  private long answered; // measured requests answered, 2xx or not
  private long non2xx;
  private long lost; // measured requests whose connection closed before the answer
  private long queued; // measured requests that found no free connection at their time
  private long lastAnswerNanos;

  /**
   * @param startNanos when request 0 is meant to go out
   * @param rate requests per second
   * @param measureFromNanos requests meant to go out before this are the warm-up
   * @param endNanos no request is meant to go out at or after this
   */
  OpenLoopSchedule(
      long startNanos, double rate, long measureFromNanos, long endNanos, Sender<C> sender) {
    if (!(rate > 0) || measureFromNanos < startNanos || endNanos < measureFromNanos) {
      throw new IllegalArgumentException("rate " + rate + " or times out of order");
    }
    this.startNanos = startNanos;
    this.intervalNanos = 1e9 / rate;
    this.measureFromNanos = measureFromNanos;
    this.endNanos = endNanos;
    this.sender = sender;
    this.total = firstAtOrAfter(endNanos);
    this.firstMeasured = firstAtOrAfter(measureFromNanos);
    this.lastAnswerNanos = endNanos;
  }

  /** When request {@code i} is meant to go out. */
  long intendedNanos(long i) {
    // From i each time, not by adding the interval up, so that rounding never drifts.
    return startNanos + (long) (i * intervalNanos);
  }

  private long firstAtOrAfter(long nanos) {
    long i = Math.max(0, (long) Math.ceil((nanos - startNanos) / intervalNanos));
    while (i > 0 && intendedNanos(i - 1) >= nanos) {
      i--;
    }
    while (intendedNanos(i) < nanos) {
      i++;
    }
    return i;
  }

  /** The time the next request not yet due is meant to go out, or -1 when none is left. */
  long nextIntendedNanos() {
    return due < total ? intendedNanos(due) : -1;
  }

  /** Time has come to {@code now}: sends what is due on the free connections, queues the rest. */
  void advance(long now) {
    while (due < total && intendedNanos(due) <= now) {
      if (sent == due && !idle.isEmpty()) {
        send(idle.poll(), now);
      } else if (due >= firstMeasured) {
        queued++;
      }
      due++;
    }
  }

  /** A connection is open and has nothing in flight (at the start, or after a reconnect). */
  void connected(C connection, long now) {
    if (sent < due) {
      send(connection, now);
    } else {
      idle.push(connection);
    }
  }

  /**
   * The answer to the request in flight on {@code connection} arrived at {@code now}; the
   * connection takes the oldest waiting request, if any.
   */
  void answered(C connection, long intendedNanos, boolean success, long now) {
    inFlight--;
    if (measured(intendedNanos)) {
      answered++;
      latency.recordValue(Math.max(0, now - intendedNanos));
      lastAnswerNanos = Math.max(lastAnswerNanos, now);
      if (!success) {
        non2xx++;
      }
    }
    connected(connection, now);
  }

  /** The connection closed: it takes no more requests. */
  void closed(C connection) {
    idle.remove(connection);
  }

  /** The connection closed with the request meant for {@code intendedNanos} in flight. */
  void lost(long intendedNanos) {
    inFlight--;
    if (measured(intendedNanos)) {
      lost++;
    }
  }

  /** Every request has gone out and come back (or been lost). */
  boolean finished() {
    return sent == total && inFlight == 0;
  }

  private boolean measured(long intendedNanos) {
    return intendedNanos >= measureFromNanos && intendedNanos < endNanos;
  }

  private void send(C connection, long now) {
    long intended = intendedNanos(sent++);
    inFlight++;
    if (measured(intended)) {
      sendLag.recordValue(Math.max(0, now - intended));
    }
    sender.send(connection, intended);
  }

  /**
   * The measured part of the run as it stands; requests not answered yet count as errors.
   *
   * @param clientCpuNanos the client's CPU time over the measured part, or -1 if not known
   */
  RateResult result(double rate, long clientCpuNanos) {
    long measuredTotal = total - firstMeasured;
    long unanswered = measuredTotal - answered - lost;
    return new RateResult(
        answered,
        (lastAnswerNanos - measureFromNanos) / 1000,
        rate,
        micros(latency, 50),
        micros(latency, 90),
        micros(latency, 99),
        micros(latency, 99.9),
        latency.getTotalCount() == 0 ? 0 : latency.getMaxValue() / 1000,
        non2xx,
        non2xx + lost + unanswered,
        unanswered,
        queued,
        micros(sendLag, 50),
        micros(sendLag, 99),
        clientCpuNanos < 0 || answered == 0 ? -1 : clientCpuNanos / 1000 / answered);
  }

  private static long micros(Histogram histogram, double percentile) {
    return histogram.getTotalCount() == 0 ? 0 : histogram.getValueAtPercentile(percentile) / 1000;
  }
}
