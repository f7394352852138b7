package io.tributary.triggers.function;

import io.tributary.storage.Store;
import io.tributary.triggers.runtime.Invoker;
import java.net.URI;
import java.time.Clock;

/** The functions, their code, and invoking them. (Being written: issue 8.) */
public final class Functions {
  public Functions(Store store, Clock clock, String accountId, Invoker invoker) {}

  public void serving(URI endpoint) {}
}
