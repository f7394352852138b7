package io.tributary.triggers.runtime;

import io.tributary.triggers.function.FunctionDefinition;
import java.net.URI;

/** Runs functions. */
public interface Invoker extends AutoCloseable {

  /**
   * Runs {@code function} once with {@code payload} (JSON) and waits for its answer, at most its
   * timeout. Never throws for anything the function does: errors, timeouts and crashes come back as
   * an {@link Invocation} with a function error, as Lambda reports them.
   *
   * @param code the function's deployment package (a zip)
   */
  Invocation invoke(FunctionDefinition function, byte[] code, byte[] payload, String requestId);

  /** Stops the function's warm processes (its code or configuration changed, or it is deleted). */
  void retire(String functionArn);

  /**
   * Tells the invoker where Tributary answers, so that SDK calls made by handlers come back to it
   * ({@code AWS_ENDPOINT_URL} in their environment). Environments started before keep what they
   * had.
   */
  default void serving(URI endpoint) {}

  @Override
  void close();
}
