package io.tributary.server.http;

/**
 * Netty's settings for a server process, set before any Netty class loads (a system property given
 * on the command line wins). Tests that start a server in-process keep Netty's own defaults, so
 * that its leak detector still watches them.
 */
public final class NettyDefaults {
  private NettyDefaults() {}

  /** Call first thing in {@code main}. */
  public static void apply() {
    // Netty registers its buffer allocators' Flight Recorder events when its classes load: about
    // 50 ms of a 1 s start for telemetry nobody reads.
    setUnlessGiven("io.netty.jfr.enabled", "false");
    // The leak detector records a stack trace for one buffer in 128, on every request path: about
    // 1% of a GetItem's CPU, for a check the test suite already makes.
    setUnlessGiven("io.netty.leakDetection.level", "disabled");
  }

  private static void setUnlessGiven(String property, String value) {
    if (System.getProperty(property) == null) {
      System.setProperty(property, value);
    }
  }
}
