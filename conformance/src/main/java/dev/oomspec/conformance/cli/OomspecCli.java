package dev.oomspec.conformance.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code oomspec} command line. Each subcommand is one class in this package, registered in
 * {@code subcommands} below. Exit codes: 0 success, 1 a finding (e.g. a disagreeing replay), 2 unusable
 * input or arguments.
 */
@Command(
    name = "oomspec",
    mixinStandardHelpOptions = true,
    version = "oomspec 0.1.0",
    description = "Conformance kit and trace replayer for the \"mm: BPF OOM\" series.",
    subcommands = {CommandLine.HelpCommand.class, ReplayCommand.class, EventsCommand.class, CaptureCommand.class})
public final class OomspecCli {

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the CLI and returns the exit code; usage errors map to 2. */
  public static int run(String... args) {
    CommandLine cli = new CommandLine(new OomspecCli());
    cli.setOut(Utf8Out.stdout()); // UTF-8; takes the JSON lines the reading threads make as bytes
    cli.setParameterExceptionHandler(
        (ex, a) -> {
          cli.getErr().println(ex.getMessage());
          ex.getCommandLine().usage(cli.getErr());
          return 2;
        });
    int exit = cli.execute(args);
    cli.getOut().flush();
    return exit;
  }
}
