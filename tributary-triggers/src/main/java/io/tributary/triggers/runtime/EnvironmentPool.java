package io.tributary.triggers.runtime;

import io.tributary.triggers.function.FunctionDefinition;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Predicate;

/**
 * The execution environments of one function as it is now (one code, one configuration): warm ones
 * are reused, most recently used first; a new one starts when all are busy, up to a cap, beyond
 * which invocations wait their turn.
 */
final class EnvironmentPool {
  /** Starts an environment for the pool; may fail if the runtime cannot be started. */
  @FunctionalInterface
  interface Starter {
    ExecutionEnvironment start(FunctionDefinition function, Path taskRoot)
        throws Bootstrap.NotStartable;
  }

  /** The pool was retired: the function changed, or was deleted, or the invoker closed. */
  static final class Retired extends Exception {
    Retired() {
      super("retired", null, false, false);
    }
  }

  private final FunctionDefinition function;
  private final Path taskRoot;
  private final int cap;
  private final Deque<ExecutionEnvironment> idle = new ArrayDeque<>();
  private final List<ExecutionEnvironment> all = new ArrayList<>();
  private int starting;
  private boolean retired;

  EnvironmentPool(FunctionDefinition function, Path taskRoot, int cap) {
    this.function = function;
    this.taskRoot = taskRoot;
    this.cap = cap;
  }

  FunctionDefinition function() {
    return function;
  }

  Path taskRoot() {
    return taskRoot;
  }

  /**
   * A warm environment, or a new one; waits while {@code cap} are busy.
   *
   * @throws Bootstrap.NotStartable when a new environment was needed and could not be started
   * @throws Retired when the pool was retired while waiting (the caller retries with the function's
   *     new pool)
   */
  ExecutionEnvironment acquire(Starter starter)
      throws Bootstrap.NotStartable, InterruptedException, Retired {
    List<ExecutionEnvironment> dead = new ArrayList<>();
    try {
      synchronized (this) {
        while (true) {
          if (retired) {
            throw new Retired();
          }
          ExecutionEnvironment warm = idle.pollFirst();
          if (warm != null) {
            if (warm.alive()) {
              return warm;
            }
            all.remove(warm);
            dead.add(warm);
            continue;
          }
          if (all.size() + starting < cap) {
            starting++;
            break;
          }
          wait();
        }
      }
    } finally {
      dead.forEach(ExecutionEnvironment::awaitStopped);
    }
    ExecutionEnvironment fresh = null;
    try {
      fresh = starter.start(function, taskRoot);
      return fresh;
    } finally {
      synchronized (this) {
        starting--;
        if (fresh != null) {
          all.add(fresh);
        }
        notifyAll();
      }
    }
  }

  /** Gives an environment back after an invocation; one that failed is stopped. */
  void release(ExecutionEnvironment environment) {
    boolean stop;
    synchronized (this) {
      stop = retired || !environment.alive();
      if (stop) {
        all.remove(environment);
      } else {
        environment.markIdle();
        idle.addFirst(environment);
      }
      notifyAll();
    }
    if (stop) {
      environment.awaitStopped();
    }
  }

  /**
   * Takes the idle environments {@code which} selects out of the pool (to be stopped by the
   * caller).
   */
  synchronized List<ExecutionEnvironment> removeIdle(Predicate<ExecutionEnvironment> which) {
    List<ExecutionEnvironment> removed = new ArrayList<>();
    idle.removeIf(
        environment -> {
          if (which.test(environment)) {
            removed.add(environment);
            all.remove(environment);
            return true;
          }
          return false;
        });
    return removed;
  }

  /**
   * Ends the pool: no more invocations. Returns the idle environments, for the caller to stop; busy
   * ones finish their invocation and are stopped when given back.
   */
  synchronized List<ExecutionEnvironment> retire() {
    retired = true;
    List<ExecutionEnvironment> environments = List.copyOf(idle);
    idle.clear();
    all.removeAll(environments);
    notifyAll();
    return environments;
  }

  synchronized boolean retired() {
    return retired;
  }

  /** Every environment, busy ones too (for shutting down). */
  synchronized List<ExecutionEnvironment> all() {
    return List.copyOf(all);
  }

  /** Whether no environment of the pool is left (its task root can go). */
  synchronized boolean empty() {
    return all.isEmpty() && starting == 0;
  }
}
