package io.tributary.server;

import io.tributary.server.cli.ServeCommand;
import io.tributary.server.http.NettyDefaults;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line: {@code tributary serve [options]}. Without a subcommand it serves, so {@code
 * java -jar tributary-server.jar} alone, or with DynamoDB Local's flags, starts the server.
 */
@Command(
    name = "tributary",
    subcommands = {ServeCommand.class, CommandLine.HelpCommand.class},
    description = "A server that speaks Amazon DynamoDB's wire protocol.")
public final class Main {

  public static void main(String[] args) {
    NettyDefaults.apply();
    System.exit(commandLine().execute(withDefaultCommand(args)));
  }

  /** The command line, for tests that want to parse without running. */
  public static CommandLine commandLine() {
    return new CommandLine(new Main());
  }

  /** Puts "serve" in front of arguments that start with an option (or of no arguments). */
  static String[] withDefaultCommand(String[] args) {
    if (args.length > 0 && !args[0].startsWith("-")) {
      return args;
    }
    String[] withServe = new String[args.length + 1];
    withServe[0] = "serve";
    System.arraycopy(args, 0, withServe, 1, args.length);
    return withServe;
  }
}
