package io.tributary.triggers.runtime;

/**
 * What one invocation gave back.
 *
 * @param payload the function's result (JSON bytes), or its error document when it failed
 * @param functionError null on success; {@code Unhandled} when the function failed, timed out or
 *     crashed (the X-Amz-Function-Error header)
 * @param logTail the end of what the invocation wrote to its log (at most 4 KB), START to REPORT
 */
public record Invocation(byte[] payload, String functionError, String logTail) {
  public boolean failed() {
    return functionError != null;
  }
}
