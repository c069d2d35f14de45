package org.wsca.jobs;

import java.util.concurrent.Callable;
import picocli.CommandLine.Option;

/** What every entry point's command shares: the exit code it returns and --verbose. */
abstract class JobCommand implements Callable<Integer> {
  @Option(names = "--verbose", description = "Print stack traces on errors.")
  boolean verbose;

  boolean verbose() {
    return verbose;
  }
}
