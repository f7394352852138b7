package io.tributary.triggers.runtime;

/** How one invocation ended, as the execution environment saw it. */
sealed interface Outcome {

  /** The runtime posted the function's result. */
  record Response(byte[] payload) implements Outcome {}

  /** The runtime posted an error document for the invocation (the function threw). */
  record FunctionError(byte[] document, String errorType) implements Outcome {}

  /**
   * The runtime could not load the function and posted an init error instead of asking for events.
   */
  record InitError(byte[] document, String errorType) implements Outcome {}

  /** The function's result is over Lambda's 6 MB limit for synchronous answers. */
  record ResponseTooLarge() implements Outcome {}

  /** The invocation ran past the function's Timeout (or the runtime never asked for it). */
  record TimedOut() implements Outcome {}

  /** The runtime's process ended before answering. */
  record Exited(int status) implements Outcome {}

  /** The process could not be started at all (no bootstrap, no interpreter). */
  record NotStarted(String errorType, String reason) implements Outcome {}
}
