package io.iechor.prune.examples.cli;

/**
 * The exit statuses of {@code bin/iechor}, chosen to match the iEchor (docker) CLI.
 *
 * <ul>
 *   <li>{@value #OK}: pruned, printed help, or the prompt was declined (nothing removed);</li>
 *   <li>{@value #FAILED}: the prune could not be done: a bad or unsupported filter, no engine at
 *       the address, the engine refused; nothing was removed by this command unless its error
 *       line says the connection broke mid-way;</li>
 *   <li>{@value #USAGE}: the command line itself is wrong: unknown command or option, missing or
 *       malformed option value.</li>
 * </ul>
 */
public final class ExitCodes {
  /** Success, help, or a declined prompt. */
  public static final int OK = 0;
  /** The prune failed. */
  public static final int FAILED = 1;
  /** The command line is wrong; the docker CLI uses 125 for this too. */
  public static final int USAGE = 125;

  private ExitCodes() {
  }
}
