package io.tributary.triggers.runtime;

import io.tributary.triggers.TriggersConfig;
import io.tributary.triggers.function.FunctionDefinition;
import io.tributary.triggers.logs.LogSink;
import java.time.Clock;

/** Runs each function in processes of its own. (Being written: issue 8.) */
public final class ProcessInvoker implements Invoker {
  public ProcessInvoker(TriggersConfig config, LogSink logs, Clock clock) {}

  @Override
  public Invocation invoke(
      FunctionDefinition function, byte[] code, byte[] payload, String requestId) {
    throw new UnsupportedOperationException("runtimes are being written");
  }

  @Override
  public void retire(String functionArn) {}

  @Override
  public void close() {}
}
