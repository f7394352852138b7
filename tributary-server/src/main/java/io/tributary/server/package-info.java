/**
 * The Tributary server process: its configuration ({@link io.tributary.server.ServerConfig}), the
 * running server that tests and the testkit start in-process ({@link
 * io.tributary.server.TributaryServer}), and the command line ({@link io.tributary.server.Main}).
 */
package io.tributary.server;
